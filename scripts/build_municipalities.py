"""Build datasets/municipalities.csv and municipality_changes.csv from the research extract.

The input is SSB's classification 131 (KLASS) as extracted into ../shared/research
(see municipalities.md there). Run from the repository root:

    python scripts/build_municipalities.py ../shared/research

The output is committed; this script documents how it was made and is not part
of the package.
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

SOURCE_REGISTER = "ssb-klass-131"
SOURCE_CHANGES = "ssb-klass-131-changes"
SOURCE_STATBANK = "ssb-statbank-kommunehistorikk"

# Notes on the changes a plain walk along KLASS's change list gets wrong (municipalities.md §2.4).
NOTES = {
    ("2024-01-01", "1507"): (
        "Sammenslåingen fra 2020 ble delvis reversert: Haram ble egen kommune igjen. "
        "SSBs statistikkbank grupperer gamle 1534 Haram under 1580 og resten under 1508."
    ),
    ("2020-01-01", "1850"): "Tysfjord ble delt mellom Narvik og Hamarøy.",
    ("2020-01-01", "5012"): "Snillfjord ble delt mellom Heim, Hitra og Orkland.",
    ("2017-01-01", "0720"): (
        "Stokke ble delt mellom Sandefjord og Tønsberg; SSBs statistikkbank regner hele "
        "Stokke til Sandefjord."
    ),
}


def main(research: Path, out: Path) -> None:
    with open(research / "municipalities_klass131_2008-2025.csv", encoding="utf-8") as f:
        register = list(csv.DictReader(f))
    with open(research / "municipalities_changes_klass131_2008-2024.csv", encoding="utf-8") as f:
        changes = list(csv.DictReader(f))

    with open(out / "municipalities.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(
            ["code", "name", "county_code", "county_name", "valid_from", "valid_to", "source_ids"]
        )
        for r in sorted(register, key=lambda r: (r["kommunenummer"], int(r["valid_from_year"]))):
            code = r["kommunenummer"]
            w.writerow(
                [
                    code,
                    r["name"],
                    code[:2],
                    r["county_name"],
                    r["valid_from_year"],
                    r["valid_to_year"],
                    SOURCE_REGISTER,
                ]
            )

    successors: dict[tuple[str, str], set[str]] = defaultdict(set)
    predecessors: dict[tuple[str, str], set[str]] = defaultdict(set)
    for c in changes:
        successors[c["change_date"], c["old_kommunenummer"]].add(c["new_kommunenummer"])
        predecessors[c["change_date"], c["new_kommunenummer"]].add(c["old_kommunenummer"])

    with open(out / "municipality_changes.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(
            ["date", "old_code", "old_name", "new_code", "new_name", "kind", "note", "source_ids"]
        )
        for c in sorted(
            changes,
            key=lambda c: (c["change_date"], c["old_kommunenummer"], c["new_kommunenummer"]),
        ):
            day, old, new = c["change_date"], c["old_kommunenummer"], c["new_kommunenummer"]
            if len(successors[day, old]) > 1:
                kind = "split"
            elif len(predecessors[day, new]) > 1:
                kind = "merge"
            elif old == new:
                kind = "rename"
            else:
                kind = "renumber"
            note = NOTES.get((day, old), "")
            sources = SOURCE_CHANGES + (";" + SOURCE_STATBANK if note else "")
            w.writerow([day, old, c["old_name"], new, c["new_name"], kind, note, sources])


if __name__ == "__main__":
    root = Path(__file__).resolve().parents[1]
    main(
        Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared" / "research",
        root / "datasets",
    )
