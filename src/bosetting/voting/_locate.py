"""What polars does not say about a ballot file, found with the csv module and Python's decoders.

polars says a file is not CSV, or not UTF-8, without saying where, and reads a
short row's missing fields as empty. These functions read the file again (a
block or a row at a time) to name the place as
:func:`bosetting.data.decode_csv_bytes` does, to count the fields of the rows
that may be short, and to decide the encoding of a file that is not UTF-8.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import re
import sys
from collections.abc import Iterator
from typing import Any

from bosetting.data import csv_layout_error
from bosetting.errors import BallotFileError
from bosetting.i18n import N_

__all__ = ["WIDEST_EXTRA", "bom_error", "csv_error", "field_counts", "nul_error", "single_byte"]

#: Fields read beyond the header to find rows with extra fields; a row with more is an error.
WIDEST_EXTRA = 64

_BLOCK = 1 << 22


def _line_of(name: str, at: int) -> int:
    r"""The 1-based line of byte ``at`` (``\n``, ``\r\n`` and ``\r`` end lines)."""
    line, last = 1, b""
    with open(name, "rb") as f:
        while at > 0 and (block := f.read(min(_BLOCK, at))):
            at -= len(block)
            joined = last[-1:] + block  # a \r\n split between two blocks is counted once
            line += block.count(b"\n") + block.count(b"\r") - joined.count(b"\r\n")
            last = block
    return line


def nul_error(name: str, shown: str, at: int) -> BallotFileError:
    """The error for a NUL byte (at offset ``at``): UTF-16 or a spreadsheet, not text."""
    message = N_(
        "the file holds NUL bytes (the first is byte {at}); it is not a text CSV file "
        "(UTF-16 or a spreadsheet?)"
    )
    return _byte_error(name, shown, at, message, b"\x00")


def _byte_error(name: str, shown: str, at: int, message: str, byte: bytes) -> BallotFileError:
    """An error about the byte at offset ``at``, naming its row and value."""
    row = _line_of(name, at) - 1 or None
    return BallotFileError(
        message, at=at + 1, file=shown, row=row, field="encoding", value=f"0x{byte[0]:02x}"
    )


def single_byte(name: str) -> str:
    """Windows-1252 if every byte of the file is one, else Latin-1 (the careful reader's rule)."""
    with open(name, "rb") as f:
        while block := f.read(_BLOCK):
            try:
                block.decode("cp1252")
            except UnicodeDecodeError:
                return "latin-1"
    return "cp1252"


def bom_error(name: str, shown: str) -> BallotFileError:
    """The careful reader's error for a UTF-8 byte-order mark followed by other bytes."""
    dec = codecs.getincrementaldecoder("utf-8")("strict")
    offset = 3
    with open(name, "rb") as f:
        f.seek(3)
        while True:
            block = f.read(_BLOCK)
            try:
                dec.decode(block, final=not block)
            except UnicodeDecodeError as exc:
                offset += exc.start - len(dec.getstate()[0])
                break
            if not block:
                return BallotFileError(N_("the file is not valid UTF-8"), file=shown)
            offset += len(block)
        f.seek(offset)
        bad = f.read(1)
    message = N_(
        "the file starts with a UTF-8 byte-order mark but byte {at} is not UTF-8; "
        "save it again as UTF-8"
    )
    return _byte_error(name, shown, offset, message, bad)


#: A line end of the other kind inside a line, which polars reads as text (and csv would not).
_LONE = {"\n": re.compile("\r(?!\n)"), "\r": re.compile("\n")}


class _Upto(io.RawIOBase):
    """A binary file read no further than ``left`` bytes (what it held when it was looked at)."""

    def __init__(self, f: Any, left: int) -> None:
        self._f, self._left = f, left

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        n: int = self._f.readinto(memoryview(buffer)[: self._left])
        self._left -= n
        return n


@contextlib.contextmanager
def _rows(source: str, delimiter: str, eol: str, size: int) -> Iterator[Any]:
    """The first ``size`` bytes' rows as polars splits them (header included), by the csv module."""
    limit = csv.field_size_limit(sys.maxsize)  # fields of any length, as polars reads them
    try:
        with open(source, "rb") as raw, io.BufferedReader(_Upto(raw, size)) as upto:
            f = io.TextIOWrapper(upto, encoding="utf-8-sig", errors="replace", newline=eol)
            lines = (_LONE[eol].sub(" ", line) for line in f)
            yield csv.reader(lines, delimiter=delimiter, strict=True)
    finally:
        csv.field_size_limit(limit)


def field_counts(
    source: str, shown: str, delimiter: str, eol: str, width: int, rows: list[int], size: int
) -> dict[int, int]:
    """How many fields each of the data rows ``rows`` (ascending, 1-based) has (in ``size`` bytes).

    Raises:
        BallotFileError: if the csv module cannot read the file so far (:func:`csv_error`).
    """
    wanted, out = set(rows), {}
    with _rows(source, delimiter, eol, size) as reader:
        try:
            next(reader, None)
            for i, row in enumerate(reader, start=1):
                if i in wanted:
                    out[i] = len(row)
                    if i == rows[-1]:
                        break
        except csv.Error as exc:
            raise csv_error(source, shown, delimiter, eol, width, str(exc), size) from None
    return out


def csv_error(
    source: str, shown: str, delimiter: str, eol: str, width: int, problem: str, size: int
) -> BallotFileError:
    """Find the row the csv module cannot read (or that is far too wide) in ``size`` bytes and name it."""
    with _rows(source, delimiter, eol, size) as reader:
        rows = -1  # the header is no data row
        try:
            for row in reader:
                rows += 1
                if rows and len(row) > width + WIDEST_EXTRA:
                    return BallotFileError(
                        N_(
                            "the row has {fields} fields but the header {columns} "
                            "(unreadable layout: wrong delimiter or a broken line?)"
                        ),
                        fields=len(row),
                        columns=width,
                        file=shown,
                        row=rows,
                        value=delimiter.join(row),
                    )
        except csv.Error as exc:
            line = reader.line_num
            row = rows + 1 if line > 1 else None
            return csv_layout_error(BallotFileError, exc, line, file=shown, row=row)
    return BallotFileError(
        N_("unreadable CSV layout: {problem}"), problem=problem.splitlines()[0], file=shown
    )
