"""Build datasets/settlement.csv for every municipality and year 2008–2023.

Input: IMDi's export ``bosatt_anmodede`` (ISO-8859-1, ``;``), kept byte for byte in
``../shared/research/data/`` (see the README there), plus the register and change list
already shipped in ``datasets/``. Run from the repository root:

    python scripts/build_settlement.py
    python scripts/build_settlement.py --source PATH --out PATH

The output is deterministic (rows sorted by year, then code) and committed; this
script documents how it was made and is not part of the package.

Rules (written out in datasets/OUTCOMES-RESEARCH.md):

* One row per municipality in the register (``municipalities.csv``) for each year,
  under the code and name valid that year.
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

import argparse
import csv
import hashlib
import io
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT.parent / "shared" / "research" / "data" / "imdi_bosatt_anmodede_1995-2023.csv"
SOURCE_SHA256 = "275de86dbda80cb883df8690ac2aa3d122bf478d81990b434fc6db07d1c2a9a3"
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
CATEGORY_NB = {
    "requested": "anmodning",
    "requested_original": "opprinnelig anmodning",
    "decided": "vedtak",
    "settled": "bosatte",
}
STATUS = {".": "not_applicable", ":": "suppressed"}
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
    "source_ids",
]

NOTE_2020 = (
    "Anmodningen ble nedjustert i løpet av 2020; vedtaket gjelder som regel den opprinnelige "
    "anmodningen og kan derfor være høyere enn den reviderte."
)
NOTE_2020_EQUAL = "Opprinnelig og revidert anmodning er like i kilden."
NOTE_2022 = (
    "Anmodningen ble oppjustert i 2022 etter krigen i Ukraina; requested er revidert anmodning "
    "og requested_original den første."
)
NOTE_PARTIAL = "Øyeblikksbilde fra september 2023; bosatte gjelder bare deler av året."
NOTE_DECIDED_ZERO = (
    "Vedtak er registrert som 0 i kilden; IMDi bruker 0 for at kommunen ikke har vedtatt å "
    "bosette, selv om det kan være bosatt personer samme år."
)
NOTE_ALL_ZERO = (
    "Kilden viser 0 i alle tre kolonner; det er uklart om dette betyr null eller at tall mangler "
    "(tidligere år brukte «.»)."
)
NOTE_NOT_IN_SOURCE = "Kommunen har ingen rader i kilden dette året."


def read_source(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != SOURCE_SHA256:
        sys.exit(f"{path}: SHA-256 {digest} is not the documented {SOURCE_SHA256}")
    rows = list(csv.reader(io.StringIO(raw.decode("iso-8859-1"), newline=""), delimiter=";"))
    if rows[0] != ["Enhet", "År", "Kommunenummer", "Kommune", "Bosetting", "Antall"]:
        sys.exit(f"{path}: unexpected header {rows[0]}")
    return rows[1:]


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def base_name(name: str) -> str:
    """The Norwegian part of a register name ('Harstad - Hárstták' -> 'Harstad')."""
    return name.split(" - ")[0].split(" (")[0]


class Register:
    def __init__(self, runs: list[dict[str, str]], changes: list[dict[str, str]]) -> None:
        self.runs = runs
        self.changes = sorted(changes, key=lambda c: (c["date"], c["old_code"], c["new_code"]))
        self.neighbours: dict[str, set[str]] = defaultdict(set)
        for c in self.changes:
            if c["old_code"] != c["new_code"]:
                self.neighbours[c["old_code"]].add(c["new_code"])
                self.neighbours[c["new_code"]].add(c["old_code"])

    def valid(self, year: int) -> dict[str, str]:
        return {
            r["code"]: r["name"]
            for r in self.runs
            if int(r["valid_from"]) <= year and (not r["valid_to"] or int(r["valid_to"]) >= year)
        }

    def name_near(self, code: str, year: int) -> str:
        """The register name of a code in the run nearest to year."""

        def distance(r: dict[str, str]) -> int:
            lo, hi = int(r["valid_from"]), int(r["valid_to"] or 9999)
            return 0 if lo <= year <= hi else min(abs(lo - year), abs(hi - year))

        runs = [r for r in self.runs if r["code"] == code]
        if runs:
            return min(runs, key=distance)["name"]
        for c in self.changes:  # a number retired before the register's first year
            if c["old_code"] == code:
                return c["old_name"]
        return code

    def later_change(self, code: str, year: int) -> tuple[str, int] | None:
        """The first merge or split after year along the code's renumberings, if any."""
        current, after = code, f"{year}-12-31"
        for c in self.changes:
            if c["date"] <= after or c["old_code"] != current:
                continue
            if c["kind"] in ("merge", "split"):
                return c["kind"], int(c["date"][:4])
            current, after = c["new_code"], c["date"]
        return None


def merge_note(code: str, name: str, event: tuple[str, int] | None) -> str | None:
    if event is None:
        return None
    kind, when = event
    if kind == "merge":
        return (
            f"Tallet gjelder bare daværende {name} kommune (kode {code}) før "
            f"kommunesammenslåingen i {when}, ikke hele den senere kommunen."
        )
    return f"Tallet gjelder hele daværende {name} kommune (kode {code}) før delingen i {when}."


def moved_note(cats: list[str], imdi_code: str, imdi_name: str, year: int) -> str:
    names = [CATEGORY_NB[c] for c in cats]
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " og " + names[-1]
    return (
        f"I kilden står {joined} under kommunenummeret {imdi_code} ({imdi_name}), "
        f"som ikke var i bruk i {year}."
    )


def build(source: Path, datasets: Path) -> tuple[list[list[str]], list[str]]:
    register = Register(
        read_csv(datasets / "municipalities.csv"), read_csv(datasets / "municipality_changes.csv")
    )
    raw: dict[tuple[int, str], dict[str, str]] = defaultdict(dict)
    for unit, year, code, _name, category, value in read_source(source):
        if unit == "Personer" and FIRST_YEAR <= int(year) <= LAST_YEAR:
            raw[int(year), code][CATEGORIES[category]] = value

    report: list[str] = []
    counts: Counter[str] = Counter()
    cells: dict[tuple[int, str], dict[str, str]] = {}
    origin: dict[tuple[int, str], dict[str, tuple[str, str]]] = defaultdict(dict)
    valid = {y: register.valid(y) for y in range(FIRST_YEAR, LAST_YEAR + 1)}

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
        imdi_name = register.name_near(code, year)
        targets = sorted(register.neighbours[code] & set(valid[year]))
        if len(targets) > 1:
            targets = [t for t in targets if base_name(valid[year][t]) == base_name(imdi_name)]
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
        for code, name in sorted(valid[year].items()):
            values = cells.get((year, code))
            if not values:
                counts["rows with no data in the source"] += 1
            out.append(row(register, year, code, name, values or {}, origin.get((year, code), {})))
    counts["rows written"] = len(out)
    for y in range(FIRST_YEAR, LAST_YEAR + 1):
        counts[f"rows {y}"] = sum(1 for r in out if r[2] == str(y))
    return out, [f"{k}: {v}" for k, v in sorted(counts.items())] + report


def figure(values: dict[str, str], cat: str) -> tuple[str, str]:
    """(value, status) of one category."""
    if cat not in values:
        return "", "missing"
    v = values[cat]
    if v.isdigit():
        return str(int(v)), "published"
    if v in STATUS:
        return "", STATUS[v]
    raise ValueError(f"unexpected cell {v!r}")


def row(
    register: Register,
    year: int,
    code: str,
    name: str,
    values: dict[str, str],
    moved: dict[str, tuple[str, str]],
) -> list[str]:
    req, req_s = figure(values, "requested")
    dec, dec_s = figure(values, "decided")
    sett, sett_s = figure(values, "settled")
    orig = values.get("requested_original", "")
    notes: list[str] = []
    event = merge_note(code, name, register.later_change(code, year))
    if event and "published" in (req_s, dec_s, sett_s):
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
            also = " også" if values.get("requested") == orig else ""
            word = "undertrykt («:»)" if orig == ":" else "uten tall («.»)"
            notes.append(f"Opprinnelig anmodning er{also} {word} i kilden.")
    if year == 2022 and orig:
        notes.append(NOTE_2022)
    if year == PARTIAL_YEAR:
        notes.append(NOTE_PARTIAL)
    if (req, dec, sett) == ("0", "0", "0"):
        notes.append(NOTE_ALL_ZERO)
    elif dec == "0":
        notes.append(NOTE_DECIDED_ZERO)
    if values and dec_s == "missing":
        notes.append("Vedtak mangler i kilden dette året.")
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
        " ".join(notes),
        SOURCE_ID,
    ]


def write(rows: list[list[str]], out: Path) -> None:
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(HEADER)
        w.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--datasets", type=Path, default=ROOT / "datasets")
    parser.add_argument("--out", type=Path, default=ROOT / "datasets" / "settlement.csv")
    args = parser.parse_args(argv)
    if not args.source.is_file():
        sys.exit(f"{args.source}: not found (expected ../shared beside the repository)")
    rows, report = build(args.source, args.datasets)
    write(rows, args.out)
    print("\n".join(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
