"""Floor 0 of the data: the shipped tables, their sources, rows as records, and user CSV text.

The rooms: ``_tables`` (read a table against ``datapackage.json``), ``_records``
(the one row-to-record converter, and ``sources.csv``), ``_usertext`` (the one
decoder for CSV files people make: ballots, jury sheets).
"""

from __future__ import annotations

from bosetting.data._records import ROWS, records, resolve, source, sources
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
    "ROWS",
    "CsvText",
    "Row",
    "dataset_root",
    "decode_csv_bytes",
    "descriptor",
    "find_column",
    "numbered_rows",
    "read_csv_text",
    "read_rows",
    "records",
    "resolve",
    "resource",
    "resource_names",
    "source",
    "sources",
    "split_ids",
    "table_path",
]
