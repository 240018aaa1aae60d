"""``bosetting update`` against a loopback server that answers as SSB's PxWebApi 2 and KLASS do.

The server (``tests/ssb_server.py``, the ``ssb_server`` fixture) replays
``fixtures/ssb_refresh/``: status years 2011–2024, of which those after 2014 are
invented for the tests (see the README there). No test here touches the network.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import bosetting as bs
from bosetting import data
from bosetting.i18n import format_date, language
from bosetting.register import last_year, municipalities
from bosetting.ssb import RateLimit, TableCodes, _query, plan_queries, read_metadata, update
from tests.helpers import run
from tests.ssb_server import FIXTURES, SSBServer

TODAY = date.today()


def _bytes(folder: Path, *, only: str | None = None) -> dict[str, bytes]:
    """Every file of the cache (or of one source: its manifest and folder), with its bytes."""
    out = {}
    for p in sorted(folder.rglob("*")) if folder.exists() else []:
        name = str(p.relative_to(folder))
        if p.is_file() and (only is None or name.startswith(only)):
            out[name] = p.read_bytes()
    return out


def test_update_then_every_result_carries_the_refreshed_figures_and_says_so(
    ssb_server: SSBServer, capsys: pytest.CaptureFixture[str]
) -> None:
    before = bs.screen(bs.edition(2022)).to_frame()
    assert before["intro_share"].notna().sum() == 0
    assert before.attrs["figures_source"] == "fra datapakken, statusår 2011–2014"
    assert any("«bosetting update» henter" in line for line in before.attrs["coverage"])

    status, out, err = run(capsys, "update")
    assert status == 0, err
    lines = out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("KLASS 131 (kommuneregisteret): ")
    assert f"2008–{TODAY.year}" in lines[0]
    assert lines[0].endswith("(1 kode for uoppgitt kommune, 9999 Uoppgitt, er utelatt.)")
    assert lines[1].startswith(
        "SSB-tabell 10824 (resultater fra introduksjonsprogrammet): 171 rader"
    )
    assert "statusår 2011–2024" in lines[1]
    assert "(2 regionkoder av andre slag" in lines[1]
    assert "(3 rader står under en kode som ikke gjaldt i statusåret" in lines[1]
    assert err == ""  # no progress lines when standard error is not a terminal

    # Flora's cohort of 2019 comes under its old code in status year 2020: kept, with a note.
    year_2020 = bs.intro_outcomes(None, status_year=2020, sex="all")
    flora = next(o for o in year_2020 if o.area_code == "1401")
    assert (flora.area_name, flora.former_participants) == ("Flora", 12)
    assert flora.note is not None
    assert "til og med 2019" in flora.note.nb
    assert "up to and including 2019" in (flora.note.en or "")
    with language("en"):
        assert str(flora.note).startswith("The source gives the figure under code 1401")

    rows = [o for o in bs.intro_outcomes("Kinn", sex="all") if o.area_code == "4602"]
    assert [(o.status_year, o.former_participants, o.share) for o in rows][:2] == [
        (2020, 30, 0.63),
        (2021, 28, 0.64),
    ]
    cited = rows[0].sources[0]
    assert (cited.id, cited.publisher, cited.date.year, cited.date.month, cited.date.day) == (
        "ssb-10824-update",
        "Statistisk sentralbyrå",
        TODAY.year,
        TODAY.month,
        TODAY.day,
    )
    assert cited.url.endswith("/tables/10824")
    with language("nb"):
        said = str(bs.figures.provenance())
    assert said == f"SSB-tabell 10824, hentet {format_date(TODAY)}, statusår 2011–2024"

    s = bs.screen(bs.edition(2022))
    frame = s.to_frame()
    kinn = frame[frame["code"] == "4602"].iloc[0]
    assert kinn["intro_share"] == pytest.approx((16 + 19 + 18) / (25 + 30 + 28))
    assert sorted(frame.loc[frame["intro_share"].notna(), "code"]) == ["0301", "4602"]
    assert frame.attrs["figures_source"] == said
    assert frame.attrs["coverage"] == []  # status years 2017–2021 are covered now
    by_intro = bs.screen(bs.edition(2022), by="intro")
    assert [r.municipality.code for r in by_intro.rows[:2]] == ["4602", "0301"]

    # The snapshot is one argument (or --offline) away, and says so.
    shipped = bs.intro_outcomes("Kinn", sex="all", source="shipped")
    assert max(o.status_year for o in shipped) == 2014
    assert (
        bs.screen(bs.edition(2022), source="shipped").to_frame()["intro_share"].notna().sum() == 0
    )
    status, out, _ = run(capsys, "check", "Kinn", "--edition", "2022", "--offline")
    assert status == 0
    assert "Tall: fra datapakken, statusår 2011–2014" in out
    status, out, _ = run(capsys, "check", "Kinn", "--edition", "2022")
    assert f"Tall: SSB-tabell 10824, hentet {format_date(TODAY)}" in out
    assert "2020 (kull 2019), Kinn: andel i arbeid eller utdanning: 63" in out


def test_the_register_reaches_the_year_klass_was_fetched_in(ssb_server: SSBServer) -> None:
    with data.using("shipped"):
        assert last_year() == 2025
        shipped = municipalities()
    assert update().ok
    assert last_year() == TODAY.year
    assert municipalities(TODAY.year) == shipped
    assert bs.municipality("Kinn", year=TODAY.year).code == "4602"
    with pytest.raises(bs.MunicipalityNotFound):  # KLASS's "9999 Uoppgitt" is no municipality
        bs.municipality("9999")
    source = data.current_view().source("klass-131")
    assert source is not None
    assert source.years == (2008, TODAY.year)
    for f in source.files:  # each answer kept with its address and SHA-256
        assert data.sha256_hex((source.folder / f.name).read_bytes()) == f.sha256
        assert f.url.startswith(ssb_server.klass_api + "/classifications/131/")


def _refreshed_rows(table: str) -> list[dict[str, object]]:
    """The rows of a table in use that the shipped table does not have (the cache's)."""
    shipped = {tuple(r.items()) for r in data.shipped_rows(table)}
    return [r for r in data.read_rows(table) if tuple(r.items()) not in shipped]


def test_the_refreshed_rows_have_their_texts_in_english_too(ssb_server: SSBServer) -> None:
    """A refreshed row gives every text a person reads in English too, as a shipped row does."""
    assert update().ok
    texts = 0
    for table in data.resource_names():
        rows = _refreshed_rows(table)
        for column, others in data.translations(table).items():
            for row in rows:
                nb, en = row[column], row[others["en"]]
                if nb is None:
                    continue
                texts += 1
                assert isinstance(en, str), (table, column, nb)
                assert en != nb, (table, column, nb)  # written anew, not the bokmål copied
    # The notes of the three sources cited, of the 3 figures under a code out of force, and
    # of the 9 changes whose shipped note the refreshed change keeps.
    assert texts == 3 + 3 + 9
    cited = data.sources()
    for source_id in ("ssb-klass-131-update", "ssb-klass-131-changes-update", "ssb-10824-update"):
        note = cited[source_id].note
        assert note is not None
        assert note.en is not None
        assert note.en.startswith("Fetched with 'bosetting update'")
    with language("en"):
        assert "(the list of changes)" in str(cited["ssb-klass-131-changes-update"].note)
        assert "(1 query)" in str(cited["ssb-10824-update"].note)


def test_offline_gets_past_a_damaged_cache(capsys: pytest.CaptureFixture[str]) -> None:
    folder = data.cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "klass-131.json").write_text("{", encoding="utf-8")
    data.forget_cache()
    status, _, err = run(capsys, "municipality", "Kinn")
    assert status == 2
    assert "hurtigbufferen med oppdaterte tall er skadet" in err
    status, out, _ = run(capsys, "municipality", "Kinn", "--offline")
    assert status == 0
    assert out.startswith("Kinn (4602)")


@pytest.mark.parametrize(
    ("api", "failure", "problem"),
    [
        ("ssb", "429", "SSB svarte 429 Too Many Requests"),
        ("ssb", "500", "SSB svarte 500 Internal Server Error"),
        ("ssb", "truncated", "svaret fra SSB stoppet etter"),
        ("ssb", "truncated-json", "ikke fullstendig JSON"),
        ("ssb", "unknown-dimension", "tabell 10824 har en dimensjon bosetting ikke kjenner"),
        ("klass", "429", "SSB svarte 429 Too Many Requests"),
        ("klass", "500", "SSB svarte 500 Internal Server Error"),
        ("klass", "truncated", "svaret fra SSB stoppet etter"),
    ],
)
def test_a_failing_source_is_one_line_exit_2_and_leaves_its_cache_alone(
    ssb_server: SSBServer,
    capsys: pytest.CaptureFixture[str],
    api: str,
    failure: str,
    problem: str,
) -> None:
    assert run(capsys, "update")[0] == 0
    name = "ssb-10824" if api == "ssb" else "klass-131"
    folder = data.cache_dir()
    kept = _bytes(folder, only=name)
    assert kept

    ssb_server.fail[api] = failure
    status, out, err = run(capsys, "update")
    assert status == 2
    failed = err.splitlines()
    assert len(failed) == 1, err
    assert failed[0].startswith("SSB-tabell 10824" if api == "ssb" else "KLASS 131")
    assert "ikke oppdatert, hurtigbufferen er som før" in failed[0]
    assert problem in failed[0]
    assert len(out.splitlines()) == 1  # the other source, updated
    assert _bytes(folder, only=name) == kept


@pytest.mark.parametrize("failure", ["429", "500", "truncated"])
def test_when_both_fail_not_one_byte_of_the_cache_changes(
    ssb_server: SSBServer, capsys: pytest.CaptureFixture[str], failure: str
) -> None:
    assert run(capsys, "update")[0] == 0
    before = _bytes(data.cache_dir())
    ssb_server.fail.update(ssb=failure, klass=failure)
    status, out, err = run(capsys, "--lang", "en", "update")
    assert status == 2
    assert out == ""
    assert [line.split(":")[0] for line in err.splitlines()] == [
        "KLASS 131 (the municipality register)",
        "SSB table 10824 (intro-programme outcomes)",
    ]
    assert all("not updated, the cache is as it was" in line for line in err.splitlines())
    assert _bytes(data.cache_dir()) == before


def test_an_empty_cache_stays_empty_when_ssb_fails(
    ssb_server: SSBServer, capsys: pytest.CaptureFixture[str]
) -> None:
    ssb_server.fail.update(ssb="500", klass="500")
    assert run(capsys, "update")[0] == 2
    assert _bytes(data.cache_dir()) == {}
    assert not data.current_view().refreshed


def test_the_queries_are_split_to_ssbs_limits_and_give_the_same_figures(
    ssb_server: SSBServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert update().ok
    whole = sorted(bs.intro_outcomes(None), key=lambda o: (o.area_code, o.status_year, o.sex.value))
    ssb_server.requests.clear()
    monkeypatch.setattr(_query, "MAX_CELLS_PER_QUERY", 100)
    now = [0.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        now[0] += seconds

    assert update(limit=RateLimit(clock=lambda: now[0], sleep=sleep)).ok
    asked = [r for r in ssb_server.requests if "/tables/10824/data" in r]
    assert len(asked) > 1
    split = sorted(bs.intro_outcomes(None), key=lambda o: (o.area_code, o.status_year, o.sex.value))
    assert [attrs_of(o) for o in split] == [attrs_of(o) for o in whole]
    assert len(ssb_server.requests) <= 30 or waits  # never more than 30 queries in a minute


def attrs_of(o: bs.IntroProgrammeOutcome) -> tuple[object, ...]:
    return (
        o.area_code,
        o.status_year,
        o.sex,
        o.former_participants,
        o.in_work_or_education,
        o.share,
    )


def test_the_plan_keeps_every_query_within_both_limits() -> None:
    codes = TableCodes(tuple(f"{i:04d}" for i in range(1, 1200)), tuple(range(2011, 2025)))
    urls = plan_queries(codes)
    assert all(len(u) <= _query.MAX_URL_CHARS for u in urls)
    asked = [u.split("valueCodes[Region]=")[1].split("&")[0].split(",") for u in urls]
    assert sorted(c for group in asked for c in group) == sorted(codes.regions)
    few = plan_queries(TableCodes(("0", "46"), tuple(range(2011, 2025))), max_cells=30)
    assert len(few) == 2 * 7  # 12 cells a region-year: 2 years a query, one region each


def test_the_metadata_names_the_regions_asked_for() -> None:
    raw = (FIXTURES / "10824_metadata.json").read_bytes()
    codes = read_metadata(raw, "metadata")
    assert codes.regions == ("0", "14", "46", "0301", "1401", "4602")
    assert (codes.years[0], codes.years[-1], codes.left_out) == (2011, 2024, 2)
    doc = json.loads(raw)
    del doc["dimension"]["Kjonn"]
    doc["id"].remove("Kjonn")
    with pytest.raises(bs.SSBFormatError, match="Kjonn"):
        read_metadata(json.dumps(doc).encode(), "metadata")


def test_progress_is_one_line_per_query(ssb_server: SSBServer) -> None:
    said: list[str] = []
    with language("en"):
        assert update(progress=said.append).ok
    assert said == [
        "KLASS 131 (the municipality register): query 1 of 2",
        "KLASS 131 (the municipality register): query 2 of 2",
        "SSB table 10824 (intro-programme outcomes): query 1 of 1",
    ]


def test_update_refuses_offline(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "update", "--offline")
    assert status == 2
    assert "--offline hører til kommandoene som leser tall" in err


def test_without_the_server_no_network_is_touched(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "update")
    assert status == 2
    assert out == ""
    assert all("127.0.0.1:9" in line for line in err.splitlines())
    assert _bytes(data.cache_dir()) == {}


def test_screen_by_intro_refuses_when_no_municipality_has_a_figure(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(capsys, "screen", "--edition", "2022", "--by", "intro")
    assert status == 2
    assert out == ""
    assert "ingen kommune har en introandel for 2022" in err
    assert "fra datapakken, statusår 2011–2014" in err
    assert "bosetting update" in err
    status, out, err = run(capsys, "screen", "--edition", "2022", "--format", "csv")
    assert status == 0
    assert err.splitlines()[0] == "  Tall: fra datapakken, statusår 2011–2014"
    assert "dekker 0 av disse årene" in err.splitlines()[1]


def test_update_repairs_a_damaged_cache(ssb_server: SSBServer) -> None:
    folder = data.cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "ssb-10824.json").write_text("{", encoding="utf-8")
    data.forget_cache()
    with pytest.raises(bs.DataError, match="hurtigbufferen med oppdaterte tall er skadet"):
        bs.intro_outcomes("Kinn")
    data.set_source("shipped")  # a script's choice does not reach what update reads and checks
    assert update().ok
    data.set_source(None)
    assert max(o.status_year for o in bs.intro_outcomes("Kinn")) == 2024


def test_progress_goes_to_a_terminal_only(
    ssb_server: SSBServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    status, out, err = run(capsys, "--lang", "en", "update")
    assert status == 0
    steps = [s for s in err.split("\r\x1b[2K") if s]
    assert steps == [
        "KLASS 131 (the municipality register): query 1 of 2",
        "KLASS 131 (the municipality register): query 2 of 2",
        "SSB table 10824 (intro-programme outcomes): query 1 of 1",
    ]
    assert len(out.splitlines()) == 2
