"""Shipped intro-programme outcomes: API, frames and plot keep suppressed cells suppressed."""

from __future__ import annotations

import math

import matplotlib
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import bosetting as bs
from bosetting.errors import MunicipalityNotFound, ValidationError
from bosetting.figures import intro_outcomes, total, weighted_share
from bosetting.model import AreaType, FigureStatus, Sex
from tests.strategies import intro_outcomes as outcome_records

matplotlib.use("Agg")


def _one(area: str, code: str, year: int) -> bs.IntroProgrammeOutcome:
    [row] = [o for o in intro_outcomes(area, status_year=year, sex="all") if o.area_code == code]
    return row


def test_kristiansand_2014() -> None:
    o = _one("Kristiansand", "1001", 2014)
    assert (o.former_participants, o.in_work_or_education, o.share) == (115, 79, 0.69)
    assert o.cohort_year == 2013
    assert o.years_after == 1
    assert o.sources


def test_kristiansand_by_old_code_and_object() -> None:
    by_code = intro_outcomes("1001", status_year=2014, sex="all")
    by_object = intro_outcomes(bs.municipality("Kristiansand"), status_year=2014, sex="all")
    assert by_code == by_object
    assert {o.area_code for o in by_code} >= {"1001"}


def test_national_2022_cohort() -> None:
    [n] = intro_outcomes("national", cohort_year=2022, sex=Sex.ALL)
    assert n.status_year == 2023
    assert (n.former_participants, n.share) == (3170, 0.65)
    assert n.area_type is AreaType.NATIONAL


def test_merged_predecessors_are_never_summed() -> None:
    rows = intro_outcomes("Kinn", status_year=2014, sex="all")
    codes = sorted(o.area_code for o in rows)
    assert codes == sorted(set(codes))  # one row per predecessor, no combined row
    assert set(codes) <= {"1401", "1439"}
    assert not any(o.area_code == "4602" for o in rows)


def test_suppressed_cell_stays_suppressed_in_api() -> None:
    o = _one("Kristiansand", "1017", 2013)  # Songdalen, merged into Kristiansand in 2020
    assert o.share_status is FigureStatus.SUPPRESSED
    assert o.share is None
    assert o.in_work_or_education is None
    assert not o.assessable


def test_suppressed_cell_stays_suppressed_in_frames() -> None:
    df = bs.frames.intro_outcomes()
    row = df[(df["area_code"] == "1017") & (df["status_year"] == 2013) & (df["sex"] == "all")]
    assert len(row) == 1
    assert row["share"].isna().all()
    assert row["in_work_or_education"].isna().all()
    assert row["share_status"].tolist() == ["suppressed"]
    assert str(df["former_participants"].dtype) == "Int64"
    assert isinstance(df["area_type"].dtype, pd.CategoricalDtype)
    assert df["area_type"].dtype.ordered
    assert str(df["area_code"].dtype) == "string"


def test_suppressed_cell_is_a_gap_in_the_plot() -> None:
    from bosetting.plot import outcome_over_time

    ax = outcome_over_time("Tynset")  # every share for Tynset 2011-2014 is suppressed
    line = ax.get_lines()[0]
    assert all(math.isnan(y) for y in line.get_ydata())
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert any("ikke publisert (:)" in t for t in labels)
    assert any("50\u00a0%" in t for t in labels)
    assert any("70\u00a0%" in t for t in labels)


def test_frames_settlement_dtypes() -> None:
    df = bs.frames.settlement()
    assert str(df["settled"].dtype) == "Int64"
    assert str(df["partial_year"].dtype) == "boolean"


def test_total_is_not_assessable_over_suppressed() -> None:
    rows = [o for o in intro_outcomes("Kristiansand", sex="all") if o.area_code == "1017"]
    t = total((o.in_work_or_education, o.in_work_or_education_status) for o in rows)
    assert t.value is None
    assert not t.assessable
    lower = total(
        ((o.in_work_or_education, o.in_work_or_education_status) for o in rows), lower_bound=True
    )
    assert lower.lower_bound
    assert lower.value is not None
    assert weighted_share(rows) is None


def test_weighted_share_uses_published_counts() -> None:
    rows = [o for o in intro_outcomes("Kristiansand", sex="all") if o.area_code == "1001"]
    share = weighted_share(rows)
    assert share is not None
    k = sum(o.in_work_or_education or 0 for o in rows)
    n = sum(o.former_participants or 0 for o in rows)
    assert share == pytest.approx(k / n)


def test_bad_arguments() -> None:
    with pytest.raises(ValidationError, match="sex"):
        intro_outcomes(sex="both")
    with pytest.raises(MunicipalityNotFound):
        intro_outcomes("Atlantis")


def test_county_filter() -> None:
    rows = intro_outcomes("10", status_year=2014, sex="all")
    assert [o.area_type for o in rows] == [AreaType.COUNTY]


def test_every_shipped_row_is_consistent() -> None:
    for o in intro_outcomes():
        assert o.status_year - o.cohort_year == o.years_after
        if o.share_status is not FigureStatus.PUBLISHED:
            assert o.share is None


@given(st.lists(outcome_records(), max_size=5))
def test_aggregates_never_fill_hidden_cells(rows: list[bs.IntroProgrammeOutcome]) -> None:
    # SSB's nil ("-") is a published zero, not a hidden cell.
    hidden = any(
        s not in (FigureStatus.PUBLISHED, FigureStatus.NIL)
        for o in rows
        for s in (o.former_participants_status, o.in_work_or_education_status)
    )
    if hidden:
        assert weighted_share(rows) is None
    t = total((o.former_participants, o.former_participants_status) for o in rows)
    if any(
        o.former_participants_status not in (FigureStatus.PUBLISHED, FigureStatus.NIL) for o in rows
    ):
        assert t.value is None
