"""The careful reader, kept to name what polars refuses: the row, the line, the byte.

polars says a file is not CSV, or not UTF-8, without saying where;
:mod:`bosetting.voting._file` then asks these functions, which read the file
again (a block or a row at a time) with the csv module and Python's decoders,
and name the place as :func:`bosetting.data.decode_csv_bytes` does. They also
decide the encoding of a file that is not UTF-8 (Windows-1252, else Latin-1).
"""

from __future__ import annotations

import codecs
import csv

from bosetting.data import csv_problem
from bosetting.errors import BallotFileError
from bosetting.i18n import N_

__all__ = ["WIDEST_EXTRA", "bom_error", "csv_error", "single_byte"]

#: Fields read beyond the header to find rows with extra fields; a row with more is an error.
WIDEST_EXTRA = 64

_BLOCK = 1 << 22


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
    with open(name, "rb") as f:
        f.seek(3)
        offset = 3
        while True:
            block = f.read(_BLOCK)
            try:
                dec.decode(block, final=not block)
            except UnicodeDecodeError as exc:
                at = offset + exc.start - len(dec.getstate()[0])
                f.seek(at)
                bad = f.read(1)
                f.seek(0)
                before = f.read(at)
                line = before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1
                return BallotFileError(
                    N_(
                        "the file starts with a UTF-8 byte-order mark but byte {at} is not UTF-8; "
                        "save it again as UTF-8"
                    ),
                    at=at + 1,
                    file=shown,
                    row=line - 1 or None,
                    field="encoding",
                    value=f"0x{bad[0]:02x}",
                )
            if not block:
                break
            offset += len(block)
    return BallotFileError(N_("the file is not valid UTF-8"), file=shown)


def csv_error(source: str, shown: str, delimiter: str, width: int, problem: str) -> BallotFileError:
    """Find the row the csv module cannot read, and name it as the careful reader does."""
    with open(source, encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f, delimiter=delimiter, strict=True)
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
            return BallotFileError(
                N_("unreadable CSV layout at line {line}: {problem}"),
                line=line,
                problem=csv_problem(exc),
                file=shown,
                row=rows + 1 if line > 1 else None,
            )
    return BallotFileError(
        N_("unreadable CSV layout: {problem}"), problem=problem.splitlines()[0], file=shown
    )
