"""Each era's prize criteria as data, from ``criteria.csv``, with the editions they apply to.

The texts are bosetting's own bokmål words. Checking a municipality against
them is :func:`bosetting.eligibility.assess` (a floor above).

Examples:
    >>> c = criteria_for("2021")
    >>> [x.id for x in c if x.kind.value == "measurable"]
    ['2021-over-50']
    >>> criteria_for("2020") == criteria_for("2019/2020")
    True
"""

from __future__ import annotations

import functools

from bosetting.data import read_rows, records
from bosetting.errors import DataError
from bosetting.i18n import N_
from bosetting.model import Criteria, Criterion, CriterionKind, checked, edition_year

__all__ = ["MEASURABLE", "all_criteria", "criteria_for", "looks_for"]

_FILE = "criteria.csv"


@functools.cache
def _rows() -> tuple[tuple[Criterion, int, str | None], ...]:
    out: list[tuple[Criterion, int, str | None]] = []
    for row, c in records("criteria", Criterion, rename={"id": "criterion_id"}):
        if c.kind is CriterionKind.MEASURABLE and c.measure not in MEASURABLE:
            raise DataError(
                N_("a measurable criterion needs one of {measures}"),
                measures=", ".join(sorted(MEASURABLE)),
                file=_FILE,
                row=len(out) + 1,
                field="measure",
                value=c.measure,
            )
        out.append((c, row["position"], row["combination_nb"]))
    return tuple(out)


@functools.cache
def looks_for() -> dict[str, tuple[str, str | None]]:
    """What the jury looks for under each criterion, and a note, by criterion id."""
    return {r["criterion_id"]: (r["looks_for_nb"], r["note"]) for r in read_rows("criteria")}


MEASURABLE = {"intro_share_over_time", "settlement_vs_request"}


@checked
def all_criteria() -> tuple[Criterion, ...]:
    """Every criterion on record, in file order."""
    return tuple(c for c, _, _ in _rows())


def _applies(c: Criterion, year: int) -> bool:
    first = edition_year(c.first_edition) if c.first_edition else None
    last = edition_year(c.last_edition) if c.last_edition else None
    return (first is None or first <= year) and (last is None or year <= last)


@checked
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
            N_("the criteria for {label} carry {n} different combination rules"),
            label=edition_label,
            n=len(combos),
            file=_FILE,
            field="combination_nb",
            value=combos,
        )
    return Criteria(tuple(c for c, _, _ in chosen), combos[0] if combos else None)
