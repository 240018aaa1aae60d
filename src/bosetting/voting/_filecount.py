"""Counting a ballot file on polars, and reading its rejected rows again when asked.

Each distinct choice is resolved once; among the valid ballots that carry a voter
id the duplicate policy keeps the first, the last or none per voter. What stays in
memory is the distinct voter ids and the rejected rows as two arrays (row,
reason); their :class:`~bosetting.voting.Ballot` objects are made only when
someone asks, by reading those rows again (the file must not have changed).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from bosetting.errors import BallotFileError
from bosetting.i18n import N_
from bosetting.model import RejectReason
from bosetting.register import Resolver
from bosetting.voting._ballots import WHITESPACE, Ballot
from bosetting.voting._columns import BATCH, REASONS, code_of
from bosetting.voting._file import (
    Layout,
    ballots_of,
    extra_fields,
    parse,
    scan,
    stat,
    text_columns,
    utf8_path,
)
from bosetting.voting._tally import DuplicatePolicy, LazyRejected, RejectedBallot, Tally, VoterIds

if TYPE_CHECKING:
    import polars as pl

__all__ = ["count_file", "rejected_ballots"]


def count_file(lay: Layout, resolver: Resolver, policy: DuplicatePolicy) -> Tally:
    """Count a ballot file (see the module docstring)."""
    import polars as pl

    c = lay.columns

    def exprs(lay: Layout) -> dict[str, Any]:
        out = {"choice": pl.col(f"c{c.choice}").cast(pl.Categorical)}
        if c.voter is not None:
            out["voter"] = pl.col(f"c{c.voter}").str.strip_chars(WHITESPACE)
        if c.label is not None:
            out["label"] = pl.col(f"c{c.label}").cast(pl.Categorical)
        return {**out, "extra": pl.any_horizontal(extra_fields(lay))}

    found = parse(lay, exprs)
    df, lay, short_rows = found.frame, found.layout, found.short
    del found  # the Tally keeps the layout and the short rows, not the rows read
    labels: frozenset[str] = frozenset()
    if c.label is not None:
        seen = df.get_column("label").unique().cast(pl.String).str.strip_chars(WHITESPACE)
        labels = frozenset(seen.to_list()) - {""}
    distinct = df.get_column("choice").unique()
    codes = [code_of(resolver, v) for v in distinct.cast(pl.String).to_list()]
    code = (
        pl.col("choice")
        .to_physical()
        .replace_strict(
            distinct.to_physical(), pl.Series(codes, dtype=pl.Int16), return_dtype=pl.Int16
        )
    )
    code = pl.when("extra").then(_code(RejectReason.EXTRA_FIELDS)).otherwise(code)
    if short_rows:
        short = pl.col("row").is_in(list(short_rows))
        code = pl.when(short).then(_code(RejectReason.MISSING_FIELDS)).otherwise(code)
    df = df.select(
        "row", code.cast(pl.Int16).alias("code"), *(["voter"] if c.voter is not None else [])
    )
    voters = pl.Series("voter", [], dtype=pl.String)
    if c.voter is not None:
        voters, again = _duplicates(df, policy)
        if len(again):  # row r is at position r - 1
            dup = _code(RejectReason.DUPLICATE_VOTER)
            df = df.with_columns(df.get_column("code").clone().scatter(again - 1, dup))
    per_code = dict(df.lazy().group_by("code").len().collect().iter_rows())
    votes = [per_code.get(k, 0) for k in range(len(resolver.nominees))]
    counts = {REASONS[-1 - k]: n for k, n in per_code.items() if k < 0}
    bad = df.get_column("code") < 0
    rows, reasons = df.get_column("row").filter(bad), -1 - df.get_column("code").filter(bad)

    def batches() -> Iterator[list[RejectedBallot]]:
        done = 0
        for ballots in rejected_ballots(lay, short_rows, rows):
            why = reasons.slice(done, len(ballots)).to_list()
            done += len(ballots)
            yield [RejectedBallot(b, REASONS[k]) for b, k in zip(ballots, why, strict=True)]

    rejected = LazyRejected(counts, batches) if counts else ()
    return Tally(resolver.nominees, tuple(votes), rejected, VoterIds(series=voters), policy, labels)


def _code(reason: RejectReason) -> int:
    return -1 - REASONS.index(reason)


def _digest(ids: pl.Expr) -> pl.Expr:
    """Voter ids as 64-bit numbers (polars' hash): one id, one number; two ids may share one."""
    return ids.hash()


def _duplicates(df: pl.DataFrame, policy: DuplicatePolicy) -> tuple[pl.Series, pl.Series]:
    """The distinct voter ids of the valid ballots, and the rows the policy rejects.

    One sort of the ids' :func:`_digest` finds the ids that may occur more than
    once; only the ballots with such a digest are grouped by the id itself, so two
    ids that share a digest cost a little time, never a wrong count.
    """
    import polars as pl

    ids = df.get_column("voter")
    named = (df.get_column("code") >= 0) & (ids != "")
    digests = df.select(_digest(pl.col("voter"))).to_series()
    ordered = digests.to_numpy(writable=True)  # a copy, sorted in place
    ordered.sort()  # an id on a ballot that does not count may repeat too
    again = pl.Series(ordered[1:][ordered[1:] == ordered[:-1]], dtype=pl.UInt64)
    del ordered
    maybe = named & digests.is_in(again.implode())
    some = df.filter(maybe)
    rows = pl.col("row")
    groups = some.group_by("voter").agg(first=rows.min(), last=rows.max(), n=pl.len())
    kept = groups.get_column("last" if policy is DuplicatePolicy.KEEP_LAST else "first")
    if policy is DuplicatePolicy.REJECT_ALL:
        kept = kept.filter(groups.get_column("n") == 1)
    voters = pl.concat([ids.filter(named & ~maybe), groups.get_column("voter")])
    return voters, some.filter(~rows.is_in(kept.implode())).get_column("row")


def rejected_ballots(lay: Layout, short: dict[int, int], rows: Any) -> Iterator[list[Ballot]]:
    """The rejected rows as :class:`Ballot` objects, read again from the file in batches.

    Raises:
        BallotFileError: if the file has changed since it was counted.
    """
    import polars as pl

    info = stat(lay.name, lay.shown)
    if (info.st_size, info.st_mtime_ns) != (lay.size, lay.mtime_ns):
        raise BallotFileError(
            N_(
                "the file has changed since it was counted, so its rejected ballots cannot "
                "be read again; count it again"
            ),
            file=lay.shown,
        )
    if not len(rows):
        return
    with utf8_path(lay) as source:
        lf = scan(lay, source).select("row", **text_columns(lay))
        for batch in lf.collect_batches(chunk_size=BATCH, maintain_order=True):
            if not batch.height:
                continue
            here = batch.get_column("row")
            lo = rows.search_sorted(here[0], side="left")
            hi = rows.search_sorted(here[-1], side="right")
            if lo < hi:
                wanted = rows.slice(lo, hi - lo).implode()
                yield list(ballots_of(batch.filter(pl.col("row").is_in(wanted)), lay, short))
