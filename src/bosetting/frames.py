"""pandas views of the shipped tables, with declared dtypes.

Every frame's dtypes come from the field types in ``datapackage.json``: codes
and other text as ``string`` (so ``"0301"`` keeps its zero), counts and years as
nullable ``Int64``, shares as ``Float64``, flags as ``boolean``, dates as
``datetime64``, and fields with a fixed list of values as (ordered) categories.
The result is the same on pandas 2.2 and 3.x.

Examples:
    >>> df = municipalities()
    >>> df.loc[df["code"] == "0301", "name"].tolist()
    ['Oslo']
    >>> str(df["valid_to"].dtype)
    'Int64'
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from bosetting.data import read_rows, resource

__all__ = ["municipalities", "municipality_changes", "sources", "table"]

_DTYPES = {
    "string": "string",
    "integer": "Int64",
    "year": "Int64",
    "number": "Float64",
    "boolean": "boolean",
}


def _dtype(field: dict[str, Any]) -> Any:
    rules = field.get("constraints", {})
    categories = field.get("categories") or rules.get("enum")
    if categories is not None and field.get("type", "string") == "string":
        return pd.CategoricalDtype(list(categories), ordered=bool(field.get("categoriesOrdered")))
    return _DTYPES.get(field.get("type", "string"), "object")


def table(name: str) -> pd.DataFrame:
    """One shipped table as a DataFrame with the dtypes its schema declares.

    The rows are the ones :func:`bosetting.data.read_rows` has already checked.

    Args:
        name: The table's name in ``datapackage.json``.
    """
    fields = resource(name)["schema"]["fields"]
    rows = read_rows(name)
    columns: dict[str, Any] = {}
    for field in fields:
        values = [row[field["name"]] for row in rows]
        if field.get("type") == "date":
            columns[field["name"]] = pd.to_datetime(pd.Series(values, dtype="object"))
        else:
            columns[field["name"]] = pd.Series(values, dtype=_dtype(field))
    return pd.DataFrame(columns)


def municipalities() -> pd.DataFrame:
    """The municipality register 2008-2025, one row per run of code and name."""
    return table("municipalities")


def municipality_changes() -> pd.DataFrame:
    """SSB's change list 2008-2024 (date, old and new code and name, kind)."""
    return table("municipality_changes")


def sources() -> pd.DataFrame:
    """Every source the tables cite."""
    return table("sources")
