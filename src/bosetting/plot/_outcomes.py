"""A municipality's one-year intro-programme outcome over time."""

from __future__ import annotations

from typing import Any

from bosetting.figures import intro_outcomes
from bosetting.i18n import _, format_share
from bosetting.model import FigureStatus, IntroProgrammeOutcome, Municipality, Sex
from bosetting.plot._axes import new_axes

__all__ = ["CRITERION_SHARE", "NATIONAL_GOAL", "outcome_over_time"]

#: The prize criterion (2021): more than half in work or education.
CRITERION_SHARE = 0.5
#: The national goal since 2010: at least 70 % one year after the programme.
NATIONAL_GOAL = 0.7


def _own_rows(
    area: Municipality | str, outcomes: tuple[IntroProgrammeOutcome, ...] | None
) -> list[IntroProgrammeOutcome]:
    from bosetting.figures import AreaFilter

    where = AreaFilter.of(area)
    rows = intro_outcomes(area, sex=Sex.ALL) if outcomes is None else outcomes
    return sorted(
        (
            o
            for o in rows
            if o.years_after == 1
            and o.sex is Sex.ALL
            and where.matches(o.area_type, o.area_code, o.status_year)
            and where.owns(o.area_code, o.status_year)
        ),
        key=lambda o: o.status_year,
    )


def outcome_over_time(
    municipality_or_name: Municipality | str,
    ax: Any = None,
    *,
    outcomes: tuple[IntroProgrammeOutcome, ...] | None = None,
) -> Any:
    """Plot a municipality's one-year share in work or education by status year.

    The line breaks at every year whose share was not published; such years are
    marked with an ``x`` at the bottom and named in the legend ("not published (:)"), so
    a suppressed figure is visible as a gap, never as a value. Horizontal lines
    show the prize's 50 % criterion and the national 70 % goal. Only the
    municipality's own rows are drawn (not those of municipalities merged into it).

    Args:
        municipality_or_name: A :class:`Municipality`, a name or a code.
        ax: Axes to draw on; a new figure when ``None``.
        outcomes: Records to draw instead of the shipped table (for example from
            :func:`bosetting.ssb.read_ssb_10824`).

    Returns:
        The axes drawn on.

    Examples:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> ax = outcome_over_time("Kristiansand")
        >>> ax.get_lines()[0].get_ydata().tolist()
        [0.64, 0.62, 0.66, 0.69]
        >>> ax.get_title()
        'Kristiansand: in work or education one year after'
    """
    import matplotlib.ticker as mticker

    rows = _own_rows(municipality_or_name, outcomes)
    ax = new_axes(ax)
    years = [o.status_year for o in rows]
    shares = [o.share if o.share_status is FigureStatus.PUBLISHED else float("nan") for o in rows]
    ax.plot(years, shares, marker="o", label=_("share (one year after, by status year)"))
    hidden = [o for o in rows if o.share_status is not FigureStatus.PUBLISHED]
    if hidden:
        symbols = sorted({o.share_status.symbol or o.share_status.value for o in hidden})
        ax.scatter(
            [o.status_year for o in hidden],
            [0.0] * len(hidden),
            marker="x",
            color="grey",
            label=_("not published ({symbols})", symbols=" ".join(symbols)),
            zorder=3,
        )
    ax.axhline(
        CRITERION_SHARE,
        linestyle="--",
        color="tab:red",
        label=_("the prize’s criterion {share}", share=format_share(CRITERION_SHARE, 0)),
    )
    ax.axhline(
        NATIONAL_GOAL,
        linestyle=":",
        color="tab:green",
        label=_("national goal {share}", share=format_share(NATIONAL_GOAL, 0)),
    )
    ax.set_ylim(0, 1)
    ax.yaxis.set_major_formatter(mticker.FuncFormatter(lambda y, _pos: format_share(y, 0)))
    ax.xaxis.set_major_locator(mticker.MaxNLocator(integer=True))
    ax.set_xlabel(_("status year (the cohort left the year before)"))
    ax.set_ylabel(_("in work or education"))
    name = rows[-1].area_name if rows else str(municipality_or_name)
    ax.set_title(_("{name}: in work or education one year after", name=name))
    ax.legend(loc="lower right", fontsize="small")
    return ax
