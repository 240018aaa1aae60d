"""The crosswalk across the 2020 and 2024 reforms: successors, predecessors, today's municipality.

:func:`successors`, :func:`predecessors` and :func:`current` follow SSB's change
list. Where a municipality was split, or a merger was reversed (Ålesund and
Haram in 2024), the crosswalk reports the answer as ambiguous instead of
picking one.

Examples:
    >>> from bosetting.register import municipality
    >>> flora = municipality("1401", year=2019)
    >>> flora.name, current(flora).name
    ('Flora', 'Kinn')
    >>> [m.code for m in lineage(municipality("Tromsø"))]
    ['1902', '5401', '5501']
    >>> succession(municipality("Haram", year=2019)).ambiguous
    True
"""

from __future__ import annotations

from bosetting.errors import AmbiguousSuccession, MunicipalityNotFound, ValidationError
from bosetting.i18n import N_
from bosetting.model import MunicipalChange, Municipality, Succession, Text, checked, name_parts
from bosetting.register._register import (
    check_year,
    describe,
    register_index,
    run_at,
)

__all__ = ["current", "lineage", "predecessors", "succession", "successors"]


@checked
def successors(m: Municipality) -> tuple[Municipality, ...]:
    """The municipalities that directly followed ``m`` (empty while it is in force).

    Examples:
        >>> from bosetting.register import municipality
        >>> [s.name for s in successors(municipality("Tysfjord - Divtasvuodna", 2019))]
        ['Narvik', 'Hábmer - Hamarøy']
    """
    if m.valid_to is None:
        return ()
    year = m.valid_to + 1
    reg = register_index()
    rows = reg.changes_from.get((m.code, year), ())
    if rows:
        return tuple(dict.fromkeys(c.new for c in rows))
    try:
        return (run_at(reg.by_code, m.code, year),)
    except MunicipalityNotFound:
        return ()


@checked
def predecessors(m: Municipality, *, direct: bool = False) -> tuple[Municipality, ...]:
    """The municipalities that went (wholly or partly) into ``m``, following the whole chain.

    Args:
        m: The municipality.
        direct: Only those that went into ``m`` itself while it was in force,
            not their own predecessors.

    Returns:
        The nearest first; each municipality once.

    Examples:
        >>> from bosetting.register import municipality
        >>> sorted(p.name for p in predecessors(municipality("Kinn")))
        ['Flora', 'Vågsøy']
        >>> [(p.code, p.name) for p in predecessors(municipality("Lillestrøm"))]
        [('3030', 'Lillestrøm'), ('0226', 'Sørum'), ('0227', 'Fet'), ('0231', 'Skedsmo')]
        >>> [p.code for p in predecessors(municipality("Lillestrøm"), direct=True)]
        ['3030']
    """
    key = ("predecessors" if not direct else "direct predecessors", m)
    known = register_index().known
    if key not in known:
        known[key] = _predecessors(m, direct)
    return known[key]


def _predecessors(m: Municipality, direct: bool) -> tuple[Municipality, ...]:
    found: list[Municipality] = []
    frontier = [m]
    while frontier:
        run = frontier.pop(0)
        for p in _direct_predecessors(run):
            if p not in found and p != m:
                found.append(p)
                if not direct:
                    frontier.append(p)
    return tuple(found)


def _direct_predecessors(m: Municipality) -> tuple[Municipality, ...]:
    return register_index().went_into.get(m, ())


def _steps(m: Municipality) -> tuple[MunicipalChange, ...]:
    if m.valid_to is None:
        return ()
    return register_index().changes_from.get((m.code, m.valid_to + 1), ())


@checked
def succession(m: Municipality, year: int | None = None) -> Succession:
    """Follow ``m`` forward to ``year`` (default: the register's last year).

    Every municipality its area went to is a candidate; more than one means the
    answer is ambiguous (a split or a reversed merger).
    """
    target = check_year(year)
    if m.valid_from > target:
        raise ValidationError(
            N_("{municipality} starts after {year}; follow it forward, not back"),
            municipality=describe(m),
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


@checked
def current(m: Municipality) -> Municipality:
    """Today's municipality for ``m`` (the register's last year).

    Raises:
        AmbiguousSuccession: When ``m``'s area went to more than one municipality.

    Examples:
        >>> from bosetting.register import municipality
        >>> current(municipality("Skedsmo", year=2015)).name
        'Lillestrøm'
        >>> current(municipality("Ålesund", year=2022))
        Traceback (most recent call last):
        ...
        bosetting.errors.AmbiguousSuccession: value '1507': Ålesund (1507, 2020-2023) went to more than one municipality: Ålesund (1508, 2024-), Haram (1580, 2024-); ...
    """
    s = succession(m)
    if s.ambiguous:
        listed = ", ".join(describe(c) for c in s.candidates)
        if s.notes:
            raise AmbiguousSuccession(
                N_("{municipality} went to more than one municipality: {listed}; {notes}"),
                municipality=describe(m),
                listed=listed,
                notes=Text.join(s.notes),
                value=m.code,
            )
        raise AmbiguousSuccession(
            N_("{municipality} went to more than one municipality: {listed}"),
            municipality=describe(m),
            listed=listed,
            value=m.code,
        )
    if not s.candidates:
        raise MunicipalityNotFound(
            N_("{municipality} has no successor on record"), municipality=describe(m), value=m.code
        )
    return s.candidates[0]


def _shares_name(a: Municipality, b: Municipality) -> bool:
    return bool(set(name_parts(a.name)) & set(name_parts(b.name)))


@checked
def lineage(m: Municipality) -> tuple[Municipality, ...]:
    """The same municipality under its numbers and names over time, oldest first.

    Steps are followed where old and new share a name (Tromsø 1902 → 5401 → 5501,
    Steinkjer 1702 → 5004 → 5006), so that a merger partner with another name
    is a predecessor, not part of the line.
    """
    known = register_index().known
    if ("lineage", m) not in known:
        known["lineage", m] = _lineage(m)
    return known["lineage", m]


def _lineage(m: Municipality) -> tuple[Municipality, ...]:
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
