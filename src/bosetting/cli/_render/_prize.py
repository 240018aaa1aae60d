"""The prize record as the command prints it: ``history``, ``show`` and ``record``."""

from __future__ import annotations

from collections.abc import Sequence

from bosetting.cli._render._layout import DASH, beyond_register, heads, or_unknown, table
from bosetting.data import sources
from bosetting.history import conflicts, editions, record_summary
from bosetting.i18n import N_, _, format_date, ngettext
from bosetting.model import (
    Conflict,
    Edition,
    EditionStatus,
    Municipality,
    Nomination,
    NomineesKnown,
    Source,
)

__all__ = ["gap_years", "render_edition", "render_history", "render_record"]


def _field(e: Edition) -> str:
    """How many were nominated; municipalities named only as rivals are counted apart."""
    n = sum(x.outcome.formal for x in e.nominations)
    rivals = len(e.nominations) - n
    if e.nominees_known is NomineesKnown.COMPLETE:
        said = ngettext("{n} nominee", "{n} nominees", n)
    elif e.nominees_known is NomineesKnown.PARTIAL:
        said = ngettext("{n} named, not all", "{n} named, not all", n)
    else:
        said = e.nominees_known.label
    if rivals:
        said += "; " + ngettext("{n} named as a rival", "{n} named as rivals", rivals)
    return said


def _when(e: Edition) -> str:
    if e.status is EditionStatus.AWARDED:
        return format_date(e.award_when)
    return e.status.label


def gap_years() -> list[int]:
    """Years between the first and last edition that no edition's label covers (2017)."""
    covered = {y for e in editions() for y in range(int(e.label.split("/")[0]), e.year + 1)}
    first, last = min(covered), max(covered)
    return [y for y in range(first, last + 1) if y not in covered]


def render_history() -> str:
    """``bosetting history``: one line per edition, and one for each year without an edition."""
    gaps = set(gap_years())
    rows: list[list[str]] = []
    for e in editions():
        for year in sorted(g for g in gaps if g < int(e.label.split("/")[0])):
            rows.append(
                [str(year), DASH, DASH, DASH, _("no edition for the work year {year}", year=year)]
            )
            gaps.discard(year)
        winner = e.winner.name if e.winner else DASH
        rows.append([e.label, _when(e), winner, _field(e), e.rule_label])
    headers = heads(
        N_("Edition"), N_("Awarded"), N_("Winner"), N_("Nominees"), N_("How the winner was chosen")
    )
    return "\n".join(table(headers, rows, indent=""))


def _nomination_lines(n: Nomination, width: int) -> list[str]:
    extras: list[str] = []
    if n.current is None:
        extras.append(_("today unclear: the municipality was split"))
    elif n.current != n.municipality:
        extras.append(_("today {municipality}", municipality=n.current))
    if n.name_as_written != n.municipality.name:
        extras.append(_("written “{name}” in the source", name=n.name_as_written))
    if n.imdi_region:
        extras.append(_("IMDi region {region}", region=n.imdi_region))
    ids = ", ".join(s.id for s in n.sources)
    head = f"  {n.outcome.label:<{width}}  {n.municipality}"
    lines = [head + (f" ({'; '.join(extras)})" if extras else "") + f" [{ids}]"]
    pad = " " * (width + 4)
    if n.note:
        lines.append(f"{pad}{n.note}")
    for i in n.initiatives:
        name = i.name or _("(no name)")
        if i.partners:
            name = _("{name}, with {partners}", name=name, partners=", ".join(map(str, i.partners)))
        ids = ", ".join(s.id for s in i.sources)
        lines.append(f"{pad}- {name}: {i.summary} [{ids}]")
    return lines


def _ids(sources: Sequence[Source]) -> str:
    return ", ".join(s.id for s in sources)


def _handover_line(e: Edition) -> list[str]:
    """Who handed the prize over and who received it, where a source says so."""
    if e.presented_by is None and e.received_by is None:
        return []
    return [
        _(
            "Handed over by: {presented}; received by: {received} [{ids}]",
            presented=or_unknown(e.presented_by),
            received=or_unknown(e.received_by),
            ids=_ids(e.handover_sources),
        )
    ]


def _name_lines(e: Edition) -> list[str]:
    """The other ways the sources wrote the prize's name for the edition."""
    if not e.prize_names:
        return []
    lines = [_("The sources also write the name:")]
    for p in e.prize_names:
        line = f"  “{p.name_as_written}” [{_ids(p.sources)}]"
        lines.append(line + (f": {p.note}" if p.note else ""))
    return lines


def _criteria_lines(e: Edition) -> list[str]:
    """The era's criteria in our words; whether they are assumed for this edition."""
    crit = e.criteria
    if not len(crit):
        return [_("Criteria: none on record")]
    lines = [_("Criteria ({n}; `bosetting check` applies them):", n=len(crit))]
    if crit.assumed:
        lines.append("  " + str(crit.assumption()))
    if crit.combination:
        lines.append("  " + _("How they combine: {text}", text=crit.combination))
    lines.extend(f"  {i}. {c.text} [{_ids(c.sources)}]" for i, c in enumerate(crit, 1))
    return lines


def _cited(e: Edition) -> list[Source]:
    ids = {s.id for s in (*e.sources, *e.handover_sources)}
    ids.update(s.id for p in e.prize_names for s in p.sources)
    ids.update(s.id for c in e.criteria for s in c.sources)
    for n in e.nominations:
        ids.update(s.id for s in n.sources)
        for i in n.initiatives:
            ids.update(s.id for s in i.sources)
    for c in conflicts(e.label):
        ids.update(s.id for s in (*c.sources_a, *c.sources_b))
    return [s for sid, s in sources().items() if sid in ids]


def _conflict_lines(e: Edition, c: Conflict) -> list[str]:
    field = c.field_label
    if c.table == "nominations":
        code = c.key.rpartition("/")[2]
        who = next(
            (str(n.municipality) for n in e.nominations if n.municipality.code == code), code
        )
        field = _("{field} for {municipality}", field=field, municipality=who)
    ids_a, ids_b = (", ".join(s.id for s in side) for side in (c.sources_a, c.sources_b))
    return [
        "  "
        + _(
            "{id} {field}: “{a}” [{ids_a}] versus “{b}” [{ids_b}]",
            id=c.id,
            field=field,
            a=c.value_a,
            b=c.value_b,
            ids_a=ids_a,
            ids_b=ids_b,
        ),
        "      " + _("What the tables use: {resolution}", resolution=c.resolution),
    ]


def render_edition(e: Edition) -> str:
    """``bosetting show EDITION``: everything on record, with the sources and their URLs."""
    lines = [
        f"{e.prize_name} {e.label} ({e.status.label})",
        _(
            "Work year: {work_year}; municipality numbers as in {year}",
            work_year=or_unknown(e.work_year),
            year=e.reference_year,
        ),
        *beyond_register(e.reference_year),
        _(
            "Awarded: {date}; event: {event}; place: {place}",
            date=format_date(e.award_when),
            event=or_unknown(e.event),
            place=or_unknown(e.place),
        ),
        _("How the winner is chosen: {rule}", rule=e.rule_description()),
    ]
    if str(e.vote_opens) or str(e.vote_closes):
        lines.append(
            _(
                "Public vote: from {opens} to {closes}",
                opens=format_date(e.vote_opens),
                closes=format_date(e.vote_closes),
            )
        )
    lines.append(_("Nomination: {route}", route=or_unknown(e.nomination_route)))
    lines.extend(_handover_line(e))
    lines.extend(_name_lines(e))
    if e.note:
        lines.append(_("Note: {note}", note=e.note))
    lines.extend(_criteria_lines(e))
    lines.append(_("Nominations: {field}", field=_field(e)))
    if not e.nominations:
        lines.append("  " + _("none on record"))
    else:
        heading = _("Outcome")
        width = max(len(heading), *(len(n.outcome.label) for n in e.nominations))
        lines.append(f"  {heading:<{width}}  " + _("Municipality (as it was then)"))
        for n in e.nominations:
            lines.extend(_nomination_lines(n, width))
    found = conflicts(e.label)
    if found:
        lines.append(_("Where the sources disagree:"))
    for c in found:
        lines.extend(_conflict_lines(e, c))
    lines.append(_("Sources:"))
    lines.extend(f"  {s.id}: {s.cite()}" for s in _cited(e))
    return "\n".join(lines)


def render_record(m: Municipality, found: Sequence[Nomination]) -> str:
    """``bosetting record NAME``: every nomination across mergers, oldest first."""
    rows = [
        [
            n.edition,
            n.outcome.label,
            str(n.municipality),
            "" if n.name_as_written == n.municipality.name else f"“{n.name_as_written}”",
        ]
        for n in found
    ]
    headers = [
        _("Edition"),
        _("Outcome"),
        _("Municipality (as it was then)"),
        _("Name in the source"),
    ]
    lines = [record_summary(m, found)]
    lines.append(_("Earlier numbers and the municipalities merged into it are counted."))
    if rows:
        lines.extend(table(headers, rows))
    return "\n".join(lines)
