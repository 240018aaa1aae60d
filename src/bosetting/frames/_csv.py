"""Reading our own CSV exports back: one dtype per column name, from the tables and the frames."""

from __future__ import annotations

import functools
import os
from typing import Any

import pandas as pd

from bosetting.data import FORMULA_PREFIXES, descriptor, read_csv_text
from bosetting.errors import DataError
from bosetting.frames._types import edition_order, field_dtype
from bosetting.i18n import N_
from bosetting.model import ChangeKind, checked

__all__ = ["dtypes", "read_csv"]


#: The columns a frame here (or a result's ``to_frame()``) has that no table declares.
_DERIVED: dict[str, Any] = {
    "county": "string",
    "formal": "boolean",
    "current_code": "string",
    "current_name": "string",
    "current_county": "string",
    "changed_year": "Int64",
    "changed_kind": pd.CategoricalDtype([k.value for k in ChangeKind]),
    "award_year": "Int64",
    "rank": "Int64",
    "votes": "Int64",
    "share": "Float64",
    "settled_share": "Float64",
    "intro_share": "Float64",
    "winner": "boolean",
    "finalist": "boolean",
    "public_share": "Float64",
    "public_score": "Float64",
    "jury_score": "Float64",
    "combined": "Float64",
    "relation": "string",
}


@checked
def dtypes() -> dict[str, Any]:
    """The dtype of every column name the frames use: the map :func:`read_csv` reads with.

    From every table's fields in ``datapackage.json``, then the columns the
    frames and the results' ``to_frame()`` add. A name two tables type
    differently is ``string`` (text keeps whatever it holds).

    Examples:
        >>> d = dtypes()
        >>> str(d["code"]), str(d["year"]), str(d["share"]), str(d["award_year"])
        ('string', 'Int64', 'Float64', 'Int64')
    """
    return dict(_dtypes())


def _field_dtype(field: dict[str, Any]) -> Any:
    return "datetime64[ns]" if field.get("type") == "date" else field_dtype(field)


@functools.cache
def _table_dtypes() -> tuple[tuple[str, dict[str, Any]], ...]:
    """Each table's columns and dtypes, as its frame names them (``county_name`` is ``county``)."""
    out = []
    for res in descriptor()["resources"]:
        fields = {
            ("county" if f["name"] == "county_name" else f["name"]): _field_dtype(f)
            for f in res["schema"]["fields"]
        }
        out.append((res["name"], fields))
    return tuple(out)


@functools.cache
def _dtypes() -> dict[str, Any]:
    found: dict[str, Any] = {}
    for _, fields in _table_dtypes():
        for name, kind in fields.items():
            found[name] = "string" if name in found and found[name] != kind else kind
    found.update(_DERIVED)
    return found


def _dtypes_for(header: list[str]) -> dict[str, Any]:
    """The dtypes for a file's header: the table sharing most of its columns first, then the map.

    A name two tables type differently (``kind``) takes the type of the table the file is from.
    """
    best: dict[str, Any] = {}
    overlap = 0
    for _, fields in _table_dtypes():
        shared = len(set(header) & set(fields))
        if shared > overlap:
            best, overlap = fields, shared
    return {**_dtypes(), **best}


def _unneutralised(value: str) -> str:
    """A text cell as it was before the CSV writer put ``'`` in front of a formula sign."""
    if value.startswith("'") and value[1:].startswith(FORMULA_PREFIXES):
        return value[1:]
    return value


def _bad_cell(file: str, row: int, field: str, value: str, dtype: Any) -> DataError:
    if isinstance(dtype, pd.CategoricalDtype):
        return DataError(
            N_("the column holds one of {values}"),
            values=", ".join(str(c) for c in dtype.categories),
            file=file,
            row=row,
            field=field,
            value=value,
        )
    words = {
        "Int64": N_("the column holds whole numbers"),
        "Float64": N_("the column holds numbers"),
        "boolean": N_("the column holds true or false"),
    }.get(str(dtype), N_("the column holds dates such as 2020-01-01"))
    return DataError(words, file=file, row=row, field=field, value=value)


def _column(text: pd.Series, dtype: Any, decimal: str, file: str, field: str) -> pd.Series:
    """One column's text (``<NA>`` for an empty cell) as the frames' dtype.

    Raises:
        DataError: For the first cell that is not a value of that dtype.
    """
    if str(dtype) in ("Int64", "Float64"):
        cleaned = text.str.replace("\u00a0", "", regex=False)
        if decimal == ",":
            cleaned = cleaned.str.replace(",", ".", regex=False)
        numbers = pd.to_numeric(cleaned, errors="coerce")
        bad = numbers.isna() & text.notna()
        if str(dtype) == "Int64":
            bad |= numbers.notna() & (numbers % 1 != 0)
        if bad.any():
            at = int(bad.to_numpy().nonzero()[0][0])
            raise _bad_cell(file, at + 1, field, str(text.iloc[at]), dtype)
        return numbers.astype(dtype)
    if str(dtype) == "boolean":
        flags = text.str.casefold().map({"true": True, "false": False}, na_action="ignore")
        bad = flags.isna() & text.notna()
        if bad.any():
            at = int(bad.to_numpy().nonzero()[0][0])
            raise _bad_cell(file, at + 1, field, str(text.iloc[at]), dtype)
        return flags.astype("boolean")
    if str(dtype).startswith("datetime64"):
        dates = pd.to_datetime(text, errors="coerce", format="ISO8601")
        bad = dates.isna() & text.notna()
        if bad.any():
            at = int(bad.to_numpy().nonzero()[0][0])
            raise _bad_cell(file, at + 1, field, str(text.iloc[at]), dtype)
        return dates.astype(dtype)
    if isinstance(dtype, pd.CategoricalDtype):
        bad = ~text.isin(list(dtype.categories)) & text.notna()
        if bad.any():
            at = int(bad.to_numpy().nonzero()[0][0])
            raise _bad_cell(file, at + 1, field, str(text.iloc[at]), dtype)
        return text.astype("object").astype(dtype)
    return text.map(_unneutralised, na_action="ignore").astype("string")


@checked
def read_csv(path: str | os.PathLike[str]) -> pd.DataFrame:
    """Read a CSV file written from a frame back with the frame's dtypes (codes as text).

    Reads what ``DataFrame.to_csv(index=False)`` writes and what the command's
    ``--format csv`` writes (quoted cells, a ``'`` before a formula sign, ``;``
    with decimal commas), through the library's one reader of files people
    give it (:func:`bosetting.data.read_csv_text`). Each column takes its dtype
    from the table whose columns the file shares most (``kind`` is typed as in
    that table), else from :func:`dtypes` by name; a column not named there
    stays text (``string``). An empty cell is ``<NA>``. ``edition`` is ordered by
    time, as in the frames.

    Args:
        path: The CSV file.

    Raises:
        DataError: For a file that cannot be read as CSV, a row of the wrong
            length, or a cell that is not a value of its column's dtype (naming
            file, row, column and value).

    Examples:
        >>> import tempfile, os
        >>> from bosetting.frames import municipalities
        >>> df = municipalities(2019)
        >>> with tempfile.TemporaryDirectory() as d:
        ...     df.to_csv(os.path.join(d, "k.csv"), index=False)
        ...     back = read_csv(os.path.join(d, "k.csv"))
        >>> back["code"].iloc[0], str(back["valid_to"].dtype), back.equals(df)
        ('0101', 'Int64', True)
    """
    text = read_csv_text(path)
    width = len(text.header)
    for i, row in enumerate(text.rows, start=1):
        if len(row) != width:
            raise DataError(
                N_("the row has {fields} fields but the header {columns}"),
                fields=len(row),
                columns=width,
                file=text.file,
                row=i,
                value=text.delimiter.join(row),
            )
    decimal = "," if text.delimiter == ";" else "."
    known = _dtypes_for(list(text.header))
    columns: dict[str, pd.Series] = {}
    for j, name in enumerate(text.header):
        cells = pd.Series([row[j] if row[j] != "" else None for row in text.rows], dtype="string")
        columns[name] = _column(cells, known.get(name, "string"), decimal, text.file, name)
    df = pd.DataFrame(columns, index=pd.RangeIndex(len(text.rows)))
    if "edition" in df.columns:
        df = edition_order(df)
    return df
