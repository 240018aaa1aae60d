"""Counting a ballot file on polars, and reading its rejected rows again when asked.

Each distinct choice is resolved once; among the valid ballots that carry a voter
id the duplicate policy keeps the first, the last or none per voter. What stays in
memory is the distinct voter ids and the rejected rows as two arrays (row,
reason); their :class:`~bosetting.voting.Ballot` objects are made only when
someone asks, by reading those rows again (the file must not have changed).
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

__all__ = ["FileCount", "count_file", "rejected_ballots"]


@attrs.frozen
class FileCount:
    """What :func:`count_file` found.

    The votes per nominee; the rejected rows (ascending) and why (indices into
    :data:`~bosetting.voting._columns.REASONS`) and the distinct voter ids of the
    counted ballots, as polars Series; the labels; how the file was read.
    """

    votes: list[int]
    rows: Any
    reasons: Any
    voters: Any
    labels: frozenset[str]
    layout: Layout
    short: dict[int, int]


def count_file(lay: Layout, resolver: Resolver, policy: Any) -> FileCount:
    """Count a ballot file with the :class:`~bosetting.voting.DuplicatePolicy` ``policy``."""
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
    df = found.frame
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
    code = pl.when("extra").then(-1 - REASONS.index(RejectReason.EXTRA_FIELDS)).otherwise(code)
    if found.short:
        missing = -1 - REASONS.index(RejectReason.MISSING_FIELDS)
        code = pl.when(pl.col("row").is_in(list(found.short))).then(missing).otherwise(code)
    df = df.select(
        "row", code.cast(pl.Int16).alias("code"), *(["voter"] if c.voter is not None else [])
    )
    bad = df.filter(pl.col("code") < 0).select("row", reason=(-1 - pl.col("code")).cast(pl.UInt8))
    valid = pl.col("code") >= 0
    voters = pl.Series("voter", [], dtype=pl.String)
    if c.voter is None:
        counted = df.filter(valid).get_column("code")
    else:
        named = df.filter(valid & (pl.col("voter") != ""))
        ids = named.get_column("voter")
        keep = {
            "keep_first": ids.is_first_distinct,
            "keep_last": ids.is_last_distinct,
            "reject_all": ids.is_unique,
        }[policy.value]()
        if not keep.all():
            dup = REASONS.index(RejectReason.DUPLICATE_VOTER)
            dups = named.filter(~keep).select("row", reason=pl.lit(dup, pl.UInt8))
            bad = pl.concat([bad, dups]).sort("row")
        # first or last ballots are one per voter; under reject_all a voter may have none
        voters = ids.unique() if policy.value == "reject_all" else ids.filter(keep)
        counted = pl.concat(
            [
                df.filter(valid & (pl.col("voter") == "")).get_column("code"),
                named.filter(keep).get_column("code"),
            ]
        )
    votes = [0] * len(resolver.nominees)
    for k, n in counted.value_counts().iter_rows():
        votes[k] += n
    return FileCount(
        votes,
        bad.get_column("row"),
        bad.get_column("reason"),
        voters,
        labels,
        found.layout,
        found.short,
    )


def rejected_ballots(found: FileCount) -> Iterator[list[Ballot]]:
    """The rejected rows as :class:`Ballot` objects, read again from the file in batches.

    Raises:
        BallotFileError: if the file has changed since it was counted.
    """
    import polars as pl

    lay, rows = found.layout, found.rows
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
                yield list(ballots_of(batch.filter(pl.col("row").is_in(wanted)), lay, found.short))
