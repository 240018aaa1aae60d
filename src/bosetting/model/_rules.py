"""Decision rules of the prize's eras, as data.

A rule object only *describes* how a winner is chosen; :mod:`bosetting.decision`
applies it. Keeping the rules as data lets every edition carry its own rule
instead of an if-chain over years.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any

import attrs

from bosetting.i18n import N_, _, format_share, language, ngettext
from bosetting.model import _validate as v

__all__ = [
    "RULES",
    "DecisionRule",
    "DecisionRuleKind",
    "JuryOnly",
    "TopKThenJury",
    "WeightedBlend",
]


def _in_bokmaal(describe: Callable[[], str]) -> str:
    with language("nb"):
        return describe()


class DecisionRuleKind(enum.Enum):
    """The three ways the winner has been chosen."""

    JURY_ONLY = "jury_only"
    TOP_K_THEN_JURY = "top_k_then_jury"
    WEIGHTED_BLEND = "weighted_blend"

    @property
    def label(self) -> str:
        """The value in words, in the active language ("the jury alone" ...)."""
        return _(_DECISIONRULEKIND_WORDS[self])


_DECISIONRULEKIND_WORDS = {
    DecisionRuleKind.JURY_ONLY: N_("the jury alone"),
    DecisionRuleKind.TOP_K_THEN_JURY: N_("public vote, then the jury"),
    DecisionRuleKind.WEIGHTED_BLEND: N_("public vote and jury weighed together"),
}


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

    def describe(self) -> str:
        """One sentence, in the active language, that says how the winner is chosen."""
        return _("The jury chooses the winner among the nominees.")

    def describe_nb(self) -> str:
        """:meth:`describe` in bokmål, whatever the active language."""
        return _in_bokmaal(self.describe)


def _positive(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise v.fail(attribute, value, N_("k is a whole number of at least 1"))


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

    def describe(self) -> str:
        """One sentence, in the active language, that says how the winner is chosen."""
        return ngettext(
            "The nominee with the most votes in the public vote goes on, "
            "and the jury decides whether it wins.",
            "The {n} nominees with the most votes in the public vote go on, "
            "and the jury chooses the winner among them.",
            self.k,
        )

    def describe_nb(self) -> str:
        """:meth:`describe` in bokmål, whatever the active language."""
        return _in_bokmaal(self.describe)


def _weight(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise v.fail(attribute, value, N_("the public weight is a number between 0 and 1"))


@attrs.frozen
class WeightedBlend:
    r"""From 2021: a combined assessment of the public vote and the jury.

    IMDi has not published how much the public vote weighs, so an edition's rule
    carries ``public_weight=None`` (unknown). Whoever applies the rule must
    supply a weight as an explicit assumption; :mod:`bosetting.decision`
    records it in the trace.

    Examples:
        >>> WeightedBlend().public_weight is None
        True
        >>> WeightedBlend(0.5).describe_nb()
        'Folkeavstemningen og juryens vurdering veies sammen; her er folkeavstemningen antatt å telle 50\xa0%.'
        >>> WeightedBlend(0.5).describe()
        'The public vote and the jury’s assessment are weighed together; here the public vote is assumed to count 50%.'
    """

    public_weight: float | None = attrs.field(default=None, validator=_weight)
    kind: DecisionRuleKind = attrs.field(
        default=DecisionRuleKind.WEIGHTED_BLEND, init=False, eq=False, repr=False
    )

    def describe(self) -> str:
        """One sentence, in the active language, that says how the winner is chosen."""
        if self.public_weight is None:
            return _(
                "The public vote and the jury’s assessment are weighed together; "
                "IMDi has not published the weighting."
            )
        return _(
            "The public vote and the jury’s assessment are weighed together; "
            "here the public vote is assumed to count {share}.",
            share=format_share(self.public_weight, 0),
        )

    def describe_nb(self) -> str:
        """:meth:`describe` in bokmål, whatever the active language."""
        return _in_bokmaal(self.describe)


DecisionRule = JuryOnly | TopKThenJury | WeightedBlend

#: Every decision rule class, once: the converter, the history and the command use this list.
RULES: tuple[type[DecisionRule], ...] = (JuryOnly, TopKThenJury, WeightedBlend)
