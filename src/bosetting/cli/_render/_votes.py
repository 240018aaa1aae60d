"""What ``tally``, ``decide`` and ``sensitivity`` print: text, JSON and CSV.

JSON documents (top-level keys; a municipality as :data:`bosetting.model.converter`
writes it, shares and scores as decimals in [0, 1], exact weights also as
fractions in text such as ``"6/11"``):

* ``tally``: ``edition``, ``practice`` (whether the ballots are labelled
  ØVINGSDATA), ``labels``, ``duplicates`` (the policy), ``read``, ``counted``,
  ``results`` (one per nominee, best first: ``rank``, ``municipality``, ``votes``,
  ``share``), ``rejected`` (count per reason code, every reason) and
  ``rejected_ballots`` (each ballot not counted: ``source``, ``row``, ``choice``,
  ``voter``, ``timestamp``, ``extra`` (the fields beyond the header's), ``missing``
  (the header's columns a short row lacks), ``reason``;
  written as they are read, so millions of them stream).
* ``decide``: ``edition``, ``practice``, ``rule`` (as in ``show``: ``rule`` and
  ``public_weight``, the weight actually used), ``winner``, ``finalists`` (or ``null``), ``ranking``
  (one per nominee: ``rank``, ``municipality``, ``votes``, ``public_share``,
  ``public_score``, ``jury_score``, ``combined``; ``null`` where unused),
  ``ties``, ``assumptions`` and ``explanation`` (prose in the active language).
* ``sensitivity``: ``edition``, ``practice``, ``hypothetical``, ``intervals``
  (``start``, ``end``, ``start_exact``, ``end_exact``, ``closed_start``,
  ``closed_end``, ``winner``, ``tied_with``), ``changes`` (``at``, ``at_exact``,
  ``before``, ``after``, ``tie``) and ``summary`` (prose).

CSV: ``tally`` :meth:`Tally.to_frame`, ``decide`` :meth:`Decision.to_frame`,
``sensitivity`` :meth:`Sensitivity.to_frame`.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from bosetting.cli._render._formats import Table, json_text
from bosetting.cli._render._layout import table
from bosetting.i18n import _, format_number, format_share
from bosetting.model import PRACTICE_LABEL, DecisionRule, Edition, converter

if TYPE_CHECKING:
    from bosetting.decision import Decision, Sensitivity
    from bosetting.voting import RejectedBallot, Tally, Tie

#: A text as JSON writes it (``ensure_ascii=False``): the json module's own encoder.
_JSON_STR = json.encoder.encode_basestring

__all__ = [
    "decision_json",
    "decision_table",
    "labels_lines",
    "render_decision",
    "render_sensitivity",
    "render_tally",
    "sensitivity_json",
    "sensitivity_table",
    "sensitivity_title",
    "tally_json",
    "tally_table",
    "vote_title",
    "write_tally_json",
]


def vote_title(e: Edition) -> str:
    """The first line of ``tally`` and ``decide``: the prize and the edition."""
    return f"{e.prize_name} {e.label}"


def labels_lines(labels: Iterable[str]) -> list[str]:
    """One line per label the input carried: practice data is said to be practice data."""
    lines = []
    for label in sorted(set(labels)):
        if label == PRACTICE_LABEL:
            lines.append(_("PRACTICE DATA: made-up ballots and scores, not real votes."))
        else:
            lines.append(_("The input is labelled {label}; it is not real votes.", label=label))
    return lines


def render_tally(t: Tally) -> str:
    """The text ``bosetting tally`` prints below its title, in the active language."""
    shares, counts = t.shares, t.counts
    rows = [
        [str(i), m.name, m.code, format_number(counts[m]), format_share(shares[m])]
        for i, m in enumerate(t.ranking(), start=1)
    ]
    heads = [_("No."), _("Municipality"), _("Code"), _("Votes"), _("Share")]
    lines = labels_lines(t.labels) + table(heads, rows, right=(0, 3, 4), indent="")
    lines.append(
        _(
            "Counted: {accepted} of {total} ballots.",
            accepted=format_number(t.accepted),
            total=format_number(t.total),
        )
    )
    for reason, n in t.rejected_by_reason.items():
        if n:
            lines.append(_("Not counted ({reason}): {n}", reason=reason.label, n=format_number(n)))
    return "\n".join(lines)


def _municipality(m: Any) -> Any:
    return None if m is None else converter.unstructure(m)


def _tie(t: Tie) -> dict[str, Any]:
    return {
        "stage": t.stage,
        "members": [m.code for m in t.members],
        "score": t.score,
        "broken_by": t.broken_by,
        "description": t.describe(),
    }


def _tally_head(t: Tally, e: Edition) -> dict[str, Any]:
    shares, counts = t.shares, t.counts
    return {
        "edition": e.label,
        "practice": PRACTICE_LABEL in t.labels,
        "labels": sorted(t.labels),
        "duplicates": t.duplicates.value,
        "read": t.total,
        "counted": t.accepted,
        "results": [
            {"rank": i, "municipality": _municipality(m), "votes": counts[m], "share": shares[m]}
            for i, m in enumerate(t.ranking(), start=1)
        ],
        "rejected": {r.value: n for r, n in t.rejected_by_reason.items()},
    }


def _rejected_items(t: Tally) -> Iterator[dict[str, Any]]:
    for r in t.rejected:
        b = r.ballot
        yield {
            "source": b.source,
            "row": b.row,
            "choice": b.choice,
            "voter": b.voter,
            "timestamp": b.timestamp,
            "extra": list(b.extra),
            "missing": list(b.missing),
            "reason": r.reason.value,
        }


def _json_value(value: Any) -> str:
    return "null" if value is None else _JSON_STR(value) if isinstance(value, str) else str(value)


#: One rejected ballot as ``json_text`` indents it inside the document (fields filled in below).
_ITEM = (
    '{{\n      "source": {source},\n      "row": {row},\n      "choice": {choice},'
    '\n      "voter": {voter},\n      "timestamp": {timestamp},\n      "extra": {extra},'
    '\n      "missing": {missing},\n      "reason": "{reason}"\n    }}'
)


def _item_text(r: RejectedBallot, sources: dict[str | None, str]) -> str:
    b = r.ballot
    source = sources.get(b.source)
    if source is None:
        source = sources[b.source] = _json_value(b.source)
    lists = {}
    for key, values in (("extra", b.extra), ("missing", b.missing)):
        listed = ",\n".join(f"        {_json_value(x)}" for x in values)
        lists[key] = f"[\n{listed}\n      ]" if values else "[]"
    return _ITEM.format(
        source=source,
        row=_json_value(b.row),
        choice=_json_value(b.choice),
        voter=_json_value(b.voter),
        timestamp=_json_value(b.timestamp),
        **lists,
        reason=r.reason.value,
    )


def tally_json(t: Tally, e: Edition) -> dict[str, Any]:
    """``tally --format json`` as one document (:func:`write_tally_json` streams the same)."""
    return {**_tally_head(t, e), "rejected_ballots": list(_rejected_items(t))}


def write_tally_json(t: Tally, e: Edition, *, batch: int = 10_000) -> None:
    """Write :func:`tally_json` to standard output, the rejected ballots a batch at a time.

    Millions of rejected ballots are never all in memory: they are read from the
    file again as they are written (see :class:`~bosetting.voting.LazyRejected`).
    """
    head = json_text(_tally_head(t, e)).rstrip()
    assert head.endswith("}")
    out = getattr(sys.stdout, "buffer", None)

    def write(text: str) -> None:
        if out is None:
            sys.stdout.write(text)
        else:
            out.write(text.encode("utf-8"))

    sys.stdout.flush()
    write(head[:-1].rstrip() + ',\n  "rejected_ballots": [')
    pending: list[str] = []
    first = True
    sources: dict[str | None, str] = {}
    for r in t.rejected:
        pending.append(("\n    " if first else ",\n    ") + _item_text(r, sources))
        first = False
        if len(pending) >= batch:
            write("".join(pending))
            pending.clear()
    write("".join(pending) + ("\n  ]\n}\n" if not first else "]\n}\n"))
    if out is not None:
        out.flush()


def tally_table(t: Tally) -> Table:
    """``tally --format csv``: :meth:`Tally.to_frame`."""
    return Table.from_frame(t.to_frame())


def render_decision(d: Decision, labels: Iterable[str] = ()) -> str:
    """The text ``bosetting decide`` prints below its title: a practice-data line, the explanation.

    (The explanation's assumptions also say which inputs are labelled.)
    """
    return "\n".join([*labels_lines(labels), d.explain()])


def _number(x: Fraction | None) -> float | None:
    return None if x is None else float(x)


def decision_json(d: Decision, e: Edition, labels: Iterable[str] = ()) -> dict[str, Any]:
    """``decide --format json``."""
    by_m = {s.municipality: s for s in d.trace.scores}
    seen = sorted(set(labels))
    return {
        "edition": e.label,
        "practice": PRACTICE_LABEL in seen,
        "labels": seen,
        "rule": converter.unstructure(d.rule, unstructure_as=DecisionRule),
        "winner": _municipality(d.winner),
        "finalists": None if d.finalists is None else [_municipality(m) for m in d.finalists],
        "ranking": [
            {
                "rank": i,
                "municipality": _municipality(m),
                "votes": by_m[m].votes,
                "public_share": _number(by_m[m].public_share),
                "public_score": _number(by_m[m].public_score),
                "jury_score": _number(by_m[m].jury_score),
                "combined": _number(by_m[m].combined),
            }
            for i, m in enumerate(d.ranking, start=1)
        ],
        "ties": [_tie(t) for t in d.trace.ties],
        "assumptions": list(d.assumptions),
        "explanation": d.explain(),
    }


def decision_table(d: Decision) -> Table:
    """``decide --format csv``: :meth:`Decision.to_frame`."""
    return Table.from_frame(d.to_frame())


def sensitivity_title(e: Edition, s: Sensitivity) -> str:
    """The first line of ``bosetting sensitivity``."""
    if s.hypothetical:
        return _(
            "{prize} {label}: the winner at each weight of the public vote "
            "(a hypothetical weighting)",
            prize=e.prize_name,
            label=e.label,
        )
    return _(
        "{prize} {label}: the winner at each weight of the public vote (an assumption)",
        prize=e.prize_name,
        label=e.label,
    )


def render_sensitivity(s: Sensitivity) -> str:
    """The lines ``bosetting sensitivity`` prints below its title: exact intervals covering 0–1."""
    heads = [_("Public weight w"), _("Winner"), _("Exact")]
    rows = [[i.bounds(), str(i.winner), i.exact()] for i in s.intervals]
    lines = labels_lines(s.labels) + table(heads, rows)
    lines += [f"  {i.tie.describe()}" for i in s.intervals if i.tie is not None]
    lines.append(s.describe())
    return "\n".join(lines)


def sensitivity_json(s: Sensitivity, e: Edition) -> dict[str, Any]:
    """``sensitivity --format json``."""
    frame = s.to_frame()
    intervals = []
    for i, row in zip(s.intervals, frame.to_dict("records"), strict=True):
        intervals.append(
            {
                "start": row["start"],
                "end": row["end"],
                "start_exact": str(i.start),
                "end_exact": str(i.end),
                "closed_start": i.closed_start,
                "closed_end": i.closed_end,
                "winner": _municipality(i.winner),
                "tied_with": [m.code for m in i.tie.members if m != i.winner] if i.tie else [],
            }
        )
    return {
        "edition": e.label,
        "practice": s.is_practice,
        "labels": sorted(s.labels),
        "hypothetical": s.hypothetical,
        "intervals": intervals,
        "changes": [
            {
                "at": float(c.at),
                "at_exact": str(c.at),
                "before": _municipality(c.before),
                "after": _municipality(c.after),
                "tie": None if c.tie is None else _tie(c.tie),
            }
            for c in s.changes
        ],
        "summary": s.describe(),
    }


def sensitivity_table(s: Sensitivity) -> Table:
    """``sensitivity --format csv``: :meth:`Sensitivity.to_frame`."""
    return Table.from_frame(s.to_frame())
