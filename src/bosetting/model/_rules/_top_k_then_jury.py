"""2018 and 2019/2020: the public vote picks finalists, the jury picks the winner among them."""

from __future__ import annotations

from typing import Any

import attrs

from bosetting.i18n import N_, _, ngettext
from bosetting.model import _validate as v
from bosetting.model._arguments import checked
from bosetting.model._rules._base import DecisionRule

__all__ = ["TopKThenJury"]


def _positive(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not v.is_whole(value) or value < 1:
        raise v.fail(attribute, value, N_("k is a whole number of at least 1"))


@checked
@attrs.frozen
class TopKThenJury(DecisionRule):
    """2018 and 2019/2020: the ``k`` nominees with most public votes go on; the jury picks.

    Examples:
        >>> TopKThenJury().k
        3
        >>> TopKThenJury(3).describe_nb()
        'De 3 med flest stemmer i folkeavstemningen går videre, og juryen velger vinneren blant dem.'
    """

    tag = "top_k_then_jury"
    has_finalists = True

    k: int = attrs.field(default=3, validator=_positive, metadata={"column": "finalists_k"})

    @property
    def label(self) -> str:
        """A short name for the rule, in the active language."""
        return _("top {k} by public vote, then the jury", k=self.k)

    def describe(self) -> str:
        """One sentence, in the active language, that says how the winner is chosen."""
        return ngettext(
            "The nominee with the most votes in the public vote goes on, "
            "and the jury decides whether it wins.",
            "The {n} nominees with the most votes in the public vote go on, "
            "and the jury chooses the winner among them.",
            self.k,
        )
