"""Results as frames and as machine-readable output: tally, decide, sensitivity; the plot's marks."""

from __future__ import annotations

import csv
import io
import json
from fractions import Fraction
from pathlib import Path

import matplotlib
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bosetting as bs
from bosetting.cli import main
from bosetting.decision import decide, sensitivity
from bosetting.i18n import language
from bosetting.jury import read_jury_sheet
from bosetting.model import JuryOnly, TopKThenJury, WeightedBlend
from bosetting.voting import Ballot, tally, tally_file
from tests.helpers import run
from tests.strategies import ballot_lists, contests, nominee_sets

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def practice(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    out = tmp_path_factory.mktemp("practice")
    assert main(["practice", "--edition", "2022", "--out", str(out), "--seed", "3"]) == 0
    return str(out / "ovingsdata-stemmer.csv"), str(out / "ovingsdata-jury.csv")


# -- frames -------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_tally_frame_is_the_tally(data: st.DataObject) -> None:
    noms = data.draw(nominee_sets())
    ballots: list[Ballot] = data.draw(ballot_lists(noms))
    t = tally(ballots, noms)
    df = t.to_frame()
    assert list(df.columns) == ["rank", "code", "name", "county", "votes", "share"]
    assert [str(d) for d in df.dtypes] == [
        "int64",
        "string",
        "string",
        "string",
        "int64",
        "float64",
    ]
    assert df["code"].tolist() == [m.code for m in t.ranking()]
    assert df["rank"].tolist() == list(range(1, len(noms) + 1))
    assert int(df["votes"].sum()) == t.accepted
    assert df["share"].sum() == pytest.approx(1.0 if t.accepted else 0.0)
    rej = t.rejected_frame()
    assert len(rej) == len(t.rejected)  # nothing lost: every ballot not counted is a row
    assert len(df) == len(noms)
    by_reason = rej["reason"].value_counts().to_dict()
    assert by_reason == {r.value: n for r, n in t.rejected_by_reason.items() if n}
    assert rej["row"].dtype == "Int64"


def test_decision_frame_columns_and_missing_scores() -> None:
    e = bs.edition(2022)
    noms = list(e.nominees)
    t = tally([m.code for m in noms for _ in range(noms.index(m) + 1)], e)
    jury = bs.jury.JuryAssessment.from_scores({m: i + 1 for i, m in enumerate(noms)})
    df = decide(WeightedBlend(), t, jury, public_weight=0.5).to_frame()
    assert list(df.columns) == [
        "rank", "code", "name", "county", "winner", "finalist", "votes",
        "public_share", "public_score", "jury_score", "combined",
    ]  # fmt: skip
    assert str(df["votes"].dtype) == "Int64"
    assert str(df["combined"].dtype) == "Float64"
    assert str(df["finalist"].dtype) == "boolean"
    assert df["winner"].tolist() == [True] + [False] * (len(noms) - 1)
    assert df["finalist"].isna().all()  # a blend has no finalists
    assert df["combined"].is_monotonic_decreasing
    only = decide(JuryOnly(), None, jury).to_frame()
    assert only["votes"].isna().all()
    assert only["combined"].isna().all()
    top = decide(TopKThenJury(2), t, jury).to_frame()
    assert int(top["finalist"].sum()) == 2


@settings(max_examples=60, deadline=None)
@given(contests())
def test_sensitivity_frame_covers_zero_to_one_without_gaps(contest: tuple[object, object]) -> None:
    t, jury = contest
    s = sensitivity(t, jury)  # type: ignore[arg-type]
    df = s.to_frame()
    assert list(df.columns) == [
        "start", "end", "start_exact", "end_exact", "closed_start", "closed_end",
        "code", "name", "county", "tied_with",
    ]  # fmt: skip
    starts = [Fraction(x) for x in df["start_exact"]]
    ends = [Fraction(x) for x in df["end_exact"]]
    assert starts[0] == 0
    assert ends[-1] == 1
    for i in range(len(df) - 1):
        assert ends[i] == starts[i + 1]
        assert df["closed_end"].iloc[i] != df["closed_start"].iloc[i + 1]
    for row, interval in zip(df.itertuples(), s.intervals, strict=True):
        assert row.code == interval.winner.code
        assert row.start <= interval.start
        assert row.end >= interval.end


# -- --format on the vote commands ----------------------------------------------------------


def _argv(cmd: str, votes: str, jury: str) -> list[str]:
    if cmd == "tally":
        return ["tally", votes, "--edition", "2022"]
    extra = ["--public-weight", "0.4"] if cmd == "decide" else []
    return [cmd, "--edition", "2022", "--votes", votes, "--jury", jury, *extra]


@pytest.mark.parametrize("cmd", ["tally", "decide", "sensitivity"])
def test_json_parses_and_says_practice(
    capsys: pytest.CaptureFixture[str], practice: tuple[str, str], cmd: str
) -> None:
    status, out, _ = run(capsys, *_argv(cmd, *practice), "--format", "json")
    assert status == 0
    doc = json.loads(out)
    assert doc["edition"] == "2022"
    assert doc["practice"] is True
    assert doc["labels"] == ["ØVINGSDATA"]


def test_tally_json_keeps_every_ballot(
    capsys: pytest.CaptureFixture[str], practice: tuple[str, str]
) -> None:
    _, out, _ = run(capsys, *_argv("tally", *practice), "--format", "json")
    doc = json.loads(out)
    t = tally_file(practice[0], bs.edition(2022))
    assert doc["read"] == t.total == 1000
    assert doc["counted"] + len(doc["rejected_ballots"]) == doc["read"]
    assert sum(doc["rejected"].values()) == len(doc["rejected_ballots"])
    assert [r["municipality"]["code"] for r in doc["results"]] == [m.code for m in t.ranking()]
    assert all(isinstance(r["municipality"]["code"], str) for r in doc["results"])


def test_decide_json_records_the_assumed_weight(
    capsys: pytest.CaptureFixture[str], practice: tuple[str, str]
) -> None:
    _, out, _ = run(capsys, *_argv("decide", *practice), "--format", "json")
    doc = json.loads(out)
    assert doc["rule"] == {"rule": "weighted_blend", "public_weight": 0.4}
    assert doc["winner"]["code"] == doc["ranking"][0]["municipality"]["code"]
    assert any("40" in a for a in doc["assumptions"])


def test_sensitivity_json_matches_the_library(
    capsys: pytest.CaptureFixture[str], practice: tuple[str, str]
) -> None:
    _, out, _ = run(capsys, *_argv("sensitivity", *practice), "--format", "json")
    doc = json.loads(out)
    e = bs.edition(2022)
    s = sensitivity(tally_file(practice[0], e), read_jury_sheet(practice[1], e), rule=e)
    assert [i["end_exact"] for i in doc["intervals"]] == [str(i.end) for i in s.intervals]
    assert [c["at_exact"] for c in doc["changes"]] == [str(c.at) for c in s.changes]


@pytest.mark.parametrize("cmd", ["tally", "decide", "sensitivity"])
def test_csv_reads_back_into_the_frame(
    capsys: pytest.CaptureFixture[str], practice: tuple[str, str], cmd: str
) -> None:
    status, out, _ = run(capsys, *_argv(cmd, *practice), "--format", "csv")
    assert status == 0
    e = bs.edition(2022)
    t = tally_file(practice[0], e)
    jury = read_jury_sheet(practice[1], e)
    frame = {
        "tally": lambda: t.to_frame(),
        "decide": lambda: decide(e.rule, t, jury, public_weight=0.4).to_frame(),
        "sensitivity": lambda: sensitivity(t, jury, rule=e).to_frame(),
    }[cmd]()
    back = pd.read_csv(io.StringIO(out), dtype={"code": "string"}, keep_default_na=False)
    assert list(back.columns) == list(frame.columns)
    assert back["code"].tolist() == frame["code"].tolist()  # codes stay text: "0301", not 301


def test_csv_for_excel_and_json_keep_a_rejected_ballot_as_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    votes = tmp_path / "v.csv"
    votes.write_text('valg\n=HYPERLINK("x")\nKinn\n', encoding="utf-8")
    _, out, _ = run(capsys, "tally", str(votes), "--edition", "2022", "--format", "json")
    assert json.loads(out)["rejected_ballots"][0]["choice"] == '=HYPERLINK("x")'  # data, as cast
    _, out, _ = run(capsys, "tally", str(votes), "--edition", "2022", "--format", "csv", "--excel")
    assert out.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(out.removeprefix("\ufeff")), delimiter=";"))
    assert rows[0] == ["rank", "code", "name", "county", "votes", "share"]
    assert ["1", "4602", "Kinn", "Vestland", "1", "1,0"] in rows  # Excel set up for Norway


# -- the sensitivity plot ---------------------------------------------------------------------


def test_sensitivity_plot_names_the_edition_and_marks_practice_data(
    capsys: pytest.CaptureFixture[str], practice: tuple[str, str], tmp_path: Path
) -> None:
    e = bs.edition(2022)
    s = sensitivity(tally_file(practice[0], e), read_jury_sheet(practice[1], e), rule=e)
    with language("nb"):
        ax = bs.plot.sensitivity(s)
    assert "2022" in ax.get_title()
    assert "ØVINGSDATA" in ax.get_title()
    assert any(t.get_text() == "ØVINGSDATA" for t in ax.texts)
    with language("en"):
        ax = bs.plot.sensitivity(s)
    assert "PRACTICE DATA" in ax.get_title()
    # the change labels sit inside the axes, clear of the top edge
    fig = ax.get_figure()
    fig.canvas.draw()
    box = ax.get_window_extent()
    for text in ax.texts[:-1]:
        extent = text.get_window_extent()
        assert extent.y1 < box.y1
        assert extent.y0 >= box.y0
    real = sensitivity(
        tally(["Kinn", "Bodø", "Kinn"], e),
        bs.jury.JuryAssessment.from_scores(dict.fromkeys(e.nominees, 3)),
    )
    ax = bs.plot.sensitivity(real)
    assert all("PRACTICE" not in t.get_text() for t in ax.texts)
    assert "2022" not in ax.get_title()  # not given the edition: the title does not guess one


def test_sensitivity_plot_option(
    capsys: pytest.CaptureFixture[str], practice: tuple[str, str], tmp_path: Path
) -> None:
    png = tmp_path / "s.png"
    argv = [*_argv("sensitivity", *practice), "--plot", str(png)]
    status, out, err = run(capsys, *argv)
    assert status == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert str(png) in err
    assert str(png) not in out
    status, _, err = run(capsys, *argv)  # never over an existing file without --force
    assert status == 2
    assert "--force" in err
    assert run(capsys, *argv, "--force")[0] == 0
    status, _, err = run(capsys, *_argv("sensitivity", *practice), "--force")
    assert status == 2
    assert "--plot" in err


# -- one voice ------------------------------------------------------------------------------


@pytest.mark.parametrize("cmd", ["tally", "decide", "sensitivity"])
def test_vote_commands_speak_one_language(
    capsys: pytest.CaptureFixture[str], practice: tuple[str, str], cmd: str
) -> None:
    from tests.test_i18n import (
        BOKMAAL_LABELS,
        ENGLISH_LABELS,
        _data_texts,
        _forbidden,
        _labels_only,
    )

    texts = _data_texts()
    argv = _argv(cmd, *practice)
    status, nb, _ = run(capsys, *argv)  # bokmål by default
    assert status == 0
    assert "ØVINGSDATA" in nb
    assert _forbidden(_labels_only(nb, texts), ENGLISH_LABELS) == []
    status, en, _ = run(capsys, "--lang", "en", *argv)
    assert status == 0
    assert "PRACTICE DATA" in en
    assert _forbidden(_labels_only(en, texts), BOKMAAL_LABELS) == []
