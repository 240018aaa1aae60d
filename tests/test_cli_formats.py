"""``--format text|csv|json`` and ``--excel``: JSON parses with stable keys, CSV round-trips safely."""

from __future__ import annotations

import csv
import io
import json

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bosetting.cli._render import FORMATS, Table, json_text
from bosetting.data import FORMULA_PREFIXES, csv_text, neutralise_cell
from tests.helpers import run

#: Every command of this module's concern with arguments, and the top-level JSON keys it writes.
JSON_KEYS = {
    ("history",): ["editions", "years_without_edition"],
    ("show", "2022"): ["edition", "conflicts"],
    ("record", "Bodø"): ["municipality", "counts", "nominations"],
    ("municipality", "Kinn"): [
        "municipality",
        "lineage",
        "merged_into_it",
        "followed_by",
        "succession",
    ],
    ("outcomes", "Kinn"): [
        "area",
        "municipality",
        "figures_source",
        "intro_outcomes",
        "settlement",
    ],
    ("outcomes", "national"): [
        "area",
        "municipality",
        "figures_source",
        "intro_outcomes",
        "settlement",
    ],
    ("check", "Kinn", "--edition", "2022"): [
        "municipality",
        "edition",
        "criteria",
        "results",
        "provenance",
        "coverage",
        "figures_source",
    ],
    ("screen", "--edition", "2022"): [
        "edition",
        "year",
        "by",
        "settlement_years",
        "criteria",
        "figures_source",
        "coverage",
        "rows",
        "sources",
    ],
    ("cite",): ["software", "data", "primary_sources"],
}

#: The first CSV columns of each command (the frames' names).
CSV_HEAD = {
    ("history",): ["edition", "work_year", "reference_year", "award_date"],
    ("show", "2022"): ["edition", "code", "name_as_written", "outcome"],
    ("record", "Bodø"): ["edition", "code", "name_as_written", "outcome"],
    ("municipality", "Oslo"): ["relation", "code", "name", "county_code", "county"],
    ("outcomes", "Kinn"): ["area_type", "area_code", "area_name", "cohort_year", "status_year"],
    ("outcomes", "Kinn", "--figures", "settlement"): ["code", "name", "year", "requested"],
    ("check", "Kinn", "--edition", "2022"): ["code", "name", "edition", "criterion_id"],
    ("screen", "--edition", "2022"): ["rank", "code", "name", "county", "outcome"],
    ("cite",): ["source_id", "publisher", "title", "url"],
}


def _frame(text: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)


@pytest.mark.parametrize("argv", list(JSON_KEYS), ids=" ".join)
def test_json_parses_with_stable_top_level_keys(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    status, out, err = run(capsys, *argv, "--format", "json")
    assert status == 0, err
    data = json.loads(out)
    assert isinstance(data, dict)
    assert list(data) == JSON_KEYS[argv]


@pytest.mark.parametrize("argv", list(CSV_HEAD), ids=" ".join)
def test_csv_has_frame_columns_and_round_trips(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    status, out, err = run(capsys, *argv, "--format", "csv")
    assert status == 0, err
    assert not out.startswith("\ufeff")
    df = _frame(out)
    assert list(df.columns[: len(CSV_HEAD[argv])]) == CSV_HEAD[argv]
    assert len(df) > 0
    # Every text cell that could start a formula is neutralised.
    cells = [c for row in csv.reader(io.StringIO(out)) for c in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r")]


def test_show_json_is_the_converter_s_edition(capsys: pytest.CaptureFixture[str]) -> None:
    from bosetting.history import edition
    from bosetting.model import Edition, converter

    _, out, _ = run(capsys, "show", "2022", "--format", "json")
    data = json.loads(out)
    assert data["edition"]["label"] == "2022"
    assert data["edition"]["award_when"] == "2022-11-17"
    assert data["edition"]["vote_opens"] is None  # unknown is null, never ""
    assert data["edition"]["vote_closes"] is None
    [kinn] = [n for n in data["edition"]["nominations"] if n["outcome"] == "winner"]
    assert kinn["municipality"] == {
        "code": "4602",
        "name": "Kinn",
        "county": "Vestland",
        "valid_from": 2020,
        "valid_to": None,
        "county_code": "46",
    }
    assert converter.structure(data["edition"], Edition) == edition(2022)
    assert data["conflicts"][0]["id"] == "C8"


def test_json_does_not_follow_the_language(capsys: pytest.CaptureFixture[str]) -> None:
    _, nb, _ = run(capsys, "record", "Bodø", "--format", "json")
    _, en, _ = run(capsys, "--lang", "en", "record", "Bodø", "--format", "json")
    assert nb == en
    assert json.loads(nb)["nominations"][0]["outcome"] == "candidate"


def test_codes_stay_text_in_csv(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "screen", "--edition", "2022", "--format", "csv")
    df = _frame(out)
    assert "0301" in set(df["code"])
    assert df["code"].str.fullmatch(r"[0-9]{4}").all()
    _, out, _ = run(capsys, "municipality", "Oslo", "--format", "csv")
    assert '"this","0301","Oslo","03",' in out


def test_csv_reads_back_into_the_frame_it_came_from(capsys: pytest.CaptureFixture[str]) -> None:
    from bosetting import frames

    _, out, _ = run(capsys, "show", "2022", "--format", "csv")
    back = _frame(out)
    want = frames.nominations()
    want = want[want["edition"] == "2022"].reset_index(drop=True)
    assert back["code"].tolist() == want["code"].tolist()
    assert back["formal"].tolist() == ["true"] * len(want)
    assert back["current_code"].tolist() == want["current_code"].tolist()


def test_excel_puts_a_bom_first_and_follows_the_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys, "--lang", "en", "history", "--format", "csv", "--excel")
    assert out.startswith('\ufeff"edition",')
    df = pd.read_csv(io.BytesIO(out.encode("utf-8")), dtype=str, encoding="utf-8-sig")
    assert df.columns[0] == "edition"
    # Excel set up for Norway: ";" between cells, decimal commas, so the shares are numbers.
    _, nb, _ = run(capsys, "outcomes", "national", "--format", "csv", "--excel")
    assert nb.startswith("\ufeff")
    back = pd.read_csv(
        io.BytesIO(nb.encode("utf-8")),
        sep=";",
        decimal=",",
        encoding="utf-8-sig",
        dtype={"code": str},
    )
    _, plain, _ = run(capsys, "outcomes", "national", "--format", "csv")
    same = pd.read_csv(io.StringIO(plain), dtype={"code": str})
    assert list(back.columns) == list(same.columns)
    shares = [c for c in same.columns if same[c].dtype == float]
    assert shares  # there are decimals to compare
    pd.testing.assert_frame_equal(back[shares], same[shares])


@pytest.mark.parametrize(
    "argv",
    [
        ["history", "--excel"],
        ["show", "2022", "--format", "json", "--excel"],
        ["history", "--format", "xml"],
        ["outcomes", "Kinn", "--compare", "national"],
    ],
    ids=" ".join,
)
def test_wrong_format_options_are_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    status, out, err = run(capsys, *argv)
    assert status == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1


def test_formula_cells_are_neutralised_through_the_command(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from bosetting import frames

    evil = pd.DataFrame(
        {
            "source_id": pd.Series(["x1", "x2", "x3"], dtype="string"),
            "note": pd.Series(['=HYPERLINK("http://x")', "+1+1", "@SUM(A1)"], dtype="string"),
            "count": pd.Series([-3, 2, None], dtype="Int64"),
        }
    )
    monkeypatch.setattr(frames, "sources", lambda: evil)
    _, out, _ = run(capsys, "cite", "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[1:] == [
        ["x1", '\'=HYPERLINK("http://x")', "-3"],
        ["x2", "'+1+1", "2"],
        ["x3", "'@SUM(A1)", ""],
    ]


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+47 22 00 00 00", "'+47 22 00 00 00"),
        ("-x", "'-x"),
        ("@x", "'@x"),
        ("＝1+1", "'＝1+1"),  # full-width signs too (some spreadsheets accept them)
        ("＋x", "'＋x"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("0301", "0301"),
        ("Kinn", "Kinn"),
        ("", ""),
        (None, ""),
        (True, "true"),
        (False, "false"),
        (-3, "-3"),
        (0.69, "0.69"),
        (float("nan"), ""),
    ],
)
def test_neutralise_cell(value: object, cell: str) -> None:
    assert neutralise_cell(value) == cell


@given(st.lists(st.text(max_size=12), min_size=1, max_size=4))
def test_csv_round_trips_any_text(cells: list[str]) -> None:
    table = Table(tuple(f"c{i}" for i in range(len(cells))), (tuple(cells),))
    text = csv_text(table.columns, table.rows)
    [back] = list(csv.reader(io.StringIO(text, newline="")))[1:]
    for original, read in zip(cells, back, strict=True):
        if original.startswith(FORMULA_PREFIXES):
            assert read == "'" + original
        else:
            assert read == original


def test_json_text_is_utf8_and_has_no_nan() -> None:
    text = json_text({"name": "Bodø", "share": float("nan")})
    assert "Bodø" in text
    assert json.loads(text) == {"name": "Bodø", "share": None}


def test_every_result_command_offers_the_formats() -> None:
    from bosetting.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name in ("history", "show", "record", "municipality", "outcomes", "check", "screen"):
        fmt = next(a for a in sub.choices[name]._actions if a.dest == "format")  # type: ignore[attr-defined]
        assert tuple(fmt.choices) == FORMATS, name
    cite = next(a for a in sub.choices["cite"]._actions if a.dest == "format")  # type: ignore[attr-defined]
    assert {"text", "bibtex", "cff", "json", "csv"} == set(cite.choices)
