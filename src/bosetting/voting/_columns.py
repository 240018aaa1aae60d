"""Columns of choices counted on polars: lists, numpy, pandas, pyarrow and polars containers, codes.

A column becomes one polars Series of text or categories: a polars Series as it
is, whole numbers as their decimal text, pandas and pyarrow text or categories
through Arrow, any other values (floats, mixed types) as ``str(value)`` one by
one. Its distinct values are counted and each is resolved once; the rejected
ballots are found in the Series again only when someone looks at them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from bosetting.errors import ArgumentError
from bosetting.i18n import N_
from bosetting.model import Edition, Municipality, RejectReason
from bosetting.register import Resolver, nominees_of
from bosetting.voting._ballots import Ballot, choice_text, is_missing
from bosetting.voting._tally import DuplicatePolicy, LazyRejected, RejectedBallot, Tally

if TYPE_CHECKING:
    import polars as pl

__all__ = ["BATCH", "REASONS", "as_column", "code_of", "tally_codes", "tally_column"]

#: Every reject reason in a fixed order: reason ``i`` is stored as the small integer ``i``.
REASONS: tuple[RejectReason, ...] = tuple(RejectReason)
#: How many rejected ballots are made at a time.
BATCH = 1 << 16


def code_of(resolver: Resolver, value: str | None) -> int:
    """A choice as one integer: its nominee's index, or ``-1 - i`` for the reason ``REASONS[i]``."""
    hit = resolver.resolve(choice_text(value))
    return -1 - REASONS.index(hit) if isinstance(hit, RejectReason) else hit


def _text(values: list[Any]) -> pl.Series | None:
    """Python values as text (``None`` where missing); ``None`` if they hold Ballot objects."""
    import polars as pl

    try:
        return pl.Series("", values, dtype=pl.String, strict=True)
    except (TypeError, ValueError, pl.exceptions.PolarsError):
        if any(isinstance(v, Ballot) for v in values):
            return None
        return pl.Series("", [None if is_missing(v) else str(v) for v in values], pl.String)


def _from_pandas(obj: Any) -> pl.Series | None:
    import pandas as pd
    import polars as pl

    series = obj if isinstance(obj, pd.Series) else pd.Series(obj)
    dtype = series.dtype
    text = isinstance(dtype, pd.StringDtype) or (
        isinstance(dtype, pd.CategoricalDtype) and pd.api.types.is_string_dtype(dtype.categories)
    )
    return pl.from_pandas(series) if text else _text(series.tolist())


def _from_polars(s: pl.Series) -> pl.Series | None:
    import polars as pl

    if s.dtype.is_integer():
        return s.cast(pl.String)
    if s.dtype == pl.String or isinstance(s.dtype, pl.Categorical | pl.Enum):
        return s
    return _text(s.to_list())


def as_column(obj: Any) -> tuple[pl.Series, str | None] | None:
    """``obj`` as a polars Series of text or categories, and its name; ``None`` if it holds Ballots."""
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
        s = _from_pandas(obj)
    elif root == "numpy":
        if obj.ndim != 1:
            raise ArgumentError(
                N_("an array of ballots has one dimension"), field="ballots", value=obj.shape
            )
        s = _from_polars(pl.Series("", obj)) if obj.dtype.kind in "iuU" else _text(obj.tolist())
    elif root == "pyarrow":
        s = _from_polars(pl.Series(pl.from_arrow(obj)))
    elif root == "polars":
        s = _from_polars(obj)
    else:
        s = _text(obj if isinstance(obj, list) else list(obj))
    return None if s is None else (s, name)


def tally_column(
    s: pl.Series, name: str | None, resolver: Resolver, policy: DuplicatePolicy
) -> Tally:
    """Count a column of choices: a rejected ballot's row is its 1-based position, its source ``name``."""
    import polars as pl

    counted = s.value_counts()
    votes, why = [0] * len(resolver.nominees), dict.fromkeys(REASONS, 0)
    reasons: dict[str | None, RejectReason] = {}
    for value, n in counted.select(pl.first().cast(pl.String), "count").iter_rows():
        k = code_of(resolver, value)
        if k >= 0:
            votes[k] += n
        else:
            reasons[value] = REASONS[-1 - k]
            why[reasons[value]] += n
    if not reasons:
        return Tally(resolver.nominees, tuple(votes), (), (), policy)

    def batches() -> Iterator[list[RejectedBallot]]:
        text = s.cast(pl.String)
        named = pl.Series([v for v in reasons if v is not None], dtype=pl.String)
        where = text.is_in(named.implode()).fill_null(None in reasons).arg_true()
        for at in range(0, len(where), BATCH):
            rows = where.slice(at, BATCH)
            yield [
                RejectedBallot(Ballot(v, row=i + 1, source=name), reasons[v])
                for i, v in zip(rows.to_list(), text.gather(rows).to_list(), strict=True)
            ]

    return Tally(resolver.nominees, tuple(votes), LazyRejected(why, batches), (), policy)


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
    arr = np.asarray(codes)
    if arr.ndim != 1 or (arr.size and arr.dtype.kind not in "iu"):
        raise ArgumentError(
            N_("codes must be a one-dimensional array of whole numbers"),
            field="codes",
            value=str(arr.dtype),
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
