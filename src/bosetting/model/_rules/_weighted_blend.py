"""From 2021: the public vote and the jury's assessment weighed together."""

from __future__ import annotations

from typing import Any

import attrs

from bosetting.i18n import N_, _, format_share
from bosetting.model import _validate as v
from bosetting.model._arguments import checked
from bosetting.model._rules._base import DecisionRule

__all__ = ["WeightedBlend"]


def _weight(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not v.is_number(value) or not 0 <= value <= 1):
        raise v.fail(attribute, value, N_("the public weight is a number between 0 and 1"))


@checked
@attrs.frozen
class WeightedBlend(DecisionRule):
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

    tag = "weighted_blend"
    weighs_public_vote = True

    public_weight: float | None = attrs.field(default=None, validator=_weight)

    @property
    def label(self) -> str:
        """A short name for the rule, in the active language."""
        return _("public vote and jury weighed together")

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
