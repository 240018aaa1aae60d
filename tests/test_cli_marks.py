"""Our interpretation and assumed criteria are marked wherever the command shows them.

What a jury looks for is marked "vår tolkning" / "our interpretation" where it is
bosetting's reading; the criteria of an edition no source confirms them for are
marked "Antatt" / "Assumed" (``check``, ``show``, ``screen``, practice jury sheets).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.helpers import run


def _out(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    status, out, err = run(capsys, *argv)
    assert status == 0, err
    return out


def _lines(text: str, start: str) -> list[str]:
    """The criterion block of ``check`` that starts with ``start`` (its first reasons)."""
    lines = text.splitlines()
    i = next(i for i, line in enumerate(lines) if start in line)
    return lines[i : i + 2]


def test_check_marks_our_interpretation_in_both_languages(
    capsys: pytest.CaptureFixture[str],
) -> None:
    nb = _out(capsys, "check", "Kinn", "--edition", "2021")
    en = _out(capsys, "--lang", "en", "check", "Kinn", "--edition", "2021")
    for criterion in ("2021-begge", "2021-fleksibilitet", "2021-utvikling", "2021-intro"):
        assert _lines(nb, criterion)[1].endswith("(vår tolkning)"), criterion
        assert _lines(en, criterion)[1].endswith("(our interpretation)"), criterion
    sourced = _out(capsys, "check", "Tønsberg", "--edition", "2023")
    assert "tolkning" not in " ".join(_lines(sourced, "2023-resultater"))
    assert "(vår tolkning)" in " ".join(_lines(sourced, "2023-tilpasset"))


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "Moss", "--edition", "2025"],
        ["show", "2025"],
        ["screen", "--edition", "2025", "--top", "3"],
    ],
    ids=" ".join,
)
def test_assumed_criteria_are_marked(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    assert "Antatt: ingen kilde sier at disse kriteriene fortsatt gjelder for 2025" in _out(
        capsys, *argv
    )
    assert "Assumed: no source says these criteria still apply to 2025" in _out(
        capsys, "--lang", "en", *argv
    )
    confirmed = [x if x != "2025" else "2024" for x in argv]
    confirmed = [x if x != "Moss" else "Kristiansand" for x in confirmed]
    assert "Antatt" not in _out(capsys, *confirmed)


def test_the_check_frame_says_which_criteria_are_assumed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    rows = list(
        csv.DictReader(
            io.StringIO(_out(capsys, "check", "Moss", "--edition", "2025", "--format", "csv"))
        )
    )
    assert rows
    assert {r["assumed"] for r in rows} == {"true"}
    rows = list(
        csv.DictReader(
            io.StringIO(_out(capsys, "check", "Kinn", "--edition", "2022", "--format", "csv"))
        )
    )
    assert {r["assumed"] for r in rows} == {"false"}


@pytest.mark.parametrize(("edition", "marked"), [("2025", True), ("2023", False)])
def test_practice_jury_sheets_mark_assumed_criteria(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, edition: str, marked: bool
) -> None:
    out = _out(
        capsys,
        "practice",
        "--edition",
        edition,
        "--out",
        str(tmp_path),
        "--seed",
        "3",
        "--ballots",
        "5",
    )
    assert ("Antatt:" in out) is marked
    sheet = (tmp_path / "ovingsdata-jury.csv").read_text(encoding="utf-8")
    texts = {r["kriterietekst"] for r in csv.DictReader(io.StringIO(sheet))}
    assert texts
    assert all(t.endswith("(antatt)") is marked for t in texts)


def test_show_gives_the_handover_the_names_and_the_2018_conflict(
    capsys: pytest.CaptureFixture[str],
) -> None:
    shown = _out(capsys, "--lang", "en", "show", "2018")
    assert "Handed over by: minister of education and integration Jan Tore Sanner" in shown
    assert "“integrerings- og bosetningsprisen 2018” [S18]" in shown
    assert "C10 how the winner was chosen" in shown
    assert "mayor Simen Nord" in _out(capsys, "--lang", "en", "show", "2025")
