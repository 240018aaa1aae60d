"""Each era's prize criteria as data, and an honest check of a municipality against them.

The criteria come from ``criteria.csv``, in our own bokmål words, with the
editions they apply to. :func:`assess` gives one result per criterion:

* a *measurable* criterion is computed from the shipped figures (or figures you
  pass in) and is *met*, *not met* or *not assessable*. The rules are
  bosetting's own operationalisation of IMDi's words (see
  :mod:`bosetting._measures`): intro results "over 50 % over time" means each of
  the three most recent one-year cohorts in the five status years before the
  edition's reference year *and* their participant-weighted share are above
  50 %; settlement "in line with the request" means at least 90 % of the
  request settled in each of the three years up to the work year and summed.
  A suppressed or missing figure gives *not assessable*, never *not met*.
* a *judgement* criterion says what a jury looks for, shows the relevant
  figures as context and *needs judgement*.

Examples:
    >>> c = criteria_for("2021")
    >>> [x.id for x in c if x.kind.value == "measurable"]
    ['2021-over-50']
    >>> criteria_for("2020") == criteria_for("2019/2020")
    True
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING

from bosetting._areas import AreaFilter
from bosetting._assessment import Assessment, CriterionResult, Figure, Verdict
from bosetting._measures import (
    intro_context,
    intro_over_time,
    settlement_context,
    settlement_vs_request,
)
from bosetting.data import numbered_rows, read_rows, split_ids
from bosetting.errors import DataError, EditionNotFound, ValidationError
from bosetting.model import (
    Criteria,
    Criterion,
    CriterionKind,
    Edition,
    IntroProgrammeOutcome,
    Municipality,
    edition_year,
)
from bosetting.municipalities import REGISTER_LAST_YEAR, as_municipality
from bosetting.outcomes import intro_outcomes
from bosetting.settlement import Settlement, settlement
from bosetting.sources import resolve

if TYPE_CHECKING:
    from bosetting.model import Source

__all__ = [
    "Assessment",
    "CriterionResult",
    "Figure",
    "Verdict",
    "all_criteria",
    "assess",
    "criteria_for",
]

_FILE = "criteria.csv"


@functools.cache
def _rows() -> tuple[tuple[Criterion, int, str | None], ...]:
    out: list[tuple[Criterion, int, str | None]] = []
    for number, row, located in numbered_rows("criteria"):
        with located:
            c = Criterion(
                id=row["criterion_id"],
                text_nb=row["text_nb"],
                kind=CriterionKind(row["kind"]),
                measure=row["measure"],
                threshold=row["threshold"],
                first_edition=row["first_edition"],
                last_edition=row["last_edition"],
                sources=resolve(split_ids(row["source_ids"]), file=_FILE, row=number),
            )
            if c.kind is CriterionKind.MEASURABLE and c.measure not in _MEASURABLE:
                raise DataError(
                    f"a measurable criterion needs one of {', '.join(sorted(_MEASURABLE))}",
                    field="measure",
                    value=c.measure,
                )
        out.append((c, row["position"], row["combination_nb"]))
    return tuple(out)


@functools.cache
def _looks_for() -> dict[str, tuple[str, str | None]]:
    return {r["criterion_id"]: (r["looks_for_nb"], r["note"]) for r in read_rows("criteria")}


_MEASURABLE = {"intro_share_over_time", "settlement_vs_request"}


def all_criteria() -> tuple[Criterion, ...]:
    """Every criterion on record, in file order."""
    return tuple(c for c, _, _ in _rows())


def _applies(c: Criterion, year: int) -> bool:
    first = edition_year(c.first_edition) if c.first_edition else None
    last = edition_year(c.last_edition) if c.last_edition else None
    return (first is None or first <= year) and (last is None or year <= last)


def criteria_for(edition_label: str | int) -> Criteria:
    """The criteria of the era an edition belongs to.

    Args:
        edition_label: The label (``"2019/2020"``) or the year it is looked up by.

    Returns:
        The era's criteria in IMDi's order; empty (with no combination rule) for
        editions where no criteria were found.

    Raises:
        ValidationError: For a malformed label.

    Examples:
        >>> len(criteria_for("2008"))
        0
        >>> criteria_for("2016").combination_nb.startswith("Punkt 1")
        True
    """
    year = edition_year(str(edition_label))
    chosen = sorted((r for r in _rows() if _applies(r[0], year)), key=lambda r: r[1])
    combos = list(dict.fromkeys(combo for _, _, combo in chosen if combo))
    if len(combos) > 1:
        raise DataError(
            f"the criteria for {edition_label} carry {len(combos)} different combination rules",
            file=_FILE,
            field="combination_nb",
            value=combos,
        )
    return Criteria(tuple(c for c, _, _ in chosen), combos[0] if combos else None)


def _edition(edition: Edition | str | int) -> Edition:
    if isinstance(edition, Edition):
        return edition
    try:
        from bosetting.history import edition as lookup
    except ImportError:  # pragma: no cover - the history module ships with the package
        raise EditionNotFound("the prize history is not available", value=edition) from None
    return lookup(edition)


def _judgement(
    c: Criterion,
    where: AreaFilter,
    outcomes: Iterable[IntroProgrammeOutcome],
    rows: Iterable[Settlement],
    ref: int,
    basis: int,
) -> CriterionResult:
    looks_for, note = _looks_for().get(c.id, ("", None))
    reasons = [f"Krever skjønn: {looks_for}".strip()]
    figures: list[Figure] = []
    sources: tuple[Source, ...] = c.sources
    if c.measure == "intro_share":
        figures, notes, sources = intro_context(c, where, outcomes, ref)
        reasons.append("Tallene under er bakgrunn for juryen, ikke en avgjørelse.")
        reasons.extend(notes)
    elif c.measure == "settlement":
        figures, notes, sources = settlement_context(c, where, rows, basis)
        reasons.append("Tallene under er bakgrunn for juryen, ikke en avgjørelse.")
        reasons.extend(notes)
    if note:
        reasons.append(f"Merk: {note}")
    return CriterionResult(c, Verdict.NEEDS_JUDGEMENT, tuple(reasons), tuple(figures), sources)


def assess(
    municipality: Municipality | str,
    edition: Edition | str | int,
    *,
    outcomes: Iterable[IntroProgrammeOutcome] | None = None,
    settlements: Iterable[Settlement] | None = None,
) -> Assessment:
    """Check one municipality against one edition's criteria.

    Args:
        municipality: A :class:`Municipality`, or a name or code looked up in the
            edition's reference year.
        edition: An :class:`Edition`, or its label or year.
        outcomes: Intro-programme outcomes to use instead of the shipped table
            (for example from :func:`bosetting.ssb.fetch_10824`).
        settlements: Settlement figures to use instead of the shipped table.

    Returns:
        One result per criterion, with reasons, figures and sources.

    Raises:
        EditionNotFound: For an unknown edition.
        MunicipalityNotFound: For an unknown municipality.

    Examples:
        >>> a = assess("Kristiansand", "2016")
        >>> [r.verdict.value for r in a.results]
        ['needs judgement', 'needs judgement', 'needs judgement']
    """
    e = _edition(edition)
    ref = e.reference_year
    if isinstance(municipality, str):
        m = as_municipality(municipality, year=min(max(ref, 2008), REGISTER_LAST_YEAR))
    elif isinstance(municipality, Municipality):
        m = municipality
    else:
        raise ValidationError(
            "give a Municipality, a name or a code", field="municipality", value=municipality
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
    return Assessment(m, e.label, crit, tuple(results))
