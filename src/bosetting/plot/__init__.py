"""matplotlib plots (imported only when used, so ``import bosetting`` stays light).

Each topic has its own private module here; this package re-exports the public
plotting functions. Every function takes an optional ``ax`` and returns the
:class:`matplotlib.axes.Axes` it drew on; :func:`save` writes a figure to a
file atomically and never replaces one unless asked (``force=True``).
"""

from __future__ import annotations

from bosetting.plot._axes import new_axes, save
from bosetting.plot._outcomes import outcome_over_time
from bosetting.plot._reference import CriterionSpan, criterion_spans
from bosetting.plot._room import room
from bosetting.plot._sensitivity import sensitivity
from bosetting.plot._timeline import timeline

__all__ = [
    "CriterionSpan",
    "criterion_spans",
    "new_axes",
    "outcome_over_time",
    "room",
    "save",
    "sensitivity",
    "timeline",
]
