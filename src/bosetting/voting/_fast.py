"""The numpy and pandas paths of the vote: arrays, Series and ballot files of any size.

This is the one module of the vote that imports pandas and numpy, and it does so
inside its functions, so ``import bosetting`` stays light.

**Arrays and Series** (:func:`tally_array`): the distinct values are counted in
C (``bincount`` on a categorical's codes, ``value_counts`` otherwise), each
distinct value is resolved once, and the rejected ballots are built only when
someone looks at them (:class:`~bosetting.voting.LazyRejected`).

**Files** (:func:`count_file`) stream in chunks of :data:`CHUNK_BYTES`, so the
memory a file needs is one chunk plus the voter index (a 64-bit digest, a row
number and a nominee per voter where the policy needs them, and the words of
long ids; see :mod:`bosetting.voting._voters`):

1. one pass over the bytes decides the encoding by the careful reader's rule
   (BOM, strict UTF-8, Windows-1252, Latin-1) and whether the file has quotes
   or NUL bytes; the header line goes through
   :func:`~bosetting.data.decode_csv_bytes` and columns are found by name
   (:func:`~bosetting.voting.ballot_columns`);
2. a file without quotes is cut at line ends; a chunk where every line is
   non-empty, shorter than the csv module's field limit and has exactly the
   header's number of delimiters is split by numpy (the same fields as the csv
   module, since there is nothing to unquote); any other chunk, and every chunk
   of a file with quotes, is read by the csv module with the careful reader's
   settings;
3. each chunk is counted by distinct choice; duplicate voters are found by
   digest within the chunk and against the index of earlier chunks, under
   every policy. A digest of a short id (at most 8 bytes) is the id itself,
   mixed; long ids are also kept as words, and every match that involves one
   is compared with the ids themselves. A later chunk can reject a ballot of an
   earlier one (``keep_last``, ``reject_all``): those ballots are built in a
   second read of only the chunks concerned.

Anything the careful reader would reject (a missing column, a short row, a
csv error, NUL bytes, a bad BOM file), and the astronomically rare digest
collision between two different ids, raises :class:`Fallback`: :func:`~bosetting.voting.tally_file` then
reads the file with the careful reader, which raises its own error, or counts.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any

import attrs

from bosetting.data import decode_csv_bytes
from bosetting.errors import ArgumentError, BallotFileError, BosettingError
from bosetting.model import Edition, Municipality, RejectReason
from bosetting.register import Resolver, nominees_of
from bosetting.voting._ballots import Ballot, BallotColumns, ballot_columns, is_missing
from bosetting.voting._distinct import REASONS, resolve_code, resolve_distinct
from bosetting.voting._tally import DuplicatePolicy, LazyRejected, RejectedBallot, Tally
from bosetting.voting._voters import LONG_SEED, VoterIds, is_short, voter_digest

if TYPE_CHECKING:
    import numpy.typing as npt

    Arr = npt.NDArray[Any]

__all__ = [
    "CHUNK_BYTES",
    "CHUNK_RECORDS",
    "Fallback",
    "count_file",
    "digests_of",
    "tally_array",
    "tally_codes",
]

#: Bytes per chunk of a ballot file without quotes (tests lower it to cut files into many chunks).
CHUNK_BYTES = 8 << 20
#: Records per chunk of a ballot file with quotes, read by the csv module.
CHUNK_RECORDS = 200_000
#: Bytes per read in the first pass (encoding, quotes, NUL).
SCAN_BYTES = 4 << 20

_BOM = b"\xef\xbb\xbf"


class Fallback(Exception):
    """Internal: let the careful reader read this file (it raises the error, or counts)."""


# --- arrays and Series ------------------------------------------------------------------------


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
            "give one column of choices (a Series), not a whole table",
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
                "an array of ballots has one dimension", field="ballots", value=obj.shape
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


def _mix(x: Arr) -> Arr:
    import numpy as np

    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(_C1)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(_C2)
    out: Arr = x ^ (x >> np.uint64(31))
    return out


def _masks() -> Arr:
    import numpy as np

    return np.array([(1 << (8 * i)) - 1 for i in range(8)] + [(1 << 64) - 1], dtype=np.uint64)


class _Bytes:
    """A chunk's bytes, padded, with an unaligned 64-bit view for reading fields as words."""

    def __init__(self, data: bytes) -> None:
        import numpy as np

        self.data = data
        self.n = len(data)
        padded = data + b"\x00" * 8
        self.u8 = np.frombuffer(padded, dtype=np.uint8)
        self.u64 = np.ndarray((self.n + 1,), dtype="<u8", buffer=padded, offset=0, strides=(1,))
        self.masks = _masks()

    def word(self, starts: Arr, lens: Arr, k: int) -> Arr:
        """The ``k``-th 8-byte word of each field (zero beyond the field's end)."""
        import numpy as np

        at = np.minimum(starts + 8 * k, self.n)
        if len(lens) and int(lens.min()) >= 8 * (k + 1):
            whole: Arr = self.u64[at]  # every field has the whole word
            return whole
        rem = np.clip(lens - 8 * k, 0, 8)
        out: Arr = self.u64[at] & self.masks[rem]
        return out

    def digests(self, starts: Arr, lens: Arr) -> tuple[Arr, Arr, Arr]:
        """Each field's digest, whether it is long, and the long fields' words (one row each).

        See :mod:`bosetting.voting._voters` for the digest.
        """
        import numpy as np

        h = _mix(self.word(starts, lens, 0))
        long = lens > 8
        words = np.zeros((0, 0), dtype=np.uint64)
        if long.any():
            li = np.flatnonzero(long)
            ls, ll = starts[li], lens[li]
            hl = _mix(ll.astype(np.uint64) ^ np.uint64(LONG_SEED))
            words = np.zeros((len(li), int((ll.max() + 7) // 8)), dtype=np.uint64)
            for k in range(words.shape[1]):
                words[:, k] = self.word(ls, ll, k)
                step = _mix(hl ^ words[:, k])
                hl = np.where(ll > 8 * k, step, hl)
            h[li] = hl
        return h, long, words

    def text(self, start: int, end: int, encoding: str) -> str:
        return self.data[start:end].decode(encoding)


def digests_of(voters: list[str]) -> Arr:
    """Digests of voter ids with numpy (the twin of :func:`~bosetting.voting._voters.voter_digest`).

    Used by the tests to check that both give the same numbers.
    """
    import numpy as np

    blobs = [v.encode("utf-8") for v in voters]
    data = b"".join(blobs)
    lens = np.array([len(b) for b in blobs], dtype=np.int64)
    starts = np.zeros(len(blobs), dtype=np.int64)
    if len(blobs) > 1:
        starts[1:] = np.cumsum(lens)[:-1]
    return _Bytes(data).digests(starts, lens)[0]


# --- files: layout and chunks -----------------------------------------------------------------


@attrs.frozen
class _Layout:
    file: str
    encoding: str  # the careful reader's: utf-8-sig, utf-8, cp1252 or latin-1
    delimiter: str
    header: tuple[str, ...]
    cols: BallotColumns
    data_start: int  # byte offset of the first data row
    quoted: bool

    @property
    def codec(self) -> str:
        return "utf-8" if self.encoding == "utf-8-sig" else self.encoding

    @property
    def need(self) -> int:
        c = self.cols
        return max(i for i in (c.choice, c.voter, c.timestamp, c.label) if i is not None) + 1


def _scan(path: str) -> tuple[str, bool, bytes]:
    """The file's encoding by the careful reader's rule, whether it has quotes, its first block."""
    try:
        with open(path, "rb") as f:
            first = f.read(max(SCAN_BYTES, 3))
            bom = first.startswith(_BOM)
            dec = codecs.getincrementaldecoder("utf-8")("strict")
            utf8, quoted = True, False
            block = first[3:] if bom else first
            while True:
                if b"\x00" in block:
                    raise Fallback("NUL bytes")
                quoted = quoted or b'"' in block
                if utf8 and not (block.isascii() and not dec.getstate()[0]):
                    try:
                        dec.decode(block)
                    except UnicodeDecodeError:
                        utf8 = False
                block = f.read(SCAN_BYTES)
                if not block:
                    break
            if utf8:
                try:
                    dec.decode(b"", final=True)
                except UnicodeDecodeError:
                    utf8 = False
            if bom:
                if not utf8:
                    raise Fallback("a BOM file that is not UTF-8")
                return "utf-8-sig", quoted, first
            if utf8:
                return "utf-8", quoted, first
            f.seek(0)
            while block := f.read(SCAN_BYTES):
                try:
                    block.decode("cp1252")
                except UnicodeDecodeError:
                    return "latin-1", quoted, first
            return "cp1252", quoted, first
    except OSError as exc:
        raise Fallback("cannot read") from exc


def _head(path: str, limit: int = 16 << 20) -> bytes:
    """The file's first bytes, up to and just past the first line end (or the whole file)."""
    with open(path, "rb") as f:
        head = b""
        while len(head) < limit:
            more = f.read(1 << 16)
            head += more
            ends = [i for i in (head.find(b"\n"), head.find(b"\r")) if i >= 0]
            if not more or (ends and min(ends) + 1 < len(head)):
                return head
    raise Fallback("a header line longer than the limit")


def _layout(path: str, choice: str | None, voter: str | None, timestamp: str | None) -> _Layout:
    encoding, quoted, _ = _scan(path)
    try:
        first = _head(path)
    except OSError as exc:
        raise Fallback("cannot read") from exc
    start = 3 if encoding == "utf-8-sig" else 0
    ends = [i for i in (first.find(b"\n", start), first.find(b"\r", start)) if i >= 0]
    if ends:
        end = min(ends)
        data_start = end + (2 if first[end : end + 2] == b"\r\n" else 1)
    else:
        end = data_start = len(first)
    codec = "utf-8" if encoding == "utf-8-sig" else encoding
    line = first[start:end].decode(codec)
    try:
        head = decode_csv_bytes(_BOM + line.encode("utf-8"), path, BallotFileError)
        cols = ballot_columns(head, choice=choice, voter=voter, timestamp=timestamp)
    except BosettingError as exc:
        raise Fallback("header") from exc
    if len(head.header) != line.count(head.delimiter) + 1 or head.rows:
        raise Fallback("a header with quoted delimiters or line ends")
    return _Layout(path, encoding, head.delimiter, head.header, cols, data_start, quoted)


@attrs.frozen
class _Piece:
    """A stretch of the file: raw bytes of whole lines (no quotes), or rows parsed by csv."""

    data: bytes | None
    rows: list[list[str]] | None


def _pieces(lay: _Layout) -> Iterator[_Piece]:
    """The file's data rows in chunks, in order (the same chunks every time)."""
    with open(lay.file, "rb") as f:
        if lay.quoted:
            f.seek(0)
            text = io.TextIOWrapper(f, encoding=lay.encoding, newline="")
            reader = csv.reader(text, delimiter=lay.delimiter, strict=True)
            try:
                next(reader, None)
                while rows := list(islice(reader, CHUNK_RECORDS)):
                    yield _Piece(None, rows)
            except csv.Error as exc:
                raise Fallback("csv") from exc
            return
        f.seek(lay.data_start)
        carry = b""
        while True:
            block = f.read(CHUNK_BYTES)
            if not block:
                if carry:
                    yield _Piece(carry, None)
                return
            buf = carry + block if carry else block
            cut = max(buf.rfind(b"\n"), buf.rfind(b"\r", 0, len(buf) - 1)) + 1
            if cut == 0:
                carry = buf
                continue
            yield _Piece(buf[:cut], None)
            carry = buf[cut:]


# --- one chunk, counted -----------------------------------------------------------------------

_WS_OR_HIGH = bytes(
    1 if (b >= 0x80 or b in (9, 10, 11, 12, 13, 28, 29, 30, 31, 32)) else 0 for b in range(256)
)


class _Chunk:
    """One chunk's ballots: choice codes, voter digests, and how to build a ballot or an id."""

    rows: Arr  # global 1-based row number of each ballot
    records: int  # csv records in the chunk (ballots and skipped empty lines)
    codes: Arr  # index into values
    values: list[str]  # distinct raw choices
    has_voter: Arr
    digest: Arr
    long: Arr  # the id is long (its digest may collide): see _voters
    vlen: Arr  # the id's length in UTF-8 bytes
    lrow: Arr  # the id's row in lw, if long (else -1)
    lw: Arr  # the long ids' words
    labels: set[str]
    ballot: Callable[[int], Ballot]


def _plain(piece: _Piece, lay: _Layout, first_row: int) -> _Chunk | None:
    """Split a chunk of plain lines with numpy; ``None`` if it is not plain (see the module)."""
    import numpy as np
    import pandas as pd

    data = piece.data
    assert data is not None
    if b"\r" in data and data.count(b"\r") != data.count(b"\r\n"):
        return None
    b = _Bytes(data)
    buf = b.u8[: b.n]
    nl = np.flatnonzero(buf == 10)
    ends = nl if data.endswith(b"\n") else np.append(nl, b.n)
    n = len(ends)
    starts = np.zeros(n, dtype=np.int64)
    starts[1:] = ends[:-1] + 1
    cends = ends
    if b"\r" in data:
        cends = ends - (b.u8[np.maximum(ends - 1, 0)] == 13).astype(np.int64)
    lens = cends - starts
    if not n or int(lens.min()) <= 0 or int(lens.max()) >= csv.field_size_limit():
        return None
    ncols = len(lay.header)
    delim = ord(lay.delimiter)
    if ncols > 1:
        dl = np.flatnonzero(buf == delim)
        if len(dl) != n * (ncols - 1):
            return None
        d = dl.reshape(n, ncols - 1)
        if not ((d[:, 0] >= starts).all() and (d[:, -1] < cends).all()):
            return None
    elif lay.delimiter.encode() in data:
        return None
    else:
        d = np.zeros((n, 0), dtype=np.int64)

    def field(col: int) -> tuple[Arr, Arr]:
        fs = starts if col == 0 else d[:, col - 1] + 1
        fe = cends if col == ncols - 1 else d[:, col]
        return fs, fe - fs

    codec = lay.codec

    def factor(col: int) -> tuple[Arr, list[str]] | None:
        fs, fl = field(col)
        h, long, words = b.digests(fs, fl)
        codes, _ = pd.factorize(h)
        first = np.searchsorted(np.maximum.accumulate(codes), np.arange(codes.max() + 1))
        if long.any():  # digests of long fields can collide: compare them with their first
            li = np.flatnonzero(long)
            at = np.full(len(fl), -1, dtype=np.int64)
            at[li] = np.arange(len(li))
            rep = first[codes[li]]
            if not (long[rep].all() and _same_ids(words, at[li], fl[li], words, at[rep], fl[rep])):
                return None
        values = [b.text(int(fs[r]), int(fs[r] + fl[r]), codec) for r in first.tolist()]
        return codes, values

    c = lay.cols
    got = factor(c.choice)
    if got is None:
        return None
    ch = _Chunk()
    ch.codes, ch.values = got
    rows = first_row + np.arange(n, dtype=np.int64)
    ch.rows, ch.records = rows, n
    ch.labels = set()
    if c.label is not None:
        lab = factor(c.label)
        if lab is None:
            return None
        ch.labels = {s.strip() for s in lab[1]} - {""}
    if c.voter is None:
        _no_voters(ch, n)
    else:
        fs, fl = field(c.voter)
        ch.digest, ch.long, all_words = b.digests(fs, fl)
        ch.has_voter = fl > 0
        ch.vlen = fl.copy()
        table = np.frombuffer(_WS_OR_HIGH, dtype=np.uint8)
        odd = ch.has_voter & (
            (table[b.u8[fs]] != 0) | (table[b.u8[np.maximum(fs + fl - 1, 0)]] != 0)
        )
        if codec != "utf-8" and not data.isascii():
            high = np.zeros(n, dtype=bool)
            for k in range(int((fl.max() + 7) // 8)):
                high |= (b.word(fs, fl, k) & np.uint64(0x8080808080808080)) != 0
            odd |= high
        odd_long: list[bytes] = []
        odd_at: list[int] = []
        for i in np.flatnonzero(odd).tolist():  # strip and re-encode in Python
            v = b.text(int(fs[i]), int(fs[i] + fl[i]), codec).strip()
            raw = v.encode("utf-8")
            ch.has_voter[i] = bool(v)
            ch.digest[i] = voter_digest(v) if v else 0
            ch.long[i] = bool(v) and not is_short(raw)
            ch.vlen[i] = len(raw)
            if ch.long[i]:
                odd_long.append(raw)
                odd_at.append(i)
        # the words of every long id, to compare ids whose digests match
        was_long = fl > 8
        li = np.flatnonzero(ch.long & ~odd)
        plain_words = all_words[(~odd)[was_long]] if len(li) else all_words[:0]
        width = plain_words.shape[1]
        odd_words = _word_matrix(odd_long)
        width = max(width, odd_words.shape[1])
        ch.lw = np.vstack((_pad(plain_words, width), _pad(odd_words, width)))
        ch.lrow = np.full(n, -1, dtype=np.int64)
        ch.lrow[li] = np.arange(len(li))
        ch.lrow[np.array(odd_at, dtype=np.int64)] = len(li) + np.arange(len(odd_at))

    def fields(i: int) -> list[str]:
        return b.text(int(starts[i]), int(cends[i]), codec).split(lay.delimiter)

    # (the closure holds arrays, not the chunk: no reference cycle keeps a chunk alive)
    ch.ballot = lambda i: _ballot(fields(i), int(rows[i]), lay)
    return ch


def _no_voters(ch: _Chunk, n: int) -> None:
    import numpy as np

    ch.has_voter = np.zeros(n, dtype=bool)
    ch.long = np.zeros(n, dtype=bool)
    ch.digest = np.zeros(n, dtype=np.uint64)
    ch.vlen = np.zeros(n, dtype=np.int64)
    ch.lrow = np.full(n, -1, dtype=np.int64)
    ch.lw = np.zeros((0, 0), dtype=np.uint64)


def _word_matrix(blobs: list[bytes]) -> Arr:
    """Ids' bytes as rows of little-endian 64-bit words, zero-padded to the longest."""
    import numpy as np

    width = max(((len(x) + 7) // 8 for x in blobs), default=0)
    joined = b"".join(x.ljust(8 * width, b"\x00") for x in blobs)
    return np.frombuffer(joined, dtype="<u8").reshape(len(blobs), width).astype(np.uint64)


def _pad(words: Arr, width: int) -> Arr:
    import numpy as np

    if words.shape[1] == width:
        return words
    out = np.zeros((words.shape[0], width), dtype=np.uint64)
    out[:, : words.shape[1]] = words
    return out


def _same_ids(wa: Arr, ra: Arr, la: Arr, wb: Arr, rb: Arr, lb: Arr) -> bool:
    """Whether ids (rows ``ra`` of word matrix ``wa`` with byte lengths ``la``, and so on) agree."""
    width = max(wa.shape[1], wb.shape[1])
    return bool((la == lb).all() and (_pad(wa, width)[ra] == _pad(wb, width)[rb]).all())


def _ballot(row: list[str], number: int, lay: _Layout) -> Ballot:
    c = lay.cols
    return Ballot(
        row[c.choice],
        voter=None if c.voter is None else row[c.voter],
        timestamp=None if c.timestamp is None else row[c.timestamp],
        row=number,
        source=lay.file,
        label=None if c.label is None else row[c.label],
    )


def _careful(piece: _Piece, lay: _Layout, first_row: int) -> _Chunk:
    """A chunk read by the csv module with the careful reader's settings."""
    import numpy as np

    rows = piece.rows
    if rows is None:
        assert piece.data is not None
        text = piece.data.decode(lay.codec)
        try:
            reader = csv.reader(io.StringIO(text, newline=""), delimiter=lay.delimiter, strict=True)
            rows = list(reader)
        except csv.Error as exc:
            raise Fallback("csv") from exc
    c, need, single = lay.cols, lay.need, len(lay.header) == 1
    kept: list[list[str]] = []
    numbers: list[int] = []
    for i, row in enumerate(rows, start=first_row):
        if not row:
            if single:
                kept.append([""])
                numbers.append(i)
            continue
        if len(row) < need:
            raise Fallback("a short row")
        kept.append(row)
        numbers.append(i)
    index: dict[str, int] = {}
    codes = [index.setdefault(row[c.choice], len(index)) for row in kept]
    ch = _Chunk()
    rows_at = np.array(numbers, dtype=np.int64)
    ch.rows, ch.records = rows_at, len(rows)
    ch.codes = np.array(codes, dtype=np.int64)
    ch.values = list(index)
    ch.labels = set()
    if c.label is not None:
        ch.labels = {row[c.label].strip() for row in kept if len(row) > c.label} - {""}
    n = len(kept)
    _no_voters(ch, n)
    if c.voter is not None:
        long_ids: list[bytes] = []
        for i, row in enumerate(kept):
            v = row[c.voter].strip()
            if v:
                raw = v.encode("utf-8")
                ch.has_voter[i] = True
                ch.digest[i] = voter_digest(v)
                ch.vlen[i] = len(raw)
                if not is_short(raw):
                    ch.long[i] = True
                    ch.lrow[i] = len(long_ids)
                    long_ids.append(raw)
        ch.lw = _word_matrix(long_ids)
    ch.ballot = lambda i: _ballot(kept[i], int(rows_at[i]), lay)
    return ch


def _chunk(piece: _Piece, lay: _Layout, first_row: int) -> _Chunk:
    """A chunk counted by numpy where it is plain, else by the csv module."""
    return (piece.data is not None and _plain(piece, lay, first_row)) or _careful(
        piece, lay, first_row
    )


# --- the voter index --------------------------------------------------------------------------


class _Index:
    """Distinct 64-bit digests in 256 sorted buckets (by their top byte), with payload columns.

    A bucket of a few ten thousand digests stays in the processor's cache, so
    looking up a chunk's digests costs little more than reading them.
    """

    def __init__(self, **columns: Any) -> None:
        import numpy as np

        self.keys: list[Arr] = [np.zeros(0, dtype=np.uint64)] * 256
        self.cols: dict[str, list[Arr]] = {
            name: [np.zeros(0, dtype=dtype)] * 256 for name, dtype in columns.items()
        }

    @staticmethod
    def _slices(keys: Arr) -> list[tuple[int, int, int]]:
        import numpy as np

        top = (keys >> np.uint64(56)).astype(np.intp)
        bounds = np.searchsorted(top, np.arange(257)).tolist()
        return [(k, bounds[k], bounds[k + 1]) for k in range(256) if bounds[k] < bounds[k + 1]]

    def find(self, keys: Arr) -> tuple[Arr, Arr, Arr]:
        """For sorted distinct ``keys``: which are present, and their bucket and place."""
        import numpy as np

        found = np.zeros(len(keys), dtype=bool)
        bucket = np.zeros(len(keys), dtype=np.intp)
        pos = np.zeros(len(keys), dtype=np.int64)
        for k, lo, hi in self._slices(keys):
            have = self.keys[k]
            if not len(have):
                continue
            q = keys[lo:hi]
            at = np.minimum(np.searchsorted(have, q), len(have) - 1)
            found[lo:hi] = have[at] == q
            bucket[lo:hi] = k
            pos[lo:hi] = at
        return found, bucket, pos

    def get(self, name: str, bucket: Arr, pos: Arr) -> Arr:
        """A payload column at places from :meth:`find`."""
        import numpy as np

        out = np.zeros(len(pos), dtype=self.cols[name][0].dtype)
        for k in np.unique(bucket).tolist():
            m = bucket == k
            out[m] = self.cols[name][k][pos[m]]
        return out

    def add(self, keys: Arr, **values: Arr) -> None:
        """Add sorted distinct ``keys`` that are not present yet, with their payload."""
        import numpy as np

        for k, lo, hi in self._slices(keys):
            merged = np.concatenate((self.keys[k], keys[lo:hi]))
            if not self.cols:
                self.keys[k] = np.sort(merged, kind="stable")
                continue
            order = np.argsort(merged, kind="stable")
            self.keys[k] = merged[order]
            for name, col in self.cols.items():
                col[k] = np.concatenate((col[k], values[name][lo:hi]))[order]

    def all_keys(self) -> Arr:
        import numpy as np

        return np.concatenate(self.keys)

    def all(self, name: str) -> Arr:
        import numpy as np

        return np.concatenate(self.cols[name])


class _Count:
    """Counts chunk after chunk under one duplicate policy.

    The voter index holds each voter's digest and, where the policy needs it, the
    row and nominee of the ballot counted for now (``-1``: all rejected). Long ids
    (whose digests can collide) are also kept as words, so that every digest that
    matches is checked against the ids themselves, within a chunk and across chunks.
    """

    def __init__(self, resolver: Resolver, policy: DuplicatePolicy) -> None:
        import numpy as np

        self.resolver = resolver
        self.policy = policy
        self.votes = np.zeros(len(resolver.nominees), dtype=np.int64)
        self.rejected: list[RejectedBallot] = []
        self.labels: set[str] = set()
        # ref: where a long id's words are (part << 32 | row), -1 for a short id
        if policy is DuplicatePolicy.KEEP_FIRST:
            self.index = _Index(ref=np.int64)
        else:
            self.index = _Index(ref=np.int64, rows=np.int64, noms=np.int32)
        self.parts: list[tuple[Arr, Arr]] = []  # each chunk's long ids: words, lengths
        self.deferred: list[Arr] = []  # rows of earlier chunks rejected as duplicates

    def feed(self, ch: _Chunk) -> None:
        import numpy as np

        n_noms = len(self.resolver.nominees)
        self.labels |= ch.labels
        per_value = np.array([resolve_code(self.resolver, v) for v in ch.values], dtype=np.int64)
        res = per_value[ch.codes] if len(ch.codes) else np.zeros(0, dtype=np.int64)
        for i in np.flatnonzero(res < 0).tolist():
            self.rejected.append(RejectedBallot(ch.ballot(i), REASONS[-1 - int(res[i])]))
        valid = res >= 0
        anon = valid & ~ch.has_voter
        self.votes += np.bincount(res[anon], minlength=n_noms)
        wv = np.flatnonzero(valid & ch.has_voter)
        if len(wv):
            self._voters(ch, res, wv)

    def _voters(self, ch: _Chunk, res: Arr, wv: Arr) -> None:
        import numpy as np

        dg = ch.digest[wv]
        order = np.argsort(dg)
        sd = dg[order]
        starts = np.flatnonzero(np.concatenate(([True], sd[1:] != sd[:-1])))
        keys = sd[starts]
        if len(starts) == len(sd):  # every voter once in this chunk (the usual case)
            first = last = order
            sizes = np.ones(len(keys), dtype=np.int64)
        else:
            sizes = np.diff(np.append(starts, len(sd)))
            first = np.minimum.reduceat(order, starts)
            last = np.maximum.reduceat(order, starts)
            # one digest, one id: every ballot of a group against the group's first
            mem = wv[order]
            fst = wv[np.repeat(first, sizes)]
            if (ch.long[mem] != ch.long[fst]).any():
                raise Fallback("a short and a long voter id share a digest")
            both = ch.long[mem] & (mem != fst)
            lw, lr, ln = ch.lw, ch.lrow, ch.vlen
            if both.any() and not _same_ids(
                lw, lr[mem[both]], ln[mem[both]], lw, lr[fst[both]], ln[fst[both]]
            ):
                raise Fallback("two voter ids share a digest")
        found, bucket, pos = self.index.find(keys)
        here = wv[first]
        if found.any():
            self._check_earlier(ch, self.index.get("ref", bucket[found], pos[found]), here[found])
        ref = np.full(len(keys), -1, dtype=np.int64)
        long_new = ch.long[here] & ~found
        if long_new.any():
            lens = np.zeros(len(ch.lw), dtype=np.int32)  # each long id's length, by its row
            lens[ch.lrow[ch.lrow >= 0]] = ch.vlen[ch.lrow >= 0]
            self.parts.append((ch.lw, lens))
            ref[long_new] = ((len(self.parts) - 1) << 32) | ch.lrow[here[long_new]]
        rejected = np.ones(len(wv), dtype=bool)  # True: rejected now
        policy = self.policy
        if found.any() and policy is not DuplicatePolicy.KEEP_FIRST:
            g_found = np.flatnonzero(found)
            for k in np.unique(bucket[g_found]).tolist():
                g = g_found[bucket[g_found] == k]
                p = pos[g]
                rows, noms = self.index.cols["rows"][k], self.index.cols["noms"][k]
                if policy is DuplicatePolicy.KEEP_LAST:
                    self.deferred.append(rows[p].copy())
                    keep = wv[last[g]]
                    rows[p], noms[p] = ch.rows[keep], res[keep]
                    rejected[last[g]] = False
                else:
                    self.deferred.append(rows[p[noms[p] >= 0]].copy())
                    noms[p] = -1
        new = ~found
        if policy is DuplicatePolicy.KEEP_FIRST:
            keep = first[new]
            self.votes += np.bincount(res[wv[keep]], minlength=len(self.votes))
            rejected[keep] = False
            self.index.add(keys[new], ref=ref[new])
        else:
            if policy is DuplicatePolicy.KEEP_LAST:
                keep = last[new]
                rejected[keep] = False
                noms_new = res[wv[keep]]
            else:
                alone = sizes[new] == 1
                keep = first[new]
                rejected[keep[alone]] = False
                noms_new = np.where(alone, res[wv[keep]], -1)
            self.index.add(
                keys[new], ref=ref[new], rows=ch.rows[wv[keep]], noms=noms_new.astype(np.int32)
            )
        for i in wv[rejected].tolist():
            self.rejected.append(RejectedBallot(ch.ballot(i), RejectReason.DUPLICATE_VOTER))

    def _check_earlier(self, ch: _Chunk, ref: Arr, here: Arr) -> None:
        """Digests met in earlier chunks: the ids must be the same (exact, for long ids)."""
        import numpy as np

        was_long = ref >= 0
        if (was_long != ch.long[here]).any():
            raise Fallback("a short and a long voter id share a digest")
        if not was_long.any():
            return
        part = ref[was_long] >> 32
        prow = ref[was_long] & 0xFFFFFFFF
        now = here[was_long]
        for k in np.unique(part).tolist():
            m = part == k
            words, lens = self.parts[k]
            r = prow[m]
            i = now[m]
            if not _same_ids(words, r, lens[r], ch.lw, ch.lrow[i], ch.vlen[i]):
                raise Fallback("two voter ids share a digest")

    def finish(self) -> tuple[list[int], set[int], bytes]:
        import numpy as np

        votes = self.votes.copy()
        if self.policy is not DuplicatePolicy.KEEP_FIRST:
            noms = self.index.all("noms")
            votes += np.bincount(noms[noms >= 0], minlength=len(votes))
        keys = self.index.all_keys()  # buckets in order, each sorted: sorted
        self.index = _Index()  # free the index and the long ids' words before the result
        self.parts.clear()
        deferred = set(np.concatenate(self.deferred).tolist()) if self.deferred else set()
        packed = keys.tobytes() if keys.dtype.str == "<u8" else keys.astype("<u8").tobytes()
        del keys
        return votes.tolist(), deferred, packed


def count_file(
    path: str | os.PathLike[str],
    resolver: Resolver,
    policy: DuplicatePolicy,
    *,
    choice: str | None = None,
    voter: str | None = None,
    timestamp: str | None = None,
) -> Tally:
    """Count a ballot file in chunks (see the module docstring).

    Raises:
        Fallback: where the careful reader must read the file instead.
    """
    import numpy as np

    lay = _layout(str(path), choice, voter, timestamp)
    count = _Count(resolver, policy)
    firsts: list[int] = []
    row = 1
    for piece in _pieces(lay):
        firsts.append(row)
        ch = _chunk(piece, lay, row)
        row += ch.records
        count.feed(ch)
        del ch
    votes, deferred, digests = count.finish()
    rejected = count.rejected
    if deferred:  # a second read, of only the chunks with ballots rejected by later ones
        needed = {int(np.searchsorted(firsts, row, side="right")) - 1 for row in deferred}
        for k, piece in enumerate(_pieces(lay)):
            if k not in needed:
                continue
            ch = _chunk(piece, lay, firsts[k])
            lo, hi = int(ch.rows[0]), int(ch.rows[-1])
            for row in sorted(r for r in deferred if lo <= r <= hi):
                i = int(np.searchsorted(ch.rows, row))
                rejected.append(RejectedBallot(ch.ballot(i), RejectReason.DUPLICATE_VOTER))
    return Tally(
        resolver.nominees,
        tuple(votes),
        rejected,
        VoterIds(digests=digests),
        policy,
        frozenset(count.labels),
    )
