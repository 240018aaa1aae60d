"""The one row-to-record path: a shipped table's rows become model objects; the sources.

Each column is structured into its attrs field's type by one cattrs converter
(:data:`ROWS`): enums from their values, :class:`~bosetting.model.PartialDate`
from text, ``;``-joined lists into tuples, and the ``;``-joined ``source_ids``
resolved to :class:`~bosetting.model.Source` objects. A field takes the column
of the same name unless ``rename`` says otherwise; values that need other
records (a municipality looked up in the register, say) come from ``derive``.
Everything runs inside :func:`~bosetting.data.numbered_rows`' locating context,
so an error names the file, the row, the column and the value.

Examples:
    >>> from bosetting.model import Source
    >>> s = next(r for _, r in records("sources", Source, rename={"id": "source_id", "date": "published"}))
    >>> s.id, s.publisher
    ('ssb-klass-131', 'Statistisk sentralbyrå')
    >>> resolve(["ssb-klass-131"])[0] is source("ssb-klass-131")
    True
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, TypeVar

import attrs
import cattrs

from bosetting.data._tables import Row, numbered_rows, split_ids
from bosetting.errors import BosettingError, DataError
from bosetting.i18n import N_
from bosetting.model import PartialDate, Source

__all__ = ["ROWS", "records", "resolve", "source", "sources"]

T = TypeVar("T")

_SOURCES = tuple[Source, ...]


def _make() -> cattrs.Converter:
    conv = cattrs.Converter(detailed_validation=False)
    conv.register_structure_hook(PartialDate, lambda text, _: PartialDate.parse(text))
    conv.register_structure_hook_func(
        lambda kind: kind == _SOURCES, lambda text, _: resolve(split_ids(text))
    )
    conv.register_structure_hook_func(
        lambda kind: kind == tuple[str, ...], lambda text, _: split_ids(text)
    )
    # Cells are already typed by the table reader (datapackage.json); keep them as they are.
    for kind in (str, int, float, bool):
        conv.register_structure_hook(kind, _exactly(kind))
    return conv


def _exactly(kind: type) -> Callable[[Any, Any], Any]:
    def check(value: Any, _: Any) -> Any:
        if isinstance(value, bool) and kind is not bool:
            raise TypeError(f"expected {kind.__name__}")
        if kind is float and isinstance(value, int):
            return float(value)
        if not isinstance(value, kind):
            raise TypeError(f"expected {kind.__name__}")
        return value

    return check


#: The converter from table cells to model field types.
ROWS: cattrs.Converter = _make()


@functools.cache
def _fields(cls: Any) -> tuple[tuple[str, Any], ...]:
    hints = typing.get_type_hints(cls)
    return tuple((a.name, hints[a.name]) for a in attrs.fields(cls) if a.init)


def _structure(value: Any, kind: Any, column: str) -> Any:
    try:
        return ROWS.structure(value, kind)
    except BosettingError as exc:
        if exc.field is None:  # keep the template, so the message follows the language
            exc = DataError(exc.message_id, field=column, value=value, **exc.params)
        raise exc from None
    except (ValueError, TypeError, cattrs.BaseValidationError) as exc:
        # The shipped table's type does not fit the model's field (a bug in bosetting's
        # data or code, not the user's); the converter's own English words are the detail.
        raise DataError(
            N_("cannot be read as {kind}: {reason}"),
            kind=getattr(kind, "__name__", str(kind)),
            reason=str(exc),
            field=column,
            value=value,
        ) from None


def records(
    table: str,
    cls: type[T],
    *,
    rename: Mapping[str, str] | None = None,
    derive: Callable[[Row], Mapping[str, Any]] | None = None,
    where: Callable[[Row], bool] | None = None,
) -> Iterator[tuple[Row, T]]:
    """Each row of a shipped table with the record built from it, in file order.

    Args:
        table: The table's name in ``datapackage.json``.
        cls: The attrs class to build.
        rename: Field name to column name, where they differ (``sources`` reads
            ``source_ids`` unless renamed).
        derive: Values for fields that are not plain columns, computed from the row.
        where: Which rows to build (all when ``None``); the others are passed over.

    Yields:
        ``(row, record)``. A row's ``source_ids`` are checked even when ``cls``
        has no ``sources`` field, so every row cites sources that exist.

    Raises:
        DataError: naming file, row, column and value.
        ValidationError: from the class's own validators, with file and row.
    """
    names = dict(rename or {})
    names.setdefault("sources", "source_ids")
    fields = _fields(typing.cast(Any, cls))
    defaults = {
        a.name for a in attrs.fields(typing.cast(Any, cls)) if a.default is not attrs.NOTHING
    }
    has_sources = any(name == "sources" for name, _ in fields)
    for _number, row, located in numbered_rows(table):
        if where is not None and not where(row):
            continue
        with located:
            given = dict(derive(row)) if derive else {}
            values: dict[str, Any] = {}
            for name, kind in fields:
                if name in given:
                    values[name] = given[name]
                    continue
                column = names.get(name, name)
                if column not in row:
                    continue
                raw = row[column]
                if raw is None and name in defaults:
                    continue  # an empty cell takes the field's default (None, (), ...)
                optional = raw is None and type(None) in typing.get_args(kind)
                values[name] = None if optional else _structure(raw, kind, column)
            if not has_sources and "source_ids" in row:
                _structure(row["source_ids"], _SOURCES, "source_ids")
            record = cls(**values)
        yield row, record


@functools.cache
def sources() -> Mapping[str, Source]:
    """Every source, by id, in file order."""
    pairs = records("sources", Source, rename={"id": "source_id", "date": "published"})
    return {s.id: s for _, s in pairs}


def source(source_id: str) -> Source:
    """One source by its id.

    Raises:
        DataError: When no source has that id.
    """
    try:
        return sources()[source_id]
    except KeyError:
        raise DataError(
            N_("no source has this id"), file="sources.csv", field="source_id", value=source_id
        ) from None


def resolve(
    ids: Iterable[str],
    *,
    file: str | None = None,
    row: int | None = None,
    field: str = "source_ids",
) -> tuple[Source, ...]:
    """Turn cited source ids into :class:`Source` objects.

    Args:
        ids: The ids a row cites.
        file: The table the row is in (for the error message; filled in by the
            locating context of :func:`~bosetting.data.numbered_rows` when ``None``).
        row: The row's number (likewise).
        field: The column holding the ids.

    Raises:
        DataError: When the row cites no source, or an id that ``sources.csv`` lacks.
    """
    known = sources()
    wanted = tuple(ids)
    if not wanted:
        raise DataError(
            N_("every row must cite at least one source"),
            file=file,
            row=row,
            field=field,
            value="",
        )
    for sid in wanted:
        if sid not in known:
            raise DataError(
                N_("cites a source id that sources.csv does not have"),
                file=file,
                row=row,
                field=field,
                value=sid,
            )
    return tuple(known[sid] for sid in wanted)
