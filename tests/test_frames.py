"""The pandas frames: columns, dtypes and the common questions they answer."""

from __future__ import annotations

import functools
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bosetting as bs
from bosetting import frames
from bosetting.cli._render import Table
from bosetting.data import csv_bytes
from bosetting.i18n import language
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
        "award_year",
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
    assert int(df["looks_for_interpretation"].sum()) == 26  # 2022-prosjekter: ours
    assert str(df["text_en"].dtype) == "string"
    assert df["text_en"].notna().all()
    assert df.loc[df["confirmed_to"].notna(), "confirmed_to"].unique().tolist() == ["2024"]
    names = frames.prize_names()
    assert names["edition"].cat.ordered
    assert (names["edition"] == "2018").sum() == 2
    for name in ("editions", "nominations", "initiatives", "conflicts", "sources"):
        columns = set(frames.table(name).columns)
        assert {c for c in columns if c.endswith("_en")}, name


# --- reading our own CSV back -------------------------------------------------------------

#: Every frame of ``bs.frames`` a user may write to CSV.
_FRAMES = (
    "municipalities",
    "municipality_changes",
    "sources",
    "editions",
    "nominations",
    "winners",
    "criteria",
    "prize_names",
    "initiatives",
    "conflicts",
    "intro_outcomes",
    "settlement",
)


@functools.cache
def _frame(name: str) -> pd.DataFrame:
    return getattr(frames, name)()


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=st.sampled_from(_FRAMES),
    seed=st.integers(0, 10_000),
    size=st.integers(0, 40),
    how=st.sampled_from(["pandas", "command", "excel-nb"]),
)
def test_read_csv_gives_back_the_frame(
    tmp_path: Path, name: str, seed: int, size: int, how: str
) -> None:
    """A frame written to CSV (by pandas, or by the command's writer) reads back equal: codes as text."""
    whole = _frame(name)
    df = whole.sample(n=min(size, len(whole)), random_state=seed).reset_index(drop=True)
    path = tmp_path / f"{name}-{seed}-{how}.csv"
    if how == "pandas":
        df.to_csv(path, index=False)
    else:
        table = Table.from_frame(df)
        with language("nb"):
            path.write_bytes(csv_bytes(table.columns, table.rows, excel=how == "excel-nb"))
    back = frames.read_csv(path)
    pd.testing.assert_frame_equal(back, df, check_exact=False, rtol=1e-12)


def test_read_csv_keeps_the_leading_zero_pandas_loses(tmp_path: Path) -> None:
    df = frames.nominations()
    path = tmp_path / "nominations.csv"
    df.to_csv(path, index=False)
    assert "0815" not in pd.read_csv(path)["code"].astype(str).tolist()  # pandas' own reader
    back = frames.read_csv(path)
    assert "0815" in back["code"].tolist()
    assert str(back["code"].dtype) == "string"
    assert str(back["edition"].dtype) == "category"
    assert back["edition"].cat.ordered


def test_dates_and_award_years_have_the_declared_dtypes() -> None:
    changes = frames.municipality_changes()
    assert str(changes["date"].dtype).startswith("datetime64")
    for df in (frames.editions(), frames.winners()):
        assert str(df["award_year"].dtype) == "Int64"
        years = df["award_date"].dropna().str.slice(0, 4).astype(int).tolist()
        assert df.loc[df["award_date"].notna(), "award_year"].tolist() == years
    assert frames.editions().loc[lambda d: d["edition"] == "2018", "award_year"].item() == 2019


@pytest.mark.parametrize("year", [2008, 2019, 2020, 2024, 2025])
def test_municipalities_of_a_year_are_the_registers(year: int) -> None:
    df = frames.municipalities(year)
    assert df["code"].tolist() == [m.code for m in bs.municipalities(year)]
    assert df["name"].tolist() == [m.name for m in bs.municipalities(year)]


def test_read_csv_names_file_row_column_and_value_of_a_bad_cell(tmp_path: Path) -> None:
    path = tmp_path / "settlement.csv"
    frames.settlement().head(3).to_csv(path, index=False)
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace(",2008,", ",20x8,", 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(bs.DataError) as info:
        frames.read_csv(path)
    err = info.value
    assert (err.row, err.field, err.value) == (2, "year", "20x8")
    assert "hele tall" in str(err)
