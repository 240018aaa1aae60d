"""SSB table 10824 cells to :class:`IntroProgrammeOutcome` records.

Shared by the JSON-stat2 and CSV readers in :mod:`bosetting.ssb`. A *cell* is
one number of the table with its six dimension codes; the cells of one region,
sex, years-since-leaving and status year make one record. Region codes are
mapped through the municipality register as it was in the row's status year.

Examples:
    >>> area_of("1001", 2014, file="x.json", where="Region")
    (<AreaType.MUNICIPALITY: 'municipality'>, '1001', 'Kristiansand')
    >>> area_of("0", 2014, file="x.json", where="Region")[2]
    'Hele landet'
    >>> parse_number("1 234,5", file="x.csv", row=3, field="Personer 2014")
    (1234.5, <FigureStatus.PUBLISHED: 'published'>)
    >>> parse_number(":", file="x.csv", row=3, field="Personer 2014")
    (None, <FigureStatus.SUPPRESSED: 'suppressed'>)
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable

import attrs

from bosetting.errors import BosettingError, LimitError, MunicipalityNotFound, SSBFormatError
from bosetting.i18n import N_, LazyText, lazy_gettext
from bosetting.model import (
    AreaType,
    FigureStatus,
    IntroProgrammeOutcome,
    Sex,
    Source,
    Text,
    checked,
)
from bosetting.register import first_year, last_year, municipalities, register_year
from bosetting.register import municipality as _municipality

__all__ = [
    "DIMENSIONS",
    "MAX_SSB_CELLS",
    "MAX_VALUE",
    "PERCENT",
    "PERSONS",
    "SEXES",
    "SYMBOLS",
    "TABLE_ID",
    "TOO_LARGE",
    "TOTAL",
    "WORK_OR_EDUCATION",
    "Cell",
    "area_of",
    "build_records",
    "cell_limit",
    "out_of_force",
    "out_of_force_note",
    "parse_number",
    "problem_of",
]

#: The most cells one export may declare (JSON-stat2) or hold (CSV): SSB's API
#: answers at most 800 000 cells per query, so every answer fits.
MAX_SSB_CELLS = 1_000_000

#: The largest number a cell of table 10824 may hold (persons or per cent).
MAX_VALUE = 1e9
#: The message for a cell over :data:`MAX_VALUE` (``limit``), in both readers.
TOO_LARGE = N_("a number larger than table 10824 can hold (over {limit})")

TABLE_ID = "10824"
#: The dimensions of table 10824 as PxWebApi names them.
DIMENSIONS = ("Region", "Kjonn", "IntroAvbrudd", "Arbeidsmarkedsstatus", "ContentsCode", "Tid")
PERSONS = "DeltakereProg"
PERCENT = "DeltakereProg1"
TOTAL = "00"
WORK_OR_EDUCATION = "1"
SEXES = {"0": Sex.ALL, "1": Sex.MEN, "2": Sex.WOMEN}
#: SSB's table symbols for figures that are not published.
SYMBOLS = {
    ":": FigureStatus.SUPPRESSED,
    "..": FigureStatus.MISSING,
    ".": FigureStatus.NOT_APPLICABLE,
    "-": FigureStatus.NIL,
    "...": FigureStatus.NOT_AVAILABLE,
}


@attrs.frozen
class Cell:
    """One number of table 10824 and where it came from.

    Attributes:
        region: Region code as published (``"0"``, ``"42"``, ``"1001"``).
        sex: ``"0"`` both, ``"1"`` men, ``"2"`` women.
        years_after: Years since leaving, 1-5.
        labour: Labour-market status code (``"00"`` total, ``"1"`` work or education ...).
        contents: ``"DeltakereProg"`` (persons) or ``"DeltakereProg1"`` (per cent).
        year: Status year (SSB's ``Tid``).
        value: The number, or ``None`` when not published.
        status: Published, or the symbol's meaning.
        row: The CSV line, or the JSON value index.
        field: The column or JSON member that held it.
    """

    region: str
    sex: str
    years_after: int
    labour: str
    contents: str
    year: int
    value: float | None
    status: FigureStatus
    row: int | None
    field: str


def problem_of(exc: BosettingError) -> LazyText:
    """An error's message (without its place) as a parameter of another, in the language shown."""
    return lazy_gettext(exc.message_id, **exc.params)


def parse_number(
    text: str, *, file: str, row: int | None, field: str
) -> tuple[float | None, FigureStatus]:
    """Read one CSV cell: an SSB symbol, or a number with decimal comma or point.

    Raises:
        SSBFormatError: When the cell is neither a number nor a known symbol.
    """
    cell = text.strip().strip('"').strip()
    if cell in SYMBOLS:
        return None, SYMBOLS[cell]
    if cell == "":
        return None, FigureStatus.MISSING
    normal = re.sub(r"[\s\u00a0\u202f]", "", cell).replace(",", ".")
    if not re.fullmatch(r"-?[0-9]{1,15}(\.[0-9]{1,15})?", normal):
        raise SSBFormatError(
            N_(
                "not a number (digits 0-9, a decimal comma or point) and not one of SSB's "
                "symbols (: .. . - ...)"
            ),
            file=file,
            row=row,
            field=field,
            value=text,
        )
    number = float(normal)
    if not math.isfinite(number) or abs(number) > MAX_VALUE:
        raise SSBFormatError(
            TOO_LARGE,
            limit=int(MAX_VALUE),
            file=file,
            row=row,
            field=field,
            value=text,
        )
    return number, FigureStatus.PUBLISHED


def cell_limit(count: int, *, file: str, row: int | None) -> None:
    """Raise :class:`LimitError` once an export holds more than :data:`MAX_SSB_CELLS` cells."""
    if count > MAX_SSB_CELLS:
        raise LimitError(
            N_(
                "the export holds more cells than bosetting reads ({limit}, MAX_SSB_CELLS); "
                "download fewer regions or years per file"
            ),
            limit=MAX_SSB_CELLS,
            file=file,
            row=row,
            field="cells",
            value=count,
        )


def _register_year(year: int, *, file: str, where: str) -> int:
    if year < first_year():
        raise SSBFormatError(
            N_("status years before {first} are outside the municipality register"),
            first=first_year(),
            file=file,
            field=where,
            value=year,
        )
    return register_year(year)


@checked
def area_of(code: str, year: int, *, file: str, where: str) -> tuple[AreaType, str, str]:
    """The area type, code and name of a region code in a status year.

    Raises:
        SSBFormatError: When the code is not the country, a county or a
            municipality in force that year.
    """
    if code == "0":
        return AreaType.NATIONAL, "0", "Hele landet"
    y = _register_year(year, file=file, where=where)
    if re.fullmatch(r"[0-9]{2}", code):
        counties = {m.county_code: m.county for m in municipalities(y)}
        if code not in counties:
            raise SSBFormatError(
                N_("unknown region code: no county has this code in {year}"),
                year=y,
                file=file,
                field=where,
                value=code,
            )
        return AreaType.COUNTY, code, counties[code]
    if re.fullmatch(r"[0-9]{4}", code):
        try:
            m = _municipality(code, year=y)
        except MunicipalityNotFound as exc:
            raise SSBFormatError(
                N_("unknown region code in {year}: {problem}"),
                year=year,
                problem=problem_of(exc),
                file=file,
                field=where,
                value=code,
            ) from None
        return AreaType.MUNICIPALITY, m.code, m.name
    raise SSBFormatError(
        N_(
            "unknown region code: bosetting reads the country (0), counties (2 digits) and "
            "municipalities (4 digits); leave out næringsregioner and bydeler when you download"
        ),
        file=file,
        field=where,
        value=code,
    )


def _count(cell: Cell, *, file: str) -> int | None:
    if cell.value is None:
        return None
    if cell.value < 0 or cell.value != int(cell.value):
        raise SSBFormatError(
            N_("a number of persons must be a whole number of at least 0"),
            file=file,
            row=cell.row,
            field=cell.field,
            value=cell.value,
        )
    return int(cell.value)


def _share(cell: Cell, *, file: str) -> float | None:
    if cell.value is None:
        return None
    if not 0 <= cell.value <= 100:
        raise SSBFormatError(
            N_("a per cent must be between 0 and 100"),
            file=file,
            row=cell.row,
            field=cell.field,
            value=cell.value,
        )
    return round(cell.value / 100, 6)


_Key = tuple[str, str, int, int]
_USED = {(TOTAL, PERSONS), (WORK_OR_EDUCATION, PERSONS), (WORK_OR_EDUCATION, PERCENT)}


def _pick(
    cells: dict[tuple[str, str], Cell], labour: str, contents: str, key: _Key, *, file: str
) -> Cell:
    try:
        return cells[labour, contents]
    except KeyError:
        raise SSBFormatError(
            N_(
                "the export lacks the cell for Arbeidsmarkedsstatus {labour} and ContentsCode "
                "{contents} (region {region}, sex {sex}, year {year}); download both contents "
                "and the statuses {total} and {work}"
            ),
            labour=labour,
            contents=contents,
            region=key[0],
            sex=key[1],
            year=key[3],
            total=TOTAL,
            work=WORK_OR_EDUCATION,
            file=file,
            field="Arbeidsmarkedsstatus" if labour not in {c[0] for c in cells} else "ContentsCode",
            value=labour if labour not in {c[0] for c in cells} else contents,
        ) from None


def out_of_force_note(code: str, last: int) -> Text:
    """The note (a data text) on a figure the source keeps under a code no longer in force.

    Examples:
        >>> out_of_force_note("1901", 2012).en
        'The source gives the figure under code 1901, which KLASS has in force only up to and including 2012; kept as published.'
    """
    return Text(
        f"Kilden fører tallet under kode {code}, som etter KLASS bare gjaldt til og med "
        f"{last}; beholdt slik det ble publisert.",
        en=f"The source gives the figure under code {code}, which KLASS has in force only up "
        f"to and including {last}; kept as published.",
    )


@checked
def out_of_force(code: str, year: int) -> tuple[AreaType, str, str, Text] | None:
    """A code in force before ``year`` but not in it: its area, code, last name and a note.

    SSB counts former participants where they took part, so the first status
    year after a merger can come under the old number (IMDi's copy of 10824 has
    1729 Inderøy for 2012 and 1901 Harstad for 2013). Such a figure is kept under
    the number the source uses, with the last name the register gives it and a
    note; ``None`` when the code was never in force before ``year``.

    Examples:
        >>> out_of_force("1901", 2013)[2], out_of_force("1901", 2013)[3].nb
        ('Harstad', 'Kilden fører tallet under kode 1901, som etter KLASS bare gjaldt til og med 2012; beholdt slik det ble publisert.')
        >>> out_of_force("14", 2020)[:3]
        (<AreaType.COUNTY: 'county'>, '14', 'Sogn og Fjordane')
        >>> out_of_force("4602", 2019) is None
        True
    """
    first = first_year()
    for y in range(min(year, last_year() + 1) - 1, first - 1, -1):
        if re.fullmatch(r"[0-9]{4}", code):
            hit = [m for m in municipalities(y) if m.code == code]
            if hit:
                return AreaType.MUNICIPALITY, code, hit[0].name, out_of_force_note(code, y)
        elif re.fullmatch(r"[0-9]{2}", code):
            counties = {m.county_code: m.county for m in municipalities(y)}
            if code in counties:
                return AreaType.COUNTY, code, counties[code], out_of_force_note(code, y)
        else:
            return None
    return None


def build_records(
    cells: Iterable[Cell], *, file: str, source: Source, keep_out_of_force: bool = False
) -> tuple[IntroProgrammeOutcome, ...]:
    """Group cells into records, one per region, sex, years since leaving and status year.

    A region code that is not in force in a year is skipped only where none of
    its figures for that year is published (SSB fills such combinations with
    symbols); a published figure for it is an error, or with
    ``keep_out_of_force`` kept under that code with a note when the code was in
    force before (:func:`out_of_force`).

    Raises:
        SSBFormatError: Naming the file and the cell for every problem.
    """
    groups: dict[_Key, dict[tuple[str, str], Cell]] = defaultdict(dict)
    for c in cells:
        if c.sex not in SEXES:
            raise SSBFormatError(
                N_("unknown sex code (0, 1 or 2)"),
                file=file,
                row=c.row,
                field="Kjonn",
                value=c.sex,
            )
        group = groups[c.region, c.sex, c.years_after, c.year]
        if (c.labour, c.contents) in _USED and (c.labour, c.contents) in group:
            first = group[c.labour, c.contents]
            raise SSBFormatError(
                N_(
                    "the export holds this figure twice (region {region}, sex {sex}, year "
                    "{year}, status {labour}, {contents}); first in row {first}"
                )
                if first.row is not None
                else N_(
                    "the export holds this figure twice (region {region}, sex {sex}, year "
                    "{year}, status {labour}, {contents}); first at {first}"
                ),
                region=c.region,
                sex=c.sex,
                year=c.year,
                labour=c.labour,
                contents=c.contents,
                first=first.row if first.row is not None else first.field,
                file=file,
                row=c.row,
                field=c.field,
                value=c.value if c.value is not None else c.status.value,
            )
        group[c.labour, c.contents] = c
    out: list[IntroProgrammeOutcome] = []
    for key, group in groups.items():
        region, sex, after, year = key
        note = None
        try:
            area_type, code, name = area_of(region, year, file=file, where="Region")
        except SSBFormatError as exc:
            if all(c.status is not FigureStatus.PUBLISHED for c in group.values()):
                continue
            kept = out_of_force(region, year) if keep_out_of_force else None
            if kept is None:
                published = next(c for c in group.values() if c.status is FigureStatus.PUBLISHED)
                raise exc.located(row=published.row) from None  # the CSV line of a published figure
            area_type, code, name, note = kept
        total = _pick(group, TOTAL, PERSONS, key, file=file)
        work = _pick(group, WORK_OR_EDUCATION, PERSONS, key, file=file)
        pct = _pick(group, WORK_OR_EDUCATION, PERCENT, key, file=file)
        try:
            out.append(
                IntroProgrammeOutcome(
                    area_type=area_type,
                    area_code=code,
                    area_name=name,
                    cohort_year=year - after,
                    status_year=year,
                    years_after=after,
                    sex=SEXES[sex],
                    former_participants=_count(total, file=file),
                    former_participants_status=total.status,
                    in_work_or_education=_count(work, file=file),
                    in_work_or_education_status=work.status,
                    share=_share(pct, file=file),
                    share_status=pct.status,
                    sources=(source,),
                    note=note,
                )
            )
        except SSBFormatError:
            raise
        except BosettingError as exc:
            raise SSBFormatError(
                N_("region {region}, sex {sex}, status year {year}: {problem}"),
                region=region,
                sex=sex,
                year=year,
                problem=problem_of(exc),
                file=file,
                row=work.row,
                field=exc.field,
                value=exc.value,
            ) from None
    out.sort(key=lambda o: (o.area_code, o.status_year, o.sex.value, o.years_after))
    return tuple(out)
