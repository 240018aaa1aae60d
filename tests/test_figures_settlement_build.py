"""settlement.csv is rebuilt byte for byte by scripts/build_settlement.py from IMDi's raw export.

The raw export is in data-raw/ (see the README there). The table covers every
municipality in the register for every year 2008–2023, and the 370 nominee rows
shipped before the rebuild (kept as a fixture) agree with it.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

import bosetting as bs

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "datasets" / "settlement.csv"
BEFORE = ROOT / "tests" / "fixtures" / "settlement" / "nominees_before_rebuild.csv"
SCRIPT = ROOT / "scripts" / "build_settlement.py"


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8"), newline="")))


def _register_size(year: int) -> int:
    runs = _rows(ROOT / "datasets" / "municipalities.csv")
    return sum(
        1
        for r in runs
        if int(r["valid_from"]) <= year and (not r["valid_to"] or int(r["valid_to"]) >= year)
    )


def test_rebuild_is_byte_identical(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "rows written: 6555" in done.stdout
    assert (tmp_path / "settlement.csv").read_bytes() == SHIPPED.read_bytes()


def test_every_municipality_every_year() -> None:
    rows = _rows(SHIPPED)
    per_year = Counter(int(r["year"]) for r in rows)
    assert sorted(per_year) == list(range(2008, 2024))
    for year, n in per_year.items():
        assert n == _register_size(year), year
    assert per_year[2022] == 356
    keys = [(int(r["year"]), r["code"]) for r in rows]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)


def test_statuses_match_values() -> None:
    for r in _rows(SHIPPED):
        for field in ("requested", "decided", "settled"):
            assert (r[f"{field}_status"] == "published") == (r[field] != ""), (r, field)
        assert r["source_ids"] == "imdi-bosatt-anmodede-2023"
        assert (r["partial_year"] == "true") == (r["year"] == "2023")


def test_nominee_rows_agree_with_the_rebuild() -> None:
    before = _rows(BEFORE)
    assert len(before) == 370
    now = {(r["code"], r["year"]): r for r in _rows(SHIPPED)}
    for old in before:
        new = now[old["code"], old["year"]]
        for field, value in old.items():
            if field == "note":
                # A note may gain a sentence (e.g. that IMDi files 2018-2019 figures under the
                # old Trøndelag number); nothing it said before is lost.
                assert value in new["note"], (old["code"], old["year"])
            else:
                assert new[field] == value, (old["code"], old["year"], field)


@pytest.mark.parametrize(
    ("code", "year", "requested", "decided", "settled"),
    [
        ("5037", 2018, 30, 30, 24),  # filed by IMDi under the old number 1719
        ("1756", 2012, 15, 10, 11),  # request and decision under the old Inderøy number 1729
        ("0301", 2008, 480, 240, None),
    ],
)
def test_spot_values(
    code: str, year: int, requested: int, decided: int, settled: int | None
) -> None:
    [s] = [s for s in bs.settlement(code, year=year) if s.code == code]
    assert (s.requested, s.decided, s.settled) == (requested, decided, settled)


def test_figures_moved_from_an_old_number_say_so() -> None:
    [s] = [s for s in bs.settlement("5037", year=2018) if s.code == "5037"]
    assert s.note is not None
    assert "1719" in s.note.nb
    assert s.note.en is not None
    assert "1719" in s.note.en
