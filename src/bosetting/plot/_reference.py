"""The reference lines of the outcome plot: the prize's criteria on the share, from the data, and the national goal."""

from __future__ import annotations

from typing import Any

import attrs

from bosetting.i18n import _, format_share, join_words
from bosetting.model import checked

__all__ = ["NATIONAL_GOAL", "CriterionSpan", "criterion_spans", "reference_lines"]

#: The national goal since 2010: at least 70 % one year after the programme.
NATIONAL_GOAL = 0.7


@attrs.frozen
class CriterionSpan:
    """A threshold on the intro share some editions had, and the status years they looked at."""

    threshold: float
    editions: tuple[str, ...]
    first: int
    last: int


@checked
def criterion_spans() -> tuple[CriterionSpan, ...]:
    """The prize's thresholds on the intro share, each with its editions and status years.

    From the criteria table: every criterion on the intro share with a threshold,
    over the status years its editions' rules look at
    (:func:`bosetting.eligibility.intro_status_years`).

    Examples:
        >>> [(s.threshold, s.editions, s.first, s.last) for s in criterion_spans()]
        [(0.5, ('2021',), 2016, 2020)]
    """
    from bosetting.eligibility import INTRO_MEASURES, intro_status_years
    from bosetting.history import editions

    found: dict[tuple[str, float], list[tuple[str, range]]] = {}
    for e in editions():
        for c in e.criteria:
            if c.measure in INTRO_MEASURES and c.threshold is not None:
                found.setdefault((c.id, c.threshold), []).append(
                    (e.label, intro_status_years(e.reference_year))
                )
    return tuple(
        CriterionSpan(
            threshold,
            tuple(label for label, _ in used),
            min(r.start for _, r in used),
            max(r.stop - 1 for _, r in used),
        )
        for (_, threshold), used in found.items()
    )


def reference_lines(ax: Any, first: int, last: int) -> None:
    """Each criterion on the share over its editions' status years within ``first``-``last``; the goal across."""
    for span in criterion_spans():
        lo, hi = max(span.first, first), min(span.last, last)
        if lo > hi:
            continue  # the editions with this criterion looked at years not drawn
        ax.hlines(
            span.threshold,
            lo - 0.3,
            hi + 0.3,
            linestyles="--",
            color="tab:red",
            linewidth=1.2,
            label=_(
                "the prize’s criterion {share} ({editions}, status years {first}–{last})",
                share=format_share(span.threshold, 0),
                editions=join_words(span.editions),
                first=span.first,
                last=span.last,
            ),
        )
    ax.axhline(
        NATIONAL_GOAL,
        linestyle=":",
        color="tab:green",
        linewidth=1.2,
        label=_("national goal {share}", share=format_share(NATIONAL_GOAL, 0)),
    )
