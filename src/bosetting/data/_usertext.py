r"""Decoding the small CSV files people give bosetting (ballots, jury sheets).

**Decoding** (:func:`decode_csv_bytes`), in a fixed order and without guessing
beyond it:

* **encoding**: a UTF-8 byte-order mark wins (and then the rest must be UTF-8);
  else strict UTF-8; else Windows-1252; else Latin-1 (which decodes any byte);
* **line ends**: ``\n``, ``\r\n`` and ``\r`` are all accepted; quoted fields may
  hold line breaks;
* **delimiter**: the one of ``;``, ``,`` and tab that occurs most often in the
  header line (outside quotes); ``,`` when the header has none of them;
* **size**: at most :data:`MAX_CSV_ROWS` rows.

Examples:
    >>> t = decode_csv_bytes("kommune;velger\r\nBodø;1\r\n".encode("cp1252"), "votes.csv")
    >>> t.encoding, t.delimiter, t.header, t.rows
    ('cp1252', ';', ('kommune', 'velger'), [['Bodø', '1']])
"""

from __future__ import annotations

import contextlib
import csv
import io
import itertools
import os
import re
from collections.abc import Callable
from typing import TypeVar

import attrs

from bosetting.data._userfiles import (
    MAX_USER_FILE_BYTES,
    ErrorClass,
    escape_controls,
    read_user_bytes,
)
from bosetting.errors import BosettingError, DataError, LimitError
from bosetting.i18n import N_, LazyText, lazy_gettext
from bosetting.model import checked

__all__ = [
    "MAX_CSV_ROWS",
    "CsvText",
    "csv_layout_error",
    "csv_problem",
    "decode_csv_bytes",
    "decode_text",
    "find_column",
    "read_csv_text",
]

E = TypeVar("E", bound=BosettingError)

#: The most rows (header not counted) :func:`decode_csv_bytes` reads from one file.
MAX_CSV_ROWS = 2_000_000

_DELIMITERS = (";", ",", "\t")


@checked
@attrs.frozen
class CsvText:
    """A decoded CSV file: header, rows, and how it was read.

    Attributes:
        file: The file's name (for error messages).
        encoding: The encoding used (``utf-8-sig``, ``utf-8``, ``cp1252`` or ``latin-1``).
        delimiter: The field delimiter.
        header: The column names, stripped.
        rows: The data rows (lists of fields), header excluded; row ``i`` is data row ``i + 1``.
    """

    file: str
    encoding: str
    delimiter: str
    header: tuple[str, ...]
    rows: list[list[str]]


def _line_of(data: bytes, offset: int) -> int:
    r"""The 1-based line of a byte offset (``\n``, ``\r\n`` and ``\r`` end lines)."""
    head = data[:offset]
    return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1


@checked
def decode_text(data: bytes, file: str, error: ErrorClass = DataError) -> tuple[str, str]:
    r"""Decode a user file's bytes: a UTF-8 BOM, else UTF-8, else Windows-1252, else Latin-1.

    Returns:
        The text (without a BOM) and the encoding used.

    Raises:
        DataError: (or ``error``) if the file holds NUL bytes (UTF-16 or a
            spreadsheet), or has a UTF-8 byte-order mark but is not UTF-8 after it.

    Examples:
        >>> decode_text(b"\xef\xbb\xbfa\n\xff", "v.csv")
        Traceback (most recent call last):
        ...
        bosetting.errors.DataError: v.csv, row 1, field 'encoding', value '0xff': the file starts with a UTF-8 byte-order mark but byte 6 is not UTF-8; save it again as UTF-8
    """
    shown = escape_controls(file)
    if b"\x00" in data:
        raise error(
            N_("the file holds NUL bytes; it is not a text CSV file (UTF-16 or a spreadsheet?)"),
            file=shown,
        )
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            at = exc.start + 3
            raise error(
                N_(
                    "the file starts with a UTF-8 byte-order mark but byte {at} is not UTF-8; "
                    "save it again as UTF-8"
                ),
                at=at + 1,
                file=shown,
                row=_line_of(data, at) - 1 or None,
                field="encoding",
                value=f"0x{data[at]:02x}",
            ) from None
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def _delimiter(first_line: str) -> str:
    counts: dict[str, int] = dict.fromkeys(_DELIMITERS, 0)
    quoted = False
    for ch in first_line:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


#: Python's csv module's own (English) words for the problems a user's file can have, as
#: templates: English stays exactly as Python says it, bokmål comes from the catalogue.
_CSV_PROBLEMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"unexpected end of data"), N_("unexpected end of data")),
    (
        re.compile(r"field larger than field limit \((?P<limit>[0-9]+)\)"),
        N_("field larger than field limit ({limit})"),
    ),
    (
        re.compile(r"'(?P<delimiter>.)' expected after '(?P<quote>.)'", re.DOTALL),
        N_("'{delimiter}' expected after '{quote}'"),
    ),
    (re.compile(r"line contains NUL"), N_("line contains NUL")),
)


@checked
def csv_layout_error(
    error: Callable[..., E], exc: csv.Error, line: int, *, file: str, row: int | None
) -> E:
    """The error for a file the csv module cannot read at ``line``, as every reader words it.

    Examples:
        >>> from bosetting.errors import DataError
        >>> print(csv_layout_error(DataError, csv.Error("bad"), 3, file="t.csv", row=2))
        t.csv, row 2: unreadable CSV layout at line 3: bad
    """
    return error(
        N_("unreadable CSV layout at line {line}: {problem}"),
        line=line,
        problem=csv_problem(exc),
        file=file,
        row=row,
    )


def csv_problem(exc: csv.Error) -> LazyText | str:
    """What :mod:`csv` found wrong, in the language it is shown in (its own words if unknown).

    Examples:
        >>> from bosetting.i18n import language
        >>> with language("nb"):
        ...     str(csv_problem(csv.Error("unexpected end of data")))
        'filen slutter midt i et felt (et anførselstegn som ikke er lukket?)'
    """
    text = str(exc)
    for pattern, template in _CSV_PROBLEMS:
        match = pattern.fullmatch(text)
        if match:
            return lazy_gettext(template, **match.groupdict())
    return text


def _rows_before_error(text: str, delimiter: str) -> int:
    """How many data rows parse before the first CSV error (to name the row that fails)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    count = -1  # the header is not a data row
    with contextlib.suppress(csv.Error):
        for _ in reader:
            count += 1
    return max(count, 0)


@checked
def decode_csv_bytes(
    data: bytes,
    file: str,
    error: ErrorClass = DataError,
    *,
    max_rows: int = MAX_CSV_ROWS,
) -> CsvText:
    """Decode and split a CSV file's bytes (see the module docstring for the rules).

    Args:
        data: The file's bytes.
        file: The name to use in error messages.
        error: The :class:`~bosetting.errors.DataError` subclass to raise.
        max_rows: The most data rows read (default :data:`MAX_CSV_ROWS`).

    Returns:
        The decoded file.

    Raises:
        DataError: (or ``error``) if the file is empty, holds NUL bytes, has no
            header, or a row is not valid CSV (an unclosed quote, a field over
            128 KiB), naming the row and line.
        LimitError: When the file has more than ``max_rows`` rows.
    """
    text, encoding = decode_text(data, file, error)
    shown = escape_controls(file)
    first_end = len(text)
    for sep in ("\n", "\r"):
        at = text.find(sep)
        if at != -1:
            first_end = min(first_end, at)
    first_line = text[:first_end]
    if not first_line.strip():
        raise error(N_("the file has no header line (the first line is empty)"), file=shown)
    delimiter = _delimiter(first_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader)
        rows = list(itertools.islice(reader, max_rows))  # read in C, at most max_rows
        extra = next(reader, None)
    except csv.Error as exc:
        line = reader.line_num
        row = _rows_before_error(text, delimiter) + 1 if line > 1 else None
        raise csv_layout_error(error, exc, line, file=shown, row=row) from None
    if extra is not None:
        raise LimitError(
            N_("the file has more rows than bosetting reads ({limit}, MAX_CSV_ROWS)"),
            limit=max_rows,
            file=shown,
            row=max_rows + 1,
            field="rows",
            value=max_rows + 1,
        )
    return CsvText(shown, encoding, delimiter, tuple(h.strip() for h in header), rows)


@checked(own=("path",))
def read_csv_text(
    path: str | os.PathLike[str],
    error: ErrorClass = DataError,
    *,
    limit: int = MAX_USER_FILE_BYTES,
    stdin: bool = False,
) -> CsvText:
    """Read and decode a CSV file a user named (see :func:`read_user_bytes` and :func:`decode_csv_bytes`).

    Raises:
        DataError: (or ``error``) if the file cannot be opened, is not a regular
            file, or is not readable CSV.
        LimitError: When the file is over ``limit`` bytes or :data:`MAX_CSV_ROWS` rows.
    """
    data = read_user_bytes(path, error, limit=limit, stdin=stdin)
    name = "<stdin>" if stdin and os.fspath(path) == "-" else str(os.fspath(path))
    return decode_csv_bytes(data, name, error)


@checked
def find_column(
    header: tuple[str, ...],
    wanted: str | None,
    aliases: tuple[str, ...],
    *,
    error: ErrorClass = DataError,
    file: str | None = None,
) -> int | None:
    """The index of a column: ``wanted`` if given, else the first of ``aliases`` (case-insensitive).

    A header that names the column found twice is an error (``error``, naming
    ``file``): which of the two holds the data cannot be known.

    Examples:
        >>> find_column(("Kommune", "Velger"), None, ("choice", "kommune"))
        0
        >>> find_column(("a", "b"), None, ("choice",)) is None
        True
        >>> find_column(("poeng", "Poeng"), None, ("poeng",))
        Traceback (most recent call last):
        ...
        bosetting.errors.DataError: field 'poeng', value 'poeng,Poeng': the header has the column 'poeng' twice (columns 1 and 2); keep one of them
    """
    folded = [h.casefold() for h in header]
    names = (wanted,) if wanted is not None else aliases
    for name in names:
        key = name.casefold()
        if key in folded:
            at = folded.index(key)
            if key in folded[at + 1 :]:
                raise error(
                    N_(
                        "the header has the column {column} twice (columns {first} and {second}); keep one of them"
                    ),
                    column=_quoted_name(header[at]),
                    first=at + 1,
                    second=folded.index(key, at + 1) + 1,
                    file=file,
                    field=header[at],
                    value=",".join(header),
                )
            return at
    return None


def _quoted_name(text: str) -> LazyText:
    return lazy_gettext("'{text}'", text=escape_controls(text))


# -- writing ----------------------------------------------------------------
