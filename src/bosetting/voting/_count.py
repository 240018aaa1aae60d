"""Counting the public vote among one edition's nominees.

:func:`tally` resolves each :class:`~bosetting.ballots.Ballot` against the
nominees and returns a :class:`Tally`. Nothing is dropped: a ballot that is not
counted is kept in :attr:`Tally.rejected` with a :class:`RejectReason`.

Resolving a choice:

* a kommunenummer (``"4602"``; a three-digit ``"301"`` as Excel writes it is read as ``"0301"``);
* or a name, case-insensitively with exact æøå, as
  :meth:`~bosetting.model.Municipality.matches` defines it (each part of a
  Norwegian/Sami name and the name without the county in brackets match);
* names and choices are compared in Unicode NFC and without format characters
  such as a zero-width space (:func:`bosetting.register.fold`);
* a blank choice is rejected as ``BLANK``; a choice that matches no nominee as
  ``UNKNOWN_NOMINEE``; one that matches several nominees as ``AMBIGUOUS``; a
  ballot whose row had extra fields (:attr:`Ballot.extra`) as ``EXTRA_FIELDS``.

Duplicate voters (:class:`DuplicatePolicy`): among the *valid* ballots that
carry the same voter id, ``KEEP_FIRST`` counts the first in input order,
``KEEP_LAST`` the last, and ``REJECT_ALL`` none; the others are rejected as
``DUPLICATE_VOTER``. Ballots without a voter id are never duplicates.

One semantics for every input: a list or any iterable, a numpy array, a pandas
Series (str, object, categorical, Arrow-backed), a polars Series, a pyarrow
array or a ballot file of any size,
column order and subset give the same :class:`Tally` for the same ballots.
Missing values (``None``, NaN, ``pandas.NA``) are blank ballots; any other value
is counted as ``str(value)``. Distinct choices are counted first and each is
resolved once; :class:`Ballot` objects are built only for rejected ballots
(their row, raw value and reason), and for Series, arrays and lists of choices
only when someone looks at them.

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

import os
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from bosetting.errors import ArgumentError
from bosetting.i18n import N_
from bosetting.model import Edition, Municipality, RejectReason
from bosetting.register import Resolver, nominees_of
from bosetting.voting._ballots import Ballot, ballots_from_iterable, choice_text
from bosetting.voting._columns import is_array, tally_array
from bosetting.voting._distinct import REASONS, resolve_distinct
from bosetting.voting._tally import DuplicatePolicy, LazyRejected, RejectedBallot, Tally, VoterIds

__all__ = ["tally", "tally_file"]

#: Above this many distinct rejected values, rejected rows are found in one pass, not one per value.
_SCANS = 8


def _apply(
    resolver: Resolver, ballots: Iterable[Ballot], duplicates: DuplicatePolicy
) -> tuple[list[int], list[RejectedBallot], set[str]]:
    """Count ballots one by one (the general path: voter ids, rows and labels of their own)."""
    votes = [0] * len(resolver.nominees)
    rejected: list[RejectedBallot] = []
    by_voter: dict[str, list[tuple[Ballot, int]]] = {}
    resolve = resolver.resolve
    extra = RejectReason.EXTRA_FIELDS
    for b in ballots:
        hit = extra if b.extra else resolve(b.choice)
        if isinstance(hit, RejectReason):
            rejected.append(RejectedBallot(b, hit))
        elif b.voter is None:
            votes[hit] += 1
        else:
            by_voter.setdefault(b.voter, []).append((b, hit))
    dup = RejectReason.DUPLICATE_VOTER
    for group in by_voter.values():
        if len(group) == 1:
            votes[group[0][1]] += 1
            continue
        if duplicates is DuplicatePolicy.REJECT_ALL:
            keep = None
        else:
            keep = 0 if duplicates is DuplicatePolicy.KEEP_FIRST else len(group) - 1
        for i, (b, hit) in enumerate(group):
            if i == keep:
                votes[hit] += 1
            else:
                rejected.append(RejectedBallot(b, dup))
    return votes, rejected, set(by_voter)


def _check_policy(duplicates: object) -> DuplicatePolicy:
    if isinstance(duplicates, DuplicatePolicy):
        return duplicates
    try:
        return DuplicatePolicy(duplicates)
    except ValueError:
        raise ArgumentError(
            N_("the duplicate policy is keep_first, keep_last or reject_all"),
            field="duplicates",
            value=duplicates,
        ) from None


def _tally_ballots(items: Sequence[Any], resolver: Resolver, policy: DuplicatePolicy) -> Tally:
    """The general path: ballots with voter ids, rows and labels of their own."""
    ballots = ballots_from_iterable(items)
    votes, rejected, voters = _apply(resolver, ballots, policy)
    labels = frozenset(b.label for b in ballots if b.label)
    return Tally(resolver.nominees, tuple(votes), rejected, VoterIds(voters), policy, labels)


def _tally_choices(
    items: tuple[Any, ...], resolver: Resolver, policy: DuplicatePolicy
) -> Tally | None:
    """Choices without voter ids: count distinct values, resolve each once, find rejects lazily.

    Returns ``None`` if the items hold :class:`Ballot` objects (count them one by one).
    """
    try:
        found = Counter(items)
    except TypeError:  # unhashable values: count their texts
        found = Counter({None: 0})
    if not all(type(k) is str for k in found):
        if any(isinstance(k, Ballot) for k in found):
            return None
        items = tuple(map(choice_text, items))  # equal values of other types (1 and 1.0) merge
        found = Counter(items)
    values = list(found)
    votes, bad, why = resolve_distinct(resolver, values, found.values())
    if not bad:
        return Tally(resolver.nominees, tuple(votes), (), VoterIds(), policy)
    reasons = {values[k]: r for k, r in bad.items()}

    def build() -> list[RejectedBallot]:
        at: list[tuple[int, RejectReason]] = []
        if len(reasons) <= _SCANS:
            for value, reason in reasons.items():
                i = -1
                for _ in range(found[value]):
                    i = items.index(value, i + 1)
                    at.append((i, reason))
            at.sort()
        else:
            at = [(i, reasons[v]) for i, v in enumerate(items) if v in reasons]
        return [RejectedBallot(Ballot(items[i], row=i + 1), r) for i, r in at]

    return Tally(resolver.nominees, tuple(votes), LazyRejected(why, build), VoterIds(), policy)


def tally(
    ballots: Iterable[Ballot | str | None] | Any,
    edition: Edition | Iterable[Municipality],
    *,
    duplicates: DuplicatePolicy | str = DuplicatePolicy.KEEP_FIRST,
) -> Tally:
    """Count ballots among an edition's nominees (see the module docstring for the rules).

    Args:
        ballots: Ballots, or choices (strings; ``None`` and NaN are blank), as a list or
            any iterable, a numpy array, a pandas Series, Index or Categorical, a
            polars Series or a pyarrow array.
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
    if ballots is None or isinstance(ballots, str | bytes) or not hasattr(ballots, "__iter__"):
        raise ArgumentError(
            N_("give the ballots as a list, a Series or another collection of choices"),
            field="ballots",
            value=type(ballots).__name__,
        )
    policy = _check_policy(duplicates)
    resolver = Resolver(nominees_of(edition))
    if is_array(ballots):
        counted = tally_array(ballots, resolver, policy)
        if counted is not None:
            return counted
        ballots = list(ballots)
    items = ballots if isinstance(ballots, tuple) else tuple(ballots)
    if not (items and type(items[0]) is Ballot):
        counted = _tally_choices(items, resolver, policy)
        if counted is not None:
            return counted
    return _tally_ballots(items, resolver, policy)


def tally_file(
    path: str | os.PathLike[str],
    edition: Edition | Iterable[Municipality],
    *,
    duplicates: DuplicatePolicy | str = DuplicatePolicy.KEEP_FIRST,
    choice: str | None = None,
    voter: str | None = None,
    timestamp: str | None = None,
) -> Tally:
    """Read and count a ballot CSV file: the same result as ``tally(read_ballots(path), ...)``.

    The file is counted on polars (see :mod:`bosetting.voting._file`): columns are
    found by name, in any order; memory grows with the voters, not with the
    rejected rows, which are kept as row numbers and reasons and read again from
    the file only when someone looks at them.

    Raises:
        BallotFileError: naming file, row and field, exactly as
            :func:`~bosetting.voting.read_ballots` does for the same file.
        LimitError: for a file over :data:`~bosetting.voting.MAX_BALLOT_BYTES` bytes
            or :data:`~bosetting.voting.MAX_BALLOT_ROWS` rows, as ``read_ballots``.
    """
    from bosetting.voting import _file, _filecount

    policy = _check_policy(duplicates)
    resolver = Resolver(nominees_of(edition))
    lay = _file.layout(path, choice=choice, voter=voter, timestamp=timestamp)
    found = _filecount.count_file(lay, resolver, policy)
    counts = {REASONS[k]: n for k, n in found.reasons.value_counts().iter_rows()}

    def batches() -> Iterator[list[RejectedBallot]]:
        done = 0
        for ballots in _filecount.rejected_ballots(found):
            why = found.reasons.slice(done, len(ballots)).to_list()
            done += len(ballots)
            yield [RejectedBallot(b, REASONS[k]) for b, k in zip(ballots, why, strict=True)]

    def build() -> list[RejectedBallot]:
        return [r for batch in batches() for r in batch]

    rejected = LazyRejected(counts, build, batches) if counts else ()
    return Tally(
        resolver.nominees,
        tuple(found.votes),
        rejected,
        VoterIds(series=found.voters),
        policy,
        found.labels,
    )
