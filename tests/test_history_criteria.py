"""Each era's criteria as data, and assess() with one honest result per criterion."""

from __future__ import annotations

import attrs
import pytest

import bosetting as bs
from bosetting.eligibility import Verdict, assess
from bosetting.history import all_criteria, criteria_for
from bosetting.model import CriterionKind, FigureStatus
from bosetting.ssb import read_ssb_10824
from tests.test_ssb import JSON


def test_every_edition_has_its_era_wired() -> None:
    for e in bs.editions():
        assert e.criteria == criteria_for(e.label)
    assert len(bs.edition(2021).criteria) == 5


def test_criteria_are_sourced_and_ranged() -> None:
    for c in all_criteria():
        assert c.sources
        assert c.text.nb
        assert c.text.en
        assert c.first_edition
        if c.kind is CriterionKind.MEASURABLE:
            assert c.threshold is not None
            assert c.measure


def test_2021_intro_criterion() -> None:
    [c] = [c for c in criteria_for("2021") if c.kind is CriterionKind.MEASURABLE]
    assert (c.measure, c.threshold) == ("intro_share_over_time", 0.5)


@pytest.mark.parametrize("edition", ["2015", "2019/2020", "2021", "2023"])
def test_assess_nominees_of_an_edition(edition: str) -> None:
    e = bs.edition(edition)
    nominees = e.nominees[:3]
    assert len(nominees) == 3
    for m in nominees:
        a = assess(m, e)
        assert [r.criterion for r in a.results] == list(e.criteria)
        for r in a.results:
            assert r.reasons
            assert r.sources
            if r.criterion.kind is CriterionKind.JUDGEMENT:
                assert r.verdict is Verdict.NEEDS_JUDGEMENT
        assert str(a).startswith(m.name)


def test_settlement_criterion_has_figures_and_rule() -> None:
    a = assess("Sunndal", "2019/2020")
    r = a.result("2019-anmodning")
    assert r.verdict in (Verdict.MET, Verdict.NOT_MET)
    assert any("bosatt av anmodet" in f.label for f in r.figures)
    assert any("bosettings tolkning" in reason for reason in r.reasons)
    assert any(s.id == "imdi-bosatt-anmodede-2023" for s in r.sources)


def test_partial_settlement_year_is_not_assessable() -> None:
    r = assess("Kristiansand", "2024").result("2023-anmodning")
    assert r.verdict is Verdict.NOT_ASSESSABLE


def _as_if(reference_year: int) -> bs.Edition:
    """The 2021 criteria applied as if the edition's reference year were earlier."""
    return attrs.evolve(bs.edition("2021"), reference_year=reference_year, work_year=None)


def test_intro_criterion_met_with_figures() -> None:
    r = assess("Kristiansand", _as_if(2015)).result("2021-over-50")
    assert r.verdict is Verdict.MET
    shares = [f.value for f in r.figures if "andel" in f.label]
    assert shares == [0.62, 0.66, 0.69]
    assert any(f.label.startswith("vektet snitt") for f in r.figures)


def test_only_suppressed_outcomes_are_not_assessable() -> None:
    rows = bs.intro_outcomes("Tynset", sex="all")
    assert rows
    assert all(o.share_status is FigureStatus.SUPPRESSED for o in rows)
    r = assess("Tynset", _as_if(2015)).result("2021-over-50")
    assert r.verdict is Verdict.NOT_ASSESSABLE
    assert any("ikke «ikke oppfylt»" in x or "ikke det samme" in x for x in r.reasons)


def test_no_recent_figures_is_not_assessable() -> None:
    r = assess("Asker", "2021").result("2021-over-50")
    assert r.verdict is Verdict.NOT_ASSESSABLE
    assert any("bosetting update" in x for x in r.reasons)


def test_assess_with_records_from_ssb() -> None:
    records = read_ssb_10824(JSON)
    r = assess("Kristiansand", _as_if(2015), outcomes=records).result("2021-over-50")
    assert r.verdict is Verdict.MET
    assert any(s.id == "ssb-10824" for s in r.sources)


def test_not_met_below_threshold() -> None:
    low = [
        attrs.evolve(o, share=0.4, in_work_or_education=int(o.former_participants * 0.4))
        for o in bs.intro_outcomes("Kristiansand", sex="all")
        if o.area_code == "1001" and o.former_participants is not None
    ]
    r = assess("Kristiansand", _as_if(2015), outcomes=low).result("2021-over-50")
    assert r.verdict is Verdict.NOT_MET


def test_unknown_edition() -> None:
    with pytest.raises(bs.EditionNotFound):
        assess("Kinn", "2017")


def test_no_criteria_edition() -> None:
    a = assess("Vadsø", "2008")
    assert a.results == ()
    assert "Ingen kriterier" in str(a)


def test_criterion_ids_start_with_their_first_edition_year() -> None:
    """datapackage.json: the id is the first edition's year and a short name."""
    from bosetting import data

    rows = data.read_rows("criteria")
    wrong = [
        r["criterion_id"] for r in rows if r["criterion_id"][:4] != str(r["first_edition"])[:4]
    ]
    assert wrong == []
