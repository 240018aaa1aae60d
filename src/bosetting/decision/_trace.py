"""A decision's result and its trace: every score, every tie, every step."""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from bosetting.i18n import _, format_number, format_share, language, ngettext
from bosetting.model import DecisionRule, Municipality, checked
from bosetting.voting import Tie

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Decision", "ScoreLine", "Trace"]


@checked
@attrs.frozen
class ScoreLine:
    """Every score of one nominee in a decision (``None`` where the rule did not use it)."""

    municipality: Municipality
    votes: int | None
    public_share: Fraction | None
    public_score: Fraction | None
    jury_score: Fraction | None
    combined: Fraction | None


@checked
@attrs.frozen
class Trace:
    """How a decision came about: every score, every tie, and the steps in bokmål."""

    scores: tuple[ScoreLine, ...]
    ties: tuple[Tie, ...]
    steps: tuple[str, ...]


@checked
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

    def to_frame(self) -> pd.DataFrame:
        """One row per nominee in :attr:`ranking` order, with every score the rule used.

        Columns: ``rank``, ``code``, ``name``, ``county``, ``winner`` and ``finalist``
        (flags; ``finalist`` is missing for a rule without finalists), ``votes``
        (``Int64``), and ``public_share``, ``public_score``, ``jury_score``,
        ``combined`` (``Float64`` in [0, 1], missing where the rule did not use them;
        ``jury_score`` is the jury's score on its scale, normalised to [0, 1]).

        Examples:
            >>> from bosetting.model import JuryOnly, Municipality
            >>> from bosetting.jury import JuryAssessment
            >>> from bosetting.decision import decide
            >>> a, b = Municipality("4602", "Kinn", "Vestland", 2020), Municipality("1804", "Bodø", "Nordland", 1977)
            >>> df = decide(JuryOnly(), None, JuryAssessment.from_scores({a: 3, b: 5})).to_frame()
            >>> df[["rank", "name", "winner", "jury_score"]].values.tolist()
            [[1, 'Bodø', True, 0.8], [2, 'Kinn', False, 0.4]]
        """
        import pandas as pd

        by_m = {s.municipality: s for s in self.trace.scores}
        lines = [by_m[m] for m in self.ranking]
        finalists = set(self.finalists or ())

        def number(values: list[Fraction | None]) -> pd.Series:
            return pd.Series([None if v is None else float(v) for v in values], dtype="Float64")

        return pd.DataFrame(
            {
                "rank": pd.Series(range(1, len(lines) + 1), dtype="int64"),
                "code": pd.Series([s.municipality.code for s in lines], dtype="string"),
                "name": pd.Series([s.municipality.name for s in lines], dtype="string"),
                "county": pd.Series([s.municipality.county for s in lines], dtype="string"),
                "winner": pd.Series([s.municipality == self.winner for s in lines], dtype="bool"),
                "finalist": pd.Series(
                    [
                        None if self.finalists is None else s.municipality in finalists
                        for s in lines
                    ],
                    dtype="boolean",
                ),
                "votes": pd.Series([s.votes for s in lines], dtype="Int64"),
                "public_share": number([s.public_share for s in lines]),
                "public_score": number([s.public_score for s in lines]),
                "jury_score": number([s.jury_score for s in lines]),
                "combined": number([s.combined for s in lines]),
            }
        )
