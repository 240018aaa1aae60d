r"""Reading small user-made CSV files: encoding, line ends and delimiter.

Files that people save from Excel or a survey tool come in many shapes. This
module decides, in a fixed order and without guessing beyond it:

* **encoding**: a UTF-8 byte-order mark wins; else strict UTF-8; else
  Windows-1252; else Latin-1 (which decodes any byte);
* **line ends**: ``\n``, ``\r\n`` and ``\r`` are all accepted;
* **delimiter**: the one of ``;``, ``,`` and tab that occurs most often in the
  header line (outside quotes); ``,`` when the header has none of them.

Examples:
    >>> t = decode_csv_bytes("kommune;velger\r\nBodø;1\r\n".encode("cp1252"), "votes.csv")
    >>> t.encoding, t.delimiter, t.header, t.rows
    ('cp1252', ';', ('kommune', 'velger'), [['Bodø', '1']])
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable
from pathlib import Path

import attrs

from bosetting.errors import DataError

__all__ = ["CsvText", "decode_csv_bytes", "find_column", "read_csv_text"]

_DELIMITERS = (";", ",", "\t")


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


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
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


def decode_csv_bytes(
    data: bytes, file: str, error: Callable[..., DataError] = DataError
) -> CsvText:
    """Decode and split a CSV file's bytes (see the module docstring for the rules).

    Args:
        data: The file's bytes.
        file: The name to use in error messages.
        error: The :class:`~bosetting.errors.DataError` subclass to raise.

    Returns:
        The decoded file.

    Raises:
        DataError: (or ``error``) if the file is empty, holds NUL bytes, has no
            header, or a row is not valid CSV.
    """
    if b"\x00" in data:
        raise error(
            "the file holds NUL bytes; it is not a text CSV file (UTF-16 or a spreadsheet?)",
            file=file,
        )
    text, encoding = _decode(data)
    first_end = len(text)
    for sep in ("\n", "\r"):
        at = text.find(sep)
        if at != -1:
            first_end = min(first_end, at)
    first_line = text[:first_end]
    if not first_line.strip():
        raise error("the file has no header line (the first line is empty)", file=file)
    delimiter = _delimiter(first_line)
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
        header = next(reader)
        rows = list(reader)
    except csv.Error as exc:
        raise error(f"unreadable CSV layout: {exc}", file=file) from exc
    return CsvText(file, encoding, delimiter, tuple(h.strip() for h in header), rows)


def read_csv_text(
    path: str | os.PathLike[str], error: Callable[..., DataError] = DataError
) -> CsvText:
    """Read and decode a CSV file from disk (see :func:`decode_csv_bytes`).

    Raises:
        DataError: (or ``error``) if the file cannot be opened or read.
    """
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise error(f"cannot read the file: {exc.strerror or exc}", file=name) from exc
    return decode_csv_bytes(data, name, error)


def find_column(
    header: tuple[str, ...], wanted: str | None, aliases: tuple[str, ...]
) -> int | None:
    """The index of a column: ``wanted`` if given, else the first of ``aliases`` (case-insensitive).

    Examples:
        >>> find_column(("Kommune", "Velger"), None, ("choice", "kommune"))
        0
        >>> find_column(("a", "b"), None, ("choice",)) is None
        True
    """
    folded = [h.casefold() for h in header]
    names = (wanted,) if wanted is not None else aliases
    for name in names:
        if name.casefold() in folded:
            return folded.index(name.casefold())
    return None
