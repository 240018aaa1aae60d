"""What was read and built from the tables, kept prepared in the per-user cache (data/_prepared.py)."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import attrs
import pytest

import bosetting as bs
from bosetting import data
from bosetting.data import _prepared, _tables
from bosetting.history import _editions
from bosetting.register import _register

#: The functools caches that keep, in this process, what was read and built.
_IN_PROCESS = (_tables._read, _register._index, _editions._editions)


def _forget() -> None:
    for cache in _IN_PROCESS:
        cache.cache_clear()


@pytest.fixture
def fresh() -> Path:
    """A new process, as far as the tables are concerned: nothing read yet, an empty cache."""
    _forget()
    folder = _prepared.prepared_folder(data.current_view())
    assert folder is not None
    assert not folder.exists()
    return folder


def test_every_table_read_from_its_prepared_file_is_the_table_parsed(fresh: Path) -> None:
    names = data.resource_names()
    parsed = {n: data.read_rows(n) for n in names}  # parsed, then kept
    assert sorted(p.stem for p in fresh.glob("*.pickle")) == sorted(names)
    _forget()
    view = data.current_view()
    for name in names:
        again = data.read_rows(name)
        assert again == parsed[name] == _tables._read_checked(name, view), name
        assert again.origins == parsed[name].origins, name  # type: ignore[attr-defined]


def test_the_register_and_the_editions_read_back_equal_those_built(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = (_register.register_index(), bs.editions())
    kept = {p.name.split("-")[0] for p in fresh.glob("*-*.pickle")}
    assert kept == {"register", "editions"}
    _forget()
    calls: list[str] = []
    for module in (_register, _editions):
        real = module._build

        def counted(*args: object, real: Any = real) -> object:
            calls.append("built")
            return real(*args)

        monkeypatch.setattr(module, "_build", counted)
    again = (_register.register_index(), bs.editions())
    assert calls == []  # read, not built
    assert again[0].runs == built[0].runs
    assert again[0].changes == built[0].changes
    assert again[1] == built[1]
    assert bs.municipality("Kinn") == bs.municipality("4602")


def test_a_changed_table_is_parsed_again(copy_of_datasets: Path) -> None:
    _forget()
    assert "Bodø" in {r["name"] for r in data.read_rows("municipalities")}
    before = _prepared.prepared_folder(data.current_view())
    path = copy_of_datasets / "municipalities.csv"
    path.write_bytes(path.read_bytes().replace(b"Bod\xc3\xb8", b"Bodo"))
    _forget()
    assert _prepared.prepared_folder(data.current_view()) != before
    names = {r["name"] for r in data.read_rows("municipalities")}
    assert "Bodo" in names
    assert "Bodø" not in names


def test_a_damaged_prepared_file_counts_as_missing_and_is_written_anew(fresh: Path) -> None:
    rows = data.read_rows("prize_names")
    kept = fresh / "prize_names.pickle"
    kept.write_bytes(b"\x80\x05not a pickle")
    _forget()
    assert data.read_rows("prize_names") == rows
    assert pickle.loads(kept.read_bytes())[2][0] == tuple(rows)


#: What the planted prepared file's code did, when something ran it.
RAN: list[str] = []


def _ran(what: str) -> None:
    RAN.append(what)


class _Planted:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (_ran, ("planted",))


def test_a_planted_prepared_file_never_runs_code(fresh: Path) -> None:
    data.read_rows("prize_names")
    kept = fresh / "prize_names.pickle"
    kept.write_bytes(pickle.dumps((1, "prize_names", ((_Planted(),), (("x", 1),)))))
    _forget()
    assert data.read_rows("prize_names") == _tables._read_checked("prize_names", data.SHIPPED)
    assert RAN == []
    pickle.loads(pickle.dumps(_Planted()))  # what an unguarded reader would have done
    assert RAN == ["planted"]


def test_a_cache_that_cannot_be_written_leaves_reading_as_it_was(fresh: Path) -> None:
    fresh.parent.parent.mkdir(parents=True, exist_ok=True)
    fresh.parent.write_text("a file where the prepared files' folder would be")
    assert data.read_rows("editions") == _tables._read_checked("editions", data.SHIPPED)
    assert bs.edition(2022).label == "2022"
    assert fresh.parent.is_file()


def test_only_the_newest_keys_are_kept(fresh: Path) -> None:
    root = fresh.parent
    for n in range(_prepared.KEEP + 2):
        (root / f"old{n}").mkdir(parents=True)
    data.read_rows("prize_names")
    left = sorted(p.name for p in root.iterdir())
    assert len(left) == _prepared.KEEP
    assert fresh.name in left


def test_a_staged_source_is_not_kept() -> None:
    when = datetime(2026, 12, 6, tzinfo=UTC)
    staged = data.CachedSource(
        "ssb-10824", when, Path("/cache/.ssb-10824-1"), (), (), None, "0" * 64
    )
    committed = attrs.evolve(staged, folder=Path("/cache/ssb-10824-1"))
    assert _prepared.prepared_folder(data.View((staged,))) is None
    assert _prepared.prepared_folder(data.View((committed,))) is not None


#: Run in a fresh process: prepare (``make``) or read what was prepared (``read``) and compare.
_OTHER_PROCESS = """
import sys
from bosetting.data import current_view
from bosetting.history import _editions as h
from bosetting.register import _register as r

fresh = r._build(current_view())
if sys.argv[1] == "read":
    def refuse(*args):
        raise AssertionError("built again, not read")
    r._build = h._build = refuse
kept = r.register_index()
assert kept.runs == fresh.runs and kept.changes == fresh.changes
assert kept.went_into == fresh.went_into and kept.changes_to == fresh.changes_to
assert all(kept.went_into[m] == v for m, v in fresh.went_into.items())
assert len(h.editions()) > 10
"""


def test_a_process_with_another_hash_seed_reads_what_one_prepared(tmp_path: Path) -> None:
    env = {**os.environ, "BOSETTING_CACHE_DIR": str(tmp_path)}
    for seed, step in (("1", "make"), ("2", "read")):
        done = subprocess.run(
            [sys.executable, "-c", _OTHER_PROCESS, step],
            env={**env, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
