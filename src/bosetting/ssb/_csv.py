"""Read table 10824 from SSB's CSV export (``;``-separated, decimal comma).

The layout read is the one StatBank and PxWebApi write: optional title lines
(the table number first), then a header whose first columns are the dimensions
(region, kjønn, avsluttet eller avbrutt ..., arbeidsmarkedsstatus, and
statistikkvariabel or år where they are not pivoted), then one value column per
remaining combination, headed ``"<statistikkvariabel> <år>"`` (or a single value
column when both are rows). Category cells hold ``"code label"`` (``"1001
Kristiansand"``) or the label alone.
"""

from __future__ import annotations

import csv
import io
import re

from bosetting.data import csv_problem, decode_text
from bosetting.errors import BosettingError, SSBFormatError
from bosetting.i18n import N_, lazy_gettext
from bosetting.register import municipalities, municipality, register_year
from bosetting.ssb._cells import (
    PERCENT,
    PERSONS,
    TABLE_ID,
    TOTAL,
    WORK_OR_EDUCATION,
    Cell,
    cell_limit,
    problem_of,
)
from bosetting.ssb._cells import parse_number as _number

__all__ = ["decode", "parse_csv"]

_DIM_WORDS = (
    ("Region", ("region",)),
    ("Kjonn", ("kjønn", "kjonn", "sex")),
    ("IntroAvbrudd", ("avsluttet eller avbrutt", "introavbrudd")),
    ("Arbeidsmarkedsstatus", ("arbeidsmarkedsstatus",)),
    ("ContentsCode", ("statistikkvariabel", "contentscode")),
    ("Tid", ("år", "tid", "year")),
)
_NUMBERS = {"ett": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5}
_SEX_LABELS = {"begge kjønn": "0", "menn": "1", "kvinner": "2"}


def decode(raw: bytes, file: str = "<bytes>") -> str:
    r"""SSB's exports come in UTF-8 (with or without BOM) and Latin-1: the one user-file decoder.

    See :func:`bosetting.data.decode_text` (a UTF-8 BOM, else UTF-8, else
    Windows-1252, else Latin-1; NUL bytes are refused).

    Examples:
        >>> decode("Tromsø".encode("latin-1"))
        'Tromsø'
        >>> decode("\ufeffTromsø".encode("utf-8"))
        'Tromsø'
    """
    return decode_text(raw, file, SSBFormatError)[0]


def _dimension(heading: str) -> str | None:
    h = heading.strip().casefold()
    for dim, words in _DIM_WORDS:
        if h in words or (dim != "Tid" and any(h.startswith(w) for w in words)):
            return dim
    return None


def _contents(text: str) -> str | None:
    t = text.strip().casefold()
    if "prosent" in t or t == PERCENT.casefold() or "per cent" in t:
        return PERCENT
    if "personer" in t or t == PERSONS.casefold() or "persons" in t:
        return PERSONS
    return None


def _split_code(text: str) -> tuple[str | None, str]:
    match = re.fullmatch(r"\s*([0-9]+|K-?[0-9]{4})\s+(.*?)\s*", text)
    if match:
        return match.group(1).removeprefix("K").removeprefix("-"), match.group(2)
    if re.fullmatch(r"\s*[0-9]+\s*", text):
        return text.strip(), ""
    return None, re.sub(r"\s*\(.*\)\s*$", "", text.strip())


def _region(text: str, year: int, *, file: str, row: int) -> str:
    code, label = _split_code(text)
    if code is not None:
        return code
    if label.casefold() in ("hele landet", "landet"):
        return "0"
    y = register_year(year)
    counties = {m.county.casefold(): m.county_code for m in municipalities(y)}
    if label.casefold() in counties:
        return counties[label.casefold()]
    try:
        return municipality(label, year=y).code
    except BosettingError as exc:
        raise SSBFormatError(
            N_("unknown region: {problem}"),
            problem=problem_of(exc),
            file=file,
            row=row,
            field="region",
            value=text,
        ) from None


def _sex(text: str, *, file: str, row: int) -> str:
    code, label = _split_code(text)
    if code is not None:
        return code
    if label.casefold() in _SEX_LABELS:
        return _SEX_LABELS[label.casefold()]
    raise SSBFormatError(
        N_("unknown sex (Begge kjønn, Menn, Kvinner)"),
        file=file,
        row=row,
        field="kjønn",
        value=text,
    )


def _after(text: str, *, file: str, row: int) -> int:
    code, label = _split_code(text)
    if code is not None and re.fullmatch(r"[0-9]{1,2}", code) and 1 <= int(code) <= 5:
        return int(code)
    first = label.casefold().split(" ")[0] if label else ""
    if first in _NUMBERS:
        return _NUMBERS[first]
    raise SSBFormatError(
        N_("unknown years since leaving (01-05, 'Ett år tidligere' ...)"),
        file=file,
        row=row,
        field="avsluttet eller avbrutt introduksjonsprogram",
        value=text,
    )


def _labour(text: str) -> str:
    code, label = _split_code(text)
    if code is not None:
        return code
    t = label.casefold()
    if t.startswith("sysselsatt og/eller under utdanning") or t.startswith(
        "sysselsatt og / eller under utdanning"
    ):
        return WORK_OR_EDUCATION
    if t in ("i alt", "alle", "arbeidsmarkedsstatus i alt", "arbeidssituasjon i alt", "total"):
        return TOTAL
    return "other:" + t


def _header(rows: list[list[str]], file: str) -> tuple[int, list[str]]:
    for i, cells in enumerate(rows):
        dims = [_dimension(c) for c in cells]
        if dims.count(None) < len(dims) and len(cells) >= 3:
            titles = [" ".join(r) for r in rows[:i] if any(x.strip() for x in r)]
            titles += [c for c, d in zip(cells, dims, strict=True) if d is None]
            for title in titles:
                number = re.match(r"\s*\"?([0-9]{5})\b", title)
                if number and number.group(1) != TABLE_ID:
                    raise SSBFormatError(
                        N_("this is SSB table {found}, not table {table}"),
                        found=number.group(1),
                        table=TABLE_ID,
                        file=file,
                        row=i + 1,
                        field="title",
                        value=title.strip(),
                    )
            return i, cells
    raise SSBFormatError(
        N_("no header row with the table's dimensions (region, kjønn ...)"), file=file
    )


def parse_csv(text: str, file: str) -> list[Cell]:
    """Every cell of a CSV export of table 10824.

    Raises:
        SSBFormatError: For another table, a missing dimension, an unknown
            category or a non-numeric cell, naming the line and column.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";")
    try:
        rows = list(reader)
    except csv.Error as exc:
        raise SSBFormatError(
            N_("unreadable CSV layout at line {line}: {problem}"),
            line=reader.line_num,
            problem=csv_problem(exc),
            file=file,
            row=reader.line_num,
        ) from None
    at, header = _header(rows, file)
    dims = [_dimension(h) for h in header]
    _refuse_repeated_columns(header, dims, file=file, row=at + 1)
    for needed in ("Region", "Kjonn", "IntroAvbrudd", "Arbeidsmarkedsstatus"):
        if needed not in dims:
            raise SSBFormatError(
                N_("the dimension {dimension} is missing from the header"),
                dimension=needed,
                file=file,
                row=at + 1,
                field=needed,
                value=";".join(header),
            )
    value_cols: list[tuple[int, str | None, int | None]] = []
    for j, (heading, dim) in enumerate(zip(header, dims, strict=True)):
        if dim is not None:
            continue
        match = re.fullmatch(r"\s*(.*?)\s*([0-9]{4})\s*", heading)
        label, year = (match.group(1), int(match.group(2))) if match else (heading, None)
        contents = None if "ContentsCode" in dims else _contents(label)
        if ("ContentsCode" not in dims and contents is None) or (
            "Tid" not in dims and year is None
        ):
            raise SSBFormatError(
                N_(
                    "cannot tell the statistikkvariabel and year of this column; the heading "
                    "should read like 'Personer 2014' or 'Prosent 2014'"
                ),
                file=file,
                row=at + 1,
                field=heading,
                value=heading,
            )
        value_cols.append((j, contents, year))
    col = {d: dims.index(d) for d in dims if d is not None}
    cells: list[Cell] = []
    body = rows[at + 1 :]
    blank_before = False
    for line, cells_in in enumerate(body, start=at + 2):
        if not any(c.strip() for c in cells_in):
            blank_before = True
            continue
        if len(cells_in) != len(header) and not (
            len(cells_in) > len(header) and not any(c.strip() for c in cells_in[len(header) :])
        ):
            if blank_before and _notes_only(body[line - at - 2 :]):
                break  # notes below the table, after a blank line: no figure is in them
            raise _short_row(cells_in, len(header), file=file, row=line)
        blank_before = False
        for j, contents, year in value_cols:
            y = year if year is not None else _year(cells_in[col["Tid"]], file=file, row=line)
            c = contents or _contents(cells_in[col["ContentsCode"]]) or "other"
            value, status = _number(cells_in[j], file=file, row=line, field=header[j])
            cell_limit(len(cells) + 1, file=file, row=line)
            cells.append(
                Cell(
                    region=_region(cells_in[col["Region"]], y, file=file, row=line),
                    sex=_sex(cells_in[col["Kjonn"]], file=file, row=line),
                    years_after=_after(cells_in[col["IntroAvbrudd"]], file=file, row=line),
                    labour=_labour(cells_in[col["Arbeidsmarkedsstatus"]]),
                    contents=c,
                    year=y,
                    value=value,
                    status=status,
                    row=line,
                    field=header[j],
                )
            )
    return cells


def _refuse_repeated_columns(
    header: list[str], dims: list[str | None], *, file: str, row: int
) -> None:
    """Two columns of one dimension, or two value columns with one heading: which one holds the figures?"""
    seen: dict[str, str] = {}
    for heading, dim in zip(header, dims, strict=True):
        key = dim or " ".join(heading.split()).casefold()
        if key in seen:
            raise SSBFormatError(
                N_(
                    "the header has two columns for {column} ({first} and {second}); "
                    "download the table again or remove one"
                ),
                column=dim or heading,
                first=seen[key],
                second=heading,
                file=file,
                row=row,
                field=heading,
                value=";".join(header),
            )
        seen[key] = heading


def _notes_only(rows: list[list[str]]) -> bool:
    """Whether ``rows`` are notes below a table: lines of one cell each (or blank), none a figure."""
    return all(len(r) <= 1 and not _looks_like_data(r) for r in rows if any(c.strip() for c in r))


def _looks_like_data(cells: list[str]) -> bool:
    text = cells[0] if cells else ""
    return text.count(",") >= 2 or "\t" in text or re.match(r"\s*\"?[0-9]+ ", text) is not None


def _short_row(cells: list[str], expected: int, *, file: str, row: int) -> SSBFormatError:
    """A row that is not a row of the table: too few or too many cells (another separator, cut off)."""
    text = ";".join(cells)
    for sep, name in (("\t", lazy_gettext("tabs")), (",", "','")):
        if len(cells) == 1 and cells[0].count(sep) >= expected - 1:
            return SSBFormatError(
                N_(
                    "expected {expected} cells separated by ';', found {found}; the row seems "
                    "to be separated by {separator}: export the whole table with ';' again"
                ),
                expected=expected,
                found=len(cells),
                separator=name,
                file=file,
                row=row,
                value=text,
            )
    return SSBFormatError(
        N_(
            "expected {expected} cells separated by ';', found {found} (a row cut off?); "
            "no row of the table is skipped"
        )
        if len(cells) < expected
        else N_(
            "expected {expected} cells separated by ';', found {found} (a ';' in a cell "
            "that is not in quotes?); no row of the table is skipped"
        ),
        expected=expected,
        found=len(cells),
        file=file,
        row=row,
        value=text,
    )


def _year(text: str, *, file: str, row: int) -> int:
    t = text.strip()
    if not re.fullmatch(r"[0-9]{4}", t):
        raise SSBFormatError(
            N_("a year has four digits"), file=file, row=row, field="år", value=text
        )
    return int(t)
