"""The per-user cache of refreshed figures and the view of the tables (data/_cache.py, data/_view.py)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bosetting import data
from bosetting.data import _cache
from bosetting.errors import ArgumentError, DataError, NoDataError, WriteError

WHEN = datetime(2026, 12, 6, 9, 30, tzinfo=UTC)


def _header(table: str) -> str:
    """A table's header line, by its schema (a part is written in the table's own layout)."""
    return ",".join(f["name"] for f in data.resource(table)["schema"]["fields"]) + "\n"


INTRO_HEADER = _header("intro_outcomes")
SOURCE_HEADER = _header("sources")
KEY = ("area_type", "area_code", "status_year", "years_after", "sex", "method")


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _store(rows: str, *, sources: str | None = None) -> data.CachedSource:
    cited = sources or (
        "test-fetch,Statistisk sentralbyrå,Test answer,https://example.org/10824,"
        "2026-12-06,nb,ssb,En testdel,A test part\n"
    )
    staged = data.stage_source(
        "ssb-10824",
        fetched=WHEN,
        files=[("answer-1.json", "https://example.org/10824", b'{"class": "dataset"}')],
        tables=[
            ("sources", "sources.csv", (SOURCE_HEADER + cited).encode(), ("source_id",)),
            ("intro_outcomes", "intro_outcomes.csv", (INTRO_HEADER + rows).encode(), KEY),
        ],
        years=(2011, 2024),
    )
    stored = data.commit_source(staged)
    data.forget_cache()
    return stored


KRISTIANSAND_2014 = (
    "municipality,1001,Kristiansand,2013,2014,1,all,120,published,90,published,0.75,"
    "published,unknown,register,,,test-fetch\n"
)


def test_a_part_replaces_the_rows_it_names_and_keeps_the_others() -> None:
    shipped = [r for r in data.read_rows("intro_outcomes") if r["area_code"] == "1001"]
    stored = _store(KRISTIANSAND_2014)
    assert stored.files[0].sha256 == _cache.sha256_hex(b'{"class": "dataset"}')
    assert data.current_view().refreshed
    rows = [r for r in data.read_rows("intro_outcomes") if r["area_code"] == "1001"]
    assert len(rows) == len(shipped)
    [mine] = [r for r in rows if r["status_year"] == 2014 and r["sex"] == "all"]
    assert (mine["former_participants"], mine["share"], mine["source_ids"]) == (
        120,
        0.75,
        "test-fetch",
    )
    assert data.sources()["test-fetch"].title == "Test answer"
    with data.using("shipped") as view:
        assert not view.refreshed
        [old] = [
            r
            for r in data.read_rows("intro_outcomes")
            if r["area_code"] == "1001" and r["status_year"] == 2014 and r["sex"] == "all"
        ]
        assert old["former_participants"] == 115
        assert "test-fetch" not in data.sources()


def test_an_error_in_a_part_names_the_cache_file_and_row() -> None:
    _store(KRISTIANSAND_2014.replace(",0.75,", ",7.5,"))
    with pytest.raises(
        DataError, match=r"intro_outcomes\.csv, row 1, field 'share', value '7\.5'"
    ) as e:
        data.read_rows("intro_outcomes")
    assert "ssb-10824-" in str(e.value.file)


def test_an_english_text_without_its_bokmaal_in_a_part_names_the_cache_file() -> None:
    _store(KRISTIANSAND_2014.replace(",,,test-fetch", ",,An orphan.,test-fetch"))
    with pytest.raises(DataError, match="translation without the bokmål text in note") as e:
        data.read_rows("intro_outcomes")
    assert "ssb-10824-" in str(e.value.file)
    assert (e.value.row, e.value.field) == (1, "note_en")


def test_a_part_from_another_version_says_to_update_again(tmp_path: Path) -> None:
    stored = _store(KRISTIANSAND_2014)
    part = stored.folder / "intro_outcomes.csv"
    # As a bosetting before the English columns wrote it: no note_en.
    text = part.read_text(encoding="utf-8").replace("note,note_en,source_ids", "note,source_ids")
    part.write_text(text, encoding="utf-8")
    manifest = json.loads((stored.folder.parent / "ssb-10824.json").read_text())
    for t in manifest["tables"]:
        if t["file"] == "intro_outcomes.csv":
            t["sha256"] = _cache.sha256_hex(part.read_bytes())
    (stored.folder.parent / "ssb-10824.json").write_text(json.dumps(manifest))
    data.forget_cache()
    with pytest.raises(DataError, match="another version of bosetting; run 'bosetting update'"):
        data.read_rows("intro_outcomes")


def test_a_changed_part_no_longer_matches_its_hash() -> None:
    stored = _store(KRISTIANSAND_2014)
    (stored.folder / "intro_outcomes.csv").write_bytes(b"changed")
    with pytest.raises(DataError, match="no longer matches the SHA-256"):
        data.read_rows("intro_outcomes")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"{", "not JSON"),
        (b'{"format": 99}', "another version"),
        (b'{"format": 1, "source": "klass-131"}', "source is not as bosetting writes it"),
    ],
)
def test_a_damaged_manifest_is_one_clear_error(content: bytes, problem: str) -> None:
    folder = data.cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "ssb-10824.json").write_bytes(content)
    data.forget_cache()
    with pytest.raises(DataError, match=problem):
        data.read_rows("intro_outcomes")
    with data.using("shipped"):
        assert data.read_rows("intro_outcomes")


def test_storing_is_all_or_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    _store(KRISTIANSAND_2014)
    before = _snapshot(data.cache_dir())
    real = _cache.write_user_bytes
    calls = []

    def failing(path: Path, content: bytes, *, force: bool = False) -> Path:
        calls.append(path)
        if len(calls) == 2:
            raise WriteError("the disk is full", file=str(path))
        return real(path, content, force=force)

    monkeypatch.setattr(_cache, "write_user_bytes", failing)
    with pytest.raises(WriteError):
        _store(KRISTIANSAND_2014.replace("120", "121"))
    assert _snapshot(data.cache_dir()) == before


def test_a_new_store_replaces_the_old_folder() -> None:
    first = _store(KRISTIANSAND_2014)
    second = _store(KRISTIANSAND_2014.replace("120", "121"))
    assert not first.folder.exists()
    assert second.folder.is_dir()
    assert [s.name for s in data.cached_sources()] == ["ssb-10824"]


def test_sources_of_figures() -> None:
    with pytest.raises(ArgumentError, match="'auto', 'shipped' or 'refreshed'"):
        data.set_source("newest")
    with pytest.raises(NoDataError, match="run 'bosetting update' first"), data.using("refreshed"):
        pass
    data.set_source("shipped")
    _store(KRISTIANSAND_2014)
    assert not data.current_view().refreshed
    with data.using("auto") as view:
        assert view.refreshed
    data.set_source(None)
    assert data.current_view().refreshed
