"""One file of a table, typed and checked column by column against its fields in ``datapackage.json``.

A column repeats its values (years, codes, statuses, source ids), so each
distinct text is converted and checked once and every cell then takes the value
of its text; a problem is reported at the first row that has it, naming the
file, the row, the field and the value.

Examples:
    >>> field = {"name": "year", "type": "integer", "constraints": {"minimum": 2008}}
    >>> column(field, 0, ["2019", "", "2019"], {""}, "t.csv")
    ([2019, None, 2019], None)
    >>> column(field, 0, ["2019", "1999"], {""}, "t.csv")[1][1].row
    2
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from bosetting.errors import DataError
from bosetting.i18n import N_

__all__ = ["TRANSLATIONS", "Found", "check_translations", "column", "parse_file"]

#: The field property naming a bokmål text's translations: ``{"en": "note_en"}``.
TRANSLATIONS = "x-translations"

#: A problem with one cell: an English template (marked for the catalogue) and its parameters.
_Problem = tuple[str, dict[str, Any]]


def _convert(kind: str, text: str) -> Any:
    """The cell's typed value.

    Raises:
        DataError: Without a place (the caller adds it): what is wrong with the text.
    """
    if kind == "string":
        return text
    if kind in ("integer", "year"):
        if not re.fullmatch(r"-?[0-9]+", text):
            raise DataError(N_("not a whole number"))
        return int(text)
    if kind == "number":
        if not re.fullmatch(r"-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?", text):
            raise DataError(N_("not a decimal number with ASCII digits and a point"))
        return float(text)
    if kind == "boolean":
        if text not in ("true", "false"):
            raise DataError(N_("expected true or false"))
        return text == "true"
    if kind == "date":
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise DataError(N_("not a date written as YYYY-MM-DD")) from None
    # A shipped schema naming a type this reader does not know (a damaged datapackage.json).
    raise DataError(N_("the schema uses the unsupported type {type}"), type=repr(kind))


def _check(field: Mapping[str, Any], value: Any) -> _Problem | None:
    """Return what is wrong with a non-empty value (a template and its parameters), or None."""
    rules = field.get("constraints", {})
    if "pattern" in rules and not _pattern(rules["pattern"]).fullmatch(str(value)):
        return N_("does not match the pattern {pattern}"), {"pattern": rules["pattern"]}
    if "enum" in rules and value not in rules["enum"]:
        return N_("expected one of {names}"), {"names": ", ".join(map(str, rules["enum"]))}
    if "minimum" in rules and value < rules["minimum"]:
        return N_("is below the minimum {minimum}"), {"minimum": rules["minimum"]}
    if "maximum" in rules and value > rules["maximum"]:
        return N_("is above the maximum {maximum}"), {"maximum": rules["maximum"]}
    return None


@functools.cache
def _pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, flags=re.ASCII)


#: The first problem found in a table: (row, field's position) to sort by, and the error.
Found = tuple[tuple[int, int], DataError]


def column(
    field: Mapping[str, Any], position: int, cells: Sequence[str], missing: set[str], path: str
) -> tuple[list[Any], Found | None]:
    """One column's typed values (``None`` where empty), and its first problem.

    Each distinct text is converted and checked once (a column repeats its
    values: years, codes, statuses, source ids); every cell then takes the value
    of its text. A problem is reported at the first row that has it.
    """
    name = field["name"]
    kind = field.get("type", "string")
    typed: dict[str, Any] = {}
    bad: dict[str, _Problem] = {}
    for text in set(cells):
        if text in missing:
            continue
        try:
            value = _convert(kind, text)
        except DataError as exc:
            bad[text] = exc.message_id, exc.params
            continue
        problem = _check(field, value)
        if problem:
            bad[text] = problem
            continue
        typed[text] = value
    if field.get("constraints", {}).get("required"):
        bad.update((text, (N_("a value is required"), {})) for text in missing)
    if not bad.keys().isdisjoint(cells):
        number, text = next((n, t) for n, t in enumerate(cells, start=1) if t in bad)
        template, params = bad[text]
        error = DataError(template, file=path, row=number, field=name, value=text, **params)
        return [], ((number, position), error)
    return list(map(typed.get, cells)), None


def _decoded(raw: bytes, path: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(
            N_("not UTF-8: byte {at} cannot be read as UTF-8"), at=exc.start + 1, file=path
        ) from None


def parse_file(
    schema: Mapping[str, Any], raw: bytes, path: str, *, cached: bool
) -> list[dict[str, Any]]:
    """The rows of one file of a table, each cell typed and checked against its field.

    The file is decoded as UTF-8; its translations are checked
    (:func:`check_translations`), file by file, so an error names the file a
    row is in.

    Args:
        schema: The table's schema in ``datapackage.json``.
        raw: The file's bytes.
        path: The file as messages name it.
        cached: Whether the file is a part the per-user cache holds (a header
            that does not fit then means another version of bosetting wrote it).

    Raises:
        DataError: Naming the file, the row, the field and the value.
    """
    text = _decoded(raw, path)
    fields = schema["fields"]
    missing = set(schema.get("missingValues", [""]))
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    header = next(reader, None)
    expected = [f["name"] for f in fields]
    if header != expected:
        if cached:  # written by another version of bosetting, whose tables had other columns
            raise DataError(
                N_(
                    "the refreshed figures were saved by another version of bosetting; run "
                    "'bosetting update' again (--offline uses the shipped figures meanwhile)"
                ),
                file=path,
            )
        raise DataError(
            N_("the header does not match the schema, which expects {fields}"),
            fields=", ".join(expected),
            file=path,
            field="header",
            value=header,
        )
    lines = list(reader)
    if set(map(len, lines)) - {len(fields)}:
        number, cells = next((n, c) for n, c in enumerate(lines, 1) if len(c) != len(fields))
        raise DataError(
            N_("expected {expected} cells, found {found}"),
            expected=len(fields),
            found=len(cells),
            file=path,
            row=number,
        )
    # Column by column; the problem reported is the first in reading order (row, then field).
    columns: list[list[Any]] = []
    found: list[Found] = []
    for position, (field, texts) in enumerate(
        zip(fields, zip(*lines, strict=True) if lines else [()] * len(fields), strict=True)
    ):
        values, problem = column(field, position, texts, missing, path)
        columns.append(values)
        if problem is not None:
            found.append(problem)
    if found:
        raise min(found, key=lambda f: f[0])[1]
    # Every column has one value per line, so the rows are whole (no strict zip needed).
    rows = [dict(zip(expected, values, strict=False)) for values in zip(*columns, strict=False)]
    check_translations(path, fields, rows)
    return rows


def check_translations(path: str, fields: list[Any], rows: Sequence[Mapping[str, Any]]) -> None:
    """Each declared translation is a field of the table, and never stands without its text."""
    names = {f["name"] for f in fields}
    for f in fields:
        for lang, other in dict(f.get(TRANSLATIONS, {})).items():
            if other not in names or other == f["name"]:
                raise DataError(
                    N_("the translation column for {language} is not a field of the table"),
                    language=lang,
                    file=path,
                    field=f["name"],
                    value=other,
                )
            for number, row in enumerate(rows, start=1):
                if row[other] is not None and row[f["name"]] is None:
                    raise DataError(
                        N_("a translation without the bokmål text in {column}"),
                        column=f["name"],
                        file=path,
                        row=number,
                        field=other,
                        value=row[other],
                    )
