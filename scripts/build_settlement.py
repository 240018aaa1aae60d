"""Build datasets/settlement.csv for every municipality and year 2008–2023.

Input: IMDi's export ``bosatt_anmodede`` (ISO-8859-1, ``;``), kept byte for byte in
``data-raw/`` (see the README there), and the municipality register, read through the
library (``make data`` builds the register first). Run from the repository root:

    python scripts/build_settlement.py
    python scripts/build_settlement.py --out PATH

The output is deterministic (rows sorted by year, then code).

Rules (written out in datasets/OUTCOMES-RESEARCH.md):

* One row per municipality in the register for each year, under the code and name
  valid that year.
* IMDi's symbols become statuses: a number is ``published``, ``.`` (no figure) is
  ``not_applicable``, ``:`` is ``suppressed``; a category with no row in the export
  is ``missing``. Nothing is filled in.
* The export sometimes files a figure under a number that was not in force that year
  (for example the old Trøndelag numbers in 2018–2019). Such a figure is moved to the
  one municipality in force that year that a single change in the change list links
  it to, if that municipality has no figure of its own for the category; the row's
  note says so. Rows of numbers not in force that carry no figure at all are left
  out, and so are ``9999`` (unknown municipality) and the Svalbard and Jan Mayen
  codes. Everything left out is counted and printed.
"""

from __future__ import annotations

import csv
import functools
import io
import sys
from collections import Counter, defaultdict

from _build import build_one_table, raw_bytes

from bosetting.data import read_rows
from bosetting.model import ChangeKind, FigureStatus, Municipality
from bosetting.register import changes, first_year, last_year, municipalities

SOURCE_FILE = "imdi_bosatt_anmodede_1995-2023.csv"
SOURCE_ID = "imdi-bosatt-anmodede-2023"
FIRST_YEAR, LAST_YEAR = 2008, 2023
PARTIAL_YEAR = 2023

# IMDi's category names and our short keys.
CATEGORIES = {
    "Anmodning om bosetting": "requested",
    "Opprinnelig anmodning": "requested_original",
    "Vedtak om bosetting": "decided",
    "Faktisk bosetting": "settled",
}
CATEGORY_WORDS = {
    "requested": ("anmodning", "the request"),
    "requested_original": ("opprinnelig anmodning", "the original request"),
    "decided": ("vedtak", "the decision"),
    "settled": ("bosatte", "the number settled"),
}
# IMDi uses SSB's symbols.
STATUS = {s.symbol: s.value for s in (FigureStatus.NOT_APPLICABLE, FigureStatus.SUPPRESSED)}
NOT_MUNICIPALITIES = {"9999": "uoppgitt kommune"}
NOT_MUNICIPALITY_PREFIXES = ("21", "22")  # Svalbard, Jan Mayen

HEADER = [
    "code",
    "name",
    "year",
    "requested",
    "requested_status",
    "requested_original",
    "decided",
    "decided_status",
    "settled",
    "settled_status",
    "partial_year",
    "note",
    "note_en",
    "source_ids",
]

# Each note in bokmål and in English (our own words), written to note and note_en.
NOTE_2020 = (
    "Anmodningen ble nedjustert i løpet av 2020; vedtaket gjelder som regel den opprinnelige "
    "anmodningen og kan derfor være høyere enn den reviderte.",
    "The request was lowered during 2020; the decision usually answers the original request "
    "and may therefore be higher than the revised one.",
)
NOTE_2020_EQUAL = (
    "Opprinnelig og revidert anmodning er like i kilden.",
    "The original and the revised request are the same in the source.",
)
NOTE_2022 = (
    "Anmodningen ble oppjustert i 2022 etter krigen i Ukraina; tallet for anmodet er den "
    "reviderte anmodningen, og den første står ved siden av som opprinnelig anmodning.",
    "The request was raised in 2022 after the war in Ukraine; the requested figure is the "
    "revised request, and the first one stands beside it as the original request.",
)
NOTE_PARTIAL = (
    "Øyeblikksbilde fra september 2023; bosatte gjelder bare deler av året.",
    "A snapshot from September 2023; the number settled covers only part of the year.",
)
NOTE_DECIDED_ZERO = (
    "Vedtak er registrert som 0 i kilden; IMDi bruker 0 for at kommunen ikke har vedtatt å "
    "bosette, selv om det kan være bosatt personer samme år.",
    "The decision is recorded as 0 in the source; IMDi uses 0 when the municipality has not "
    "decided to settle anyone, even though people may have been settled the same year.",
)
NOTE_ALL_ZERO = (
    "Kilden viser 0 i alle tre kolonner; det er uklart om dette betyr null eller at tall mangler "
    "(tidligere år brukte «.»).",
    "The source shows 0 in all three columns; it is unclear whether this means none or that the "
    "figures are missing (earlier years used \u201c.\u201d).",
)
NOTE_NOT_IN_SOURCE = (
    "Kommunen har ingen rader i kilden dette året.",
    "The municipality has no rows in the source this year.",
)
NOTE_NO_DECISION = (
    "Vedtak mangler i kilden dette året.",
    "The decision is missing from the source this year.",
)

#: A note: (bokmål, English).
Note = tuple[str, str]


def read_source() -> list[list[str]]:
    text = raw_bytes(SOURCE_FILE).decode("iso-8859-1")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    if rows[0] != ["Enhet", "År", "Kommunenummer", "Kommune", "Bosetting", "Antall"]:
        sys.exit(f"{SOURCE_FILE}: unexpected header {rows[0]}")
    return rows[1:]


def base_name(name: str) -> str:
    """The Norwegian part of a register name ('Harstad - Hárstták' -> 'Harstad')."""
    return name.split(" - ")[0].split(" (")[0]


@functools.cache
def runs_by_code() -> dict[str, tuple[Municipality, ...]]:
    """Every run of the register, by code, oldest first."""
    runs: dict[str, set[Municipality]] = defaultdict(set)
    for year in range(first_year(), last_year() + 1):
        for m in municipalities(year):
            runs[m.code].add(m)
    return {code: tuple(sorted(ms, key=lambda m: m.valid_from)) for code, ms in runs.items()}


@functools.cache
def change_list() -> tuple[tuple[str, str, str], ...]:
    """(old code, old name, new code) of every change, those of 1 January 2008 included.

    The register's own change list starts after 2008 (changes on its first day lead into
    it); IMDi still files Kristiansund's 2008 figures under 1503, retired that day.
    """
    rows = sorted(read_rows("municipality_changes"), key=lambda r: (r["date"], r["old_code"]))
    return tuple((r["old_code"], r["old_name"], r["new_code"]) for r in rows)


@functools.cache
def neighbours() -> dict[str, frozenset[str]]:
    """The codes a change links each code to."""
    found: dict[str, set[str]] = defaultdict(set)
    for old, _name, new in change_list():
        if old != new:
            found[old].add(new)
            found[new].add(old)
    return {code: frozenset(codes) for code, codes in found.items()}


def name_near(code: str, year: int) -> str:
    """The register name of a code in the run nearest to year."""

    def distance(m: Municipality) -> int:
        lo, hi = m.valid_from, m.valid_to or 9999
        return 0 if lo <= year <= hi else min(abs(lo - year), abs(hi - year))

    runs = runs_by_code().get(code)
    if runs:
        return min(runs, key=distance).name
    for old, name, _new in change_list():  # a number retired before the register's first year
        if old == code:
            return name
    return code


def later_change(m: Municipality, year: int) -> tuple[ChangeKind, int] | None:
    """The first merger or split after ``year`` along ``m``'s later numbers, if any.

    A municipality that took in others while keeping its number (Stavanger and
    Trondheim in 2020, Tønsberg in 2017) counts as merged.
    """
    code, after = m.code, year
    for c in changes():
        if c.year <= after or c.old.code != code:
            continue
        if c.kind in (ChangeKind.MERGE, ChangeKind.SPLIT):
            return c.kind, c.year
        code, after = c.new.code, c.year
    return None


def merge_note(code: str, name: str, event: tuple[ChangeKind, int] | None) -> Note | None:
    if event is None:
        return None
    kind, when = event
    if kind is ChangeKind.MERGE:
        return (
            f"Tallet gjelder bare daværende {name} kommune (kode {code}) før "
            f"kommunesammenslåingen i {when}, ikke hele den senere kommunen.",
            f"The figure covers only the then {name} municipality (code {code}) before the "
            f"merger of {when}, not the whole later municipality.",
        )
    return (
        f"Tallet gjelder hele daværende {name} kommune (kode {code}) før delingen i {when}.",
        f"The figure covers the whole then {name} municipality (code {code}) before the split "
        f"of {when}.",
    )


def _joined(words: list[str], conjunction: str) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + f" {conjunction} " + words[-1]


def moved_note(cats: list[str], imdi_code: str, imdi_name: str, year: int) -> Note:
    nb = _joined([CATEGORY_WORDS[c][0] for c in cats], "og")
    en = _joined([CATEGORY_WORDS[c][1] for c in cats], "and")
    return (
        f"I kilden står {nb} under kommunenummeret {imdi_code} ({imdi_name}), "
        f"som ikke var i bruk i {year}.",
        f"The source gives {en} under the municipality number {imdi_code} ({imdi_name}), "
        f"which was not in use in {year}.",
    )


def build() -> tuple[list[list[str]], list[str]]:
    raw: dict[tuple[int, str], dict[str, str]] = defaultdict(dict)
    for unit, year_text, code, _name, category, value in read_source():
        if unit == "Personer" and FIRST_YEAR <= int(year_text) <= LAST_YEAR:
            raw[int(year_text), code][CATEGORIES[category]] = value

    report: list[str] = []
    counts: Counter[str] = Counter()
    cells: dict[tuple[int, str], dict[str, str]] = {}
    origin: dict[tuple[int, str], dict[str, tuple[str, str]]] = defaultdict(dict)
    valid = {y: {m.code: m for m in municipalities(y)} for y in range(FIRST_YEAR, LAST_YEAR + 1)}

    for (year, code), values in sorted(raw.items()):
        if code in valid[year]:
            cells[year, code] = dict(values)
    for (year, code), values in sorted(raw.items()):
        if code in valid[year]:
            continue
        figures = {k: v for k, v in values.items() if v != "."}
        if code in NOT_MUNICIPALITIES or code.startswith(NOT_MUNICIPALITY_PREFIXES):
            counts["left out: not a municipality"] += 1
            report.append(f"{year} {code}: not a municipality, left out: {values}")
            continue
        imdi_name = name_near(code, year)
        targets = sorted(neighbours().get(code, frozenset()) & set(valid[year]))
        if len(targets) > 1:
            targets = [t for t in targets if base_name(valid[year][t].name) == base_name(imdi_name)]
        if len(targets) != 1:
            if figures:
                counts["left out: figures with no single municipality to move to"] += 1
                report.append(f"{year} {code}: figures {figures} have no single target, left out")
            else:
                counts["left out: number not in force, no figure"] += 1
            continue
        target = targets[0]
        own = cells.setdefault((year, target), {})
        moved = 0
        for cat, value in sorted(values.items()):
            if cat not in own or (own[cat] == "." and value != "."):
                own[cat] = value
                origin[year, target][cat] = (code, imdi_name)
                moved += 1
            elif value != "." and own[cat] != value:
                counts["left out: target has its own figure"] += 1
                report.append(f"{year} {code}->{target} {cat}: both have figures, left out")
        if moved:
            counts["rows from a number not in force, moved to the number in force"] += 1
        elif not figures:
            counts["left out: number not in force, no figure"] += 1

    out: list[list[str]] = []
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        for code, m in sorted(valid[year].items()):
            found = cells.get((year, code), {})
            if not found:
                counts["rows with no data in the source"] += 1
            out.append(row(m, year, found, origin.get((year, code), {})))
    counts["rows written"] = len(out)
    for y in range(FIRST_YEAR, LAST_YEAR + 1):
        counts[f"rows {y}"] = sum(1 for r in out if r[2] == str(y))
    return out, [f"{k}: {v}" for k, v in sorted(counts.items())] + report


def figure(values: dict[str, str], cat: str) -> tuple[str, str]:
    """(value, status) of one category."""
    if cat not in values:
        return "", FigureStatus.MISSING.value
    v = values[cat]
    if v.isdigit():
        return str(int(v)), FigureStatus.PUBLISHED.value
    if v in STATUS:
        return "", STATUS[v]
    raise ValueError(f"unexpected cell {v!r}")


def row(
    m: Municipality,
    year: int,
    values: dict[str, str],
    moved: dict[str, tuple[str, str]],
) -> list[str]:
    """The table row of one municipality (``m``, in force in ``year``) and year."""
    code, name = m.code, m.name
    req, req_s = figure(values, "requested")
    dec, dec_s = figure(values, "decided")
    sett, sett_s = figure(values, "settled")
    orig = values.get("requested_original", "")
    notes: list[Note] = []
    event = merge_note(code, name, later_change(m, year))
    if event and FigureStatus.PUBLISHED.value in (req_s, dec_s, sett_s):
        notes.append(event)
    by_origin: dict[tuple[str, str], list[str]] = defaultdict(list)
    for cat in CATEGORIES.values():
        if cat in moved:
            by_origin[moved[cat]].append(cat)
    for (imdi_code, imdi_name), cats in sorted(by_origin.items()):
        notes.append(moved_note(cats, imdi_code, imdi_name, year))
    if not values:
        notes.append(NOTE_NOT_IN_SOURCE)
    if year == 2020 and orig:
        if orig.isdigit() and orig == values.get("requested"):
            notes.append(NOTE_2020_EQUAL)
        else:
            notes.append(NOTE_2020)
        if orig in STATUS:
            same = values.get("requested") == orig
            if orig == FigureStatus.SUPPRESSED.symbol:
                words = ("undertrykt («:»)", "suppressed (\u201c:\u201d)")
            else:
                words = ("uten tall («.»)", "without a figure (\u201c.\u201d)")
            notes.append(
                (
                    f"Opprinnelig anmodning er{' også' if same else ''} {words[0]} i kilden.",
                    f"The original request is{' also' if same else ''} {words[1]} in the source.",
                )
            )
    if year == 2022 and orig:
        notes.append(NOTE_2022)
    if year == PARTIAL_YEAR:
        notes.append(NOTE_PARTIAL)
    if (req, dec, sett) == ("0", "0", "0"):
        notes.append(NOTE_ALL_ZERO)
    elif dec == "0":
        notes.append(NOTE_DECIDED_ZERO)
    if values and dec_s == "missing":
        notes.append(NOTE_NO_DECISION)
    return [
        code,
        name,
        str(year),
        req,
        req_s,
        str(int(orig)) if orig.isdigit() else "",
        dec,
        dec_s,
        sett,
        sett_s,
        "true" if year == PARTIAL_YEAR else "false",
        " ".join(nb for nb, _ in notes),
        " ".join(en for _, en in notes),
        SOURCE_ID,
    ]


def main(argv: list[str] | None = None) -> int:
    return build_one_table(__doc__, "settlement.csv", HEADER, build, argv)


if __name__ == "__main__":
    raise SystemExit(main())
