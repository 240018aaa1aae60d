"""How the blend's winner depends on the public weight."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bosetting.plot._axes import new_axes

if TYPE_CHECKING:
    from bosetting.decision import Sensitivity

__all__ = ["sensitivity"]


def sensitivity(result: Sensitivity, ax: Any = None) -> Any:
    """Plot each nominee's combined score against the public weight; mark where the winner changes.

    The lines are exact (a blended score is straight in the weight); the winner
    changes at the exact weights of :attr:`~bosetting.decision.Sensitivity.changes`,
    whatever sample weights the result was made with. Each stretch is shaded
    lightly and the winner's line drawn thicker there.

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
    ax = new_axes(ax)
    colours: dict[Any, Any] = {}
    for m in sorted(result.public, key=lambda m: m.code):
        p, j = float(result.public[m]), float(result.jury[m])
        (line,) = ax.plot([0.0, 1.0], [j, p], label=str(m), linewidth=1)
        colours[m] = line.get_color()
    for k, stretch in enumerate(result.intervals):
        lo, hi = float(stretch.start), float(stretch.end)
        ax.axvspan(lo, hi, color=colours[stretch.winner], alpha=0.08 if k % 2 else 0.14, lw=0)
    for c in result.changes:
        at = float(c.at)
        ax.axvline(at, color="grey", linestyle=":", linewidth=1)
        ax.annotate(
            f"{c.before.name} → {c.after.name} ({c.at})",
            (at, 1.0),
            xycoords=("data", "axes fraction"),
            rotation=90,
            va="top",
            ha="right",
            fontsize=8,
        )
    ax.set_xlim(0, 1)
    ax.set_xlabel("Vekt på folkeavstemningen (antakelse)")
    ax.set_ylabel("Samlet skår (0–1)")
    title = "Hvem vinner ved hvilken vekting?"
    ax.set_title(title + (" (tenkt vekting)" if result.hypothetical else ""))
    ax.legend(loc="best", fontsize=8)
    return ax
