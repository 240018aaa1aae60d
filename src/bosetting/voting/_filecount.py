"""Counting a ballot file on polars, and reading its rejected rows again when asked.

See :mod:`bosetting.voting._file` for how a file is read. Each distinct choice is
resolved once; then, among the ballots whose choice is valid and that carry a
voter id, the duplicate policy keeps the first, the last or none per voter. What
stays in memory is one row number, choice and voter id per row while counting,
then the distinct voter ids and the rejected rows as two arrays (row, reason):
a :class:`~bosetting.voting.RejectedBallot` is made only when someone asks, by
reading those rows again (the file must not have changed meanwhile).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

from bosetting.errors import BallotFileError
from bosetting.i18n import N_
from bosetting.model import RejectReason
from bosetting.register import Resolver
from bosetting.voting._ballots import WHITESPACE, Ballot
from bosetting.voting._distinct import REASONS, resolve_code
from bosetting.voting._file import (
    Layout,
    ballots_of,
    extra_columns,
    frame,
    scan,
    stat,
    text_columns,
    utf8_path,
)

__all__ = ["FileCount", "count_file", "rejected_ballots"]


@attrs.frozen
class FileCount:
    """What :func:`count_file` found.

    Attributes:
        votes: Votes per nominee.
        rows: The rejected rows, ascending (a polars Series).
        reasons: Why each was rejected: an index into :data:`~bosetting.voting._distinct.REASONS`.
        voters: The distinct voter ids of valid ballots (a polars Series).
        labels: The labels the rows carried.
        layout: How the file was read (to read the rejected rows again).
    """

    votes: list[int]
    rows: Any
    reasons: Any
    voters: Any
    labels: frozenset[str]
    layout: Layout


def count_file(lay: Layout, resolver: Resolver, policy: Any) -> FileCount:
    """Count a ballot file (see the module docstring).

    Args:
        lay: From :func:`layout`.
        resolver: The nominees' resolver.
        policy: The :class:`~bosetting.voting.DuplicatePolicy`.
    """
    import polars as pl

    c = lay.columns

    def exprs(lay: Layout) -> dict[str, Any]:
        out: dict[str, Any] = {"choice": pl.col(f"c{c.choice}").cast(pl.Categorical)}
        if c.voter is not None:
            out["voter"] = pl.col(f"c{c.voter}").str.strip_chars(WHITESPACE)
        if c.label is not None:
            out["label"] = pl.col(f"c{c.label}").cast(pl.Categorical)
        out["extra"] = pl.any_horizontal([pl.col(x) != "" for x in extra_columns(lay)])
        return out

    df, lay = frame(lay, exprs)
    labels: frozenset[str] = frozenset()
    if c.label is not None:
        found = {str(v).strip() for v in df.get_column("label").unique().cast(pl.String).to_list()}
        labels = frozenset(found - {""})
        df = df.drop("label")
    distinct = df.get_column("choice").unique()
    codes = pl.Series(
        [resolve_code(resolver, v) for v in distinct.cast(pl.String).to_list()], dtype=pl.Int16
    )
    extra_code = -1 - REASONS.index(RejectReason.EXTRA_FIELDS)
    df = df.select(
        "row",
        pl.when("extra")
        .then(pl.lit(extra_code, pl.Int16))
        .otherwise(
            pl.col("choice")
            .to_physical()
            .replace_strict(distinct.to_physical(), codes, return_dtype=pl.Int16)
        )
        .alias("code"),
        *(["voter"] if c.voter is not None else []),
    )
    bad = df.filter(pl.col("code") < 0).select("row", reason=(-1 - pl.col("code")).cast(pl.UInt8))
    valid = pl.col("code") >= 0
    voters = pl.Series("voter", [], dtype=pl.String)
    if c.voter is None:
        counted = df.filter(valid).get_column("code")
    else:
        keep = {
            "keep_first": pl.col("voter").is_first_distinct(),
            "keep_last": pl.col("voter").is_last_distinct(),
            "reject_all": pl.col("voter").is_unique(),
        }[policy.value]
        has_id = pl.col("voter") != ""
        anonymous = df.filter(valid & ~has_id).get_column("code")
        named = df.filter(valid & has_id).with_columns(keep=keep)
        del df
        dup = REASONS.index(RejectReason.DUPLICATE_VOTER)
        dups = named.filter(~pl.col("keep")).select("row", reason=pl.lit(dup, pl.UInt8))
        bad = pl.concat([bad, dups]).sort("row") if dups.height else bad
        kept = named.filter("keep")
        # first or last ballots are one per voter; under reject_all a voter may have none
        if policy.value == "reject_all":
            voters = named.get_column("voter").unique()
        else:
            voters = kept.get_column("voter")
        counted = pl.concat([anonymous, kept.get_column("code")])
        del named, kept
    tallies = counted.value_counts()
    votes = [0] * len(resolver.nominees)
    for code, n in tallies.iter_rows():
        votes[code] += n
    return FileCount(votes, bad.get_column("row"), bad.get_column("reason"), voters, labels, lay)


def _unchanged(lay: Layout) -> None:
    info = stat(lay.name, lay.shown)
    if (info.st_size, info.st_mtime_ns) != (lay.size, lay.mtime_ns):
        raise BallotFileError(
            N_(
                "the file has changed since it was counted, so its rejected ballots cannot "
                "be read again; count it again"
            ),
            file=lay.shown,
        )


def rejected_ballots(found: FileCount, size: int = 1 << 16) -> Iterator[list[Ballot]]:
    """The rejected rows as :class:`Ballot` objects, read again from the file in batches.

    Raises:
        BallotFileError: if the file has changed since it was counted.
    """
    import polars as pl

    lay = found.layout
    _unchanged(lay)
    rows = found.rows
    if not len(rows):
        return
    with utf8_path(lay) as source:
        lf = scan(lay, source).select("row", **text_columns(lay))
        for batch in lf.collect_batches(chunk_size=size, maintain_order=True):
            if not batch.height:
                continue
            here = batch.get_column("row")
            lo = rows.search_sorted(here[0], side="left")
            hi = rows.search_sorted(here[-1], side="right")
            if lo < hi:
                wanted = rows.slice(lo, hi - lo).implode()
                yield list(ballots_of(batch.filter(pl.col("row").is_in(wanted)), lay))
