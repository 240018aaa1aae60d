"""The pandas frames: columns, dtypes and the common questions they answer."""

from __future__ import annotations

import pandas as pd

import bosetting as bs
from bosetting import frames
from bosetting.model import edition_year
from tests.helpers import CHECKED_THROUGH


def _dtypes(df: pd.DataFrame, columns: list[str]) -> list[str]:
    return [str(df[c].dtype) for c in columns]


def test_winners_frame_has_one_row_per_award_with_today() -> None:
    df = frames.winners()
    assert len(df) == len(bs.winners())
    assert list(df.columns) == [
        "edition",
        "award_date",
        "code",
        "name",
        "county",
        "current_code",
        "current_name",
        "current_county",
        "changed_year",
    ]
    assert _dtypes(df, ["code", "current_code", "changed_year"]) == ["string", "string", "Int64"]
    assert df["code"].str.fullmatch(r"[0-9]{4}").all()
    kinn = df[df["edition"] == "2022"].iloc[0]
    assert (kinn["name"], kinn["current_name"]) == ("Kinn", "Kinn")
    assert pd.isna(kinn["changed_year"])


def test_nominations_frame_marks_rivals_and_merged_municipalities() -> None:
    df = frames.nominations()
    assert {"county", "formal", "current_code", "changed_year", "changed_kind"} <= set(df.columns)
    assert str(df["formal"].dtype) == "boolean"
    rivals = df[~df["formal"]]
    assert set(rivals["outcome"].astype(str)) == {"candidate"}
    merged = df[df["changed_kind"] == "merge"]
    assert "Skedsmo" in set(merged["name_as_written"])
    # through 2025: 16 named only as rivals; Bodø named as a rival once, then nominated four times
    upto = df[[edition_year(label) <= edition_year(CHECKED_THROUGH) for label in df["edition"]]]
    assert int((~upto["formal"]).sum()) == 16
    bodo = upto[upto["name_as_written"] == "Bodø"]
    assert (len(bodo), int(bodo["formal"].sum())) == (5, 4)


def test_register_frame_names_the_county_as_the_object_does() -> None:
    df = frames.municipalities()
    assert "county" in df.columns
    assert "county_name" not in df.columns
    oslo = df[df["code"] == "0301"].iloc[0]
    assert oslo["county"] == bs.municipality("Oslo").county


def test_criteria_frame_covers_every_criterion() -> None:
    df = frames.criteria()
    assert len(df) == len(bs.history.all_criteria())
    assert str(df["criterion_id"].dtype) == "string"


def test_predecessors_follow_the_whole_chain() -> None:
    names = [p.name for p in bs.predecessors(bs.municipality("Lillestrøm"))]
    assert {"Skedsmo", "Fet", "Sørum"} <= set(names)


def test_screen_frame_has_one_row_per_municipality() -> None:
    s = bs.screen(bs.edition(2022))
    df = s.to_frame()
    assert len(df) == len(bs.municipalities(2022)) == 356
    assert str(df["code"].dtype) == "string"
    assert set(df.loc[df["outcome"] == "winner", "name"]) == {"Kinn"}


def test_text_columns_come_in_both_languages_with_their_marks() -> None:
    df = frames.criteria()
    assert str(df["looks_for_interpretation"].dtype) == "boolean"
    assert int(df["looks_for_interpretation"].sum()) == 25
    assert str(df["text_en"].dtype) == "string"
    assert df["text_en"].notna().all()
    assert df.loc[df["confirmed_to"].notna(), "confirmed_to"].unique().tolist() == ["2024"]
    names = frames.prize_names()
    assert names["edition"].cat.ordered
    assert (names["edition"] == "2018").sum() == 2
    for name in ("editions", "nominations", "initiatives", "conflicts", "sources"):
        columns = set(frames.table(name).columns)
        assert {c for c in columns if c.endswith("_en")}, name
