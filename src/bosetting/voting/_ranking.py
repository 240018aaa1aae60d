"""Ranking by score and recording ties: deterministic, never random (see :func:`order_by_score`)."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import attrs

from bosetting.i18n import N_, _, format_number, language
from bosetting.model import Municipality, checked

__all__ = ["TIE_RULE", "Finalists", "Tie", "order_by_score"]

#: How every tie in this library is broken: deterministic, never random.
TIE_RULE = N_("municipality number ascending (lowest number first)")


@checked
@attrs.frozen
class Tie:
    """Nominees with equal scores at a point where the order matters, and how it was broken.

    Attributes:
        stage: Where the tie arose, as a message id (``"finalists"``, ``"jury"``,
            ``"combined score"``), shown in the active language.
        members: The tied nominees, in the order the tie rule put them.
        score: The shared score as text: a number written with ``.`` (shown in the
            language's number format), or a message id.
        broken_by: The rule that ordered them (:data:`TIE_RULE`).
    """

    stage: str
    members: tuple[Municipality, ...]
    score: str
    broken_by: str = TIE_RULE

    def describe(self) -> str:
        """The tie in one sentence, in the active language."""
        names = ", ".join(str(m) for m in self.members)
        return _(
            "Tie ({stage}, {score}) between {names}; broken by {rule}.",
            stage=_(self.stage),
            score=_shown_score(self.score),
            names=names,
            rule=_(self.broken_by),
        )

    def describe_nb(self) -> str:
        """:meth:`describe` in bokmål, whatever the active language."""
        with language("nb"):
            return self.describe()


def _shown_score(score: str) -> str:
    """A tie's score as the active language writes it: ``0.7487`` is ``0,7487`` in bokmål."""
    whole, dot, decimals = score.partition(".")
    if (
        whole.isdigit()
        and whole.isascii()
        and (not dot or (decimals.isdigit() and decimals.isascii()))
    ):
        return format_number(float(score), len(decimals))
    return _(score)


@checked
def order_by_score(
    scores: Mapping[Municipality, float | Fraction], stage: str
) -> tuple[tuple[Municipality, ...], tuple[Tie, ...]]:
    """Order nominees by score, highest first; ties by kommunenummer ascending.

    Every group of two or more equal scores is returned as a :class:`Tie`.

    Examples:
        >>> a = Municipality("0301", "Oslo", "Oslo", 1838)
        >>> b = Municipality("1804", "Bodø", "Nordland", 1977)
        >>> order, ties = order_by_score({b: 2, a: 2}, "stemmer")
        >>> [m.code for m in order], [m.code for m in ties[0].members]
        (['0301', '1804'], ['0301', '1804'])
    """
    order = tuple(sorted(scores, key=lambda m: (-scores[m], m.code, m.name, m.valid_from)))
    ties: list[Tie] = []
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        if j > i:
            ties.append(Tie(stage, order[i : j + 1], _fmt(scores[order[i]])))
        i = j + 1
    return order, tuple(ties)


def _fmt(x: Any) -> str:
    if isinstance(x, Fraction):
        return f"{float(x):.4f}" if x.denominator != 1 else str(x.numerator)
    if isinstance(x, float):
        return f"{x:.4f}"
    return str(x)


@checked
@attrs.frozen
class Finalists:
    """The ``k`` nominees with most votes.

    Attributes:
        k: How many were asked for.
        municipalities: The finalists, most votes first (fewer than ``k`` if there are fewer nominees).
        tie: The tie at the boundary (place ``k`` against place ``k + 1``), if any, with
            every nominee on that vote count, ordered by the tie rule.
    """

    k: int
    municipalities: tuple[Municipality, ...]
    tie: Tie | None
