"""Intro-programme outcomes: SSB's one-year status of former participants.

The table ``intro_outcomes`` holds the national series and the municipality
figures of SSB table 10824: as shipped (status years 2011–2014 for
municipalities), or with SSB's newest figures laid over them after ``bosetting
update`` (:mod:`bosetting.data._view`; :func:`~bosetting.figures.provenance`
says which). Rows keep
the area code valid in their status year. A figure SSB did not publish
(suppressed ``:``, missing ``..`` ...) keeps its status and no value; no function
here imputes or back-calculates it, and an aggregate over it is not assessable
unless the caller asks for a lower bound.

To read a table 10824 file you downloaded yourself, use
:func:`bosetting.ssb.read_ssb_10824`.

Examples:
    >>> rows = intro_outcomes("Kristiansand", status_year=2014, sex="all")
    >>> [(o.area_code, o.area_name) for o in rows]  # Kristiansand and two it took in (2020)
    [('1001', 'Kristiansand'), ('1017', 'Songdalen'), ('1018', 'Søgne')]
    >>> [o] = [o for o in rows if o.area_code == "1001"]
    >>> o.area_code, o.former_participants, o.in_work_or_education, o.share
    ('1001', 115, 79, 0.69)
    >>> [n] = intro_outcomes("national", cohort_year=2022, sex="all")
    >>> n.former_participants, n.share
    (3170, 0.65)
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from bosetting.data import LazyRecords, Row, using
from bosetting.errors import ValidationError
from bosetting.figures._areas import AreaFilter
from bosetting.i18n import N_, _, format_number, ngettext
from bosetting.model import (
    AreaType,
    FigureStatus,
    IntroProgrammeOutcome,
    Municipality,
    Sex,
    checked,
)

__all__ = [
    "Total",
    "intro_outcomes",
    "total",
    "weighted_share",
]

_FILE = "intro_outcomes.csv"


_RECORDS = LazyRecords("intro_outcomes", IntroProgrammeOutcome, rename={"stage": "figure_stage"})


def _sex(value: Sex | str | None) -> Sex | None:
    if value is None or isinstance(value, Sex):
        return value
    try:
        return Sex(value)
    except ValueError:
        raise ValidationError(
            N_("sex is 'all', 'men' or 'women'"), field="sex", value=value
        ) from None


@checked
def intro_outcomes(
    area: Municipality | str | None = None,
    *,
    status_year: int | None = None,
    cohort_year: int | None = None,
    sex: Sex | str | None = None,
    source: str | None = None,
) -> tuple[IntroProgrammeOutcome, ...]:
    """Intro-programme outcomes, filtered: the refreshed figures where cached, else the shipped ones.

    A municipality matches its rows under every number it has had (Kristiansand
    is 1001 in 2011-2014 and 4204 from 2020) *and* the rows of the municipalities
    merged into it, each under its own code and name. Merged predecessors are
    never summed: Kinn returns Flora's rows and Vågsøy's rows as they were
    published. Filter on ``area_code`` to keep one of them.

    Args:
        area: ``None`` for every row; ``"national"`` (or ``"0"``) for the country;
            a two-digit county code; a :class:`Municipality`, a name or a
            four-digit code (a code in force at any time in the register).
        status_year: SSB's row label (the year of measurement).
        cohort_year: The year the participants left.
        sex: ``"all"``, ``"men"`` or ``"women"`` (or a :class:`Sex`).
        source: ``"shipped"`` for the data package's figures whatever the cache
            holds, ``"refreshed"`` to insist on SSB's as last fetched, ``"auto"``
            or ``None`` for the source chosen around the call (see
            :func:`bosetting.data.using`). Each row cites where it comes from.

    Returns:
        The matching rows, in table order (the shipped rows kept, then the refreshed ones).

    Raises:
        MunicipalityNotFound: When the name or code matches no municipality.
        ValidationError: For an unknown ``sex``.

    Examples:
        >>> rows = intro_outcomes("Kinn", status_year=2014, sex="all")
        >>> sorted({o.area_name for o in rows}) <= ["Flora", "Vågsøy"]
        True
    """
    with using(source):
        where = AreaFilter.of(area)
        chosen = _sex(sex)
        wanted_sex = None if chosen is None else chosen.value

        def wanted(row: Row) -> bool:
            return (
                (status_year is None or row["status_year"] == status_year)
                and (cohort_year is None or row["cohort_year"] == cohort_year)
                and (wanted_sex is None or row["sex"] == wanted_sex)
                and where.matches(AreaType(row["area_type"]), row["area_code"], row["status_year"])
            )

        codes = where.codes()
        if codes is not None:
            return _RECORDS.select(wanted, keys=("area_code", codes))
        if status_year is not None:
            return _RECORDS.select(wanted, keys=("status_year", frozenset({status_year})))
        return _RECORDS.select(wanted)


@checked
@attrs.frozen
class Total:
    """A sum over figures, honest about the ones that were not published.

    Attributes:
        value: The sum, or ``None`` when it is not assessable.
        lower_bound: Whether ``value`` only counts the published figures (asked for).
        unpublished: How many figures were not published (suppressed, missing ...).
        count: How many figures were summed over.
    """

    value: int | None
    lower_bound: bool
    unpublished: int
    count: int

    @property
    def assessable(self) -> bool:
        """Whether the sum is known (exactly, or as an explicit lower bound)."""
        return self.value is not None

    def __str__(self) -> str:
        if self.value is None:
            return ngettext(
                "not assessable ({unpublished} of {n} figure not published)",
                "not assessable ({unpublished} of {n} figures not published)",
                self.count,
                unpublished=self.unpublished,
            )
        shown = format_number(self.value)
        return _("at least {value}", value=shown) if self.lower_bound else shown


@checked
def total(
    figures: Iterable[tuple[int | None, FigureStatus]], *, lower_bound: bool = False
) -> Total:
    """Sum published figures; any unpublished one makes the sum not assessable.

    Args:
        figures: ``(value, status)`` pairs.
        lower_bound: Sum the published figures anyway and mark the result a lower
            bound. ``nil`` (``-``) counts as zero either way.

    Examples:
        >>> P, S = FigureStatus.PUBLISHED, FigureStatus.SUPPRESSED
        >>> str(total([(10, P), (None, S)]))
        'not assessable (1 of 2 figures not published)'
        >>> str(total([(10, P), (None, S)], lower_bound=True))
        'at least 10'
        >>> total([(10, P), (5, P)]).value
        15
    """
    pairs = list(figures)
    hidden = [s for v, s in pairs if s not in (FigureStatus.PUBLISHED, FigureStatus.NIL)]
    known = sum(v for v, s in pairs if s is FigureStatus.PUBLISHED and v is not None)
    if hidden and not lower_bound:
        return Total(None, False, len(hidden), len(pairs))
    return Total(known, bool(hidden), len(hidden), len(pairs))


@checked
def weighted_share(outcomes: Iterable[IntroProgrammeOutcome]) -> float | None:
    """The participant-weighted share in work or education over several cohorts.

    It is the sum of persons in work or education over the sum of former
    participants, from published counts only; ``None`` when any count is not
    published (never a share of the visible cohorts only), and ``None`` when any
    record's share is not published: SSB withheld that share, and a quotient of
    its counts would reveal it.

    Examples:
        >>> rows = intro_outcomes("Kristiansand", sex="all")
        >>> share = weighted_share(rows)
        >>> share is None or 0 <= share <= 1
        True
    """
    rows = list(outcomes)
    if any(o.share_status is not FigureStatus.PUBLISHED for o in rows):
        return None
    n = total((o.former_participants, o.former_participants_status) for o in rows)
    k = total((o.in_work_or_education, o.in_work_or_education_status) for o in rows)
    if not rows or n.value is None or k.value is None or n.value == 0:
        return None
    return k.value / n.value
