"""Reading the shipped tables (checked against ``datapackage.json``) and user CSV text."""

from __future__ import annotations

from bosetting.data._tables import (
    Row,
    dataset_root,
    descriptor,
    numbered_rows,
    read_rows,
    resource,
    resource_names,
    split_ids,
    table_path,
)
from bosetting.data._usertext import (
    CsvText,
    decode_csv_bytes,
    find_column,
    read_csv_text,
)

__all__ = [
    "CsvText",
    "Row",
    "dataset_root",
    "decode_csv_bytes",
    "descriptor",
    "find_column",
    "numbered_rows",
    "read_csv_text",
    "read_rows",
    "resource",
    "resource_names",
    "split_ids",
    "table_path",
]
