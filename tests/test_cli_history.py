from __future__ import annotations

import pytest

from bosetting.history import editions
from tests.helpers import run


def test_history_one_line_per_edition(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "history")
    assert status == 0
    lines = out.splitlines()
    # A header row, one line per edition, and one for the missing work year 2017.
    assert len(lines) == 1 + len(editions()) + 1
    assert lines[0].split()[:2] == ["Utdeling", "Delt"]
    assert lines[1].split()[:2] == ["2008", "2008"]
    assert "ingen utdeling for arbeidsåret 2017" in next(x for x in lines if x.startswith("2017 "))
    assert "13. februar 2019" in next(line for line in lines if line.startswith("2018 "))
    assert "Kinn" in next(line for line in lines if line.startswith("2022 "))


def test_show_2022(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "show", "2022")
    assert status == 0
    assert out.startswith("Bosettings- og integreringsprisen 2022")
    assert "vinner    Kinn (4602)" in out
    assert "REKSAM" in out
    assert "https://www.imdi.no/" in out


def test_show_conflicts(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "show", "2018")
    assert "C1 sted: «Oslo»" in out
    assert "Gardermoen" in out


def test_show_by_two_year_label(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "show", "2019/2020")
    assert status == 0
    assert "Sunndal" in out


def test_record(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "record", "Bodø")
    assert status == 0
    assert out.splitlines()[0] == (
        "Bodø (1804): nominert 4 ganger, vunnet 0 ganger. I tillegg nevnt 1 gang som "
        "konkurrent, uten bekreftet nominasjon (ikke telt med)."
    )


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["show", "2017"], "det finnes ingen utdeling for arbeidsåret 2017"),
        (["show", "abc"], "2019/2020"),
        (["record", "Bodo"], "Bodø"),
        (["show"], "du må oppgi"),
    ],
)
def test_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str], needle: str) -> None:
    status, out, err = run(capsys, *argv)
    assert status == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert needle in err
