"""The screen as the command prints it: ``bosetting screen --edition E [--by settlement|intro]``."""

from __future__ import annotations

from bosetting.cli._render._layout import beyond_register, heads, table
from bosetting.eligibility import Screen, ScreenRow
from bosetting.i18n import N_, _, format_number, format_share, ngettext
from bosetting.model import CriterionKind

__all__ = ["render_screen"]

_BY = {
    "settlement": N_("settled against request"),
    "intro": N_("the intro share"),
}


def _unknown() -> str:
    # TRANSLATORS: a cell of the screen whose figure is missing or hidden.
    return _("cannot be assessed")


def _count(value: int | None) -> str:
    return _unknown() if value is None else format_number(value)


def _share(value: float | None) -> str:
    return _unknown() if value is None else format_share(value)


def _row(row: ScreenRow, measured: list[str]) -> list[str]:
    verdicts = {res.criterion.id: res.verdict.label for res in row.results}
    return [
        str(row.rank),
        str(row.municipality),
        _count(row.settled),
        _count(row.requested),
        _share(row.settled_share),
        _share(row.intro_share),
        *(verdicts.get(c, "") for c in measured),
        "" if row.outcome is None else row.outcome.label,
    ]


def render_screen(s: Screen, top: int | None = None) -> str:
    """Every municipality of the edition's year, ranked, the nominees and the winner marked.

    Args:
        s: The screen.
        top: Show only the first ``top`` rows, and then the nominees further down.
    """
    e = s.edition
    first, last = s.settlement_years[0], s.settlement_years[-1]
    lines = [
        _(
            "{prize} {label}: {municipalities} of {year}, ranked by {by}",
            prize=e.prize_name,
            label=e.label,
            municipalities=ngettext("{n} municipality", "{n} municipalities", len(s.rows)),
            year=s.year,
            by=_(_BY[s.by]),
        ),
        *("  " + line for line in beyond_register(e.reference_year)),
        "  "
        + _(
            "Settled against request: persons settled divided by persons requested by IMDi, "
            "{first}–{last} together.",
            first=first,
            last=last,
        ),
        "  "
        + _(
            "Intro share: former participants in work or education one year after the "
            "programme, the three latest cohorts together."
        ),
        "  "
        + _(
            "“{unknown}”: a figure is missing, hidden (:) or covers only part of a year; it is "
            "never filled in, and such rows come last.",
            unknown=_unknown(),
        ),
        "  " + _("Figures: {source}", source=s.provenance) if s.provenance else "",
        *("  " + note for note in s.coverage),
    ]
    if e.criteria.assumed:
        lines.append("  " + str(e.criteria.assumption()))
    lines = [line for line in lines if line]
    measured = [c.id for c in s.criteria if c.kind is CriterionKind.MEASURABLE]
    headers = heads(
        N_("Place"),
        N_("Municipality"),
        N_("Settled"),
        N_("Requested"),
        N_("Settled of requested"),
        N_("Intro share"),
    )
    headers += [*measured, _("In this edition")]
    shown = list(s.rows if top is None else s.rows[:top])
    rows = [_row(r, measured) for r in shown]
    later = [r for r in s.rows if r.outcome is not None and r not in shown]
    if later:
        rows.append(["…"] + [""] * (len(headers) - 1))
        rows.extend(_row(r, measured) for r in later)
    lines.extend(table(headers, rows, right=(0, 2, 3, 4, 5)))
    marked = [r for r in s.rows if r.outcome is not None]
    if not marked:
        lines.append("  " + _("No nominees are on record for this edition."))
    judged = [c.id for c in s.criteria if c.kind is not CriterionKind.MEASURABLE]
    if judged:
        lines.append(
            "  "
            + _(
                "Criteria for the jury’s judgement ({ids}) are not columns here; "
                "--format csv gives every verdict.",
                ids=", ".join(judged),
            )
        )
    return "\n".join(lines)
