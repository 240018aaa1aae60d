r"""One voice: the active language and the message catalogue (bokmål by default, English on request).

Every text a person reads goes through this module: command output, reasons,
descriptions, plot labels and error messages. Source strings are English; the
Norwegian bokmål catalogue is ``bosetting/locale/nb/LC_MESSAGES/bosetting.po``,
compiled to ``bosetting.mo`` beside it and shipped in the wheel. English needs
no catalogue (the source strings are English).

Choosing the language:
    * ``bosetting.set_language("en")`` (or ``"nb"``) for the whole process;
      ``set_language(None)`` goes back to the environment or the default;
    * ``with bosetting.i18n.language("en"): ...`` for a block (a context variable);
    * the environment variable ``BOSETTING_LANG`` (``nb`` or ``en``);
    * the command's ``--lang nb|en``;
    * otherwise bokmål. An unknown language raises :class:`~bosetting.errors.ArgumentError`.

Marking a message (the whole API; code and docstrings stay English):
    * ``_("Work year")`` translates now. Parameters are keywords, placeholders are
      ``str.format`` fields: ``_("{name} was nominated in {year}", name=m, year=2022)``.
      Never build the message id with an f-string or ``+``: the id must be a
      literal, or the extractor (and the translation test) cannot see it.
    * ``ngettext("{n} nominee", "{n} nominees", n)`` for a count; ``n`` is passed
      to the placeholders too (add more keywords as needed).
    * ``N_("winner")`` only marks a literal (in a table or a module constant) and
      returns it unchanged; translate it where it is shown, with ``_(CONSTANT)``.
    * Errors: give the error class the English template, marked with ``N_``, and
      its parameters as keywords (any name but ``file``, ``row``, ``field`` and
      ``value``, which say where):
      ``raise DataError(N_("not a whole number: {text}"), text=t, file=f, row=r)``.
      :mod:`bosetting.errors` renders it (and the words "row", "field", "value")
      in the active language each time the error is shown. A parameter that is
      itself text is ``lazy_gettext("on {date}", date=d)``, so it follows too.
    * Parameters are shown as given, except: dates (``datetime.date`` or
      :class:`~bosetting.model.PartialDate`) are written with :func:`format_date`,
      and an enum member with a ``label`` (``Outcome.WINNER``) as that word.
      Format numbers and shares yourself, with the formatters below.
    * Enum values are never shown as identifiers: every enum in :mod:`bosetting.model`
      has ``.label`` (``Outcome.WINNER.label`` is "vinner" / "winner").

Formatting (one formatter per kind, both languages):
    * :func:`format_number`: ``12 345`` (no-break space) / ``12,345``; decimals ``0,5`` / ``0.5``;
    * :func:`format_share`: ``68,6 %`` / ``68.6%`` (a share is a number in [0, 1]);
    * :func:`format_date`: ``17. november 2022`` / ``17 November 2022``, and for a
      date known only to the month or year ``november 2022`` / ``2022``;
    * :func:`join_words`: ``a, b og c`` / ``a, b and c``.

Adding or changing a message:
    1. Mark it in the code as above (English).
    2. ``make messages`` extracts every marked message from ``src/`` into
       ``locale/bosetting.pot`` and merges it into the ``.po``.
    3. Write the bokmål ``msgstr`` in the ``.po`` (plain words for municipal staff;
       keep every ``{placeholder}``); remove any ``#, fuzzy`` flag after checking.
    4. ``make messages`` again compiles the ``.mo``. ``tests/test_i18n.py`` fails
       while a message lacks a translation or the ``.mo`` differs from the ``.po``.

Examples:
    >>> with language("en"):
    ...     format_share(0.686), format_date(date(2022, 11, 17))
    ('68.6%', '17 November 2022')
    >>> with language("nb"):
    ...     format_share(0.686), format_date(date(2022, 11, 17)), format_number(12345)
    ('68,6 %', '17. november 2022', '12\xa0345')
    >>> with language("nb"):
    ...     ngettext("{n} nominee", "{n} nominees", 5)
    '5 nominerte'
"""

from __future__ import annotations

import contextvars
import enum
import gettext as _gettext
import os
import re
import warnings
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from bosetting import errors
from bosetting.errors import ArgumentError

__all__ = [
    "DEFAULT_LANGUAGE",
    "DOMAIN",
    "ENV_VAR",
    "LANGUAGES",
    "LOCALE_DIR",
    "N_",
    "LazyText",
    "_",
    "format_date",
    "format_number",
    "format_share",
    "get_language",
    "join_words",
    "language",
    "language_from_env",
    "lazy_gettext",
    "ngettext",
    "normalise_language",
    "set_language",
]

#: The languages bosetting speaks.
LANGUAGES: tuple[str, ...] = ("nb", "en")
#: The language when nothing else is chosen.
DEFAULT_LANGUAGE = "nb"
#: The environment variable that chooses the language.
ENV_VAR = "BOSETTING_LANG"
#: The gettext domain (the catalogue's file name).
DOMAIN = "bosetting"
#: Where the compiled catalogues are: ``<lang>/LC_MESSAGES/bosetting.mo``.
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

_ALIASES = {"nb": "nb", "nob": "nb", "no": "nb", "en": "en", "eng": "en"}

_chosen: str | None = None
_override: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "bosetting_language", default=None
)
_catalogues: dict[str, _gettext.NullTranslations] = {}


def N_(message: str) -> str:  # noqa: N802 (the gettext convention)
    """Mark a literal for the catalogue without translating it (translate it where shown)."""
    return message


def normalise_language(lang: object) -> str:
    """The language code bosetting uses for ``lang`` (``"nb"`` or ``"en"``).

    Region and encoding are ignored (``"nb_NO.UTF-8"`` is ``"nb"``, ``"en-GB"`` is ``"en"``).

    Raises:
        ArgumentError: For any other language.

    Examples:
        >>> normalise_language("nb_NO.UTF-8"), normalise_language("EN")
        ('nb', 'en')
    """
    if isinstance(lang, str):
        base = re.split(r"[-_.@]", lang.strip().casefold(), maxsplit=1)[0]
        if base in _ALIASES:
            return _ALIASES[base]
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
                _("{problem}; using {language}", problem=exc, language=DEFAULT_LANGUAGE),
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


def _catalogue() -> _gettext.NullTranslations:
    lang = get_language()
    found = _catalogues.get(lang)
    if found is None:
        if lang == "en":
            found = _gettext.NullTranslations()
        else:
            found = _gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang])
        _catalogues[lang] = found
    return found


class DateLike(Protocol):
    """A date as precisely as known: :class:`datetime.date` or ``PartialDate``."""

    @property
    def year(self) -> int | None: ...

    @property
    def month(self) -> int | None: ...

    @property
    def day(self) -> int | None: ...


def _is_date(value: object) -> bool:
    return isinstance(value, date) or (
        all(hasattr(value, a) for a in ("year", "month", "day")) and hasattr(value, "precision")
    )


def _shown(value: Any) -> Any:
    if isinstance(value, LazyText):
        return str(value)
    if isinstance(value, enum.Enum) and isinstance(getattr(type(value), "label", None), property):
        return str(getattr(value, "label"))  # noqa: B009 (not every enum has one)
    if _is_date(value):
        return format_date(value)
    return value


def _format(text: str, params: Mapping[str, Any]) -> str:
    if not params:
        return text
    return text.format(**{k: _shown(v) for k, v in params.items()})


def _(message: str, /, **params: Any) -> str:
    """Translate ``message`` into the active language and fill in ``params``.

    Examples:
        >>> with language("nb"):
        ...     _("Note: {note}", note="se kilden")
        'Merknad: se kilden'
    """
    return _format(_catalogue().gettext(message), params)


def ngettext(singular: str, plural: str, n: int, /, **params: Any) -> str:
    """Translate a message whose form depends on the count ``n`` (also given as ``{n}``)."""
    return _format(_catalogue().ngettext(singular, plural, n), {"n": n, **params})


class LazyText:
    """A message translated each time it is shown (for texts made before the language is known).

    Examples:
        >>> t = lazy_gettext("unknown")
        >>> with language("en"):
        ...     str(t)
        'unknown'
        >>> with language("nb"):
        ...     str(t)
        'ukjent'
    """

    __slots__ = ("message", "params")

    def __init__(self, message: str, params: Mapping[str, Any]) -> None:
        self.message = message
        self.params = dict(params)

    def __str__(self) -> str:
        return _(self.message, **self.params)

    def __repr__(self) -> str:
        return f"lazy_gettext({self.message!r})"


def lazy_gettext(message: str, /, **params: Any) -> LazyText:
    """A :class:`LazyText`: ``message`` with ``params``, translated when shown."""
    return LazyText(message, params)


def _group(digits: str, sep: str) -> str:
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return sep.join(parts)


def format_number(value: float, digits: int = 0) -> str:
    """A number with the language's thousands separator and decimal mark.

    Args:
        value: The number (a count or a measure; not a year or a code).
        digits: Decimals to show.

    Examples:
        >>> with language("en"):
        ...     format_number(3170), format_number(0.5, 1)
        ('3,170', '0.5')
    """
    text = f"{abs(value):.{digits}f}"
    whole, _dot, frac = text.partition(".")
    nb = get_language() == "nb"
    out = _group(whole, "\u00a0" if nb else ",")
    if frac:
        out += ("," if nb else ".") + frac
    return "-" + out if value < 0 and float(text) != 0 else out


def format_share(share: float, digits: int = 1) -> str:
    """A share in [0, 1] as a percentage: ``68,6 %`` in bokmål, ``68.6%`` in English.

    Examples:
        >>> with language("nb"):
        ...     format_share(0.69, 0), format_share(1.061)
        ('69 %', '106,1 %')
    """
    number = format_number(share * 100, digits)
    return f"{number} %" if get_language() == "nb" else f"{number}%"


_MONTHS = (
    N_("January"),
    N_("February"),
    N_("March"),
    N_("April"),
    N_("May"),
    N_("June"),
    N_("July"),
    N_("August"),
    N_("September"),
    N_("October"),
    N_("November"),
    N_("December"),
)


def format_date(when: DateLike | None) -> str:
    """A date as precisely as it is known, in the language's own form.

    Examples:
        >>> with language("nb"):
        ...     format_date(date(2019, 2, 13))
        '13. februar 2019'
        >>> with language("en"):
        ...     format_date(date(2019, 2, 13))
        '13 February 2019'
    """
    year = None if when is None else when.year
    if year is None or when is None:
        return _("date unknown")
    if when.month is None:
        return str(year)
    month = _(_MONTHS[when.month - 1])
    if when.day is None:
        return _("{month} {year}", month=month, year=year)
    return _("{day} {month} {year}", day=when.day, month=month, year=year)


def join_words(items: Iterable[object]) -> str:
    """Join items as a list in prose: ``a, b og c`` / ``a, b and c``."""
    words = [str(i) for i in items]
    if len(words) < 2:
        return "".join(words)
    return _("{items} and {last}", items=", ".join(words[:-1]), last=words[-1])


def _render_error(message: str, params: Mapping[str, Any]) -> str:
    return _(message, **params)


errors.set_renderer(_render_error)
