"""The municipality register: every municipality of a year, by name or code.

The years it covers come from the data: the shipped register's (``x-years`` of
``municipalities`` in ``datapackage.json``), or those of KLASS 131 as
``bosetting update`` last fetched it (:func:`first_year`, :func:`last_year`).

A municipality is identified by its code *and* the year: Tromsø was 1902 until
2019, 5401 in 2020-2023 and 5501 from 2024. :func:`municipality` finds the
municipality of a year by name or code; the crosswalk across reforms is in
:mod:`bosetting.register._crosswalk`.

Examples:
    >>> municipality("Kinn").code
    '4602'
    >>> municipality("1401", year=2019).name
    'Flora'
"""

from __future__ import annotations

import difflib
import functools
from collections import defaultdict

import attrs

from bosetting.data import Row, View, current_view, prepared_objects, records, table_years
from bosetting.errors import (
    AmbiguousMunicipality,
    DataError,
    MunicipalityNotFound,
    ValidationError,
)
from bosetting.i18n import N_
from bosetting.model import MunicipalChange, Municipality, checked, is_whole, name_parts

__all__ = [
    "PREPARED_CODE",
    "as_municipality",
    "changes",
    "check_year",
    "describe",
    "first_year",
    "last_year",
    "latest",
    "municipalities",
    "municipality",
    "prepared_allows",
    "register_index",
    "register_year",
    "run_at",
]


def _years() -> tuple[int, int]:
    years = table_years("municipalities")
    if years is None:  # a damaged datapackage.json: the register cannot say which years it covers
        raise DataError(
            N_("the register does not say which years it covers (x-years)"),
            file="datapackage.json",
            field="municipalities",
        )
    return years


def first_year() -> int:
    """The first year the register in use covers.

    Examples:
        >>> first_year()
        2008
    """
    return _years()[0]


def last_year() -> int:
    """The last year the register in use covers: "today" when no year is given.

    The shipped register's, or the year KLASS 131 was last fetched in with
    ``bosetting update``.

    Examples:
        >>> from bosetting.data import using
        >>> with using("shipped"):
        ...     last_year()
        2025
    """
    return _years()[1]


@checked
def register_year(year: int) -> int:
    """The year of the register a municipality of ``year`` is looked up in.

    The year itself where the register in use covers it, else the register's
    nearest year: its first year before it, its last year after it (an edition
    newer than the register finds its nominees as the register last knew them).

    Examples:
        >>> register_year(2019), register_year(2001) == first_year()
        (2019, True)
        >>> register_year(last_year() + 1) == last_year()
        True
    """
    first, last = _years()
    return min(max(year, first), last)


@attrs.frozen
class _Register:
    runs: tuple[Municipality, ...]
    by_code: dict[str, tuple[Municipality, ...]]
    changes: tuple[MunicipalChange, ...]
    changes_from: dict[tuple[str, int], tuple[MunicipalChange, ...]]
    changes_to: dict[tuple[str, int], tuple[MunicipalChange, ...]]
    #: For each run, the runs that went into it while it was in force, by year of change.
    went_into: dict[Municipality, tuple[Municipality, ...]]
    #: Answers computed from this register (a lineage, the predecessors), kept with it.
    known: dict[tuple[str, Municipality], tuple[Municipality, ...]] = attrs.field(
        factory=dict, eq=False
    )


def run_at(by_code: dict[str, tuple[Municipality, ...]], code: str, year: int) -> Municipality:
    for m in by_code.get(code, ()):
        if m.valid_in(year):
            return m
    raise MunicipalityNotFound(
        N_("code {code} is not in force in {year}"),
        code=code,
        year=year,
        file="municipalities.csv",
        field="code",
        value=code,
    )


def register_index() -> _Register:
    """The register's runs by code and its changes by (code, year), built once per view."""
    return _index(current_view())


@functools.cache
def _index(view: View) -> _Register:
    return prepared_objects(
        "register", view, lambda: _build(view), code=PREPARED_CODE, allowed=prepared_allows
    )


#: The code that decides the register's objects (what other code prepared is not read).
PREPARED_CODE = ("bosetting.data._records", "bosetting.model", "bosetting.register")


@checked
def prepared_allows(kind: type) -> bool:
    """Whether the prepared register, or what is built on it, may hold a ``kind``."""
    return kind is _Register or kind.__module__.startswith("bosetting.model.")


def _build(view: View) -> _Register:
    first = first_year()
    runs = [m for _, m in records("municipalities", Municipality, rename={"county": "county_name"})]
    grouped: dict[str, list[Municipality]] = defaultdict(list)
    for m in runs:
        grouped[m.code].append(m)
    by_code = {c: tuple(sorted(ms, key=lambda m: m.valid_from)) for c, ms in grouped.items()}

    def ends(row: Row) -> dict[str, object]:
        year = row["date"].year
        return {
            "year": year,
            "old": run_at(by_code, row["old_code"], year - 1),
            "new": run_at(by_code, row["new_code"], year),
        }

    # Changes on 1 January 2008 lead *into* the register; their old side (for
    # example 1503 Kristiansund until 2007) is outside it.
    changes = [
        c
        for _, c in records(
            "municipality_changes",
            MunicipalChange,
            derive=ends,
            where=lambda row: row["date"].year > first,
        )
    ]
    from_: dict[tuple[str, int], list[MunicipalChange]] = defaultdict(list)
    to: dict[tuple[str, int], list[MunicipalChange]] = defaultdict(list)
    into: dict[Municipality, list[MunicipalChange]] = defaultdict(list)
    for c in changes:
        from_[c.old.code, c.year].append(c)
        to[c.new.code, c.year].append(c)
        if c.old != c.new:
            into[c.new].append(c)
    return _Register(
        runs=tuple(runs),
        by_code=by_code,
        changes=tuple(changes),
        changes_from={k: tuple(v) for k, v in from_.items()},
        changes_to={k: tuple(v) for k, v in to.items()},
        went_into={
            m: tuple(dict.fromkeys(c.old for c in sorted(cs, key=lambda c: c.year)))
            for m, cs in into.items()
        },
    )


def check_year(year: int | None) -> int:
    first, last = _years()
    if year is None:
        return last
    if not is_whole(year):
        raise ValidationError(N_("a year is a whole number"), field="year", value=year)
    if not first <= year <= last:
        raise ValidationError(
            N_("outside the register's years {first}-{last}"),
            first=first,
            last=last,
            field="year",
            value=year,
        )
    return year


@checked
def municipalities(year: int | None = None) -> tuple[Municipality, ...]:
    """Every municipality in force in ``year`` (default: the register's last year), by code.

    Examples:
        >>> len(municipalities(2019)), len(municipalities(2020)), len(municipalities(2024))
        (422, 356, 357)
    """
    y = check_year(year)
    return tuple(sorted((m for m in register_index().runs if m.valid_in(y)), key=lambda m: m.code))


def describe(m: Municipality) -> str:
    """A municipality with the years the register covers it, as error messages name it.

    A year it suggests is one ``--year`` takes: Flora, in force since 1977, is
    ``"Flora (1401, 2008-2019)"`` in a register that starts in 2008.

    Examples:
        >>> describe(municipality("Flora", 2019))
        'Flora (1401, 2008-2019)'
    """
    first, last = _years()
    start = max(m.valid_from, first)
    end = "" if m.valid_to is None or m.valid_to >= last else str(m.valid_to)
    return f"{m.name} ({m.code}, {start}-{end})"


@checked
def municipality(name_or_code: str, year: int | None = None) -> Municipality:
    """Find the municipality of one year by name or kommunenummer.

    Without a year, today's municipality; a name or code no longer in use gives
    the municipality that last had it, when one did (``"Flora"`` and ``"1401"``
    give Flora (1401, 2008-2019)); several in that year are ambiguous. Every
    command and function that takes a name looks it up here.

    Names match case-insensitively with æøå exact, on the whole official name
    or on any part of a double name ("Levanger" finds "Levanger - Levangke").

    Args:
        name_or_code: A name (``"Kinn"``) or a four-digit code (``"4602"``).
        year: The year; ``None`` means the register's last year (today's municipality),
            else the newest year that knew the name or code.

    Returns:
        The municipality as it was in that year.

    Raises:
        ValidationError: For a malformed code or a year outside the register.
        MunicipalityNotFound: When nothing matches; the message lists close matches
            or the years the name or code was in use.
        AmbiguousMunicipality: When a name matches more than one municipality.

    Examples:
        >>> municipality("Tromsø", year=2019).code
        '1902'
        >>> municipality("levanger").name
        'Levanger - Levangke'
        >>> municipality("Flora").with_years(), municipality("1401").name
        ('Flora (1401, 1977-2019)', 'Flora')
        >>> municipality("Bodo")
        Traceback (most recent call last):
        ...
        bosetting.errors.MunicipalityNotFound: value 'Bodo': no municipality has this name in 2025; close matches: Bodø
    """
    if year is not None:
        return _municipality_in(name_or_code, check_year(year))
    last = last_year()
    try:
        return _municipality_in(name_or_code, last)
    except MunicipalityNotFound as exc:
        for y in range(last - 1, first_year() - 1, -1):
            try:
                return _municipality_in(name_or_code, y)
            except MunicipalityNotFound:
                continue
        raise exc from None


def _municipality_in(name_or_code: str, y: int) -> Municipality:
    if not isinstance(name_or_code, str) or not name_or_code.strip():
        raise ValidationError(
            N_("give a municipality name or a four-digit code"),
            field="name_or_code",
            value=name_or_code,
        )
    query = name_or_code.strip()
    reg = register_index()
    if query.isascii() and query.isdigit():
        if len(query) != 4:
            raise ValidationError(
                N_("a kommunenummer has four digits, such as '0301'"), field="code", value=query
            )
        runs = reg.by_code.get(query, ())
        for m in runs:
            if m.valid_in(y):
                return m
        if runs:
            spans = "; ".join(describe(m) for m in runs)
            raise MunicipalityNotFound(
                N_("the code is not in force in {year}; it was {spans}"),
                year=y,
                spans=spans,
                field="code",
                value=query,
            )
        raise MunicipalityNotFound(
            N_("no municipality has had this code in {first}-{last}"),
            first=first_year(),
            last=last_year(),
            field="code",
            value=query,
        )
    hits = [m for m in reg.runs if m.valid_in(y) and m.matches(query)]
    if len(hits) == 1:
        return hits[0]
    if hits:
        listed = ", ".join(describe(m) for m in sorted(hits, key=lambda m: m.code))
        raise AmbiguousMunicipality(
            N_(
                "the name matches {n} municipalities in {year}: {listed}; "
                "give the full name or the code"
            ),
            n=len(hits),
            year=y,
            listed=listed,
            value=query,
        )
    elsewhere = [m for m in reg.runs if m.matches(query)]
    if elsewhere:
        spans = "; ".join(describe(m) for m in elsewhere)
        raise MunicipalityNotFound(
            N_("no municipality has this name in {year}; it was {spans}"),
            year=y,
            spans=spans,
            value=query,
        )
    pool = {part: m.name for m in reg.runs if m.valid_in(y) for part in name_parts(m.name)}
    close = difflib.get_close_matches(query.casefold(), list(pool), n=5, cutoff=0.6)
    names = list(dict.fromkeys(pool[c] for c in close))
    if names:
        raise MunicipalityNotFound(
            N_("no municipality has this name in {year}; close matches: {names}"),
            year=y,
            names=", ".join(names),
            value=query,
        )
    raise MunicipalityNotFound(
        N_(
            "no municipality has this name in {year}; no close matches "
            "(give a name, or a code of four digits such as '0301')"
        ),
        year=y,
        value=query,
    )


@checked
def latest(name_or_code: str) -> Municipality:
    """Today's municipality by name or code, else the one of the newest year that knew it.

    The same as :func:`municipality` without a year (kept for the callers that name it).

    Raises:
        MunicipalityNotFound: When no year of the register knows the name or code
            (the message is that of today's lookup).
        AmbiguousMunicipality: When a name matches several municipalities in that year.

    Examples:
        >>> latest("Skedsmo").years
        '1977-2019'
        >>> latest("1001").name
        'Kristiansand'
    """
    return municipality(name_or_code)


@checked
def as_municipality(value: Municipality | str, year: int | None = None) -> Municipality:
    """Accept a :class:`Municipality` as it is, or look up a name or code."""
    if isinstance(value, Municipality):
        return value
    return municipality(value, year)


@checked
def changes(year: int | None = None) -> tuple[MunicipalChange, ...]:
    """SSB's changes, all of them or those that took effect in ``year``."""
    return tuple(c for c in register_index().changes if year is None or c.year == year)
