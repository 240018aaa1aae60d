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

Hypothesis profiles: ``dev`` (the default) and ``ci`` (``CI`` set: reproducible)
keep the fuzzers modest; ``fuzz`` is the long run:
``HYPOTHESIS_PROFILE=fuzz .venv/bin/pytest tests/test_errors_fuzz.py`` (10 000 examples
per fuzzer, no deadline; takes tens of minutes). The fuzzers in
``tests/test_errors_fuzz.py`` scale their example counts from the profile.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator

os.environ.setdefault("MPLBACKEND", "Agg")
os.environ.pop("BOSETTING_LANG", None)

import pytest
from hypothesis import HealthCheck, settings

from bosetting import i18n

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


@pytest.fixture(autouse=True)
def _pinned_language(request: pytest.FixtureRequest) -> Iterator[None]:
    lang = "en" if request.node.path.name in ENGLISH_TEST_FILES else "nb"
    i18n.set_language(lang)
    yield
    i18n.set_language(lang)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "docs: builds the docs site and checks it in Chromium (part of `make test`)",
    )
