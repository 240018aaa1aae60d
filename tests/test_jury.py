from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bosetting.errors import JurySheetError
from bosetting.jury import JuryAssessment, Scale, read_jury_sheet
from bosetting.model import Municipality
from tests.helpers import BODO, KINN
from tests.strategies import nominee_sets

NOMS = [KINN, BODO]

SHEET = """jurymedlem;kommune;kriterium;poeng
A;Kinn;bosetting;6
A;Kinn;kvalifisering;4
B;4602;bosetting;5,5
A;Bodø;bosetting;1
"""


def write(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "jury.csv"
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    return path


def test_aggregation_mean_of_juror_means(tmp_path: Path) -> None:
    jury = read_jury_sheet(write(tmp_path, SHEET, "cp1252"), NOMS)
    # A: (6 + 4) / 2 = 5; B: 5.5; mean 5.25; normalised (5.25 - 1) / 5
    assert jury.raw_score(KINN) == Fraction(21, 4)
    assert jury.score(KINN) == Fraction(17, 20)
    assert jury.score(BODO) == 0
    assert jury.jurors == ("A", "B")
    assert jury.criteria == ("bosetting", "kvalifisering")
    assert "mean" in JuryAssessment.AGGREGATION


def test_unscored_nominee() -> None:
    jury = JuryAssessment.from_scores({KINN: 3})
    assert jury.score(BODO) is None
    with pytest.raises(JurySheetError, match="no score"):
        JuryAssessment.from_records([], NOMS).require(NOMS)


@pytest.mark.parametrize(
    ("row", "field", "match"),
    [
        ("C;Kinn;bosetting;", "poeng", "missing"),
        ("C;Kinn;bosetting;9", "poeng", "outside the scale"),
        ("C;Kinn;bosetting;0", "poeng", "outside the scale"),
        ("C;Kinn;bosetting;mye", "poeng", "a number"),
        ("C;Oslo;bosetting;3", "kommune", "not one of the nominees"),
        (";Kinn;bosetting;3", "jurymedlem", "missing"),
        ("A;Kinn;bosetting;3", "poeng", "twice"),
        ("C;Kinn", "kriterium", "fields"),
    ],
)
def test_sheet_errors_name_row_and_field(tmp_path: Path, row: str, field: str, match: str) -> None:
    # an empty line before the bad row: the row number is still the file's data row
    path = write(tmp_path, SHEET + "\n" + row + "\n")
    with pytest.raises(JurySheetError, match=match) as info:
        read_jury_sheet(path, NOMS)
    assert (info.value.file, info.value.row, info.value.field) == (str(path), 6, field)
    assert f"row 6, field '{field}'" in str(info.value)


def test_missing_column(tmp_path: Path) -> None:
    path = write(tmp_path, "jurymedlem;kommune;poeng\nA;Kinn;3\n")
    with pytest.raises(JurySheetError, match="no criterion column") as info:
        read_jury_sheet(path, NOMS)
    assert info.value.field == "criterion"


def test_scale_must_be_ordered() -> None:
    with pytest.raises(JurySheetError):
        Scale(6, 1)
    jury = JuryAssessment.from_records(
        [{"juror": "A", "nominee": KINN, "criterion": "c", "score": 10}], NOMS, scale=Scale(0, 10)
    )
    assert jury.score(KINN) == 1


def test_label_read_from_sheet(tmp_path: Path) -> None:
    path = write(tmp_path, "juror,nominee,criterion,score,label\nA,Kinn,c,3,ØVINGSDATA\n")
    assert read_jury_sheet(path, NOMS).label == "ØVINGSDATA"


@given(
    nominee_sets(),
    st.lists(st.integers(1, 6), min_size=1, max_size=4),
    st.integers(1, 3),
)
def test_scores_normalised_into_unit_interval(
    noms: list[Municipality], raw: list[int], jurors: int
) -> None:
    records = [
        {"juror": f"j{j}", "nominee": m.code, "criterion": f"c{c}", "score": s}
        for j in range(jurors)
        for m in noms
        for c, s in enumerate(raw)
    ]
    jury = JuryAssessment.from_records(records, noms)
    for m in noms:
        score = jury.score(m)
        assert score is not None
        assert 0 <= score <= 1
        assert score == (Fraction(sum(raw), len(raw)) - 1) / 5
