"""Refugee settlement per municipality and year: IMDi's request, the decision, the settled.

From IMDi's ``bosatt_anmodede`` export as shipped in ``settlement.csv``.
*Requested* is the number IMDi asked the municipality to settle (the revised
request where IMDi revised it during the year, with the original kept beside
it), *decided* what the municipality's council agreed to, *settled* the
refugees who actually arrived. A year marked partial is a snapshot taken
during the year, so its settled figure is not the year's total.

Examples:
    >>> [s] = [r for r in settlement("Kristiansand", year=2016) if r.code == "1001"]
    >>> s.code, s.requested, s.decided, s.settled
    ('1001', 260, 260, 256)
    >>> round(settled_share_of_request(s), 3)
    0.985
"""

from __future__ import annotations

from bosetting.data import LazyRecords, Row, read_rows
from bosetting.figures._areas import AreaFilter
from bosetting.model import AreaType, Municipality, Settlement, checked

__all__ = ["Settlement", "full_years", "settled_share_of_request", "settlement"]

_FILE = "settlement.csv"


@checked
def settled_share_of_request(s: Settlement) -> float | None:
    """Settled over (revised) requested, or ``None`` when it cannot be assessed.

    ``None`` when either figure is not published or nothing was requested; a
    partial year gives the share so far (check :attr:`Settlement.partial_year`).

    Examples:
        >>> from bosetting.model import FigureStatus, Settlement
        >>> P, S = FigureStatus.PUBLISHED, FigureStatus.SUPPRESSED
        >>> settled_share_of_request(Settlement("1001", "X", 2020, 80, P, None, 80, P, 40, P))
        0.5
        >>> settled_share_of_request(Settlement("1001", "X", 2020, 80, P, None, 80, P, None, S))
    """
    if s.requested is None or s.settled is None or s.requested == 0:
        return None
    return s.settled / s.requested


_RECORDS = LazyRecords("settlement", Settlement)


@checked
def full_years() -> tuple[int, int] | None:
    """The first and last year with settlement figures for a whole year (a snapshot is not one).

    Examples:
        >>> full_years()
        (2008, 2022)
    """
    years = {r["year"] for r in read_rows("settlement") if not r["partial_year"]}
    return (min(years), max(years)) if years else None


@checked
def settlement(
    area: Municipality | str | None = None, *, year: int | None = None
) -> tuple[Settlement, ...]:
    """Shipped settlement figures, filtered.

    A municipality matches its rows under every number it has had and the rows
    of municipalities merged into it, each under its own code (never summed).

    Args:
        area: ``None`` for every row, or a :class:`Municipality`, a name or a code.
        year: One settlement year.

    Examples:
        >>> sorted({s.code for s in settlement("Kinn", year=2019)})
        ['1401', '1439']
    """
    where = AreaFilter.of(area)

    def wanted(row: Row) -> bool:
        return (year is None or row["year"] == year) and where.matches(
            AreaType.MUNICIPALITY, row["code"], row["year"]
        )

    codes = where.codes()
    if codes is not None:
        return _RECORDS.select(wanted, keys=("code", codes))
    if year is not None:
        return _RECORDS.select(wanted, keys=("year", frozenset({year})))
    return _RECORDS.select(wanted)
