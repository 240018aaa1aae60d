"""The one row-to-record path: a shipped table's rows become model objects; the sources.

One cattrs converter turns rows into records (:func:`row_converter`): the
model's own converter (:func:`bosetting.model.make_converter`, so dates, enums
and the decision rules' tagged union are defined once) with the hooks cells
need: ``;``-joined lists into tuples, the ``;``-joined ``source_ids`` resolved
to :class:`~bosetting.model.Source` objects, and a decision rule read from its
``decision_rule`` column. For each table and class, :func:`records` builds
one structuring function with cattrs' ``make_dict_structure_fn``: a field takes
the column of the same name unless ``rename`` (a cattrs ``override(rename=...)``)
says otherwise, an empty cell gives the field its default, and values that need
other records (a municipality looked up in the register, say) come from
``derive``. A :class:`~bosetting.model.Text` field takes its bokmål column
and the translations ``datapackage.json`` declares beside it (``note`` and
``note_en``); a ``tuple[Text, ...]`` field (an initiative's partners) pairs the
``;``-joined parts of both. A cell's type (from ``datapackage.json``) must be the field's
type exactly: the reader has typed and checked every cell, and the converter
neither coerces nor guesses. Everything runs inside
:func:`~bosetting.data.numbered_rows`' locating context, so an error names the
file, the row, the column and the value.

Examples:
    >>> from bosetting.model import Source, Text
    >>> s = next(r for _, r in records("sources", Source, rename={"id": "source_id", "date": "published"}))
    >>> s.id, s.publisher
    ('ssb-klass-131', 'Statistisk sentralbyrå')
    >>> resolve(["ssb-klass-131"])[0] is source("ssb-klass-131")
    True
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs

from bosetting.data._tables import Row, numbered_rows, read_rows, split_ids, translations
from bosetting.data._texts import TEXTS, is_text, one_text, paired
from bosetting.data._view import View, current_view
from bosetting.errors import BosettingError, DataError
from bosetting.i18n import N_, TEXT_LANGUAGE
from bosetting.model import Source, Text, checked

if TYPE_CHECKING:
    import cattrs

__all__ = [
    "LazyRecords",
    "records",
    "resolve",
    "row_converter",
    "source",
    "sources",
    "structure",
]

T = TypeVar("T")

_SOURCES = tuple[Source, ...]
_IDS = tuple[str, ...]


@functools.cache
def row_converter() -> cattrs.Converter:
    """The converter from table cells to model field types (built once, on first use)."""
    from bosetting.model import make_converter

    conv = make_converter(rule_tag="decision_rule", forbid_extra_keys=False)
    # Cells are already typed by the table reader (datapackage.json); keep them as they are.
    for kind in (str, int, float, bool, date):
        conv.register_structure_hook(kind, _exactly(kind))
    conv.register_structure_hook_func(lambda kind: kind == _SOURCES, lambda text, _: _cited(text))
    conv.register_structure_hook_func(lambda kind: kind == _IDS, lambda text, _: split_ids(text))
    conv.register_structure_hook_func(lambda kind: kind == TEXTS, lambda cells, _: paired(cells))
    conv.register_structure_hook(Text, lambda cells, _: one_text(**cells))
    return conv


_CITED: dict[str | None, tuple[Source, ...]] = {}
_CITED_FROM: list[Mapping[str, Source]] = []


def _cited(text: str | None) -> tuple[Source, ...]:
    """The sources a ``source_ids`` cell cites (kept per text: many rows cite the same ones)."""
    known = sources()
    if not _CITED_FROM or _CITED_FROM[0] is not known:  # sources.csv was read again
        _CITED.clear()
        _CITED_FROM[:] = [known]
    found = _CITED.get(text)
    if found is None:
        found = _CITED[text] = resolve(split_ids(text))
    return found


def _exactly(kind: type) -> Callable[[Any, Any], Any]:
    """A hook that takes a cell as it is when the table reader typed it as ``kind`` (else fails)."""

    def check(value: Any, _: Any) -> Any:
        if isinstance(value, bool) and kind is not bool:
            raise TypeError(f"expected {kind.__name__}")
        if kind is float and isinstance(value, int):
            return float(value)
        if not isinstance(value, kind):
            raise TypeError(f"expected {kind.__name__}")
        return value

    return check


def _passthrough(value: Any, _: Any) -> Any:
    return value


@attrs.frozen
class _Builder:
    """How one table's rows become one class's records."""

    structure: Callable[[Mapping[str, Any]], Any]
    columns: Mapping[str, str]  # field name -> column
    keep_empty: frozenset[str]  # columns whose empty cell is passed on (no default to fall back on)
    # Text fields: the bokmål column and its translations' columns, by language.
    texts: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()

    def cells(self, row: Row) -> dict[str, Any]:
        """The row as the structuring function takes it: a text and its translations together."""
        data = {k: v for k, v in row.items() if v is not None or k in self.keep_empty}
        for column, others in self.texts:
            if row.get(column) is not None:
                data[column] = {TEXT_LANGUAGE: row[column], **{k: row[c] for k, c in others}}
        return data


@functools.cache
def _builder(
    table: str, cls: type, rename: frozenset[tuple[str, str]], derived: frozenset[str]
) -> _Builder:
    from cattrs.gen import make_dict_structure_fn, override

    conv = row_converter()
    names = dict(rename)
    names.setdefault("sources", "source_ids")
    overrides: dict[str, Any] = {}
    columns: dict[str, str] = {}
    keep_empty: set[str] = set()
    texts: list[tuple[str, tuple[tuple[str, str], ...]]] = []
    declared = translations(table)
    for a in attrs.fields(attrs.resolve_types(cls)):
        if not a.init:
            continue
        if a.name in derived:
            overrides[a.name] = override(rename=a.name, struct_hook=_passthrough)
            continue
        column = names.get(a.name, a.metadata.get("column", a.name))
        columns[a.name] = column
        if column != a.name:
            overrides[a.name] = override(rename=column)
        if a.default is attrs.NOTHING:
            keep_empty.add(column)
        if is_text(a.type):
            texts.append((column, tuple(declared.get(column, {}).items())))
    fn: Callable[[Mapping[str, Any]], Any] = make_dict_structure_fn(cls, conv, **overrides)
    return _Builder(fn, columns, frozenset(keep_empty), tuple(texts))


def _problem(exc: BaseException) -> tuple[BaseException, type | None, str | None, Any]:
    """The first underlying error of a cattrs error group, its class, attribute and type."""
    import cattrs

    cls: type | None = None
    name: str | None = None
    kind: Any = None
    while isinstance(exc, cattrs.BaseValidationError) and exc.exceptions:
        cls = getattr(exc, "cl", cls)
        inner = exc.exceptions[0]
        for note in getattr(inner, "__notes__", ()):
            if isinstance(note, cattrs.errors.AttributeValidationNote):
                name, kind = note.name, note.type
        exc = inner
    return exc, cls, name, kind


def _column_of(cls: type | None, name: str | None, columns: Mapping[str, str]) -> str | None:
    if name is None:
        return None
    if name in columns:
        return columns[name]
    if cls is not None and attrs.has(cls):
        for a in attrs.fields(cls):
            if a.name == name:
                column: str = a.metadata.get("column", name)
                return column
    return name


def _as_data_error(
    exc: BaseException,
    data: Mapping[str, Any],
    columns: Mapping[str, str],
    column: str | None = None,
) -> BosettingError:
    """A converter's error as a :class:`DataError` naming the column and the value."""
    leaf, cls, name, kind = _problem(exc)
    column = _column_of(cls, name, columns) or column
    value = data.get(column) if column is not None else None
    if isinstance(leaf, BosettingError):
        if leaf.field is None and column is not None:
            # Keep the template, so the message follows the language.
            return DataError(leaf.message_id, field=column, value=value, **leaf.params)
        return leaf
    # The shipped table's type does not fit the model's field (a bug in bosetting's
    # data or code, not the user's); the converter's own English words are the detail.
    return DataError(
        N_("cannot be read as {kind}: {reason}"),
        kind=getattr(kind, "__name__", str(kind)),
        reason=str(leaf) or type(leaf).__name__,
        field=column,
        value=value,
    )


def _structure(value: Any, kind: Any, column: str | None = None) -> Any:
    """One value (or a whole row) structured as ``kind``; errors as :class:`DataError`."""
    import cattrs

    try:
        return row_converter().structure(value, kind)
    except (BosettingError, cattrs.BaseValidationError, ValueError, TypeError, KeyError) as exc:
        data: Mapping[str, Any] = value if isinstance(value, Mapping) else {column or "": value}
        raise _as_data_error(exc, data, {}, column) from None


@checked
def structure(row: Row, kind: type[T]) -> T:
    """One value of the model made from a whole row (a decision rule from ``editions.csv``).

    Raises:
        DataError: naming the column and the value (the file and row come from the
            locating context of :func:`~bosetting.data.numbered_rows`).

    Examples:
        >>> from bosetting.model import DecisionRule
        >>> structure({"decision_rule": "top_k_then_jury", "finalists_k": 3}, DecisionRule)
        TopKThenJury(k=3)
    """
    value: T = _structure(row, kind)
    return value


@checked
def records(
    table: str,
    cls: type[T],
    *,
    rename: Mapping[str, str] | None = None,
    derive: Callable[[Row], Mapping[str, Any]] | None = None,
    where: Callable[[Row], bool] | None = None,
    numbers: Collection[int] | None = None,
) -> Iterator[tuple[Row, T]]:
    """Each row of a shipped table with the record built from it, in file order.

    Args:
        table: The table's name in ``datapackage.json``.
        cls: The attrs class to build.
        rename: Field name to column name, where they differ (``sources`` reads
            ``source_ids`` unless renamed).
        derive: Values for fields that are not plain columns, computed from the row
            (the same fields for every row).
        where: Which rows to build (all when ``None``); the others are passed over.
        numbers: Only the rows with these 1-based numbers (all when ``None``).

    Yields:
        ``(row, record)``. A row's ``source_ids`` are checked even when ``cls``
        has no ``sources`` field, so every row cites sources that exist.

    Raises:
        DataError: naming file, row, column and value.
        ValidationError: from the class's own validators, with file and row.
    """
    import cattrs

    renamed = frozenset((rename or {}).items())
    build: _Builder | None = None
    check_ids = False
    for _number, row, located in numbered_rows(table, numbers):
        if where is not None and not where(row):
            continue
        with located:
            given = derive(row) if derive else {}
            if build is None:
                build = _builder(table, typing.cast(type, cls), renamed, frozenset(given))
                check_ids = "source_ids" in row and "source_ids" not in build.columns.values()
            # An empty cell gives the field its default (None, (), ...); a field without
            # a default gets the empty value (None) to check.
            data = build.cells(row)
            data.update(given)
            try:
                record: T = build.structure(data)
            except (BosettingError, cattrs.BaseValidationError, ValueError, TypeError) as exc:
                raise _as_data_error(exc, data, build.columns) from None
            if check_ids:
                _cited(row["source_ids"])
        yield row, record


@checked
class LazyRecords(Generic[T]):
    """The records of one shipped table, each built the first time a caller selects its row.

    The table is read and checked whole (:func:`~bosetting.data.read_rows`); a
    row becomes a record, and its class's validators run, when it is first
    selected, and the record is kept. A caller that needs three years of a
    table builds three years, not every row.

    Examples:
        >>> from bosetting.model import Source, Text
        >>> lazy = LazyRecords("sources", Source, rename={"id": "source_id", "date": "published"})
        >>> [s.id for s in lazy.select(lambda row: row["kind"] == "ssb")][:2]
        ['ssb-klass-131', 'ssb-klass-131-changes']
        >>> lazy.built == sum(row["kind"] == "ssb" for row in read_rows("sources"))
        True
    """

    def __init__(
        self, table: str, cls: type[T], *, rename: Mapping[str, str] | None = None
    ) -> None:
        self.table = table
        self.cls = cls
        self.rename = dict(rename or {})
        self._rows: tuple[Row, ...] = ()
        self._built: dict[int, T] = {}
        self._index: dict[str, dict[Any, list[int]]] = {}

    @property
    def built(self) -> int:
        """How many records have been built so far."""
        return len(self._built)

    def select(
        self,
        where: Callable[[Row], bool] | None = None,
        *,
        keys: tuple[str, frozenset[Any]] | None = None,
    ) -> tuple[T, ...]:
        """The records of the rows ``where`` accepts (every row when ``None``), in file order.

        Args:
            where: Which rows to keep.
            keys: ``(column, values)``: only rows whose ``column`` holds one of ``values``
                can be kept (looked up in an index of the column, built once), and ``where``
                decides among those.

        Raises:
            DataError: naming file, row, column and value, for a selected row.
            ValidationError: from the class's own validators, likewise.
        """
        rows = read_rows(self.table)
        if rows is not self._rows:  # the table was read again (a test swapped the tables)
            self._rows, self._built, self._index = rows, {}, {}
        numbers: Iterable[int] = range(1, len(rows) + 1)
        if keys is not None:
            column, values = keys
            if column not in self._index:
                index: dict[Any, list[int]] = {}
                for n, row in enumerate(rows, start=1):
                    index.setdefault(row[column], []).append(n)
                self._index[column] = index
            numbers = sorted(n for v in values for n in self._index[column].get(v, ()))
        wanted = [n for n in numbers if where is None or where(rows[n - 1])]
        todo = [n for n in wanted if n not in self._built]
        if todo:
            made = records(self.table, self.cls, rename=self.rename, numbers=frozenset(todo))
            self._built.update(zip(todo, (r for _, r in made), strict=True))
        return tuple(self._built[n] for n in wanted)


def sources() -> Mapping[str, Source]:
    """Every source, by id, in file order (with those of the refreshed figures in use)."""
    return _sources_in(current_view())


@functools.cache
def _sources_in(view: View) -> Mapping[str, Source]:
    pairs = records("sources", Source, rename={"id": "source_id", "date": "published"})
    return {s.id: s for _, s in pairs}


@checked
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


@checked
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
