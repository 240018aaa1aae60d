"""Test settings: hypothesis profiles (``ci`` is thorough and reproducible), the language pinned.

Test files are named after the floor they test (``test_<subpackage>[_<topic>].py``);
what several of them share lives in ``helpers.py`` (``run``, the nominee
municipalities) and ``strategies.py`` (hypothesis strategies).

Every test starts in bokmål, the default a user gets, whatever ``BOSETTING_LANG``
the developer has set; a test that wants English says so (``language("en")``).
The files in :data:`ENGLISH_TEST_FILES` run in English instead: their tests
match the English message text (the source strings), so their language is
pinned, not missing. ``tests/test_i18n.py`` shows a sample of those errors in
bokmål (the default) and in English.

Every test starts with an empty cache of refreshed figures of its own
(``BOSETTING_CACHE_DIR`` points at a new, empty folder) and the source of figures
at its default, so a developer's ``bosetting update`` never reaches a test; a
test that wants refreshed figures fetches them from a loopback server
(``tests/test_ssb_update.py``).

Hypothesis profiles: ``dev`` (the default) and ``ci`` (``CI`` set: reproducible)
keep the fuzzers modest; ``fuzz`` is the long run:
``HYPOTHESIS_PROFILE=fuzz .venv/bin/pytest tests/test_errors_fuzz.py`` (10 000 examples
per fuzzer, no deadline; takes tens of minutes). The fuzzers in
``tests/test_errors_fuzz.py`` scale their example counts from the profile.
"""

from __future__ import annotations

import csv
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("MPLBACKEND", "Agg")
os.environ.pop("BOSETTING_LANG", None)

import pytest
from hypothesis import HealthCheck, settings

from bosetting import data, i18n
from bosetting.data import _tables
from tests.ssb_server import SSBServer

#: The shipped tables in the repository.
DATASETS = Path(__file__).resolve().parents[1] / "datasets"

settings.register_profile("dev", max_examples=60)
settings.register_profile(
    "ci",
    max_examples=200,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
    deadline=None,
)
settings.register_profile(
    "fuzz",
    max_examples=10_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


#: These tests match English message text; the language is pinned, not missing.
ENGLISH_TEST_FILES = frozenset(
    {
        "test_errors_bad_inputs.py",
        "test_voting_ballots.py",
        "test_cli_voting.py",
        "test_data_tables.py",
        "test_data_datapackage.py",
        "test_decision.py",
        "test_errors_fuzz.py",
        "test_jury.py",
        "test_practice.py",
        "test_ssb.py",
        "test_voting.py",
        "test_data_writes.py",
        "test_data_cache.py",
    }
)


#: The csv module's own limit on a field's length, as the process starts.
_CSV_FIELD_LIMIT = csv.field_size_limit()


@pytest.fixture(autouse=True)
def _csv_field_limit() -> Iterator[None]:
    """Every test starts with the csv module's own field limit.

    frictionless (tests/test_data_datapackage.py) raises it for the whole process when it
    validates; the bad-input catalogue's huge-field cases rely on the default.
    """
    csv.field_size_limit(_CSV_FIELD_LIMIT)
    yield
    csv.field_size_limit(_CSV_FIELD_LIMIT)


#: Where SSB's APIs are for a test that does not start the loopback server: a closed port.
_NO_NETWORK = "http://127.0.0.1:9/no-network"


@pytest.fixture
def ssb_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[SSBServer]:
    """A loopback server answering as SSB's PxWebApi 2 and KLASS do (``tests/ssb_server.py``)."""
    with SSBServer() as server:
        monkeypatch.setenv("BOSETTING_SSB_API", server.ssb_api)
        monkeypatch.setenv("BOSETTING_KLASS_API", server.klass_api)
        yield server


@pytest.fixture(autouse=True)
def _empty_cache(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[None]:
    """An empty cache of refreshed figures for every test, and the default source of figures.

    SSB's addresses point at a closed loopback port, so a test that fetches without
    the ``ssb_server`` fixture fails at once instead of reaching the network.
    """
    monkeypatch.setenv(data.CACHE_ENV_VAR, str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("BOSETTING_SSB_API", _NO_NETWORK)
    monkeypatch.setenv("BOSETTING_KLASS_API", _NO_NETWORK)
    data.set_source(None)
    yield
    data.set_source(None)


@pytest.fixture(autouse=True)
def _pinned_language(request: pytest.FixtureRequest) -> Iterator[None]:
    lang = "en" if request.node.path.name in ENGLISH_TEST_FILES else "nb"
    i18n.set_language(lang)
    yield
    i18n.set_language(lang)


@pytest.fixture
def copy_of_datasets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private copy of datasets/ that the loader reads instead of the real one.

    Edit a file of the copy, then call ``_tables._read.cache_clear()`` before reading it.
    """
    target = tmp_path / "datasets"
    shutil.copytree(DATASETS, target)
    monkeypatch.setenv(data.DATASETS_ENV, str(target))
    _forget_tables()
    yield target
    monkeypatch.delenv(data.DATASETS_ENV)
    _forget_tables()


def _forget_tables() -> None:
    for cache in (data.dataset_root, data.descriptor, _tables._read):
        cache.cache_clear()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "docs: builds the docs site and checks it in Chromium (part of `make test`)",
    )
