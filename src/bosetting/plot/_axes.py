"""Shared plumbing for the plots: new axes, a legend without repeats, saving a figure safely."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

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

    The image is written to a temporary file beside ``path`` and moved into place
    only when complete, so a failed write never leaves half a file.

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
    if target.is_dir():
        raise WriteError(N_("a folder is in the way"), file=str(target))
    if target.exists() and not force:
        raise WriteError(
            N_("the file exists already; give --force (force=True) to replace it"),
            file=str(target),
        )
    try:
        handle, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
    except OSError as exc:
        raise WriteError(
            N_("cannot write here: {reason}"), file=str(target), reason=exc.strerror
        ) from None
    os.close(handle)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # as an ordinary new file, not mkstemp's 0600
    try:
        figure.savefig(tmp, format=fmt)
        if force:
            os.replace(tmp, target)
        else:
            _move_new(Path(tmp), target)
    finally:
        Path(tmp).unlink(missing_ok=True)
    return target


def _move_new(tmp: Path, target: Path) -> None:
    """Move ``tmp`` to ``target`` only if nothing is there (no race with another writer)."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise WriteError(
            N_("the file exists already; give --force (force=True) to replace it"),
            file=str(target),
        ) from None
    except OSError:  # a file system without hard links
        if target.exists():
            raise WriteError(
                N_("the file exists already; give --force (force=True) to replace it"),
                file=str(target),
            ) from None
        os.replace(tmp, target)
