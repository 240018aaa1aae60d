"""Every group in a workshop room on one screen: who wins at which public weight."""

from __future__ import annotations

from typing import Any

from bosetting.i18n import _
from bosetting.model import PRACTICE_LABEL, checked
from bosetting.plot._axes import legend_once, mark_practice, new_axes
from bosetting.workshop import Room, share

__all__ = ["room"]

#: Below this width (a share of the axis) a stretch gets no name written in it.
_NAMED = 0.1


@checked
def room(result: Room, ax: Any = None) -> Any:
    """One bar per group from 0 % to 100 % public weight, in the colour of the winner there.

    Each nominee has one colour in every group's bar, so the facilitator can show
    on one screen where each group's winner changes and how the groups differ.
    The weights where a group's winner changes are written on its bar; practice
    data is marked across the figure. Labels are in the active language.

    Args:
        result: From :func:`bosetting.workshop.compare`.
        ax: Axes to draw on (default: a new figure sized to the groups).

    Returns:
        The axes.

    Examples:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> import bosetting as bs
        >>> e = bs.edition(2023)
        >>> r = bs.workshop.compare(bs.workshop.example_groups(e, groups=3, seed=3),
        ...                         bs.workshop.practice_vote(e, seed=3))
        >>> len(room(r).patches) >= 3
        True
    """
    groups = list(result.outcomes)
    ax = new_axes(ax, figsize=(10.0, 1.6 + 0.7 * len(groups)))
    palette = [f"C{i}" for i in range(10)]
    colour = {m: palette[i % 10] for i, m in enumerate(result.edition.nominees)}
    for row, outcome in enumerate(groups):
        y = len(groups) - 1 - row
        for stretch in outcome.result.intervals:
            lo, hi = float(stretch.start), float(stretch.end)
            if hi <= lo:
                continue
            ax.barh(
                y,
                hi - lo,
                left=lo,
                height=0.6,
                color=colour[stretch.winner],
                edgecolor="white",
                label=stretch.winner.name,
            )
            if hi - lo >= _NAMED:
                ax.text(
                    (lo + hi) / 2, y, stretch.winner.name, ha="center", va="center", fontsize=9,
                    color="white", fontweight="bold",
                )  # fmt: skip
        for change in outcome.result.changes:
            at = float(change.at)
            ax.plot([at, at], [y - 0.36, y + 0.36], color="black", linewidth=1)
            said = share(change.at)
            if change.tie is not None and change.at in (0, 1):
                said = _("{at} (a tie)", at=said)
            ax.text(
                at, y + 0.38, said, ha="center" if 0 < at < 1 else "left", va="bottom", fontsize=8
            )
    ax.set_yticks(range(len(groups)), [o.name for o in reversed(groups)])
    ax.set_xlim(0, 1)
    ax.set_ylim(-0.6, len(groups) - 0.2)
    ticks = [0, 0.25, 0.5, 0.75, 1]
    ax.set_xticks(ticks, [share(t) for t in ticks])
    ax.grid(axis="x", alpha=0.3)
    ax.set_axisbelow(True)
    ax.set_xlabel(_("weight of the public vote (an assumption: IMDi has not published it)"))
    ax.set_title(
        _(
            "Who wins at which weighting, group by group? Edition {label}",
            label=result.edition.label,
        )
    )
    legend_once(ax, title=_("the winner"), ncol=3, bbox_to_anchor=(0.5, -0.22))
    if PRACTICE_LABEL in result.labels:
        mark_practice(ax)
    return ax
