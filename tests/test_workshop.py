"""The workshop kit: a group's jury, the room's view, the notebooks' checks (bosetting.workshop)."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import matplotlib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bosetting as bs
from bosetting import workshop as ws
from bosetting.errors import ArgumentError, JurySheetError
from bosetting.model import WeightedBlend
from tests.helpers import run
from tests.ssb_server import SSBServer
from tests.strategies import group_sheets

matplotlib.use("Agg")

E = ws.exercise_edition()
VOTE = ws.practice_vote(E, seed=3)

FOUR = {
    "Anne": "Tønsberg 6\nHarstad 4\nMolde 5\nNordre Follo 2\nKristiansand 4\nUllensvang 3",
    "Bilal": {
        "Tønsberg": 5,
        "Harstad - Hárstták": 5,
        "molde": "4,5",
        "3020": 3,
        "Kristiansand": 3,
        "Ullensvang": 2,
    },
    "Chen": "# Chen\nTønsberg: 6\n\nHárstták = 3\nMolde 4\nNordre Follo 2\nKristiansand 5\nUllensvang 4",
    "Dina": "Tønsberg 4\nHarstad 4\nMolde 6\nNordre Follo 1\nKristiansand 4\nUllensvang 3.5",
}


def test_the_exercise_edition_is_chosen_from_the_data() -> None:
    assert E.label == "2023"
    assert E.rule.weighs_public_vote
    assert not E.rule_basis.hedged
    assert E.winner is not None


def test_every_juror_the_spread_and_the_group_score() -> None:
    g = ws.group_jury(E, FOUR, name="Gruppe 1")
    assert g.jurors == ("Anne", "Bilal", "Chen", "Dina")
    by = {s.municipality.name: s for s in g.spreads()}
    molde = by["Molde"]
    assert [v for _, v in molde.scores] == [5, Fraction(9, 2), 4, 6]
    assert molde.mean == Fraction(39, 8)
    assert (molde.lowest, molde.highest, molde.spread) == (4, 6, 2)
    assert molde.score == (Fraction(39, 8) - 1) / 5
    text = g.table()
    assert text.splitlines()[0] == "ØVINGSDATA: Gruppe 1, 4 jurymedlemmer, skala 1–6"
    assert "Anne" in text.splitlines()[1]
    assert "Spredning" in text.splitlines()[1]
    assert "mest uenige om" in text


def test_ties_are_said_out_loud() -> None:
    g = ws.group_jury(E, {"A": {m.name: 4 for m in E.nominees}})
    assert "Likt: " in g.table()
    assert "enige" not in g.table()  # one juror agrees with no one
    assert "Ett jurymedlem" in g.table()
    two = ws.group_jury(E, {j: {m.name: 4 for m in E.nominees} for j in ("A", "B")})
    assert "enige om alle" in two.table()
    room = ws.compare([g], VOTE)
    said = room.describe()
    assert "Uavgjort ved 0\xa0%" in said
    assert "men det er uavgjort" in said


@pytest.mark.parametrize(
    ("scores", "field", "words"),
    [
        ("Harstadd 4", "kommune", "mente du Harstad - Hárstták?"),
        ("Oslo 4", "kommune", "ikke blant de nominerte, som er Tønsberg"),
        ("Molde 7", "poeng", "utenfor skalaen 1–6"),
        ("Molde", "poeng", "poengsummen mangler"),
        ("Molde 3\nmolde 4", "kommune", "to ganger, på linje 1 og 2"),
        ("Molde 3", "kommune", "ingen poeng til Tønsberg"),
    ],
)
def test_mistakes_are_one_bokmal_line_naming_juror_line_column_and_value(
    scores: str, field: str, words: str
) -> None:
    with pytest.raises(JurySheetError) as info:
        ws.group_jury(E, {"Anne": scores})
    said = str(info.value)
    assert said.startswith("jurymedlem Anne")
    assert f"felt «{field}»" in said
    assert words in said
    assert "\n" not in said
    assert "score" not in said


def test_a_sheet_that_is_not_a_mapping_is_refused() -> None:
    """Checked at the API's boundary (model.checked): the argument is named."""
    with pytest.raises(ArgumentError, match="jurors"):
        ws.group_jury(E, "Molde 4")  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match="jurors"):
        ws.group_jury(E, {"Anne": 4})  # type: ignore[dict-item]


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_the_room_agrees_with_decide_at_every_weight(data: st.DataObject) -> None:
    """One answer: the room's winner at a weight is decide()'s winner at that weight."""
    sheet = data.draw(group_sheets(list(E.nominees)))
    g = ws.group_jury(E, sheet)
    room = ws.compare([g], VOTE)
    w = data.draw(st.fractions(0, 1, max_denominator=40))
    expected = bs.decide(WeightedBlend(), VOTE, g.jury, public_weight=float(w)).winner
    assert room.outcomes[0].winner_at(float(w)) == expected
    for s in g.spreads():
        values = [v for _, v in s.scores]
        assert s.mean == sum(values, Fraction(0)) / len(values)
        assert s.spread == max(values) - min(values)


def test_a_saved_sheet_is_read_back_by_the_facilitator(tmp_path: Path) -> None:
    g = ws.group_jury(E, FOUR, name="gruppe-1")
    g.save(tmp_path / "gruppe-1.csv")
    with pytest.raises(bs.WriteError):
        g.save(tmp_path / "gruppe-1.csv")
    ws.example_groups(E, groups=1, seed=1)[0].save(tmp_path / "gruppe-2.csv")
    back = ws.read_groups(tmp_path, E)
    assert [b.name for b in back] == ["gruppe-1", "gruppe-2"]
    assert back[0].jury.normalised == g.jury.normalised
    assert back[0].jurors == g.jurors
    assert ws.read_groups(tmp_path / "none", E) == ()


def test_example_groups_are_seeded_and_labelled() -> None:
    a, b = ws.example_groups(E, seed=22), ws.example_groups(E, seed=22)
    assert [x.jury.normalised for x in a] == [x.jury.normalised for x in b]
    assert [x.name for x in a] == ["Gruppe 1", "Gruppe 2", "Gruppe 3", "Gruppe 4"]
    assert {x.jury.label for x in a} == {"ØVINGSDATA"}


def test_the_facilitators_view_on_one_screen() -> None:
    room = ws.compare(ws.example_groups(E, seed=22), VOTE)
    table = room.table().splitlines()
    assert table[0] == "ØVINGSDATA: 4 grupper, 2023-utgaven"
    assert len(table) == 2 + 4
    assert len(room.to_frame()) == sum(len(o.result.intervals) for o in room.outcomes)
    ax = bs.plot.room(room)
    assert ax.get_title().endswith("ØVINGSDATA")
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "Gruppe 4",
        "Gruppe 3",
        "Gruppe 2",
        "Gruppe 1",
    ]
    with pytest.raises(ArgumentError):
        ws.compare([], VOTE)


def test_nominee_profiles_say_when_figures_are_absent() -> None:
    profiles = ws.nominee_profiles(E)
    assert [p.municipality for p in profiles] == list(E.nominees)
    tonsberg = str(profiles[0])
    assert "Bosatt 266, anmodet 264 (2020–2022): 101\xa0%" in tonsberg
    assert "Ingen ettårsstatus" in tonsberg or "Ettårsstatus etter" in tonsberg
    assert "(kildene omtaler ingen tiltak)" in str(profiles[-1])


def test_as_if_is_a_what_if_edition() -> None:
    e = ws.as_if("2021", 2015)
    assert (e.label, e.reference_year, e.nominations) == ("2021", 2015, ())
    assert bs.edition("2021").reference_year != 2015


@pytest.mark.parametrize("exercise", sorted(ws.EXERCISES))
def test_every_exercise_checks_its_own_expected_answer(exercise: str) -> None:
    if exercise == "3.2":
        lead = VOTE.ranking()[0].name
        right = ws.group_jury(E, {"A": {m.name: 6 if m.name == lead else 2 for m in E.nominees}})
        assert ws.check(exercise, right)
        assert not ws.check(exercise, ws.group_jury(E, FOUR))
        return
    answer = ws.EXERCISES[exercise].answer()
    if isinstance(answer, frozenset):
        answer = sorted(answer)
    elif isinstance(answer, tuple):
        answer = [m.name for m in answer]
    elif isinstance(answer, bs.Municipality):
        answer = answer.name.upper()
    assert ws.check(exercise, answer), exercise
    assert str(ws.check(exercise, answer)).startswith("Riktig: ")


def test_wrong_answers_get_bokmal_feedback() -> None:
    assert str(ws.check("1.1", "Molde")).startswith("Ikke helt ennå: du svarte «Molde».")
    assert (
        str(ws.check("1.2", "fire")) == "Svaret på oppgave 1.2 er et helt tall; du svarte «fire»."
    )
    assert not ws.check("1.3", "2014")
    assert not ws.check("1.3", ["2014", "2015"])
    assert "flest stemmer" in str(ws.check("3.2", ws.group_jury(E, FOUR)))
    with pytest.raises(ArgumentError):
        ws.check("9.9", 1)


def test_expected_answers_are_computed_from_the_data() -> None:
    assert ws.expected("1.1") == bs.edition("2015").winner.name
    assert ws.expected("2.3").startswith("2008, 2010")
    assert ws.expected("5.1") == "35"


# --- the room's set-up: working copies, a pristine copy to go back to, the checklist --------


def _pristine(tmp_path: Path) -> Path:
    src = tmp_path / "notebooks"
    (src / ".jupyter" / "lab" / "settings").mkdir(parents=True)
    for name in ("01_prisen.ipynb", "02_vinneren.ipynb"):
        (src / name).write_text('{"cells": []}', encoding="utf-8")
    return src


def test_the_command_makes_working_copies_and_resets_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src, work = _pristine(tmp_path), tmp_path / "verksted"
    argv = ["workshop", "--notebooks", str(src), "--folder", str(work), "--no-lab"]
    status, out, _ = run(capsys, *argv)
    assert status == 0
    assert "Nye kopier: 01_prisen.ipynb, 02_vinneren.ipynb" in out
    (work / "01_prisen.ipynb").write_text("a participant's edits", encoding="utf-8")
    status, out, _ = run(capsys, *argv)
    assert "Beholdt som de var" in out
    assert (work / "01_prisen.ipynb").read_text(encoding="utf-8") == "a participant's edits"
    status, out, _ = run(capsys, *argv, "--reset")
    assert status == 0
    assert (work / "01_prisen.ipynb").read_text(encoding="utf-8") == '{"cells": []}'
    kept = list((work / "forrige").glob("*/01_prisen.ipynb"))
    assert [k.read_text(encoding="utf-8") for k in kept] == ["a participant's edits"]


def test_without_folder_the_copies_go_to_the_users_documents_never_here(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    src, home, here = _pristine(tmp_path), tmp_path / "home", tmp_path / "here"
    here.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.chdir(here)
    status, _out, _ = run(capsys, "workshop", "--notebooks", str(src), "--no-lab")
    assert status == 0
    assert ws.default_work_folder().is_relative_to(home)
    assert sorted(p.name for p in ws.default_work_folder().glob("*.ipynb")) == [
        "01_prisen.ipynb",
        "02_vinneren.ipynb",
    ]
    assert list(here.iterdir()) == []


def test_the_command_without_notebooks_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _out, err = run(capsys, "workshop", "--notebooks", str(tmp_path), "--no-lab")
    assert status == 2
    assert err.count("\n") == 1
    assert "ingen notatbøker i denne mappen" in err


def test_the_checklist_says_what_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, "workshop", "--check", "--notebooks", str(_pristine(tmp_path)))
    lines = out.splitlines()
    assert lines[0].startswith("[OK] Python")
    assert any("2 notatbøker" in line for line in lines)
    ok = all(line.startswith("[OK]") for line in lines[:-1])
    assert (status, lines[-1]) == ((0, "Alt er klart for verkstedet.") if ok else (2, lines[-1]))
    status, out, _ = run(capsys, "workshop", "--check", "--notebooks", str(tmp_path / "x"))
    assert status == 2
    assert "[MANGLER] 0 notatbøker" in out
    assert out.splitlines()[-1] == "Noe mangler: se linjene merket MANGLER."


def test_jupyterlab_is_started_in_the_working_folder_with_the_settings(tmp_path: Path) -> None:
    argv = ws.lab_command(tmp_path / "verksted", tmp_path / "notebooks")
    assert argv[1:3] == ["-m", "jupyterlab"]
    assert f"--ServerApp.root_dir={(tmp_path / 'verksted').resolve()}" in argv
    assert any(a.startswith("--LabApp.app_settings_dir=") and a.endswith("settings") for a in argv)
    assert "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate" in argv


def test_feedback_on_a_list_says_its_items_in_words() -> None:
    """No Python literal in what a participant reads: a list answer is said item by item."""
    with bs.i18n.language("nb"):
        said = str(ws.check("2.2", ["Ullensvang", "Kristiansand"]))
    assert "«Ullensvang» og «Kristiansand»" in said
    assert "[" not in said
    assert "'" not in said


def test_nominee_profiles_use_the_refreshed_figures_when_present(
    ssb_server: SSBServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """After ``bosetting update`` a nominee with published figures shows them (the fixtures' Kinn)."""
    before = {p.municipality.name: str(p) for p in ws.nominee_profiles("2022")}
    assert "Ingen ettårsstatus" in before["Kinn"]
    status, _, err = run(capsys, "update")
    assert status == 0, err
    after = {p.municipality.name: str(p) for p in ws.nominee_profiles("2022")}
    assert "Ingen ettårsstatus" not in after["Kinn"]
    assert "Ettårsstatus etter introduksjonsprogrammet:" in after["Kinn"]
