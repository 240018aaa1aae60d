"""A decision's result and its trace: every score, every tie, every step."""

from __future__ import annotations

from fractions import Fraction

import attrs

from bosetting.i18n import _, format_number, format_share, language, ngettext
from bosetting.model import DecisionRule, Municipality
from bosetting.voting import Tie

__all__ = ["Decision", "ScoreLine", "Trace"]


@attrs.frozen
class ScoreLine:
    """Every score of one nominee in a decision (``None`` where the rule did not use it)."""

    municipality: Municipality
    votes: int | None
    public_share: Fraction | None
    public_score: Fraction | None
    jury_score: Fraction | None
    combined: Fraction | None


@attrs.frozen
class Trace:
    """How a decision came about: every score, every tie, and the steps in bokmål."""

    scores: tuple[ScoreLine, ...]
    ties: tuple[Tie, ...]
    steps: tuple[str, ...]


@attrs.frozen
class Decision:
    """The outcome of a decision rule.

    Attributes:
        rule: The rule applied (for a blend, with the weight actually used).
        winner: The winner (first in ``ranking``).
        ranking: Every nominee, best first.
        finalists: The finalists where the rule has them, else ``None``.
        trace: Scores, ties and steps.
        assumptions: What the library assumed that the sources do not say.
    """

    rule: DecisionRule
    winner: Municipality
    ranking: tuple[Municipality, ...]
    finalists: tuple[Municipality, ...] | None
    trace: Trace
    assumptions: tuple[str, ...]

    def explain(self) -> str:
        """A short explanation in the active language, for a workshop."""
        lines = [self.rule.describe(), _("Winner: {winner}.", winner=self.winner)]
        if self.finalists is not None:
            names = ", ".join(m.name for m in self.finalists)
            lines.append(_("Finalists: {names}.", names=names))
        lines.append(_("Ranking:"))
        by_m = {s.municipality: s for s in self.trace.scores}
        for i, m in enumerate(self.ranking, start=1):
            s = by_m[m]
            parts = []
            if s.votes is not None:
                parts.append(ngettext("{n} vote", "{n} votes", s.votes))
            if s.public_share is not None:
                parts.append(_("share {share}", share=format_share(float(s.public_share))))
            if s.jury_score is not None:
                parts.append(_("jury {score}", score=format_number(float(s.jury_score), 3)))
            if s.combined is not None:
                parts.append(_("combined {score}", score=format_number(float(s.combined), 3)))
            lines.append(f"  {i}. {m}: " + ", ".join(parts))
        lines.extend(t.describe() for t in self.trace.ties)
        lines.extend(_("Assumption: {text}", text=a) for a in self.assumptions)
        return "\n".join(lines)

    def explain_nb(self) -> str:
        """:meth:`explain` in bokmål, whatever the active language."""
        with language("nb"):
            return self.explain()
