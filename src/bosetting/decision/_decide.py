"""Applying an era's decision rule to a tally and a jury assessment.

:func:`decide` dispatches on the rule objects of :mod:`bosetting.model`:

* :class:`~bosetting.model.JuryOnly`: nominees ranked by jury score;
* :class:`~bosetting.model.TopKThenJury`: the ``k`` with most votes are finalists
  (:meth:`~bosetting.voting.Tally.finalists`), ranked by jury score; the others
  follow by votes;
* :class:`~bosetting.model.WeightedBlend`: ``w · public + (1 − w) · jury``, where
  *public* is a nominee's vote share divided by the largest share (the leader
  gets 1; 0 for all if no vote was counted) and *jury* is
  :meth:`~bosetting.jury.JuryAssessment.score` in [0, 1]. IMDi has not published
  ``w``: it must be given (``public_weight`` or the rule's own) and is recorded
  in :attr:`Decision.assumptions`.

Scores are exact fractions, so equal scores are really equal. Every tie that
orders the ranking is recorded with how it was broken
(:data:`~bosetting.voting.TIE_RULE`: kommunenummer ascending, never chance).

Examples:
    >>> from bosetting.model import Municipality, WeightedBlend
    >>> from bosetting.voting import tally
    >>> from bosetting.jury import JuryAssessment
    >>> kinn = Municipality("4602", "Kinn", "Vestland", 2020)
    >>> bodo = Municipality("1804", "Bodø", "Nordland", 1977)
    >>> t = tally(["Kinn"] * 3 + ["Bodø"], [kinn, bodo])
    >>> jury = JuryAssessment.from_scores({kinn: 2, bodo: 6})
    >>> decide(WeightedBlend(), t, jury, public_weight=0.5).winner.name
    'Bodø'
    >>> decide(WeightedBlend(), t, jury, public_weight=0.8).winner.name
    'Kinn'
    >>> s = sensitivity(t, jury, [0, 0.5, 0.7, 1])
    >>> [m.name for m in s.winners], s.changes[0].crossover
    (['Bodø', 'Bodø', 'Kinn', 'Kinn'], Fraction(6, 11))
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from fractions import Fraction

import attrs

from bosetting.errors import BosettingError
from bosetting.jury import JuryAssessment
from bosetting.model import DecisionRule, JuryOnly, Municipality, TopKThenJury, WeightedBlend
from bosetting.voting import TIE_RULE, Tally, Tie, order_by_score

__all__ = [
    "PUBLIC_NORMALISATION",
    "Change",
    "Decision",
    "ScoreLine",
    "Sensitivity",
    "Trace",
    "decide",
    "sensitivity",
]

#: How the public vote is put on [0, 1] in a weighted blend.
PUBLIC_NORMALISATION = "stemmeandel delt på høyeste stemmeandel (lederen får 1)"


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
        lines = [self.rule.describe_nb(), f"Vinner: {self.winner.name} ({self.winner.code})."]
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
            lines.append(f"  {i}. {m.name} ({m.code}): " + ", ".join(parts))
        lines.extend(t.describe_nb() for t in self.trace.ties)
        lines.extend(f"Antakelse: {a}" for a in self.assumptions)
        return "\n".join(lines)


def _fraction(weight: object, field: str) -> Fraction:
    if isinstance(weight, bool) or not isinstance(weight, int | float | Fraction):
        raise BosettingError(
            "the public weight is a number between 0 and 1", field=field, value=weight
        )
    w = Fraction(str(weight)) if isinstance(weight, float) else Fraction(weight)
    if not 0 <= w <= 1:
        raise BosettingError(
            "the public weight is a number between 0 and 1", field=field, value=weight
        )
    return w


def _public_scores(t: Tally) -> tuple[dict[Municipality, Fraction], dict[Municipality, Fraction]]:
    shares = t.exact_shares
    top = max(shares.values(), default=Fraction(0))
    public = {m: (s / top if top else Fraction(0)) for m, s in shares.items()}
    return shares, public


def _nominees(t: Tally | None, jury: JuryAssessment) -> tuple[Municipality, ...]:
    noms = t.nominees if t is not None else jury.nominees
    if not noms:
        raise BosettingError("there are no nominees to decide among", field="nominees")
    return noms


def _need_tally(t: Tally | None, rule: DecisionRule) -> Tally:
    if t is None:
        raise BosettingError(
            "this rule uses the public vote; give a tally", field="tally", value=type(rule).__name__
        )
    return t


def decide(
    rule: DecisionRule,
    tally: Tally | None,
    jury: JuryAssessment,
    *,
    public_weight: float | None = None,
) -> Decision:
    """Apply a decision rule (see the module docstring).

    Args:
        rule: ``JuryOnly()``, ``TopKThenJury(k)`` or ``WeightedBlend(w)``.
        tally: The public vote (may be ``None`` for ``JuryOnly``).
        jury: The jury's assessment.
        public_weight: The public vote's weight for a blend; overrides the rule's.

    Returns:
        The decision with its trace.

    Raises:
        BosettingError: a blend without a weight, a weight outside [0, 1], a rule that
            needs a tally without one, or no nominees.
        JurySheetError: a nominee the rule needs has no jury score.
    """
    assumptions: list[str] = [f"Juryskår: {JuryAssessment.AGGREGATION}."]
    if jury.label:
        assumptions.append(f"Jurydataene er merket {jury.label}; det er ikke en ekte jury.")
    for label in sorted(tally.labels) if tally is not None else ():
        assumptions.append(f"Stemmene er merket {label}; de er ikke ekte stemmer.")
    noms = _nominees(tally, jury)
    if isinstance(rule, JuryOnly):
        if public_weight is not None:
            raise BosettingError(
                "a public weight only applies to a weighted blend",
                field="public_weight",
                value=public_weight,
            )
        js = jury.require(noms)
        order, ties = order_by_score(js, "jury")
        votes = tally.counts if tally is not None else {}
        lines = tuple(ScoreLine(m, votes.get(m), None, None, js[m], None) for m in noms)
        steps: tuple[str, ...] = ("Juryen rangerer alle nominerte etter juryskår.",)
        return Decision(rule, order[0], order, None, Trace(lines, ties, steps), tuple(assumptions))
    if isinstance(rule, TopKThenJury):
        if public_weight is not None:
            raise BosettingError(
                "a public weight only applies to a weighted blend",
                field="public_weight",
                value=public_weight,
            )
        t = _need_tally(tally, rule)
        fin = t.finalists(rule.k)
        js = jury.require(fin.municipalities)
        jury_order, jury_ties = order_by_score(js, "jury blant finalistene")
        counts = t.counts
        rest = {m: counts[m] for m in noms if m not in fin.municipalities}
        rest_order, rest_ties = order_by_score(rest, "stemmer utenfor finalen")
        ties = ((fin.tie,) if fin.tie else ()) + jury_ties + rest_ties
        shares = t.exact_shares
        lines = tuple(ScoreLine(m, counts[m], shares[m], None, js.get(m), None) for m in noms)
        topk_steps = (
            f"De {rule.k} med flest stemmer blir finalister: "
            + ", ".join(m.name for m in fin.municipalities)
            + ".",
            "Juryen rangerer finalistene; de andre følger etter antall stemmer.",
        )
        ranking = jury_order + rest_order
        return Decision(
            rule,
            ranking[0],
            ranking,
            fin.municipalities,
            Trace(lines, ties, topk_steps),
            tuple(assumptions),
        )
    if isinstance(rule, WeightedBlend):
        t = _need_tally(tally, rule)
        if public_weight is None and rule.public_weight is None:
            raise BosettingError(
                "IMDi has not published how much the public vote weighs; give the weight "
                "explicitly as your assumption (public_weight=... or WeightedBlend(w); "
                "--public-weight W on the command line)",
                field="public_weight",
                value=None,
            )
        chosen = public_weight if public_weight is not None else rule.public_weight
        w = _fraction(chosen, "public_weight")
        used = WeightedBlend(float(w))
        assumptions.append(
            f"Folkeavstemningen er antatt å telle {float(w):.1%} og juryen {float(1 - w):.1%}; "
            "IMDi har ikke offentliggjort vektingen."
        )
        assumptions.append(f"Folkeavstemningen normaliseres som {PUBLIC_NORMALISATION}.")
        js = jury.require(noms)
        shares, public = _public_scores(t)
        combined = {m: w * public[m] + (1 - w) * js[m] for m in noms}
        order, ties = order_by_score(combined, "samlet skår")
        counts = t.counts
        lines = tuple(
            ScoreLine(m, counts[m], shares[m], public[m], js[m], combined[m]) for m in noms
        )
        blend_steps = (
            f"Samlet skår = {float(w):.3f} × folkeskår + {float(1 - w):.3f} × juryskår.",
            f"Likt brytes etter {TIE_RULE}.",
        )
        return Decision(
            used, order[0], order, None, Trace(lines, ties, blend_steps), tuple(assumptions)
        )
    raise BosettingError("not a decision rule", field="rule", value=rule)


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
            raise BosettingError(
                "steps is a whole number of at least 1", field="steps", value=steps
            )
        ws: Sequence[float] = _default_weights(steps)
    else:
        ws = sorted(weights)
    if not ws:
        raise BosettingError("give at least one weight", field="weights", value=[])
    fr = [_fraction(w, "weights") for w in ws]
    noms = _nominees(tally, jury)
    js = jury.require(noms)
    _, public = _public_scores(tally)
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
