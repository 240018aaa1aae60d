"""The large-file path of :func:`~bosetting.voting.tally_file`: pandas' C reader and numpy.

This is the one module of the vote that imports pandas and numpy.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from bosetting.data import decode_csv_bytes
from bosetting.errors import ArgumentError, BosettingError
from bosetting.model import Edition, Municipality, RejectReason
from bosetting.register import Resolver, nominees_of
from bosetting.voting._ballots import Ballot, ballot_columns
from bosetting.voting._tally import DuplicatePolicy, RejectedBallot, Tally

__all__ = ["FAST_MIN_BYTES", "tally_codes", "tally_file_fast"]


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
            "codes must be a one-dimensional array of whole numbers",
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


#: Files at least this large are first tried with pandas' C reader (see ``_tally_file_fast``).
FAST_MIN_BYTES = 1_000_000


def tally_file_fast(
    path: Any,
    resolver: Resolver,
    policy: DuplicatePolicy,
    *,
    choice: str | None,
    voter: str | None,
) -> Tally | None:
    """Count a large, plain ballot file with pandas' C reader; ``None`` means "use the csv path".

    Taken only when the result is the same as the csv path's: no quotes, no empty
    lines, every row with exactly the header's fields, and no voter id that is
    blank or repeated. Anything else returns ``None`` and the careful path reads
    the file (and raises errors naming row and field).
    """
    import io
    from pathlib import Path

    try:
        data = Path(path).read_bytes()
    except OSError:
        return None
    if len(data) < FAST_MIN_BYTES or b'"' in data or b"\x00" in data:
        return None
    newline = b"\r\n" if b"\r\n" in data[:4096] else b"\n"
    if b"\r" in data and newline == b"\n":
        return None
    body = data[: -len(newline)] if data.endswith(newline) else data
    header_end = body.find(newline)
    if header_end < 0:
        header_end = len(body)
    try:
        head = decode_csv_bytes(body[:header_end], str(path))
        cols = ballot_columns(head, choice=choice, voter=voter)
    except BosettingError:
        return None
    if len(head.header) > 1 and newline + newline in body:
        return None  # empty lines are skipped in a file of several columns; let csv do it
    encoding = "utf-8" if head.encoding == "utf-8-sig" else head.encoding
    n_rows = body.count(newline)
    import pandas as pd

    use = [i for i in (cols.choice, cols.voter, cols.timestamp, cols.label) if i is not None]
    names = [head.header[i] for i in use]
    if len(set(head.header)) != len(head.header):
        return None  # repeated column names: let the careful path read them
    dtypes = {
        name: ("category" if i == cols.choice else str) for i, name in zip(use, names, strict=True)
    }
    try:
        frame = pd.read_csv(
            io.BytesIO(data[3:] if head.encoding == "utf-8-sig" else data),
            sep=head.delimiter,
            # The choice column is parsed straight into a categorical, so counting and
            # finding rejected rows work on integer codes (see ``make bench``).
            dtype=dtypes,
            keep_default_na=False,
            na_filter=False,
            usecols=use,
            encoding=encoding,
            skip_blank_lines=False,
        )
    except Exception:  # any parser complaint: let the careful path name the row
        return None
    if len(frame) != n_rows or body.count(head.delimiter.encode()) != (len(head.header) - 1) * (
        n_rows + 1
    ):
        return None

    def column(i: int | None) -> Any:
        return None if i is None else frame.iloc[:, use.index(i)]

    stamps, labels = column(cols.timestamp), column(cols.label)
    choices = frame.iloc[:, use.index(cols.choice)]
    voter_ids = None
    if cols.voter is not None:
        voter_ids = frame.iloc[:, use.index(cols.voter)].str.strip()
        if bool((voter_ids == "").any()) or bool(voter_ids.duplicated().any()):
            return None
    import numpy as np

    categories = [str(c) for c in choices.cat.categories]
    codes = choices.cat.codes.to_numpy()
    per_category = np.bincount(codes, minlength=len(categories))
    votes = [0] * len(resolver.nominees)
    bad: list[int] = []
    for k, ch in enumerate(categories):
        hit = resolver.resolve(ch)
        if isinstance(hit, RejectReason):
            bad.append(k)
        else:
            votes[hit] += int(per_category[k])
    rejected: list[RejectedBallot] = []
    dropped: set[str] = set()
    if bad:
        where = np.isin(codes, bad).nonzero()[0]

        def pick(col: Any) -> list[Any]:
            return [None] * len(where) if col is None else col.iloc[where].tolist()

        for pos, ch, vid, stamp, lab in zip(
            where.tolist(), pick(choices), pick(voter_ids), pick(stamps), pick(labels), strict=True
        ):
            ballot = Ballot(
                ch, voter=vid, timestamp=stamp, row=pos + 1, source=str(path), label=lab
            )
            reason = resolver.resolve(ballot.choice)
            assert isinstance(reason, RejectReason)
            rejected.append(RejectedBallot(ballot, reason))
            if vid is not None:
                dropped.add(vid)
    seen: frozenset[str] = (
        frozenset() if voter_ids is None else frozenset(voter_ids.tolist()) - dropped
    )
    found_labels = frozenset() if labels is None else frozenset(labels.unique()) - {""}
    return Tally(resolver.nominees, tuple(votes), rejected, seen, policy, found_labels)
