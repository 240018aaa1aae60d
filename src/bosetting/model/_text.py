"""A text a person reads in the data, in bokmål and in English: :class:`Text`.

Every note, summary and criterion in the tables is written in bokmål (the
``note`` or ``summary_nb`` column) and in English beside it (``note_en``,
``summary_en``), in our own words. A :class:`Text` holds both; ``str(text)``
is the version for the active language (:func:`bosetting.i18n.text_languages`
says which: the language itself, its fallbacks, then bokmål), so code that
shows a data text never asks which language is active.

Examples:
    >>> from bosetting.i18n import language
    >>> t = Text("Bare vinneren er kjent.", en="Only the winner is known.")
    >>> with language("en"):
    ...     str(t)
    'Only the winner is known.'
    >>> with language("nb"):
    ...     f"Merknad: {t}"
    'Merknad: Bare vinneren er kjent.'
    >>> t.text("en"), Text("Oslo").text("en")
    ('Only the winner is known.', 'Oslo')
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from bosetting.i18n import text_languages
from bosetting.model import _validate as v
from bosetting.model._arguments import checked

__all__ = ["Text"]


@checked
@attrs.frozen
class Text:
    """One text in bokmål and, where written, in English.

    Attributes:
        nb: The text in bokmål (every text has it).
        en: The text in English, or ``None`` where none is written yet.
    """

    nb: str = attrs.field(validator=v.nonempty_text)
    en: str | None = attrs.field(default=None, validator=v.optional_text)

    def written(self) -> dict[str, str]:
        """The versions there are, by language code (bokmål first)."""
        return {code: value for code, value in (("nb", self.nb), ("en", self.en)) if value}

    def text(self, lang: str | None = None) -> str:
        """The version for ``lang`` (the active language when ``None``), or the nearest one.

        Raises:
            ArgumentError: For a language bosetting does not speak.
        """
        versions = self.written()
        for code in text_languages(lang):
            if code in versions:
                return versions[code]
        return self.nb

    @classmethod
    @checked
    def join(cls, texts: Iterable[Text], sep: str = " ") -> Text:
        """Several texts as one, each language joined by ``sep`` (English only if all have it).

        Examples:
            >>> Text.join([Text("A.", en="A."), Text("B.", en="B.")]).en
            'A. B.'
        """
        parts = list(texts)
        english = [t.en for t in parts]
        joined_en = None if None in english else sep.join(e for e in english if e)
        return cls(sep.join(t.nb for t in parts), en=joined_en)

    def __str__(self) -> str:
        return self.text()

    def __format__(self, spec: str) -> str:
        return format(self.text(), spec)
