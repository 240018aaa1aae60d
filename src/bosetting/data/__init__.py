"""Reading the shipped tables (checked against ``datapackage.json``) and user files.

* the shipped tables: :func:`read_rows`, :func:`numbered_rows`, :func:`verify` (SHA-256 hashes);
* a file a user names: :func:`read_user_bytes` (the one gate: regular files only,
  size cap, no NUL or control characters in the name), :func:`read_csv_text`;
* files bosetting writes: :func:`write_user_bytes` and :func:`write_csv` (atomic,
  no overwrite without ``force``, formula-like cells neutralised).
"""

from __future__ import annotations

from bosetting.data._tables import (
    HashCheck,
    Row,
    dataset_root,
    descriptor,
    file_hash,
    hash_checks,
    numbered_rows,
    read_rows,
    resource,
    resource_names,
    split_ids,
    table_path,
    verify,
)
from bosetting.data._usertext import (
    FORMULA_PREFIXES,
    MAX_CSV_ROWS,
    MAX_USER_FILE_BYTES,
    CsvText,
    check_writable,
    csv_bytes,
    decode_csv_bytes,
    decode_text,
    escape_controls,
    find_column,
    neutralise_cell,
    read_csv_text,
    read_user_bytes,
    read_user_stream,
    user_path,
    write_csv,
    write_user_bytes,
)

__all__ = [
    "FORMULA_PREFIXES",
    "MAX_CSV_ROWS",
    "MAX_USER_FILE_BYTES",
    "CsvText",
    "HashCheck",
    "Row",
    "check_writable",
    "csv_bytes",
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
    "read_csv_text",
    "read_rows",
    "read_user_bytes",
    "read_user_stream",
    "resource",
    "resource_names",
    "split_ids",
    "table_path",
    "user_path",
    "verify",
    "write_csv",
    "write_user_bytes",
]
