"""The ``outcomes`` and ``check`` subcommands."""

from __future__ import annotations

import pytest

from bosetting.cli import main


def test_outcomes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outcomes", "Kristiansand"]) == 0
    out = capsys.readouterr().out
    assert "1001" in out
    assert "115" in out
    assert "69\u00a0%" in out
    assert "skjult" in out  # Songdalen's hidden cells are shown as hidden
    assert "delår" in out


def test_check(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "Sunndal", "--edition", "2019/2020"]) == 0
    out = capsys.readouterr().out
    assert "2019-anmodning" in out
    assert "krever skjønn" in out
    assert "kilder:" in out


def test_check_needs_edition(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "Sunndal"]) == 2
    assert "--edition" in capsys.readouterr().err


def test_unknown_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outcomes", "Atlantis"]) == 2
    assert "Atlantis" in capsys.readouterr().err
