"""``bosetting history``, ``bosetting show EDITION`` and ``bosetting record NAME``."""

from __future__ import annotations

import argparse
from typing import Any

from bosetting.data import sources
from bosetting.history import conflicts, edition, editions, record
from bosetting.model import (
    DatePrecision,
    DecisionRule,
    Edition,
    Municipality,
    Nomination,
    NomineesKnown,
    Outcome,
    PartialDate,
    Source,
    TopKThenJury,
)
from bosetting.register import latest

__all__ = ["register", "render_edition", "render_history", "render_record"]

_RULE_SHORT = {
    "jury_only": "jury only",
    "top_k_then_jury": "top {k} by public vote, then jury",
    "weighted_blend": "weighted blend of public vote and jury",
}

_FIELD = {
    NomineesKnown.COMPLETE: "{n} nominees",
    NomineesKnown.PARTIAL: "{n} named (partial)",
    NomineesKnown.WINNER_ONLY: "winner only",
    NomineesKnown.NONE: "none named",
}


def _rule(rule: DecisionRule) -> str:
    k = rule.k if isinstance(rule, TopKThenJury) else None
    return _RULE_SHORT[rule.kind.value].format(k=k)


def _date(when: PartialDate) -> str:
    if when.precision is DatePrecision.DAY:
        return str(when)
    if when.precision is DatePrecision.UNKNOWN:
        return "date unknown"
    return f"{when} ({when.precision.value} only)"


def _span(m: Municipality) -> str:
    return str(m)


def render_history() -> str:
    """One line per edition: label, award date, winner, field of nominees, rule.

    Examples:
        >>> print(render_history().splitlines()[9])
        2018       2019-02-13         Bærum         7 nominees           top 3 by public vote, then jury
    """
    lines = []
    for e in editions():
        when = _date(e.award_when) if e.status.value == "awarded" else e.status.value
        winner = e.winner.name if e.winner else "-"
        field = _FIELD[e.nominees_known].format(n=len(e.nominations))
        lines.append(f"{e.label:<10} {when:<18} {winner:<13} {field:<20} {_rule(e.rule)}")
    return "\n".join(lines)


def _nomination_lines(n: Nomination) -> list[str]:
    then = _span(n.municipality)
    if n.current is None:
        now = "today ambiguous (split)"
    elif n.current == n.municipality:
        now = ""
    else:
        now = f"today {_span(n.current)}"
    written = (
        "" if n.name_as_written == n.municipality.name else f'as written: "{n.name_as_written}"'
    )
    extras = "; ".join(x for x in (now, written, n.imdi_region and f"region {n.imdi_region}") if x)
    ids = ", ".join(s.id for s in n.sources)
    lines = [f"  {n.outcome.value:<9} {then}" + (f" ({extras})" if extras else "") + f" [{ids}]"]
    if n.note:
        lines.append(f"            {n.note}")
    for i in n.initiatives:
        head = i.name or "(unnamed)"
        partners = f" with {', '.join(i.partners)}" if i.partners else ""
        ids = ", ".join(s.id for s in i.sources)
        lines.append(f"            - {head}{partners}: {i.summary_nb} [{ids}]")
    return lines


def _cited(e: Edition) -> list[Source]:
    ids = {s.id for s in e.sources}
    for n in e.nominations:
        ids.update(s.id for s in n.sources)
        for i in n.initiatives:
            ids.update(s.id for s in i.sources)
    for c in conflicts(e.label):
        ids.update(s.id for s in (*c.sources_a, *c.sources_b))
    return [s for sid, s in sources().items() if sid in ids]


def render_edition(e: Edition) -> str:
    """Everything on record about one edition, with its sources and their URLs.

    Examples:
        >>> text = render_edition(edition(2022))
        >>> text.splitlines()[0]
        'Bosettings- og integreringsprisen 2022 (awarded)'
        >>> "  winner    Kinn (4602)" in text
        True
    """
    opt = "unknown"
    lines = [
        f"{e.prize_name} {e.label} ({e.status.value})",
        f"Work year: {e.work_year or opt}; municipality codes as of {e.reference_year}",
        f"Awarded: {_date(e.award_when)}; event: {e.event or opt}; place: {e.place or opt}",
        f"Decision rule: {_rule(e.rule)}. {e.rule.describe_nb()}",
    ]
    if str(e.vote_opens) or str(e.vote_closes):
        lines.append(f"Public vote: opens {_date(e.vote_opens)}, closes {_date(e.vote_closes)}")
    lines.append(f"Nominated by: {e.nomination_route or opt}")
    if e.note:
        lines.append(f"Note: {e.note}")
    field = _FIELD[e.nominees_known].format(n=len(e.nominations))
    lines.append(f"Nominations ({field}):")
    if not e.nominations:
        lines.append("  none on record")
    for n in e.nominations:
        lines.extend(_nomination_lines(n))
    found = conflicts(e.label)
    if found:
        lines.append("Conflicting sources:")
    for c in found:
        a = ", ".join(s.id for s in c.sources_a)
        b = ", ".join(s.id for s in c.sources_b)
        lines.append(
            f"  {c.id} {c.table}/{c.key} {c.field}: {c.value_a} [{a}] vs {c.value_b} [{b}]"
        )
        lines.append(f"      {c.resolution}")
    lines.append("Sources:")
    lines.extend(f"  {s.id}: {s.cite()}" for s in _cited(e))
    return "\n".join(lines)


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def render_record(name: str) -> str:
    """Every nomination of one municipality across mergers, oldest first.

    Examples:
        >>> print(render_record("Bodø").splitlines()[0])
        Bodø (1804): 5 nominations, 0 wins (counting earlier numbers and merged municipalities)
    """
    m = latest(name)
    found = record(m)
    wins = sum(n.outcome is Outcome.WINNER for n in found)
    lines = [
        f"{_span(m)}: {_count(len(found), 'nomination')}, {_count(wins, 'win')} "
        "(counting earlier numbers and merged municipalities)"
    ]
    for n in found:
        written = "" if n.name_as_written == n.municipality.name else f' "{n.name_as_written}"'
        lines.append(f"  {n.edition:<10} {n.outcome.value:<9} {_span(n.municipality)}{written}")
    return "\n".join(lines)


def _history(args: argparse.Namespace) -> int:
    print(render_history())
    return 0


def _show(args: argparse.Namespace) -> int:
    print(render_edition(edition(args.edition)))
    return 0


def _record(args: argparse.Namespace) -> int:
    print(render_record(args.name))
    return 0


def register(subparsers: Any) -> None:
    """Add the ``history``, ``show`` and ``record`` subcommands."""
    p = subparsers.add_parser(
        "history",
        help="list every edition of the prize",
        description="One line per edition: label, award date, winner, nominees, decision rule.",
    )
    p.set_defaults(run=_history)
    p = subparsers.add_parser(
        "show",
        help="show everything about one edition",
        description="Show one edition: dates, rule, nominees, initiatives, conflicts, sources.",
    )
    p.add_argument("edition", metavar="EDITION", help="a label (2019/2020) or a year (2022)")
    p.set_defaults(run=_show)
    p = subparsers.add_parser(
        "record",
        help="every nomination of one municipality",
        description="Every nomination of one municipality, counting its earlier numbers and "
        "the municipalities merged into it.",
    )
    p.add_argument("name", metavar="NAME", help="a municipality's name or code")
    p.set_defaults(run=_record)
