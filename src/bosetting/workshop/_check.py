"""The notebooks' checkable exercises: each expected answer computed from the data, and a check.

An exercise is known by its number in the notebooks (``"1.1"`` is notebook 1,
exercise 1). Its expected answer is computed when asked, from the same
tables and functions the notebook uses, so it cannot drift from the data:
:func:`expected` gives it in words (the notebooks' solutions and the
facilitator's guide state it; a test checks they agree), :func:`check`
compares a participant's answer with it and says, in the active language,
whether it is right. A name is compared as the one nominee resolver compares
it (any case, either part of a two-language name).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any

import attrs

from bosetting.decision import decide, sensitivity
from bosetting.eligibility import Verdict
from bosetting.errors import ArgumentError
from bosetting.history import edition, editions, record
from bosetting.i18n import N_, _, format_number, join_words
from bosetting.model import Municipality, checked, name_parts
from bosetting.practice import practice_jury
from bosetting.workshop._group import GroupJury
from bosetting.workshop._kit import as_if, exercise_edition, practice_vote
from bosetting.workshop._room import share

__all__ = ["EXERCISES", "Exercise", "Feedback", "check", "expected"]

#: The seeds and weights the notebooks' exercises use (the notebooks set the same numbers).
SEED = 3
OTHER_SEED = 4
WEIGHTS = (0.2, 0.8)


@attrs.frozen
class Exercise:
    """One checkable exercise.

    Attributes:
        id: Its number in the notebooks ("2.1").
        kind: What an answer is, in words (a message id).
        answer: Computes the expected answer from the data.
        compare: Whether a participant's answer equals the expected one.
    """

    id: str
    kind: str
    answer: Callable[[], Any]
    compare: Callable[[Any, Any], bool]


@attrs.frozen
class Feedback:
    """What :func:`check` says: right or not, in words. It is true when the answer is right."""

    exercise: str
    correct: bool
    message: str

    def __bool__(self) -> bool:
        return self.correct

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return self.message


def _name(x: object) -> str:
    return x.name if isinstance(x, Municipality) else str(x)


def _same_name(given: object, wanted: object) -> bool:
    return bool(set(name_parts(_name(given))) & set(name_parts(_name(wanted))))


def _same_names(given: object, wanted: tuple[Any, ...]) -> bool:
    if isinstance(given, str) or not isinstance(given, Iterable):
        return False
    items = list(given)
    return len(items) == len(wanted) and all(map(_same_name, items, wanted))


def _same_set(given: object, wanted: frozenset[str]) -> bool:
    if isinstance(given, str) or not isinstance(given, Iterable):
        return False
    found = {str(x).strip() for x in given}
    return found == set(wanted)


def _same_name_set(given: object, wanted: tuple[Any, ...]) -> bool:
    if isinstance(given, str) or not isinstance(given, Iterable):
        return False
    items = list(given)
    return len(items) == len(wanted) and all(any(_same_name(g, w) for g in items) for w in wanted)


def _same_number(given: object, wanted: int) -> bool:
    text = str(given).strip()
    return text.isdigit() and text.isascii() and int(text) == wanted


def _bodo() -> int:
    return sum(1 for n in record("Bodø") if n.outcome.formal)


def _label_not_award_year() -> frozenset[str]:
    return frozenset(
        e.label for e in editions() if e.award_when.year is not None and e.award_when.year != e.year
    )


def _three_rules(seed: int) -> tuple[Municipality, ...]:
    e = exercise_edition()
    vote, jury = practice_vote(e, seed=seed), practice_jury(e, seed=seed)
    rules = [edition(label).rule for label in ("2016", "2018")] + [e.rule]
    weights = [0.5 if r.weighs_public_vote else None for r in rules]
    return tuple(
        decide(r, vote, jury, public_weight=w).winner for r, w in zip(rules, weights, strict=True)
    )


def _at_weights() -> tuple[Municipality, ...]:
    e = exercise_edition()
    vote, jury = practice_vote(e, seed=SEED), practice_jury(e, seed=SEED)
    return tuple(decide(e.rule, vote, jury, public_weight=w).winner for w in WEIGHTS)


def _hedged() -> frozenset[str]:
    return frozenset(e.label for e in editions() if e.rule_basis.hedged)


def _lowest_year() -> int:
    from bosetting.figures import intro_outcomes
    from bosetting.register import municipality

    m = municipality("1804", 2014)
    rows = [o for o in intro_outcomes(m) if o.area_code == m.code and o.share is not None]
    return min(rows, key=lambda o: o.share or 0).status_year


def _met_2016() -> tuple[Municipality, ...]:
    from bosetting.eligibility import screen

    what_if = screen(as_if("2021", 2015))
    noms = set(edition("2016").nominees)
    return tuple(
        r.municipality
        for r in what_if.rows
        if r.municipality in noms
        and any(x.criterion.id == "2021-over-50" and x.verdict is Verdict.MET for x in r.results)
    )


def _rank(label: str, name: str) -> int:
    from bosetting.eligibility import screen

    return next(r.rank for r in screen(label).rows if r.municipality.name == name)


def _vote_leader_wins(group: object, _wanted: object) -> bool:
    if not isinstance(group, GroupJury):
        return False
    vote = practice_vote(group.edition, seed=SEED)
    result = sensitivity(vote, group.jury, rule=group.edition)
    return not result.changes and result.intervals[0].winner == vote.ranking()[0]


_MUNICIPALITY = N_("the name of a municipality")
_NUMBER = N_("a whole number")
_LABELS = N_('a list of edition labels, such as ["2015", "2016"]')
_NAMES = N_("a list of municipality names, in the order asked for")
_NAME_SET = N_("a list of municipality names")
_GROUP = N_("your group’s jury sheet (gruppe)")

#: Every checkable exercise of the notebooks, by number.
EXERCISES: dict[str, Exercise] = {
    x.id: x
    for x in (
        Exercise("1.1", _MUNICIPALITY, lambda: edition("2015").winner, _same_name),
        Exercise("1.2", _NUMBER, _bodo, _same_number),
        Exercise("1.3", _LABELS, _label_not_award_year, _same_set),
        Exercise("2.1", _NAMES, lambda: _three_rules(OTHER_SEED), _same_names),
        Exercise("2.2", _NAMES, _at_weights, _same_names),
        Exercise("2.3", _LABELS, _hedged, _same_set),
        Exercise("3.2", _GROUP, lambda: None, _vote_leader_wins),
        Exercise("4.1", _NUMBER, _lowest_year, _same_number),
        Exercise("4.2", _NAME_SET, _met_2016, _same_name_set),
        Exercise("5.1", _NUMBER, lambda: _rank("2016", "Trondheim"), _same_number),
        Exercise("5.2", _NUMBER, lambda: _rank("2023", "Bodø"), _same_number),
    )
}


def _fits(kind: str, answer: object) -> bool:
    """Whether an answer is of the kind asked for (a wrong kind gets its own message)."""
    if kind == _NUMBER:
        text = str(answer).strip()
        return not isinstance(answer, bool) and text.isdigit() and text.isascii()
    if kind == _MUNICIPALITY:
        return isinstance(answer, str | Municipality)
    if kind == _GROUP:
        return isinstance(answer, GroupJury)
    return not isinstance(answer, str) and isinstance(answer, Iterable)


def _not_yet_for_the_leader(group: GroupJury) -> str:
    vote = practice_vote(group.edition, seed=SEED)
    result = sensitivity(vote, group.jury, rule=group.edition)
    at = [share(c.at) for c in result.changes]
    return _(
        "Not yet: with your sheet the winner changes at {at}. Give {leader}, who has the most "
        "votes, more points, or the others fewer, and try again.",
        at=join_words(at) if at else share(0),
        leader=vote.ranking()[0].name,
    )


def _exercise(exercise: str) -> Exercise:
    found = EXERCISES.get(str(exercise).strip())
    if found is None:
        raise ArgumentError(
            N_("there is no exercise {id} to check; the exercises are {ids}"),
            id=exercise,
            ids=join_words(EXERCISES),
            field="exercise",
            value=exercise,
        )
    return found


@functools.cache
def _answer(exercise: str) -> Any:
    return _exercise(exercise).answer()


def _words(value: Any) -> str:
    if isinstance(value, Municipality):
        return value.name
    if isinstance(value, int):
        return str(value) if 1000 <= value <= 2100 else format_number(value)
    if isinstance(value, frozenset):
        return join_words(sorted(value))
    if isinstance(value, tuple):
        return join_words(_words(v) for v in value)
    return str(value)


@checked
def expected(exercise: str) -> str:
    """The expected answer of a checkable exercise, in words (from the data).

    Examples:
        >>> expected("1.1"), expected("1.3")
        ('Grimstad', '2014, 2015, 2016 and 2018')
    """
    if exercise == "3.2":
        return _(
            "the municipality with the most votes wins at every weight from {low} to {high}",
            low=share(0),
            high=share(1),
        )
    return _words(_answer(exercise))


@checked
def check(exercise: str, answer: Any) -> Feedback:
    """Say whether ``answer`` is the expected answer to a notebook exercise, in the active language.

    Args:
        exercise: The exercise's number, such as ``"1.1"``.
        answer: The participant's answer: a name, a number, a list, or the group's sheet.

    Raises:
        ArgumentError: no checkable exercise has that number.

    Examples:
        >>> from bosetting.i18n import language
        >>> with language("nb"):
        ...     check("1.1", ""), check("1.1", "grimstad"), check("1.1", "Molde"), check("1.2", "fire")
        (Ingen svar ennå: skriv svaret ditt og kjør cellen på nytt., Riktig: Grimstad., Ikke helt ennå: du svarte «Molde». Les hintet over og prøv igjen., Svaret på oppgave 1.2 er et helt tall; du svarte «fire».)
        >>> with language("nb"):
        ...     check("2.2", ["Ullensvang", "Kristiansand"])
        Ikke helt ennå: du svarte «Ullensvang» og «Kristiansand». Les hintet over og prøv igjen.
    """
    x = _exercise(exercise)
    if answer is None or (isinstance(answer, str | list | tuple | set) and not answer):
        return Feedback(x.id, False, _("No answer yet: write your answer and run the cell again."))
    if isinstance(answer, str) and not answer.strip():
        return Feedback(x.id, False, _("No answer yet: write your answer and run the cell again."))
    wanted = None if x.id == "3.2" else _answer(x.id)
    if x.compare(answer, wanted):
        return Feedback(x.id, True, _("Correct: {answer}.", answer=expected(x.id)))
    if isinstance(answer, GroupJury) and x.id == "3.2":
        return Feedback(x.id, False, _not_yet_for_the_leader(answer))
    given = answer.name if isinstance(answer, Municipality) else answer
    if isinstance(given, list | tuple | set | frozenset):
        items = [v.name if isinstance(v, Municipality) else v for v in given]
        if isinstance(given, set | frozenset):
            items = sorted(items, key=str)
        shown = join_words(_("'{text}'", text=_words(v)) for v in items)
    elif isinstance(given, str | int):
        shown = _("'{text}'", text=_words(given))
    else:
        shown = _words(given)
    fits = _fits(x.kind, answer)
    if not fits:
        return Feedback(
            x.id,
            False,
            _(
                "The answer to exercise {id} is {kind}; you answered {given}.",
                id=x.id,
                kind=_(x.kind),
                given=shown,
            ),
        )
    return Feedback(
        x.id,
        False,
        _("Not quite yet: you answered {given}. Read the hint above and try again.", given=shown),
    )
