"""What the figures in use cannot assess for an edition, each in one line, with what would fetch them.

An edition's intro rule looks at the three latest cohorts with a one-year
status in the five status years before its reference year, and its settlement
rule at the three years up to its work year (:mod:`bosetting.eligibility._measures`).
Where the figures in use do not reach those years, no municipality can be
assessed on them; :func:`coverage_notes` says so once for the whole edition,
instead of leaving every row "not assessable" without a reason. SSB's newest
intro-programme figures are one ``bosetting update`` away; IMDi's settlement
figures are not fetched by any command.
"""

from __future__ import annotations

from bosetting.eligibility._measures import INTRO_WINDOW, SETTLEMENT_YEARS
from bosetting.figures import Provenance, full_years
from bosetting.i18n import _
from bosetting.model import Criterion, Edition

__all__ = ["INTRO_MEASURES", "coverage_notes"]

#: The criteria's measures that rest on the intro-programme figures.
INTRO_MEASURES = ("intro_share", "intro_share_over_time")
#: The criteria's measures that rest on the settlement figures.
_SETTLEMENT_MEASURES = ("settlement", "settlement_vs_request")


def coverage_notes(
    e: Edition,
    criteria: tuple[Criterion, ...],
    provenance: Provenance,
    *,
    headline: bool = False,
) -> tuple[str, ...]:
    """One line per kind of figure the figures in use cannot assess ``e`` on.

    Args:
        e: The edition.
        criteria: Its criteria (those with figures behind them count).
        provenance: Where the intro-programme figures in use come from.
        headline: Whether both headline figures are shown whatever the criteria
            say (the screen shows them).

    Examples:
        >>> from bosetting.figures import provenance
        >>> from bosetting.history import edition
        >>> e = edition(2022)
        >>> print(*coverage_notes(e, e.criteria, provenance(source="shipped")))  # doctest: +ELLIPSIS
        Intro results for 2022 need municipal figures for the status years 2017–2021; the figures in use (from the data package, status years 2011–2014) cover 0 of those years, so they cannot be assessed. 'bosetting update' fetches SSB’s newest figures.
    """
    measures = {c.measure for c in criteria}
    notes = []
    ref = e.reference_year
    window = range(ref - INTRO_WINDOW, ref)
    if (headline or measures & set(INTRO_MEASURES)) and provenance.covered(
        window
    ) < SETTLEMENT_YEARS:
        notes.append(
            _(
                "Intro results for {edition} need municipal figures for the status years "
                "{first}–{last}; the figures in use ({source}) cover {n} of those years, so they "
                "cannot be assessed. 'bosetting update' fetches SSB’s newest figures.",
                edition=e.label,
                first=window[0],
                last=window[-1],
                source=provenance,
                n=provenance.covered(window),
            )
        )
    basis = e.work_year if e.work_year is not None else ref - 1
    years = range(basis - SETTLEMENT_YEARS + 1, basis + 1)
    full = full_years()
    if (headline or measures & set(_SETTLEMENT_MEASURES)) and (
        full is None or not (full[0] <= years[0] and years[-1] <= full[1])
    ):
        have = "–" if full is None else f"{full[0]}–{full[1]}"
        notes.append(
            _(
                "Settlement against request for {edition} needs IMDi’s figures for whole years "
                "{first}–{last}; the data package has them for {have}, so it cannot be assessed, "
                "and bosetting cannot fetch newer ones.",
                edition=e.label,
                first=years[0],
                last=years[-1],
                have=have,
            )
        )
    return tuple(notes)
