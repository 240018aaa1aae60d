"""The one-year intro-programme outcome over time, for one area or several overlaid.

An *area* is a municipality (a :class:`~bosetting.model.Municipality`, a name or
a code, of today or of any year of the register: ``"Flora"`` works), a two-digit
county code as SSB published it (``"14"`` for Sogn og Fjordane), ``"national"``
for the whole country, or, after a municipality, ``"county"``: the county that
municipality's figures were published under (Kinn's are Flora's and Vågsøy's,
so Sogn og Fjordane).

What each area draws, one line per series, each named in the legend:

* the country and a county: their own series;
* a municipality: its own rows under every number it has had (one line);
  where it has none (Kinn and Lillestrøm were made in 2020, after the last
  published municipal figures), the rows of the municipalities merged into it,
  each as its own line under its own name. Figures are never added up.

A year with no figure on record breaks the line; a figure SSB did not publish
(``:``) breaks it too and is marked ``x`` at the bottom; SSB's older monitor
(the national series before 2011) is drawn dashed and apart from the
register-based series, as the two cannot be compared directly.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from bosetting.data import using
from bosetting.errors import ArgumentError, NoDataError
from bosetting.figures import AreaFilter, intro_outcomes, provenance
from bosetting.i18n import N_, _, format_share, join_words
from bosetting.model import (
    AreaType,
    FigureStatus,
    IntroProgrammeOutcome,
    Method,
    Municipality,
    checked,
)
from bosetting.plot._axes import legend_once, new_axes
from bosetting.register import latest

__all__ = ["CRITERION_SHARE", "NATIONAL_GOAL", "outcome_over_time"]

#: The prize criterion (2021): more than half in work or education.
CRITERION_SHARE = 0.5
#: The national goal since 2010: at least 70 % one year after the programme.
NATIONAL_GOAL = 0.7

_NATIONAL = ("national", "0", "norge", "hele landet")
_COUNTY_TOKEN = "county"

Area = Municipality | str


#: Line colours: none of them the red and green of the reference lines; the country is black.
_COLOURS = (
    "tab:blue",
    "tab:orange",
    "tab:purple",
    "tab:brown",
    "tab:cyan",
    "tab:pink",
    "tab:olive",
    "tab:gray",
)
_NATIONAL_COLOUR = "black"
#: Where a figure SSB did not publish is marked: in a strip below 0 %, apart from a real 0 %.
_HIDDEN_Y = -0.05
_STRIP = (-0.09, -0.01)


@attrs.frozen
class _Series:
    label: str
    rows: tuple[IntroProgrammeOutcome, ...]
    colour: str | None = None


@attrs.frozen
class _Area:
    """One area asked for: its name in the title, and the series it draws."""

    name: str
    series: tuple[_Series, ...]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _one_year(rows: Iterable[IntroProgrammeOutcome]) -> list[IntroProgrammeOutcome]:
    kept = [o for o in rows if o.years_after == 1 and o.sex.value == "all"]
    return sorted(kept, key=lambda o: (o.area_code, o.status_year))


def _municipal_years(rows: Sequence[IntroProgrammeOutcome]) -> str:
    years = [o.status_year for o in rows if o.area_type is AreaType.MUNICIPALITY]
    return f"{min(years)}–{max(years)}" if years else "–"


def _named(rows: Sequence[IntroProgrammeOutcome]) -> str:
    codes = ", ".join(dict.fromkeys(o.area_code for o in rows))
    return f"{rows[-1].area_name} ({codes})"


def _by_code(rows: Sequence[IntroProgrammeOutcome]) -> list[_Series]:
    groups: dict[str, list[IntroProgrammeOutcome]] = {}
    for o in rows:
        groups.setdefault(o.area_code, []).append(o)
    return [_Series(_named(g), tuple(g)) for g in groups.values()]


def _municipality_area(
    m: Municipality, rows: Sequence[IntroProgrammeOutcome], merged: bool | None
) -> _Area:
    where = AreaFilter.of(m)
    mine = [o for o in rows if where.matches(o.area_type, o.area_code, o.status_year)]
    own = [o for o in mine if where.owns(o.area_code, o.status_year)]
    others = [o for o in mine if not where.owns(o.area_code, o.status_year)]
    series: list[_Series] = []
    if own:
        series.append(_Series(_named(own), tuple(own)))
    if others and (merged or (merged is None and not own)):
        series.extend(
            _Series(_("{series}, today part of {name}", series=p.label, name=m.name), p.rows)
            for p in _by_code(others)
        )
    if not series:
        if others:
            raise NoDataError(
                N_(
                    "{area} has no figures of its own; the municipalities merged into it "
                    "have ({names}): leave out merged=False to draw them"
                ),
                area=str(m),
                names=", ".join(s.label for s in _by_code(others)),
            )
        raise NoDataError(
            N_(
                "no one-year intro-programme figures on record for {area} "
                "(municipal figures exist for the status years {years})"
            ),
            area=m.with_years(),
            years=_municipal_years(rows),
        )
    return _Area(str(m), tuple(series))


def _region_area(kind: str, code: str, rows: Sequence[IntroProgrammeOutcome]) -> _Area:
    where = AreaFilter("national") if kind == "national" else AreaFilter("county", county=code)
    mine = [o for o in rows if where.matches(o.area_type, o.area_code, o.status_year)]
    if kind == "national":
        name = AreaType.NATIONAL.label
    else:
        name = _("{name} (county {code})", name=mine[-1].area_name if mine else code, code=code)
    if not mine:
        raise NoDataError(N_("no one-year intro-programme figures on record for {area}"), area=name)
    colour = _NATIONAL_COLOUR if kind == "national" else None
    return _Area(name, (_Series(_capital(name), tuple(mine), colour),))


def _counties_of(areas: Sequence[_Area]) -> list[str]:
    for a in areas:
        codes = [
            o.area_code[:2]
            for s in a.series
            for o in s.rows
            if o.area_type is AreaType.MUNICIPALITY
        ]
        if codes:
            return list(dict.fromkeys(codes))
    raise ArgumentError(
        N_("'county' means the county of a municipality named before it"),
        field="areas",
        value=_COUNTY_TOKEN,
    )


def _areas(
    wanted: Sequence[Area], rows: Sequence[IntroProgrammeOutcome], merged: bool | None
) -> list[_Area]:
    found: list[_Area] = []
    for area in wanted:
        text = area.strip() if isinstance(area, str) else None
        if text is not None and text.casefold() in _NATIONAL:
            found.append(_region_area("national", "0", rows))
        elif text is not None and text.casefold() == _COUNTY_TOKEN:
            found.extend(_region_area("county", c, rows) for c in _counties_of(found))
        elif text is not None and text.isdigit() and len(text) == 2:
            found.append(_region_area("county", text, rows))
        else:
            m = area if isinstance(area, Municipality) else latest(str(text))
            found.append(_municipality_area(m, rows, merged))
    unique: dict[str, _Area] = {a.name: a for a in found}
    return list(unique.values())


def _segments(rows: Sequence[IntroProgrammeOutcome]) -> list[tuple[Method, list[int], list[float]]]:
    """Lines to draw, the register-based first: NaN at every year without a published share."""
    out: list[tuple[Method, list[int], list[float]]] = []
    for method in (Method.REGISTER, Method.MONITOR):
        part = {o.status_year: o.share for o in rows if o.method is method and _shown(o)}
        years = sorted({o.status_year for o in rows if o.method is method})
        if years:
            span = list(range(years[0], years[-1] + 1))
            out.append((method, span, [_nan_if_none(part.get(y)) for y in span]))
    return out


def _shown(o: IntroProgrammeOutcome) -> bool:
    return o.share_status is FigureStatus.PUBLISHED and o.share is not None


def _nan_if_none(value: float | None) -> float:
    return float("nan") if value is None else float(value)


def _draw(ax: Any, areas: Sequence[_Area]) -> tuple[int, int]:
    first, last = 10_000, 0
    hidden_symbols: set[str] = set()
    monitor_drawn = False
    palette = iter(_COLOURS * 4)
    for area in areas:
        for s in area.series:
            colour = s.colour or next(palette)
            label = s.label
            if not any(_shown(o) for o in s.rows):
                label = _("{series}: no published figure", series=s.label)
            # The country below, a county above it, municipalities on top.
            zorder = {AreaType.NATIONAL: 1.8, AreaType.COUNTY: 1.9}.get(s.rows[0].area_type, 2.0)
            for i, (method, years, shares) in enumerate(_segments(s.rows)):
                first, last = min(first, years[0]), max(last, years[-1])
                old = method is Method.MONITOR
                ax.plot(
                    years,
                    shares,
                    linestyle="--" if old else "-",
                    marker="o",
                    mfc="none" if old else colour,
                    color=colour,
                    label=label if i == 0 else "_nolegend_",
                    zorder=zorder,
                )
                monitor_drawn = monitor_drawn or method is Method.MONITOR
            hidden = [o for o in s.rows if not _shown(o)]
            if hidden:
                hidden_symbols.update(o.share_status.symbol or o.share_status.value for o in hidden)
                ax.scatter(
                    [o.status_year for o in hidden],
                    [_HIDDEN_Y] * len(hidden),
                    marker="x",
                    color=colour,
                    zorder=3,
                )
    if hidden_symbols:
        label = _("not published ({symbols})", symbols=" ".join(sorted(hidden_symbols)))
        ax.scatter([], [], marker="x", color="grey", label=label)
        ax.axhspan(_STRIP[0], _STRIP[1], color="0.94", zorder=0)
    if monitor_drawn:
        ax.plot(
            [],
            [],
            linestyle="--",
            marker="o",
            mfc="none",
            color="grey",
            label=_("SSB’s older monitor (dashed), not comparable"),
        )
    return first, last


def _reference_lines(ax: Any) -> None:
    ax.axhline(
        CRITERION_SHARE,
        linestyle="--",
        color="tab:red",
        linewidth=1,
        label=_("the prize’s criterion {share}", share=format_share(CRITERION_SHARE, 0)),
    )
    ax.axhline(
        NATIONAL_GOAL,
        linestyle=":",
        color="tab:green",
        linewidth=1.2,
        label=_("national goal {share}", share=format_share(NATIONAL_GOAL, 0)),
    )


@checked
def outcome_over_time(
    area: Area | Sequence[Area],
    ax: Any = None,
    *,
    compare: Sequence[Area] = (),
    merged: bool | None = None,
    outcomes: Iterable[IntroProgrammeOutcome] | None = None,
    source: str | None = None,
) -> Any:
    """Plot the one-year share in work or education by status year (see the module docstring).

    Args:
        area: One area, or several to overlay (a list: ``["Kinn", "county", "national"]``).
        ax: Axes to draw on; a new figure when ``None``.
        compare: More areas to overlay after ``area`` (``compare=["county", "national"]``).
        merged: For a municipality: ``None`` draws its own figures, or those of the
            municipalities merged into it when it has none; ``True`` both; ``False``
            only its own.
        outcomes: Records to draw instead of the figures in use (for example from
            :func:`bosetting.ssb.read_ssb_10824`).
        source: ``"shipped"`` for the data package's figures whatever the cache
            holds; ``None`` (or ``"auto"``) for SSB's as ``bosetting update`` last
            fetched them where cached (see :func:`bosetting.data.using`).

    Returns:
        The axes drawn on. The legend names every line once; the title names the
        areas, the status years drawn and (for the figures in use) where they come from.

    Raises:
        NoDataError: When an area has no one-year figures (nothing is drawn).
        MunicipalityNotFound: When a name or code is no municipality in any year.

    Examples:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> from bosetting.i18n import language
        >>> with language("en"):
        ...     ax = outcome_over_time("Kristiansand", compare=["national"])
        >>> ax.get_lines()[0].get_ydata().tolist()
        [0.64, 0.62, 0.66, 0.69]
        >>> print(ax.get_title())
        Kristiansand (4204) and the whole country
        in work or education one year after the introduction programme, status years 2006–2024
        Figures: from the data package, status years 2011–2014
        >>> with language("en"):
        ...     outcome_over_time("Rendalen")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        bosetting.errors.NoDataError: no one-year intro-programme figures on record for Rendalen (3424, 2020-) (municipal figures exist for the status years 2011–2014)
    """
    import matplotlib.ticker as mticker

    wanted = [area] if isinstance(area, Municipality | str) else list(area)
    wanted += list(compare)
    if not wanted:
        raise ArgumentError(N_("name at least one area to draw"), field="area", value=[])
    with using(source):
        rows = _one_year(intro_outcomes(None) if outcomes is None else outcomes)
        areas = _areas(wanted, rows, merged)
        where = provenance() if outcomes is None else None
    ax = new_axes(ax, figsize=(8.0, 5.0))
    first, last = _draw(ax, areas)
    _reference_lines(ax)
    ax.set_ylim(_STRIP[0], 1.04)
    ax.set_yticks([0, 0.2, 0.4, 0.6, 0.8, 1.0])
    ax.set_xlim(first - 0.5, last + 0.5)
    ax.yaxis.set_major_formatter(mticker.FuncFormatter(lambda y, _pos: format_share(y, 0)))
    ax.xaxis.set_major_locator(mticker.MaxNLocator(integer=True))
    ax.set_xlabel(_("status year (the cohort left the year before)"))
    ax.set_ylabel(_("in work or education"))
    years = str(first) if first == last else f"{first}–{last}"
    ax.set_title(
        _capital(join_words(a.name for a in areas))
        + "\n"
        + _(
            "in work or education one year after the introduction programme, status years {years}",
            years=years,
        )
        + ("" if where is None else "\n" + _("Figures: {source}", source=where)),
        fontsize="medium",
    )
    legend_once(ax)
    return ax
