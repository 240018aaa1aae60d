from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from bosetting.errors import BallotFileError, BosettingError
from bosetting.voting import (
    Ballot,
    RejectReason,
    ballots_from_iterable,
    ballots_from_series,
    read_ballots,
    tally,
    tally_file,
)
from tests.helpers import BODO, RAELINGEN, TRONDHEIM

NOMS = [BODO, RAELINGEN, TRONDHEIM]
ROWS = [("Bodø", "v1", "2022-01-05 10:00"), ("Rælingen", "v2", ""), ("Tråante", "v3", "")]


def write(tmp_path: Path, text: str, encoding: str, newline: str = "\n", bom: bool = False) -> Path:
    path = tmp_path / "stemmer.csv"
    data = text.replace("\n", newline).encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def sample(delimiter: str = ",") -> str:
    lines = [delimiter.join(["Kommune", "Velger", "Tidspunkt"])]
    lines += [delimiter.join(r) for r in ROWS]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("encoding", "newline", "bom", "delimiter"),
    [
        ("utf-8", "\n", True, ","),
        ("utf-8", "\r\n", True, ";"),
        ("utf-8", "\r\n", False, ";"),
        ("latin-1", "\n", False, ";"),
        ("latin-1", "\r\n", False, ","),
        ("cp1252", "\r\n", False, ";"),
        ("utf-8", "\r", False, ","),
    ],
)
def test_encodings_and_line_ends_keep_aeoeaa(
    tmp_path: Path, encoding: str, newline: str, bom: bool, delimiter: str
) -> None:
    path = write(tmp_path, sample(delimiter), encoding, newline, bom)
    ballots = read_ballots(path)
    assert [(b.choice, b.voter) for b in ballots] == [(c, v) for c, v, _ in ROWS]
    assert ballots[0].timestamp == "2022-01-05 10:00"
    assert ballots[0].row == 1
    assert ballots[0].source == str(path)
    assert tally(ballots, NOMS).votes == (1, 1, 1)
    assert tally_file(path, NOMS).votes == (1, 1, 1)


def test_windows_1252_only_characters(tmp_path: Path) -> None:
    # 0x96 (en dash) and 0x92 (right quote) exist in Windows-1252 but not in Latin-1's printable range
    path = write(tmp_path, "valg;merknad\nRælingen;Ola’s – stemme\n", "cp1252", "\r\n")
    [b] = read_ballots(path)
    assert b.choice == "Rælingen"
    assert b.label == "Ola’s – stemme"


def test_quoted_fields_and_single_column(tmp_path: Path) -> None:
    path = write(tmp_path, 'stemme\n"Bodø"\n\n"Trondheim - Tråante"\n', "utf-8")
    ballots = read_ballots(path)
    assert [b.choice for b in ballots] == ["Bodø", "", "Trondheim - Tråante"]
    t = tally_file(path, NOMS)
    assert t.votes == (1, 0, 1)
    assert t.rejected[0].reason is RejectReason.BLANK
    assert t.rejected[0].ballot.row == 2


def test_explicit_column_names(tmp_path: Path) -> None:
    path = write(tmp_path, "a,b\nBodø,x\nBodø,x\n", "utf-8")
    ballots = read_ballots(path, choice="a", voter="b")
    assert [b.voter for b in ballots] == ["x", "x"]
    assert tally_file(path, NOMS, choice="a", voter="b").votes == (1, 0, 0)


def test_missing_choice_column_names_field(tmp_path: Path) -> None:
    path = write(tmp_path, "navn;velger\nBodø;1\n", "utf-8")
    with pytest.raises(BallotFileError) as info:
        read_ballots(path)
    assert info.value.field == "choice"
    assert info.value.file == str(path)
    assert "header row" in str(info.value)
    with pytest.raises(BallotFileError, match="field 'valg'"):
        read_ballots(path, choice="valg")
    with pytest.raises(BallotFileError, match="field 'nope'"):
        read_ballots(write(tmp_path, "valg\nBodø\n", "utf-8"), voter="nope")


def test_short_row_has_empty_fields_and_a_file_without_choices_names_row_and_field(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, "velger;valg\n1;Bodø\n2\n", "utf-8")
    t = tally_file(path, NOMS)
    assert [(r.ballot.row, r.ballot.voter, r.reason.value) for r in t.rejected] == [
        (2, "2", "blank")
    ]
    path = write(tmp_path, "velger;valg\n1,Bodø\n2,Kinn\n", "utf-8")
    with pytest.raises(BallotFileError) as info:
        tally_file(path, NOMS)
    assert (info.value.row, info.value.field) == (1, "valg")
    assert "row 1, field 'valg'" in str(info.value)


def test_a_short_row_with_a_choice_is_rejected_naming_what_it_lacks(tmp_path: Path) -> None:
    path = write(tmp_path, "valg;velger;tidspunkt\nBodø;a;1\nBodø\n\nBodø;b;\n", "utf-8")
    ballots = read_ballots(path)
    assert [(b.row, b.missing) for b in ballots] == [
        (1, ()),
        (2, ("velger", "tidspunkt")),
        (3, ()),
        (4, ()),
    ]
    t = tally_file(path, NOMS)
    assert t == tally(ballots, NOMS)
    assert t.votes == (2, 0, 0)
    assert [(r.ballot.row, r.reason) for r in t.rejected] == [
        (2, RejectReason.MISSING_FIELDS),
        (3, RejectReason.BLANK),  # an empty line: counted as a blank ballot, never dropped
    ]
    assert t.rejected[0].ballot.missing == ("velger", "tidspunkt")


def test_a_nul_byte_anywhere_is_refused_naming_its_place(tmp_path: Path) -> None:
    path = write(tmp_path, "valg\n" + "Bodø\n" * 20_000 + "Bo\x00dø\n", "utf-8")
    for read in (read_ballots, lambda p: tally_file(p, NOMS)):
        with pytest.raises(BallotFileError, match="NUL bytes") as info:
            read(path)
        assert (info.value.row, info.value.value) == (20_001, "0x00")


@pytest.mark.parametrize(
    "data",
    [b"", b"\n\nvalg\n", "valg\nBodø\n".encode("utf-16"), b'valg\n"Bod\xc3\xb8\n'],
)
def test_unreadable_layouts(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(data)
    with pytest.raises(BallotFileError) as info:
        read_ballots(path)
    assert info.value.file == str(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(BallotFileError, match="cannot read"):
        read_ballots(tmp_path / "nope.csv")


def test_from_iterable_and_series() -> None:
    ballots = ballots_from_iterable(["Bodø", None, Ballot("X", voter="7", row=99)], source="liste")
    assert [(b.row, b.choice, b.source) for b in ballots] == [
        (1, "Bodø", "liste"),
        (2, "", "liste"),
        (99, "X", None),
    ]
    s = pd.Series(["Bodø", None, float("nan"), 1804], name="valg")
    from_series = ballots_from_series(s, voters=pd.Series(["a", "b", None, "d"]))
    assert [b.choice for b in from_series] == ["Bodø", "", "", "1804"]
    assert [b.voter for b in from_series] == ["a", "b", None, "d"]
    assert tally(from_series, NOMS).votes == (2, 0, 0)
    with pytest.raises(BosettingError, match="voters has 1 values"):
        ballots_from_series(s, voters=pd.Series(["a"]))


def test_ballot_normalises_voter_and_keeps_choice() -> None:
    b = Ballot(" Bodø ", voter="  ", timestamp=" ")
    assert (b.choice, b.voter, b.timestamp, b.is_blank) == (" Bodø ", None, None, False)
    assert Ballot(None).is_blank


def test_missing_values_are_blank_ballots() -> None:
    for missing in (None, float("nan"), pd.NA, pd.NaT):
        assert Ballot(missing).choice == ""
        assert Ballot(missing).is_blank
    t = tally(["Bodø", float("nan"), pd.NA], NOMS)
    assert t.votes == (1, 0, 0)
    assert t.rejected_by_reason[RejectReason.BLANK] == 2


def test_tally_file_takes_the_timestamp_column_by_name(tmp_path: Path) -> None:
    path = write(tmp_path, "når,valg,velger\n1,Bodø,a\n2,,b\n", "utf-8")
    t = tally_file(path, NOMS, timestamp="når")
    assert t == tally(read_ballots(path, timestamp="når"), NOMS)
    assert t.rejected[0].ballot.timestamp == "2"
    with pytest.raises(BallotFileError, match="field 'nope'"):
        tally_file(path, NOMS, timestamp="nope")


@pytest.mark.parametrize("read", [read_ballots, lambda p: tally_file(p, NOMS)])
def test_a_file_appended_to_while_it_is_read_is_refused(
    tmp_path: Path, read: Callable[[Path], object]
) -> None:
    """Another program keeps appending: the reader answers (an error naming the change), never hangs."""
    path = tmp_path / "stemmer.csv"
    path.write_text("valg;velger\n" + "".join(f"Bodø;v{i}\n" for i in range(200_000)), "utf-8")
    stop = threading.Event()
    started = threading.Event()

    def append() -> None:
        with path.open("ab", buffering=0) as f:
            for i in range(2_000_000):  # at most some 30 MB, whatever happens
                f.write(b"Bod\xc3\xb8;w%d\n" % i)
                started.set()
                if stop.is_set():
                    return

    writer = threading.Thread(target=append)
    writer.start()
    try:
        started.wait()
        with pytest.raises(BallotFileError, match="changed while it was read"):
            read(path)
    finally:
        stop.set()
        writer.join()


def test_rows_written_after_the_file_was_looked_at_are_not_read(tmp_path: Path) -> None:
    from bosetting.voting import _file, _locate

    path = tmp_path / "stemmer.csv"
    path.write_text("valg\nKinn\n", encoding="utf-8")
    lay = _file.layout(path)
    with path.open("a", encoding="utf-8") as f:
        f.write('Bodø\n"Kinn\n')  # then a quote never closed
    with pytest.raises(BallotFileError, match="changed while it was read"):
        _file.parse(lay, _file.text_columns)
    # the careful reader looks for the broken row in the bytes the layout saw, no further
    seen = _locate.csv_error(str(path), "stemmer.csv", ",", "\n", 1, "polars", lay.size)
    whole = _locate.csv_error(str(path), "stemmer.csv", ",", "\n", 1, "polars", 10**6)
    assert (seen.row, whole.row) == (None, 3)
