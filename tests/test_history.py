from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import bosetting as bs
from bosetting import data, frames
from bosetting.data import resolve
from bosetting.errors import EditionNotFound
from bosetting.history import conflicts, edition, editions, record, winners
from bosetting.model import (
    Edition,
    EditionStatus,
    JuryOnly,
    NomineesKnown,
    Outcome,
    TopKThenJury,
    WeightedBlend,
    converter,
)
from bosetting.register import municipality, register_year
from tests.helpers import through

HISTORY_TABLES = ("editions", "nominations", "initiatives", "conflicts")


@pytest.mark.parametrize("name", HISTORY_TABLES)
def test_every_row_cites_an_existing_source(name: str) -> None:
    fields = [f["name"] for f in data.resource(name)["schema"]["fields"]]
    cite = [f for f in fields if f.startswith("source_ids")]
    assert cite
    for number, row in enumerate(data.read_rows(name), start=1):
        for f in cite:
            assert data.split_ids(row[f]), (name, number, f)
            resolve(data.split_ids(row[f]), file=name, row=number, field=f)


def _keys(name: str, fields: list[str]) -> set[tuple[object, ...]]:
    return {tuple(r[f] for f in fields) for r in data.read_rows(name)}


@pytest.mark.parametrize("name", HISTORY_TABLES)
def test_declared_foreign_keys_hold(name: str) -> None:
    schema = data.resource(name)["schema"]
    assert schema["missingValues"] == [""]
    assert schema["primaryKey"]
    for fk in schema["foreignKeys"]:
        local = fk["fields"] if isinstance(fk["fields"], list) else [fk["fields"]]
        ref = fk["reference"]
        remote = ref["fields"] if isinstance(ref["fields"], list) else [ref["fields"]]
        targets = _keys(ref["resource"], remote)
        for number, row in enumerate(data.read_rows(name), start=1):
            if len(local) == 1 and local[0].startswith("source_ids"):
                values = [(v,) for v in data.split_ids(row[local[0]])]
            else:
                values = [tuple(row[f] for f in local)]
            for v in values:
                assert v in targets, (name, number, local, v)


def test_nominations_reference_editions_and_initiatives_nominations() -> None:
    labels = _keys("editions", ["edition"])
    assert _keys("nominations", ["edition"]) <= labels
    assert _keys("initiatives", ["edition", "code"]) <= _keys("nominations", ["edition", "code"])


def test_awarded_editions_have_one_winner_among_known_nominees() -> None:
    for e in editions():
        winners_ = [n for n in e.nominations if n.outcome is Outcome.WINNER]
        if e.status is EditionStatus.AWARDED:
            assert len(winners_) == 1, e.label
            assert e.winner in e.nominees
        else:
            assert winners_ == [], e.label
        if e.nominees_known in (NomineesKnown.COMPLETE, NomineesKnown.PARTIAL):
            assert len(e.nominations) > 1, e.label


def test_every_code_was_valid_in_its_reference_year() -> None:
    # An edition newer than the register is checked against the register's last year.
    years = {r["edition"]: r["reference_year"] for r in data.read_rows("editions")}
    for row in data.read_rows("nominations"):
        m = municipality(row["code"], register_year(years[row["edition"]]))
        assert m.valid_in(years[row["edition"]])
    for e in editions():
        for n in e.nominations:
            assert n.municipality.valid_in(e.reference_year)


def test_known_facts() -> None:
    assert edition(2022).winner is not None
    assert edition(2022).winner.name == "Kinn"
    assert edition(2018).award_date == date(2019, 2, 13)
    expected = ["Asker", "Drammen", "Harstad", "Lillestrøm", "Lørenskog", "Sandefjord"]
    nominees = edition(2021).nominees
    assert len(nominees) == len(expected)
    for name in expected:  # Harstad's official name is "Harstad - Hárstták"
        assert sum(m.matches(name) for m in nominees) == 1, name


def test_bodo_record_five_nominations_no_win() -> None:
    found = through(record("Bodø"))
    assert len(found) == 5
    assert all(n.outcome is not Outcome.WINNER for n in found)


def test_record_across_mergers() -> None:
    assert [(n.edition, n.municipality.name) for n in record("Lillestrøm")] == [
        ("2015", "Skedsmo"),
        ("2021", "Lillestrøm"),
    ]
    kinn = record("Kinn")
    flora_nominated = any(n.municipality.name == "Flora" for e in editions() for n in e.nominations)
    assert all(n.edition >= "2020" for n in kinn) or flora_nominated
    assert [n.edition for n in record(bs.municipality("Kristiansand"))] == ["2010", "2023"]
    assert [n.edition for n in record("Skedsmo")] == ["2015"]


def test_winners_in_order() -> None:
    names = [a.municipality.name for a in winners()]
    assert names[0] == "Vadsø"
    assert names[: names.index("Tønsberg") + 1] == [
        "Vadsø",
        "Levanger",
        "Kristiansand",
        "Kragerø",
        "Molde",
        "Hammerfest",
        "Drammen",
        "Grimstad",
        "Trondheim",
        "Bærum",
        "Sunndal",
        "Lørenskog",
        "Kinn",
        "Tønsberg",
    ]
    assert [(a.edition, a.municipality.name) for a in winners()][13:15] == [
        ("2023", "Tønsberg"),
        ("2025", "Moss"),
    ]
    # the last award is the newest edition with a known winner, whatever the data holds
    assert winners()[-1] == bs.latest(with_winner=True).award


def test_latest_is_the_newest_edition_on_record() -> None:
    assert bs.latest() is editions()[-1]
    assert bs.latest().year == max(e.year for e in editions())
    won = bs.latest(with_winner=True)
    assert won.winner is not None
    assert all(e.winner is None for e in editions() if e.year > won.year)


def test_latest_with_winner_skips_editions_without_one(monkeypatch: pytest.MonkeyPatch) -> None:
    from bosetting.history import _editions

    known, unknown = edition(2023), edition(2024)  # Tønsberg won 2023; 2024's outcome is unknown
    monkeypatch.setattr(_editions, "editions", lambda: (known, unknown))
    assert _editions.latest() is unknown
    assert _editions.latest(with_winner=True) is known
    monkeypatch.setattr(_editions, "editions", lambda: (unknown,))
    with pytest.raises(EditionNotFound, match="2024"):
        _editions.latest(with_winner=True)


def test_2024_has_no_known_outcome() -> None:
    # Only IMDi's plan of June 2024 is on record; the award time is long past.
    e = edition(2024)
    assert e.status is EditionStatus.UNKNOWN
    assert e.winner is None
    assert e.nominees_known is NomineesKnown.NONE


def test_edition_by_label_or_year() -> None:
    assert edition(2020) is edition("2019/2020")
    assert edition("2020") is edition("2019/2020")
    assert [e.year for e in editions()] == sorted(e.year for e in editions())


def test_2017_has_no_edition() -> None:
    with pytest.raises(EditionNotFound) as info:
        edition(2017)
    text = str(info.value)
    assert "det finnes ingen utdeling for arbeidsåret 2017" in text
    assert "26. april 2017" in text
    assert "13. februar 2019" in text


@pytest.mark.parametrize("bad", ["2016/2017", "x", 1999, 2031])
def test_unknown_label_names_known_labels(bad: str | int) -> None:
    with pytest.raises(EditionNotFound, match="2019/2020") as info:
        edition(bad)
    assert (f"«{bad}»" if isinstance(bad, str) else repr(bad)) in str(info.value)


def test_rules_by_era() -> None:
    rules = {e.label: e.rule for e in editions()}
    assert rules["2016"] == JuryOnly()
    assert rules["2018"] == TopKThenJury(3)
    assert rules["2019/2020"] == TopKThenJury(3)
    assert rules["2021"] == WeightedBlend(None)


def test_initiatives_attached() -> None:
    kinn = edition(2022).nominations[0]
    assert kinn.outcome is Outcome.WINNER
    assert "REKSAM" in {i.name for i in kinn.initiatives}
    total = sum(len(n.initiatives) for e in editions() for n in e.nominations)
    assert total == len(data.read_rows("initiatives"))


def test_current_municipality() -> None:
    skedsmo = next(n for n in edition(2015).nominations if n.name_as_written == "Skedsmo")
    assert skedsmo.current is not None
    assert skedsmo.current.name == "Lillestrøm"


def test_conflicts_cover_both_sides() -> None:
    assert len(conflicts()) == len(data.read_rows("conflicts"))
    ids = {c.id for c in conflicts(2018)}
    assert {"C1", "C6"} <= ids
    for c in conflicts():
        assert c.sources_a
        assert c.sources_b


@pytest.mark.parametrize("label", [e.label for e in editions()])
def test_cattrs_round_trip_of_real_editions(label: str) -> None:
    e = edition(label)
    assert converter.structure(converter.unstructure(e), Edition) == e


def test_cite() -> None:
    text = bs.cite()
    assert "bosetting" in text
    assert bs.__version__ in text
    assert "example.invalid" not in text
    assert "https://www.imdi.no/" in text


def test_frames_dtypes() -> None:
    noms = frames.nominations()
    assert str(noms["code"].dtype) == "string"
    assert str(noms["current_code"].dtype) == "string"
    assert noms["edition"].cat.ordered
    assert noms["edition"].cat.categories.tolist() == [e.label for e in editions()]
    assert noms["outcome"].cat.ordered
    assert noms["outcome"].cat.categories[0] == "winner"
    eds = frames.editions()
    assert str(eds["work_year"].dtype) == "Int64"
    assert eds["work_year"].isna().any()
    assert eds["decision_rule"].cat.ordered
    assert len(frames.initiatives()) == len(data.read_rows("initiatives"))
    assert str(frames.conflicts()["conflict_id"].dtype) == "string"
    assert noms.loc[noms["code"] == "0301", "code"].iloc[0] == "0301"


ROOT = Path(__file__).resolve().parents[1]


def test_citation_cff_matches_package() -> None:
    text = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "cff-version: 1.2.0"
    for key in ("message:", "title:", "authors:", "type: software"):
        assert any(line.startswith(key) for line in lines), key
    assert f'version: "{bs.__version__}"' in lines
    assert text == bs.cite("cff")  # the file is the package's own CFF output


@pytest.mark.parametrize("name", data.resource_names())
def test_changelog_describes_every_table(name: str) -> None:
    # The row counts are the data dictionary's (generated); a count written here would go stale
    # with the next edition added.
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"| `{data.resource(name)['path']}` | " in text


def test_handover_is_read_with_its_own_sources() -> None:
    import bosetting as bs

    e2012 = bs.edition(2012)
    assert e2012.presented_by is not None
    assert "Ghanizadeh" in e2012.presented_by.nb
    assert e2012.received_by is not None
    assert "Torgeir Dahl" in e2012.received_by.nb
    e2018 = bs.edition(2018)
    assert e2018.presented_by is not None
    assert "Sanner" in e2018.presented_by.nb
    assert e2018.handover_sources
    unknown = bs.edition("2019/2020")
    assert (unknown.presented_by, unknown.received_by, unknown.handover_sources) == (None, None, ())
