"""Doctests are documentation, and the documentation is English: they run in English.

They show the shipped figures: every doctest starts with an empty cache of
refreshed figures of its own (``BOSETTING_CACHE_DIR``), so a developer's
``bosetting update`` never changes what they show.

The library's default language is bokmål (see :mod:`bosetting.i18n`); the
examples in docstrings show what a user sees with ``BOSETTING_LANG=en``. This
file is not part of the package (the wheel ships ``src/bosetting`` only).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bosetting import data, i18n


@pytest.fixture(autouse=True)
def _empty_cache(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[None]:
    monkeypatch.setenv(data.CACHE_ENV_VAR, str(tmp_path_factory.mktemp("cache")))
    data.set_source(None)
    yield
    data.set_source(None)


@pytest.fixture(autouse=True)
def _english_doctests() -> Iterator[None]:
    i18n.set_language("en")
    yield
    i18n.set_language("en")
