r"""One voice: the active language, the message catalogue and the formatters (bokmål by default).

Every text a person reads goes through this module: command output, reasons,
descriptions, plot labels and error messages. Source strings are English; each
other language in :data:`LANGUAGES` has a catalogue,
``bosetting/locale/<code>/LC_MESSAGES/bosetting.po`` (bokmål: ``nb``), compiled
to ``bosetting.mo`` beside it and shipped in the wheel. English, the language of
the message ids (:data:`SOURCE_LANGUAGE`), needs none. Numbers, shares, dates and
lists are written by Babel with the language's CLDR locale (``nb_NO``, ``en_GB``);
Babel loads on the first such call, never on ``import bosetting``.

Choosing the language:
    * ``bosetting.set_language("en")`` (or ``"nb"``) for the whole process;
      ``set_language(None)`` goes back to the environment or the default;
    * ``with bosetting.i18n.language("en"): ...`` for a block (a context variable);
    * the environment variable ``BOSETTING_LANG`` (a code of :data:`LANGUAGES`);
    * the command's ``--lang``;
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

Formatting (one formatter per kind; Babel, with the language's locale):
    * :func:`format_number`: ``12 345`` (no-break space) / ``12,345``; decimals ``0,5`` / ``0.5``;
    * :func:`format_share`: ``68,6 %`` (no-break space) / ``68.6%`` (a share is a number in [0, 1]);
    * :func:`format_date`: ``17. november 2022`` / ``17 November 2022``, and for a
      date known only to the month or year ``november 2022`` / ``2022``;
    * :func:`join_words`: ``a, b og c`` / ``a, b and c`` (``a eller b`` / ``a or b``);
    * :func:`decimal_sign`: ``,`` / ``.`` (what a spreadsheet set up for the language expects).

Adding or changing a message:
    1. Mark it in the code as above (English).
    2. ``make messages`` extracts every marked message from ``src/`` into
       ``locale/bosetting.pot`` and merges it into every ``.po``.
    3. Write each ``msgstr`` in the ``.po`` files (plain words for municipal staff;
       keep every ``{placeholder}``); remove any ``#, fuzzy`` flag after checking.
    4. ``make messages`` again compiles the ``.mo`` files. ``tests/test_i18n.py`` fails
       while a message lacks a translation or a ``.mo`` differs from its ``.po``.

Texts in the data (notes, summaries, criteria) are written in bokmål
(:data:`TEXT_LANGUAGE`) and in English, in columns side by side; a
:class:`bosetting.model.Text` shows the version :func:`text_languages` picks for
the active language.

Adding a language (nynorsk, say):
    1. One entry in :data:`LANGUAGES`: ``"nn": Language("nn", "nn_NO", ("nno",))``. Its
       data texts fall back to bokmål until the tables get ``_nn`` columns; give
       ``text_fallbacks=("en",)`` to a language closer to English.
    2. ``.venv/bin/pybabel init -D bosetting -l nn -i src/bosetting/locale/bosetting.pot
       -d src/bosetting/locale``; translate the new ``.po``; ``make messages``.
    Numbers, dates and lists follow from the locale; ``--lang``, its help and
    ``BOSETTING_LANG`` take the new code; ``--excel`` follows its decimal sign.

Examples:
    >>> from datetime import date
    >>> from bosetting.i18n import format_date, format_number, format_share, language, ngettext
    >>> with language("en"):
    ...     format_share(0.686), format_date(date(2022, 11, 17))
    ('68.6%', '17 November 2022')
    >>> with language("nb"):
    ...     format_share(0.686), format_date(date(2022, 11, 17)), format_number(12345)
    ('68,6\xa0%', '17. november 2022', '12\xa0345')
    >>> with language("nb"):
    ...     ngettext("{n} nominee", "{n} nominees", 5)
    '5 nominerte'
"""

from __future__ import annotations

from bosetting.i18n._formats import (
    DateLike,
    decimal_sign,
    format_date,
    format_number,
    format_share,
    join_words,
    language_names,
)
from bosetting.i18n._language import (
    DEFAULT_LANGUAGE,
    DOMAIN,
    ENV_VAR,
    LANGUAGES,
    LOCALE_DIR,
    N_,
    SOURCE_LANGUAGE,
    TEXT_LANGUAGE,
    Language,
    get_language,
    language,
    language_from_env,
    normalise_language,
    set_language,
    text_languages,
)
from bosetting.i18n._messages import LazyText, _, lazy_gettext, ngettext

__all__ = [
    "DEFAULT_LANGUAGE",
    "DOMAIN",
    "ENV_VAR",
    "LANGUAGES",
    "LOCALE_DIR",
    "N_",
    "SOURCE_LANGUAGE",
    "TEXT_LANGUAGE",
    "DateLike",
    "Language",
    "LazyText",
    "_",
    "decimal_sign",
    "format_date",
    "format_number",
    "format_share",
    "get_language",
    "join_words",
    "language",
    "language_from_env",
    "language_names",
    "lazy_gettext",
    "ngettext",
    "normalise_language",
    "set_language",
    "text_languages",
]
