"""The frames' dtypes from ``datapackage.json``, and the order of editions (shared by the views and the CSV reader)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from bosetting.history import editions as _editions

__all__ = ["edition_order", "field_dtype"]

_DTYPES = {
    "string": "string",
    "integer": "Int64",
    "year": "Int64",
    "number": "Float64",
    "boolean": "boolean",
}


def field_dtype(field: dict[str, Any]) -> Any:
    """The dtype a field of ``datapackage.json`` has in a frame."""
    rules = field.get("constraints", {})
    categories = field.get("categories") or rules.get("enum")
    if categories is not None and field.get("type", "string") == "string":
        return pd.CategoricalDtype(list(categories), ordered=bool(field.get("categoriesOrdered")))
    return _DTYPES.get(field.get("type", "string"), "object")


def edition_order(df: pd.DataFrame) -> pd.DataFrame:
    """Make the ``edition`` column an ordered categorical in edition order."""
    labels = [e.label for e in _editions()]
    df["edition"] = pd.Series(df["edition"], dtype=pd.CategoricalDtype(labels, ordered=True))
    return df
