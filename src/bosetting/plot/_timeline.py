"""Every edition on a line: the winner, how the winner was chosen, and how sure the record is of it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bosetting.i18n import _
from bosetting.model import RULES, Edition, checked
from bosetting.plot._axes import legend_once, new_axes

__all__ = ["timeline"]


def _gaps(eds: Sequence[Edition]) -> list[tuple[float, int]]:
    """Work years no edition covers, placed between the editions around them."""
    out = []
    for i in range(1, len(eds)):
        before, after = eds[i - 1].year, int(eds[i].label.split("/")[0])
        for year in range(before + 1, after):
            out.append((i - 0.5, year))
    return out


@checked
def timeline(editions: Sequence[Edition] | None = None, ax: Any = None) -> Any:
    """One dot per edition, coloured by its decision rule, with the winner's name above it.

    A hollow dot: no known winner. A pale dot with a question mark: the sources do
    not bear out the rule (assumed, disputed or only planned;
    :attr:`~bosetting.model.Edition.rule_basis`). A dashed line marks a work year
    with no edition, and the prize's name is written where it changes. Labels
    are in the active language.

    Args:
        editions: The editions, oldest first (default: every edition on record).
        ax: Axes to draw on (default: a new figure).

    Returns:
        The axes.

    Examples:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> ax = timeline()
        >>> len([t for t in ax.texts if t.get_text() == "?"])
        8
    """
    from bosetting.history import editions as all_editions

    eds = list(all_editions() if editions is None else editions)
    ax = new_axes(ax, figsize=(11.0, 4.2))
    colour = {cls: f"C{i}" for i, cls in enumerate(RULES)}
    for x, e in enumerate(eds):
        c = colour[type(e.rule)]
        hedged = e.rule_basis.hedged
        face = "white" if e.winner is None else c
        ax.plot(
            x, 0, "o", markersize=12, color=c, markerfacecolor=face, alpha=0.45 if hedged else 1,
        )  # fmt: skip
        if hedged:
            ax.text(x, 0, "?", ha="center", va="center", fontsize=9, fontweight="bold")
        name = e.winner.name if e.winner is not None else _("unknown winner")
        ax.annotate(
            name, (x, 0), xytext=(0, 12), textcoords="offset points", rotation=40,
            ha="left", va="bottom", fontsize=9,
        )  # fmt: skip
        ax.annotate(
            e.label, (x, 0), xytext=(0, -12), textcoords="offset points", rotation=90,
            ha="center", va="top", fontsize=9,
        )  # fmt: skip
    for at, year in _gaps(eds):
        ax.vlines(at, -0.5, 0.9, color="grey", linestyle="--", linewidth=1)
        ax.text(
            at, -0.55, _("no edition for the work year {year}", year=year), ha="center",
            va="top", fontsize=8, color="grey", wrap=True,
        )  # fmt: skip
    for i in range(1, len(eds)):
        if eds[i].prize_name != eds[i - 1].prize_name:
            ax.text(i - 0.3, 1.0, eds[i].prize_name, ha="left", va="top", fontsize=9)
            ax.text(i - 0.7, 1.0, eds[i - 1].prize_name, ha="right", va="top", fontsize=9)
    for cls in RULES:
        used = [e for e in eds if type(e.rule) is cls]
        if used:
            ax.plot([], [], "o", markersize=10, color=colour[cls], label=used[0].rule.label)
    ax.plot([], [], "o", color="grey", markerfacecolor="white", label=_("hollow: no known winner"))
    ax.plot(
        [], [], "o", color="grey", alpha=0.45, label=_("pale with ?: the rule is not confirmed")
    )
    ax.set_ylim(-0.9, 1.05)
    ax.set_xlim(-0.7, len(eds) - 0.3)
    ax.axis("off")
    ax.set_title(_("The winners, edition by edition, and how the winner was chosen"))
    legend_once(ax, ncol=3, bbox_to_anchor=(0.5, 0.0))
    return ax
