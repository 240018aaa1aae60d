"""Decision rules applied to a tally and a jury, with a trace; sensitivity to the weight (floor 3)."""

from __future__ import annotations

from bosetting.decision._decide import decide
from bosetting.decision._scores import PUBLIC_NORMALISATION
from bosetting.decision._sensitivity import Change, Sensitivity, sensitivity
from bosetting.decision._trace import Decision, ScoreLine, Trace

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
