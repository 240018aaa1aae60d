"""Counting columns of choices on polars: polars and pandas Series, pyarrow and numpy arrays, codes.

Every column becomes a polars Series of text (or categories) without passing
through Python objects where its type allows: a polars Series as it is, a
pyarrow array and a text or categorical pandas Series through Arrow, whole
numbers as their decimal text. Its distinct values are counted
(``value_counts``), each is resolved once, and the rejected ballots are made only
when someone looks at them (:class:`~bosetting.voting.LazyRejected`). A column
of other Python objects (numbers and text mixed, floats) is made text value by
value, as a list would be.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from bosetting.errors import ArgumentError
from bosetting.i18n import N_
from bosetting.model import Edition, Municipality, RejectReason
from bosetting.register import Resolver, nominees_of
from bosetting.voting._ballots import Ballot, is_missing
from bosetting.voting._distinct import resolve_distinct
from bosetting.voting._tally import DuplicatePolicy, LazyRejected, RejectedBallot, Tally

if TYPE_CHECKING:
    import polars as pl

__all__ = ["is_array", "tally_array", "tally_codes"]

_ROOTS = ("numpy", "pandas", "pyarrow", "polars")


def tally_codes(codes: Any, edition: Edition | Iterable[Municipality]) -> Tally:
    """Count ballots given as integer kommunenummer (``4602``, ``301`` for ``"0301"``).

    The fast path for large exports: ``codes`` is any array-like of whole numbers
    (a numpy array is used as is). Counting is one :func:`numpy.bincount`. Ballots
    without voter ids cannot be duplicates, so the policy does not apply. A code
    that is no nominee's is rejected as ``UNKNOWN_NOMINEE`` and kept, its row the
    1-based position; the codes stay an array until someone looks at them.

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
    low, high = int(arr.min()), int(arr.max())
    if low >= 0 and high < 10_000:
        counts = np.bincount(arr, minlength=10_000)
        votes = tuple(int(x) for x in counts[wanted]) if len(noms) else ()
    else:
        votes = tuple(int(np.count_nonzero(arr == c)) for c in wanted)
    bad = int(arr.size) - sum(votes)
    if not bad:
        return Tally(noms, votes)
    kept = arr.copy()  # the caller's array may change; the rejected codes are read later

    def build() -> list[RejectedBallot]:
        where = np.flatnonzero(~np.isin(kept, wanted))
        out = []
        for pos, value in zip(where.tolist(), kept[where].tolist(), strict=True):
            text = f"{value:04d}" if 0 <= value < 10_000 else str(value)
            out.append(RejectedBallot(Ballot(text, row=pos + 1), RejectReason.UNKNOWN_NOMINEE))
        return out

    return Tally(noms, votes, LazyRejected({RejectReason.UNKNOWN_NOMINEE: bad}, build))


def is_array(obj: object) -> bool:
    """Whether ``obj`` is a numpy, pandas, pyarrow or polars container (see :func:`tally_array`)."""
    return type(obj).__module__.partition(".")[0] in _ROOTS


def _one_column(obj: object) -> None:
    name = type(obj).__name__
    if name in ("DataFrame", "LazyFrame", "Table", "RecordBatch"):
        columns = getattr(obj, "columns", None)
        raise ArgumentError(
            N_("give one column of choices (a Series), not a whole table"),
            field="ballots",
            value=list(map(str, columns))[:5] if columns is not None else name,
        )


def _as_text(values: list[Any], name: str | None) -> pl.Series | None:
    """Python values as text (``None`` for a missing one); ``None`` if they hold Ballot objects."""
    import polars as pl

    if any(isinstance(v, Ballot) for v in values):
        return None
    return pl.Series(name or "", [None if is_missing(v) else str(v) for v in values], pl.String)


def _column(obj: Any) -> tuple[pl.Series | None, str | None]:
    """``obj`` as a polars Series of text or categories, and its name (the ballots' source)."""
    import polars as pl

    root = type(obj).__module__.partition(".")[0]
    _one_column(obj)
    if root == "polars":
        s, name = obj, (obj.name or None)
    elif root == "pyarrow":
        s, name = pl.Series(pl.from_arrow(obj)), None
    elif root == "numpy":
        if obj.ndim != 1:
            raise ArgumentError(
                N_("an array of ballots has one dimension"), field="ballots", value=obj.shape
            )
        if obj.dtype.kind in "iuU":
            s, name = pl.Series("", obj), None
        else:
            return _as_text(obj.tolist(), None), None
    else:  # pandas: a Series, an Index or a Categorical
        import pandas as pd

        name = getattr(obj, "name", None)
        name = None if name is None else str(name)
        series = obj if isinstance(obj, pd.Series) else pd.Series(obj)
        dtype = series.dtype
        if isinstance(dtype, pd.CategoricalDtype) and dtype.categories.dtype.kind in "OUT":
            kinds = {type(v) for v in dtype.categories}
            if kinds <= {str}:
                s = pl.from_pandas(series)
            else:
                return _as_text(series.tolist(), name), name
        elif isinstance(dtype, pd.StringDtype) or dtype.kind in "iu":
            s = pl.from_pandas(series)
        else:
            return _as_text(series.tolist(), name), name
    if s.dtype.is_integer():
        s = s.cast(pl.String)
    elif s.dtype == pl.Object or not (
        s.dtype == pl.String or isinstance(s.dtype, pl.Categorical | pl.Enum)
    ):
        return _as_text(s.to_list(), name), name
    return s, name


def tally_array(obj: Any, resolver: Resolver, policy: DuplicatePolicy) -> Tally | None:
    """Count a column of choices (see the module docstring).

    Missing values (null, NaN, ``None``, ``pandas.NA``) are blank ballots; every
    other value is counted as ``str(value)``, exactly as in a list. The row of a
    rejected ballot is its 1-based position; its source the column's name.

    Returns:
        The tally, or ``None`` if ``obj`` holds :class:`Ballot` objects (count it as a list).
    """
    import polars as pl

    s, name = _column(obj)
    if s is None:
        return None
    counted = s.value_counts()
    values = counted.get_column(counted.columns[0]).to_list()
    votes, bad, why = resolve_distinct(resolver, values, counted.get_column("count").to_list())
    if not bad:
        return Tally(resolver.nominees, tuple(votes), (), (), policy)
    reasons = {values[k]: r for k, r in bad.items()}

    def build() -> list[RejectedBallot]:
        text = s.cast(pl.String)
        named = [v for v in reasons if v is not None]
        mask = text.is_in(pl.Series(named, dtype=pl.String).implode()).fill_null(False)
        if None in reasons:
            mask = mask | text.is_null()
        where = mask.arg_true()
        raw = text.gather(where).to_list()
        return [
            RejectedBallot(Ballot(v, row=p + 1, source=name), reasons[v])
            for p, v in zip(where.to_list(), raw, strict=True)
        ]

    return Tally(resolver.nominees, tuple(votes), LazyRejected(why, build), (), policy)
