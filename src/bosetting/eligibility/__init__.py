"""An edition's criteria applied to a municipality's figures, with reasons (floor 3)."""

from __future__ import annotations

from bosetting.eligibility._assess import assess
from bosetting.eligibility._measures import INTRO_WINDOW, SETTLEMENT_YEARS
from bosetting.eligibility._results import Assessment, CriterionResult, Figure, Verdict
from bosetting.eligibility._screen import RANKINGS, Screen, ScreenRow, screen

__all__ = [
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
    "screen",
]
