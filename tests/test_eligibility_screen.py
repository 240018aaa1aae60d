"""bs.screen: every municipality of an edition's year, the same verdicts as assess, ranked."""

from __future__ import annotations

import math

import pytest

import bosetting as bs
from bosetting.eligibility import Verdict
from bosetting.errors import ArgumentError, NoDataError


@pytest.fixture(scope="module")
def s2022() -> bs.eligibility.Screen:
    return bs.screen(bs.edition(2022))


def test_covers_every_municipality_of_the_year(s2022: bs.eligibility.Screen) -> None:
    assert len(s2022.rows) == 356
    assert {r.municipality for r in s2022.rows} == set(bs.municipalities(2022))
    nominees = {
        n.municipality for n in bs.edition(2022).nominations if n.outcome.value != "candidate"
    }
    assert nominees <= {r.municipality for r in s2022.nominees()}
    assert [r.municipality.name for r in s2022.rows if r.winner] == ["Kinn"]


def test_each_row_has_a_verdict_per_criterion_with_figures(s2022: bs.eligibility.Screen) -> None:
    ids = [c.id for c in s2022.criteria]
    assert ids
    for r in s2022.rows:
        assert [x.criterion.id for x in r.results] == ids


@pytest.mark.parametrize("edition", ["2019/2020", "2021", "2023"])
@pytest.mark.parametrize("name", ["Kinn", "Bodø", "Utsira", "Lørenskog"])
def test_same_verdicts_and_reasons_as_assess(edition: str, name: str) -> None:
    e = bs.edition(edition)
    s = bs.screen(e)
    m = bs.municipality(name, year=s.year)
    row = s.row(m)
    a = bs.assess(m, e)
    by_id = {r.criterion.id: r for r in a.results}
    for res in row.results:
        assert res.verdict == by_id[res.criterion.id].verdict
        assert res.reasons == by_id[res.criterion.id].reasons


def test_measurable_criteria_get_measured_verdicts() -> None:
    s = bs.screen("2021")
    verdicts = {r.results[-1].verdict for r in s.rows if r.results}
    assert Verdict.NOT_ASSESSABLE in verdicts
    assert verdicts <= {Verdict.MET, Verdict.NOT_MET, Verdict.NOT_ASSESSABLE}


def test_ranked_by_settled_against_request_unknown_last(s2022: bs.eligibility.Screen) -> None:
    keys = [(-r.settled_share if r.settled_share is not None else math.inf) for r in s2022.rows]
    assert keys == sorted(keys)
    assert [r.rank for r in s2022.rows] == list(range(1, 357))
    for r in s2022.rows:
        if r.settled_share is not None:
            assert r.settled is not None
            assert r.requested
            assert r.settled_share == r.settled / r.requested


def test_a_merged_winner_whose_predecessors_both_report_is_not_assessable(
    s2022: bs.eligibility.Screen,
) -> None:
    kinn = next(r for r in s2022.rows if r.winner)
    assert kinn.settled_share is None
    assert kinn.settled is None


def test_ranking_by_intro_and_bad_ranking() -> None:
    s = bs.screen("2016", by="intro")
    keys = [(-r.intro_share if r.intro_share is not None else math.inf) for r in s.rows]
    assert keys == sorted(keys)
    assert s.rows[0].intro_share is not None
    with pytest.raises(ArgumentError):
        bs.screen("2021", by="votes")


def test_ranking_by_intro_without_any_intro_share_is_refused() -> None:
    # The shipped municipal figures end with status year 2014; 2021 looks at 2016–2020.
    with pytest.raises(NoDataError, match="ingen kommune har en introandel for 2021") as e:
        bs.screen("2021", by="intro")
    assert "«bosetting update»" in str(e.value)
    s = bs.screen("2021")
    assert s.provenance is not None
    assert not s.provenance.refreshed
    assert len(s.coverage) == 1
    assert "statusårene 2016–2020" in s.coverage[0]


def test_a_row_is_assessed_when_its_results_are_first_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bosetting.cli._render import render_screen
    from bosetting.eligibility import _screen

    made: list[str] = []
    real = _screen.assess_with  # type: ignore[attr-defined]

    def counted(m: bs.Municipality, *rest: object) -> bs.eligibility.Assessment:
        made.append(m.code)
        return real(m, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(_screen, "assess_with", counted)
    s = bs.screen("2022")
    assert made == []
    render_screen(s, top=10)
    shown = {r.municipality.code for r in s.rows[:10]} | {r.municipality.code for r in s.nominees()}
    assert sorted(made) == sorted(shown)  # each shown row once, no other
    s.rows[0].results  # noqa: B018 (read again: kept, not assessed again)
    assert len(made) == len(shown)


def test_a_row_keeps_the_language_and_figures_it_was_made_with() -> None:
    with bs.i18n.language("nb"):
        s = bs.screen("2022", source="shipped")
    row = s.row(bs.municipality("Kinn", year=s.year))
    with bs.i18n.language("en"), bs.data.using("shipped"):
        reasons = row.results[0].reasons
        english = bs.assess(row.municipality, "2022").results
    with bs.i18n.language("nb"):
        bokmal = {r.criterion.id: r for r in bs.assess(row.municipality, "2022").results}
    assert reasons == bokmal[row.results[0].criterion.id].reasons
    assert (
        reasons != next(r for r in english if r.criterion.id == row.results[0].criterion.id).reasons
    )


def test_an_unread_row_compares_prints_and_pickles_as_a_read_one() -> None:
    import pickle

    a, b = bs.screen("2021").rows[3], bs.screen("2021").rows[3]
    assert a == b
    assert hash(a) == hash(b)
    c = bs.screen("2021").rows[3]
    assert "results=(CriterionResult(" in repr(c)
    d = pickle.loads(pickle.dumps(bs.screen("2021").rows[3]))
    assert d == a
    assert d.results == a.results
