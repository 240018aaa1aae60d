"""The catalogue of bad inputs (``tests/bad_inputs.py``), through the API and the command.

Through the API each case must raise its :class:`BosettingError` subclass with
the fragment in the message; through the command (where one reads that input)
it must print exactly one line on standard error, exit with status 2, and show
no traceback. Accepted-but-awkward input is tested at the end: it must be read
correctly, or rejected per row with a reason.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

import bosetting as bs
from bosetting.cli import main
from bosetting.errors import BosettingError
from bosetting.i18n import language
from bosetting.jury import read_jury_sheet
from bosetting.model import RejectReason
from bosetting.ssb import read_ssb_10824
from bosetting.voting import read_ballots, tally_file

from .bad_input_runs import COMMANDS, one_line, staged
from .bad_inputs import CASES, NEW_IN_ROUND_TWO, BadInput

API_CASES = [c for c in CASES if c.target != "argv"]
CLI_CASES = [
    c
    for c in CASES
    if "no-command" not in c.tags
    and (c.target in COMMANDS or c.target in ("path", "write") or c.argv is not None)
    and not (c.target == "path" and c.input[0] == "ssb")
]


@functools.cache
def catalogue_ids() -> frozenset[str]:
    """Every message id of the bokmål catalogue that has words of its own."""
    from babel.messages.pofile import read_po

    from bosetting.i18n import LOCALE_DIR

    with (Path(LOCALE_DIR) / "nb" / "LC_MESSAGES" / "bosetting.po").open("rb") as f:
        return frozenset(m.id if isinstance(m.id, str) else m.id[0] for m in read_po(f) if m.string)


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
def test_api(case: BadInput, tmp_path: Path) -> None:
    with staged(case, tmp_path) as (call, _):
        assert call is not None
        with pytest.raises(BosettingError) as info:
            call()
    err = info.value
    assert isinstance(err, case.error), f"{type(err).__name__}: {err}"
    assert type(err) is not BosettingError
    assert case.fragment in str(err)
    # one line in each language, and the bokmål one is the catalogue's own words
    with language("nb"):
        nb = str(err)
    with language("en"):
        en = str(err)
    assert "\n" not in nb
    assert "\n" not in en
    assert err.message_id in catalogue_ids()


@pytest.mark.parametrize("case", CLI_CASES, ids=lambda c: c.id)
def test_command(case: BadInput, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with staged(case, tmp_path) as (_, argv):
        assert argv is not None
        status = main(argv)
    out, err = capsys.readouterr()
    assert status == 2, (out, err)
    assert "Traceback" not in err
    assert len(err.splitlines()) == 1, err
    assert err.endswith("\n")
    assert err.startswith("bosetting: error: ")
    assert case.cli_fragment in err, err


@pytest.mark.parametrize("case", [c for c in CASES if c.id in NEW_IN_ROUND_TWO], ids=lambda c: c.id)
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_line_a_person_sees_is_in_one_language(case: BadInput, lang: str) -> None:
    line = one_line(case, lang)
    assert line
    assert "\n" not in line
    other = one_line(case, "en" if lang == "nb" else "nb")
    assert line != other, "the bokmål and English lines are the same: a message lacks its words"


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
