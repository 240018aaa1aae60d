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


# -- the environment: one line and exit status 2, never "internal error" -------------


def _command(
    *argv: str, stdout: int | None = None, env: dict[str, str] | None = None
) -> tuple[int, str]:
    """Run ``python -m bosetting *argv`` in a process of its own: exit status and standard error."""
    import os

    proc = subprocess.run(
        [sys.executable, "-m", "bosetting", *argv],
        stdout=stdout if stdout is not None else subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
    )
    return proc.returncode, proc.stderr


def test_a_full_disk_is_one_line_not_a_bug() -> None:
    with open("/dev/full", "wb") as full:
        status, err = _command("history", stdout=full.fileno())
    assert status == 2
    assert err.count("\n") == 1
    assert "intern feil" not in err
    assert err == "bosetting: feil: kan ikke skrive utdataene: disken er full\n"


def test_a_closed_pipe_is_one_line_not_a_bug() -> None:
    import os

    read, write = os.pipe()
    os.close(read)  # nobody reads what the command writes (as `| head -0` does)
    try:
        status, err = _command("history", stdout=write)
    finally:
        os.close(write)
    assert status == 2
    assert err == "bosetting: feil: utdataene ble lukket før alt var skrevet (et brutt rør)\n"


def test_the_missing_program_is_named(
    tmp_path: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no LaTeX here, even where it is installed
    target = str(tmp_path / "kinn.pgf")  # type: ignore[operator]
    status, _, err = run(capsys, "outcomes", "Kinn", "--plot", target, "--lang", "en")
    assert status == 2
    assert err.endswith(
        "kinn.pgf: the format .pgf needs the program xelatex, which is not installed here; "
        "use .png, .svg, .pdf\n"
    )
    assert err.count("\n") == 1


def test_a_real_bug_still_says_internal_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from bosetting.cli import cmd_history

    def broken(args: object) -> int:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(cmd_history, "_run", broken)
    status, _, err = run(capsys, "history")
    assert status == 1
    assert "intern feil" in err
    assert "ZeroDivisionError" in err
