"""A data text in bokmål and English (:class:`bosetting.model.Text`): one home for choosing the language."""

from __future__ import annotations

import pytest
from hypothesis import given

from bosetting import i18n
from bosetting.errors import ArgumentError
from bosetting.i18n import Language, language, text_languages
from bosetting.model import Text, converter
from tests.strategies import data_texts

NOTE = Text("Bare vinneren er kjent.", en="Only the winner is known.")


def test_the_active_language_picks_the_version() -> None:
    with language("nb"):
        assert str(NOTE) == NOTE.nb
        assert f"{NOTE:>30}".strip() == NOTE.nb
    with language("en"):
        assert str(NOTE) == NOTE.en
        assert f"Note: {NOTE}" == "Note: Only the winner is known."
    assert NOTE.text("en") == NOTE.en
    assert NOTE.text("nb") == NOTE.nb


def test_a_text_without_english_falls_back_to_bokmaal() -> None:
    assert Text("Oslo").text("en") == "Oslo"
    assert Text("Oslo").written() == {"nb": "Oslo"}


def test_a_third_language_falls_back_sensibly(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nynorsk (no columns of its own) falls back to bokmål; a language closer to English to English."""
    monkeypatch.setitem(i18n.LANGUAGES, "nn", Language("nn", "nn_NO", ("nno",)))
    monkeypatch.setitem(i18n.LANGUAGES, "de", Language("de", "de_DE", text_fallbacks=("en",)))
    assert text_languages("nn") == ("nn", "nb")
    assert text_languages("de") == ("de", "en", "nb")
    assert NOTE.text("nn") == NOTE.nb
    assert NOTE.text("de") == NOTE.en
    assert Text("Bare bokmål.").text("de") == "Bare bokmål."


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ArgumentError):
        NOTE.text("xx")


def test_texts_join_language_by_language() -> None:
    both = Text.join([NOTE, Text("Dato ukjent.", en="Date unknown.")])
    assert both == Text(
        "Bare vinneren er kjent. Dato ukjent.", en="Only the winner is known. Date unknown."
    )
    # English only where every part has it: never half a sentence in each language
    assert Text.join([NOTE, Text("Dato ukjent.")]).en is None


def test_an_empty_text_is_refused() -> None:
    with pytest.raises(ValueError, match="nb"):
        Text("")
    with pytest.raises(ValueError, match="en"):
        Text("x", en="")


@given(data_texts)
def test_the_converter_round_trips_every_text(t: Text) -> None:
    data = converter.unstructure(t)
    assert set(data) == {"nb", "en"}
    assert converter.structure(data, Text) == t
