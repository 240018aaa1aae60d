"""Counting arrays, pandas Series and code arrays: distinct values first, ballots only for rejects."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from bosetting.errors import ArgumentError
from bosetting.i18n import N_
from bosetting.model import Edition, Municipality, RejectReason
from bosetting.register import Resolver, nominees_of
from bosetting.voting._ballots import Ballot, is_missing
from bosetting.voting._distinct import REASONS, resolve_code, resolve_distinct
from bosetting.voting._tally import DuplicatePolicy, LazyRejected, RejectedBallot, Tally
from bosetting.voting._voters import VoterIds

if TYPE_CHECKING:
    import numpy.typing as npt

    Arr = npt.NDArray[Any]


__all__ = ["is_array", "tally_array", "tally_codes"]


def tally_codes(codes: Any, edition: Edition | Iterable[Municipality]) -> Tally:
    """Count ballots given as integer kommunenummer (``4602``, ``301`` for ``"0301"``).

    The fast path for large exports: ``codes`` is any array-like of whole numbers
    (a numpy array is used as is). Counting is one :func:`numpy.bincount`. Ballots
    without voter ids cannot be duplicates, so the policy does not apply. A code
    that is no nominee's is rejected as ``UNKNOWN_NOMINEE`` and kept, its row the
    1-based position.

    Examples:
        >>> kinn = Municipality("4602", "Kinn", "Vestland", 2020)
        >>> t = tally_codes([4602, 4602, 301], [kinn])
        >>> t.votes, t.rejected[0].ballot.choice, t.rejected[0].ballot.row
        ((2,), '0301', 3)
    """
    import numpy as np

    noms = nominees_of(edition)
    arr = np.asarray(codes)
    if arr.ndim != 1 or (arr.size and arr.dtype.kind not in "iu"):
        raise ArgumentError(
            N_("codes must be a one-dimensional array of whole numbers"),
            field="codes",
            value=str(arr.dtype),
        )
    wanted = np.array([int(m.code) for m in noms], dtype=np.intp)
    if arr.size == 0:
        return Tally(noms, (0,) * len(noms))
    counts = None
    if int(arr.max()) < 10_000:
        try:  # one pass; bincount itself refuses negative values
            counts = np.bincount(arr, minlength=10_000)
        except ValueError:
            counts = None
    if counts is not None:
        votes = tuple(int(x) for x in counts[wanted]) if len(noms) else ()
        bad = int(arr.size) - sum(votes)
    else:
        votes = tuple(int(np.count_nonzero(arr == c)) for c in wanted)
        bad = int(arr.size) - sum(votes)
    rejected: list[RejectedBallot] = []
    if bad:
        is_nominee = np.isin(arr, wanted)
        for pos in np.flatnonzero(~is_nominee).tolist():
            value = int(arr[pos])
            text = f"{value:04d}" if 0 <= value < 10_000 else str(value)
            rejected.append(RejectedBallot(Ballot(text, row=pos + 1), RejectReason.UNKNOWN_NOMINEE))
    return Tally(noms, votes, rejected)


def is_array(obj: object) -> bool:
    """Whether ``obj`` is a numpy or pandas container (counted by :func:`tally_array`)."""
    return type(obj).__module__.partition(".")[0] in ("numpy", "pandas", "pyarrow")


def tally_array(obj: Any, resolver: Resolver, policy: DuplicatePolicy) -> Tally | None:
    """Count a numpy array, a pandas Series, Index or Categorical of choices.

    Missing values (NaN, ``None``, ``pandas.NA``) are blank ballots; every other
    value is counted as ``str(value)``, exactly as in a list. The row of a
    rejected ballot is its 1-based position; its source the Series' name.

    Returns:
        The tally, or ``None`` if ``obj`` holds :class:`Ballot` objects (count it as a list).
    """
    import numpy as np
    import pandas as pd

    if isinstance(obj, pd.DataFrame):
        raise ArgumentError(
            N_("give one column of choices (a Series), not a whole table"),
            field="ballots",
            value=list(map(str, obj.columns))[:5],
        )
    name: str | None = None
    if isinstance(obj, pd.Series):
        s = obj.copy(deep=False)  # copy-on-write keeps our view as it is now
        name = None if obj.name is None else str(obj.name)
    else:
        if isinstance(obj, np.ndarray) and obj.ndim != 1:
            raise ArgumentError(
                N_("an array of ballots has one dimension"), field="ballots", value=obj.shape
            )
        s = pd.Series(obj, copy=True)
    if isinstance(s.dtype, pd.CategoricalDtype):
        return _tally_categorical(s, resolver, policy, name)
    if s.dtype == object:
        kinds = {type(v) for v in s.drop_duplicates().tolist()} if len(s) else set()
        if Ballot in kinds:
            return None
        if kinds - {str, type(None), float}:
            # equal values of other types (1804 and 1804.0) would merge; count their texts
            s = s.map(lambda v: None if is_missing(v) else str(v)).astype(object)
    vc = s.value_counts(dropna=False, sort=False)
    values = vc.index.tolist()
    votes, bad, why = resolve_distinct(resolver, values, vc.to_numpy().tolist())
    noms = resolver.nominees

    def build() -> list[RejectedBallot]:
        codes, uniques = pd.factorize(s, use_na_sentinel=False)
        reason = np.full(len(uniques) + 1, -1, dtype=np.int64)
        for k, u in enumerate(uniques.tolist() if hasattr(uniques, "tolist") else list(uniques)):
            code = resolve_code(resolver, u)
            if code < 0:
                reason[k] = -1 - code
        per_row = reason[codes]
        where = np.flatnonzero(per_row >= 0)
        raw = s.to_numpy(dtype=object)[where].tolist()
        return [
            RejectedBallot(Ballot(v, row=p + 1, source=name), REASONS[r])
            for p, v, r in zip(where.tolist(), raw, per_row[where].tolist(), strict=True)
        ]

    rejected = LazyRejected(why, build) if bad else ()
    return Tally(noms, tuple(votes), rejected, VoterIds(), policy)


def _tally_categorical(
    s: Any, resolver: Resolver, policy: DuplicatePolicy, name: str | None
) -> Tally:
    import numpy as np

    codes = s.cat.codes.to_numpy()
    cats = s.cat.categories.tolist()
    if len(codes) and int(codes.min()) < 0:
        with_na = np.bincount(codes + 1, minlength=len(cats) + 1)
        values, tallies = [*cats, None], [*with_na[1:].tolist(), int(with_na[0])]
    else:
        counts = np.bincount(codes, minlength=len(cats)).tolist() if len(codes) else [0] * len(cats)
        values, tallies = cats, counts
    votes, bad, why = resolve_distinct(resolver, values, tallies)
    if not bad:
        return Tally(resolver.nominees, tuple(votes), (), VoterIds(), policy)
    kept = codes.copy()
    na = len(cats)
    bad_codes = {(-1 if k == na else k): r for k, r in bad.items()}

    def build() -> list[RejectedBallot]:
        keys = np.array(sorted(bad_codes), dtype=kept.dtype)
        where = np.flatnonzero(np.isin(kept, keys))
        out = []
        for p, c in zip(where.tolist(), kept[where].tolist(), strict=True):
            value = None if c < 0 else cats[c]
            out.append(RejectedBallot(Ballot(value, row=p + 1, source=name), bad_codes[c]))
        return out

    return Tally(resolver.nominees, tuple(votes), LazyRejected(why, build), VoterIds(), policy)


# --- digests (the numpy twin of _voters.voter_digest) -----------------------------------------

_C1, _C2 = 0xBF58476D1CE4E5B9, 0x94D049BB133111EB
