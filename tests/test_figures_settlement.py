"""Settlement figures: requested, decided, settled, and the settled-over-requested ratio."""

from __future__ import annotations

import pytest
from hypothesis import given

import bosetting as bs
from bosetting.errors import ValidationError
from bosetting.figures import Settlement, settled_share_of_request, settlement
from bosetting.model import FigureStatus
from tests.strategies import settlements

P, S = FigureStatus.PUBLISHED, FigureStatus.SUPPRESSED


def test_kristiansand_across_numbers() -> None:
    rows = bs.settlement("Kristiansand")
    years = [s.year for s in rows]
    assert years == sorted(years)
    assert years[0] == 2008
    assert years[-1] == 2023
    # Since the table covers every municipality, Songdalen and Søgne (merged into
    # Kristiansand in 2020) are matched too, each under its own code.
    assert {s.code for s in rows if s.year < 2020} == {"1001", "1017", "1018"}
    assert {s.code for s in rows if s.year >= 2020} == {"4204"}


def test_partial_year_and_revised_request() -> None:
    [s23] = settlement("Kristiansand", year=2023)
    assert s23.partial_year
    [s20] = settlement("Kristiansand", year=2020)
    assert (s20.requested, s20.decided, s20.settled) == (61, 80, 75)
    assert s20.requested_original is not None
    assert s20.requested_original > s20.requested


def test_suppressed_decision_kept() -> None:
    [voss] = settlement("Voss", year=2020)
    assert voss.decided is None
    assert voss.decided_status is S


def test_ratio() -> None:
    [s] = [r for r in settlement("Kristiansand", year=2016) if r.code == "1001"]
    assert settled_share_of_request(s) == pytest.approx(256 / 260)
    hidden = Settlement("1001", "X", 2020, 80, P, None, None, S, None, S)
    assert settled_share_of_request(hidden) is None
    zero = Settlement("1001", "X", 2020, 0, P, None, 0, P, 0, P)
    assert settled_share_of_request(zero) is None


def test_status_must_match_value() -> None:
    with pytest.raises(ValidationError, match="settled"):
        Settlement("1001", "X", 2020, 80, P, None, 80, P, 5, S)


@given(settlements())
def test_ratio_only_from_published(s: Settlement) -> None:
    r = settled_share_of_request(s)
    if s.requested_status is not P or s.settled_status is not P:
        assert r is None
    elif s.requested:
        assert r == s.settled / s.requested  # type: ignore[operator]
