r"""Every CSV bosetting writes: one cell rule, one dialect, one meaning of ``excel``.

The practice files, the command's ``--format csv`` and anything else that
writes CSV go through :func:`csv_text` (or :func:`csv_bytes`, or
:func:`~bosetting.data.write_csv` for a file), so they agree:

* every cell is quoted, lines end in CRLF (RFC 4180), so a cell holding a
  separator or a line break reads back whole whichever separator a
  spreadsheet guesses;
* a text cell that a spreadsheet would run as a formula, one starting with a
  sign in :data:`~bosetting.data.FORMULA_PREFIXES` (``=``, ``+``, ``-``, ``@``,
  a tab, a carriage return, or the full-width ``＝＋－＠``), gets a ``'`` in
  front (:func:`neutralise_cell`, OWASP's advice against formula injection);
* numbers are written as numbers and never changed (``-3`` stays ``-3``),
  flags as ``true``/``false``, an unknown value (``None``, NaN) as an empty cell;
* ``excel=True``: for a spreadsheet set up for the active language, with a
  byte-order mark first (so æøå arrive whole); where the language's decimal
  sign is a comma (bokmål), the cells are separated by ``;`` and decimals
  written with a comma, as Excel set up for Norway expects; otherwise ``,``
  and ``.``. The readers (:func:`~bosetting.data.read_csv_text`) take both.

Examples:
    >>> print(csv_text(["code", "name", "change"], [["0301", "=1+1", -3]]), end="")
    "code","name","change"
    "0301","'=1+1","-3"
"""

from __future__ import annotations

import csv
import io
import itertools
import math
from collections.abc import Iterable, Sequence
from typing import Any

from bosetting.data._userfiles import FORMULA_PREFIXES
from bosetting.errors import WriteError
from bosetting.i18n import N_, decimal_sign
from bosetting.model import checked

__all__ = ["csv_bytes", "csv_text", "neutralise_cell"]

#: What ``excel=True`` puts first: the byte-order mark, so Excel reads the file as UTF-8.
_BOM = "\ufeff"


@checked
def neutralise_cell(value: object, *, decimal: str = ".") -> str:
    r"""One CSV cell: text made safe for a spreadsheet, numbers and flags as they are.

    Args:
        value: Text, a number, a flag or ``None`` (the empty cell; so is NaN).
        decimal: The decimal sign a float is written with.

    Examples:
        >>> [neutralise_cell(v) for v in ("+cmd|' /C calc'!A0", "＝1+1", "\rx", "0301", None)]
        ["'+cmd|' /C calc'!A0", "'＝1+1", "'\rx", '0301', '']
        >>> [neutralise_cell(v) for v in (-3, 0.69, True, float("nan"))]
        ['-3', '0.69', 'true', '']
        >>> neutralise_cell(0.69, decimal=",")
        '0,69'
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return "" if math.isnan(value) else repr(value).replace(".", decimal)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def _dialect(excel: bool) -> tuple[str, str]:
    """The separator and the decimal sign: ``,`` and ``.``, or what Excel in the language expects."""
    if excel and decimal_sign() == ",":
        return ";", ","
    return ",", "."


def _lines(header: Sequence[Any], rows: Iterable[Sequence[Any]], excel: bool) -> Iterable[str]:
    """The file line by line (the first one with the byte-order mark when ``excel``)."""
    delimiter, decimal = _dialect(excel)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\r\n", delimiter=delimiter)
    for number, row in enumerate(itertools.chain([header], rows)):
        writer.writerow([neutralise_cell(c, decimal=decimal) for c in row])
        line = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        yield (_BOM + line) if excel and number == 0 else line


@checked
def csv_text(header: Sequence[Any], rows: Iterable[Sequence[Any]], *, excel: bool = False) -> str:
    r"""The table as CSV text by the rules above (the module docstring).

    Args:
        header: The column names.
        rows: The rows, each a sequence of plain values (text, numbers, flags, ``None``).
        excel: For a spreadsheet set up for the active language (see above).

    Examples:
        >>> from bosetting.i18n import language
        >>> with language("nb"):
        ...     csv_text(["code", "share"], [["0301", 0.5]], excel=True).splitlines()
        ['\ufeff"code";"share"', '"0301";"0,5"']
        >>> with language("en"):
        ...     csv_text(["code", "share"], [["0301", 0.5]], excel=True).splitlines()
        ['\ufeff"code","share"', '"0301","0.5"']
    """
    return "".join(_lines(header, rows, excel))


@checked
def csv_bytes(
    header: Sequence[Any], rows: Iterable[Sequence[Any]], *, excel: bool = False
) -> bytes:
    r""":func:`csv_text` as UTF-8.

    Raises:
        WriteError: When a cell holds a character UTF-8 cannot store (a lone
            surrogate), naming the row (none for the header).

    Examples:
        >>> csv_bytes(["valg"], [["=1+1"], ["Kinn"]])
        b'"valg"\r\n"\'=1+1"\r\n"Kinn"\r\n'
    """
    out: list[bytes] = []
    for number, line in enumerate(_lines(header, rows, excel)):
        try:
            out.append(line.encode("utf-8"))
        except UnicodeEncodeError as exc:
            raise WriteError(
                N_("a cell holds a character UTF-8 cannot store (a lone surrogate)"),
                row=number or None,
                value=exc.object[exc.start : exc.end],
            ) from None
    return b"".join(out)
