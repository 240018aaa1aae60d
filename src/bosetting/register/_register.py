"""The municipality register 2008-2025 and the crosswalk across the 2020 and 2024 reforms.

A municipality is identified by its code *and* the year: Tromsø was 1902 until
2019, 5401 in 2020-2023 and 5501 from 2024. :func:`municipality` finds the
municipality of a year by name or code; :func:`successors`, :func:`predecessors`
and :func:`current` follow SSB's change list. Where a municipality was split, or
a merger was reversed (Ålesund and Haram in 2024), the crosswalk reports the
answer as ambiguous instead of picking one.

Examples:
    >>> municipality("Kinn").code
    '4602'
    >>> flora = municipality("1401", year=2019)
    >>> flora.name, current(flora).name
    ('Flora', 'Kinn')
    >>> [m.code for m in lineage(municipality("Tromsø"))]
    ['1902', '5401', '5501']
    >>> succession(municipality("Haram", year=2019)).ambiguous
    True
"""

from __future__ import annotations

import difflib
import functools
from collections import defaultdict

import attrs

from bosetting.data import numbered_rows, split_ids
from bosetting.errors import (
    AmbiguousMunicipality,
    AmbiguousSuccession,
    MunicipalityNotFound,
    ValidationError,
)
from bosetting.i18n import N_
from bosetting.model import ChangeKind, MunicipalChange, Municipality, Succession, name_parts
from bosetting.sources import resolve

__all__ = [
    "REGISTER_FIRST_YEAR",
    "REGISTER_LAST_YEAR",
    "as_municipality",
    "changes",
    "current",
    "latest",
    "lineage",
    "municipalities",
    "municipality",
    "predecessors",
    "succession",
    "successors",
]

#: The first year the shipped register covers.
REGISTER_FIRST_YEAR = 2008
#: The last year the shipped register covers ("today" when no year is given).
REGISTER_LAST_YEAR = 2025


@attrs.frozen
class _Register:
    runs: tuple[Municipality, ...]
    by_code: dict[str, tuple[Municipality, ...]]
    changes: tuple[MunicipalChange, ...]
    changes_from: dict[tuple[str, int], tuple[MunicipalChange, ...]]
    changes_to: dict[tuple[str, int], tuple[MunicipalChange, ...]]


def _run_at(by_code: dict[str, tuple[Municipality, ...]], code: str, year: int) -> Municipality:
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


@functools.cache
def _register() -> _Register:
    runs: list[Municipality] = []
    for number, row, located in numbered_rows("municipalities"):
        with located:
            runs.append(
                Municipality(
                    code=row["code"],
                    name=row["name"],
                    county=row["county_name"],
                    valid_from=row["valid_from"],
                    valid_to=row["valid_to"],
                    county_code=row["county_code"],
                )
            )
            resolve(split_ids(row["source_ids"]), file="municipalities.csv", row=number)
    grouped: dict[str, list[Municipality]] = defaultdict(list)
    for m in runs:
        grouped[m.code].append(m)
    by_code = {c: tuple(sorted(ms, key=lambda m: m.valid_from)) for c, ms in grouped.items()}

    changes: list[MunicipalChange] = []
    for number, row, located in numbered_rows("municipality_changes"):
        year = row["date"].year
        if year <= REGISTER_FIRST_YEAR:
            # Changes on 1 January 2008 lead *into* the register; their old side
            # (for example 1503 Kristiansund until 2007) is outside it.
            continue
        with located:
            changes.append(
                MunicipalChange(
                    year=year,
                    old=_run_at(by_code, row["old_code"], year - 1),
                    new=_run_at(by_code, row["new_code"], year),
                    kind=ChangeKind(row["kind"]),
                    note=row["note"],
                    sources=resolve(
                        split_ids(row["source_ids"]), file="municipality_changes.csv", row=number
                    ),
                )
            )
    from_: dict[tuple[str, int], list[MunicipalChange]] = defaultdict(list)
    to: dict[tuple[str, int], list[MunicipalChange]] = defaultdict(list)
    for c in changes:
        from_[c.old.code, c.year].append(c)
        to[c.new.code, c.year].append(c)
    return _Register(
        runs=tuple(runs),
        by_code=by_code,
        changes=tuple(changes),
        changes_from={k: tuple(v) for k, v in from_.items()},
        changes_to={k: tuple(v) for k, v in to.items()},
    )


def _check_year(year: int | None) -> int:
    if year is None:
        return REGISTER_LAST_YEAR
    if isinstance(year, bool) or not isinstance(year, int):
        raise ValidationError(N_("a year is a whole number"), field="year", value=year)
    if not REGISTER_FIRST_YEAR <= year <= REGISTER_LAST_YEAR:
        raise ValidationError(
            N_("outside the register's years {first}-{last}"),
            first=REGISTER_FIRST_YEAR,
            last=REGISTER_LAST_YEAR,
            field="year",
            value=year,
        )
    return year


def municipalities(year: int | None = None) -> tuple[Municipality, ...]:
    """Every municipality in force in ``year`` (default: the register's last year), by code.

    Examples:
        >>> len(municipalities(2019)), len(municipalities(2020)), len(municipalities(2024))
        (422, 356, 357)
    """
    y = _check_year(year)
    return tuple(sorted((m for m in _register().runs if m.valid_in(y)), key=lambda m: m.code))


def _describe(m: Municipality) -> str:
    return m.with_years()


def municipality(name_or_code: str, year: int | None = None) -> Municipality:
    """Find the municipality of one year by name or kommunenummer.

    Names match case-insensitively with æøå exact, on the whole official name
    or on any part of a double name ("Levanger" finds "Levanger - Levangke").

    Args:
        name_or_code: A name (``"Kinn"``) or a four-digit code (``"4602"``).
        year: The year; ``None`` means the register's last year (today's municipality).

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
        >>> municipality("Bodo")
        Traceback (most recent call last):
        ...
        bosetting.errors.MunicipalityNotFound: value 'Bodo': no municipality has this name in 2025; close matches: Bodø
    """
    y = _check_year(year)
    if not isinstance(name_or_code, str) or not name_or_code.strip():
        raise ValidationError(
            N_("give a municipality name or a four-digit code"),
            field="name_or_code",
            value=name_or_code,
        )
    query = name_or_code.strip()
    reg = _register()
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
            spans = "; ".join(_describe(m) for m in runs)
            raise MunicipalityNotFound(
                N_("the code is not in force in {year}; it was {spans}"),
                year=y,
                spans=spans,
                field="code",
                value=query,
            )
        raise MunicipalityNotFound(
            N_("no municipality has had this code in {first}-{last}"),
            first=REGISTER_FIRST_YEAR,
            last=REGISTER_LAST_YEAR,
            field="code",
            value=query,
        )
    hits = [m for m in reg.runs if m.valid_in(y) and m.matches(query)]
    if len(hits) == 1:
        return hits[0]
    if hits:
        listed = ", ".join(_describe(m) for m in sorted(hits, key=lambda m: m.code))
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
        spans = "; ".join(_describe(m) for m in elsewhere)
        raise MunicipalityNotFound(
            N_("no municipality has this name in {year}; it was {spans}: give one of those years"),
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


def latest(name_or_code: str) -> Municipality:
    """Today's municipality by name or code, else the one of the newest year that knew it.

    Use it where a name may be historical ("Skedsmo") and any year will do.

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
    try:
        return municipality(name_or_code)
    except MunicipalityNotFound as exc:
        for year in range(REGISTER_LAST_YEAR - 1, REGISTER_FIRST_YEAR - 1, -1):
            try:
                return municipality(name_or_code, year)
            except MunicipalityNotFound:
                continue
        raise exc from None


def as_municipality(value: Municipality | str, year: int | None = None) -> Municipality:
    """Accept a :class:`Municipality` as it is, or look up a name or code."""
    if isinstance(value, Municipality):
        return value
    return municipality(value, year)


def changes(year: int | None = None) -> tuple[MunicipalChange, ...]:
    """SSB's changes, all of them or those that took effect in ``year``."""
    return tuple(c for c in _register().changes if year is None or c.year == year)


def successors(m: Municipality) -> tuple[Municipality, ...]:
    """The municipalities that directly followed ``m`` (empty while it is in force).

    Examples:
        >>> [s.name for s in successors(municipality("Tysfjord - Divtasvuodna", 2019))]
        ['Narvik', 'Hábmer - Hamarøy']
    """
    if m.valid_to is None:
        return ()
    year = m.valid_to + 1
    reg = _register()
    rows = reg.changes_from.get((m.code, year), ())
    if rows:
        return tuple(dict.fromkeys(c.new for c in rows))
    try:
        return (_run_at(reg.by_code, m.code, year),)
    except MunicipalityNotFound:
        return ()


def predecessors(m: Municipality) -> tuple[Municipality, ...]:
    """The municipalities that went (wholly or partly) into ``m`` while it was in force.

    Examples:
        >>> sorted(p.name for p in predecessors(municipality("Kinn")))
        ['Flora', 'Vågsøy']
    """
    last = m.valid_to if m.valid_to is not None else REGISTER_LAST_YEAR
    reg = _register()
    found: list[Municipality] = []
    for year in range(m.valid_from, last + 1):
        for c in reg.changes_to.get((m.code, year), ()):
            if c.old != m:
                found.append(c.old)
    return tuple(dict.fromkeys(found))


def _steps(m: Municipality) -> tuple[MunicipalChange, ...]:
    if m.valid_to is None:
        return ()
    return _register().changes_from.get((m.code, m.valid_to + 1), ())


def succession(m: Municipality, year: int | None = None) -> Succession:
    """Follow ``m`` forward to ``year`` (default: the register's last year).

    Every municipality its area went to is a candidate; more than one means the
    answer is ambiguous (a split or a reversed merger).
    """
    target = _check_year(year)
    if m.valid_from > target:
        raise ValidationError(
            N_("{municipality} starts after {year}; follow it forward, not back"),
            municipality=_describe(m),
            year=target,
            field="year",
            value=target,
        )
    frontier = [m]
    done: list[Municipality] = []
    passed: list[MunicipalChange] = []
    while frontier:
        run = frontier.pop()
        if run.valid_in(target):
            done.append(run)
            continue
        steps = _steps(run)
        passed.extend(steps)
        frontier.extend(successors(run))
    candidates = tuple(sorted(dict.fromkeys(done), key=lambda r: r.code))
    return Succession(m, target, candidates, tuple(dict.fromkeys(passed)))


def current(m: Municipality) -> Municipality:
    """Today's municipality for ``m`` (the register's last year).

    Raises:
        AmbiguousSuccession: When ``m``'s area went to more than one municipality.

    Examples:
        >>> current(municipality("Skedsmo", year=2015)).name
        'Lillestrøm'
        >>> current(municipality("Ålesund", year=2022))
        Traceback (most recent call last):
        ...
        bosetting.errors.AmbiguousSuccession: value '1507': Ålesund (1507, 2020-2023) went to more than one municipality: Ålesund (1508, 2024-), Haram (1580, 2024-); ...
    """
    s = succession(m)
    if s.ambiguous:
        listed = ", ".join(_describe(c) for c in s.candidates)
        if s.notes:
            raise AmbiguousSuccession(
                N_("{municipality} went to more than one municipality: {listed}; {notes}"),
                municipality=_describe(m),
                listed=listed,
                notes=" ".join(s.notes),
                value=m.code,
            )
        raise AmbiguousSuccession(
            N_("{municipality} went to more than one municipality: {listed}"),
            municipality=_describe(m),
            listed=listed,
            value=m.code,
        )
    if not s.candidates:
        raise MunicipalityNotFound(
            N_("{municipality} has no successor on record"), municipality=_describe(m), value=m.code
        )
    return s.candidates[0]


def _shares_name(a: Municipality, b: Municipality) -> bool:
    return bool(set(name_parts(a.name)) & set(name_parts(b.name)))


def lineage(m: Municipality) -> tuple[Municipality, ...]:
    """The same municipality under its numbers and names over time, oldest first.

    Steps are followed where old and new share a name (Tromsø 1902 → 5401 → 5501,
    Steinkjer 1702 → 5004 → 5006), so that a merger partner with another name
    is a predecessor, not part of the line.
    """
    line = [m]
    back = m
    while True:
        prev = [
            p
            for p in predecessors(back)
            if p.valid_to == back.valid_from - 1 and _shares_name(p, back)
        ]
        if len(prev) != 1:
            break
        back = prev[0]
        line.insert(0, back)
    ahead = m
    while True:
        nxt = [s for s in successors(ahead) if _shares_name(s, ahead)]
        if len(nxt) != 1:
            break
        ahead = nxt[0]
        line.append(ahead)
    return tuple(line)
