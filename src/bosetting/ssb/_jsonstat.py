"""Read table 10824 as JSON-stat2 (PxWebApi v2, ``outputformat=json-stat2``).

Values are stored in row-major order over the dimensions listed in ``id``;
``status`` (a list, or a mapping from the value index) carries SSB's symbols.
A cell whose status is one of SSB's symbols (``:`` suppressed ...) is read as
unpublished even where the file also holds a number for it: nothing SSB marks
as withheld is ever used.

The reader trusts nothing in the tree: every member is checked for its type,
numbers must be finite and plausible, and a file whose dimensions declare more
than :data:`~bosetting.ssb._cells.MAX_SSB_CELLS` cells is refused before any
cell is made.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from typing import Any

from bosetting.errors import LimitError, SSBFormatError
from bosetting.i18n import N_
from bosetting.model import FigureStatus, is_number, is_whole
from bosetting.ssb._cells import (
    DIMENSIONS,
    MAX_SSB_CELLS,
    MAX_VALUE,
    PERCENT,
    PERSONS,
    SYMBOLS,
    TABLE_ID,
    TOO_LARGE,
    TOTAL,
    WORK_OR_EDUCATION,
    Cell,
)

__all__ = ["load_jsonstat", "parse_jsonstat", "table_label"]


def _fail(
    message: str, *, file: str, field: str | None = None, value: Any = None, **params: Any
) -> SSBFormatError:
    """The error for a file that is not table 10824 as JSON-stat2 (``message``: a marked template)."""
    if field is None:
        return SSBFormatError(message, file=file, **params)
    return SSBFormatError(message, file=file, field=field, value=value, **params)


def load_jsonstat(text: str, file: str) -> dict[str, Any]:
    """Parse the JSON of a JSON-stat2 dataset.

    Raises:
        SSBFormatError: For damaged JSON, ``NaN``/``Infinity``, numbers too long
            to read, nesting too deep, or a document that is not a dataset.
    """

    def refuse_constant(name: str) -> Any:
        # JSON's non-standard NaN and Infinity, which JSON-stat never holds.
        raise _fail(
            N_("the JSON holds NaN or Infinity, which is not JSON; download the table again"),
            file=file,
            field="value",
            value=name,
        )

    try:
        doc = json.loads(text, parse_constant=refuse_constant)
    except SSBFormatError:
        raise
    except json.JSONDecodeError as exc:
        raise _fail(
            N_(
                "not complete JSON (truncated or damaged at line {line}, column {column}: "
                "{reason}); download the table again"
            ),
            line=exc.lineno,
            column=exc.colno,
            reason=exc.msg,
            file=file,
        ) from None
    except RecursionError:
        raise _fail(
            N_("the JSON is nested too deeply to be a JSON-stat2 dataset"), file=file
        ) from None
    except ValueError as exc:  # for example an integer of thousands of digits
        raise _fail(
            N_("the JSON holds a number that cannot be read ({reason})"),
            reason=str(exc),
            file=file,
        ) from None
    if not isinstance(doc, dict) or doc.get("class") != "dataset":
        raise _fail(N_('not a JSON-stat2 dataset (no "class": "dataset")'), file=file)
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
        if not (isinstance(tableid, str) or is_whole(tableid)) or str(tableid) != TABLE_ID:
            raise _fail(
                N_("this is not SSB table {table}"),
                table=TABLE_ID,
                file=file,
                field="extension.px.tableid",
                value=tableid,
            )
        return
    label = table_label(doc)
    if not label.startswith(TABLE_ID):
        raise _fail(
            N_("cannot see that this is SSB table {table}: the label does not start with it"),
            table=TABLE_ID,
            file=file,
            field="label",
            value=label,
        )


def _shape(doc: dict[str, Any], file: str) -> tuple[list[str], list[int], int]:
    ids, sizes = doc.get("id"), doc.get("size")
    if not isinstance(ids, list) or not isinstance(sizes, list) or len(ids) != len(sizes):
        raise _fail(N_('"id" and "size" must be lists of the same length'), file=file, field="id")
    if not all(isinstance(d, str) for d in ids) or len(set(ids)) != len(ids):
        raise _fail(N_('"id" must list distinct dimension names'), file=file, field="id", value=ids)
    for d, s in zip(ids, sizes, strict=True):
        if not is_whole(s) or s < 0:
            raise _fail(
                N_("a dimension's size is a whole number of at least 0"),
                file=file,
                field=f"size.{d}",
                value=s,
            )
    total = 1
    for s in sizes:  # multiply with an early stop: a huge product is never built
        total *= s
        if total > MAX_SSB_CELLS:
            raise LimitError(
                N_(
                    "the dimensions declare more cells than bosetting reads ({limit}, "
                    "MAX_SSB_CELLS); download fewer regions or years per file"
                ),
                limit=MAX_SSB_CELLS,
                file=file,
                field="size",
                value=sizes,
            )
    total = math.prod(sizes)
    for dim in DIMENSIONS:
        if dim not in ids:
            raise _fail(
                N_("the dimension {dimension} is missing; table {table} has {dimensions}"),
                dimension=dim,
                table=TABLE_ID,
                dimensions=", ".join(DIMENSIONS),
                file=file,
                field=dim,
                value=None,
            )
    extra = [d for d, s in zip(ids, sizes, strict=True) if d not in DIMENSIONS and s != 1]
    if extra:
        raise _fail(
            N_("unexpected dimension with more than one category"), file=file, field=extra[0]
        )
    return ids, sizes, total


def _codes(doc: dict[str, Any], dim: str, size: int, file: str) -> list[str]:
    where = f"dimension.{dim}.category.index"
    dims = doc.get("dimension")
    entry = dims.get(dim) if isinstance(dims, dict) else None
    category = entry.get("category") if isinstance(entry, dict) else None
    index = category.get("index") if isinstance(category, dict) else None
    if index is None:
        raise _fail(N_("the dimension has no category index"), file=file, field=f"dimension.{dim}")
    if isinstance(index, list):
        if not all(isinstance(c, str) for c in index):
            raise _fail(N_("category codes are text"), file=file, field=where, value=index)
        codes = list(index)
    elif isinstance(index, dict):
        positions = list(index.values())
        if not all(is_whole(p) for p in positions) or sorted(positions) != list(
            range(len(positions))
        ):
            raise _fail(
                N_("the category index must map each code to its position 0, 1, 2 ..."),
                file=file,
                field=where,
                value=positions,
            )
        codes = [c for c, _ in sorted(index.items(), key=lambda kv: kv[1])]
    else:
        raise _fail(
            N_("the category index is neither a list nor a mapping"), file=file, field=where
        )
    if len(set(codes)) != len(codes):
        raise _fail(N_("a category code is listed twice"), file=file, field=where, value=codes)
    if len(codes) != size:
        raise _fail(
            N_("the dimension has {n} categories but size says {size}"),
            n=len(codes),
            size=size,
            file=file,
            field=f"dimension.{dim}",
            value=len(codes),
        )
    return codes


def _status_at(status: Any, i: int) -> str | None:
    if isinstance(status, list):
        found = status[i] if i < len(status) else None
    elif isinstance(status, dict):
        found = status.get(str(i))
    else:
        found = status
    return found if isinstance(found, str) else None


def _check_status(status: Any, file: str) -> None:
    if status is None or isinstance(status, str):
        return
    items = (
        status
        if isinstance(status, list)
        else status.values()
        if isinstance(status, dict)
        else None
    )
    if items is None or not all(s is None or isinstance(s, str) for s in items):
        raise _fail(
            N_('"status" must be text, a list of text, or a mapping to text'),
            file=file,
            field="status",
            value=type(status).__name__,
        )


def _values(doc: dict[str, Any], total: int, file: str) -> Any:
    values = doc.get("value")
    if isinstance(values, list):
        if len(values) != total:
            raise _fail(
                N_('"value" has {n} cells but the dimensions give {total}'),
                n=len(values),
                total=total,
                file=file,
                field="value",
                value=len(values),
            )
        return values
    if isinstance(values, dict):
        for key in values:
            if not re.fullmatch(r"0|[1-9][0-9]{0,8}", key) or int(key) >= total:
                raise _fail(
                    N_('a "value" key must be a cell index from 0 to {last}'),
                    last=total - 1,
                    file=file,
                    field="value",
                    value=key,
                )
        return values
    raise _fail(N_('"value" is missing'), file=file, field="value")


def _value_at(values: Any, i: int) -> Any:
    if isinstance(values, list):
        return values[i]
    return values.get(str(i))


def _year(code: str, file: str) -> int:
    if not re.fullmatch(r"[0-9]{4}", code):
        raise _fail(
            N_("a status year (Tid) has four digits 0-9"), file=file, field="Tid", value=code
        )
    return int(code)


def _after(code: str, file: str) -> int:
    if not re.fullmatch(r"[0-9]{1,2}", code) or not 1 <= int(code) <= 5:
        raise _fail(
            N_("years since leaving (IntroAvbrudd) is 01-05"),
            file=file,
            field="IntroAvbrudd",
            value=code,
        )
    return int(code)


def _number(raw: Any, i: int, file: str) -> float:
    if not is_number(raw):
        raise _fail(N_("a non-numeric cell"), file=file, field=f"value[{i}]", value=raw)
    if isinstance(raw, int) and abs(raw) > MAX_VALUE:
        raise _fail(
            TOO_LARGE,
            limit=int(MAX_VALUE),
            file=file,
            field=f"value[{i}]",
            value=f"{str(raw)[:20]}... ({len(str(raw))} digits)" if abs(raw) > 10**30 else raw,
        )
    number = float(raw)
    if not math.isfinite(number) or abs(number) > MAX_VALUE:
        raise _fail(
            TOO_LARGE,
            limit=int(MAX_VALUE),
            file=file,
            field=f"value[{i}]",
            value=raw,
        )
    return number


def parse_jsonstat(doc: dict[str, Any], file: str) -> list[Cell]:
    """Every cell of a JSON-stat2 answer for table 10824 (``doc`` from :func:`load_jsonstat`).

    Raises:
        SSBFormatError: For another table, a missing dimension, a member of the
            wrong type, a value count that does not fit the dimensions, or a
            non-numeric or implausible value.
        LimitError: When the dimensions declare more than ``MAX_SSB_CELLS`` cells.
    """
    _check_table(doc, file)
    ids, sizes, total = _shape(doc, file)
    codes = [_codes(doc, d, s, file) for d, s in zip(ids, sizes, strict=True)]
    values = _values(doc, total, file)
    status = doc.get("status")
    _check_status(status, file)
    pos = {d: ids.index(d) for d in DIMENSIONS}
    years = {c: _year(c, file) for c in codes[pos["Tid"]]}
    afters = {c: _after(c, file) for c in codes[pos["IntroAvbrudd"]]}

    def cell(i: int, combo: tuple[str, ...]) -> Cell:
        raw = _value_at(values, i)
        symbol = _status_at(status, i)
        if symbol in SYMBOLS:  # SSB's symbol wins over any number beside it
            if raw is not None:
                _number(raw, i, file)
            value, state = None, SYMBOLS[symbol]
        elif raw is None:
            value, state = None, FigureStatus.MISSING
        else:
            value, state = _number(raw, i, file), FigureStatus.PUBLISHED
        return Cell(
            region=combo[pos["Region"]],
            sex=combo[pos["Kjonn"]],
            years_after=afters[combo[pos["IntroAvbrudd"]]],
            labour=combo[pos["Arbeidsmarkedsstatus"]],
            contents=combo[pos["ContentsCode"]],
            year=years[combo[pos["Tid"]]],
            value=value,
            status=state,
            row=None,
            field=f"value[{i}]",
        )

    if isinstance(
        values, list
    ):  # dense: one entry per cell, so the cells are as many as the bytes allow
        return [cell(i, combo) for i, combo in enumerate(itertools.product(*codes))]
    return _sparse_cells(values, status, codes, sizes, pos, total, cell)


#: The (status, contents) cells a record is made from (see :mod:`bosetting.ssb._cells`).
_RECORD_CELLS = ((TOTAL, PERSONS), (WORK_OR_EDUCATION, PERSONS), (WORK_OR_EDUCATION, PERCENT))


def _sparse_cells(
    values: dict[str, Any],
    status: Any,
    codes: list[list[str]],
    sizes: list[int],
    pos: dict[str, int],
    total: int,
    cell: Any,
) -> list[Cell]:
    """The cells of a sparse ``value`` (an object): only those the file holds, and their records' gaps.

    The dimensions may declare many more cells than the file holds; the work is
    proportional to the entries present, never to the declared size. A record with
    at least one entry gets its other cells as missing (JSON-stat leaves out null
    values); a combination with no entry at all is not in the file and makes no record.
    """
    present = {int(k) for k in values}
    if isinstance(status, dict):
        present |= {int(k) for k in status if re.fullmatch(r"[0-9]{1,9}", k) and int(k) < total}
    elif isinstance(status, list):
        present |= {i for i, x in enumerate(status[:total]) if isinstance(x, str)}
    strides = [math.prod(sizes[d + 1 :]) for d in range(len(sizes))]

    def combo_of(i: int) -> tuple[int, ...]:
        return tuple((i // stride) % size for stride, size in zip(strides, sizes, strict=True))

    where = {
        dim: {code: n for n, code in enumerate(codes[pos[dim]])}
        for dim in ("Arbeidsmarkedsstatus", "ContentsCode")
    }
    needed = [
        (where["Arbeidsmarkedsstatus"].get(labour), where["ContentsCode"].get(contents))
        for labour, contents in _RECORD_CELLS
    ]
    wanted = set(present)
    for i in present:
        at = list(combo_of(i))
        for labour, contents in needed:
            if labour is not None and contents is not None:
                at[pos["Arbeidsmarkedsstatus"]], at[pos["ContentsCode"]] = labour, contents
                wanted.add(sum(p * stride for p, stride in zip(at, strides, strict=True)))
    return [cell(i, tuple(codes[d][p] for d, p in enumerate(combo_of(i)))) for i in sorted(wanted)]
