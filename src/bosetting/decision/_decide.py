"""Applying an era's decision rule to a tally and a jury assessment.

:func:`decide` dispatches on the rule's class (:func:`functools.singledispatch`;
one registered function per class in :data:`bosetting.model.RULES`):

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
"""

from __future__ import annotations

import functools

import attrs

from bosetting.decision._scores import (
    PUBLIC_NORMALISATION,
    fraction,
    need_tally,
    nominees,
    public_scores,
)
from bosetting.decision._trace import Decision, ScoreLine, Trace
from bosetting.errors import ArgumentError, DecisionError
from bosetting.i18n import N_, _, format_number, format_share
from bosetting.jury import JuryAssessment
from bosetting.model import (
    DecisionRule,
    JuryOnly,
    Municipality,
    TopKThenJury,
    WeightedBlend,
    checked,
)
from bosetting.voting import TIE_RULE, Tally, order_by_score

__all__ = ["Case", "apply", "decide"]


@checked
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
        DecisionError: a blend without a weight, a rule that needs a tally without
            one, or no nominees.
        ArgumentError: a weight outside [0, 1], or not a decision rule.
        JurySheetError: a nominee the rule needs has no jury score.
    """
    assumptions: list[str] = [_("Jury score: {how}.", how=_(JuryAssessment.AGGREGATION))]
    if jury.label:
        assumptions.append(
            _("The jury data are marked {label}; this is not a real jury.", label=jury.label)
        )
    for label in sorted(tally.labels) if tally is not None else ():
        assumptions.append(_("The votes are marked {label}; they are not real votes.", label=label))
    noms = nominees(tally, jury)
    return apply(rule, Case(tally, jury, public_weight, noms, assumptions))


@attrs.frozen
class Case:
    """What every rule is applied to: the vote, the jury, the weight, the nominees, assumptions."""

    tally: Tally | None
    jury: JuryAssessment
    public_weight: float | None
    nominees: tuple[Municipality, ...]
    assumptions: list[str]

    def parts(
        self,
    ) -> tuple[Tally | None, JuryAssessment, float | None, tuple[Municipality, ...], list[str]]:
        """The fields in order, for unpacking at the top of a rule's function."""
        return self.tally, self.jury, self.public_weight, self.nominees, self.assumptions


@functools.singledispatch
def apply(rule: object, case: Case) -> Decision:
    """Apply one rule; each rule class registers its own function below.

    Raises:
        ArgumentError: for an object that is not a decision rule.
    """
    raise ArgumentError(N_("not a decision rule"), field="rule", value=rule)


def _no_weight(public_weight: float | None) -> None:
    if public_weight is not None:
        raise DecisionError(
            N_("a public weight only applies to a weighted blend"),
            field="public_weight",
            value=public_weight,
        )


@apply.register
def _jury_only(rule: JuryOnly, case: Case) -> Decision:
    """Every nominee ranked by jury score."""
    tally, jury, public_weight, noms, assumptions = case.parts()
    _no_weight(public_weight)
    js = jury.require(noms)
    order, ties = order_by_score(js, N_("jury"))
    votes = tally.counts if tally is not None else {}
    lines = tuple(ScoreLine(m, votes.get(m), None, None, js[m], None) for m in noms)
    steps: tuple[str, ...] = (_("The jury ranks every nominee by jury score."),)
    return Decision(rule, order[0], order, None, Trace(lines, ties, steps), tuple(assumptions))


@apply.register
def _top_k(rule: TopKThenJury, case: Case) -> Decision:
    """The ``k`` with most votes are finalists ranked by the jury; the rest by votes."""
    tally, jury, public_weight, noms, assumptions = case.parts()
    _no_weight(public_weight)
    t = need_tally(tally, rule)
    fin = t.finalists(rule.k)
    js = jury.require(fin.municipalities)
    jury_order, jury_ties = order_by_score(js, N_("jury among the finalists"))
    counts = t.counts
    rest = {m: counts[m] for m in noms if m not in fin.municipalities}
    rest_order, rest_ties = order_by_score(rest, N_("votes outside the final"))
    ties = ((fin.tie,) if fin.tie else ()) + jury_ties + rest_ties
    shares = t.exact_shares
    lines = tuple(ScoreLine(m, counts[m], shares[m], None, js.get(m), None) for m in noms)
    topk_steps = (
        _(
            "The {k} with the most votes become finalists: {names}.",
            k=rule.k,
            names=", ".join(m.name for m in fin.municipalities),
        ),
        _("The jury ranks the finalists; the others follow by number of votes."),
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


@apply.register
def _blend(rule: WeightedBlend, case: Case) -> Decision:
    """``w · public + (1 − w) · jury`` with an explicit weight."""
    tally, jury, public_weight, noms, assumptions = case.parts()
    t = need_tally(tally, rule)
    if public_weight is None and rule.public_weight is None:
        raise DecisionError(
            N_(
                "IMDi has not published how much the public vote weighs; give the weight "
                "you assume (--public-weight W on the command line, public_weight=W in Python)"
            ),
            field="public_weight",
            value=None,
        )
    chosen = public_weight if public_weight is not None else rule.public_weight
    w = fraction(chosen, "public_weight")
    used = WeightedBlend(float(w))
    assumptions.append(
        _(
            "The public vote is assumed to count {public} and the jury {jury}; "
            "IMDi has not published the weighting.",
            public=format_share(float(w)),
            jury=format_share(float(1 - w)),
        )
    )
    assumptions.append(_("The public vote is normalised as {how}.", how=_(PUBLIC_NORMALISATION)))
    js = jury.require(noms)
    shares, public = public_scores(t)
    combined = {m: w * public[m] + (1 - w) * js[m] for m in noms}
    order, ties = order_by_score(combined, N_("combined score"))
    counts = t.counts
    lines = tuple(ScoreLine(m, counts[m], shares[m], public[m], js[m], combined[m]) for m in noms)
    blend_steps = (
        _(
            "Combined score = {w} × public score + {v} × jury score.",
            w=format_number(float(w), 3),
            v=format_number(float(1 - w), 3),
        ),
        _("Ties are broken by {rule}.", rule=_(TIE_RULE)),
    )
    return Decision(
        used, order[0], order, None, Trace(lines, ties, blend_steps), tuple(assumptions)
    )
