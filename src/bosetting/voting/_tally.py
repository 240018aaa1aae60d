"""The :class:`Tally` monoid: counts per nominee, rejected ballots with reasons, voter ids, merges.

A :class:`Tally` is a monoid: :meth:`Tally.empty` is the identity and ``a + b``
merges two batches (associative and commutative). A tally remembers the voter ids
it counted; merging two tallies whose voter ids overlap raises
:class:`~bosetting.errors.TallyMergeError` instead of counting a voter twice,
because the duplicate policy cannot be applied to votes that are already
counted. Tally such ballots in one batch.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs

from bosetting.errors import ArgumentError, TallyMergeError
from bosetting.i18n import N_
from bosetting.model import Edition, Municipality, RejectReason, checked, number_argument
from bosetting.register import nominees_of
from bosetting.voting._ballots import Ballot
from bosetting.voting._ranking import Finalists, order_by_score

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["DuplicatePolicy", "LazyRejected", "RejectedBallot", "Tally", "VoterIds"]


class DuplicatePolicy(enum.Enum):
    """What to do with several valid ballots from one voter id (see :mod:`bosetting.voting._count`)."""

    KEEP_FIRST = "keep_first"
    KEEP_LAST = "keep_last"
    REJECT_ALL = "reject_all"

    @classmethod
    def _missing_(cls, value: object) -> DuplicatePolicy:
        raise ArgumentError(
            N_("the duplicate policy is keep_first, keep_last or reject_all"),
            field="duplicates",
            value=value if isinstance(value, str) else type(value).__name__,
        )


@checked
@attrs.frozen
class RejectedBallot:
    """A ballot that was not counted, and why."""

    ballot: Ballot
    reason: RejectReason


def _rejected_key(r: RejectedBallot) -> tuple[Any, ...]:
    b = r.ballot
    text = (b.choice, b.voter or "", b.timestamp or "", b.label or "", r.reason.value)
    return (b.source or "", b.row is None, b.row or 0, *text)


@checked  # a call from outside: the ballots the library makes inside it are not checked again
def _next_batch(batches: Any) -> list[RejectedBallot] | None:
    """The next batch of a :class:`LazyRejected`, or None after the last."""
    return next(batches, None)


@checked
class LazyRejected(Sequence[RejectedBallot]):
    """The rejected ballots of one batch, made when someone looks at them; it behaves as a tuple.

    A counting path knows how many ballots it rejected and why as soon as it has
    counted; ``batches`` yields the :class:`RejectedBallot` objects in canonical order
    (rows ascending), a list at a time, so that going through millions of them
    (``--format json``) never holds them all.

    Args:
        counts: How many ballots were rejected for each reason.
        batches: Yields them in lists, in canonical order.
    """

    __slots__ = ("_batches", "_counts", "_items")

    def __init__(
        self,
        counts: dict[RejectReason, int],
        batches: Callable[[], Iterator[list[RejectedBallot]]],
    ) -> None:
        self._counts = {r: n for r, n in counts.items() if n}
        self._batches = batches
        self._items: tuple[RejectedBallot, ...] | None = None

    def _all(self) -> tuple[RejectedBallot, ...]:
        if self._items is None:
            self._items = tuple(self)
        return self._items

    @property
    def reason_counts(self) -> dict[RejectReason, int]:
        """How many were rejected for each reason (without making the ballots)."""
        return dict(self._counts)

    def __len__(self) -> int:
        return sum(self._counts.values())

    def __getitem__(self, i: Any) -> Any:
        return self._all()[i]

    def __iter__(self) -> Iterator[RejectedBallot]:
        if self._items is None:
            return self._made()
        return iter(self._items)

    def _made(self) -> Iterator[RejectedBallot]:
        batches = self._batches()
        while (batch := _next_batch(batches)) is not None:
            yield from batch

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, tuple | LazyRejected):
            return NotImplemented
        if len(self) != len(other):
            return False
        if isinstance(other, LazyRejected) and self._counts != other._counts:
            return False
        return all(a == b for a, b in zip(self, other, strict=True))

    def __hash__(self) -> int:
        return hash((LazyRejected, len(self)))

    def __repr__(self) -> str:
        if len(self) > 100:
            return f"<{len(self)} rejected ballots>"
        return repr(tuple(self))

    def __reduce__(self) -> tuple[Any, ...]:
        return (tuple, (tuple(self),))


@checked
class VoterIds:
    """The voter ids a tally has seen, once each, held as a polars Series (compact for millions).

    Args:
        ids: The voter ids.
        series: The distinct voter ids as a polars Series of text (instead of ``ids``).

    Examples:
        >>> v = VoterIds(["a", "b", "a"])
        >>> len(v), "a" in v, "c" in v, v == {"b", "a"}, sorted(v | VoterIds(["c"]))
        (2, True, False, True, ['a', 'b', 'c'])
    """

    __slots__ = ("_ids",)

    def __init__(self, ids: Iterable[str] = (), *, series: Any = None) -> None:
        import polars as pl

        if series is None:
            series = pl.Series("voter", sorted(set(ids)), dtype=pl.String)
        self._ids = series

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, voter: object) -> bool:
        return isinstance(voter, str) and bool(self._ids.is_in([voter]).any())

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids.to_list())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, frozenset | set):
            other = VoterIds(other)
        if not isinstance(other, VoterIds):
            return NotImplemented
        return len(self) == len(other) and bool(self._ids.is_in(other._ids.implode()).all())

    def __hash__(self) -> int:
        return hash((VoterIds, len(self)))

    def __or__(self, other: VoterIds) -> VoterIds:
        import polars as pl

        return VoterIds(series=pl.concat([self._ids, other._ids]).unique())

    def overlap(self, other: VoterIds) -> tuple[int, list[str]]:
        """How many voters both sets hold, and up to five of them."""
        shared = self._ids.filter(self._ids.is_in(other._ids.implode()))
        return len(shared), shared.sort().head(5).to_list()

    def __repr__(self) -> str:
        shown = f"<{len(self)} ids>" if len(self) > 20 else repr(sorted(self))
        return f"VoterIds({shown})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (VoterIds, (list(self),))


def _canonical(rejected: Iterable[RejectedBallot]) -> Sequence[RejectedBallot]:
    if isinstance(rejected, LazyRejected):
        return rejected  # canonical by construction (and not looked through here)
    items = tuple(rejected) if isinstance(rejected, Iterable) else None
    if (
        items is None
        or isinstance(rejected, str)
        or not all(isinstance(r, RejectedBallot) for r in items)
    ):
        raise ArgumentError(
            N_("the argument {argument} is {expected}, not {kind}"),
            argument="rejected",
            expected="Iterable[RejectedBallot]",
            kind=type(rejected).__name__,
            field="rejected",
        )
    return tuple(sorted(items, key=_rejected_key))


def _voter_ids(voters: VoterIds | Iterable[str]) -> VoterIds:
    return voters if isinstance(voters, VoterIds) else VoterIds(voters)


@checked(own=("rejected",))  # checked by its converter, never looked through
@attrs.frozen(eq=True)
class Tally:
    """Counts of the public vote for one set of nominees.

    Build with :func:`tally`, :func:`tally_codes`, :func:`tally_file` or
    :meth:`empty`; merge batches with ``+``.

    Attributes:
        nominees: The nominees, in the edition's order.
        votes: The count per nominee, aligned with ``nominees``.
        rejected: Every ballot not counted, with its reason (in a canonical order:
            source, then row). A tuple, or a :class:`LazyRejected` that behaves as one.
        voters: The voter ids whose ballot was counted or rejected as a duplicate
            (:class:`VoterIds`).
        duplicates: The duplicate-voter policy the tally was made with.
        labels: The labels the ballots carried (``"ØVINGSDATA"`` marks practice data).
    """

    nominees: tuple[Municipality, ...]
    votes: tuple[int, ...]
    rejected: Sequence[RejectedBallot] = attrs.field(default=(), converter=_canonical)
    voters: VoterIds = attrs.field(factory=VoterIds, converter=_voter_ids)
    duplicates: DuplicatePolicy = DuplicatePolicy.KEEP_FIRST
    labels: frozenset[str] = frozenset()

    def __attrs_post_init__(self) -> None:
        if len(self.votes) != len(self.nominees):
            raise ArgumentError(
                N_("{counts} counts for {nominees} nominees; give one count per nominee"),
                counts=len(self.votes),
                nominees=len(self.nominees),
                field="votes",
            )

    @classmethod
    @checked
    def empty(
        cls,
        nominees: Edition | Iterable[Municipality],
        duplicates: DuplicatePolicy = DuplicatePolicy.KEEP_FIRST,
    ) -> Tally:
        """The tally of no ballots: the identity of ``+``."""
        noms = nominees_of(nominees)
        return cls(noms, (0,) * len(noms), (), VoterIds(), duplicates)

    def __add__(self, other: object) -> Tally:
        if not isinstance(other, Tally):
            return NotImplemented
        if set(self.nominees) != set(other.nominees):
            raise TallyMergeError(
                N_("tallies for different nominees cannot be merged"),
                field="nominees",
                value=sorted(m.code for m in set(self.nominees) ^ set(other.nominees)),
            )
        if self.duplicates is not other.duplicates:
            raise TallyMergeError(
                N_("tallies made with different duplicate policies cannot be merged"),
                field="duplicates",
                value=(self.duplicates.value, other.duplicates.value),
            )
        n_shared, sample = self.voters.overlap(other.voters)
        if n_shared:
            raise TallyMergeError(
                N_(
                    "voter ids found in both batches: {n}; tally those ballots "
                    "together so the duplicate policy can be applied"
                ),
                n=n_shared,
                field="voter",
                value=sample,
            )
        theirs = other.counts
        return Tally(
            self.nominees,
            tuple(n + theirs[m] for m, n in zip(self.nominees, self.votes, strict=True)),
            tuple(self.rejected) + tuple(other.rejected),
            self.voters | other.voters,
            self.duplicates,
            self.labels | other.labels,
        )

    @property
    def counts(self) -> dict[Municipality, int]:
        """Votes per nominee (every nominee, zero included), in the nominees' order."""
        return dict(zip(self.nominees, self.votes, strict=True))

    @property
    def accepted(self) -> int:
        """How many ballots were counted."""
        return sum(self.votes)

    @property
    def total(self) -> int:
        """How many ballots were read: counted plus rejected."""
        return self.accepted + len(self.rejected)

    @property
    def rejected_by_reason(self) -> dict[RejectReason, int]:
        """How many ballots were rejected for each reason (every reason, zero included)."""
        if isinstance(self.rejected, LazyRejected):
            found = Counter(self.rejected.reason_counts)
        else:
            found = Counter(r.reason for r in self.rejected)
        return {reason: found[reason] for reason in RejectReason}

    @property
    def exact_shares(self) -> dict[Municipality, Fraction]:
        """Each nominee's share of the counted ballots, exactly (all zero if none were counted)."""
        n = self.accepted
        return {m: Fraction(c, n) if n else Fraction(0) for m, c in self.counts.items()}

    @property
    def shares(self) -> dict[Municipality, float]:
        """Each nominee's share of the counted ballots (all ``0.0`` if none were counted)."""
        return {m: float(s) for m, s in self.exact_shares.items()}

    def ranking(self) -> tuple[Municipality, ...]:
        """Nominees by votes, most first; equal counts by kommunenummer ascending."""
        return order_by_score(self.counts, N_("votes"))[0]

    def rank(self, municipality: Municipality) -> int:
        """A nominee's 1-based place in :meth:`ranking`.

        Raises:
            ArgumentError: for a municipality that is not one of the nominees.
        """
        order = self.ranking()
        if municipality not in order:
            raise ArgumentError(
                N_("not one of the nominees"), field="municipality", value=str(municipality)
            )
        return order.index(municipality) + 1

    def finalists(self, k: int = 3) -> Finalists:
        """The ``k`` nominees with most votes, ties at the boundary broken by kommunenummer.

        Examples:
            >>> from bosetting.voting import tally
            >>> ms = [Municipality(c, n, "X", 2020) for c, n in [("0301", "A"), ("1804", "B"), ("4602", "C")]]
            >>> f = tally(["C", "C", "B", "A"], ms).finalists(2)
            >>> [m.name for m in f.municipalities], [m.name for m in f.tie.members]
            (['C', 'A'], ['A', 'B'])
        """
        number_argument(k, "k", low=1, whole=True)
        counts = self.counts
        order, ties = order_by_score(counts, N_("finalists"))
        tie = None
        if len(order) > k and counts[order[k]] == counts[order[k - 1]]:
            tie = next(t for t in ties if order[k - 1] in t.members)
        return Finalists(k, order[:k], tie)

    def to_frame(self) -> pd.DataFrame:
        """One row per nominee, best first: ``rank``, ``code``, ``name``, ``county``, ``votes``, ``share``.

        ``share`` is the nominee's share of the counted ballots (a decimal in [0, 1]);
        ``rank`` follows :meth:`ranking` (equal counts by kommunenummer). The ballots
        that were not counted are in :meth:`rejected_frame`.

        Examples:
            >>> from bosetting.voting import tally
            >>> ms = [Municipality(c, n, "X", 2020) for c, n in [("0301", "A"), ("1804", "B")]]
            >>> df = tally(["B", "B", "A", "Z"], ms).to_frame()
            >>> df[["rank", "code", "votes", "share"]].values.tolist()
            [[1, '1804', 2, 0.6666666666666666], [2, '0301', 1, 0.3333333333333333]]
        """
        import pandas as pd

        shares, counts = self.shares, self.counts
        order = self.ranking()
        return pd.DataFrame(
            {
                "rank": pd.Series(range(1, len(order) + 1), dtype="int64"),
                "code": pd.Series([m.code for m in order], dtype="string"),
                "name": pd.Series([m.name for m in order], dtype="string"),
                "county": pd.Series([m.county for m in order], dtype="string"),
                "votes": pd.Series([counts[m] for m in order], dtype="int64"),
                "share": pd.Series([shares[m] for m in order], dtype="float64"),
            }
        )

    def rejected_frame(self) -> pd.DataFrame:
        """One row per ballot not counted: where it came from, what it said, and ``reason``.

        Columns: ``source``, ``row``, ``choice``, ``voter``, ``timestamp``, ``label``,
        ``reason`` (the reason code, such as ``"unknown_nominee"``), in the canonical
        order of :attr:`rejected`.

        Examples:
            >>> from bosetting.voting import tally
            >>> ms = [Municipality("0301", "A", "X", 2020)]
            >>> tally(["A", "Z", ""], ms).rejected_frame()[["row", "choice", "reason"]].values.tolist()
            [[2, 'Z', 'unknown_nominee'], [3, '', 'blank']]
        """
        import pandas as pd

        rows = [(r.ballot, r.reason.value) for r in self.rejected]
        columns = ("source", "row", "choice", "voter", "timestamp", "label")
        frame = {
            key: pd.Series(
                [getattr(b, key) for b, _ in rows], dtype="Int64" if key == "row" else "string"
            )
            for key in columns
        }
        return pd.DataFrame({**frame, "reason": pd.Series([r for _, r in rows], dtype="string")})
