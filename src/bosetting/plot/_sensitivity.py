"""How the blend's winner depends on the public weight."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bosetting.i18n import _, format_number
from bosetting.model import checked
from bosetting.plot._axes import legend_once, mark_practice, new_axes

if TYPE_CHECKING:
    from bosetting.decision import Sensitivity

__all__ = ["sensitivity"]


def _title(result: Sensitivity) -> str:
    if result.edition is None:
        title = _("Who wins at which weighting?")
    else:
        title = _("Who wins at which weighting? Edition {label}", label=result.edition)
    if result.hypothetical:
        title += "\n" + _("(a hypothetical weighting: the edition’s rule gives the vote no weight)")
    return title


@checked
def sensitivity(result: Sensitivity, ax: Any = None) -> Any:
    """Plot each nominee's combined score against the public weight; mark where the winner changes.

    The lines are exact (a blended score is straight in the weight); the winner
    changes at the exact weights of :attr:`~bosetting.decision.Sensitivity.changes`,
    whatever sample weights the result was made with. Each stretch is shaded
    lightly in its winner's colour, and each change is a dotted line with its
    weight written below the axis. The title names the edition when the result
    knows it; practice data (ballots labelled ØVINGSDATA) is marked across the
    figure. Labels are in the active language.

    Args:
        result: From :func:`bosetting.decision.sensitivity`.
        ax: Axes to draw on (default: a new figure).

    Returns:
        The axes.

    Examples:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> from bosetting.model import Municipality
        >>> from bosetting.voting import tally
        >>> from bosetting.jury import JuryAssessment
        >>> from bosetting.decision import sensitivity as sweep
        >>> a = Municipality("4602", "Kinn", "Vestland", 2020)
        >>> b = Municipality("1804", "Bodø", "Nordland", 1977)
        >>> s = sweep(tally(["Kinn", "Kinn", "Bodø"], [a, b]), JuryAssessment.from_scores({a: 2, b: 5}))
        >>> len(sensitivity(s).get_lines())
        3
    """
    ax = new_axes(ax, figsize=(7.5, 4.8))
    colours: dict[Any, Any] = {}
    for m in sorted(result.public, key=lambda m: m.code):
        p, j = float(result.public[m]), float(result.jury[m])
        (line,) = ax.plot([0.0, 1.0], [j, p], label=str(m), linewidth=1.5)
        colours[m] = line.get_color()
    for stretch in result.intervals:
        lo, hi = float(stretch.start), float(stretch.end)
        ax.axvspan(lo, hi, color=colours[stretch.winner], alpha=0.12, lw=0)
    for c in result.changes:
        at = float(c.at)
        ax.axvline(at, color="grey", linestyle=":", linewidth=1)
        ax.annotate(
            _(
                "{before} → {after} at {at}",
                before=c.before.name,
                after=c.after.name,
                at=format_number(at, 3),
            ),
            (at, 0.02),
            xycoords=("data", "axes fraction"),
            rotation=90,
            va="bottom",
            ha="right",
            fontsize=8,
            bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "alpha": 0.8, "lw": 0},
        )
    ax.set_xlim(0, 1)
    from matplotlib.ticker import FuncFormatter

    decimal = FuncFormatter(lambda x, _pos: format_number(x, 1))  # 0,2 in bokmål
    ax.xaxis.set_major_formatter(decimal)
    ax.yaxis.set_major_formatter(decimal)
    top = max([*map(float, result.public.values()), *map(float, result.jury.values()), 0.0])
    ax.set_ylim(0, max(1.0, top) * 1.05)
    ax.set_xlabel(_("weight of the public vote (an assumption: IMDi has not published it)"))
    ax.set_ylabel(_("combined score (0–1)"))
    ax.set_title(_title(result))
    legend_once(ax, title=_("the winner’s stretch is shaded in its colour"), ncol=3)
    if result.is_practice:
        mark_practice(ax)
    return ax
