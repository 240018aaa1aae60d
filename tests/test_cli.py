from __future__ import annotations

import subprocess
import sys

import pytest

from bosetting.cli import main
from tests.helpers import run


def test_municipality_kinn(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "municipality", "Kinn")
    assert status == 0
    assert out.splitlines()[0] == "Kinn (4602), Vestland, 2020-"
    assert "Slått sammen med den: Flora (1401, 1977-2019), Vågsøy (1439, 1977-2019)" in out


def test_municipality_by_code_and_year(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "municipality", "1401", "--year", "2019")
    assert status == 0
    assert out.startswith("Flora (1401)")
    assert "Kommunen i dag: Kinn (4602, 2020-)" in out


def test_numbers_over_time(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "municipality", "Tromsø")
    lines = out.splitlines()
    header = lines.index("   Nummer  År         Navn (fylke)")  # the listing has a header row
    codes = [line.split()[0] for line in lines[header + 1 :] if line.startswith(("   ", " * "))]
    assert codes == ["1902", "5401", "*"]
    assert " * 5501" in out


def test_ambiguous_successor_printed(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "municipality", "Haram", "--year", "2019")
    assert status == 0
    assert "Kommunen i dag: uklart" in out


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["municipality", "301"], "verdi «301»"),
        (["municipality", "abcd"], "verdi «abcd»"),
        (["municipality", "Tromso"], "Tromsø"),
        (["municipality", "Oslo", "--year", "1999"], "2008–2025"),
        (["municipality", "Oslo", "--year", "x"], "ikke et heltall"),
        (["municipality"], "du må oppgi"),
        (["nonsense"], "ukjent valg"),
    ],
)
def test_user_errors_one_line_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], needle: str
) -> None:
    status, out, err = run(capsys, *argv)
    assert status == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("bosetting: feil: ")
    assert needle in err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.startswith("bosetting 0.")


def test_python_m_no_traceback() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "bosetting", "municipality", "301"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 1
