"""Build datasets/municipalities.csv and municipality_changes.csv from SSB's KLASS 131 extracts.

Input: the register and change-list extracts in ``data-raw/`` (see the README there).
``make data`` runs this first, because the other build scripts read the register
through the library. Run from the repository root:

    python scripts/build_municipalities.py
    python scripts/build_municipalities.py --out PATH

Rules:

* ``municipalities.csv``: one row per run of the same code and name, sorted by code and
  first year; the county code is the code's first two digits.
* ``municipality_changes.csv``: one row per change, sorted by date and codes. The kind
  is ours, read from how many codes are on each side of the change that day: an old
  code going to several new ones is a split, several old codes going to one new one a
  merge, the same code with a new name a rename, and anything else a new number.
  Where that plain reading misleads, the row gets a note (``NOTES``) and also cites
  SSB's statbank page on the history of split municipalities.
"""

from __future__ import annotations

import argparse
import csv
import io
from collections import defaultdict
from pathlib import Path

from _build import out_folder, raw_bytes, write_table

from bosetting.model import ChangeKind

REGISTER_FILE = "municipalities_klass131_2008-2025.csv"
CHANGES_FILE = "municipalities_changes_klass131_2008-2024.csv"

SOURCE_REGISTER = "ssb-klass-131"
SOURCE_CHANGES = "ssb-klass-131-changes"
SOURCE_STATBANK = "ssb-statbank-kommunehistorikk"

# Changes a plain walk along KLASS's change list gets wrong; SSB's statbank page on split
# municipalities (source ssb-statbank-kommunehistorikk) says how SSB itself groups them.
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

REGISTER_HEADER = [
    "code",
    "name",
    "county_code",
    "county_name",
    "valid_from",
    "valid_to",
    "source_ids",
]
CHANGES_HEADER = [
    "date",
    "old_code",
    "old_name",
    "new_code",
    "new_name",
    "kind",
    "note",
    "source_ids",
]


def read_raw(name: str) -> list[dict[str, str]]:
    text = raw_bytes(name).decode("utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def register_rows(register: list[dict[str, str]]) -> list[list[str]]:
    return [
        [
            r["kommunenummer"],
            r["name"],
            r["kommunenummer"][:2],
            r["county_name"],
            r["valid_from_year"],
            r["valid_to_year"],
            SOURCE_REGISTER,
        ]
        for r in sorted(register, key=lambda r: (r["kommunenummer"], int(r["valid_from_year"])))
    ]


def change_rows(changes: list[dict[str, str]]) -> list[list[str]]:
    successors: dict[tuple[str, str], set[str]] = defaultdict(set)
    predecessors: dict[tuple[str, str], set[str]] = defaultdict(set)
    for c in changes:
        successors[c["change_date"], c["old_kommunenummer"]].add(c["new_kommunenummer"])
        predecessors[c["change_date"], c["new_kommunenummer"]].add(c["old_kommunenummer"])
    out = []
    for c in sorted(
        changes,
        key=lambda c: (c["change_date"], c["old_kommunenummer"], c["new_kommunenummer"]),
    ):
        day, old, new = c["change_date"], c["old_kommunenummer"], c["new_kommunenummer"]
        if len(successors[day, old]) > 1:
            kind = ChangeKind.SPLIT
        elif len(predecessors[day, new]) > 1:
            kind = ChangeKind.MERGE
        elif old == new:
            kind = ChangeKind.RENAME
        else:
            kind = ChangeKind.RENUMBER
        note = NOTES.get((day, old), "")
        sources = SOURCE_CHANGES + (";" + SOURCE_STATBANK if note else "")
        out.append([day, old, c["old_name"], new, c["new_name"], kind.value, note, sources])
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    out_folder(parser)
    args = parser.parse_args(argv)
    out: Path = args.out
    register = register_rows(read_raw(REGISTER_FILE))
    changes = change_rows(read_raw(CHANGES_FILE))
    write_table(out / "municipalities.csv", REGISTER_HEADER, register)
    write_table(out / "municipality_changes.csv", CHANGES_HEADER, changes)
    print(
        f"municipalities.csv: {len(register)} rows; municipality_changes.csv: {len(changes)} rows"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
