"""An honest check of a municipality against an edition's criteria.

The criteria themselves are data (:func:`bosetting.history.criteria_for`).
:func:`assess` gives one result per criterion:

* a *measurable* criterion is computed from the shipped figures (or figures you
  pass in) and is *met*, *not met* or *not assessable*. The rules are
  bosetting's own operationalisation of IMDi's words (see
  :mod:`bosetting.eligibility._measures`): intro results "over 50 % over time" means each of
  the three most recent one-year cohorts in the five status years before the
  edition's reference year *and* their participant-weighted share are above
  50 %; settlement "in line with the request" means at least 90 % of the
  request settled in each of the three years up to the work year and summed.
  A suppressed or missing figure gives *not assessable*, never *not met*.
* a *judgement* criterion says what a jury looks for (marked where that is
  bosetting's interpretation, :meth:`~bosetting.model.Criterion.looks_for_marked`),
  shows the relevant figures as context and *needs judgement*.

"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from bosetting.data import pinned, using
from bosetting.eligibility._coverage import coverage_notes
from bosetting.eligibility._measures import (
    intro_context,
    intro_over_time,
    settlement_context,
    settlement_vs_request,
)
from bosetting.eligibility._results import Assessment, CriterionResult, Figure, Verdict
from bosetting.errors import ValidationError
from bosetting.figures import AreaFilter, Settlement, intro_outcomes, provenance, settlement
from bosetting.history import criteria_for
from bosetting.history import edition as lookup
from bosetting.i18n import N_, _
from bosetting.model import (
    Criterion,
    CriterionKind,
    Edition,
    IntroProgrammeOutcome,
    Municipality,
    checked,
)
from bosetting.register import as_municipality, register_year

if TYPE_CHECKING:
    from bosetting.model import Source

__all__ = ["assess", "assess_with"]


def _edition(edition: Edition | str | int) -> Edition:
    if isinstance(edition, Edition):
        return edition
    return lookup(edition)


def _judgement(
    c: Criterion,
    where: AreaFilter,
    outcomes: Iterable[IntroProgrammeOutcome],
    rows: Iterable[Settlement],
    ref: int,
    basis: int,
) -> CriterionResult:
    reasons = [_("Needs judgement: {wanted}", wanted=c.looks_for_marked() or "").strip()]
    figures: list[Figure] = []
    sources: tuple[Source, ...] = c.sources
    if c.measure == "intro_share":
        figures, notes, sources = intro_context(c, where, outcomes, ref)
        reasons.append(_("The figures below are background for the jury, not a decision."))
        reasons.extend(notes)
    elif c.measure == "settlement":
        figures, notes, sources = settlement_context(c, where, rows, basis)
        reasons.append(_("The figures below are background for the jury, not a decision."))
        reasons.extend(notes)
    if c.note:
        reasons.append(_("Note: {note}", note=c.note))
    return CriterionResult(c, Verdict.NEEDS_JUDGEMENT, tuple(reasons), tuple(figures), sources)


@checked
def assess(
    municipality: Municipality | str,
    edition: Edition | str | int,
    *,
    outcomes: Iterable[IntroProgrammeOutcome] | None = None,
    settlements: Iterable[Settlement] | None = None,
    source: str | None = None,
) -> Assessment:
    """Check one municipality against one edition's criteria.

    Args:
        municipality: A :class:`Municipality`, or a name or code looked up in the
            edition's reference year.
        edition: An :class:`Edition`, or its label or year.
        outcomes: Intro-programme outcomes to use instead of the shipped table
            (for example from :func:`bosetting.ssb.fetch_10824`).
        settlements: Settlement figures to use instead of the shipped table.
        source: ``"shipped"`` for the data package's figures and register whatever
            the cache holds; ``None`` (or ``"auto"``) for SSB's as ``bosetting
            update`` last fetched them where cached (see :func:`bosetting.data.using`).

    Returns:
        One result per criterion, with reasons, figures and sources; where the
        figures come from, and what they cannot assess for the edition.

    Raises:
        EditionNotFound: For an unknown edition.
        MunicipalityNotFound: For an unknown municipality.

    Examples:
        >>> a = assess("Kristiansand", "2016")
        >>> [r.verdict.value for r in a.results]
        ['needs judgement', 'needs judgement', 'needs judgement']
    """
    with using(source) as view, pinned(view):  # one view for the whole assessment
        return assess_with(municipality, edition, outcomes, settlements)


def assess_with(
    municipality: Municipality | str,
    edition: Edition | str | int,
    outcomes: Iterable[IntroProgrammeOutcome] | None,
    settlements: Iterable[Settlement] | None,
) -> Assessment:
    """:func:`assess` inside the library: the arguments already checked, the figures in use."""
    e = _edition(edition)
    ref = e.reference_year
    if isinstance(municipality, str):
        m = as_municipality(municipality, year=register_year(ref))
    elif isinstance(municipality, Municipality):
        m = municipality
    else:
        raise ValidationError(
            N_("give a Municipality, a name or a code"), field="municipality", value=municipality
        )
    basis = e.work_year if e.work_year is not None else ref - 1
    where = AreaFilter.of(m)
    outs = tuple(intro_outcomes(m) if outcomes is None else outcomes)
    rows = tuple(settlement(m) if settlements is None else settlements)
    crit = e.criteria if len(e.criteria) else criteria_for(e.label)
    results: list[CriterionResult] = []
    for c in crit:
        if c.kind is CriterionKind.MEASURABLE and c.measure == "intro_share_over_time":
            results.append(intro_over_time(c, where, outs, ref))
        elif c.kind is CriterionKind.MEASURABLE and c.measure == "settlement_vs_request":
            results.append(settlement_vs_request(c, where, rows, basis))
        else:
            results.append(_judgement(c, where, outs, rows, ref, basis))
    if outcomes is not None:  # the caller's figures: where they come from is the caller's to say
        return Assessment(m, e.label, crit, tuple(results))
    figures = provenance()
    notes = coverage_notes(e, tuple(crit), figures)
    return Assessment(m, e.label, crit, tuple(results), figures, notes)
