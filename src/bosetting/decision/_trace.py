"""A decision's result and its trace: every score, every tie, every step."""

from __future__ import annotations

from fractions import Fraction

import attrs

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
        """A short explanation in bokmål, for a workshop."""
        lines = [self.rule.describe_nb(), f"Vinner: {self.winner}."]
        if self.finalists is not None:
            lines.append("Finalister: " + ", ".join(m.name for m in self.finalists) + ".")
        lines.append("Plassering:")
        by_m = {s.municipality: s for s in self.trace.scores}
        for i, m in enumerate(self.ranking, start=1):
            s = by_m[m]
            parts = []
            if s.votes is not None:
                parts.append(f"{s.votes} stemmer")
            if s.public_share is not None:
                parts.append(f"andel {float(s.public_share):.1%}")
            if s.jury_score is not None:
                parts.append(f"jury {float(s.jury_score):.3f}")
            if s.combined is not None:
                parts.append(f"samlet {float(s.combined):.3f}")
            lines.append(f"  {i}. {m}: " + ", ".join(parts))
        lines.extend(t.describe_nb() for t in self.trace.ties)
        lines.extend(f"Antakelse: {a}" for a in self.assumptions)
        return "\n".join(lines)
