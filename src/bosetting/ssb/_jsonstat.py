"""Read table 10824 as JSON-stat2 (PxWebApi v2, ``outputformat=json-stat2``).

Values are stored in row-major order over the dimensions listed in ``id``;
``status`` (a list, or a mapping from the value index) carries SSB's symbols.
"""

from __future__ import annotations

import itertools
import json
import math
from typing import Any

from bosetting.errors import SSBFormatError
from bosetting.model import FigureStatus
from bosetting.ssb._cells import DIMENSIONS, SYMBOLS, TABLE_ID, Cell

__all__ = ["parse_jsonstat", "table_label"]


def _fail(
    message: str, *, file: str, field: str | None = None, value: Any = None
) -> SSBFormatError:
    if field is None:
        return SSBFormatError(message, file=file)
    return SSBFormatError(message, file=file, field=field, value=value)


def _load(text: str, file: str) -> dict[str, Any]:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _fail(
            f"not complete JSON (truncated or damaged at line {exc.lineno}, column {exc.colno}: "
            f"{exc.msg}); download the table again",
            file=file,
        ) from None
    if not isinstance(doc, dict) or doc.get("class") != "dataset":
        raise _fail('not a JSON-stat2 dataset (no "class": "dataset")', file=file)
    return doc


def table_label(doc: dict[str, Any]) -> str:
    """The dataset's label (SSB puts the table number first)."""
    label = doc.get("label")
    return label if isinstance(label, str) else ""


def _check_table(doc: dict[str, Any], file: str) -> None:
    ext = doc.get("extension")
    px = ext.get("px") if isinstance(ext, dict) else None
    tableid = px.get("tableid") if isinstance(px, dict) else None
    if tableid is not None:
        if str(tableid) != TABLE_ID:
            raise _fail(
                f"this is SSB table {tableid}, not table {TABLE_ID}",
                file=file,
                field="extension.px.tableid",
                value=tableid,
            )
        return
    label = table_label(doc)
    if not label.startswith(TABLE_ID):
        raise _fail(
            f"cannot see that this is SSB table {TABLE_ID}: the label does not start with it",
            file=file,
            field="label",
            value=label,
        )


def _codes(doc: dict[str, Any], dim: str, size: int, file: str) -> list[str]:
    try:
        index = doc["dimension"][dim]["category"]["index"]
    except (KeyError, TypeError):
        raise _fail(
            "the dimension has no category index", file=file, field=f"dimension.{dim}"
        ) from None
    if isinstance(index, list):
        codes = [str(c) for c in index]
    elif isinstance(index, dict):
        codes = [str(c) for c, _ in sorted(index.items(), key=lambda kv: kv[1])]
    else:
        raise _fail("the category index is neither a list nor a mapping", file=file, field=dim)
    if len(codes) != size:
        raise _fail(
            f"the dimension has {len(codes)} categories but size says {size}",
            file=file,
            field=f"dimension.{dim}",
            value=len(codes),
        )
    return codes


def _status_at(status: Any, i: int) -> str | None:
    if isinstance(status, list):
        return status[i] if i < len(status) else None
    if isinstance(status, dict):
        found = status.get(str(i))
        return found if isinstance(found, str) else None
    if isinstance(status, str):
        return status
    return None


def _value_at(values: Any, i: int) -> Any:
    if isinstance(values, list):
        return values[i]
    return values.get(str(i))


def _year(code: str, file: str) -> int:
    if not code.isdigit() or len(code) != 4:
        raise _fail("a status year (Tid) has four digits", file=file, field="Tid", value=code)
    return int(code)


def _after(code: str, file: str) -> int:
    if not code.isdigit() or not 1 <= int(code) <= 5:
        raise _fail(
            "years since leaving (IntroAvbrudd) is 01-05",
            file=file,
            field="IntroAvbrudd",
            value=code,
        )
    return int(code)


def parse_jsonstat(text: str, file: str) -> list[Cell]:
    """Every cell of a JSON-stat2 answer for table 10824.

    Raises:
        SSBFormatError: For truncated JSON, another table, a missing dimension,
            a value count that does not fit the dimensions, or a non-numeric value.
    """
    doc = _load(text, file)
    _check_table(doc, file)
    ids, sizes = doc.get("id"), doc.get("size")
    if not isinstance(ids, list) or not isinstance(sizes, list) or len(ids) != len(sizes):
        raise _fail('"id" and "size" must be lists of the same length', file=file, field="id")
    for dim in DIMENSIONS:
        if dim not in ids:
            raise _fail(
                f"the dimension {dim} is missing; table {TABLE_ID} has {', '.join(DIMENSIONS)}",
                file=file,
                field=dim,
                value=None,
            )
    extra = [d for d, s in zip(ids, sizes, strict=True) if d not in DIMENSIONS and s != 1]
    if extra:
        raise _fail("unexpected dimension with more than one category", file=file, field=extra[0])
    codes = [_codes(doc, d, s, file) for d, s in zip(ids, sizes, strict=True)]
    values = doc.get("value")
    total = math.prod(sizes)
    if isinstance(values, list):
        if len(values) != total:
            raise _fail(
                f'"value" has {len(values)} cells but the dimensions give {total}',
                file=file,
                field="value",
                value=len(values),
            )
    elif not isinstance(values, dict):
        raise _fail('"value" is missing', file=file, field="value")
    status = doc.get("status")
    pos = {d: ids.index(d) for d in DIMENSIONS}
    cells: list[Cell] = []
    for i, combo in enumerate(itertools.product(*codes)):
        raw = _value_at(values, i)
        symbol = _status_at(status, i)
        if raw is None:
            value = None
            state = SYMBOLS.get(symbol or "", FigureStatus.MISSING)
        elif isinstance(raw, int | float) and not isinstance(raw, bool):
            value, state = float(raw), FigureStatus.PUBLISHED
        else:
            raise _fail("a non-numeric cell", file=file, field=f"value[{i}]", value=raw)
        cells.append(
            Cell(
                region=combo[pos["Region"]],
                sex=combo[pos["Kjonn"]],
                years_after=_after(combo[pos["IntroAvbrudd"]], file),
                labour=combo[pos["Arbeidsmarkedsstatus"]],
                contents=combo[pos["ContentsCode"]],
                year=_year(combo[pos["Tid"]], file),
                value=value,
                status=state,
                row=None,
                field=f"value[{i}]",
            )
        )
    return cells
