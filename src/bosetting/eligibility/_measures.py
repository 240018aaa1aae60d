"""The computed criteria: intro results over time and settlement against IMDi's request.

Both rules are bosetting's own operationalisation of IMDi's words and say so in
their reasons. A figure that was not published makes the result *not
assessable*, never *not met*.

Rules:
    * ``intro_share_over_time`` (IMDi: more than 50 % in work or education one
      year after the programme, over time): take the municipality's one-year
      status (both sexes) for the three most recent status years among the five
      before the edition's reference year. *Met* when each of the three shares
      and the participant-weighted share (persons in work or education summed
      over persons summed) are above the threshold; *not met* when all are
      published and one is not above it.
    * ``settlement_vs_request`` (IMDi: settled in line with the request): settled
      divided by the (revised) request for each of the three years ending with
      the edition's work year (or the year before the reference year when the
      work year is unknown), and for the three years summed. *Met* when every
      share and the summed share reach the threshold (0.9 in ``criteria.csv``).
      A partial-year snapshot is not assessable.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from bosetting.eligibility._results import CriterionResult, Figure, Verdict
from bosetting.figures import (
    AreaFilter,
    Settlement,
    settled_share_of_request,
    total,
    weighted_share,
)
from bosetting.i18n import _, format_share, ngettext
from bosetting.model import (
    AreaType,
    Criterion,
    FigureStage,
    FigureStatus,
    IntroProgrammeOutcome,
    Method,
    Sex,
    Source,
)

__all__ = [
    "INTRO_WINDOW",
    "SETTLEMENT_YEARS",
    "intro_context",
    "intro_over_time",
    "one_year_status",
    "settlement_context",
    "settlement_vs_request",
    "settlement_years",
]

#: How many status years before the reference year the intro rule looks back.
INTRO_WINDOW = 5
#: How many cohorts (and settlement years) the rules use.
SETTLEMENT_YEARS = 3
_COHORTS = 3
_STAGE_ORDER = {FigureStage.FINAL: 0, FigureStage.UNKNOWN: 1, FigureStage.PRELIMINARY: 2}

T = TypeVar("T")


def _pick(
    by_year: dict[int, list[T]], owns: Callable[[T], bool], name: Callable[[T], str]
) -> dict[int, tuple[T | None, str | None]]:
    """Per year: the municipality's own row, else a single predecessor's row, else nothing."""
    out: dict[int, tuple[T | None, str | None]] = {}
    for year, rows in sorted(by_year.items()):
        own = [r for r in rows if owns(r)]
        if own:
            out[year] = (own[0], None)
        elif len(rows) == 1:
            out[year] = (
                rows[0],
                _(
                    "{year}: the figures are those of the predecessor {name}",
                    year=year,
                    name=name(rows[0]),
                ),
            )
        else:
            names = ", ".join(sorted({name(r) for r in rows}))
            out[year] = (
                None,
                _(
                    "{year}: several predecessors ({names}) have figures of their own; "
                    "they are not added up",
                    year=year,
                    names=names,
                ),
            )
    return out


def _sources(criterion: Criterion, rows: Iterable[object]) -> tuple[Source, ...]:
    found: list[Source] = list(criterion.sources)
    for r in rows:
        found.extend(getattr(r, "sources", ()))
    return tuple(dict.fromkeys(found))


def one_year_status(
    where: AreaFilter, outcomes: Iterable[IntroProgrammeOutcome], years: range
) -> dict[int, tuple[IntroProgrammeOutcome | None, str | None]]:
    """Per status year: the area's one-year status row (both sexes), with a note where borrowed."""
    by_year: dict[int, list[IntroProgrammeOutcome]] = defaultdict(list)
    for o in sorted(outcomes, key=lambda o: _STAGE_ORDER[o.stage]):
        if (
            o.years_after == 1
            and o.sex is Sex.ALL
            and o.method is Method.REGISTER
            and o.status_year in years
            and where.matches(o.area_type, o.area_code, o.status_year)
        ):
            by_year[o.status_year].append(o)
    return _pick(by_year, lambda o: where.owns(o.area_code, o.status_year), lambda o: o.area_name)


def _intro_figures(rows: Sequence[IntroProgrammeOutcome]) -> list[Figure]:
    figs: list[Figure] = []
    for o in rows:
        figs.append(
            Figure(
                _(
                    "status year {status_year} (cohort {cohort_year}), {area}: "
                    "share in work or education",
                    status_year=o.status_year,
                    cohort_year=o.cohort_year,
                    area=o.area_name,
                ),
                o.share,
                o.share_status,
                o.sources,
                share_digits=0,
            )
        )
        figs.append(
            Figure(
                _("status year {status_year}: former participants", status_year=o.status_year),
                o.former_participants,
                o.former_participants_status,
                o.sources,
            )
        )
    return figs


def intro_context(
    criterion: Criterion, where: AreaFilter, outcomes: Iterable[IntroProgrammeOutcome], ref: int
) -> tuple[list[Figure], list[str], tuple[Source, ...]]:
    """The one-year shares in the window, shown beside a judgement criterion."""
    picked = one_year_status(where, outcomes, range(ref - INTRO_WINDOW, ref))
    rows = [r for r, _ in picked.values() if r is not None]
    notes = [n for _, n in picked.values() if n]
    if not picked:
        notes.append(
            _(
                "No one-year status for the status years {first}–{last} in the table.",
                first=ref - INTRO_WINDOW,
                last=ref - 1,
            )
        )
    return _intro_figures(rows), notes, _sources(criterion, rows)


def intro_over_time(
    criterion: Criterion, where: AreaFilter, outcomes: Iterable[IntroProgrammeOutcome], ref: int
) -> CriterionResult:
    """Check "more than the threshold in work or education over time"."""
    t = criterion.threshold if criterion.threshold is not None else 0.5
    first, last = ref - INTRO_WINDOW, ref - 1
    rule = _(
        "Rule (bosetting’s reading of “over time”): the {cohorts} most recent cohorts with "
        "a one-year status in the status years {first}–{last}, each on its own and their "
        "average weighted by the number of participants, must all be above {threshold}.",
        cohorts=_COHORTS,
        first=first,
        last=last,
        threshold=format_share(t, 0),
    )
    picked = one_year_status(where, outcomes, range(first, last + 1))
    chosen = dict(list(picked.items())[-_COHORTS:])
    rows = [r for r, _ in chosen.values() if r is not None]
    reasons = [rule] + [n for _, n in chosen.values() if n]
    figures = _intro_figures(rows)
    sources = _sources(criterion, rows)

    def result(verdict: Verdict, *why: str) -> CriterionResult:
        return CriterionResult(criterion, verdict, (*reasons, *why), tuple(figures), sources)

    if not picked:
        return result(
            Verdict.NOT_ASSESSABLE,
            _(
                "No one-year status for the municipality in the status years {first}–{last} "
                "in the figures in use. 'bosetting update' fetches SSB’s newest municipal "
                "figures (table 10824).",
                first=first,
                last=last,
            ),
        )
    if len(chosen) < _COHORTS:
        return result(
            Verdict.NOT_ASSESSABLE,
            ngettext(
                "Only {n} cohort in the window; the rule needs {needed}.",
                "Only {n} cohorts in the window; the rule needs {needed}.",
                len(chosen),
                needed=_COHORTS,
            ),
        )
    if len(rows) < len(chosen):
        return result(Verdict.NOT_ASSESSABLE, _("One or more years lack a figure of their own."))
    hidden = [o for o in rows if o.share_status is not FigureStatus.PUBLISHED]
    if hidden:
        listed = ", ".join(f"{o.status_year} ({o.share_status.label})" for o in hidden)
        return result(
            Verdict.NOT_ASSESSABLE,
            _(
                "The share is not published for {listed}; hidden figures are never filled "
                "in, so the criterion cannot be assessed (which is not the same as “not met”).",
                listed=listed,
            ),
        )
    weighted = weighted_share(rows)
    if weighted is None:
        return result(
            Verdict.NOT_ASSESSABLE,
            _(
                "The weighted average cannot be computed because the number of participants "
                "or the number in work or education is not published for every cohort."
            ),
        )
    figures.append(
        Figure(
            _(
                "weighted average, status years {first}–{last}",
                first=rows[0].status_year,
                last=rows[-1].status_year,
            ),
            round(weighted, 4),
            FigureStatus.PUBLISHED,
            share_digits=1,
        )
    )
    shares = [o.share for o in rows if o.share is not None]
    if all(s > t for s in shares) and weighted > t:
        return result(
            Verdict.MET,
            _(
                "All three shares and the weighted average are above {threshold}.",
                threshold=format_share(t, 0),
            ),
        )
    low = ", ".join(
        f"{o.status_year}: {format_share(o.share, 0)}"
        for o in rows
        if o.share is not None and o.share <= t
    )
    below = _(
        "Not above {threshold}: {years}; weighted average {weighted}.",
        threshold=format_share(t, 0),
        years=low or _("no single year"),
        weighted=format_share(weighted),
    )
    return result(Verdict.NOT_MET, below)


def settlement_years(
    where: AreaFilter, rows: Iterable[Settlement], years: range
) -> dict[int, tuple[Settlement | None, str | None]]:
    """Per year: the area's own settlement row, else a single predecessor's, with a note."""
    by_year: dict[int, list[Settlement]] = defaultdict(list)
    for s in rows:
        if s.year in years and where.matches(AreaType.MUNICIPALITY, s.code, s.year):
            by_year[s.year].append(s)
    return _pick(by_year, lambda s: where.owns(s.code, s.year), lambda s: s.name)


def _settlement_figures(rows: Sequence[Settlement]) -> list[Figure]:
    figs: list[Figure] = []
    for s in rows:
        year = _("{year} (part of the year)", year=s.year) if s.partial_year else str(s.year)
        figs.append(
            Figure(_("{year}: requested", year=year), s.requested, s.requested_status, s.sources)
        )
        figs.append(Figure(_("{year}: settled", year=year), s.settled, s.settled_status, s.sources))
        ratio = settled_share_of_request(s)
        figs.append(
            Figure(
                _("{year}: settled of requested", year=year),
                None if ratio is None else round(ratio, 3),
                FigureStatus.PUBLISHED if ratio is not None else FigureStatus.MISSING,
                s.sources,
                share_digits=1,
            )
        )
    return figs


def settlement_context(
    criterion: Criterion, where: AreaFilter, rows: Iterable[Settlement], basis: int
) -> tuple[list[Figure], list[str], tuple[Source, ...]]:
    """Requested, settled and their ratio for the three years, beside a judgement criterion."""
    picked = settlement_years(where, rows, range(basis - SETTLEMENT_YEARS + 1, basis + 1))
    found = [r for r, _ in picked.values() if r is not None]
    notes = [n for _, n in picked.values() if n]
    return _settlement_figures(found), notes, _sources(criterion, found)


def settlement_vs_request(
    criterion: Criterion, where: AreaFilter, rows: Iterable[Settlement], basis: int
) -> CriterionResult:
    """Check "settled in line with IMDi's request"."""
    t = criterion.threshold if criterion.threshold is not None else 0.9
    years = range(basis - SETTLEMENT_YEARS + 1, basis + 1)
    rule = _(
        "Rule (bosetting’s reading of “in line with the request”): those settled divided by "
        "those requested must be at least {threshold} in each of the years {first}–{last} "
        "and for the years together.",
        threshold=format_share(t, 0),
        first=years[0],
        last=years[-1],
    )
    picked = settlement_years(where, rows, years)
    found = [r for r, _ in picked.values() if r is not None]
    reasons = [rule] + [n for _, n in picked.values() if n]
    figures = _settlement_figures(found)
    sources = _sources(criterion, found)

    def result(verdict: Verdict, *why: str) -> CriterionResult:
        return CriterionResult(criterion, verdict, (*reasons, *why), tuple(figures), sources)

    absent = [y for y in years if y not in picked or picked[y][0] is None]
    if absent:
        return result(
            Verdict.NOT_ASSESSABLE,
            _("No settlement figures for {years}.", years=", ".join(map(str, absent))),
        )
    partial = [s.year for s in found if s.partial_year]
    if partial:
        return result(
            Verdict.NOT_ASSESSABLE,
            _(
                "The figures for {years} are a snapshot taken during the year, "
                "not the year’s total.",
                years=", ".join(map(str, partial)),
            ),
        )
    ratios = {s.year: settled_share_of_request(s) for s in found}
    unknown = [y for y, r in ratios.items() if r is None]
    if unknown:
        return result(
            Verdict.NOT_ASSESSABLE,
            _(
                "The share cannot be computed for {years} "
                "(a figure is not published, or nobody was requested).",
                years=", ".join(map(str, unknown)),
            ),
        )
    settled = total((s.settled, s.settled_status) for s in found)
    requested = total((s.requested, s.requested_status) for s in found)
    assert settled.value is not None
    assert requested.value
    summed = settled.value / requested.value
    figures.append(
        Figure(
            _("{first}–{last} together: settled of requested", first=years[0], last=years[-1]),
            round(summed, 3),
            FigureStatus.PUBLISHED,
            share_digits=1,
        )
    )
    known = [r for r in ratios.values() if r is not None]
    if all(r >= t for r in known) and summed >= t:
        return result(
            Verdict.MET,
            _(
                "Each year and together, at least {threshold} of the request was settled.",
                threshold=format_share(t, 0),
            ),
        )
    low = ", ".join(
        f"{y}: {format_share(r, 0)}" for y, r in ratios.items() if r is not None and r < t
    )
    return result(
        Verdict.NOT_MET,
        _(
            "Below {threshold}: {years}; together {total}.",
            threshold=format_share(t, 0),
            years=low or _("no single year"),
            total=format_share(summed, 0),
        ),
    )
