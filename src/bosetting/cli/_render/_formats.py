r"""Machine-readable output: ``--format text|csv|json`` and ``--excel``, for every command.

A command that prints results registers the options with :func:`add_format_options`
and hands its result to :func:`emit` as up to three builders, called only for
the format asked for::

    emit(args, text=lambda: render_edition(e), csv=lambda: edition_table(e),
         json=lambda: edition_json(e))

``text`` (the default)
    What a person reads, in the active language (``--lang``).

``json``
    One JSON object (never a bare list, so keys can be added without breaking a
    reader), UTF-8, indented, keys in a fixed order. Model objects are written by
    :data:`bosetting.model.converter` (cattrs): the keys are the attribute names
    of the classes in :mod:`bosetting.model` (``Municipality`` is ``code``,
    ``name``, ``county``, ``valid_from``, ``valid_to``, ``county_code``), enums are
    their values (``"winner"``, ``"not assessable"``), dates are ISO 8601
    (``"2022-11-17"``; a date known only to the month is ``"2022-11"``), codes
    are strings (``"0301"``), unknown is ``null``. Values do not depend on
    ``--lang`` except texts that are prose (reasons, figure labels). The
    top-level keys of each command are listed in its module and in README.md;
    they only ever grow.

``csv``
    One table with a header row of ``snake_case`` column names, the same names
    as the columns of :mod:`bosetting.frames` (and the fields of
    ``datapackage.json``), so a file reads back into the frame it came from.
    Codes stay text (``0301``, never ``301``); an unknown value is an empty
    cell; flags are ``true``/``false``; shares are decimals in [0, 1]. Written
    by the library's one CSV writer, :func:`bosetting.data.csv_bytes`: UTF-8
    without a byte-order mark, every cell quoted, CRLF line ends (RFC 4180), a
    text cell a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``,
    a tab, a carriage return, or their full-width forms) with a ``'`` in front,
    numbers as they are. The practice files are written the same way.

``--excel``
    The CSV for a spreadsheet set up for the active language, with a byte-order
    mark so æøå arrive whole. Excel set up for Norway splits columns at ``;``
    and reads ``0,686`` as a number (``0.686`` as text), so in bokmål (a
    language whose decimal sign is a comma) the cells are separated by ``;``
    and decimals written with a comma; in English, ``,`` and ``.``. Everything
    else is as for ``csv``. (Excel itself drops the leading zero of a code such
    as ``0301`` when it opens a CSV file; import the file through *Data → From
    Text/CSV* and mark the column as text to keep it.)

Other formats (``cite``'s ``bibtex`` and ``cff``) are passed to :func:`emit` by
name. Machine formats are written to standard output as UTF-8 bytes whatever
the terminal's encoding.

Examples:
    >>> from bosetting.data import csv_text
    >>> t = Table(("code", "name"), (("0301", "Oslo"), ("4602", "@Kinn")))
    >>> csv_text(t.columns, t.rows).splitlines()
    ['"code","name"', '"0301","Oslo"', '"4602","\'@Kinn"']
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from bosetting.data import csv_bytes
from bosetting.errors import UsageError
from bosetting.i18n import N_, _

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FORMATS", "Table", "add_format_options", "emit", "json_text"]

#: The formats every result command offers.
FORMATS: tuple[str, ...] = ("text", "csv", "json")


@attrs.frozen
class Table:
    """A table for CSV: column names and rows of plain values (text, numbers, flags, ``None``)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]

    @classmethod
    def from_frame(cls, frame: pd.DataFrame) -> Table:
        """The frame's columns and rows; missing values become ``None``."""
        import pandas as pd

        columns = tuple(str(c) for c in frame.columns)
        rows = []
        for values in frame.astype(object).itertuples(index=False, name=None):
            rows.append(tuple(None if _missing(v, pd) else _plain(v) for v in values))
        return cls(columns, tuple(rows))

    @classmethod
    def from_records(cls, columns: Sequence[str], records: Iterable[Mapping[str, Any]]) -> Table:
        """Rows from mappings, in the order of ``columns`` (a missing key is ``None``)."""
        return cls(tuple(columns), tuple(tuple(r.get(c) for c in columns) for r in records))


def _missing(value: Any, pd: Any) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _plain(value: Any) -> Any:
    """A pandas or numpy scalar as the Python value it stands for."""
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if hasattr(value, "item"):
        return value.item()
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    return str(value)


def json_text(data: Any) -> str:
    """``data`` as indented UTF-8 JSON with a final newline (``NaN`` is written as ``null``)."""
    return json.dumps(_no_nan(data), ensure_ascii=False, indent=2, default=_json_default) + "\n"


def _no_nan(data: Any) -> Any:
    if isinstance(data, float) and math.isnan(data):
        return None
    if isinstance(data, Mapping):
        return {str(k): _no_nan(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [_no_nan(v) for v in data]
    return data


def add_format_options(parser: Any, formats: Sequence[str] = FORMATS) -> None:
    """Add ``--format`` (the first of ``formats`` is the default) and, with ``csv``, ``--excel``."""
    parser.add_argument(
        "--format",
        choices=list(formats),
        default=formats[0],
        help=_(
            "how to write the result: {formats} (default {default})",
            formats=", ".join(formats),
            default=formats[0],
        ),
    )
    if "csv" in formats:
        parser.add_argument(
            "--excel",
            action="store_true",
            help=_(
                "with --format csv: a file for Excel in the chosen language (a byte-order "
                "mark; in bokmål semicolons between cells and decimal commas)"
            ),
        )


def _write(data: str | bytes) -> None:
    """Write to standard output as UTF-8 bytes, whatever the terminal's encoding."""
    sys.stdout.flush()
    raw = data if isinstance(data, bytes) else data.encode("utf-8")
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(raw.decode("utf-8"))
    else:
        buffer.write(raw)
        buffer.flush()


def emit(
    args: argparse.Namespace,
    *,
    text: Callable[[], str],
    csv: Callable[[], Table] | None = None,
    json: Callable[[], Any] | None = None,
    **others: Callable[[], str],
) -> int:
    """Write the result in the format ``args.format`` asks for; return the exit status (0).

    Raises:
        UsageError: For ``--excel`` without ``--format csv``.
    """
    fmt = getattr(args, "format", "text")
    if getattr(args, "excel", False) and fmt != "csv":
        raise UsageError(N_("--excel goes with --format csv"))
    if fmt == "csv" and csv is not None:
        table = csv()
        _write(csv_bytes(table.columns, table.rows, excel=bool(getattr(args, "excel", False))))
    elif fmt == "json" and json is not None:
        _write(json_text(json()))
    elif fmt in others:
        produced = others[fmt]()
        _write(produced if produced.endswith("\n") else produced + "\n")
    elif fmt == "text":
        print(text())
    else:
        raise UsageError(N_("this command does not write {format}"), format=fmt)
    return 0
