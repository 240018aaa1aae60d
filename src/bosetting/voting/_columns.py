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

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import attrs

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
    counts = None
    if int(arr.max()) < 10_000:
        try:  # one pass; bincount itself refuses negative values
            counts = np.bincount(arr, minlength=10_000)
        except ValueError:
            counts = None
    if counts is not None:
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


@attrs.frozen
class _Counted:
    """A column's distinct values and how often each occurs, and how to find given values in it."""

    values: list[Any]
    counts: list[int]
    name: str | None
    locate: Callable[[dict[Any, RejectReason]], tuple[list[int], list[Any]]]


def _by_polars(s: pl.Series, name: str | None) -> _Counted:
    import polars as pl

    counted = s.value_counts()

    def locate(wanted: dict[Any, RejectReason]) -> tuple[list[int], list[Any]]:
        text = s.cast(pl.String)
        named = pl.Series([v for v in wanted if v is not None], dtype=pl.String)
        mask = text.is_in(named.implode()).fill_null(False)
        if None in wanted:
            mask = mask | text.is_null()
        where = mask.arg_true()
        return where.to_list(), text.gather(where).to_list()

    values = counted.get_column(counted.columns[0]).to_list()
    return _Counted(values, counted.get_column("count").to_list(), name, locate)


def _by_codes(codes: Any, categories: list[Any], name: str | None) -> _Counted:
    """Codes into ``categories`` (``-1`` missing), as pandas categoricals and factorised arrays hold them."""
    import numpy as np

    kept = np.asarray(codes).copy()
    tallies = np.bincount(kept + 1, minlength=len(categories) + 1).tolist() if len(kept) else []
    tallies = tallies or [0] * (len(categories) + 1)

    def locate(wanted: dict[Any, RejectReason]) -> tuple[list[int], list[Any]]:
        keys = [-1 if v is None else k for k, v in enumerate([*categories, None]) if v in wanted]
        where = np.flatnonzero(np.isin(kept, np.array(keys, dtype=kept.dtype)))
        raw = [None if c < 0 else categories[c] for c in kept[where].tolist()]
        return where.tolist(), raw

    return _Counted([*categories, None], [*tallies[1:], tallies[0]], name, locate)


def _by_python(values: list[Any], name: str | None) -> _Counted | None:
    """Python values as text (``None`` for a missing one); ``None`` if they hold Ballot objects."""
    import polars as pl

    if any(isinstance(v, Ballot) for v in values):
        return None
    text = [None if is_missing(v) else str(v) for v in values]
    return _by_polars(pl.Series(name or "", text, pl.String), name)


def _by_numpy(arr: Any) -> _Counted:
    import numpy as np

    kept = arr.copy()
    uniques, counts = np.unique(kept, return_counts=True)

    def locate(wanted: dict[Any, RejectReason]) -> tuple[list[int], list[Any]]:
        where = np.flatnonzero(np.isin(kept, np.array(list(wanted), dtype=kept.dtype)))
        return where.tolist(), kept[where].tolist()

    return _Counted(uniques.tolist(), counts.tolist(), None, locate)


def _by_arrow(arr: Any) -> _Counted:
    import polars as pl
    import pyarrow.compute as pc  # type: ignore[import-untyped]

    if _is_text(arr):
        counted = pc.value_counts(arr)
        values = counted.field("values").to_pylist()
        counts = counted.field("counts").to_pylist()

        def locate(wanted: dict[Any, RejectReason]) -> tuple[list[int], list[Any]]:
            return _by_polars(pl.Series(pl.from_arrow(arr)), None).locate(wanted)

        return _Counted(values, counts, None, locate)
    s = pl.Series(pl.from_arrow(arr))
    found = _from_polars(s, None)
    assert found is not None
    return found


def _is_text(arr: Any) -> bool:
    """Whether a pyarrow array holds text (plain or large strings)."""
    import pyarrow as pa

    return bool(pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type))


def _pandas(obj: Any) -> _Counted | None:
    import pandas as pd

    name = getattr(obj, "name", None)
    name = None if name is None else str(name)
    series = obj if isinstance(obj, pd.Series) else pd.Series(obj)
    dtype = series.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        categories = dtype.categories.tolist()
        if all(type(c) is str for c in categories):
            return _by_codes(series.cat.codes.to_numpy(), categories, name)
    elif isinstance(dtype, pd.StringDtype):
        counted = series.value_counts(dropna=False, sort=False)
        values = [None if is_missing(v) else v for v in counted.index.tolist()]

        def locate(wanted: dict[Any, RejectReason]) -> tuple[list[int], list[Any]]:
            import polars as pl

            return _by_polars(pl.from_pandas(series), name).locate(wanted)

        return _Counted(values, counted.to_numpy().tolist(), name, locate)
    return _by_python(series.tolist(), name)


def _column(obj: Any) -> _Counted | None:
    """``obj``'s distinct values and their counts, by the library that holds it."""
    import polars as pl

    root = type(obj).__module__.partition(".")[0]
    _one_column(obj)
    if root == "pandas":
        return _pandas(obj)
    if root == "numpy":
        if obj.ndim != 1:
            raise ArgumentError(
                N_("an array of ballots has one dimension"), field="ballots", value=obj.shape
            )
        if obj.dtype.kind == "U":
            return _by_numpy(obj)
        if obj.dtype.kind not in "iu":
            return _by_python(obj.tolist(), None)
        s, name = pl.Series("", obj), None
    elif root == "pyarrow":
        return _by_arrow(obj)
    else:
        s, name = obj, (obj.name or None)
    return _from_polars(s, name)


def _from_polars(s: pl.Series, name: str | None) -> _Counted | None:
    import polars as pl

    if s.dtype.is_integer():
        s = s.cast(pl.String)
    elif not (s.dtype == pl.String or isinstance(s.dtype, pl.Categorical | pl.Enum)):
        return _by_python(s.to_list(), name)
    return _by_polars(s, name)


def tally_array(obj: Any, resolver: Resolver, policy: DuplicatePolicy) -> Tally | None:
    """Count a column of choices (see the module docstring).

    Missing values (null, NaN, ``None``, ``pandas.NA``) are blank ballots; every
    other value is counted as ``str(value)``, exactly as in a list. The row of a
    rejected ballot is its 1-based position; its source the column's name.

    Returns:
        The tally, or ``None`` if ``obj`` holds :class:`Ballot` objects (count it as a list).
    """
    found = _column(obj)
    if found is None:
        return None
    votes, bad, why = resolve_distinct(resolver, found.values, found.counts)
    if not bad:
        return Tally(resolver.nominees, tuple(votes), (), (), policy)
    reasons = {found.values[k]: r for k, r in bad.items()}

    def build() -> list[RejectedBallot]:
        where, raw = found.locate(reasons)
        return [
            RejectedBallot(Ballot(v, row=p + 1, source=found.name), reasons[v])
            for p, v in zip(where, raw, strict=True)
        ]

    return Tally(resolver.nominees, tuple(votes), LazyRejected(why, build), (), policy)
