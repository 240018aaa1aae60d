"""The parts the per-user cache holds, laid over the rows of a table in the data package.

A refreshed source (:mod:`bosetting.data._cache`) holds *table parts*: files in
the layout of a table of the data package in use (``datasets/``, or the copy
``$BOSETTING_DATASETS`` names). :func:`lay_parts` reads each part, after checking
its SHA-256 against the source's manifest, through the same parser and schema
as the table's own file (:func:`bosetting.data._columns.parse_file`), and lays
it over the rows read so far: a part whose ``replaces`` is empty stands for the
whole table; otherwise each of its rows replaces the rows with the same values
in the ``replaces`` columns, and the rows it does not replace stay. Every row
keeps where it came from, ``(file, row)``, so an error names the cached file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bosetting.data._cache import CachedSource, CachedTable, sha256_hex
from bosetting.data._columns import parse_file
from bosetting.data._userfiles import escape_controls, os_reason
from bosetting.errors import DataError
from bosetting.i18n import N_

__all__ = ["lay_parts"]

#: A row and where it came from: (file as messages name it, data row).
_Origin = tuple[str, int]


def _part_bytes(source: CachedSource, part: CachedTable) -> tuple[bytes, str]:
    """The bytes of a cached table part and the path errors name, after checking its hash."""
    file = source.folder / part.file
    shown = escape_controls(str(file))
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise DataError(
            N_(
                "the cache of refreshed figures is damaged ({reason}); run 'bosetting "
                "update' again, or delete the file (--offline uses the shipped figures "
                "meanwhile)"
            ),
            reason=os_reason(exc),
            file=shown,
        ) from None
    if sha256_hex(raw) != part.sha256:
        raise DataError(
            N_(
                "the file no longer matches the SHA-256 its manifest records; run "
                "'bosetting update' again (--offline uses the shipped figures meanwhile)"
            ),
            file=shown,
        )
    return raw, shown


def lay_parts(
    schema: Mapping[str, Any],
    rows: list[dict[str, Any]],
    origins: list[_Origin],
    parts: Sequence[tuple[CachedSource, CachedTable]],
) -> tuple[list[dict[str, Any]], list[_Origin]]:
    """``rows`` (from ``origins``) with each cached part laid over them, in order.

    Raises:
        DataError: When a part is damaged, or a cell of it does not fit the schema
            (naming the cached file, the row, the field and the value).
    """
    for source, part in parts:
        raw, shown = _part_bytes(source, part)
        laid = parse_file(schema, raw, shown, cached=True)
        laid_origins = [(shown, number) for number in range(1, len(laid) + 1)]
        if part.replaces:
            replaced = {tuple(r[k] for k in part.replaces) for r in laid}
            kept = [
                (r, o)
                for r, o in zip(rows, origins, strict=True)
                if tuple(r[k] for k in part.replaces) not in replaced
            ]
            rows = [r for r, _ in kept] + laid
            origins = [o for _, o in kept] + laid_origins
        else:
            rows, origins = laid, laid_origins
    return rows, origins
