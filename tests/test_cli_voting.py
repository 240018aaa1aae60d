from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from tests.helpers import run


@pytest.fixture
def practice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path]:
    status, out, _ = run(
        capsys,
        "practice",
        "--edition",
        "2022",
        "--out",
        str(tmp_path),
        "--seed",
        "5",
        "--ballots",
        "300",
    )
    assert status == 0
    assert "ØVINGSDATA" in out
    return tmp_path / "ovingsdata-stemmer.csv", tmp_path / "ovingsdata-jury.csv"


def test_tally(capsys: pytest.CaptureFixture[str], practice: tuple[Path, Path]) -> None:
    status, out, _ = run(capsys, "tally", str(practice[0]), "--edition", "2022")
    assert status == 0
    assert "Kinn" in out
    assert "of 300 ballots" in out
    assert "unknown_nominee" not in out
    status, nb, _ = run(capsys, "--lang", "nb", "tally", str(practice[0]), "--edition", "2022")
    assert status == 0
    assert "av 300 stemmesedler" in nb
    assert "Ikke talt (ikke blant de nominerte)" in nb
    assert "ballots" not in nb
    status, out2, _ = run(
        capsys, "tally", str(practice[0]), "--edition", "2022", "--duplicates", "reject_all"
    )
    assert status == 0
    assert out2 != out
    # The choice in the active language's words, or in another's: the same count.
    for word in ("forkast-alle", "reject-all"):
        assert (
            run(capsys, "tally", str(practice[0]), "--edition", "2022", "--duplicates", word)[1]
            == out2
        )
    status, _, err = run(
        capsys, "tally", str(practice[0]), "--edition", "2022", "--duplicates", "x"
    )
    assert status == 2
    assert "keep-first, keep-last, reject-all" in err
    assert "keep_first" not in err


def test_tally_refuses_a_jury_sheet(
    capsys: pytest.CaptureFixture[str], practice: tuple[Path, Path]
) -> None:
    """The jury sheet given as the ballot file (it has a ``kommune`` column) is not counted."""
    status, out, err = run(capsys, "tally", str(practice[1]), "--edition", "2022")
    assert status == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "not a ballot file" in err
    assert "jurymedlem, kommune, kriterium" in err  # the columns found
    assert "(choice, valg, stemme" in err  # the columns a ballot file has
    status, _, err = run(
        capsys,
        "decide",
        "--edition",
        "2022",
        "--votes",
        str(practice[1]),
        "--jury",
        str(practice[1]),
        "--public-weight",
        "0.5",
    )
    assert status == 2
    assert "not a ballot file" in err


def test_an_export_with_more_columns_is_a_ballot_file_when_it_has_voters(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Extra columns (a channel, an address) are allowed beside a voter id or a timestamp;
    without either, a column a ballot file does not have marks another kind of file."""
    export = tmp_path / "eksport.csv"
    export.write_text(
        "label,tidspunkt,kommune,ip,velger,kanal\n"
        ",2022-11-01,Kinn,10.0.0.1,a,web\n,2022-11-01,Bodø,10.0.0.2,b,app\n",
        encoding="utf-8",
    )
    status, out, _ = run(capsys, "tally", str(export), "--edition", "2022")
    assert status == 0
    assert "2 of 2" in out or "2 av 2" in out
    sheet = tmp_path / "liste.csv"
    sheet.write_text("kommune,kanal\nKinn,web\n", encoding="utf-8")
    status, _, err = run(capsys, "tally", str(sheet), "--edition", "2022")
    assert status == 2
    assert "not a ballot file" in err or "ikke en fil med stemmesedler" in err


def test_decide_blend_needs_weight(
    capsys: pytest.CaptureFixture[str], practice: tuple[Path, Path]
) -> None:
    votes, jury = map(str, practice)
    status, out, err = run(capsys, "decide", "--edition", "2022", "--votes", votes, "--jury", jury)
    assert status == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    # The option as the user types it; no Python name, no Python literal.
    assert "'--public-weight'" in err
    assert "public_weight" not in err
    assert "None" not in err
    status, out, _ = run(
        capsys,
        "decide",
        "--edition",
        "2022",
        "--votes",
        votes,
        "--jury",
        jury,
        "--public-weight",
        "0,3",
    )
    assert status == 0
    assert "Winner:" in out
    assert "30%" in out


def test_sensitivity(capsys: pytest.CaptureFixture[str], practice: tuple[Path, Path]) -> None:
    votes, jury = map(str, practice)
    status, out, _ = run(
        capsys,
        "sensitivity",
        "--edition",
        "2022",
        "--votes",
        votes,
        "--jury",
        jury,
        "--steps",
        "20",
    )
    assert status == 0
    assert "Public weight w" in out
    assert "0% ≤ w" in out  # a weight is written as a share, as everywhere
    assert "100%" in out


def test_decide_top_k_era(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    run(capsys, "practice", "--edition", "2018", "--out", str(tmp_path), "--seed", "1")
    status, out, _ = run(
        capsys,
        "decide",
        "--edition",
        "2018",
        "--votes",
        str(tmp_path / "ovingsdata-stemmer.csv"),
        "--jury",
        str(tmp_path / "ovingsdata-jury.csv"),
    )
    assert status == 0
    assert "Finalists:" in out


@pytest.mark.parametrize(
    ("votes", "jury", "expected"),
    [
        ("navn\nKinn\n", None, "field 'choice'"),
        ("velger;valg\n1,Kinn\n2,Kinn\n", None, "row 1, field 'valg'"),
        (
            "valg\nKinn\n",
            "jurymedlem,kommune,kriterium,poeng\nA,Kinn,c,9\n",
            "row 1, field 'poeng'",
        ),
        ("valg\nKinn\n", "jurymedlem,kommune,kriterium,poeng\nA,Kinn,c,\n", "row 1, field 'poeng'"),
        (
            "valg\nKinn\n",
            "jurymedlem,kommune,kriterium,poeng\nA,Oslo,c,3\n",
            "row 1, field 'kommune'",
        ),
        ("valg\nKinn\n", "jurymedlem,kommune,poeng\nA,Kinn,3\n", "field 'criterion'"),
    ],
)
def test_user_errors_print_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, votes: str, jury: str | None, expected: str
) -> None:
    v = tmp_path / "v.csv"
    v.write_text(votes, encoding="utf-8")
    j = tmp_path / "j.csv"
    j.write_text(jury or "jurymedlem,kommune,kriterium,poeng\n", encoding="utf-8")
    argv = [
        "decide",
        "--edition",
        "2022",
        "--votes",
        str(v),
        "--jury",
        str(j),
        "--public-weight",
        "0.5",
    ]
    if jury is None:
        argv = ["tally", str(v), "--edition", "2022"]
    status, out, err = run(capsys, *argv)
    assert status == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert expected in err


def test_bad_weight_and_edition(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    v = tmp_path / "v.csv"
    v.write_text("valg\nKinn\n", encoding="utf-8")
    status, _, err = run(
        capsys,
        "decide",
        "--edition",
        "2022",
        "--votes",
        str(v),
        "--jury",
        str(v),
        "--public-weight",
        "2",
    )
    assert status == 2
    assert "a number from 0 to 1, not '2'" in err
    status, _, err = run(capsys, "tally", str(v), "--edition", "2017")
    assert status == 2
    assert len(err.strip().splitlines()) == 1


def test_sensitivity_prints_exact_intervals_without_gaps(
    capsys: pytest.CaptureFixture[str], practice: tuple[Path, Path]
) -> None:
    votes, jury = map(str, practice)
    outs = []
    for steps in ("10", "100"):
        argv = ["sensitivity", "--edition", "2022", "--votes", votes, "--jury", jury]
        status, out, _ = run(capsys, *argv, "--steps", steps)
        assert status == 0
        outs.append(out)
    assert outs[0] == outs[1]  # the step count only samples points for a plot
    heading = next(i for i, ln in enumerate(outs[0].splitlines()) if "Exact" in ln)
    lines = outs[0].splitlines()[heading + 1 :]
    exact = [ln.split(")  ")[1].strip() for ln in lines if ")  " in ln and " w " in ln]
    assert exact[0].startswith("0 ≤ w")
    assert exact[-1].endswith("w ≤ 1")
    for a, b in itertools.pairwise(exact):  # each end is the next start, one side closed
        end_op, end = a.split(" w ")[1].split(" ")
        start, start_op = b.split(" w ")[0].split(" ")
        assert end == start
        assert (end_op == "≤") != (start_op == "≤")


def test_sensitivity_refuses_the_top_k_era_unless_hypothetical(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run(capsys, "practice", "--edition", "2018", "--out", str(tmp_path), "--seed", "1")
    argv = [
        "sensitivity",
        "--edition",
        "2018",
        "--votes",
        str(tmp_path / "ovingsdata-stemmer.csv"),
        "--jury",
        str(tmp_path / "ovingsdata-jury.csv"),
    ]
    status, out, err = run(capsys, *argv)
    assert status == 2
    assert out == ""
    assert "no weight" in err
    assert "--hypothetical" in err
    status, out, _ = run(capsys, *argv, "--hypothetical")
    assert status == 0
    assert "Hypothetical weighting" in out


def test_sensitivity_with_no_accepted_ballot(
    capsys: pytest.CaptureFixture[str], practice: tuple[Path, Path], tmp_path: Path
) -> None:
    v = tmp_path / "tom.csv"
    v.write_text("valg\nAtlantis\n\n", encoding="utf-8")
    argv = ["sensitivity", "--edition", "2022", "--votes", str(v), "--jury", str(practice[1])]
    status, _out, err = run(capsys, *argv)
    assert status == 2
    assert "undefined" in err
