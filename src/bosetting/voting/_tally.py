"""The :class:`Tally` monoid: counts per nominee, rejected ballots with reasons, merges.

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
from collections.abc import Iterable
from fractions import Fraction
from typing import Any

import attrs

from bosetting.errors import ArgumentError, TallyMergeError
from bosetting.model import Edition, Municipality, RejectReason
from bosetting.register import nominees_of
from bosetting.voting._ballots import Ballot
from bosetting.voting._ranking import Finalists, order_by_score

__all__ = ["DuplicatePolicy", "RejectedBallot", "Tally"]


class DuplicatePolicy(enum.Enum):
    """What to do with several valid ballots from one voter id (see the module docstring)."""

    KEEP_FIRST = "keep_first"
    KEEP_LAST = "keep_last"
    REJECT_ALL = "reject_all"


@attrs.frozen
class RejectedBallot:
    """A ballot that was not counted, and why."""

    ballot: Ballot
    reason: RejectReason


def _rejected_key(r: RejectedBallot) -> tuple[Any, ...]:
    b = r.ballot
    return (
        b.source or "",
        b.row is None,
        b.row or 0,
        b.choice,
        b.voter or "",
        b.timestamp or "",
        b.label or "",
        r.reason.value,
    )


def _canonical(rejected: Iterable[RejectedBallot]) -> tuple[RejectedBallot, ...]:
    return tuple(sorted(rejected, key=_rejected_key))


@attrs.frozen(eq=True)
class Tally:
    """Counts of the public vote for one set of nominees.

    Build with :func:`tally`, :func:`tally_codes`, :func:`tally_file` or
    :meth:`empty`; merge batches with ``+``.

    Attributes:
        nominees: The nominees, in the edition's order.
        votes: The count per nominee, aligned with ``nominees``.
        rejected: Every ballot not counted, with its reason (in a canonical order).
        voters: The voter ids whose ballot was counted or rejected as a duplicate.
        duplicates: The duplicate-voter policy the tally was made with.
        labels: The labels the ballots carried (``"ØVINGSDATA"`` marks practice data).
    """

    nominees: tuple[Municipality, ...]
    votes: tuple[int, ...]
    rejected: tuple[RejectedBallot, ...] = attrs.field(default=(), converter=_canonical)
    voters: frozenset[str] = frozenset()
    duplicates: DuplicatePolicy = DuplicatePolicy.KEEP_FIRST
    labels: frozenset[str] = frozenset()

    def __attrs_post_init__(self) -> None:
        if len(self.votes) != len(self.nominees):
            raise ArgumentError(
                f"{len(self.votes)} counts for {len(self.nominees)} nominees", field="votes"
            )

    @classmethod
    def empty(
        cls,
        nominees: Edition | Iterable[Municipality],
        duplicates: DuplicatePolicy = DuplicatePolicy.KEEP_FIRST,
    ) -> Tally:
        """The tally of no ballots: the identity of ``+``."""
        noms = nominees_of(nominees)
        return cls(noms, (0,) * len(noms), (), frozenset(), duplicates)

    def __add__(self, other: object) -> Tally:
        if not isinstance(other, Tally):
            return NotImplemented
        if set(self.nominees) != set(other.nominees):
            raise TallyMergeError(
                "tallies for different nominees cannot be merged",
                field="nominees",
                value=sorted(m.code for m in set(self.nominees) ^ set(other.nominees)),
            )
        if self.duplicates is not other.duplicates:
            raise TallyMergeError(
                "tallies made with different duplicate policies cannot be merged",
                field="duplicates",
                value=(self.duplicates.value, other.duplicates.value),
            )
        shared = self.voters & other.voters
        if shared:
            raise TallyMergeError(
                f"{len(shared)} voter id(s) occur in both batches; tally those ballots "
                "together so the duplicate policy can be applied",
                field="voter",
                value=sorted(shared)[:5],
            )
        theirs = other.counts
        return Tally(
            self.nominees,
            tuple(n + theirs[m] for m, n in zip(self.nominees, self.votes, strict=True)),
            self.rejected + other.rejected,
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
        return order_by_score(self.counts, "stemmer")[0]

    def rank(self, municipality: Municipality) -> int:
        """A nominee's 1-based place in :meth:`ranking`."""
        return self.ranking().index(municipality) + 1

    def finalists(self, k: int = 3) -> Finalists:
        """The ``k`` nominees with most votes, ties at the boundary broken by kommunenummer.

        Examples:
            >>> from bosetting.voting import tally
            >>> ms = [Municipality(c, n, "X", 2020) for c, n in [("0301", "A"), ("1804", "B"), ("4602", "C")]]
            >>> f = tally(["C", "C", "B", "A"], ms).finalists(2)
            >>> [m.name for m in f.municipalities], [m.name for m in f.tie.members]
            (['C', 'A'], ['A', 'B'])
        """
        if isinstance(k, bool) or not isinstance(k, int) or k < 1:
            raise ArgumentError("k is a whole number of at least 1", field="k", value=k)
        counts = self.counts
        order, ties = order_by_score(counts, "finalister")
        chosen = order[:k]
        tie = None
        if len(order) > k:
            boundary = counts[order[k - 1]]
            if counts[order[k]] == boundary:
                tie = next(t for t in ties if order[k - 1] in t.members)
        return Finalists(k, chosen, tie)
