"""The sources every shipped row cites (``sources.csv``).

Examples:
    >>> s = source("ssb-klass-131")
    >>> s.publisher
    'Statistisk sentralbyrå'
    >>> resolve(["ssb-klass-131"], file="x.csv", row=1)[0] is s
    True
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping

from bosetting.data import numbered_rows
from bosetting.errors import DataError
from bosetting.model import PartialDate, Source

__all__ = ["resolve", "source", "sources"]


@functools.cache
def sources() -> Mapping[str, Source]:
    """Every source, by id, in file order."""
    out: dict[str, Source] = {}
    for _number, row, located in numbered_rows("sources"):
        with located:
            out[row["source_id"]] = Source(
                id=row["source_id"],
                publisher=row["publisher"],
                title=row["title"],
                url=row["url"],
                date=PartialDate.parse(row["published"]),
                language=row["language"],
                kind=row["kind"],
                note=row["note"],
            )
    return out


def source(source_id: str) -> Source:
    """One source by its id.

    Raises:
        DataError: When no source has that id.
    """
    try:
        return sources()[source_id]
    except KeyError:
        raise DataError(
            "no source has this id", file="sources.csv", field="source_id", value=source_id
        ) from None


def resolve(
    ids: Iterable[str], *, file: str, row: int, field: str = "source_ids"
) -> tuple[Source, ...]:
    """Turn cited source ids into :class:`Source` objects.

    Args:
        ids: The ids a row cites.
        file: The table the row is in (for the error message).
        row: The row's number (for the error message).
        field: The column holding the ids.

    Raises:
        DataError: When the row cites no source, or an id that ``sources.csv`` lacks.
    """
    known = sources()
    wanted = tuple(ids)
    if not wanted:
        raise DataError(
            "every row must cite at least one source", file=file, row=row, field=field, value=""
        )
    for sid in wanted:
        if sid not in known:
            raise DataError(
                "cites a source id that sources.csv does not have",
                file=file,
                row=row,
                field=field,
                value=sid,
            )
    return tuple(known[sid] for sid in wanted)
