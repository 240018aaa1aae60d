"""The voter ids a tally has seen: exact strings, or compact 64-bit digests.

A tally counted from Python objects keeps the voter ids themselves. A tally
counted from a file keeps only a sorted array of 64-bit digests (eight bytes a
voter instead of a Python string), so the memory a large file needs is bounded
by its chunk plus that index. Both forms compare, merge and answer ``in`` alike.

The digest of a voter id is defined on its UTF-8 bytes ``b``:

* ``len(b) <= 8`` and no NUL byte (a *short* id): ``mix(b as a little-endian word)``.
  ``mix`` (the SplitMix64 finaliser) is a bijection, so two short ids have the
  same digest only if they are the same id;
* otherwise (a *long* id): ``h = mix(len(b) ^ LONG_SEED)``, then
  ``h = mix(h ^ word)`` for each 8-byte little-endian word (the last one
  zero-padded). Two long ids, or a long and a short one, can share a digest;
  the file counter checks every such match against the ids themselves.

The numpy twin of :func:`voter_digest` is in :mod:`bosetting.voting._fast`;
both must give the same numbers (tested).

Examples:
    >>> v = VoterIds(["a", "b"])
    >>> len(v), "a" in v, "c" in v
    (2, True, False)
    >>> VoterIds(digests=v.digest_bytes()) == v
    True
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from typing import Any

from bosetting.errors import ArgumentError
from bosetting.i18n import N_, _

__all__ = ["LONG_SEED", "VoterIds", "is_short", "mix64", "voter_digest"]

_M = (1 << 64) - 1
#: Mixed into the length of a long id, so long and short ids hash differently.
LONG_SEED = 0x9E3779B97F4A7C15


def mix64(x: int) -> int:
    """The SplitMix64 finaliser: a bijection on 64-bit integers."""
    x ^= x >> 30
    x = (x * 0xBF58476D1CE4E5B9) & _M
    x ^= x >> 27
    x = (x * 0x94D049BB133111EB) & _M
    return x ^ (x >> 31)


def is_short(data: bytes) -> bool:
    """Whether an id's bytes are short: at most 8 bytes and no NUL (its digest is exact)."""
    return len(data) <= 8 and b"\x00" not in data


def voter_digest(voter: str) -> int:
    """The 64-bit digest of a voter id (see the module docstring).

    Examples:
        >>> voter_digest("a") == mix64(ord("a"))
        True
    """
    data = voter.encode("utf-8", "surrogatepass")
    if is_short(data):
        return mix64(int.from_bytes(data, "little"))
    h = mix64(len(data) ^ LONG_SEED)
    for i in range(0, len(data), 8):
        h = mix64(h ^ int.from_bytes(data[i : i + 8], "little"))
    return h


def _pack(values: Iterable[int]) -> bytes:
    out = array("Q", sorted(set(values)))
    if out.itemsize != 8:  # pragma: no cover - every supported platform has 8-byte Q
        raise RuntimeError("array('Q') is not 64 bits wide here")
    return out.tobytes()


class VoterIds:
    """A set of voter ids, held as the ids or as sorted 64-bit digests.

    Args:
        ids: The voter ids (exact form).
        digests: Sorted, distinct digests as little-endian 64-bit words (compact form);
            from :meth:`digest_bytes` or the file counter.
    """

    __slots__ = ("_digests", "_ids")

    def __init__(self, ids: Iterable[str] = (), *, digests: bytes | None = None) -> None:
        self._ids: frozenset[str] | None
        self._digests: bytes | None
        if digests is not None:
            if len(digests) % 8:
                raise ArgumentError(
                    N_(
                        "digests come in whole 64-bit words (a multiple of 8 bytes), not {length} bytes"
                    ),
                    field="digests",
                    length=len(digests),
                )
            self._ids, self._digests = None, bytes(digests)
        else:
            self._ids, self._digests = frozenset(ids), None

    @property
    def ids(self) -> frozenset[str] | None:
        """The voter ids themselves, or ``None`` where only their digests were kept."""
        return self._ids

    def digest_bytes(self) -> bytes:
        """The sorted distinct digests as little-endian 64-bit words."""
        if self._digests is None:
            assert self._ids is not None
            self._digests = _pack(voter_digest(v) for v in self._ids)
        return self._digests

    def _words(self) -> array[int]:
        out = array("Q")
        out.frombytes(self.digest_bytes())
        return out

    def __len__(self) -> int:
        return len(self._ids) if self._ids is not None else len(self.digest_bytes()) // 8

    def __bool__(self) -> bool:
        return len(self) > 0

    def __contains__(self, voter: object) -> bool:
        if not isinstance(voter, str):
            return False
        if self._ids is not None:
            return voter in self._ids
        words, d = self._words(), voter_digest(voter)
        i = bisect_left(words, d)
        return i < len(words) and words[i] == d

    def __iter__(self) -> Iterator[str]:
        if self._ids is None:
            # A TypeError (iteration is not supported), its message from the catalogue.
            raise TypeError(
                _(
                    "this tally kept only digests of its voter ids (it was counted "
                    "from a file), so the ids cannot be listed; test one with 'in'"
                )
            )
        return iter(self._ids)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, frozenset | set):
            other = VoterIds(other)
        if not isinstance(other, VoterIds):
            return NotImplemented
        if self._ids is not None and other._ids is not None:
            return self._ids == other._ids
        return len(self) == len(other) and self.digest_bytes() == other.digest_bytes()

    def __hash__(self) -> int:
        return hash((VoterIds, len(self)))

    def __or__(self, other: VoterIds) -> VoterIds:
        if self._ids is not None and other._ids is not None:
            return VoterIds(self._ids | other._ids)
        return VoterIds(digests=_pack([*self._words(), *other._words()]))

    def overlap(self, other: VoterIds) -> tuple[int, list[str]]:
        """How many voters both sets hold, and up to five of them (ids, or digests in hex)."""
        if self._ids is not None and other._ids is not None:
            shared = self._ids & other._ids
            return len(shared), sorted(shared)[:5]
        common = set(self._words()) & set(other._words())
        if not common:
            return 0, []
        named = self._ids if self._ids is not None else other._ids
        if named is not None:
            sample = sorted(v for v in named if voter_digest(v) in common)[:5]
        else:
            sample = [f"digest {d:016x}" for d in sorted(common)[:5]]
        return len(common), sample

    def __repr__(self) -> str:
        if self._ids is not None:
            return f"VoterIds({sorted(self._ids)!r})"
        return f"VoterIds(<{len(self)} digests>)"

    def __reduce__(self) -> tuple[Any, ...]:
        if self._ids is not None:
            return (VoterIds, (self._ids,))
        return (_from_digests, (self._digests,))


def _from_digests(digests: bytes) -> VoterIds:
    return VoterIds(digests=digests)
