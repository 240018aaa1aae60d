"""Doctests are documentation, and the documentation is English: they run in English.

The library's default language is bokmål (see :mod:`bosetting.i18n`); the
examples in docstrings show what a user sees with ``BOSETTING_LANG=en``. This
file is not part of the package (the wheel ships ``src/bosetting`` only).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bosetting import i18n


@pytest.fixture(autouse=True)
def _english_doctests() -> Iterator[None]:
    i18n.set_language("en")
    yield
    i18n.set_language("en")
