"""Shared plumbing for the plots."""

from __future__ import annotations

from typing import Any

__all__ = ["new_axes"]


def new_axes(ax: Any = None, *, figsize: tuple[float, float] = (7.0, 4.0)) -> Any:
    """Return ``ax`` if given, else the axes of a new figure.

    Examples:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> new_axes().get_figure() is not None
        True
    """
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, created = plt.subplots(figsize=figsize, layout="constrained")
    return created
