"""Columns of choices counted on polars: lists, numpy, pandas, pyarrow and polars containers, codes.

A column's distinct values are counted by the library that holds it: Arrow text
(a pyarrow array, a pandas Series of ``str``) by :func:`pyarrow.compute.value_counts`,
a pandas Categorical by its codes, a numpy text array by :func:`numpy.unique`, a
polars Series as it is and whole numbers as their decimal text by polars; any
other values (floats, mixed types) as ``str(value)`` one by one. Each distinct
value is resolved once; the rejected ballots are found in the column, as polars
text, only when someone looks at them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

import attrs

from bosetting.errors import ArgumentError
from bosetting.i18n import N_
from bosetting.model import Edition, Municipality, RejectReason, checked
from bosetting.register import Resolver, nominees_of
from bosetting.voting._ballots import Ballot, choice_text, is_missing
from bosetting.voting._tally import DuplicatePolicy, LazyRejected, RejectedBallot, Tally

if TYPE_CHECKING:
    import polars as pl

__all__ = ["BATCH", "REASONS", "Column", "as_column", "code_of", "tally_codes", "tally_column"]

#: Every reject reason in a fixed order: reason ``i`` is stored as the small integer ``i``.
REASONS: tuple[RejectReason, ...] = tuple(RejectReason)
#: How many rejected ballots are made at a time.
BATCH = 1 << 16


def code_of(resolver: Resolver, value: str | None) -> int:
    """A choice as one integer: its nominee's index, or ``-1 - i`` for the reason ``REASONS[i]``."""
    hit = resolver.resolve(choice_text(value))
    return -1 - REASONS.index(hit) if isinstance(hit, RejectReason) else hit


@attrs.frozen
class Column:
    """A column of choices, counted: its distinct values (text; ``None`` where missing).

    ``counts`` says how often each occurs; ``text`` makes the column itself as polars
    text when its rejected ballots are looked for.
    """

    values: list[str | None]
    counts: list[int]
    text: Callable[[], pl.Series]
    name: str | None = None


def _of_polars(s: pl.Series, name: str | None = None) -> Column | None:
    import polars as pl

    if not (s.dtype.is_integer() or s.dtype == pl.String or isinstance(s.dtype, pl.Categorical)):
        return _of_python(s.to_list(), name)
    counted = s.value_counts()
    values = counted.to_series(0).cast(pl.String).to_list()
    return Column(values, counted.get_column("count").to_list(), lambda: s.cast(pl.String), name)


def _of_python(values: list[Any], name: str | None = None) -> Column | None:
    """Python values as text (``None`` where missing); ``None`` if they hold Ballot objects."""
    import polars as pl

    try:
        s = pl.Series("", values, dtype=pl.String, strict=True)
    except (TypeError, ValueError, pl.exceptions.PolarsError, pl.exceptions.PanicException):
        if any(isinstance(v, Ballot) for v in values):
            return None
        s = pl.Series("", [None if is_missing(v) else str(v) for v in values], pl.String)
    return _of_polars(s, name)


def _of_pandas(obj: Any, name: str | None) -> Column | None:
    import numpy as np
    import pandas as pd
    import polars as pl

    series = obj if isinstance(obj, pd.Series) else pd.Series(obj)
    dtype = series.dtype
    if isinstance(dtype, pd.CategoricalDtype) and pd.api.types.is_string_dtype(dtype.categories):
        codes = series.cat.codes.to_numpy().copy()  # -1: missing
        values = [*dtype.categories.tolist(), None]
        if codes.itemsize <= 2:  # as unsigned, -1 is the last bin: one pass of bincount
            bins = np.bincount(codes.view(f"u{codes.itemsize}"), minlength=256**codes.itemsize)
            counts = [*bins[: len(values) - 1].tolist(), int(bins[-1])]
        else:
            counts = np.bincount(codes + 1, minlength=len(values)).tolist()
            counts = counts[1:] + counts[:1]
        text = pl.Series(values, dtype=pl.String)
        return Column(values, counts, lambda: text.gather(codes), name)
    if isinstance(dtype, pd.ArrowDtype) or getattr(dtype, "storage", None) == "pyarrow":
        return _of_arrow(series, name)
    if isinstance(dtype, pd.StringDtype):
        return _of_polars(pl.from_pandas(series), name)
    return _of_python(series.tolist(), name)


def _of_arrow(arr: Any, name: str | None = None) -> Column | None:
    """An Arrow array (or what holds one): text counted by Arrow itself, any other type by polars."""
    import polars as pl
    import pyarrow as pa  # type: ignore[import-untyped]
    import pyarrow.compute as pc  # type: ignore[import-untyped]

    if not isinstance(arr, pa.Array | pa.ChunkedArray):
        arr = pa.array(arr)  # a pandas Series of Arrow text: the data it holds, not a copy
    kind = arr.type.value_type if pa.types.is_dictionary(arr.type) else arr.type
    if not (pa.types.is_string(kind) or pa.types.is_large_string(kind)):
        return _of_polars(pl.Series(pl.from_arrow(arr)), name)
    counted = pc.value_counts(arr)  # a missing value is counted as None

    def text() -> pl.Series:
        return pl.Series(pl.from_arrow(arr)).cast(pl.String)

    values, counts = counted.field("values").to_pylist(), counted.field("counts").to_pylist()
    return Column(values, counts, text, name)


def as_column(obj: Any) -> Column | None:
    """A container's distinct choices, counted by the library that holds it; ``None`` for Ballots."""
    import numpy as np
    import polars as pl

    root = type(obj).__module__.partition(".")[0]
    kind = type(obj).__name__
    if kind in ("DataFrame", "LazyFrame", "Table", "RecordBatch"):
        columns = getattr(obj, "columns", None)
        raise ArgumentError(
            N_("give one column of choices (a Series), not a whole table"),
            field="ballots",
            value=list(map(str, columns))[:5] if columns is not None else kind,
        )
    name = getattr(obj, "name", None) if root in ("pandas", "polars") else None
    name = None if name is None or name == "" else str(name)
    if root == "pandas":
        return _of_pandas(obj, name)
    if root == "pyarrow":
        return _of_arrow(obj)
    if root == "polars":
        return _of_polars(obj, name)
    if root != "numpy":
        return _of_python(obj if isinstance(obj, list) else list(obj))
    if obj.ndim != 1:
        raise ArgumentError(
            N_("an array of ballots has one dimension"), field="ballots", value=obj.shape
        )
    if obj.dtype.kind == "U":
        kept = obj.copy()  # the caller's array may change before the rejected are looked for
        values, counts = np.unique(kept, return_counts=True)
        return Column(values.tolist(), counts.tolist(), lambda: pl.Series(kept))
    return _of_polars(pl.Series(obj.copy())) if obj.dtype.kind in "iu" else _of_python(obj.tolist())


def tally_column(col: Column, resolver: Resolver, policy: DuplicatePolicy) -> Tally:
    """Count a column: a rejected ballot's row is its 1-based position, its source the column's name."""
    import polars as pl

    votes, why = [0] * len(resolver.nominees), dict.fromkeys(REASONS, 0)
    reasons: dict[str | None, RejectReason] = {}
    for value, n in zip(col.values, col.counts, strict=True):
        k = code_of(resolver, value)
        if k >= 0:
            votes[k] += n
        elif n:
            reasons[value] = REASONS[-1 - k]
            why[reasons[value]] += n
    if not reasons:
        return Tally(resolver.nominees, tuple(votes), (), (), policy)

    def batches() -> Iterator[list[RejectedBallot]]:
        text = col.text()
        named = pl.Series([v for v in reasons if v is not None], dtype=pl.String)
        where = text.is_in(named.implode()).fill_null(None in reasons).arg_true()
        for at in range(0, len(where), BATCH):
            rows = where.slice(at, BATCH)
            yield [
                RejectedBallot(Ballot(v, row=i + 1, source=col.name), reasons[v])
                for i, v in zip(rows.to_list(), text.gather(rows).to_list(), strict=True)
            ]

    return Tally(resolver.nominees, tuple(votes), LazyRejected(why, batches), (), policy)


@checked
def tally_codes(codes: Any, edition: Edition | Iterable[Municipality]) -> Tally:
    """Count ballots given as integer kommunenummer (``4602``, ``301`` for ``"0301"``).

    The fast path for large exports: ``codes`` is any array-like of whole numbers,
    counted with one :func:`numpy.bincount`. Without voter ids there are no
    duplicates. A code that is no nominee's is rejected as ``UNKNOWN_NOMINEE``, its
    row its 1-based position; the codes stay an array until someone looks at them.

    Examples:
        >>> kinn = Municipality("4602", "Kinn", "Vestland", 2020)
        >>> t = tally_codes([4602, 4602, 301], [kinn])
        >>> t.votes, t.rejected[0].ballot.choice, t.rejected[0].ballot.row
        ((2,), '0301', 3)
    """
    import numpy as np

    noms = nominees_of(edition)
    try:
        arr = np.asarray(codes)
    except (TypeError, ValueError):  # a ragged list, a value numpy cannot hold
        arr = np.asarray(None)
    if arr.ndim != 1 or (arr.size and arr.dtype.kind not in "iu"):
        raise ArgumentError(
            N_("codes must be a one-dimensional array of whole numbers"),
            field="codes",
            value=str(arr.dtype) if arr.ndim == 1 else type(codes).__name__,
        )
    if not arr.size:
        return Tally.empty(noms)
    wanted = np.array([int(m.code) for m in noms], dtype=np.intp)
    if arr.min() >= 0 and arr.max() < 10_000:
        votes = tuple(np.bincount(arr, minlength=10_000)[wanted].tolist())
    else:
        votes = tuple(int(np.count_nonzero(arr == c)) for c in wanted)
    bad = int(arr.size) - sum(votes)
    if not bad:
        return Tally(noms, votes)
    kept = arr.copy()  # the caller's array may change before the rejected are looked at

    def batches() -> Iterator[list[RejectedBallot]]:
        where = np.flatnonzero(~np.isin(kept, wanted))
        for at in range(0, len(where), BATCH):
            rows = where[at : at + BATCH]
            yield [
                RejectedBallot(
                    Ballot(f"{v:04d}" if 0 <= v < 10_000 else str(v), row=i + 1),
                    RejectReason.UNKNOWN_NOMINEE,
                )
                for i, v in zip(rows.tolist(), kept[rows].tolist(), strict=True)
            ]

    return Tally(noms, votes, LazyRejected({RejectReason.UNKNOWN_NOMINEE: bad}, batches))
