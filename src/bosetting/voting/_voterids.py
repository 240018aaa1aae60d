"""The voter ids a tally has seen: a frozenset, or a polars Series for a file's millions."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

__all__ = ["VoterIds"]


class VoterIds:
    """The voter ids a tally has seen: a frozenset, or (counted from a file) a polars Series.

    Both forms compare, merge and answer ``in`` alike; a file's millions of ids stay
    in the Series' compact form unless someone iterates over them.

    Args:
        ids: The voter ids.
        series: The distinct voter ids as a polars Series of text (instead of ``ids``).

    Examples:
        >>> v = VoterIds(["a", "b"])
        >>> len(v), "a" in v, "c" in v, v == {"b", "a"}
        (2, True, False, True)
    """

    __slots__ = ("_ids", "_series")

    def __init__(self, ids: Iterable[str] = (), *, series: Any = None) -> None:
        self._series = series
        self._ids: frozenset[str] | None = None if series is not None else frozenset(ids)

    @property
    def ids(self) -> frozenset[str]:
        """The voter ids."""
        if self._ids is None:
            self._ids = frozenset(self._series.to_list())
        return self._ids

    def _column(self) -> Any:
        import polars as pl

        if self._series is None:
            self._series = pl.Series("voter", sorted(self.ids), dtype=pl.String)
        return self._series

    def __len__(self) -> int:
        return len(self._ids) if self._ids is not None else len(self._series)

    def __contains__(self, voter: object) -> bool:
        if self._ids is not None or not isinstance(voter, str):
            return voter in (self._ids or ())
        return bool(self._series.is_in([voter]).any())

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, frozenset | set):
            other = VoterIds(other)
        if not isinstance(other, VoterIds):
            return NotImplemented
        if len(self) != len(other):
            return False
        if self._ids is not None and other._ids is not None:
            return self._ids == other._ids
        return bool(self._column().is_in(other._column().implode()).all())

    def __hash__(self) -> int:
        return hash((VoterIds, len(self)))

    def __or__(self, other: VoterIds) -> VoterIds:
        if self._ids is not None and other._ids is not None:
            return VoterIds(self._ids | other._ids)
        import polars as pl

        return VoterIds(series=pl.concat([self._column(), other._column()]).unique())

    def overlap(self, other: VoterIds) -> tuple[int, list[str]]:
        """How many voters both sets hold, and up to five of them."""
        if self._ids is not None and other._ids is not None:
            shared = sorted(self._ids & other._ids)
            return len(shared), shared[:5]
        mine = self._column()
        shared_ids = mine.filter(mine.is_in(other._column().implode()))
        return len(shared_ids), sorted(shared_ids.to_list())[:5]

    def __repr__(self) -> str:
        if len(self) > 20:
            return f"VoterIds(<{len(self)} ids>)"
        return f"VoterIds({sorted(self.ids)!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (VoterIds, (self.ids,))
