"""Build datasets/intro_outcomes.csv: SSB 10824 one year after leaving, 2011–2014, plus the national series.

Input: IMDi's extract of SSB table 10824 (four files in ``data-raw/``, see the README
there), the municipality register read through the library (``make data`` builds it
first), and the rows of ``intro_outcomes.csv`` that do not come from the extract: the
national figures from SSB's articles and reports, kept by hand with their sources.
Run from the repository root:

    python scripts/build_intro_outcomes.py
    python scripts/build_intro_outcomes.py --out PATH

Rules (written out in datasets/OUTCOMES-RESEARCH.md):

* One record per area, status year and sex, one year after leaving: the former
  participants, those in work and/or education, and SSB's share (whole per cent / 100).
  The extract also holds two to five years after leaving and the other statuses; the
  table does not.
* IMDi recoded sex: ``1`` is men, ``0`` women. ``:`` is a figure SSB suppressed and
  stays suppressed, with no value.
* The extract prints ``0`` in every cell where nobody left (and for numbers not in
  use that year). Such an area-year is left out, and so is a sex whose total is ``0``:
  a zero there cannot be told apart from "no figures".
* Areas are named by the register in the status year. A municipality number no
  longer in force that year keeps the number the source uses, the last name the
  register gives it, and a note.
* Every row the extract gives is rebuilt; every other row is kept as it is.
  National rows first (by status year, then sex), then counties and municipalities
  (by code, status year, sex).
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from _build import build_one_table, raw_bytes

from bosetting.data import source, table_path
from bosetting.errors import SSBFormatError
from bosetting.model import AreaType, FigureStatus, IntroProgrammeOutcome, Sex
from bosetting.ssb import area_of, out_of_force

FILES = (
    "ssb10824_imdi-copy_intro_status_arbutd-fylke-2011_2013.csv",
    "ssb10824_imdi-copy_intro_status_arbutd-fylke-2014.csv",
    "ssb10824_imdi-copy_intro_status_arbutd-kommune-2011_2013.csv",
    "ssb10824_imdi-copy_intro_status_arbutd-kommune-2014.csv",
)
EXTRACT_ID = "ssb-10824-imdikator-2015"  # IMDi's copy; every row built here cites it
SOURCE_IDS = ("ssb-statbank-10824", EXTRACT_ID)

# A column: years after leaving, sex, status, status year, unit.
COLUMN = re.compile(
    r"avslutta\.(ettaar|toaar|treaar|fireaar|femaar)_kjonn\.(alle|1|0)_avslutning\.status\.4\."
    r"(alle|arbutd|ledig\.tiltak|annet)_aar\.([0-9]{4})_enhet\.(personer|prosent)"
)
YEARS_AFTER = {"ettaar": 1, "toaar": 2, "treaar": 3, "fireaar": 4, "femaar": 5}
SEXES = {"alle": Sex.ALL, "1": Sex.MEN, "0": Sex.WOMEN}  # IMDi's recoding
SHIPPED_YEARS_AFTER = 1
TOTAL, WORK_OR_EDUCATION = "alle", "arbutd"
PERSONS, PERCENT = "personer", "prosent"
SYMBOLS = {s.symbol: s for s in FigureStatus if s is not FigureStatus.PUBLISHED}

HEADER = [
    "area_type",
    "area_code",
    "area_name",
    "cohort_year",
    "status_year",
    "years_after",
    "sex",
    "former_participants",
    "former_participants_status",
    "in_work_or_education",
    "in_work_or_education_status",
    "share",
    "share_status",
    "figure_stage",
    "method",
    "note",
    "note_en",
    "source_ids",
]
SOURCE_IDS_AT = HEADER.index("source_ids")

# One area-year of the extract: {(sex, status, unit): cell}, one year after leaving.
Block = dict[tuple[str, str, str], str]


def region(code: str, kind: str) -> str:
    """The region code with its leading zeros back ('101' -> '0101'); the country is '0'."""
    if kind == "fylke_nr":
        return "0" if int(code) == 0 else code.zfill(2)
    return code.zfill(4)


def read_blocks() -> dict[tuple[str, int, str], Block]:
    """Every area-year of the four files, by (region code, status year, file)."""
    blocks: dict[tuple[str, int, str], Block] = defaultdict(dict)
    for name in FILES:
        rows = list(
            csv.reader(io.StringIO(raw_bytes(name).decode("ascii"), newline=""), delimiter=";")
        )
        header, *body = rows
        columns = []
        for column in header[1:]:
            match = COLUMN.fullmatch(column)
            if match is None:
                raise SystemExit(f"{name}: unexpected column {column!r}")
            columns.append(match.groups())
        for cells in body:
            code = region(cells[0], header[0])
            for (after, sex, status, year, unit), cell in zip(columns, cells[1:], strict=True):
                if YEARS_AFTER[after] == SHIPPED_YEARS_AFTER:
                    blocks[code, int(year), name][sex, status, unit] = cell
    return blocks


def figure(cell: str) -> tuple[int | None, FigureStatus]:
    if cell in SYMBOLS:
        return None, SYMBOLS[cell]
    return int(cell), FigureStatus.PUBLISHED


def records(
    blocks: dict[tuple[str, int, str], Block], counts: Counter[str]
) -> list[IntroProgrammeOutcome]:
    sources = tuple(source(s) for s in SOURCE_IDS)
    out = []
    for (code, year, file), block in sorted(blocks.items()):
        if all(cell == "0" for cell in block.values()):
            counts["left out: area-years with 0 in every cell"] += 1
            continue
        note = None
        try:
            area_type, code, name = area_of(code, year, file=file, where="region")
        except SSBFormatError:
            kept = out_of_force(code, year)
            if kept is None or kept[0] is not AreaType.MUNICIPALITY:
                raise
            area_type, code, name, note = kept
            counts["area-years under a number not in force that year, kept with a note"] += 1
        for sex_code, sex in SEXES.items():
            total, total_status = figure(block[sex_code, TOTAL, PERSONS])
            if total == 0:
                counts["left out: a sex with 0 former participants"] += 1
                continue
            work, work_status = figure(block[sex_code, WORK_OR_EDUCATION, PERSONS])
            percent, share_status = figure(block[sex_code, WORK_OR_EDUCATION, PERCENT])
            out.append(
                IntroProgrammeOutcome(
                    area_type=area_type,
                    area_code=code,
                    area_name=name,
                    cohort_year=year - SHIPPED_YEARS_AFTER,
                    status_year=year,
                    years_after=SHIPPED_YEARS_AFTER,
                    sex=sex,
                    former_participants=total,
                    former_participants_status=total_status,
                    in_work_or_education=work,
                    in_work_or_education_status=work_status,
                    share=None if percent is None else percent / 100,
                    share_status=share_status,
                    sources=sources,
                    note=note,
                )
            )
    return out


def row(o: IntroProgrammeOutcome) -> list[str]:
    def count(n: int | None) -> str:
        return "" if n is None else str(n)

    return [
        o.area_type.value,
        o.area_code,
        o.area_name,
        str(o.cohort_year),
        str(o.status_year),
        str(o.years_after),
        o.sex.value,
        count(o.former_participants),
        o.former_participants_status.value,
        count(o.in_work_or_education),
        o.in_work_or_education_status.value,
        "" if o.share is None else f"{o.share:.2f}",
        o.share_status.value,
        o.stage.value,
        o.method.value,
        o.note.nb if o.note else "",
        (o.note.en or "") if o.note else "",
        ";".join(s.id for s in o.sources),
    ]


def kept_rows() -> list[list[str]]:
    """The rows of the shipped table that do not come from the extract, as written."""
    text = table_path("intro_outcomes").read_bytes().decode("utf-8")
    header, *rows = csv.reader(io.StringIO(text, newline=""))
    if header != HEADER:
        raise SystemExit(f"intro_outcomes.csv: unexpected header {header}")
    return [r for r in rows if EXTRACT_ID not in r[SOURCE_IDS_AT].split(";")]


def build() -> tuple[list[list[str]], list[str]]:
    counts: Counter[str] = Counter()
    built = [row(o) for o in records(read_blocks(), counts)]
    kept = kept_rows()
    if any(r[0] != AreaType.NATIONAL.value for r in kept):
        raise SystemExit(
            "intro_outcomes.csv: a county or municipality row does not cite the extract"
        )
    order = {s.value: i for i, s in enumerate(Sex)}

    def key(r: Sequence[str]) -> tuple[int, str, int, int]:
        kind = [t.value for t in AreaType].index(r[0])
        return kind, r[1] if kind else "", int(r[4]), order[r[6]]

    rows = sorted(kept + built, key=key)
    counts["rows kept as recorded (not from the extract)"] = len(kept)
    counts["rows from the extract"] = len(built)
    counts["rows written"] = len(rows)
    return rows, [f"{k}: {v}" for k, v in sorted(counts.items())]


def main(argv: list[str] | None = None) -> int:
    return build_one_table(__doc__, "intro_outcomes.csv", HEADER, build, argv)


if __name__ == "__main__":
    raise SystemExit(main())
