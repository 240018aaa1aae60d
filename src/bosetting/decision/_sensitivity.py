r"""How the winner of a weighted blend depends on the unpublished public weight, exactly.

Each nominee's blended score ``w · public + (1 − w) · jury`` is a straight line
in the public weight ``w``. The winner for every ``w`` in [0, 1] is the upper
envelope of those lines, with equal scores ordered by the tie rule
(:data:`~bosetting.voting.TIE_RULE`: kommunenummer ascending). The envelope
changes only where two lines cross, so :func:`sensitivity` computes every
crossing as an exact fraction and the winner at each crossing and on each open
stretch between them. The result is a list of intervals that covers [0, 1] with
no gaps and no overlaps (each shared end belongs to exactly one of the two),
and it does not depend on a step count: ``steps`` or ``weights`` only choose
the sample points a plot draws.

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
    >>> [i.describe_nb() for i in s.intervals]
    ['0\xa0% ≤ w ≤ 54,5\xa0%: Bodø (1804)', '54,5\xa0% < w ≤ 100\xa0%: Kinn (4602)']
    >>> [i.exact() for i in s.intervals]
    ['0 ≤ w ≤ 6/11', '6/11 < w ≤ 1']
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from bosetting.decision._scores import fraction, nominees, public_scores
from bosetting.errors import ArgumentError, DecisionError, LimitError
from bosetting.i18n import N_, _, language
from bosetting.jury import JuryAssessment
from bosetting.model import (
    PRACTICE_LABEL,
    DecisionRule,
    Edition,
    Municipality,
    WeightedBlend,
    checked,
    is_number,
    is_whole,
)
from bosetting.voting import Tally, Tie

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Change", "Interval", "Sensitivity", "sensitivity"]

_STAGE = N_("combined score")
#: The most sample steps :func:`sensitivity` takes (the intervals are exact whatever the steps).
MAX_STEPS = 100_000


def _weight(x: Fraction) -> str:
    """A public weight as the rule writes one (:meth:`~bosetting.model.WeightedBlend.weight_text`)."""
    return WeightedBlend().weight_text(float(x))


def _down(x: Fraction) -> float:
    f = float(x)
    return math.nextafter(f, -math.inf) if f > x else f


def _up(x: Fraction) -> float:
    f = float(x)
    return math.nextafter(f, math.inf) if f < x else f


@checked
@attrs.frozen
class Interval:
    """A stretch of public weights with one winner.

    Attributes:
        start: The lower end (exact).
        end: The upper end (exact); ``start == end`` for a single weight.
        winner: The winner for every weight in the stretch.
        closed_start: Whether ``start`` itself belongs to the stretch.
        closed_end: Whether ``end`` itself belongs to the stretch.
        tie: Nominees whose score equals the winner's all through the stretch (the same
            line), ordered by the tie rule; ``None`` if there are none.
    """

    start: Fraction
    end: Fraction
    winner: Municipality
    closed_start: bool = True
    closed_end: bool = True
    tie: Tie | None = None

    def __contains__(self, w: object) -> bool:
        if not (is_number(w) or isinstance(w, Fraction)):
            return False
        x = Fraction(w)
        above = x >= self.start if self.closed_start else x > self.start
        below = x <= self.end if self.closed_end else x < self.end
        return above and below

    def bounds(self) -> str:
        """The stretch as text, its ends as weights are written everywhere: ``0% ≤ w < 34.6%``."""
        return self._written(_weight)

    def exact(self) -> str:
        """The stretch with its exact ends as fractions: ``0 ≤ w < 9/26``."""
        return self._written(str)

    def _written(self, end: Callable[[Fraction], str]) -> str:
        if self.start == self.end:
            return f"w = {end(self.start)}"
        lo = "≤" if self.closed_start else "<"
        hi = "≤" if self.closed_end else "<"
        return f"{end(self.start)} {lo} w {hi} {end(self.end)}"

    def describe(self) -> str:
        """The stretch and its winner in one line, in the active language's number format."""
        return f"{self.bounds()}: {self.winner}"

    def describe_nb(self) -> str:
        """:meth:`describe` in bokmål, whatever the active language."""
        with language("nb"):
            return self.describe()


@checked
@attrs.frozen
class Change:
    """Where the winner changes.

    Attributes:
        at: The exact weight where the two winners meet (where their scores are equal,
            or an end of a single-weight stretch).
        before: The winner just below ``at``.
        after: The winner just above ``at``.
        tie: Every nominee with the highest score at ``at`` when several share it,
            ordered by the tie rule (the first wins at ``at``); ``None`` otherwise.
    """

    at: Fraction
    before: Municipality
    after: Municipality
    tie: Tie | None = None

    @property
    def crossover(self) -> Fraction:
        """The exact weight of the change (``at``)."""
        return self.at

    @property
    def before_weight(self) -> float:
        """``at`` as a float, rounded down."""
        return _down(self.at)

    @property
    def after_weight(self) -> float:
        """``at`` as a float, rounded up."""
        return _up(self.at)


@checked
@attrs.frozen
class Sensitivity:
    """The winner of a weighted blend for every public weight in [0, 1].

    Attributes:
        intervals: Stretches of weights with their winner, ascending, covering [0, 1]
            with no gaps and no overlaps.
        changes: Where the winner changes, with any tie there and how it was broken.
        weights: Sample weights (for a plot), ascending.
        winners: The winner at each sample weight.
        public: Each nominee's normalised public score.
        jury: Each nominee's jury score.
        hypothetical: Whether the edition's own rule has no public weight and the blend
            was asked for as a hypothetical.
        edition: The edition's label, when :func:`sensitivity` was given the edition.
        labels: The labels of the tally's ballots (``"ØVINGSDATA"`` marks practice data).
    """

    intervals: tuple[Interval, ...]
    changes: tuple[Change, ...]
    weights: tuple[float, ...]
    winners: tuple[Municipality, ...]
    public: dict[Municipality, Fraction] = attrs.field(eq=False)
    jury: dict[Municipality, Fraction] = attrs.field(eq=False)
    hypothetical: bool = False
    edition: str | None = None
    labels: frozenset[str] = frozenset()

    @property
    def is_practice(self) -> bool:
        """Whether the ballots are practice data (labelled ``ØVINGSDATA``)."""
        return PRACTICE_LABEL in self.labels

    def to_frame(self) -> pd.DataFrame:
        """One row per stretch of weights with one winner, ascending, covering [0, 1].

        Columns: ``start`` and ``end`` (``float64``, rounded outwards from the exact
        ends), ``start_exact`` and ``end_exact`` (the exact fractions as text, such
        as ``"6/11"``), ``closed_start`` and ``closed_end`` (whether the end belongs
        to the stretch), the winner's ``code``, ``name`` and ``county``, and
        ``tied_with`` (the kommunenummer of nominees with the same score all through
        the stretch, ``;``-separated; empty if none).

        Examples:
            >>> from bosetting.model import Municipality
            >>> from bosetting.voting import tally
            >>> from bosetting.jury import JuryAssessment
            >>> kinn = Municipality("4602", "Kinn", "Vestland", 2020)
            >>> bodo = Municipality("1804", "Bodø", "Nordland", 1977)
            >>> s = sensitivity(tally(["Kinn"] * 3 + ["Bodø"], [kinn, bodo]), JuryAssessment.from_scores({kinn: 2, bodo: 6}))
            >>> s.to_frame()[["start_exact", "end_exact", "closed_end", "name"]].values.tolist()
            [['0', '6/11', True, 'Bodø'], ['6/11', '1', True, 'Kinn']]
        """
        import pandas as pd

        rows = self.intervals

        def text(values: Iterable[object]) -> pd.Series:
            return pd.Series([str(v) for v in values], dtype="string")

        return pd.DataFrame(
            {
                "start": pd.Series([_down(i.start) for i in rows], dtype="float64"),
                "end": pd.Series([_up(i.end) for i in rows], dtype="float64"),
                "start_exact": text(i.start for i in rows),
                "end_exact": text(i.end for i in rows),
                "closed_start": pd.Series([i.closed_start for i in rows], dtype="bool"),
                "closed_end": pd.Series([i.closed_end for i in rows], dtype="bool"),
                "code": text(i.winner.code for i in rows),
                "name": text(i.winner.name for i in rows),
                "county": text(i.winner.county for i in rows),
                "tied_with": text(
                    ";".join(m.code for m in i.tie.members if m != i.winner) if i.tie else ""
                    for i in rows
                ),
            }
        )

    def winner_at(self, weight: float | Fraction) -> Municipality:
        """The winner at one weight (read as :func:`~bosetting.decision.decide` reads it)."""
        w = fraction(weight, "weight")
        return next(i.winner for i in self.intervals if w in i)

    def describe(self) -> str:
        """The result in the active language."""
        lead = _("Hypothetical weighting (the edition’s rule gives the public vote no weight). ")
        lead = lead if self.hypothetical else ""
        if not self.changes:
            return lead + _(
                "{winner} wins at every weight from {low} to {high}.",
                winner=self.intervals[0].winner,
                low=_weight(Fraction(0)),
                high=_weight(Fraction(1)),
            )
        parts = []
        for c in self.changes:
            text = _(
                "at {at} ({exact}) the win passes from {before} to {after}",
                at=_weight(c.at),
                exact=c.at,
                before=c.before,
                after=c.after,
            )
            if c.tie is not None:
                text += _(" (tied there, broken by {rule})", rule=_(c.tie.broken_by))
            parts.append(text)
        return lead + _("The winner depends on the weighting: {parts}.", parts="; ".join(parts))

    def describe_nb(self) -> str:
        """:meth:`describe` in bokmål, whatever the active language."""
        with language("nb"):
            return self.describe()


def _key(m: Municipality) -> tuple[str, str, int]:
    return (m.code, m.name, m.valid_from)


@checked
def sensitivity(
    tally: Tally,
    jury: JuryAssessment,
    weights: Iterable[float] | None = None,
    *,
    steps: int = 100,
    rule: DecisionRule | Edition | None = None,
    hypothetical: bool = False,
) -> Sensitivity:
    """The blend's winner for every public weight in [0, 1], exactly (see the module docstring).

    Args:
        tally: The public vote (at least one accepted ballot).
        jury: The jury's assessment (every nominee must be scored).
        weights: Sample weights in [0, 1] for a plot; default ``0, 1/steps, ..., 1``.
        steps: The number of sample intervals when ``weights`` is not given. It changes
            only the samples, never the intervals.
        rule: The edition's rule, or the edition (then the result carries its label).
            A rule without a public weight
            (jury only; top ``k`` by vote, then jury) is refused unless ``hypothetical``.
        hypothetical: Ask for the blend even where the edition's rule has no public weight.

    Returns:
        The intervals, changes and samples; ``winner_at(w)`` equals
        ``decide(WeightedBlend(), tally, jury, public_weight=w).winner`` for every ``w``.

    Raises:
        DecisionError: the rule has no public weight (and ``hypothetical`` is false), or no
            ballot was accepted, so the public side of the blend is undefined.
        ArgumentError: a weight outside [0, 1], no weights, or ``steps`` below 1.
        JurySheetError: a nominee has no jury score.
    """
    label = None
    if isinstance(rule, Edition):
        label, rule = rule.label, rule.rule
    is_other = rule is not None and not rule.weighs_public_vote
    if is_other and not hypothetical:
        assert rule is not None
        raise DecisionError(
            N_(
                "the edition’s rule ({rule}) gives the public vote no weight, so there is "
                "nothing to vary; ask for a hypothetical blend explicitly (--hypothetical on "
                "the command line, hypothetical=True in Python)"
            ),
            rule=rule.describe(),
            field="rule",
            value=rule,
        )
    if weights is None:
        if not is_whole(steps) or steps < 1:
            raise ArgumentError(
                N_("steps is a whole number of at least 1"), field="steps", value=steps
            )
        if steps > MAX_STEPS:
            raise LimitError(
                N_("at most {limit} steps (the intervals are exact whatever the steps)"),
                limit=MAX_STEPS,
                field="steps",
                value=steps,
            )
        ws: Sequence[float] = tuple(i / steps for i in range(steps + 1))
    else:
        ws = sorted(weights)
    if not ws:
        raise ArgumentError(N_("give at least one weight"), field="weights", value=[])
    samples = [fraction(w, "weights") for w in ws]
    noms = nominees(tally, jury)
    js = jury.require(noms)
    if tally.accepted == 0:
        raise DecisionError(
            N_(
                "no ballot was accepted, so the public side of the blend is undefined (0 against "
                "0 is no tie to break); there is no sensitivity to the weight to show"
            ),
            field="tally",
            value=tally.total,
        )
    _, public = public_scores(tally)
    intervals, changes = _envelope(noms, public, js)
    sampled = tuple(float(w) for w in ws)
    result = Sensitivity(
        intervals, changes, sampled, (), public, js, is_other, label, frozenset(tally.labels)
    )
    winners = tuple(result.winner_at(w) for w in samples)
    return attrs.evolve(result, winners=winners)


def _envelope(
    noms: Sequence[Municipality],
    public: dict[Municipality, Fraction],
    js: dict[Municipality, Fraction],
) -> tuple[tuple[Interval, ...], tuple[Change, ...]]:
    order = sorted(noms, key=_key)
    slope = {m: public[m] - js[m] for m in order}

    def top(w: Fraction) -> tuple[Municipality, list[Municipality]]:
        scores = {m: js[m] + w * slope[m] for m in order}
        best = max(scores.values())
        tied = [m for m in order if scores[m] == best]  # in tie-rule order
        return tied[0], tied

    def after(tied: list[Municipality]) -> Municipality:
        # just above a weight, the steepest of the lines that are highest there wins
        steepest = max(slope[m] for m in tied)
        return next(m for m in tied if slope[m] == steepest)

    # Walk the upper envelope from 0 to 1: each line joins it at most once, so there are
    # at most 2n pieces, each found in O(n): the point w, then the open stretch after it.
    pieces: list[tuple[Fraction, Fraction, bool, Municipality, list[Municipality]]] = []
    w = Fraction(0)
    winner, tied = top(w)
    pieces.append((w, w, True, winner, tied))
    current = after(tied)
    while True:
        ahead = [
            (js[current] - js[m]) / (slope[m] - slope[current])
            for m in order
            if slope[m] > slope[current]
        ]
        nxt = min((x for x in ahead if x > w), default=Fraction(1))
        nxt = min(nxt, Fraction(1))
        pieces.append((w, nxt, False, current, []))
        winner, tied = top(nxt)
        pieces.append((nxt, nxt, True, winner, tied))
        if nxt == 1:
            break
        w, current = nxt, after(tied)
    intervals: list[Interval] = []
    changes: list[Change] = []
    for lo, hi, is_point, winner, tied in pieces:
        if intervals and intervals[-1].winner == winner:
            intervals[-1] = attrs.evolve(intervals[-1], end=hi, closed_end=is_point)
            continue
        if intervals:  # the winner changes at lo; the piece before ends open or closed there
            at_lo = tied if is_point else top(lo)[1]
            score = js[at_lo[0]] + lo * slope[at_lo[0]]
            tie = Tie(_STAGE, tuple(at_lo), f"{float(score):.4f}") if len(at_lo) > 1 else None
            changes.append(Change(lo, intervals[-1].winner, winner, tie))
        same = [m for m in order if slope[m] == slope[winner] and js[m] == js[winner]]
        line_tie = (
            Tie(_STAGE, tuple(same), N_("equal score all the way")) if len(same) > 1 else None
        )
        intervals.append(Interval(lo, hi, winner, is_point, is_point, line_tie))
    return tuple(intervals), tuple(changes)
