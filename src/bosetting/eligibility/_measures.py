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
            out[year] = (rows[0], f"{year}: tallene er forgjengeren {name(rows[0])} sine")
        else:
            names = ", ".join(sorted({name(r) for r in rows}))
            out[year] = (
                None,
                f"{year}: flere forgjengere ({names}) har egne tall; de summeres ikke",
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
                f"statusår {o.status_year} (kull {o.cohort_year}), {o.area_name}: "
                "andel i arbeid/utdanning",
                o.share,
                o.share_status,
                o.sources,
            )
        )
        figs.append(
            Figure(
                f"statusår {o.status_year}: tidligere deltakere",
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
            f"Ingen ettårsstatus for statusårene {ref - INTRO_WINDOW}–{ref - 1} i tabellen."
        )
    return _intro_figures(rows), notes, _sources(criterion, rows)


def intro_over_time(
    criterion: Criterion, where: AreaFilter, outcomes: Iterable[IntroProgrammeOutcome], ref: int
) -> CriterionResult:
    """Check "more than the threshold in work or education over time"."""
    t = criterion.threshold if criterion.threshold is not None else 0.5
    first, last = ref - INTRO_WINDOW, ref - 1
    rule = (
        f"Regel (bosettings tolkning av «over tid»): de {_COHORTS} siste kullene med "
        f"ettårsstatus i statusårene {first}–{last}, hvert for seg og snittet vektet med "
        f"antall deltakere, må alle ligge over {t:.0%}."
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
            f"Ingen ettårsstatus for kommunen i statusårene {first}–{last} i tabellen. "
            "Nyere kommunetall kan leses fra SSB-tabell 10824 (bosetting.ssb.fetch_10824) "
            "og gis inn som outcomes=.",
        )
    if len(chosen) < _COHORTS:
        return result(
            Verdict.NOT_ASSESSABLE,
            f"Bare {len(chosen)} kull i vinduet; regelen krever {_COHORTS}.",
        )
    if len(rows) < len(chosen):
        return result(Verdict.NOT_ASSESSABLE, "Ett eller flere år mangler et eget tall.")
    hidden = [o for o in rows if o.share_status is not FigureStatus.PUBLISHED]
    if hidden:
        listed = ", ".join(f"{o.status_year} ({o.share_status.value})" for o in hidden)
        return result(
            Verdict.NOT_ASSESSABLE,
            f"Andelen er ikke publisert for {listed}; skjulte tall fylles aldri inn, så "
            "kriteriet kan ikke vurderes (det er ikke det samme som «ikke oppfylt»).",
        )
    weighted = weighted_share(rows)
    if weighted is None:
        return result(
            Verdict.NOT_ASSESSABLE,
            "Det vektede snittet kan ikke beregnes fordi antall deltakere eller antall i "
            "arbeid/utdanning ikke er publisert for alle kullene.",
        )
    figures.append(
        Figure(
            f"vektet snitt statusår {rows[0].status_year}–{rows[-1].status_year}",
            round(weighted, 4),
            FigureStatus.PUBLISHED,
        )
    )
    shares = [o.share for o in rows if o.share is not None]
    if all(s > t for s in shares) and weighted > t:
        return result(Verdict.MET, f"Alle tre andelene og det vektede snittet er over {t:.0%}.")
    low = ", ".join(
        f"{o.status_year}: {o.share:.0%}" for o in rows if o.share is not None and o.share <= t
    )
    below = f"Ikke over {t:.0%}: {low or 'ingen enkeltår'}; vektet snitt {weighted:.1%}."
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
        part = " (delår)" if s.partial_year else ""
        figs.append(Figure(f"{s.year}{part}: anmodet", s.requested, s.requested_status, s.sources))
        figs.append(Figure(f"{s.year}{part}: bosatt", s.settled, s.settled_status, s.sources))
        ratio = settled_share_of_request(s)
        figs.append(
            Figure(
                f"{s.year}{part}: bosatt/anmodet",
                None if ratio is None else round(ratio, 3),
                FigureStatus.PUBLISHED if ratio is not None else FigureStatus.MISSING,
                s.sources,
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
    rule = (
        f"Regel (bosettings tolkning av «i tråd med anmodningen»): bosatte delt på anmodede "
        f"må være minst {t:.0%} i hvert av årene {years[0]}–{years[-1]} og samlet for årene."
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
            "Mangler bosettingstall for " + ", ".join(map(str, absent)) + ".",
        )
    partial = [s.year for s in found if s.partial_year]
    if partial:
        return result(
            Verdict.NOT_ASSESSABLE,
            "Tallene for " + ", ".join(map(str, partial)) + " er et øyeblikksbilde i løpet "
            "av året, ikke årets sum.",
        )
    ratios = {s.year: settled_share_of_request(s) for s in found}
    unknown = [y for y, r in ratios.items() if r is None]
    if unknown:
        return result(
            Verdict.NOT_ASSESSABLE,
            "Andelen kan ikke beregnes for "
            + ", ".join(map(str, unknown))
            + " (et tall er ikke publisert, eller ingen ble anmodet).",
        )
    settled = total((s.settled, s.settled_status) for s in found)
    requested = total((s.requested, s.requested_status) for s in found)
    assert settled.value is not None
    assert requested.value
    summed = settled.value / requested.value
    figures.append(
        Figure(
            f"samlet {years[0]}–{years[-1]}: bosatt/anmodet",
            round(summed, 3),
            FigureStatus.PUBLISHED,
        )
    )
    known = [r for r in ratios.values() if r is not None]
    if all(r >= t for r in known) and summed >= t:
        return result(Verdict.MET, f"Hvert år og samlet er minst {t:.0%} av anmodningen bosatt.")
    low = ", ".join(f"{y}: {r:.0%}" for y, r in ratios.items() if r is not None and r < t)
    return result(
        Verdict.NOT_MET, f"Under {t:.0%}: {low or 'ingen enkeltår'}; samlet {summed:.0%}."
    )
