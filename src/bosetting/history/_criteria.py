"""Each era's prize criteria as data, from ``criteria.csv``, with the editions they apply to.

The texts are bosetting's own words, in bokmål and English; what a jury looks
for is marked where it is our interpretation (``looks_for_interpretation``),
and an edition the sources do not confirm a criterion for uses it by
assumption (``confirmed_to``), which :class:`~bosetting.model.Criteria` says.
Checking a municipality against them is :func:`bosetting.eligibility.assess`
(a floor above).

Examples:
    >>> c = criteria_for("2021")
    >>> [x.id for x in c if x.kind.value == "measurable"]
    ['2021-over-50']
    >>> criteria_for("2020") == criteria_for("2019/2020")
    False
    >>> criteria_for("2020").criteria == criteria_for("2019/2020").criteria
    True
    >>> criteria_for("2024").assumed, criteria_for("2025").assumed
    (False, True)
"""

from __future__ import annotations

import functools

from bosetting.data import records, row_text
from bosetting.errors import DataError
from bosetting.i18n import N_
from bosetting.model import Criteria, Criterion, CriterionKind, Text, checked, edition_year

__all__ = ["MEASURABLE", "all_criteria", "criteria_for"]

_FILE = "criteria.csv"


@functools.cache
def _rows() -> tuple[tuple[Criterion, int, Text | None], ...]:
    out: list[tuple[Criterion, int, Text | None]] = []
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
        out.append((c, row["position"], row_text("criteria", row, "combination_nb")))
    return tuple(out)


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
        editions where no criteria were found. Where the sources do not confirm
        some of them for this edition, ``confirmed_to`` names the last edition
        they do (the earliest such, if the criteria differ) and
        :meth:`~bosetting.model.Criteria.assumption` says so in words.

    Raises:
        ValidationError: For a malformed label.

    Examples:
        >>> len(criteria_for("2008"))
        0
        >>> criteria_for("2016").combination.nb.startswith("Punkt 1")
        True
        >>> criteria_for(2025).confirmed_to
        '2024'
    """
    label = str(edition_label)
    year = edition_year(label)
    chosen = sorted((r for r in _rows() if _applies(r[0], year)), key=lambda r: r[1])
    combos = list(dict.fromkeys(combo for _, _, combo in chosen if combo))
    if len(combos) > 1:
        raise DataError(
            N_("the criteria for {label} carry {n} different combination rules"),
            label=edition_label,
            n=len(combos),
            file=_FILE,
            field="combination_nb",
            value=[c.nb for c in combos],
        )
    criteria = tuple(c for c, _, _ in chosen)
    confirmed = [c.confirmed_to for c in criteria if c.confirmed_to and c.assumed_for(label)]
    return Criteria(
        criteria,
        combos[0] if combos else None,
        edition=label,
        confirmed_to=min(confirmed, key=edition_year) if confirmed else None,
    )
