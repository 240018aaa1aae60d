"""Read the shipped tables, checked against the schema in ``datapackage.json``.

The tables live in ``datasets/`` in the repository and in ``bosetting/datasets``
inside the wheel; the environment variable ``BOSETTING_DATASETS`` names another
folder holding a data package of the same shape (a maintainer's working copy,
a test's temporary one), read instead. They are read in binary mode and decoded as UTF-8, so æøå
survive whatever the machine's locale is. Every value is checked against its
field's type and constraints on the way in; an error names the file, the data
row (header not counted), the field and the value.

A text a person reads is written in bokmål, and its other languages stand in
columns beside it: the bokmål field declares them under ``x-translations``
(``{"en": "note_en"}``), :func:`translations` gives them, and the reader checks
that each names a field of the table and that no row has a translation without
its bokmål text.

References are checked too: each declared foreign key, and each list-valued
citation declared under ``x-listForeignKeys`` (a ``;``-joined cell whose every
part must be a key of the referenced table; the Table Schema standard has no
foreign key over a list, so ``frictionless validate`` checks the cell's shape by
its pattern and this loader checks the references).

Each resource carries the SHA-256 ``hash`` of its file (``sha256:<hex>``, as the
Data Package standard writes it); :func:`verify` checks every hash and reads
every table. ``scripts/refresh_hashes.py`` rewrites the hashes after an intended
change to a table.

Examples:
    >>> rows = read_rows("municipalities")
    >>> oslo = next(r for r in rows if r["code"] == "0301")
    >>> oslo["name"], oslo["valid_from"], oslo["valid_to"]
    ('Oslo', 1977, None)
    >>> split_ids("S1;S2")
    ('S1', 'S2')
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping
from importlib.resources.abc import Traversable
from types import TracebackType
from typing import Any, Literal

from bosetting.data._columns import TRANSLATIONS, parse_file
from bosetting.data._overlay import lay_parts
from bosetting.data._package import DATASETS_ENV, dataset_root, descriptor, resource, resource_names
from bosetting.data._prepared import prepared_rows
from bosetting.data._view import SHIPPED, View, current_view
from bosetting.errors import BosettingError, DataError
from bosetting.i18n import N_, _
from bosetting.model import checked

__all__ = [
    "DATASETS_ENV",
    "HASH_PREFIX",
    "LIST_FOREIGN_KEYS",
    "TRANSLATIONS",
    "YEARS",
    "Row",
    "dataset_root",
    "descriptor",
    "numbered_rows",
    "read_rows",
    "resource",
    "resource_names",
    "shipped_rows",
    "split_ids",
    "table_label",
    "table_path",
    "table_years",
    "translations",
]

#: How a resource's ``hash`` starts (the Data Package standard's form for SHA-256).
HASH_PREFIX = "sha256:"

#: The schema property declaring list-valued foreign keys (``;``-joined ids).
LIST_FOREIGN_KEYS = "x-listForeignKeys"

#: The resource property giving the years a shipped table covers: ``{"first": ..., "last": ...}``.
YEARS = "x-years"

#: One row of a table: field name to typed value (``None`` where the cell is empty).
Row = Mapping[str, Any]

#: Each shipped table in words (what its rows are), for people: the site's sources page.
_TABLE_WORDS = {
    "sources": N_("sources"),
    "municipalities": N_("municipalities"),
    "municipality_changes": N_("municipal changes"),
    "editions": N_("prize editions"),
    "nominations": N_("nominations"),
    "initiatives": N_("initiatives"),
    "conflicts": N_("source conflicts"),
    "prize_names": N_("prize names as written"),
    "criteria": N_("criteria"),
    "intro_outcomes": N_("intro-programme outcomes"),
    "settlement": N_("settlement figures"),
}


@checked
def table_label(name: str) -> str:
    """A shipped table in words, in the active language (its name where it has none).

    Examples:
        >>> from bosetting.i18n import language
        >>> with language("nb"):
        ...     table_label("nominations")
        'nominasjoner'
    """
    words = _TABLE_WORDS.get(name)
    return name if words is None else _(words)


@checked
def translations(name: str) -> dict[str, dict[str, str]]:
    """The bokmål text columns of a table and the columns of their translations, by language.

    Examples:
        >>> translations("initiatives")["summary_nb"]
        {'en': 'summary_en'}
    """
    return {
        f["name"]: dict(f[TRANSLATIONS])
        for f in resource(name)["schema"]["fields"]
        if TRANSLATIONS in f
    }


@checked
def split_ids(value: str | None) -> tuple[str, ...]:
    """Split a ``;``-separated cell into its parts (empty parts dropped)."""
    if not value:
        return ()
    return tuple(p.strip() for p in value.split(";") if p.strip())


def _as_list(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


_READING: set[str] = set()


class _Rows(tuple[Row, ...]):
    """A table's rows, each with where it came from: ``(file, row)`` in :attr:`origins`."""

    origins: tuple[tuple[str, int], ...] = ()


def _keys_of(name: str, fields: list[str], view: View) -> set[tuple[Any, ...]]:
    if name in _READING:
        raise DataError(
            N_("the foreign keys form a cycle"),
            file="datapackage.json",
            field="foreignKeys",
            value=name,
        )
    return {tuple(r[f] for f in fields) for r in _read(name, view)}


def _check_references(name: str, schema: Mapping[str, Any], rows: _Rows, view: View) -> None:
    """Check declared foreign keys and list-valued foreign keys, naming row, field and value."""
    for fk in schema.get("foreignKeys", []):
        local = _as_list(fk["fields"])
        ref = fk["reference"]
        target = ref.get("resource") or name
        remote = _as_list(ref["fields"])
        keys = (
            {tuple(r[f] for f in remote) for r in rows}
            if target == name
            else _keys_of(target, remote, view)
        )
        for (path, number), row in zip(rows.origins, rows, strict=True):
            value = tuple(row[f] for f in local)
            if None in value or value in keys:
                continue
            raise DataError(
                N_("no row of {table} has {fields} = {values} (a foreign key)"),
                table=target,
                fields=", ".join(remote),
                values=", ".join(map(str, value)),
                file=path,
                row=number,
                field=", ".join(local),
                value=value[0] if len(value) == 1 else value,
            )
    for lfk in schema.get(LIST_FOREIGN_KEYS, []):
        [field] = _as_list(lfk["fields"])
        delimiter = lfk.get("delimiter", ";")
        of = lfk["reference"]["resource"]
        [key] = _as_list(lfk["reference"]["fields"])
        known = {k[0] for k in _keys_of(of, [key], view)}
        cells = {row[field] for row in rows} - {None}
        if all(part.strip() in known for cell in cells for part in str(cell).split(delimiter)):
            continue
        for (path, number), row in zip(rows.origins, rows, strict=True):
            cell = row[field]
            if cell is None:
                continue
            for part in str(cell).split(delimiter):
                if part.strip() not in known:
                    raise DataError(
                        N_("cites an id that {table} does not have ({key})"),
                        table=of,
                        key=key,
                        file=path,
                        row=number,
                        field=field,
                        value=part.strip(),
                    )


@functools.cache
def _read(name: str, view: View = SHIPPED) -> _Rows:
    _READING.add(name)
    try:
        if name in resource_names():
            rows, origins = prepared_rows(name, view, lambda: _plain(_read_checked(name, view)))
        else:
            rows, origins = _plain(_read_checked(name, view))  # the reader refuses it
    finally:
        _READING.discard(name)
    table = _Rows(rows)
    table.origins = origins
    return table


def _plain(table: _Rows) -> tuple[tuple[Row, ...], tuple[tuple[str, int], ...]]:
    return tuple(table), table.origins


def _read_checked(name: str, view: View) -> _Rows:
    res = resource(name)
    path = res["path"]
    schema = res["schema"]
    try:
        raw = dataset_root().joinpath(path).read_bytes()
    except FileNotFoundError:
        raise DataError(N_("the table's file is missing"), file=path) from None
    rows = parse_file(schema, raw, path, cached=False)
    origins = [(path, number) for number in range(1, len(rows) + 1)]
    rows, origins = lay_parts(schema, rows, origins, view.parts(name))
    table = _Rows(rows)
    table.origins = tuple(origins)
    key_fields = schema.get("primaryKey", [])
    if key_fields:
        keys = [tuple(r[k] for k in key_fields) for r in table]
        if len(set(keys)) != len(keys):
            seen_keys: dict[tuple[Any, ...], tuple[str, int]] = {}
            for (file, number), key in zip(table.origins, keys, strict=True):
                if key in seen_keys:
                    first_file, first_row = seen_keys[key]
                    raise DataError(
                        N_("duplicate primary key {key}, first seen in row {first}")
                        if first_file == file
                        else N_("duplicate primary key {key}, first seen in {first}"),
                        key=", ".join(f"{k} = {v}" for k, v in zip(key_fields, key, strict=True)),
                        first=first_row if first_file == file else f"{first_file}:{first_row}",
                        file=file,
                        row=number,
                    )
                seen_keys[key] = (file, number)
    _check_references(name, schema, table, view)
    return table


@checked
def read_rows(name: str) -> tuple[Row, ...]:
    """Every row of a table as in use now, typed and checked against its schema.

    The shipped table, with the refreshed parts laid over it where the per-user
    cache holds them and the source of figures allows it
    (:func:`~bosetting.data.current_view`).

    Args:
        name: The table's name in ``datapackage.json`` (for example ``"municipalities"``).

    Returns:
        The rows in file order (the shipped rows kept, then the refreshed ones). The
        result is cached per view; treat it as read-only.

    Raises:
        DataError: When the file is missing or a value breaks the schema.
    """
    return _read(name, current_view())


@checked
def shipped_rows(name: str) -> tuple[Row, ...]:
    """Every row of a shipped table as shipped, whatever the per-user cache holds."""
    return _read(name, SHIPPED)


@checked
def table_years(name: str) -> tuple[int, int] | None:
    """The years a table as in use now covers (first, last), where that is recorded.

    A cached source that replaces the whole table says which years its answer
    covers; otherwise the shipped table's ``x-years`` in ``datapackage.json`` does.

    Examples:
        >>> from bosetting.data import using
        >>> with using("shipped"):
        ...     table_years("municipalities")
        (2008, 2025)
    """
    for source, part in reversed(current_view().parts(name)):
        if not part.replaces and source.years is not None:
            return source.years
    years = resource(name).get(YEARS)
    if isinstance(years, dict) and isinstance(years.get("first"), int):
        last = years.get("last")
        return years["first"], last if isinstance(last, int) else years["first"]
    return None


@checked
def table_path(name: str) -> Traversable:
    """The shipped CSV file of one table (for readers such as pandas)."""
    return dataset_root().joinpath(resource(name)["path"])


class _Located:
    """Re-raise a :class:`BosettingError` from the ``with`` body with file and row filled in."""

    def __init__(self, file: str, row: int) -> None:
        self.file = file
        self.row = row

    def __enter__(self) -> None:
        return None

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> Literal[False]:
        if isinstance(exc, BosettingError):
            raise exc.located(file=self.file, row=self.row) from None
        return False


@checked
def numbered_rows(
    name: str, numbers: Iterable[int] | None = None
) -> Iterator[tuple[int, Row, _Located]]:
    """Each row of a table with its 1-based number and a context that locates errors.

    Building domain objects inside ``with located:`` makes any
    :class:`BosettingError` name the table's file and the row.

    Args:
        name: The table's name.
        numbers: Only these rows (1-based), in ascending order; every row when ``None``.

    Examples:
        >>> from bosetting.model import Municipality
        >>> for number, row, located in numbered_rows("municipalities"):
        ...     with located:
        ...         m = Municipality(row["code"], row["name"], row["county_name"], 1800)
        Traceback (most recent call last):
        ...
        bosetting.errors.ValidationError: municipalities.csv, row 1, field 'valid_from', value 1800: a year must lie between 1838 and 2100
    """
    rows = _read(name, current_view())
    chosen = range(1, len(rows) + 1) if numbers is None else sorted(numbers)
    for number in chosen:
        file, line = rows.origins[number - 1]
        yield number, rows[number - 1], _Located(file, line)
