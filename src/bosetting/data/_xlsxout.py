"""The one writer of Excel workbooks: a table as an ``.xlsx`` file, text cells text by type.

A CSV file cannot keep ``0301`` from becoming 301 once Excel opens it; a workbook
can: every text value is a cell of type text (a code stays ``0301``, and a text
starting with ``=`` is never run as a formula), numbers are numbers, ``None`` (and
NaN) an empty cell. Columns named in ``percent`` are shown as percentages
(``0.686`` as ``68.6 %`` in Excel's own locale). openpyxl is imported only here.

Examples:
    >>> import io, openpyxl
    >>> raw = xlsx_bytes(["Kommunenummer", "Andel"], [["0301", 0.5], ["=1+1", None]], percent=[1])
    >>> ws = openpyxl.load_workbook(io.BytesIO(raw)).active
    >>> [[c.value for c in row] for row in ws.iter_rows()]
    [['Kommunenummer', 'Andel'], ['0301', 0.5], ['=1+1', None]]
    >>> ws["A2"].data_type, ws["A3"].data_type, ws["B2"].number_format
    ('s', 's', '0.0%')
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable, Sequence
from typing import Any

from bosetting.model import checked

__all__ = ["xlsx_bytes"]

#: The sheet's name (Excel allows 31 characters).
_SHEET = "bosetting"


@checked
def xlsx_bytes(
    header: Sequence[Any],
    rows: Iterable[Sequence[Any]],
    *,
    percent: Iterable[int] = (),
    sheet: str = _SHEET,
) -> bytes:
    """The table as the bytes of an ``.xlsx`` workbook with one sheet (see the module docstring).

    Args:
        header: The column headings (the first row, bold, frozen).
        rows: The rows: text, numbers, flags or ``None``.
        percent: The indices of the columns holding shares in [0, 1].
        sheet: The sheet's name.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    ws = book.active
    assert ws is not None  # a new workbook has its one sheet
    ws.title = sheet[:31]
    shares = set(percent)
    widths = [len(str(h)) for h in header]
    ws.append([str(h) for h in header])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.data_type = "s"
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            if value is None or (isinstance(value, float) and math.isnan(value)):
                continue
            cell = ws.cell(row=r, column=c)
            if isinstance(value, bool):
                cell.value = str(value).lower()
                cell.data_type = "s"
            elif isinstance(value, int | float):
                cell.value = value
                if c - 1 in shares:
                    cell.number_format = "0.0%"
            else:
                cell.value = str(value)
                cell.data_type = "s"  # text by type: never a number, a date or a formula
            if c - 1 < len(widths):
                widths[c - 1] = max(widths[c - 1], min(len(str(cell.value)), 60))
    ws.freeze_panes = "A2"
    from openpyxl.utils import get_column_letter

    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width + 2
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
