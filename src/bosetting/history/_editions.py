"""The prize record: every edition with its nominations, initiatives, conflicts and sources.

Built once from ``editions.csv``, ``nominations.csv``, ``initiatives.csv`` and
``conflicts.csv``. Each nomination carries the municipality as it was in the
edition's ``reference_year`` and today's municipality (``None`` where the area
was split). Labels are IMDi's own and are not award years: look an edition up by
its label or by a year in it.

Examples:
    >>> edition(2022).winner.name
    'Kinn'
    >>> edition(2020) is edition("2019/2020")
    True
    >>> str(edition(2018).award_when)
    '2019-02-13'
    >>> [a.municipality.name for a in winners()][:3]
    ['Vadsø', 'Levanger', 'Kristiansand']
    >>> [n.edition for n in record("Lillestrøm")]
    ['2015', '2021']
    >>> latest() is editions()[-1]
    True
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict

from bosetting.data import Row, View, current_view, prepared_objects, read_rows, records, structure
from bosetting.errors import (
    AmbiguousSuccession,
    DataError,
    EditionNotFound,
)
from bosetting.history._criteria import criteria_for
from bosetting.i18n import N_, LazyText, lazy_gettext
from bosetting.model import (
    Award,
    Conflict,
    DecisionRule,
    Edition,
    Initiative,
    Municipality,
    Nomination,
    Outcome,
    PrizeName,
    checked,
    is_whole,
)
from bosetting.register import (
    PREPARED_CODE,
    current,
    lineage,
    municipality,
    prepared_allows,
    register_year,
)
from bosetting.register import latest as newest_municipality

__all__ = ["conflicts", "edition", "editions", "latest", "record", "winners"]

_OUTCOME_ORDER = tuple(Outcome)


def _current(m: Municipality) -> Municipality | None:
    try:
        return current(m)
    except AmbiguousSuccession:
        return None


def _initiatives() -> dict[tuple[str, str], list[Initiative]]:
    out: dict[tuple[str, str], list[Initiative]] = defaultdict(list)
    for row, initiative in records("initiatives", Initiative, rename={"id": "initiative_id"}):
        out[row["edition"], row["code"]].append(initiative)
    return out


def _nominations(reference_years: dict[str, int]) -> dict[str, list[Nomination]]:
    keys = {(r["edition"], r["code"]) for r in read_rows("nominations")}
    initiatives = _initiatives()
    for number, row in enumerate(read_rows("initiatives"), start=1):
        if (row["edition"], row["code"]) not in keys:
            raise DataError(
                N_("no nomination in edition {label} has this code"),
                label=row["edition"],
                file="initiatives.csv",
                row=number,
                field="code",
                value=row["code"],
            )
    for number, row in enumerate(read_rows("nominations"), start=1):
        if row["edition"] not in reference_years:
            raise DataError(
                N_("editions.csv has no edition with this label"),
                file="nominations.csv",
                row=number,
                field="edition",
                value=row["edition"],
            )

    def looked_up(row: Row) -> dict[str, object]:
        label = row["edition"]
        then = municipality(row["code"], register_year(reference_years[label]))
        return {
            "municipality": then,
            "initiatives": initiatives.get((label, row["code"]), ()),
            "current": _current(then),
        }

    out: dict[str, list[Nomination]] = defaultdict(list)
    for row, nomination in records("nominations", Nomination, derive=looked_up):
        out[row["edition"]].append(nomination)
    return out


def _prize_names() -> dict[str, list[PrizeName]]:
    out: dict[str, list[PrizeName]] = defaultdict(list)
    for row, name in records("prize_names", PrizeName):
        out[row["edition"]].append(name)
    return out


def editions() -> tuple[Edition, ...]:
    """Every edition on record, oldest first, including editions only announced.

    Built once per view of the tables (:func:`bosetting.data.current_view`): a
    nomination holds the municipality as the register in use has it.

    Raises:
        DataError: When a table breaks its schema, cites an unknown source, or a
            nomination's code was not in force in its edition's reference year.

    Examples:
        >>> [e.label for e in editions()][8:11]
        ['2016', '2018', '2019/2020']
    """
    return _editions(current_view())


@functools.cache
def _editions(view: View) -> tuple[Edition, ...]:
    return prepared_objects("editions", view, _build, code=_CODE, allowed=prepared_allows)


#: The code that decides the editions (what other code prepared is not read).
_CODE = (*PREPARED_CODE, "bosetting.history")


def _build() -> tuple[Edition, ...]:
    rows = read_rows("editions")
    nominations = _nominations({r["edition"]: r["reference_year"] for r in rows})
    names = _prize_names()

    def derived(row: Row) -> dict[str, object]:
        label = row["edition"]
        return {
            "rule": structure(row, DecisionRule),
            "nominations": sorted(
                nominations.get(label, ()), key=lambda n: _OUTCOME_ORDER.index(n.outcome)
            ),
            "criteria": criteria_for(label),
            "prize_names": names.get(label, ()),
        }

    built = [
        e
        for _, e in records(
            "editions",
            Edition,
            rename={
                "label": "edition",
                "award_when": "award_date",
                "handover_sources": "handover_source_ids",
                "rule_basis": "decision_rule_basis",
            },
            derive=derived,
        )
    ]
    return tuple(sorted(built, key=lambda e: e.year))


@checked
def latest(*, with_winner: bool = False) -> Edition:
    """The newest edition on record, or the newest whose winner is known.

    What "newest" means comes from ``editions.csv`` alone: add an edition there and
    this returns it, announced or awarded, with or without nominees.

    Args:
        with_winner: Skip editions whose winner is not (yet) known.

    Raises:
        EditionNotFound: When ``with_winner`` is set and no edition has a known winner.

    Examples:
        >>> latest().year >= latest(with_winner=True).year >= 2022
        True
        >>> latest(with_winner=True).winner is not None
        True
    """
    for e in reversed(editions()):
        if e.winner is not None or not with_winner:
            return e
    raise EditionNotFound(
        N_("no edition has a known winner; the labels are {labels}"),
        labels=_labels(),
        field="with_winner",
        value=with_winner,
    )


def _labels() -> str:
    return ", ".join(e.label for e in editions())


def _when(e: Edition) -> LazyText:
    if e.award_when.year is None:
        return lazy_gettext("at an unknown date")
    return lazy_gettext("on {date}", date=e.award_when)


def _by_year(year: int) -> Edition:
    all_ = editions()
    for e in all_:
        first = int(e.label.split("/")[0])
        if first <= year <= e.year:
            return e
    before = [e for e in all_ if e.year < year]
    after = [e for e in all_ if e.year > year]
    if before and after:
        prev, nxt = before[-1], after[0]
        rewarding = [e.label for e in all_ if e.work_year == year]
        reason = (
            lazy_gettext(
                "no edition is labelled {year}; the work of {year} is rewarded by the edition "
                "labelled {labels}",
                year=year,
                labels=", ".join(rewarding),
            )
            if rewarding
            else lazy_gettext("no edition exists for the work year {year}", year=year)
        )
        raise EditionNotFound(
            N_(
                "{reason}: the {prev} edition was awarded {prev_when} and the next, "
                "labelled {next}, {next_when}; the labels are {labels}"
            ),
            reason=reason,
            prev=prev.label,
            prev_when=_when(prev),
            next=nxt.label,
            next_when=_when(nxt),
            labels=_labels(),
            field="edition",
            value=year,
        )
    raise EditionNotFound(
        N_("no edition is labelled {year}; the labels are {labels}"),
        year=year,
        labels=_labels(),
        field="edition",
        value=year,
    )


@checked
def edition(label_or_year: str | int) -> Edition:
    """One edition, by IMDi's label or by a year in it.

    ``2020``, ``"2020"``, ``"2019/2020"`` and ``"2019-2020"`` (as the site's
    address writes it; an en dash too) all reach the edition labelled
    ``"2019/2020"``. Labels are not award years: the edition labelled 2018 was
    awarded in February 2019.

    Args:
        label_or_year: A label (``"2019/2020"``) or a year (``2022``).

    Raises:
        EditionNotFound: When no edition has that label or year; the message says
            why (for a gap such as 2017) and names the known labels.

    Examples:
        >>> edition("2019/2020").winner.name
        'Sunndal'
        >>> edition("2019-2020") is edition(2020)
        True
        >>> edition(2017)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        bosetting.errors.EditionNotFound: field 'edition', value 2017: no edition exists for the work year 2017: the 2016 edition was awarded on 26 April 2017 and the next, labelled 2018, on 13 February 2019; the labels are 2008, ...
    """
    if is_whole(label_or_year):
        return _by_year(label_or_year)
    if isinstance(label_or_year, str):
        text = label_or_year.strip()
        # Two years joined by "-" or "–" (the site's /prisen/2019-2020/) are the label with "/".
        joined = re.fullmatch(r"([0-9]{4})\s*[-–/]\s*([0-9]{4})", text)
        if joined:
            text = f"{joined[1]}/{joined[2]}"
        for e in editions():
            if e.label == text:
                return e
        if re.fullmatch(r"[0-9]{4}", text):
            return _by_year(int(text))
        if any(c.isdigit() and c not in "0123456789" for c in text):
            raise EditionNotFound(
                N_(
                    "an edition label is written with the digits 0 to 9 "
                    "(a year, or two years joined by '/'); the labels are {labels}"
                ),
                labels=_labels(),
                field="edition",
                value=label_or_year,
            )
    raise EditionNotFound(
        N_("no edition has this label; the labels are {labels}"),
        labels=_labels(),
        field="edition",
        value=label_or_year,
    )


@checked
def winners() -> tuple[Award, ...]:
    """Every award with a known winner, oldest edition first.

    Examples:
        >>> w = winners()
        >>> w[0].edition, w[0].municipality.name, w[12].edition, w[12].municipality.name
        ('2008', 'Vadsø', '2022', 'Kinn')
    """
    return tuple(e.award for e in editions() if e.award is not None)


@checked
def record(municipality_or_name: Municipality | str) -> tuple[Nomination, ...]:
    """Every nomination of one municipality across mergers, oldest first.

    A nomination counts when its municipality is in the same line of numbers
    (Tromsø 1902 → 5401 → 5501) or, for a municipality of today, went into it
    (Skedsmo 2015 is in Lillestrøm's record; Flora would be in Kinn's). The
    record of a municipality that no longer exists holds only its own line
    (Skedsmo's record does not include Lillestrøm 2021).

    Args:
        municipality_or_name: A :class:`Municipality`, a name or a code. A name no
            longer in use (``"Skedsmo"``) is found in the last year it was.

    Raises:
        MunicipalityNotFound: When the name or code is unknown in every year.
        AmbiguousMunicipality: When a name matches more than one municipality.

    Examples:
        >>> [(n.edition, n.outcome.value) for n in record("Bodø")][:5]  # doctest: +NORMALIZE_WHITESPACE
        [('2009', 'candidate'), ('2014', 'nominee'), ('2016', 'nominee'), ('2018', 'nominee'),
         ('2022', 'nominee')]
    """
    target = (
        municipality_or_name
        if isinstance(municipality_or_name, Municipality)
        else newest_municipality(municipality_or_name)
    )
    line = set(lineage(target))
    today = _current(target) if target.valid_to is None else None
    return tuple(
        n
        for e in editions()
        for n in e.nominations
        if n.municipality in line or (today is not None and n.current == today)
    )


@functools.cache
def _conflicts() -> tuple[Conflict, ...]:
    rename = {"id": "conflict_id", "sources_a": "source_ids_a", "sources_b": "source_ids_b"}
    return tuple(c for _, c in records("conflicts", Conflict, rename=rename))


@checked
def conflicts(label_or_year: str | int | None = None) -> tuple[Conflict, ...]:
    """Where sources disagree: all conflicts, or those about one edition.

    Args:
        label_or_year: An edition (as for :func:`edition`), or ``None`` for all.

    Raises:
        EditionNotFound: When the edition does not exist.

    Examples:
        >>> [(c.id, c.field, c.value_a.nb, c.value_b.nb) for c in conflicts(2018)][:2]
        [('C1', 'place', 'Oslo', 'Gardermoen'), ('C6', 'outcome', 'Bodø nominert (sju nominerte)', 'Bodø ikke nevnt (seks kommuner listet)')]
        >>> [(c.id, c.field) for c in conflicts(2018)][2:]
        [('C10', 'decision_rule')]
    """
    if label_or_year is None:
        return _conflicts()
    label = edition(label_or_year).label
    return tuple(c for c in _conflicts() if c.concerns(label))
