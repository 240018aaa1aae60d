from __future__ import annotations

import re

import attrs
import pytest

from bosetting.history import edition, editions
from bosetting.register import first_year, last_year
from tests.helpers import record_of, run


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


def test_show_says_when_the_register_does_not_reach_the_edition() -> None:
    from bosetting.cli._render import render_edition

    e = edition(2022)
    assert not any(line.startswith("Kommuneregisteret") for line in render_edition(e).splitlines())
    last = last_year()
    newer = attrs.evolve(e, reference_year=last + 1)
    said = [x for x in render_edition(newer).splitlines() if x.startswith("Kommuneregisteret")]
    assert said == [
        f"Kommuneregisteret går bare til {last}, så kommunene og kommunenumrene er slik de var i "
        f"{last}; «bosetting update» henter et nyere register (SSBs KLASS 131) for å se "
        f"{last + 1}."
    ]


def test_municipality_help_gives_the_register_years(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        run(capsys, "municipality", "--help")
    out = " ".join(capsys.readouterr().out.split())
    assert f"året ({first_year()}–{last_year()})" in out


def test_record(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "record", "Bodø")
    assert status == 0
    # the counts are the record's as the data has it (four nominations, no win through 2025)
    said = re.fullmatch(
        r"Bodø \(1804\): nominert (\d+) ganger, vunnet (\d+) gang(?:er)?\. I tillegg nevnt "
        r"1 gang som konkurrent, uten bekreftet nominasjon \(ikke telt med\)\.",
        out.splitlines()[0],
    )
    assert said is not None, out.splitlines()[0]
    counts = record_of("Bodø")
    assert (int(said[1]), int(said[2])) == (counts["formal_nominations"], counts["wins"])


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
