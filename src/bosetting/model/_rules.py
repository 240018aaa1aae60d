"""Decision rules of the prize's eras, as data.

A rule object only *describes* how a winner is chosen; :mod:`bosetting.decision`
applies it. Keeping the rules as data lets every edition carry its own rule
instead of an if-chain over years.
"""

from __future__ import annotations

import enum
from typing import Any

import attrs

from bosetting.model import _validate as v

__all__ = [
    "RULES",
    "DecisionRule",
    "DecisionRuleKind",
    "JuryOnly",
    "TopKThenJury",
    "WeightedBlend",
]


class DecisionRuleKind(enum.Enum):
    """The three ways the winner has been chosen."""

    JURY_ONLY = "jury_only"
    TOP_K_THEN_JURY = "top_k_then_jury"
    WEIGHTED_BLEND = "weighted_blend"


@attrs.frozen
class JuryOnly:
    """Up to the 2016 edition: the jury alone picks the winner among the nominees.

    Examples:
        >>> JuryOnly().kind
        <DecisionRuleKind.JURY_ONLY: 'jury_only'>
    """

    kind: DecisionRuleKind = attrs.field(
        default=DecisionRuleKind.JURY_ONLY, init=False, eq=False, repr=False
    )

    def describe_nb(self) -> str:
        """One sentence in bokmål that says how the winner is chosen."""
        return "Juryen velger vinneren blant de nominerte."


def _positive(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise v.fail(attribute, value, "k is a whole number of at least 1")


@attrs.frozen
class TopKThenJury:
    """2018 and 2019/2020: the ``k`` nominees with most public votes go on; the jury picks.

    Examples:
        >>> TopKThenJury().k
        3
    """

    k: int = attrs.field(default=3, validator=_positive)
    kind: DecisionRuleKind = attrs.field(
        default=DecisionRuleKind.TOP_K_THEN_JURY, init=False, eq=False, repr=False
    )

    def describe_nb(self) -> str:
        """One sentence in bokmål that says how the winner is chosen."""
        return (
            f"De {self.k} med flest stemmer i folkeavstemningen går videre, "
            "og juryen velger vinneren blant dem."
        )


def _weight(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise v.fail(attribute, value, "the public weight is a number between 0 and 1")


@attrs.frozen
class WeightedBlend:
    """From 2021: a combined assessment of the public vote and the jury.

    IMDi has not published how much the public vote weighs, so an edition's rule
    carries ``public_weight=None`` (unknown). Whoever applies the rule must
    supply a weight as an explicit assumption; :mod:`bosetting.decision`
    records it in the trace.

    Examples:
        >>> WeightedBlend().public_weight is None
        True
        >>> WeightedBlend(0.5).describe_nb()
        'Folkeavstemningen og juryens vurdering veies sammen; her er folkeavstemningen antatt å telle 50 %.'
    """

    public_weight: float | None = attrs.field(default=None, validator=_weight)
    kind: DecisionRuleKind = attrs.field(
        default=DecisionRuleKind.WEIGHTED_BLEND, init=False, eq=False, repr=False
    )

    def describe_nb(self) -> str:
        """One sentence in bokmål that says how the winner is chosen."""
        base = "Folkeavstemningen og juryens vurdering veies sammen"
        if self.public_weight is None:
            return base + "; IMDi har ikke offentliggjort vektingen."
        return base + f"; her er folkeavstemningen antatt å telle {self.public_weight * 100:.0f} %."


DecisionRule = JuryOnly | TopKThenJury | WeightedBlend

#: Every decision rule class, once: the converter, the history and the command use this list.
RULES: tuple[type[DecisionRule], ...] = (JuryOnly, TopKThenJury, WeightedBlend)
