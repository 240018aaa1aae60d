"""An edition's criteria applied to a municipality's figures, with reasons (floor 3)."""

from __future__ import annotations

from bosetting.eligibility._assess import assess
from bosetting.eligibility._coverage import INTRO_MEASURES
from bosetting.eligibility._measures import INTRO_WINDOW, SETTLEMENT_YEARS, intro_status_years
from bosetting.eligibility._results import Assessment, CriterionResult, Figure, Verdict
from bosetting.eligibility._screen import RANKINGS, Screen, ScreenRow, screen

__all__ = [
    "INTRO_MEASURES",
    "INTRO_WINDOW",
    "RANKINGS",
    "SETTLEMENT_YEARS",
    "Assessment",
    "CriterionResult",
    "Figure",
    "Screen",
    "ScreenRow",
    "Verdict",
    "assess",
    "intro_status_years",
    "screen",
]
