"""Which rows of a table belong to an area: the country, a county, or a municipality over time.

A municipality owns the rows of every number it has had (its lineage) and the
rows of the municipalities merged into it, each under their own code; rows are
matched on the code *and* the row's year, so a reused number never mixes two
municipalities.

Examples:
    >>> f = AreaFilter.of("Kristiansand")
    >>> f.matches(AreaType.MUNICIPALITY, "1001", 2014), f.matches(AreaType.MUNICIPALITY, "1001", 2021)
    (True, False)
    >>> AreaFilter.of("national").matches(AreaType.NATIONAL, "0", 2023)
    True
"""

from __future__ import annotations

import attrs

from bosetting.model import AreaType, Municipality, checked
from bosetting.register import (
    as_municipality,
    latest,
    lineage,
    predecessors,
)

__all__ = ["AreaFilter", "area_runs"]

_NATIONAL = ("national", "0", "norge", "hele landet")


@checked
def area_runs(m: Municipality) -> tuple[Municipality, ...]:
    """The register runs whose rows belong to ``m``: its lineage and merged predecessors.

    Examples:
        >>> sorted((r.code, r.name) for r in area_runs(latest("Kinn")))
        [('1401', 'Flora'), ('1439', 'Vågsøy'), ('4602', 'Kinn')]
    """
    runs: list[Municipality] = []
    for run in lineage(m):
        runs.append(run)
        runs.extend(predecessors(run, direct=True))
    return tuple(dict.fromkeys(runs))


@checked
@attrs.frozen
class AreaFilter:
    """Which area a caller asked for.

    Attributes:
        kind: ``"all"``, ``"national"``, ``"county"`` or ``"municipality"``.
        county: The county code, for ``"county"``.
        runs: The register runs, for ``"municipality"``: its own and its predecessors'.
        own: The municipality's own runs (its lineage), without merged predecessors.
    """

    kind: str
    county: str | None = None
    runs: tuple[Municipality, ...] = ()
    own: tuple[Municipality, ...] = ()
    #: The runs by code, so that a row of another municipality is turned away at once.
    _by_code: dict[str, tuple[Municipality, ...]] = attrs.field(
        init=False, repr=False, eq=False, alias="_by_code"
    )

    @_by_code.default
    def _index_runs(self) -> dict[str, tuple[Municipality, ...]]:
        by_code: dict[str, tuple[Municipality, ...]] = {}
        for r in self.runs:
            by_code[r.code] = (*by_code.get(r.code, ()), r)
        return by_code

    @classmethod
    @checked
    def of(cls, area: Municipality | str | None) -> AreaFilter:
        """Read ``None``, ``"national"``, a county code, a municipality, name or code."""
        if area is None:
            return cls("all")
        if isinstance(area, str):
            text = area.strip()
            if text.casefold() in _NATIONAL:
                return cls("national")
            if text.isdigit() and len(text) == 2:
                return cls("county", county=text)
            if text.isdigit() and len(text) == 4:
                return cls.of(latest(text))
        m = as_municipality(area)
        return cls("municipality", runs=area_runs(m), own=lineage(m))

    def matches(self, area_type: AreaType, code: str, year: int) -> bool:
        """Whether a row with this area type, code and year belongs to the area."""
        if self.kind == "all":
            return True
        if self.kind == "national":
            return area_type is AreaType.NATIONAL
        if self.kind == "county":
            return area_type is AreaType.COUNTY and code == self.county
        return area_type is AreaType.MUNICIPALITY and any(
            r.valid_in(year) for r in self._by_code.get(code, ())
        )

    def codes(self) -> frozenset[str] | None:
        """The codes a row of the area can have, or ``None`` when any code can be one."""
        return frozenset(self._by_code) if self.kind == "municipality" else None

    def owns(self, code: str, year: int) -> bool:
        """Whether a municipality row (code, year) is the municipality's own, not a predecessor's."""
        return any(r.code == code and r.valid_in(year) for r in self.own)
