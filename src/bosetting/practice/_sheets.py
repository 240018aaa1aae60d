"""Seeded practice ballots and jury sheets, and the criteria a sheet scores."""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from bosetting.errors import ArgumentError, LimitError
from bosetting.i18n import N_, _, format_number, join_words
from bosetting.jury import JuryAssessment, Scale
from bosetting.model import (
    PRACTICE_LABEL,
    Criterion,
    Edition,
    Municipality,
    checked,
    is_number,
    is_whole,
)
from bosetting.practice._window import vote_window
from bosetting.register import nominees_of
from bosetting.voting import Ballot

__all__ = [
    "MAX_PRACTICE_BALLOTS",
    "MAX_PRACTICE_JURORS",
    "OVERALL_CRITERION",
    "PRACTICE_LABEL",
    "SheetCriteria",
    "blank_jury_records",
    "practice_ballots",
    "practice_jury",
    "practice_jury_records",
    "sheet_criteria",
]

#: The one criterion of a sheet where no criteria are on record: an overall score.
OVERALL_CRITERION = "samlet"

#: The most practice ballots one call makes (a workshop needs a few thousand).
MAX_PRACTICE_BALLOTS = 1_000_000

#: The most jurors on an example jury sheet.
MAX_PRACTICE_JURORS = 100

_SCALE = Scale()


def whole(value: object, name: str, *, low: int, high: int, cap: str | None = None) -> int:
    """``value`` as a whole number from ``low`` to ``high`` (a :class:`LimitError` over a cap)."""
    if not is_whole(value):
        raise ArgumentError(N_("{name} is a whole number"), name=name, field=name, value=value)
    if value > high and cap is not None:
        raise LimitError(
            N_("{name} is at most {high} ({cap})"),
            name=name,
            high=format_number(high),
            cap=cap,
            field=name,
            value=value,
        )
    if not low <= value <= high:
        raise ArgumentError(
            N_("{name} is a whole number from {low} to {high}"),
            name=name,
            low=low,
            high=format_number(high),
            field=name,
            value=value,
        )
    return value


def _seed(seed: object) -> int:
    if not is_whole(seed):
        raise ArgumentError(
            N_("the seed is a whole number (so practice data is reproducible)"),
            field="seed",
            value=seed,
        )
    return seed


def _rate(value: object, name: str) -> float:
    if not is_number(value) or not 0 <= value <= 1:
        raise ArgumentError(N_("{name} is a share from 0 to 1"), name=name, field=name, value=value)
    return float(value)


def nominees_for_practice(nominees: Edition | Iterable[Municipality]) -> tuple[Municipality, ...]:
    """The nominees, or an :class:`ArgumentError` when there are none."""
    items = nominees_of(nominees)
    if not items:
        raise ArgumentError(N_("practice data needs at least one nominee"), field="nominees")
    return items


@checked
@attrs.frozen
class SheetCriteria:
    """The criteria a practice jury sheet scores, and where they come from.

    Attributes:
        ids: The criterion ids, in the edition's order (the sheet's ``kriterium`` column).
        texts: Each criterion's wording in the language active when the sheet was
            made (``kriterietekst``), marked "assumed" where no source confirms it
            for the edition.
        edition: The edition's label, or ``None`` for nominees without an edition.
        on_record: ``True`` when these are the edition's own criteria; ``False``
            when none are on record and the sheet has one overall score
            (:data:`OVERALL_CRITERION`) instead.
        assumption: The words that say the criteria are assumed for the edition, if they are.
    """

    ids: tuple[str, ...]
    texts: tuple[str, ...]
    edition: str | None = None
    on_record: bool = True
    assumption: str | None = None

    def __len__(self) -> int:
        return len(self.ids)

    def describe(self) -> str:
        """Which criteria the sheet scores and why, in the active language."""
        if self.on_record:
            said = _(
                "The jury sheet scores the criteria for {label} (their wording is in the "
                "kriterietekst column): {ids}.",
                label=self.edition,
                ids=join_words(self.ids),
            )
            return said if self.assumption is None else f"{said} {self.assumption}"
        if self.edition is None:
            return _(
                "No edition was given, so the jury sheet has one overall score per "
                "nominee (criterion {criterion}).",
                criterion=_("'{text}'", text=OVERALL_CRITERION),
            )
        return _(
            "No criteria are on record for {label}, so the jury sheet has one overall "
            "score per nominee (criterion {criterion}).",
            label=self.edition,
            criterion=_("'{text}'", text=OVERALL_CRITERION),
        )


@checked
def sheet_criteria(nominees: Edition | Iterable[Municipality]) -> SheetCriteria:
    """The criteria a practice jury sheet for ``nominees`` scores: the edition's era's own.

    Where the edition has no criteria on record (or no edition is given), the
    sheet has one overall score, :data:`OVERALL_CRITERION`, and says so.

    Examples:
        >>> import bosetting as bs
        >>> sheet_criteria(bs.edition(2022)).ids
        ('2022-bosetting', '2022-intro', '2022-prosjekter', '2022-kvalifisering')
        >>> c = sheet_criteria(bs.edition(2010))
        >>> c.ids, c.on_record
        (('samlet',), False)
        >>> print(c.describe())
        No criteria are on record for 2010, so the jury sheet has one overall score per nominee (criterion 'samlet').
    """
    if isinstance(nominees, Edition) and len(nominees.criteria):
        items: tuple[Criterion, ...] = nominees.criteria.criteria
        return SheetCriteria(
            tuple(c.id for c in items),
            tuple(c.text_marked(nominees.label) for c in items),
            nominees.label,
            assumption=nominees.criteria.assumption(),
        )
    label = nominees.label if isinstance(nominees, Edition) else None
    # TRANSLATORS: the wording of the one overall criterion on a jury sheet (a data cell).
    text = _("An overall judgement of the municipality’s work (no criteria on record).")
    return SheetCriteria((OVERALL_CRITERION,), (text,), label, on_record=False)


@checked
def practice_ballots(
    nominees: Edition | Iterable[Municipality],
    n: int = 1000,
    *,
    seed: int,
    blank_rate: float = 0.01,
    unknown_rate: float = 0.01,
    duplicate_rate: float = 0.02,
) -> tuple[Ballot, ...]:
    """Seeded practice ballots for the nominees, labelled practice data.

    Each nominee gets a hidden popularity drawn from the seed; choices are written
    as names (sometimes in lower case) or codes; a few ballots are blank, name no
    nominee (``"Atlantis"``), or repeat an earlier voter's id, so that every
    rejection reason shows up. Timestamps are spread in order over
    :func:`~bosetting.practice.vote_window` (the edition's recorded public vote
    where the table has it); they take nothing from the seed.

    Args:
        nominees: An edition or its nominees.
        n: How many ballots.
        seed: The seed (required, so practice data is always reproducible).
        blank_rate: Share of blank ballots.
        unknown_rate: Share of ballots naming no nominee.
        duplicate_rate: Share of ballots reusing an earlier voter id.

    Examples:
        >>> import bosetting as bs
        >>> b = practice_ballots(bs.edition(2023), 3, seed=1)
        >>> [x.timestamp for x in b]
        ['2023-10-02T00:00:00', '2023-10-05T10:11:59', '2023-10-08T20:23:58']
    """
    noms = nominees_for_practice(nominees)
    n = whole(n, "n", low=0, high=MAX_PRACTICE_BALLOTS, cap="MAX_PRACTICE_BALLOTS")
    rates = [_rate(r, k) for r, k in ((blank_rate, "blank_rate"), (unknown_rate, "unknown_rate"))]
    if sum(rates) > 1:
        raise ArgumentError(
            N_("blank_rate and unknown_rate add up to at most 1"),
            field="unknown_rate",
            value=unknown_rate,
        )
    duplicate_rate = _rate(duplicate_rate, "duplicate_rate")
    rng = random.Random(_seed(seed))
    popularity = [rng.gammavariate(2.0, 1.0) for _ in noms]
    window = vote_window(nominees)
    out: list[Ballot] = []
    for i in range(n):
        u = rng.random()
        if u < blank_rate:
            choice = ""
        elif u < blank_rate + unknown_rate:
            choice = "Atlantis"
        else:
            m = rng.choices(noms, weights=popularity)[0]
            style = rng.random()
            choice = m.code if style < 0.3 else (m.name.lower() if style < 0.4 else m.name)
        voter = f"v{i + 1:07d}"
        if i and rng.random() < duplicate_rate:
            voter = f"v{rng.randint(1, i):07d}"
        stamp = window.timestamp(i, n)
        out.append(Ballot(choice, voter=voter, timestamp=stamp, row=i + 1, label=PRACTICE_LABEL))
    return tuple(out)


def _criteria(
    nominees: Edition | Iterable[Municipality], criteria: Sequence[str] | None
) -> tuple[tuple[str, str], ...]:
    if criteria is None:
        chosen = sheet_criteria(nominees)
        return tuple(zip(chosen.ids, chosen.texts, strict=True))
    if isinstance(criteria, str) or not all(isinstance(c, str) and c.strip() for c in criteria):
        raise ArgumentError(
            N_("criteria is a list of criterion names (text)"), field="criteria", value=criteria
        )
    if not criteria:
        raise ArgumentError(N_("a jury sheet needs at least one criterion"), field="criteria")
    return tuple((c, "") for c in criteria)


def _row(
    juror: int, m: Municipality, criterion: tuple[str, str], score: int | None
) -> dict[str, Any]:
    return {
        "juror": f"jurymedlem {juror}",
        "nominee": m.name,
        "code": m.code,
        "criterion": criterion[0],
        "criterion_text": criterion[1],
        "score": score,
        "label": PRACTICE_LABEL,
    }


@checked
def practice_jury_records(
    nominees: Edition | Iterable[Municipality],
    *,
    seed: int,
    jurors: int = 5,
    criteria: Sequence[str] | None = None,
    scale: Scale = _SCALE,
) -> tuple[dict[str, Any], ...]:
    """Rows of an example jury sheet: every juror scores every nominee on every criterion.

    Scores are whole numbers on ``scale``, drawn around a per-nominee level from the seed.

    Args:
        nominees: An edition or its nominees.
        seed: The seed.
        jurors: How many jurors (at most :data:`MAX_PRACTICE_JURORS`).
        criteria: The criteria to score; by default the edition's own
            (:func:`sheet_criteria`: one overall score where none are on record).
        scale: The score scale.

    Returns:
        One dict per score, with ``juror``, ``nominee`` (the name), ``code``,
        ``criterion``, ``criterion_text``, ``score`` and ``label``.

    Examples:
        >>> import bosetting as bs
        >>> rows = practice_jury_records(bs.edition(2012), seed=1, jurors=1)
        >>> [r["criterion"] for r in rows]
        ['2012-antall', '2012-jevn', '2012-fleksibel', '2012-resultater', '2012-overgang']
    """
    noms = nominees_for_practice(nominees)
    jurors = whole(jurors, "jurors", low=1, high=MAX_PRACTICE_JURORS, cap="MAX_PRACTICE_JURORS")
    chosen = _criteria(nominees, criteria)
    rng = random.Random(_seed(seed))
    lo, hi = int(scale.low), int(scale.high)
    level = {m: rng.uniform(lo, hi) for m in noms}
    rows: list[dict[str, Any]] = []
    for j in range(1, jurors + 1):
        for m in noms:
            for c in chosen:
                s = round(level[m] + rng.gauss(0, 1))
                rows.append(_row(j, m, c, min(hi, max(lo, s))))
    return tuple(rows)


@checked
def blank_jury_records(
    nominees: Edition | Iterable[Municipality],
    *,
    jurors: int = 1,
    criteria: Sequence[str] | None = None,
) -> tuple[dict[str, Any], ...]:
    """Rows of an empty jury sheet for a workshop: every juror × nominee × criterion, no scores.

    The rows are those of :func:`practice_jury_records` with ``score`` ``None``
    (an empty cell in the file). A sheet still empty is refused by
    :func:`~bosetting.jury.read_jury_sheet`, which asks for the scores.

    Examples:
        >>> import bosetting as bs
        >>> rows = blank_jury_records(bs.edition(2022))
        >>> len(rows), {r["score"] for r in rows}, rows[0]["criterion"]
        (20, {None}, '2022-bosetting')
    """
    noms = nominees_for_practice(nominees)
    jurors = whole(jurors, "jurors", low=1, high=MAX_PRACTICE_JURORS, cap="MAX_PRACTICE_JURORS")
    chosen = _criteria(nominees, criteria)
    return tuple(_row(j, m, c, None) for j in range(1, jurors + 1) for m in noms for c in chosen)


@checked
def practice_jury(
    nominees: Edition | Iterable[Municipality],
    *,
    seed: int,
    jurors: int = 5,
    scale: Scale = _SCALE,
) -> JuryAssessment:
    """An example jury assessment from :func:`practice_jury_records`, labelled practice data.

    Examples:
        >>> import bosetting as bs
        >>> practice_jury(bs.edition(2022), seed=1).criteria
        ('2022-bosetting', '2022-intro', '2022-prosjekter', '2022-kvalifisering')
    """
    noms = nominees_for_practice(nominees)
    source = nominees if isinstance(nominees, Edition) else noms  # an iterator is read once
    records = practice_jury_records(source, seed=seed, jurors=jurors, scale=scale)
    return JuryAssessment.from_records(
        [{**r, "nominee": r["code"]} for r in records], noms, scale=scale, label=PRACTICE_LABEL
    )
