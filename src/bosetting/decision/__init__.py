"""Decision rules applied to a tally and a jury, with a trace; sensitivity to the weight."""

from __future__ import annotations

from bosetting.decision._decide import (
    PUBLIC_NORMALISATION,
    Change,
    Decision,
    ScoreLine,
    Sensitivity,
    Trace,
    decide,
    sensitivity,
)

__all__ = [
    "PUBLIC_NORMALISATION",
    "Change",
    "Decision",
    "ScoreLine",
    "Sensitivity",
    "Trace",
    "decide",
    "sensitivity",
]
