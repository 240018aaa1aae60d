"""``bosetting screen``, ``bosetting cite`` (and ``bs.cite``), ``record``'s counts, ``outcomes national``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import bosetting as bs
from bosetting.errors import ArgumentError
from bosetting.i18n import language
from bosetting.model import Outcome
from tests.helpers import record_counts, record_of, run, through

ROOT = Path(__file__).resolve().parents[1]


# --- screen ---------------------------------------------------------------------------------


def test_screen_text_has_headers_marks_and_unknowns(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "screen", "--edition", "2022")
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == (
        "Bosettings- og integreringsprisen 2022: 356 kommuner i 2022, "
        "rangert etter bosatt mot anmodning"
    )
    header = next(line for line in lines if line.lstrip().startswith("Plass"))
    for word in ("Kommune", "Bosatt", "Anmodet", "Introandel", "I denne utdelingen"):
        assert word in header
    kinn = next(line for line in lines if "Kinn (4602)" in line)
    assert kinn.rstrip().endswith("vinner")
    assert "ikke vurderbar" in kinn
    nominees = [line for line in lines if line.rstrip().endswith("nominert")]
    assert len(nominees) == 4
    sunndal = next(line for line in lines if "Sunndal (1563)" in line)
    assert "127,9\u00a0%" in sunndal  # format_share
    assert sunndal.split()[0] == "1"


def test_screen_top_keeps_the_nominees_further_down(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "screen", "--edition", "2022", "--top", "3")
    ranked = [line for line in out.splitlines() if re.match(r"\s+\d+\s", line)]
    assert [line.split()[0] for line in ranked] == ["1", "2", "3", "14", "19", "63", "86", "283"]
    assert any(line.strip() == "…" for line in out.splitlines())


def test_screen_by_intro_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--lang", "en", "screen", "--edition", "2016", "--by", "intro")
    assert status == 0
    assert "ranked by the intro share" in out
    trondheim = next(line for line in out.splitlines() if "Trondheim (1601)" in line)
    assert trondheim.rstrip().endswith("winner")
    assert "52.9%" in trondheim
    assert "ikke" not in out


def test_screen_json_and_csv_agree_with_the_api(capsys: pytest.CaptureFixture[str]) -> None:
    s = bs.screen("2019/2020")
    _, out, _ = run(capsys, "screen", "--edition", "2019/2020", "--format", "json")
    data = json.loads(out)
    assert data["edition"] == "2019/2020"
    assert len(data["rows"]) == len(s.rows)
    first = data["rows"][0]
    assert first["municipality"]["code"] == s.rows[0].municipality.code
    assert first["results"][0]["criterion_id"] == s.rows[0].results[0].criterion.id
    cited = {
        sid
        for r in data["rows"]
        for res in r["results"]
        for f in res["figures"]
        for sid in f["source_ids"]
    }
    assert cited
    assert cited <= set(data["sources"])
    winner = next(r for r in data["rows"] if r["outcome"] == "winner")
    assert winner["municipality"]["name"] == "Sunndal"
    _, out, _ = run(capsys, "screen", "--edition", "2019/2020", "--format", "csv", "--top", "5")
    assert len(out.splitlines()) == 1 + 5
    assert "verdict_2019-anmodning" in out.splitlines()[0]


@pytest.mark.parametrize(
    "argv",
    [
        ["screen", "--edition", "2017"],
        ["screen", "--edition", "2022", "--by", "votes"],
        ["screen", "--edition", "2022", "--top", "0"],
        ["screen"],
    ],
    ids=" ".join,
)
def test_screen_user_errors(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    status, out, err = run(capsys, *argv)
    assert status == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1


# --- cite -----------------------------------------------------------------------------------


def test_cite_formats_through_the_api() -> None:
    assert bs.cite() == bs.cite("text")
    bib = bs.cite("bibtex")
    assert bib.startswith("@software{bosetting,\n")
    assert "@dataset{bosetting_data," in bib
    assert bib.count("@online{") == len(bs.citation.primary_sources())
    assert f"version = {{{bs.__version__}}}" in bib
    assert bib.count("{") == bib.count("}")
    cff = bs.cite("cff")
    assert cff.splitlines()[:3] == ["cff-version: 1.2.0", cff.splitlines()[1], "type: software"]
    assert (ROOT / "CITATION.cff").read_text(encoding="utf-8") == cff
    for text in (bib, cff, bs.cite()):
        assert "example.invalid" not in text
        assert "example.com" not in text


def test_cite_unknown_format() -> None:
    with pytest.raises(ArgumentError, match="bibtex"):
        bs.cite("xml")


def test_bibtex_escapes_latex_specials() -> None:
    from bosetting import citation

    assert citation._bib("A & B 50% #1 a_b {x}") == r"A \& B 50\% \#1 a\_b \{x\}"


@pytest.mark.parametrize(
    ("fmt", "start"),
    [
        ("text", "The bosetting developers ("),
        ("bibtex", "@software{bosetting,"),
        ("cff", "cff-version: 1.2.0"),
        ("json", "{"),
        ("csv", '"source_id","publisher",'),
    ],
)
def test_cite_command(capsys: pytest.CaptureFixture[str], fmt: str, start: str) -> None:
    status, out, _ = run(capsys, "cite", "--format", fmt)
    assert status == 0
    assert out.startswith(start)
    if fmt == "json":
        data = json.loads(out)
        assert data["software"]["version"] == bs.__version__
        assert data["software"]["url"] is None
        assert data["primary_sources"][0]["id"] == "ssb-klass-131"
    if fmt == "cff":
        assert out == bs.cite("cff")


def test_cite_command_speaks_bokmaal(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "cite")
    assert "Primærkilder" in out
    _, out, _ = run(capsys, "--lang", "en", "cite")
    assert "Primary sources" in out


# --- record: what the counts count ----------------------------------------------------------


def test_outcome_tells_formal_nominations_from_named_rivals() -> None:
    assert [o for o in Outcome if not o.formal] == [Outcome.CANDIDATE]
    bodo = through(bs.record("Bodø"))
    assert [n.outcome.formal for n in bodo] == [False, True, True, True, True]
    with language("nb"):
        assert Outcome.CANDIDATE.label == "nevnt som konkurrent"
    with language("en"):
        assert Outcome.CANDIDATE.label == "named as a rival"
    df = bs.frames.nominations()
    assert int((~df["formal"]).sum()) == sum(
        not n.outcome.formal for e in bs.editions() for n in e.nominations
    )


@pytest.mark.parametrize(
    ("name", "counts"),
    [
        ("Bodø", {"formal_nominations": 4, "wins": 0, "named_as_rival": 1}),
        ("Kinn", {"formal_nominations": 1, "wins": 1, "named_as_rival": 0}),
        ("Lillestrøm", {"formal_nominations": 2, "wins": 0, "named_as_rival": 0}),
    ],
)
def test_record_counts(
    capsys: pytest.CaptureFixture[str], name: str, counts: dict[str, int]
) -> None:
    assert record_counts(through(bs.record(name))) == counts  # the facts through 2025
    _, out, _ = run(capsys, "record", name, "--format", "json")
    data = json.loads(out)
    now = record_of(name)  # the command counts the whole record, later editions included
    assert data["counts"] == now
    assert len(data["nominations"]) == now["formal_nominations"] + now["named_as_rival"]


def _times(n: int, one: str, more: str) -> str:
    return f"{n} {one if n == 1 else more}"


def test_record_text_says_what_it_counts(capsys: pytest.CaptureFixture[str]) -> None:
    # The numbers are the record's as the data has it; the words and the plural forms are checked.
    bodo, kinn = record_of("Bodø"), record_of("Kinn")
    _, out, _ = run(capsys, "--lang", "en", "record", "Bodø")
    assert out.splitlines()[0] == (
        f"Bodø (1804): nominated {_times(bodo['formal_nominations'], 'time', 'times')}, "
        f"won {_times(bodo['wins'], 'time', 'times')}. Also named 1 time as a rival, "
        "without a confirmed nomination (not counted)."
    )
    assert re.search(r"^  2009 +named as a rival +Bodø \(1804\)$", out, re.MULTILINE)
    _, out, _ = run(capsys, "record", "Kinn")
    assert out.splitlines()[0] == (
        f"Kinn (4602): nominert {_times(kinn['formal_nominations'], 'gang', 'ganger')}, "
        f"vunnet {_times(kinn['wins'], 'gang', 'ganger')}."
    )
    _, out, _ = run(capsys, "record", "Skedsmo")  # a record no later edition can change
    assert out.splitlines()[0] == "Skedsmo (0231): nominert 1 gang, vunnet 0 ganger."


# --- outcomes national ----------------------------------------------------------------------


def test_outcomes_national(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "outcomes", "national")
    assert status == 0
    assert out.startswith("Hele landet: i arbeid eller utdanning ett år etter")
    assert "3\u00a0170" in out  # 2023, the cohort of 2022 (a no-break space groups thousands)
    assert "eldre monitor" in out
    _, out, _ = run(capsys, "outcomes", "national", "--format", "json")
    data = json.loads(out)
    assert data["area"] == "national"
    assert data["municipality"] is None
    assert {o["area_type"] for o in data["intro_outcomes"]} == {"national"}
    assert data["settlement"] == []


def test_outcomes_of_a_historical_name(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "outcomes", "Flora")
    assert status == 0
    assert out.startswith("Flora (1401):")
