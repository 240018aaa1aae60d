"""A ballot file in chunks: its layout by the careful reader's rules, and each chunk's rows.

The thresholds are module constants so tests can lower them.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any

import attrs

from bosetting.data import decode_csv_bytes
from bosetting.errors import BallotFileError, BosettingError
from bosetting.voting._ballots import Ballot, BallotColumns, ballot_columns
from bosetting.voting._digests import _Bytes, _pad, same_ids, word_matrix
from bosetting.voting._voters import is_short, voter_digest

if TYPE_CHECKING:
    import numpy.typing as npt

    Arr = npt.NDArray[Any]


__all__ = [
    "CHUNK_BYTES",
    "CHUNK_RECORDS",
    "SCAN_BYTES",
    "Chunk",
    "Fallback",
    "chunk",
    "layout",
    "pieces",
]


CHUNK_BYTES = 8 << 20
#: Records per chunk of a ballot file with quotes, read by the csv module.
CHUNK_RECORDS = 200_000
#: Bytes per read in the first pass (encoding, quotes, NUL).
SCAN_BYTES = 4 << 20

_BOM = b"\xef\xbb\xbf"


class Fallback(Exception):
    """Internal: let the careful reader read this file (it raises the error, or counts)."""


# --- arrays and Series ------------------------------------------------------------------------


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


def layout(path: str, choice: str | None, voter: str | None, timestamp: str | None) -> _Layout:
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


def pieces(lay: _Layout) -> Iterator[_Piece]:
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


class Chunk:
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


def _plain(piece: _Piece, lay: _Layout, first_row: int) -> Chunk | None:
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
            if not (long[rep].all() and same_ids(words, at[li], fl[li], words, at[rep], fl[rep])):
                return None
        values = [b.text(int(fs[r]), int(fs[r] + fl[r]), codec) for r in first.tolist()]
        return codes, values

    c = lay.cols
    got = factor(c.choice)
    if got is None:
        return None
    ch = Chunk()
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
        odd_words = word_matrix(odd_long)
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


def _no_voters(ch: Chunk, n: int) -> None:
    import numpy as np

    ch.has_voter = np.zeros(n, dtype=bool)
    ch.long = np.zeros(n, dtype=bool)
    ch.digest = np.zeros(n, dtype=np.uint64)
    ch.vlen = np.zeros(n, dtype=np.int64)
    ch.lrow = np.full(n, -1, dtype=np.int64)
    ch.lw = np.zeros((0, 0), dtype=np.uint64)


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


def _careful(piece: _Piece, lay: _Layout, first_row: int) -> Chunk:
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
    ch = Chunk()
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
        ch.lw = word_matrix(long_ids)
    ch.ballot = lambda i: _ballot(kept[i], int(rows_at[i]), lay)
    return ch


def chunk(piece: _Piece, lay: _Layout, first_row: int) -> Chunk:
    """A chunk counted by numpy where it is plain, else by the csv module."""
    return (piece.data is not None and _plain(piece, lay, first_row)) or _careful(
        piece, lay, first_row
    )


# --- the voter index --------------------------------------------------------------------------
