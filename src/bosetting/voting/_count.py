"""Counting the public vote among one edition's nominees.

:func:`tally` resolves each :class:`~bosetting.ballots.Ballot` against the
nominees and returns a :class:`Tally`. Nothing is dropped: a ballot that is not
counted is kept in :attr:`Tally.rejected` with a :class:`RejectReason`.

Resolving a choice:

* a kommunenummer (``"4602"``; a three-digit ``"301"`` as Excel writes it is read as ``"0301"``);
* or a name, case-insensitively with exact æøå, as
  :meth:`~bosetting.model.Municipality.matches` defines it (each part of a
  Norwegian/Sami name and the name without the county in brackets match);
* a blank choice is rejected as ``BLANK``; a choice that matches no nominee as
  ``UNKNOWN_NOMINEE``; one that matches several nominees as ``AMBIGUOUS``.

Duplicate voters (:class:`DuplicatePolicy`): among the *valid* ballots that
carry the same voter id, ``KEEP_FIRST`` counts the first in input order,
``KEEP_LAST`` the last, and ``REJECT_ALL`` none; the others are rejected as
``DUPLICATE_VOTER``. Ballots without a voter id are never duplicates.

Merging batches is ``+`` on :class:`~bosetting.voting.Tally` (see :mod:`bosetting.voting._tally`).

Examples:
    >>> from bosetting.model import Municipality
    >>> kinn = Municipality("4602", "Kinn", "Vestland", 2020)
    >>> bodo = Municipality("1804", "Bodø", "Nordland", 1977)
    >>> t = tally(["Kinn", "kinn", "1804", "", "Oslo"], [kinn, bodo])
    >>> [(m.name, n) for m, n in t.counts.items()]
    [('Kinn', 2), ('Bodø', 1)]
    >>> t.accepted, len(t.rejected), t.total
    (3, 2, 5)
    >>> t.exact_shares[kinn]
    Fraction(2, 3)
    >>> (t + Tally.empty([kinn, bodo])) == t
    True
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from bosetting.data import read_csv_text
from bosetting.errors import ArgumentError, BallotFileError
from bosetting.model import Edition, Municipality, RejectReason
from bosetting.register import Resolver, nominees_of
from bosetting.voting import _fast
from bosetting.voting._ballots import (
    Ballot,
    ballot_columns,
    ballots_from_iterable,
    check_row_lengths,
)
from bosetting.voting._tally import DuplicatePolicy, RejectedBallot, Tally

__all__ = ["tally", "tally_file"]


def _apply(
    resolver: Resolver,
    rows: Iterable[tuple[str, str | None, Any]],
    duplicates: DuplicatePolicy,
    make_ballot: Any,
) -> tuple[list[int], list[RejectedBallot], set[str]]:
    """Count resolved rows; ``make_ballot(item)`` builds a Ballot only for rejected ones."""
    votes = [0] * len(resolver.nominees)
    rejected: list[RejectedBallot] = []
    by_voter: dict[str, list[tuple[Any, int]]] = {}
    resolve = resolver.resolve
    for choice, voter, item in rows:
        hit = resolve(choice)
        if isinstance(hit, RejectReason):
            rejected.append(RejectedBallot(make_ballot(item), hit))
        elif voter is None:
            votes[hit] += 1
        else:
            by_voter.setdefault(voter, []).append((item, hit))
    dup = RejectReason.DUPLICATE_VOTER
    for group in by_voter.values():
        if len(group) == 1:
            votes[group[0][1]] += 1
            continue
        if duplicates is DuplicatePolicy.REJECT_ALL:
            keep = None
        else:
            keep = 0 if duplicates is DuplicatePolicy.KEEP_FIRST else len(group) - 1
        for i, (item, hit) in enumerate(group):
            if i == keep:
                votes[hit] += 1
            else:
                rejected.append(RejectedBallot(make_ballot(item), dup))
    return votes, rejected, set(by_voter)


def _check_policy(duplicates: object) -> DuplicatePolicy:
    if isinstance(duplicates, DuplicatePolicy):
        return duplicates
    try:
        return DuplicatePolicy(duplicates)
    except ValueError:
        raise ArgumentError(
            "the duplicate policy is keep_first, keep_last or reject_all",
            field="duplicates",
            value=duplicates,
        ) from None


def tally(
    ballots: Iterable[Ballot | str | None],
    edition: Edition | Iterable[Municipality],
    *,
    duplicates: DuplicatePolicy | str = DuplicatePolicy.KEEP_FIRST,
) -> Tally:
    """Count ballots among an edition's nominees (see the module docstring for the rules).

    Args:
        ballots: Ballots, or choices as strings (``None`` is blank).
        edition: The edition (its :attr:`~bosetting.model.Edition.nominees`) or the nominees.
        duplicates: The duplicate-voter policy.

    Returns:
        The tally; ``accepted + len(rejected)`` equals the number of ballots.

    Examples:
        >>> from bosetting.voting._ballots import Ballot
        >>> kinn = Municipality("4602", "Kinn", "Vestland", 2020)
        >>> bs = [Ballot("Kinn", voter="a"), Ballot("4602", voter="a")]
        >>> tally(bs, [kinn], duplicates="reject_all").rejected_by_reason[RejectReason.DUPLICATE_VOTER]
        2
    """
    policy = _check_policy(duplicates)
    resolver = Resolver(nominees_of(edition))
    items = ballots_from_iterable(ballots)
    votes, rejected, voters = _apply(
        resolver, ((b.choice, b.voter, b) for b in items), policy, lambda b: b
    )
    labels = frozenset(b.label for b in items if b.label)
    return Tally(resolver.nominees, tuple(votes), rejected, frozenset(voters), policy, labels)


def tally_file(
    path: Any,
    edition: Edition | Iterable[Municipality],
    *,
    duplicates: DuplicatePolicy | str = DuplicatePolicy.KEEP_FIRST,
    choice: str | None = None,
    voter: str | None = None,
) -> Tally:
    """Read and count a ballot CSV file in one pass (same result as ``tally(read_ballots(path), ...)``).

    Only rejected ballots become :class:`~bosetting.ballots.Ballot` objects, so
    large files are counted quickly. The file rules are those of
    :func:`bosetting.ballots.read_ballots`.

    Raises:
        BallotFileError: naming file, row and field, as :func:`~bosetting.ballots.read_ballots`.
    """
    policy = _check_policy(duplicates)
    resolver = Resolver(nominees_of(edition))
    fast = _fast.tally_file_fast(path, resolver, policy, choice=choice, voter=voter)
    if fast is not None:
        return fast
    text = read_csv_text(path, BallotFileError)
    cols = ballot_columns(text, choice=choice, voter=voter)
    check_row_lengths(text, cols)
    c, v, t, lab = cols.choice, cols.voter, cols.timestamp, cols.label
    single = len(text.header) == 1
    rows = text.rows
    labels = frozenset(
        row[lab] for row in rows if lab is not None and len(row) > lab and row[lab].strip()
    )

    def make(i: int) -> Ballot:
        row = rows[i]
        if not row:
            return Ballot("", row=i + 1, source=text.file)
        return Ballot(
            row[c],
            voter=None if v is None else row[v],
            timestamp=None if t is None else row[t],
            row=i + 1,
            source=text.file,
            label=None if lab is None else row[lab],
        )

    if v is None and not single and all(rows):
        # Fast path: count distinct choices in C, resolve each distinct choice once.
        found = Counter(row[c] for row in rows)
        votes = [0] * len(resolver.nominees)
        rejected: list[RejectedBallot] = []
        bad: set[str] = set()
        for ch, n in found.items():
            hit = resolver.resolve(ch)
            if isinstance(hit, RejectReason):
                bad.add(ch)
            else:
                votes[hit] += n
        if bad:
            for i, row in enumerate(rows):
                if row[c] in bad:
                    reason = resolver.resolve(row[c])
                    assert isinstance(reason, RejectReason)
                    rejected.append(RejectedBallot(make(i), reason))
        return Tally(resolver.nominees, tuple(votes), rejected, frozenset(), policy, labels)

    def items() -> Iterable[tuple[str, str | None, int]]:
        for i, row in enumerate(rows):
            if not row:
                if single:
                    yield "", None, i
                continue
            voter_id = None if v is None else (row[v].strip() or None)
            yield row[c], voter_id, i

    votes2, rejected2, voters = _apply(resolver, items(), policy, make)
    return Tally(resolver.nominees, tuple(votes2), rejected2, frozenset(voters), policy, labels)
