"""Floor 0 of the data: the shipped tables, their sources, rows as records, and user files.

The rooms: ``_tables`` (read a table against ``datapackage.json``, column by
column with ``_columns``; :func:`verify` checks the SHA-256 hashes), ``_records``
(the one row-to-record converter, :class:`LazyRecords`, and ``sources.csv``),
``_texts`` (a bokmål text column and its translations as one
:class:`~bosetting.model.Text`) and ``_usertext`` (files people make and read: the one gate for
a file a user names, :func:`read_user_bytes` (regular files only, a size cap, no
NUL or control characters in the name), the one decoder for CSV files such as
ballots and jury sheets, and the writers :func:`write_user_bytes` and
:func:`write_csv`: atomic, no overwrite without ``force``) and ``_csvout`` (every
CSV bosetting writes, files and the command's output alike: :func:`csv_text`,
:func:`csv_bytes`, one formula rule in :func:`neutralise_cell`, one meaning of
``excel``). The per-user cache of refreshed figures is ``_cache`` (where it is,
what it holds, storing a source whole) and ``_view`` (which figures are in use:
the shipped tables, or the refreshed parts laid over them; :func:`using`,
:func:`set_source`, :func:`current_view`).
"""

from __future__ import annotations

from bosetting.data._cache import (
    CACHE_ENV_VAR,
    CachedFile,
    CachedSource,
    CachedTable,
    Staged,
    cache_dir,
    cached_sources,
    commit_source,
    discard_source,
    sha256_hex,
    stage_source,
)
from bosetting.data._csvout import csv_bytes, csv_text, neutralise_cell
from bosetting.data._prepared import prepared_objects
from bosetting.data._records import (
    LazyRecords,
    records,
    resolve,
    row_converter,
    source,
    sources,
    structure,
)
from bosetting.data._tables import (
    DATASETS_ENV,
    Row,
    dataset_root,
    descriptor,
    numbered_rows,
    read_rows,
    resource,
    resource_names,
    shipped_rows,
    split_ids,
    table_label,
    table_path,
    table_years,
    translations,
)
from bosetting.data._texts import row_text
from bosetting.data._userfiles import (
    FORMULA_PREFIXES,
    MAX_USER_FILE_BYTES,
    changed_error,
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
    csv_layout_error,
    csv_problem,
    decode_csv_bytes,
    decode_text,
    find_column,
    read_csv_text,
)
from bosetting.data._verify import (
    MANIFEST,
    FileCheck,
    HashCheck,
    file_hash,
    hash_checks,
    manifest_checks,
    manifest_text,
    verify,
)
from bosetting.data._view import (
    SHIPPED,
    SOURCES,
    View,
    current_view,
    forget_cache,
    normalise_source,
    pinned,
    set_source,
    using,
)
from bosetting.data._writes import (
    EXISTS,
    check_writable,
    write_csv,
    write_user_bytes,
    write_user_files,
)
from bosetting.data._xlsxout import xlsx_bytes

__all__ = [
    "CACHE_ENV_VAR",
    "DATASETS_ENV",
    "EXISTS",
    "FORMULA_PREFIXES",
    "MANIFEST",
    "MAX_CSV_ROWS",
    "MAX_USER_FILE_BYTES",
    "SHIPPED",
    "SOURCES",
    "CachedFile",
    "CachedSource",
    "CachedTable",
    "CsvText",
    "FileCheck",
    "HashCheck",
    "LazyRecords",
    "Row",
    "Staged",
    "View",
    "cache_dir",
    "cached_sources",
    "changed_error",
    "check_user_file",
    "check_writable",
    "commit_source",
    "csv_bytes",
    "csv_layout_error",
    "csv_problem",
    "csv_text",
    "current_view",
    "dataset_root",
    "decode_csv_bytes",
    "decode_text",
    "descriptor",
    "discard_source",
    "escape_controls",
    "file_hash",
    "find_column",
    "forget_cache",
    "hash_checks",
    "manifest_checks",
    "manifest_text",
    "neutralise_cell",
    "normalise_source",
    "numbered_rows",
    "os_reason",
    "pinned",
    "prepared_objects",
    "read_csv_text",
    "read_rows",
    "read_user_bytes",
    "read_user_stream",
    "records",
    "resolve",
    "resource",
    "resource_names",
    "row_converter",
    "row_text",
    "set_source",
    "sha256_hex",
    "shipped_rows",
    "source",
    "sources",
    "split_ids",
    "stage_source",
    "structure",
    "table_label",
    "table_path",
    "table_years",
    "translations",
    "user_path",
    "using",
    "verify",
    "write_csv",
    "write_user_bytes",
    "write_user_files",
    "xlsx_bytes",
]
