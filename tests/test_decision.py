from __future__ import annotations

import itertools
import random
from fractions import Fraction

import matplotlib
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import bosetting as bs
from bosetting.decision import Decision, decide, sensitivity
from bosetting.errors import BosettingError, DecisionError, JurySheetError
from bosetting.i18n import language
from bosetting.jury import JuryAssessment
from bosetting.model import DecisionRule, JuryOnly, Municipality, TopKThenJury, WeightedBlend
from bosetting.voting import Ballot, Tally, tally
from tests.helpers import BODO, HAUG, KINN, OSLO
from tests.strategies import applicable_rules, vote_and_jury
from tests.strategies import contests as scored_contests

NOMS = [KINN, BODO, OSLO, HAUG]


def votes(counts: dict[Municipality, int]) -> Tally:
    return tally([m.code for m, n in counts.items() for _ in range(n)], list(counts))


T = votes({KINN: 10, BODO: 6, OSLO: 6, HAUG: 1})
JURY = JuryAssessment.from_scores({KINN: 2, BODO: 5, OSLO: 4, HAUG: 6})


def test_jury_only() -> None:
    d = decide(JuryOnly(), T, JURY)
    assert d.ranking == (HAUG, BODO, OSLO, KINN)
    assert d.winner == HAUG
    assert d.finalists is None
    assert decide(JuryOnly(), None, JURY).winner == HAUG


def test_top_k_then_jury_records_boundary_tie() -> None:
    d = decide(TopKThenJury(2), T, JURY)
    assert d.finalists == (KINN, OSLO)  # Oslo and Bodø tie on 6; 0301 before 1804
    assert d.winner == OSLO
    assert d.ranking == (OSLO, KINN, BODO, HAUG)
    [tie] = [t for t in d.trace.ties if t.stage == "finalists"]
    assert tie.members == (OSLO, BODO)
    assert "kommunenummer" in d.explain_nb()


def test_top_k_needs_jury_only_for_finalists() -> None:
    jury = JuryAssessment.from_scores({KINN: 2, OSLO: 4})
    assert decide(TopKThenJury(2), T, jury).winner == OSLO
    with pytest.raises(JurySheetError, match="Bodø"):
        decide(TopKThenJury(3), T, jury)


def test_blend_needs_an_explicit_weight() -> None:
    with pytest.raises(BosettingError, match="IMDi has not published") as info:
        decide(WeightedBlend(), T, JURY)
    assert info.value.field == "public_weight"
    with pytest.raises(BosettingError, match="between 0 and 1"):
        decide(WeightedBlend(), T, JURY, public_weight=1.5)
    with pytest.raises(BosettingError, match="only applies"):
        decide(JuryOnly(), T, JURY, public_weight=0.5)
    with pytest.raises(BosettingError, match="give a tally"):
        decide(TopKThenJury(), None, JURY)


def test_blend_weight_is_an_assumption_in_the_trace() -> None:
    d = decide(WeightedBlend(), T, JURY, public_weight=0.4)
    assert isinstance(d.rule, WeightedBlend)
    assert d.rule.public_weight == 0.4
    assert any("40.0%" in a and "IMDi" in a for a in d.assumptions)
    assert "Antakelse" in d.explain_nb()
    line = next(s for s in d.trace.scores if s.municipality == KINN)
    assert line.public_score == 1
    assert line.jury_score == Fraction(1, 5)
    assert line.combined == Fraction(2, 5) * 1 + Fraction(3, 5) * Fraction(1, 5)
    assert decide(WeightedBlend(0.4), T, JURY) == d  # the rule's own weight works too


def test_explain_is_bokmaal_and_names_winner() -> None:
    text = decide(WeightedBlend(), T, JURY, public_weight=0.5).explain_nb()
    assert text.splitlines()[1].startswith("Vinner: ")
    assert "stemmer" in text
    assert "jury" in text


def test_no_nominees() -> None:
    with pytest.raises(BosettingError, match="no nominees"):
        decide(JuryOnly(), Tally.empty([]), JuryAssessment.from_scores({}))


def test_exported_from_package() -> None:
    assert bs.decide is decide
    assert bs.Decision is Decision
    assert bs.sensitivity is sensitivity
    assert bs.tally is tally
    assert bs.Tally is Tally
    assert bs.JuryAssessment is JuryAssessment


# --- properties ------------------------------------------------------------------------------


def _jury_of(j: JuryAssessment) -> dict[Municipality, Fraction]:
    return {m: s for m in j.nominees if (s := j.raw_score(m)) is not None}


@given(vote_and_jury(), applicable_rules, st.data())
def test_higher_jury_score_never_hurts(
    c: tuple[Tally, JuryAssessment], rule: DecisionRule, data: st.DataObject
) -> None:
    t, jury = c
    x = data.draw(st.sampled_from(t.nominees))
    raw = _jury_of(jury)
    better = dict(raw)
    better[x] = data.draw(st.integers(int(raw[x]), 6))
    before = decide(rule, t, jury).ranking.index(x)
    after = decide(rule, t, JuryAssessment.from_scores(better)).ranking.index(x)
    assert after <= before


@given(vote_and_jury(), applicable_rules, st.data())
def test_one_more_vote_never_hurts_under_any_rule(
    c: tuple[Tally, JuryAssessment], rule: DecisionRule, data: st.DataObject
) -> None:
    t, jury = c
    x = data.draw(st.sampled_from(t.nominees))
    more = t + tally([Ballot(x.code)], t.nominees)
    assert decide(rule, more, jury).ranking.index(x) <= decide(rule, t, jury).ranking.index(x)


@given(vote_and_jury(), applicable_rules)
def test_decisions_are_deterministic_and_ties_reported(
    c: tuple[Tally, JuryAssessment], rule: DecisionRule
) -> None:
    t, jury = c
    d = decide(rule, t, jury)
    assert d == decide(rule, t, jury)
    assert sorted(d.ranking, key=lambda m: m.code) == sorted(t.nominees, key=lambda m: m.code)
    for tie in d.trace.ties:
        assert len(tie.members) >= 2
        assert list(tie.members) == sorted(tie.members, key=lambda m: m.code)


@given(vote_and_jury())
def test_weight_zero_is_jury_only_and_unanimity(c: tuple[Tally, JuryAssessment]) -> None:
    t, jury = c
    assert decide(WeightedBlend(0.0), t, jury).ranking == decide(JuryOnly(), t, jury).ranking
    by_votes = decide(WeightedBlend(1.0), t, jury).ranking
    counts = t.counts
    assert [counts[m] for m in by_votes] == sorted(counts.values(), reverse=True)
    jury_first = decide(JuryOnly(), t, jury).winner
    if t.ranking()[0] == jury_first:
        for w in (0.0, 0.3, 0.7, 1.0):
            assert decide(WeightedBlend(w), t, jury).winner == jury_first


@given(vote_and_jury(), st.integers(2, 5), applicable_rules)
def test_scaling_all_votes_leaves_decision_unchanged(
    c: tuple[Tally, JuryAssessment], k: int, rule: DecisionRule
) -> None:
    t, jury = c
    scaled = votes({m: n * k for m, n in t.counts.items()})
    assert decide(rule, scaled, jury).ranking == decide(rule, t, jury).ranking


@settings(max_examples=50, deadline=None)
@given(vote_and_jury(), st.lists(st.fractions(0, 1, max_denominator=50), min_size=1, max_size=12))
def test_sensitivity_agrees_with_decide(
    c: tuple[Tally, JuryAssessment], ws: list[Fraction]
) -> None:
    t, jury = c
    assume(t.accepted > 0)  # (adapted: with no accepted ballot sensitivity now refuses)
    weights = [float(w) for w in ws]
    s = sensitivity(t, jury, weights)
    assert s.weights == tuple(sorted(weights))
    for w, winner in zip(s.weights, s.winners, strict=True):
        assert decide(WeightedBlend(w), t, jury).winner == winner
    for ch in s.changes:
        assert ch.before != ch.after
        if ch.crossover is not None:
            assert ch.before_weight <= ch.crossover <= ch.after_weight


def test_sensitivity_defaults_and_errors() -> None:
    s = sensitivity(T, JURY, steps=10)
    assert s.weights[0] == 0.0
    assert s.weights[-1] == 1.0
    assert len(s.weights) == 11
    assert s.winners[0] == HAUG
    assert s.winners[-1] == KINN
    assert "Vinneren avhenger" in s.describe_nb()
    with pytest.raises(BosettingError):
        sensitivity(T, JURY, [])
    with pytest.raises(BosettingError):
        sensitivity(T, JURY, steps=0)


def test_sensitivity_plot() -> None:
    matplotlib.use("Agg")
    with language("nb"):
        ax = bs.plot.sensitivity(sensitivity(T, JURY))
    assert len(ax.get_lines()) >= 4
    assert "antakelse" in ax.get_xlabel()


# --- issue 9: exact sensitivity -------------------------------------------------------------


def _covers_unit_interval(s: object) -> None:
    iv = s.intervals  # type: ignore[attr-defined]
    assert iv[0].start == 0
    assert iv[0].closed_start
    assert iv[-1].end == 1
    assert iv[-1].closed_end
    for a, b in itertools.pairwise(iv):
        assert a.end == b.start  # no gap
        assert a.closed_end != b.closed_start  # the shared end belongs to exactly one
        assert a.winner != b.winner
        assert a.start <= a.end
        if a.start == a.end:
            assert a.closed_start
            assert a.closed_end


def _decide_winner(t: Tally, jury: JuryAssessment, w: Fraction | float) -> Municipality:
    return decide(WeightedBlend(), t, jury, public_weight=w).winner


@settings(max_examples=40, deadline=None)
@given(scored_contests(), st.integers(0, 2**32))
def test_sensitivity_is_exact_and_agrees_with_decide(
    c: tuple[Tally, JuryAssessment], seed: int
) -> None:
    t, jury = c
    rnd = random.Random(seed)
    s = sensitivity(t, jury)
    _covers_unit_interval(s)
    for i in s.intervals:
        assert _decide_winner(t, jury, (i.start + i.end) / 2) == i.winner  # midpoint
    for ch in s.changes:
        assert _decide_winner(t, jury, ch.at) == s.winner_at(ch.at)  # breakpoint
        assert ch.at in next(i for i in s.intervals if ch.at in i)
        if ch.tie is not None:
            assert list(ch.tie.members) == sorted(ch.tie.members, key=lambda m: m.code)
            assert s.winner_at(ch.at) == ch.tie.members[0]
    for _ in range(1000):
        w = rnd.random()
        assert _decide_winner(t, jury, w) == s.winner_at(w)


@settings(max_examples=60, deadline=None)
@given(scored_contests(), st.integers(1, 300), st.integers(1, 300))
def test_sensitivity_does_not_depend_on_steps(
    c: tuple[Tally, JuryAssessment], a: int, b: int
) -> None:
    t, jury = c
    sa, sb = sensitivity(t, jury, steps=a), sensitivity(t, jury, steps=b)
    assert sa.intervals == sb.intervals
    assert sa.changes == sb.changes
    assert sa.describe_nb() == sb.describe_nb()
    assert len(sa.weights) == a + 1


def test_sensitivity_issue_example_has_no_gaps() -> None:
    # the issue's complaint: with 10 steps an interval vanished and the text disagreed with decide
    s10, s100 = sensitivity(T, JURY, steps=10), sensitivity(T, JURY)
    assert s10.intervals == s100.intervals
    _covers_unit_interval(s10)
    for w in (0.37, 0.386, 0.34, 0.35):
        assert s10.winner_at(w) == _decide_winner(T, JURY, w)


def test_sensitivity_refuses_rules_without_a_public_weight() -> None:
    for rule in (JuryOnly(), TopKThenJury(3)):
        with pytest.raises(DecisionError, match=type(rule).__name__) as info:
            sensitivity(T, JURY, rule=rule)
        assert info.value.field == "rule"
        s = sensitivity(T, JURY, rule=rule, hypothetical=True)
        assert s.hypothetical
        assert "Tenkt vekting" in s.describe_nb()
    assert not sensitivity(T, JURY, rule=WeightedBlend()).hypothetical
    assert sensitivity(T, JURY, rule=bs.edition(2022)).intervals == sensitivity(T, JURY).intervals
    with pytest.raises(DecisionError, match="TopKThenJury"):
        sensitivity(T, JURY, rule=bs.edition(2018))


def test_sensitivity_with_no_accepted_ballot_says_the_vote_is_undefined() -> None:
    empty = tally(["", "Atlantis"], NOMS)
    with pytest.raises(DecisionError, match="undefined") as info:
        sensitivity(empty, JURY)
    assert info.value.field == "tally"


def test_sensitivity_tie_at_a_breakpoint_is_recorded() -> None:
    # Kinn 3 votes, Bodø 1; jury Kinn 2, Bodø 6: equal at w = 6/11, Bodø (1804) first by code
    t = tally(["Kinn"] * 3 + ["Bodø"], [KINN, BODO])
    jury = JuryAssessment.from_scores({KINN: 2, BODO: 6})
    s = sensitivity(t, jury)
    [ch] = s.changes
    assert ch.at == Fraction(6, 11)
    assert ch.tie is not None
    assert ch.tie.members == (BODO, KINN)
    assert s.winner_at(Fraction(6, 11)) == BODO == _decide_winner(t, jury, Fraction(6, 11))
    assert [i.exact() for i in s.intervals] == ["0 ≤ w ≤ 6/11", "6/11 < w ≤ 1"]


def test_identical_lines_are_a_recorded_tie() -> None:
    t = tally(["Kinn", "Bodø"], [KINN, BODO])
    jury = JuryAssessment.from_scores({KINN: 4, BODO: 4})
    s = sensitivity(t, jury)
    [only] = s.intervals
    assert only.winner == BODO
    assert only.tie is not None
    assert only.tie.members == (BODO, KINN)


def test_sensitivity_plot_marks_exact_changes() -> None:
    matplotlib.use("Agg")
    s = sensitivity(T, JURY, steps=3)
    ax = bs.plot.sensitivity(s)
    marked = sorted(ln.get_xdata()[0] for ln in ax.get_lines() if ln.get_linestyle() == ":")
    assert marked == sorted(float(c.at) for c in s.changes)
    hyp = bs.plot.sensitivity(sensitivity(T, JURY, rule=TopKThenJury(), hypothetical=True))
    assert "hypothetical" in hyp.get_title()
