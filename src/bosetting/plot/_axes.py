"""Shared plumbing for the plots: new axes, a legend without repeats, saving a figure safely."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path
from typing import Any

from bosetting.data import check_writable, write_user_bytes
from bosetting.errors import ArgumentError, WriteError
from bosetting.i18n import N_, _
from bosetting.model import checked

__all__ = ["legend_once", "mark_practice", "new_axes", "save"]


@checked
def new_axes(ax: Any = None, *, figsize: tuple[float, float] = (7.0, 4.0)) -> Any:
    """Return ``ax`` if given, else the axes of a new figure.

    Examples:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> new_axes().get_figure() is not None
        True
    """
    axes_argument(ax)
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


@checked
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
    figure = _figure(ax_or_figure)
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
    try:
        figure.savefig(image, format=fmt)
    except (RuntimeError, OSError, ValueError, KeyError) as exc:  # a program or a plugin is missing
        raise _cannot_draw(fmt, exc, str(target)) from None
    return write_user_bytes(target, image.getvalue(), force=force)


#: The formats every installation of matplotlib writes without another program.
_PLAIN_FORMATS = ".png, .svg, .pdf"


def _cannot_draw(fmt: str, exc: Exception, file: str) -> WriteError:
    """The error for a format whose drawing failed: the program it needs (pgf: LaTeX), or why."""
    missing = re.search(r"'([^']+)' not found", str(exc))
    if missing:
        return WriteError(
            N_(
                "the format .{format} needs the program {program}, which is not installed here; "
                "use {plain}"
            ),
            format=fmt,
            program=missing.group(1),
            plain=_PLAIN_FORMATS,
            file=file,
        )
    return WriteError(
        N_("the figure cannot be written as .{format} here ({reason}); use {plain}"),
        format=fmt,
        reason=" ".join(str(exc).split())[:200],
        plain=_PLAIN_FORMATS,
        file=file,
    )


def _figure(ax_or_figure: object) -> Any:
    """The figure of axes or a figure; an :class:`ArgumentError` for anything else."""
    figure = ax_or_figure.get_figure() if hasattr(ax_or_figure, "get_figure") else ax_or_figure
    if figure is None or not hasattr(figure, "canvas") or not hasattr(figure, "savefig"):
        raise ArgumentError(
            N_("the argument {argument} is matplotlib axes or a figure, not {kind}"),
            argument="ax_or_figure",
            kind="None" if ax_or_figure is None else type(ax_or_figure).__name__,
            field="ax_or_figure",
        )
    return figure


def axes_argument(ax: object) -> None:
    """Check the ``ax`` a plot function was given: ``None`` or matplotlib axes."""
    if ax is not None and not (hasattr(ax, "plot") and hasattr(ax, "get_figure")):
        raise ArgumentError(
            N_("the argument {argument} is matplotlib axes or None, not {kind}"),
            argument="ax",
            kind="None" if ax is None else type(ax).__name__,
            field="ax",
        )
