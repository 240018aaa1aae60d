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
  is ours, read from how many codes are on each side of the change that day
  (:func:`bosetting.register.change_kinds`, the rule ``bosetting update`` uses too).
  Where that plain reading misleads, the row gets a note (``NOTES``) and also cites
  SSB's statbank page on the history of split municipalities.
"""

from __future__ import annotations

import argparse
import csv
import io
from pathlib import Path

from _build import out_folder, raw_bytes, write_table

from bosetting.register import change_kinds

REGISTER_FILE = "municipalities_klass131_2008-2025.csv"
CHANGES_FILE = "municipalities_changes_klass131_2008-2024.csv"

SOURCE_REGISTER = "ssb-klass-131"
SOURCE_CHANGES = "ssb-klass-131-changes"
SOURCE_STATBANK = "ssb-statbank-kommunehistorikk"

# Changes a plain walk along KLASS's change list gets wrong; SSB's statbank page on split
# municipalities (source ssb-statbank-kommunehistorikk) says how SSB itself groups them.
# Each note in bokmål and in English (our own words), written to note and note_en.
NOTES = {
    ("2024-01-01", "1507"): (
        "Sammenslåingen fra 2020 ble delvis reversert: Haram ble egen kommune igjen. "
        "SSBs statistikkbank grupperer gamle 1534 Haram under 1580 og resten under 1508.",
        "The merger of 2020 was partly reversed: Haram became a municipality of its own again. "
        "SSB's Statbank groups the old 1534 Haram under 1580 and the rest under 1508.",
    ),
    ("2020-01-01", "1850"): (
        "Tysfjord ble delt mellom Narvik og Hamarøy.",
        "Tysfjord was split between Narvik and Hamarøy.",
    ),
    ("2020-01-01", "5012"): (
        "Snillfjord ble delt mellom Heim, Hitra og Orkland.",
        "Snillfjord was split between Heim, Hitra and Orkland.",
    ),
    ("2017-01-01", "0720"): (
        "Stokke ble delt mellom Sandefjord og Tønsberg; SSBs statistikkbank regner hele "
        "Stokke til Sandefjord.",
        "Stokke was split between Sandefjord and Tønsberg; SSB's Statbank counts the whole of "
        "Stokke with Sandefjord.",
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
    "note_en",
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
    ordered = sorted(
        changes,
        key=lambda c: (c["change_date"], c["old_kommunenummer"], c["new_kommunenummer"]),
    )
    kinds = change_kinds(
        [(c["change_date"], c["old_kommunenummer"], c["new_kommunenummer"]) for c in ordered]
    )
    out = []
    for c, kind in zip(ordered, kinds, strict=True):
        day, old, new = c["change_date"], c["old_kommunenummer"], c["new_kommunenummer"]
        note, note_en = NOTES.get((day, old), ("", ""))
        sources = SOURCE_CHANGES + (";" + SOURCE_STATBANK if note else "")
        out.append(
            [day, old, c["old_name"], new, c["new_name"], kind.value, note, note_en, sources]
        )
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
