"""The scores a rule works with: the weight as an exact fraction, the public score, nominees."""

from __future__ import annotations

from fractions import Fraction

from bosetting.errors import DecisionError
from bosetting.i18n import N_
from bosetting.jury import JuryAssessment
from bosetting.model import DecisionRule, Municipality, number_argument
from bosetting.voting import Tally

__all__ = ["PUBLIC_NORMALISATION", "fraction", "need_tally", "nominees", "public_scores"]

#: How the public vote is put on [0, 1] in a weighted blend.
PUBLIC_NORMALISATION = N_("vote share divided by the highest vote share (the leader gets 1)")


_WEIGHT = N_("the public weight is a number between 0 and 1")


def fraction(weight: object, field: str) -> Fraction:
    """The weight as an exact fraction (a float as the decimal it prints as); NaN, ±inf, text refused."""
    number_argument(weight, field, low=0, high=1, words=_WEIGHT)
    return Fraction(str(weight)) if isinstance(weight, float) else Fraction(weight)  # type: ignore[call-overload]


def public_scores(t: Tally) -> tuple[dict[Municipality, Fraction], dict[Municipality, Fraction]]:
    shares = t.exact_shares
    top = max(shares.values(), default=Fraction(0))
    public = {m: (s / top if top else Fraction(0)) for m, s in shares.items()}
    return shares, public


def nominees(t: Tally | None, jury: JuryAssessment) -> tuple[Municipality, ...]:
    noms = t.nominees if t is not None else jury.nominees
    if not noms:
        raise DecisionError(N_("there are no nominees to decide among"), field="nominees")
    return noms


def need_tally(t: Tally | None, rule: DecisionRule) -> Tally:
    if t is None:
        raise DecisionError(
            N_("this rule uses the public vote; give a tally"),
            field="tally",
            value=rule,
        )
    return t
