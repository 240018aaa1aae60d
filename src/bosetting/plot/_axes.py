"""Shared plumbing for the plots: new axes, a legend without repeats, saving a figure safely."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

from bosetting.data import check_writable, write_user_bytes
from bosetting.errors import WriteError
from bosetting.i18n import N_, _

__all__ = ["legend_once", "mark_practice", "new_axes", "save"]


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


def legend_once(ax: Any, **kwargs: Any) -> Any:
    """A legend below the axes, clear of the data, with each label once (its first line).

    Labels starting with ``_`` are left out, as matplotlib does; ``kwargs`` go to
    :meth:`matplotlib.axes.Axes.legend`.
    """
    handles, labels = ax.get_legend_handles_labels()
    seen: dict[str, Any] = {}
    for handle, label in zip(handles, labels, strict=True):
        if label and not label.startswith("_"):
            seen.setdefault(label, handle)
    options: dict[str, Any] = {
        "loc": "upper center",
        "bbox_to_anchor": (0.5, -0.16),
        "ncol": 2,
        "fontsize": "small",
        "frameon": False,
    }
    options.update(kwargs)
    return ax.legend(list(seen.values()), list(seen), **options)


def mark_practice(ax: Any) -> Any:
    """Write PRACTICE DATA (ØVINGSDATA in bokmål) across the axes, so no one takes it for real.

    The mark is large, grey and half transparent, drawn over the data; the
    figure's title also ends with it, so a cropped copy still says so.

    Examples:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> from bosetting.i18n import language
        >>> with language("nb"):
        ...     ax = new_axes()
        ...     _ = ax.set_title("Hvem vinner?")
        ...     _ = mark_practice(ax)
        >>> ax.get_title(), ax.texts[-1].get_text()
        ('Hvem vinner? – ØVINGSDATA', 'ØVINGSDATA')
    """
    word = _("PRACTICE DATA")
    ax.text(
        0.5,
        0.5,
        word,
        transform=ax.transAxes,
        fontsize=40,
        color="grey",
        alpha=0.25,
        rotation=20,
        ha="center",
        va="center",
        fontweight="bold",
        zorder=10,
    )
    title = ax.get_title()
    first, newline, rest = title.partition("\n")
    ax.set_title(f"{first} – {word}{newline}{rest}" if title else word)
    return ax


def save(ax_or_figure: Any, path: str | os.PathLike[str], *, force: bool = False) -> Path:
    """Write the figure of ``ax_or_figure`` to ``path`` atomically; the format follows the suffix.

    The image is drawn in memory, then written by
    :func:`bosetting.data.write_user_bytes`, the library's one writer: a temporary
    file beside ``path`` moved into place only when complete (a failed write never
    leaves half a file), the same checks and the same messages as every other file
    bosetting writes.

    Args:
        ax_or_figure: Axes (their figure is saved) or a figure.
        path: Where to write (``.png``, ``.svg``, ``.pdf`` ...).
        force: Replace a file that is already there.

    Returns:
        The path written.

    Raises:
        WriteError: When the file exists and ``force`` is false, when the folder is
            missing or not writable, or when the suffix is no image format matplotlib writes.
    """
    target = Path(path)
    figure = ax_or_figure.get_figure() if hasattr(ax_or_figure, "get_figure") else ax_or_figure
    fmt = target.suffix.lstrip(".").lower()
    supported = figure.canvas.get_supported_filetypes()
    if fmt not in supported:
        raise WriteError(
            N_("not an image format the plot can be written in; use one of {formats}"),
            file=str(target),
            formats=", ".join(f".{f}" for f in sorted(supported)),
        )
    check_writable([target], force=force)  # before drawing: refuse early, with data's words
    image = io.BytesIO()
    figure.savefig(image, format=fmt)
    return write_user_bytes(target, image.getvalue(), force=force)
