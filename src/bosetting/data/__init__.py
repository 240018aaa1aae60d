"""Floor 0 of the data: the shipped tables, their sources, rows as records, and user files.

The rooms: ``_tables`` (read a table against ``datapackage.json``; :func:`verify`
checks the SHA-256 hashes), ``_records`` (the one row-to-record converter, and
``sources.csv``) and ``_usertext`` (files people make and read: the one gate for
a file a user names, :func:`read_user_bytes` (regular files only, a size cap, no
NUL or control characters in the name), the one decoder for CSV files such as
ballots and jury sheets, and the writers :func:`write_user_bytes` and
:func:`write_csv`: atomic, no overwrite without ``force``) and ``_csvout`` (every
CSV bosetting writes, files and the command's output alike: :func:`csv_text`,
:func:`csv_bytes`, one formula rule in :func:`neutralise_cell`, one meaning of
``excel``).
"""

from __future__ import annotations

from bosetting.data._csvout import csv_bytes, csv_text, neutralise_cell
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
from bosetting.data._userfiles import (
    FORMULA_PREFIXES,
    MAX_USER_FILE_BYTES,
    check_user_file,
    escape_controls,
    os_reason,
    read_user_bytes,
    read_user_stream,
    user_path,
)
from bosetting.data._usertext import (
    MAX_CSV_ROWS,
    CsvText,
    csv_problem,
    decode_csv_bytes,
    decode_text,
    find_column,
    read_csv_text,
)
from bosetting.data._verify import HashCheck, file_hash, hash_checks, verify
from bosetting.data._writes import check_writable, write_csv, write_user_bytes

__all__ = [
    "FORMULA_PREFIXES",
    "MAX_CSV_ROWS",
    "MAX_USER_FILE_BYTES",
    "ROWS",
    "CsvText",
    "HashCheck",
    "Row",
    "check_user_file",
    "check_writable",
    "csv_bytes",
    "csv_problem",
    "csv_text",
    "dataset_root",
    "decode_csv_bytes",
    "decode_text",
    "descriptor",
    "escape_controls",
    "file_hash",
    "find_column",
    "hash_checks",
    "neutralise_cell",
    "numbered_rows",
    "os_reason",
    "read_csv_text",
    "read_rows",
    "read_user_bytes",
    "read_user_stream",
    "records",
    "resolve",
    "resource",
    "resource_names",
    "source",
    "sources",
    "split_ids",
    "table_path",
    "user_path",
    "verify",
    "write_csv",
    "write_user_bytes",
]
