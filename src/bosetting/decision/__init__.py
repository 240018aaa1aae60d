"""Decision rules applied to a tally and a jury, with a trace; exact sensitivity to the weight (floor 3)."""

from __future__ import annotations

from bosetting.decision._decide import decide
from bosetting.decision._scores import PUBLIC_NORMALISATION
from bosetting.decision._sensitivity import Change, Interval, Sensitivity, sensitivity
from bosetting.decision._trace import Decision, ScoreLine, Trace

__all__ = [
    "PUBLIC_NORMALISATION",
    "Change",
    "Decision",
    "Interval",
    "ScoreLine",
    "Sensitivity",
    "Trace",
    "decide",
    "sensitivity",
]
