"""The catalogue of bad inputs (``tests/bad_inputs.py``), through the API and the command.

Through the API each case must raise its :class:`BosettingError` subclass with
the fragment in the message; through the command (where one reads that input)
it must print exactly one line on standard error, exit with status 2, and show
no traceback. Accepted-but-awkward input is tested at the end: it must be read
correctly, or rejected per row with a reason.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import bosetting as bs
from bosetting import practice
from bosetting.cli import main
from bosetting.data import MAX_USER_FILE_BYTES
from bosetting.errors import BosettingError
from bosetting.jury import read_jury_sheet
from bosetting.model import RejectReason
from bosetting.ssb import read_ssb_10824
from bosetting.voting import MAX_BALLOT_BYTES, read_ballots, tally_file

from .bad_inputs import CASES, BadInput

# The readers a file case goes to, and the command that reads the same file.
READERS: dict[str, Callable[[Any], object]] = {
    "ballots": read_ballots,
    "jury": lambda p: read_jury_sheet(p, bs.edition(2016)),
    "ssb": read_ssb_10824,
}
COMMANDS: dict[str, Callable[[str], list[str]]] = {
    "ballots": lambda p: ["tally", p, "--edition", "2022"],
    "jury": lambda p: ["decide", "--edition", "2016", "--jury", p],
}


def _refuse_open(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    """Make ``target`` unreadable (as root, permissions alone do not stop a read)."""
    target.chmod(0)
    real = os.open

    def fake(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if os.fspath(path) == str(target):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", fake)


def _path(kind: str, reader: str, tmp: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    suffix = ".json" if reader == "ssb" else ".csv"
    good = tmp / f"good{suffix}"
    good.write_text("valg\nKinn\n", encoding="utf-8")
    if kind == "missing":
        return str(tmp / f"nope{suffix}")
    if kind == "folder":
        return str(tmp)
    if kind == "fifo":
        fifo = tmp / f"pipe{suffix}"
        os.mkfifo(fifo)
        return str(fifo)
    if kind == "dev-null":
        return "/dev/null"
    if kind == "dev-zero":
        return "/dev/zero"
    if kind == "nul":
        return str(tmp / f"a\x00b{suffix}")
    if kind in ("newline", "escape"):
        name = tmp / (f"a\nb{suffix}" if kind == "newline" else f"\x1b[31mred{suffix}")
        name.write_text("valg\nKinn\n", encoding="utf-8")
        return str(name)
    if kind == "none":
        return None
    if kind == "empty":
        return ""
    if kind == "bytes":
        return os.fsencode(good)
    if kind == "huge":
        huge = tmp / f"huge{suffix}"
        with huge.open("wb") as f:
            cap = MAX_BALLOT_BYTES if reader == "ballots" else MAX_USER_FILE_BYTES
            f.truncate(cap + 1)  # sparse: no disk, no time
        return str(huge)
    if kind == "unreadable":
        _refuse_open(monkeypatch, good)
        return str(good)
    if kind == "dangling-link":
        link = tmp / f"link{suffix}"
        link.symlink_to(tmp / "gone.csv")
        return str(link)
    if kind == "under-a-file":
        return str(good / f"x{suffix}")
    if kind == "dash":
        return "-"
    raise AssertionError(kind)


def _out(kind: str, tmp: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    out = tmp / "ut"
    if kind in ("exists", "target-is-folder", "target-is-link", "target-is-fifo"):
        out.mkdir()
        target = out / "ovingsdata-jury.csv"
        if kind == "exists":
            target.write_text("mine", encoding="utf-8")
        elif kind == "target-is-folder":
            target.mkdir()
        elif kind == "target-is-link":
            target.symlink_to(tmp / "elsewhere.csv")
        else:
            os.mkfifo(target)
        return str(out)
    if kind == "out-is-file":
        out.write_text("x", encoding="utf-8")
        return str(out)
    if kind == "under-a-file":
        out.write_text("x", encoding="utf-8")
        return str(out / "inner")
    if kind == "read-only":
        out.mkdir()
        out.chmod(0o555)
        real = tempfile.mkstemp

        def refuse(*args: Any, **kwargs: Any) -> Any:
            if Path(str(kwargs.get("dir"))) == out:
                raise PermissionError(13, "Permission denied")
            return real(*args, **kwargs)

        monkeypatch.setattr(tempfile, "mkstemp", refuse)
        return str(out)
    if kind == "newline-name":
        return str(tmp / "ut\nbosetting: ok")
    if kind == "nul-name":
        return str(tmp / "ut\x00")
    if kind == "none":
        return None
    raise AssertionError(kind)


def _api(case: BadInput, tmp: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[], object]:
    if case.target in READERS or case.target == "ssb":
        path = tmp / f"input{case.suffix}"
        path.write_bytes(case.input)
        return lambda: READERS[case.target](path)
    if case.target == "path":
        reader, kind = case.input
        p = _path(kind, reader, tmp, monkeypatch)
        return lambda: READERS[reader](p)
    if case.target == "write":
        out = _out(case.input, tmp, monkeypatch)
        return lambda: practice.write_practice(bs.edition(2022), out, seed=1, n=10)
    if case.target == "lookup":
        return lambda: eval(case.input, {"bs": bs, "practice": practice})
    raise AssertionError(case.target)


def _argv(case: BadInput, tmp: Path, monkeypatch: pytest.MonkeyPatch) -> list[str] | None:
    if "no-command" in case.tags:
        return None
    if case.target in COMMANDS:
        path = tmp / f"input{case.suffix}"
        path.write_bytes(case.input)
        return COMMANDS[case.target](str(path))
    if case.target == "path":
        reader, kind = case.input
        return COMMANDS[reader](_path(kind, reader, tmp, monkeypatch))
    if case.target == "write":
        out = _out(case.input, tmp, monkeypatch)
        return ["practice", "--edition", "2022", "--out", out, "--seed", "1", "--ballots", "10"]
    if case.argv is not None:
        return [a.replace("{tmp}", str(tmp / "ut")) for a in case.argv]
    return None


API_CASES = [c for c in CASES if c.target != "argv"]
CLI_CASES = [
    c
    for c in CASES
    if "no-command" not in c.tags
    and (c.target in COMMANDS or c.target in ("path", "write") or c.argv is not None)
    and not (c.target == "path" and c.input[0] == "ssb")
]


def test_the_catalogue_is_large_enough() -> None:
    assert len(CASES) >= 80
    assert {c.target for c in CASES} == {
        "ballots",
        "jury",
        "ssb",
        "path",
        "write",
        "lookup",
        "argv",
    }


@pytest.mark.parametrize("case", API_CASES, ids=lambda c: c.id)
def test_api(case: BadInput, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    call = _api(case, tmp_path, monkeypatch)
    with pytest.raises(BosettingError) as info:
        call()
    err = info.value
    assert isinstance(err, case.error), f"{type(err).__name__}: {err}"
    assert type(err) is not BosettingError
    assert case.fragment in str(err)


@pytest.mark.parametrize("case", CLI_CASES, ids=lambda c: c.id)
def test_command(
    case: BadInput,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = _argv(case, tmp_path, monkeypatch)
    assert argv is not None
    status = main(argv)
    out, err = capsys.readouterr()
    assert status == 2, (out, err)
    assert "Traceback" not in err
    assert len(err.splitlines()) == 1, err
    assert err.endswith("\n")
    assert err.startswith("bosetting: error: ")
    assert case.cli_fragment in err, err


# -- accepted, but awkward --------------------------------------------------------

NOMS_2022 = bs.edition(2022)


def _votes(tmp: Path, data: bytes) -> Path:
    path = tmp / "votes.csv"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "data",
    [
        "\ufeffvalg;velger\r\nBodø;a\r\nKinn;b\r\n".encode(),
        "valg;velger\r\nBodø;a\r\nKinn;b\r\n".encode("cp1252"),
        "valg;velger\nBodø;a\nKinn;b".encode("latin-1"),
        "valg,velger\rBodø,a\rKinn,b\r".encode(),
        'valg,velger\n"Bodø",a\n"Kinn",b\n'.encode(),
        "valg\tvelger\nBodø\ta\nKinn\tb\n".encode(),
    ],
    ids=["bom-crlf", "cp1252", "latin1-no-final-newline", "cr-only", "quoted", "tab"],
)
def test_awkward_ballots_read_correctly(tmp_path: Path, data: bytes) -> None:
    path = _votes(tmp_path, data)
    ballots = read_ballots(path)
    assert [(b.choice, b.voter) for b in ballots] == [("Bodø", "a"), ("Kinn", "b")]
    t = tally_file(path, NOMS_2022)
    assert t.accepted == 2


def test_quoted_newline_stays_in_its_cell(tmp_path: Path) -> None:
    path = _votes(tmp_path, b'valg,velger\n"Bod\xc3\xb8",a\n"Kinn\nKinn",b\nKinn,c\n')
    ballots = read_ballots(path)
    assert [b.choice for b in ballots] == ["Bodø", "Kinn\nKinn", "Kinn"]
    assert [b.row for b in ballots] == [1, 2, 3]
    t = tally_file(path, NOMS_2022)
    assert t.accepted == 2
    assert [r.ballot.row for r in t.rejected] == [2]


def test_formula_like_cells_are_rejected_per_row(tmp_path: Path) -> None:
    path = _votes(tmp_path, b'valg\n=HYPERLINK("x")\n+cmd\n@SUM(1)\nKinn\n-1\n')
    t = tally_file(path, NOMS_2022)
    assert t.accepted == 1
    assert {r.ballot.row for r in t.rejected} == {1, 2, 3, 5}
    assert all(r.reason is RejectReason.UNKNOWN_NOMINEE for r in t.rejected)


def test_other_scripts_digits_are_not_codes(tmp_path: Path) -> None:
    # Kinn is 4602; in Arabic-Indic or full-width digits it is no code at all
    path = _votes(tmp_path, "valg\n٤٦٠٢\n４６０２\n4602\n".encode())
    t = tally_file(path, NOMS_2022)
    assert t.accepted == 1
    assert {r.ballot.choice for r in t.rejected} == {"٤٦٠٢", "４６０２"}


def test_jury_decimal_comma_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "jury.csv"
    path.write_bytes(
        "\ufeffjurymedlem;kommune;kriterium;poeng\r\nA;Bodø;bosetting;4,5\r\n".encode()
    )
    jury = read_jury_sheet(path, bs.edition(2016))
    [score] = jury.scores
    assert float(score.score) == 4.5


def test_ssb_updated_not_text_is_ignored(tmp_path: Path) -> None:
    import json

    from .bad_inputs import FIXTURES

    doc = json.loads((FIXTURES / "10824_jsonstat2.json").read_text(encoding="utf-8"))
    doc["updated"] = 5
    path = tmp_path / "x.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    records = read_ssb_10824(path)
    assert records
    assert records[0].sources[0].date.year is None
