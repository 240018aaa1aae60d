"""Every municipality of an edition's year against that edition's criteria, ranked by its figures.

:func:`screen` runs :func:`~bosetting.eligibility.assess` for each municipality
in force in the edition's reference year, so the verdicts and reasons are the
same as for one municipality. It keeps the criteria that have figures behind
them (the measurable ones, and the judgement criteria with settlement or intro
figures as context) and adds two headline figures computed the same way for
every edition, whatever its criteria say:

* *settled against request*: persons settled divided by persons requested,
  summed over the three years ending with the edition's work year (the same
  years and the same own-or-predecessor rows as the settlement rule); ``None``
  when a year is missing, a figure is not published, or a year is a partial
  snapshot;
* *intro share*: the participant-weighted share in work or education one year
  after the programme, over the three latest cohorts in the intro rule's window;
  ``None`` when a count is not published (a hidden figure is never filled in).

Rows are ranked by the first headline figure (``by="settlement"``, the default)
or the second (``by="intro"``), highest first, then by the other; a municipality
whose figure is unknown comes after every known one; equal figures are ordered
by kommunenummer ascending. The actual nominees and the winner are marked.

The figures are the refreshed ones where ``bosetting update`` has fetched them,
the shipped ones otherwise (``source="shipped"`` forces those); the screen says
which (:attr:`Screen.provenance`) and, in one line each, what the figures in use
cannot assess for the edition (:attr:`Screen.coverage`). Ranking by the intro
share when no municipality has one is refused, not quietly done by settlement.

Examples:
    >>> s = screen("2016")
    >>> len(s.rows), s.year, s.settlement_years
    (426, 2017, (2014, 2015, 2016))
    >>> [(r.rank, r.municipality.name) for r in s.rows if r.winner]
    [(35, 'Trondheim')]
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import attrs

from bosetting.data import current_view, pinned, using
from bosetting.eligibility._assess import assess_with
from bosetting.eligibility._coverage import coverage_notes
from bosetting.eligibility._measures import (
    SETTLEMENT_YEARS,
    intro_status_years,
    one_year_status,
    settlement_years,
)
from bosetting.eligibility._results import CriterionResult
from bosetting.errors import ArgumentError, NoDataError
from bosetting.figures import (
    AreaFilter,
    Provenance,
    area_runs,
    intro_outcomes,
    provenance,
    settlement,
    weighted_share,
)
from bosetting.history import edition as lookup
from bosetting.i18n import N_, get_language, language
from bosetting.model import (
    Criterion,
    CriterionKind,
    Edition,
    FigureStatus,
    IntroProgrammeOutcome,
    Municipality,
    Outcome,
    Settlement,
    checked,
)
from bosetting.register import municipalities, register_year

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["RANKINGS", "Screen", "ScreenRow", "screen"]

#: Where a row made by :func:`screen` keeps the assessment it has not made yet.
_PENDING = "_assess_when_read"

#: The headline figures a screen can be ranked by.
RANKINGS = ("settlement", "intro")


@checked
@attrs.frozen(slots=False)
class ScreenRow:
    """One municipality in a screen.

    A row that :func:`screen` made assesses its criteria the first time its
    ``results`` are read (comparing, hashing, printing or pickling the row reads
    them): with the figures the screen used and in the language that was active
    when it was made. The ranking needs only the headline figures, so a caller
    that shows ten rows assesses ten municipalities, not every one.

    Attributes:
        rank: 1-based place in the screen's order.
        municipality: The municipality as it was in the edition's reference year.
        outcome: What came of its nomination in this edition, or ``None`` if it was not named.
        settled: Persons settled over the three years (``None`` where not assessable).
        requested: Persons requested over the three years (likewise).
        settled_share: ``settled / requested``, or ``None``.
        intro_share: The participant-weighted intro share, or ``None``.
        results: The verdict of each criterion that has figures behind it.
    """

    rank: int
    municipality: Municipality
    outcome: Outcome | None
    settled: int | None
    requested: int | None
    settled_share: float | None
    intro_share: float | None
    results: tuple[CriterionResult, ...]

    @classmethod
    def _deferred(
        cls,
        assess: Callable[[], tuple[CriterionResult, ...]],
        rank: int,
        municipality: Municipality,
        outcome: Outcome | None,
        figures: tuple[int | None, int | None, float | None, float | None],
    ) -> ScreenRow:
        """A row whose ``results`` are ``assess()``, called when they are first read."""
        row = cls(rank, municipality, outcome, *figures, ())
        del row.__dict__["results"]
        row.__dict__[_PENDING] = assess
        return row

    if not TYPE_CHECKING:  # mypy sees the field; this runs only while it is not yet assessed

        def __getattr__(self, name: str) -> Any:
            pending = self.__dict__.get(_PENDING)
            if name != "results" or pending is None:
                raise AttributeError(name)
            found = pending()
            self.__dict__["results"] = found
            self.__dict__.pop(_PENDING, None)
            return found

        def __getstate__(self) -> dict[str, Any]:
            self.results  # noqa: B018 (assessed before it is pickled)
            return {k: v for k, v in self.__dict__.items() if k != _PENDING}

    @property
    def nominated(self) -> bool:
        """Whether the sources name it as a nominee (winner, finalist or nominee)."""
        return self.outcome in (Outcome.WINNER, Outcome.FINALIST, Outcome.NOMINEE)

    @property
    def winner(self) -> bool:
        """Whether it won this edition."""
        return self.outcome is Outcome.WINNER


@checked
@attrs.frozen
class Screen:
    """Every municipality of one edition's year, ranked.

    Attributes:
        edition: The edition screened.
        year: The register year whose municipalities were screened.
        by: The headline figure the rows are ranked by (see :data:`RANKINGS`).
        criteria: The edition's criteria that have figures behind them.
        settlement_years: The three settlement years summed.
        rows: One row per municipality, in rank order.
        provenance: Where the intro-programme figures come from.
        coverage: One line for each kind of figure the figures in use cannot
            assess this edition on (and what would fetch them).
        intro_years: The status years of every intro-programme figure behind an
            intro share in the screen, oldest first (the cohort is the year before);
            empty when no municipality has one.
    """

    edition: Edition
    year: int
    by: str
    criteria: tuple[Criterion, ...]
    settlement_years: tuple[int, ...]
    rows: tuple[ScreenRow, ...]
    provenance: Provenance | None = None
    coverage: tuple[str, ...] = ()
    intro_years: tuple[int, ...] = ()

    def row(self, municipality: Municipality) -> ScreenRow:
        """The row of one municipality.

        Raises:
            ArgumentError: When it was not in force in the screen's year.
        """
        for r in self.rows:
            if r.municipality == municipality:
                return r
        raise ArgumentError(
            N_("not a municipality of {year}"),
            year=self.year,
            field="municipality",
            value=str(municipality),
        )

    def nominees(self) -> tuple[ScreenRow, ...]:
        """The rows of the edition's formal nominees (winner and finalists included)."""
        return tuple(r for r in self.rows if r.nominated)

    def to_frame(self) -> pd.DataFrame:
        """The screen as a pandas DataFrame: one row per municipality, one verdict column per criterion.

        The frame's ``attrs`` say where the figures come from (``"figures_source"``)
        and what they cannot assess (``"coverage"``, one line each).
        """
        import pandas as pd

        records: list[dict[str, Any]] = []
        for r in self.rows:
            rec: dict[str, Any] = {
                "rank": r.rank,
                "code": r.municipality.code,
                "name": r.municipality.name,
                "county": r.municipality.county,
                "outcome": None if r.outcome is None else r.outcome.value,
                "settled": r.settled,
                "requested": r.requested,
                "settled_share": r.settled_share,
                "intro_share": r.intro_share,
            }
            for res in r.results:
                rec[f"verdict_{res.criterion.id}"] = res.verdict.value
            records.append(rec)
        frame = pd.DataFrame.from_records(records)
        dtypes: dict[str, Any] = {
            "rank": "Int64",
            "code": "string",
            "name": "string",
            "county": "string",
            "outcome": "string",
            "settled": "Int64",
            "requested": "Int64",
            "settled_share": "Float64",
            "intro_share": "Float64",
        }
        dtypes.update({c: "string" for c in frame.columns if c.startswith("verdict_")})
        frame = frame.astype(dtypes)
        if self.provenance is not None:
            frame.attrs["figures_source"] = str(self.provenance)
        frame.attrs["coverage"] = list(self.coverage)
        return frame


def _with_figures(c: Criterion) -> bool:
    return c.kind is CriterionKind.MEASURABLE or c.measure in ("settlement", "intro_share")


def _settled_against_request(
    where: AreaFilter, rows: Iterable[Settlement], years: range
) -> tuple[int | None, int | None]:
    picked = settlement_years(where, rows, years)
    found = [s for s, _ in picked.values() if s is not None]
    if len(found) != len(years) or any(s.partial_year for s in found):
        return None, None
    if any(
        s.settled_status is not FigureStatus.PUBLISHED
        or s.requested_status is not FigureStatus.PUBLISHED
        for s in found
    ):
        return None, None
    settled = sum(s.settled or 0 for s in found)
    requested = sum(s.requested or 0 for s in found)
    return settled, requested


def _intro_share(
    where: AreaFilter, outcomes: Iterable[IntroProgrammeOutcome], ref: int
) -> tuple[float | None, tuple[int, ...]]:
    """The intro share and the status years of the rows behind it."""
    picked = one_year_status(where, outcomes, intro_status_years(ref))
    chosen = list(picked.values())[-SETTLEMENT_YEARS:]
    rows = [o for o, _ in chosen if o is not None]
    if len(rows) < SETTLEMENT_YEARS:
        return None, ()
    return weighted_share(rows), tuple(o.status_year for o in rows)


def _assessor(
    m: Municipality,
    e: Edition,
    outcomes: list[IntroProgrammeOutcome],
    settlements: list[Settlement],
    wanted: set[str],
) -> Callable[[], tuple[CriterionResult, ...]]:
    """One row's assessment, made when first read, with the screen's view and language."""
    view, lang = current_view(), get_language()

    def assessed() -> tuple[CriterionResult, ...]:
        with pinned(view), language(lang):
            found = assess_with(m, e, outcomes, settlements)
        return tuple(r for r in found.results if r.criterion.id in wanted)

    return assessed


def _descending(value: float | None) -> float:
    return math.inf if value is None else -value


@checked
def screen(
    edition: Edition | str | int, *, by: str = "settlement", source: str | None = None
) -> Screen:
    """Screen every municipality of an edition's reference year (see the module docstring).

    Args:
        edition: An :class:`~bosetting.model.Edition`, or its label or year.
        by: ``"settlement"`` (settled against request) or ``"intro"`` (intro share).
        source: ``"shipped"`` for the data package's figures and register whatever
            the cache holds; ``None`` (or ``"auto"``) for SSB's as ``bosetting
            update`` last fetched them where cached (see :func:`bosetting.data.using`).

    Returns:
        The ranked screen.

    Raises:
        EditionNotFound: For an unknown edition.
        ArgumentError: For an unknown ranking.
        NoDataError: For ``by="intro"`` when no municipality has an intro share in
            the figures in use (the message says where they come from and what
            would fetch newer ones).
    """
    if by not in RANKINGS:
        raise ArgumentError(N_("rank by 'settlement' or 'intro'"), field="by", value=by)
    with using(source) as view, pinned(view):  # one view for the whole screen
        return _screen(edition, by)


def _screen(edition: Edition | str | int, by: str) -> Screen:
    e = edition if isinstance(edition, Edition) else lookup(edition)
    year = register_year(e.reference_year)
    basis = e.work_year if e.work_year is not None else e.reference_year - 1
    years = range(basis - SETTLEMENT_YEARS + 1, basis + 1)
    criteria = tuple(c for c in e.criteria if _with_figures(c))
    wanted = {c.id for c in criteria}
    outcome = {n.municipality: n.outcome for n in e.nominations}

    # Only the years the criteria and the headline figures look at are built.
    by_code_s: dict[str, list[Settlement]] = defaultdict(list)
    for y in years:
        for s in settlement(year=y):
            by_code_s[s.code].append(s)
    by_code_o: dict[str, list[IntroProgrammeOutcome]] = defaultdict(list)
    for y in intro_status_years(e.reference_year):
        for o in intro_outcomes(None, sex="all", status_year=y):
            by_code_o[o.area_code].append(o)

    rows: list[tuple[Any, ...]] = []
    intro_years: set[int] = set()
    for m in municipalities(year):
        codes = {r.code for r in area_runs(m)}
        own_s = [s for c in sorted(codes) for s in by_code_s.get(c, ())]
        own_o = [o for c in sorted(codes) for o in by_code_o.get(c, ())]
        where = AreaFilter.of(m)
        settled, requested = _settled_against_request(where, own_s, years)
        share = settled / requested if settled is not None and requested else None
        intro, used = _intro_share(where, own_o, e.reference_year)
        intro_years.update(used)
        results = _assessor(m, e, own_o, own_s, wanted)
        rows.append((m, settled, requested if settled is not None else None, share, intro, results))

    figures = provenance()
    if by == "intro" and all(r[4] is None for r in rows):
        raise NoDataError(
            N_(
                "no municipality has an intro share for {edition} in the figures in use "
                "({source}); run 'bosetting update' to fetch SSB’s newest figures, or rank by "
                "settlement"
            ),
            edition=e.label,
            source=figures,
            field="by",
            value=by,
        )
    first, second = (3, 4) if by == "settlement" else (4, 3)
    rows.sort(key=lambda r: (_descending(r[first]), _descending(r[second]), r[0].code))
    ranked = tuple(
        ScreenRow._deferred(res, i, m, outcome.get(m), (st, rq, sh, it))
        for i, (m, st, rq, sh, it, res) in enumerate(rows, start=1)
    )
    notes = coverage_notes(e, criteria, figures, headline=True)
    return Screen(
        e, year, by, criteria, tuple(years), ranked, figures, notes, tuple(sorted(intro_years))
    )
