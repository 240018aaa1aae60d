"""Counting the public vote among one edition's nominees: the rules every path follows.

A choice is resolved by the one :class:`~bosetting.register.Resolver`: a
kommunenummer (``"4602"``; ``"301"`` as Excel writes it is ``"0301"``) or a name,
case-insensitively with exact æøå, in Unicode NFC and without format characters
such as a zero-width space (:meth:`~bosetting.model.Municipality.matches`: each
part of a Norwegian/Sami name, and the name without the county in brackets).

A ballot is rejected, and kept with its reason, as ``BLANK`` (an empty choice;
``None``, NaN and ``pandas.NA`` are empty), ``UNKNOWN_NOMINEE``, ``AMBIGUOUS``
(it names several nominees), ``EXTRA_FIELDS`` or ``MISSING_FIELDS`` (its file row
had more or fewer fields than the header), or ``DUPLICATE_VOTER``: among the
*valid* ballots of one voter id, ``KEEP_FIRST`` counts the first in input order,
``KEEP_LAST`` the last and ``REJECT_ALL`` none (:class:`DuplicatePolicy`).
Ballots without a voter id are never duplicates.

Every input gives the same :class:`Tally` for the same ballots: a list or any
iterable, a numpy array, a pandas Series, Index or Categorical, a polars Series,
a pyarrow array (:mod:`bosetting.voting._columns`) or a ballot file of any size,
layout and encoding (:mod:`bosetting.voting._file`). A value that is not text is
counted as ``str(value)``. Each distinct choice is resolved once, and the
rejected ballots of a column or a file are made only when someone looks at them.

Examples:
    >>> from bosetting.model import Municipality
    >>> kinn = Municipality("4602", "Kinn", "Vestland", 2020)
    >>> bodo = Municipality("1804", "Bodø", "Nordland", 1977)
    >>> t = tally(["Kinn", "kinn", "1804", "", "Oslo"], [kinn, bodo])
    >>> [(m.name, n) for m, n in t.counts.items()]
    [('Kinn', 2), ('Bodø', 1)]
    >>> t.accepted, len(t.rejected), t.total, t.exact_shares[kinn]
    (3, 2, 5, Fraction(2, 3))
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from bosetting.errors import ArgumentError
from bosetting.i18n import N_
from bosetting.model import Edition, Municipality, RejectReason, checked
from bosetting.register import Resolver, nominees_of
from bosetting.voting._ballots import Ballot, ballots_from_iterable
from bosetting.voting._columns import as_column, tally_column
from bosetting.voting._tally import DuplicatePolicy, RejectedBallot, Tally, VoterIds

__all__ = ["tally", "tally_file"]


def _apply(
    resolver: Resolver, ballots: Iterable[Ballot], duplicates: DuplicatePolicy
) -> tuple[list[int], list[RejectedBallot], set[str]]:
    """Count ballots one by one (ballots with voter ids, rows and labels of their own)."""
    votes = [0] * len(resolver.nominees)
    rejected: list[RejectedBallot] = []
    by_voter: dict[str, list[tuple[Ballot, int]]] = {}
    for b in ballots:
        if b.extra or b.missing:
            hit: int | RejectReason = (
                RejectReason.EXTRA_FIELDS if b.extra else RejectReason.MISSING_FIELDS
            )
        else:
            hit = resolver.resolve(b.choice)
        if isinstance(hit, RejectReason):
            rejected.append(RejectedBallot(b, hit))
        elif b.voter is None:
            votes[hit] += 1
        else:
            by_voter.setdefault(b.voter, []).append((b, hit))
    for group in by_voter.values():
        keep = {DuplicatePolicy.KEEP_FIRST: 0, DuplicatePolicy.KEEP_LAST: len(group) - 1}
        counted = keep.get(duplicates) if len(group) > 1 else 0
        for i, (b, hit) in enumerate(group):
            if i == counted:
                votes[hit] += 1
            else:
                rejected.append(RejectedBallot(b, RejectReason.DUPLICATE_VOTER))
    return votes, rejected, set(by_voter)


@checked(own=("ballots",))  # any container: looked through by the counting, not here
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
    policy = DuplicatePolicy(duplicates)
    resolver = Resolver(nominees_of(edition))
    given: Any = ballots
    if type(given).__module__.partition(".")[0] not in ("numpy", "pandas", "pyarrow", "polars"):
        given = list(given)
    column = as_column(given)
    if column is not None:
        return tally_column(column, resolver, policy)
    items = ballots_from_iterable(given)
    votes, rejected, voters = _apply(resolver, items, policy)
    labels = frozenset(b.label for b in items if b.label)
    return Tally(resolver.nominees, tuple(votes), rejected, VoterIds(voters), policy, labels)


@checked(own=("path",))  # a path's errors name the file (BallotFileError)
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

    Counted on polars (:mod:`bosetting.voting._file`): columns found by name, in any
    order; memory grows with the voters, not with the rejected rows, which are kept
    as row numbers and reasons and read again from the file when someone looks.

    Raises:
        BallotFileError: naming file, row and field, as :func:`~bosetting.voting.read_ballots`.
        LimitError: for a file over :data:`~bosetting.voting.MAX_BALLOT_BYTES` bytes
            or :data:`~bosetting.voting.MAX_BALLOT_ROWS` rows, as ``read_ballots``.
    """
    from bosetting.voting import _file, _filecount

    policy = DuplicatePolicy(duplicates)
    lay = _file.layout(path, choice=choice, voter=voter, timestamp=timestamp)
    return _filecount.count_file(lay, Resolver(nominees_of(edition)), policy)
