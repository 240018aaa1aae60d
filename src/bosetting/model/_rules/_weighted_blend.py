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
        'Publikumsavstemningen og juryens vurdering veies sammen; her teller publikumsavstemningen 50\xa0% (en antakelse).'
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
            share=self.weight_text(),
        )

    def weight_text(self, weight: float | None = None) -> str:
        """A weight as a share, whole percent where it is one (``50 %``), else one decimal.

        Examples:
            >>> WeightedBlend(0.5).weight_text(), WeightedBlend().weight_text(0.394)
            ('50%', '39.4%')
        """
        w = self.public_weight if weight is None else weight
        if w is None:
            return ""
        whole = abs(w * 100 - round(w * 100)) < 1e-9
        return format_share(w, 0 if whole else 1)
