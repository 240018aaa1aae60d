"""Up to the 2016 edition: the jury alone chooses the winner."""

from __future__ import annotations

import attrs

from bosetting.i18n import _
from bosetting.model._arguments import checked
from bosetting.model._rules._base import DecisionRule

__all__ = ["JuryOnly"]


@checked
@attrs.frozen
class JuryOnly(DecisionRule):
    """Up to the 2016 edition: the jury alone picks the winner among the nominees.

    Examples:
        >>> JuryOnly().tag, JuryOnly().public_vote
        ('jury_only', False)
        >>> JuryOnly().describe_nb()
        'Juryen velger vinneren blant de nominerte; det er ingen folkeavstemning.'
    """

    tag = "jury_only"
    public_vote = False

    @property
    def label(self) -> str:
        """A short name for the rule, in the active language."""
        return _("the jury alone")

    def describe(self) -> str:
        """One sentence, in the active language, that says how the winner is chosen."""
        return _("The jury chooses the winner among the nominees; there is no public vote.")
