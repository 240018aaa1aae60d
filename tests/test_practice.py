from __future__ import annotations

from pathlib import Path

from bosetting.jury import read_jury_sheet
from bosetting.model import Municipality
from bosetting.practice import (
    PRACTICE_LABEL,
    practice_ballots,
    practice_jury,
    write_practice,
)
from bosetting.voting import RejectReason, read_ballots, tally, tally_file

NOMS = [
    Municipality("4602", "Kinn", "Vestland", 2020),
    Municipality("1804", "Bodø", "Nordland", 1977),
    Municipality("3027", "Rælingen", "Akershus", 2024),
]


def test_seeded_and_labelled() -> None:
    a = practice_ballots(NOMS, 500, seed=3)
    assert a == practice_ballots(NOMS, 500, seed=3)
    assert a != practice_ballots(NOMS, 500, seed=4)
    assert {b.label for b in a} == {PRACTICE_LABEL}
    t = tally(a, NOMS)
    assert all(n > 0 for r, n in t.rejected_by_reason.items() if r is not RejectReason.AMBIGUOUS)
    assert t.total == 500
    jury = practice_jury(NOMS, seed=3)
    assert jury.label == PRACTICE_LABEL
    assert jury == practice_jury(NOMS, seed=3)
    assert all(s is not None for s in jury.normalised.values())


def test_written_files_carry_the_label_and_read_back(tmp_path: Path) -> None:
    votes, jury_path = write_practice(NOMS, tmp_path / "ut", seed=11, n=200)
    assert "ØVINGSDATA" in votes.read_text(encoding="utf-8").splitlines()[1]
    assert jury_path.read_text(encoding="utf-8").splitlines()[0].endswith(',"label"')
    ballots = read_ballots(votes)
    assert {b.label for b in ballots} == {PRACTICE_LABEL}
    assert tally_file(votes, NOMS) == tally(ballots, NOMS)
    assert tally(ballots, NOMS).counts == tally(practice_ballots(NOMS, 200, seed=11), NOMS).counts
    assert read_jury_sheet(jury_path, NOMS).label == PRACTICE_LABEL


def test_practice_command_refuses_to_overwrite_without_force(tmp_path, capsys) -> None:
    from bosetting.cli import main

    argv = [
        "practice",
        "--edition",
        "2022",
        "--out",
        str(tmp_path),
        "--seed",
        "1",
        "--ballots",
        "5",
    ]
    assert main(argv) == 0
    before = (tmp_path / "ovingsdata-stemmer.csv").read_bytes()
    assert main(argv) == 2
    assert "ovingsdata" in capsys.readouterr().err
    assert (tmp_path / "ovingsdata-stemmer.csv").read_bytes() == before
    assert main([*argv[:-2], "--ballots", "7", "--force"]) == 0
    assert (tmp_path / "ovingsdata-stemmer.csv").read_bytes() != before


def test_practice_refuses_an_edition_without_a_public_vote(tmp_path) -> None:
    import pytest

    import bosetting as bs
    from bosetting.errors import ArgumentError
    from bosetting.practice import write_practice

    with pytest.raises(ArgumentError, match="no public vote"):
        write_practice(bs.edition(2016), tmp_path, seed=1, n=5)
    assert list(tmp_path.iterdir()) == []
