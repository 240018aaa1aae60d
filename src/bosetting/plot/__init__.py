"""matplotlib plots (imported only when used, so ``import bosetting`` stays light).

Each topic has its own private module here; this package re-exports the public
plotting functions. Every function takes an optional ``ax`` and returns the
:class:`matplotlib.axes.Axes` it drew on.
"""

from __future__ import annotations

from bosetting.plot._axes import new_axes
from bosetting.plot._outcomes import outcome_over_time
from bosetting.plot._sensitivity import sensitivity

__all__ = ["new_axes", "outcome_over_time", "sensitivity"]
