"""Which language is active: the languages bosetting speaks, the choice, the catalogues.

The face is :mod:`bosetting.i18n`; this module is its engine for choosing a
language and finding its gettext catalogue.
"""

from __future__ import annotations

import contextvars
import gettext as _gettext
import os
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from bosetting.errors import ArgumentError

__all__ = [
    "DEFAULT_LANGUAGE",
    "DOMAIN",
    "ENV_VAR",
    "LANGUAGES",
    "LOCALE_DIR",
    "N_",
    "SOURCE_LANGUAGE",
    "TEXT_LANGUAGE",
    "Language",
    "catalogue",
    "get_language",
    "language",
    "language_from_env",
    "normalise_language",
    "set_language",
    "text_languages",
]

#: Where the shipped catalogues are: ``<code>/LC_MESSAGES/bosetting.mo``.
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


class Language(NamedTuple):
    """A language bosetting speaks: one entry of :data:`LANGUAGES`."""

    #: What ``--lang``, ``BOSETTING_LANG`` and :func:`set_language` take (``"nb"``).
    code: str
    #: The CLDR locale Babel writes numbers, shares, dates and lists with (``"nb_NO"``).
    locale: str
    #: Other names it answers to (``"nob"``, ``"no"``).
    aliases: tuple[str, ...] = ()
    #: The folder holding its catalogue, ``<code>/LC_MESSAGES/bosetting.mo``: the
    #: shipped :data:`LOCALE_DIR` unless given (a catalogue being written elsewhere).
    locale_dir: Path = LOCALE_DIR
    #: The languages a text in the data is shown in, in this order, when it has no
    #: version in this language (:data:`TEXT_LANGUAGE`, which every text has, comes last).
    text_fallbacks: tuple[str, ...] = ()


#: The languages bosetting speaks, by code. Adding one is an entry here and its
#: catalogue, ``locale/<code>/LC_MESSAGES/bosetting.po`` (see the module docstring).
LANGUAGES: dict[str, Language] = {
    "nb": Language("nb", "nb_NO", ("nob", "no")),
    "en": Language("en", "en_GB", ("eng",)),
}
#: The language when nothing else is chosen.
DEFAULT_LANGUAGE = "nb"
#: The language of the message ids in the code: it needs no catalogue.
SOURCE_LANGUAGE = "en"
#: The language every text in the data is written in first (``summary_nb``, ``note``);
#: other languages are columns beside it (``summary_en``, ``note_en``).
TEXT_LANGUAGE = "nb"
#: The environment variable that chooses the language.
ENV_VAR = "BOSETTING_LANG"
#: The gettext domain (the catalogue's file name).
DOMAIN = "bosetting"

_chosen: str | None = None
_override: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "bosetting_language", default=None
)
_catalogues: dict[Language, _gettext.NullTranslations] = {}


def N_(message: str) -> str:  # noqa: N802 (the gettext convention)
    """Mark a literal for the catalogue without translating it (translate it where shown)."""
    return message


def refuse_argument(argument: str, expected: str, value: object) -> ArgumentError:
    """The error for an argument of an i18n function of the wrong kind (the floor below :func:`bosetting.model.checked`)."""
    shown = value if value is None or isinstance(value, str | int | float) else type(value).__name__
    return ArgumentError(
        N_("the argument {argument} is {expected}, not {kind}"),
        argument=argument,
        expected=expected,
        kind="None" if value is None else type(value).__name__,
        field=argument,
        value=shown,
    )


def normalise_language(lang: object) -> str:
    """The code of the language in :data:`LANGUAGES` that ``lang`` names (``"nb"``, ``"en"``).

    Region and encoding are ignored (``"nb_NO.UTF-8"`` is ``"nb"``, ``"en-GB"`` is ``"en"``).

    Raises:
        ArgumentError: For any other language.

    Examples:
        >>> normalise_language("nb_NO.UTF-8"), normalise_language("EN")
        ('nb', 'en')
    """
    if isinstance(lang, str):
        base = re.split(r"[-_.@]", lang.strip().casefold(), maxsplit=1)[0]
        for known in LANGUAGES.values():
            if base == known.code or base in known.aliases:
                return known.code
    raise ArgumentError(
        N_("unknown language; bosetting speaks {languages}"),
        field="language",
        value=lang,
        languages=", ".join(LANGUAGES),
    )


def language_from_env() -> str | None:
    """The language ``BOSETTING_LANG`` asks for, or ``None`` when it is not set.

    Raises:
        ArgumentError: When it names a language bosetting does not speak.
    """
    raw = os.environ.get(ENV_VAR, "").strip()
    if not raw:
        return None
    try:
        return normalise_language(raw)
    except ArgumentError as exc:
        raise ArgumentError(
            N_("{variable} names an unknown language; bosetting speaks {languages}"),
            field=ENV_VAR,
            value=exc.value,
            variable=ENV_VAR,
            languages=", ".join(LANGUAGES),
        ) from None


def _env_language() -> str:
    try:
        return language_from_env() or DEFAULT_LANGUAGE
    except ArgumentError as exc:
        token = _override.set(DEFAULT_LANGUAGE)  # render the warning without asking again
        try:
            warnings.warn(
                catalogue()
                .gettext(N_("{problem}; using {language}"))
                .format(problem=exc, language=DEFAULT_LANGUAGE),
                RuntimeWarning,
                stacklevel=3,
            )
        finally:
            _override.reset(token)
        return DEFAULT_LANGUAGE


def set_language(lang: str | None) -> None:
    """Choose the language of everything bosetting writes, for the whole process.

    Args:
        lang: ``"nb"`` (Norwegian bokmål, the default) or ``"en"``; ``None``
            goes back to ``BOSETTING_LANG`` or the default.

    Raises:
        ArgumentError: For a language bosetting does not speak.

    Examples:
        >>> import bosetting as bs
        >>> bs.set_language("en")
        >>> bs.edition(2017)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        bosetting.errors.EditionNotFound: field 'edition', value 2017: no edition exists for the work year 2017: ...
        >>> bs.set_language("nb")
        >>> bs.edition(2017)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        bosetting.errors.EditionNotFound: felt «edition», verdi 2017: det finnes ingen utdeling for arbeidsåret 2017: ...
        >>> bs.set_language(None)
    """
    global _chosen
    _chosen = None if lang is None else normalise_language(lang)


def get_language() -> str:
    """The active language: a :func:`language` block, :func:`set_language`, the environment, ``nb``."""
    return _override.get() or _chosen or _env_language()


def text_languages(lang: str | None = None) -> tuple[str, ...]:
    """The languages to show a data text in, best first.

    That is ``lang`` (the active one when ``None``), its
    :attr:`Language.text_fallbacks`, then :data:`TEXT_LANGUAGE`.

    Raises:
        ArgumentError: For a language bosetting does not speak.

    Examples:
        >>> text_languages("en"), text_languages("nb")
        (('en', 'nb'), ('nb',))
    """
    code = get_language() if lang is None else normalise_language(lang)
    chain = (code, *LANGUAGES[code].text_fallbacks, TEXT_LANGUAGE)
    return tuple(dict.fromkeys(chain))


@contextmanager
def language(lang: str) -> Iterator[str]:
    """Use ``lang`` inside a ``with`` block (this thread or task only), then go back.

    Raises:
        ArgumentError: For a language bosetting does not speak.
    """
    token = _override.set(normalise_language(lang))
    try:
        yield get_language()
    finally:
        _override.reset(token)


def catalogue() -> _gettext.NullTranslations:
    """The active language's gettext catalogue (none for :data:`SOURCE_LANGUAGE`), loaded once."""
    known = LANGUAGES[get_language()]
    found = _catalogues.get(known)
    if found is None:
        if known.code == SOURCE_LANGUAGE:
            found = _gettext.NullTranslations()
        else:
            found = _gettext.translation(DOMAIN, known.locale_dir, languages=[known.code])
        _catalogues[known] = found
    return found
