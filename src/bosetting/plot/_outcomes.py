"""The one-year intro-programme outcome over time, for one area or several overlaid.

An *area* is a municipality (a :class:`~bosetting.model.Municipality`, a name or
a code, of today or of any year of the register: ``"Flora"`` works), a two-digit
county code as SSB published it (``"14"`` for Sogn og Fjordane), ``"national"``
for the whole country, or, after a municipality, ``"county"`` (``"fylke"``): each
county the municipality and the municipalities merged into it belonged to, named
as it was in those years (Kinn's is Sogn og Fjordane up to 2019 and Vestland
from 2020), each drawn over its own years.

What each area draws, one line per series, each named in the legend:

* the country and a county: their own series;
* a municipality: its own rows under every number it has had (one line), and
  the rows of every municipality merged into it, each as its own line under
  its own name (Kristiansand: 1001, Søgne and Songdalen; Kinn, made in 2020
  after the last published municipal figures: Flora and Vågsøy). Figures are
  never added up. A predecessor with no figure on record is named in the
  legend as missing, never left out silently.

The prize's criterion on the share (more than 50 %, the 2021 edition's) is drawn
only over the status years the editions that had it looked at, as the criteria
table gives them; the national goal (70 %) across the figure.

A year with no figure on record breaks the line; a figure SSB did not publish
(``:``) breaks it too and is marked ``x`` in a band below 0 % labelled "not
published" on the axis (a mark, not a value); SSB's older monitor
(the national series before 2011) is drawn dashed and apart from the
register-based series, as the two cannot be compared directly.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from bosetting.data import using
from bosetting.errors import ArgumentError, NoDataError
from bosetting.figures import AreaFilter, area_runs, intro_outcomes, provenance
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
from bosetting.plot._reference import reference_lines
from bosetting.register import latest

__all__ = ["outcome_over_time"]


_NATIONAL = ("national", "0", "norge", "hele landet")
_COUNTY_TOKENS = ("county", "fylke")
_COUNTY_TOKEN = _COUNTY_TOKENS[0]

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
    """One area asked for: its name in the title, the series it draws, and what it lacks.

    ``missing`` are legend lines for parts with no figure on record (a predecessor,
    a county of some years); ``municipality`` is the municipality asked for, if one.
    """

    name: str
    series: tuple[_Series, ...]
    missing: tuple[str, ...] = ()
    municipality: Municipality | None = None


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
    if others and merged is not False:
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
    drawn = {o.area_code for s in series for o in s.rows}
    missing = tuple(
        _(
            "{municipality}, today part of {name}: no figure on record",
            municipality=str(r),
            name=m.name,
        )
        for r in area_runs(m)
        if merged is not False and r.code not in drawn and not where.owns(r.code, r.valid_from)
    )
    return _Area(str(m), tuple(series), missing, m)


def _span(first: int, last: int | None) -> str:
    if last is None:
        return "" if first <= 0 else _("from {year}", year=first)
    return _("up to {year}", year=last) if first <= 0 else f"{first}–{last}"


def _county_area(m: Municipality, rows: Sequence[IntroProgrammeOutcome]) -> _Area:
    """Every county ``m`` and its predecessors were in, each over the years it was theirs."""
    spans: dict[str, tuple[str, int, int | None]] = {}
    for r in area_runs(m):
        name, first, last = spans.get(r.county_code, (r.county, r.valid_from, r.valid_to))
        end = None if last is None or r.valid_to is None else max(last, r.valid_to)
        spans[r.county_code] = (name, min(first, r.valid_from), end)
    series: list[_Series] = []
    missing: list[str] = []
    names: list[str] = []
    several = len(spans) > 1
    for code, (county, first, last) in sorted(spans.items(), key=lambda kv: kv[1][1]):
        mine = [
            o
            for o in rows
            if o.area_type is AreaType.COUNTY
            and o.area_code == code
            and first <= o.status_year
            and (last is None or o.status_year <= last)
        ]
        name = mine[-1].area_name if mine else county
        label = _("{name} (county {code})", name=name, code=code)
        if several:
            shown_first = 0 if first <= min(s[1] for s in spans.values()) else first
            span = _span(shown_first, last)
            label = f"{label}, {span}" if span else label
        names.append(label)
        if mine:
            series.append(_Series(_capital(label), tuple(mine)))
        else:
            missing.append(_("{area}: no figure on record", area=_capital(label)))
    if not series:
        raise NoDataError(
            N_("no one-year intro-programme figures on record for {area}"),
            area=join_words(names),
        )
    return _Area(join_words(names), tuple(series), tuple(missing))


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


def _municipality_before(areas: Sequence[_Area]) -> Municipality:
    for a in reversed(areas):
        if a.municipality is not None:
            return a.municipality
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
        elif text is not None and text.casefold() in _COUNTY_TOKENS:
            found.append(_county_area(_municipality_before(found), rows))
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
    for area in areas:
        for text in area.missing:
            ax.plot([], [], linestyle="none", marker="", label=text)
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


def _has_hidden(ax: Any) -> bool:
    return any(
        len(c.get_offsets()) and float(c.get_offsets()[0][1]) == _HIDDEN_Y for c in ax.collections
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
    ax = new_axes(ax, figsize=(9.0, 5.6))
    first, last = _draw(ax, areas)
    reference_lines(ax, first, last)
    ax.set_ylim(_STRIP[0], 1.04)
    ticks = [0, 0.2, 0.4, 0.6, 0.8, 1.0]
    ax.set_yticks(ticks)
    ax.set_xlim(first - 0.5, last + 0.5)
    ax.yaxis.set_major_formatter(mticker.FuncFormatter(lambda y, _pos: format_share(y, 0)))
    if _has_hidden(ax):
        # The band of marks below 0 % is named on the axis: a mark, not a value.
        ax.set_yticks([_HIDDEN_Y], [_("not published")], minor=True)
        ax.tick_params(axis="y", which="minor", length=0, labelsize="small", labelcolor="0.3")
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
