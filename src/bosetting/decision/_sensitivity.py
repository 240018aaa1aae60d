"""How the winner of a weighted blend depends on the unpublished public weight.

Examples:
    >>> from bosetting.model import Municipality
    >>> from bosetting.voting import tally
    >>> from bosetting.jury import JuryAssessment
    >>> kinn = Municipality("4602", "Kinn", "Vestland", 2020)
    >>> bodo = Municipality("1804", "Bodø", "Nordland", 1977)
    >>> t = tally(["Kinn"] * 3 + ["Bodø"], [kinn, bodo])
    >>> jury = JuryAssessment.from_scores({kinn: 2, bodo: 6})
    >>> s = sensitivity(t, jury, [0, 0.5, 0.7, 1])
    >>> [m.name for m in s.winners], s.changes[0].crossover
    (['Bodø', 'Bodø', 'Kinn', 'Kinn'], Fraction(6, 11))
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from fractions import Fraction

import attrs

from bosetting.decision._scores import fraction, nominees, public_scores
from bosetting.errors import ArgumentError
from bosetting.jury import JuryAssessment
from bosetting.model import Municipality
from bosetting.voting import Tally

__all__ = ["Change", "Sensitivity", "sensitivity"]


@attrs.frozen
class Change:
    """Where the winner changes between two neighbouring weights.

    Attributes:
        before_weight: The last weight with the old winner.
        after_weight: The first weight with the new winner.
        before: The old winner.
        after: The new winner.
        crossover: The exact weight where the two have equal combined scores, if
            that lies between the two weights (``None`` otherwise).
    """

    before_weight: float
    after_weight: float
    before: Municipality
    after: Municipality
    crossover: Fraction | None


@attrs.frozen
class Sensitivity:
    """The winner of a weighted blend at each public weight.

    Attributes:
        weights: The public weights tried, ascending.
        winners: The winner at each weight.
        changes: Where the winner changes.
        public: Each nominee's normalised public score.
        jury: Each nominee's jury score.
    """

    weights: tuple[float, ...]
    winners: tuple[Municipality, ...]
    changes: tuple[Change, ...]
    public: dict[Municipality, Fraction] = attrs.field(eq=False)
    jury: dict[Municipality, Fraction] = attrs.field(eq=False)

    def describe_nb(self) -> str:
        """The result in bokmål."""
        if not self.changes:
            return f"{self.winners[0].name} vinner ved alle vektinger som er prøvd."
        parts = [
            f"ved {float(c.crossover if c.crossover is not None else c.after_weight):.3f} "
            f"går seieren fra {c.before.name} til {c.after.name}"
            for c in self.changes
        ]
        return "Vinneren avhenger av vektingen: " + "; ".join(parts) + "."


def _default_weights(steps: int) -> tuple[float, ...]:
    return tuple(i / steps for i in range(steps + 1))


def sensitivity(
    tally: Tally,
    jury: JuryAssessment,
    weights: Iterable[float] | None = None,
    *,
    steps: int = 100,
) -> Sensitivity:
    """The blend's winner at each public weight, and where it changes.

    Args:
        tally: The public vote.
        jury: The jury's assessment (every nominee must be scored).
        weights: Public weights in [0, 1]; default ``0, 1/steps, ..., 1``.
        steps: The number of intervals when ``weights`` is not given.

    Returns:
        The sweep; its winners equal ``decide(WeightedBlend(w), ...)`` at each weight.
    """
    if weights is None:
        if isinstance(steps, bool) or not isinstance(steps, int) or steps < 1:
            raise ArgumentError("steps is a whole number of at least 1", field="steps", value=steps)
        ws: Sequence[float] = _default_weights(steps)
    else:
        ws = sorted(weights)
    if not ws:
        raise ArgumentError("give at least one weight", field="weights", value=[])
    fr = [fraction(w, "weights") for w in ws]
    noms = nominees(tally, jury)
    js = jury.require(noms)
    _, public = public_scores(tally)
    order = sorted(noms, key=lambda m: (m.code, m.name, m.valid_from))
    diff = {m: public[m] - js[m] for m in noms}
    winners: list[Municipality] = []
    for w in fr:
        best = order[0]
        best_score = js[best] + w * diff[best]
        for m in order[1:]:
            s = js[m] + w * diff[m]
            if s > best_score:
                best, best_score = m, s
        winners.append(best)
    changes: list[Change] = []
    for i in range(1, len(winners)):
        a, b = winners[i - 1], winners[i]
        if a != b:
            denom = diff[a] - diff[b]
            cross = (js[b] - js[a]) / denom if denom else None
            if cross is not None and not fr[i - 1] <= cross <= fr[i]:
                cross = None
            changes.append(Change(float(ws[i - 1]), float(ws[i]), a, b, cross))
    return Sensitivity(tuple(float(w) for w in ws), tuple(winners), tuple(changes), public, js)
