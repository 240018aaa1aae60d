"""Numbers, shares, dates and lists in the active language, written by Babel.

Each language's CLDR locale (:attr:`Language.locale`) decides the signs, the
grouping, the patterns, the month names and the list words. Babel is imported on
the first call, never on ``import bosetting``. The face is :mod:`bosetting.i18n`.
"""

from __future__ import annotations

import copy
import functools
import math
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from numbers import Rational, Real
from typing import TYPE_CHECKING, Literal, Protocol

from bosetting.errors import ArgumentError
from bosetting.i18n._language import LANGUAGES, N_, catalogue, get_language, refuse_argument

if TYPE_CHECKING:
    from babel import Locale
    from babel.numbers import NumberPattern

__all__ = [
    "DateLike",
    "decimal_sign",
    "format_date",
    "format_number",
    "format_share",
    "join_words",
    "language_names",
]

_DATE_UNKNOWN = N_("date unknown")


class DateLike(Protocol):
    """A date as precisely as known: :class:`datetime.date` or ``PartialDate``."""

    @property
    def year(self) -> int | None: ...

    @property
    def month(self) -> int | None: ...

    @property
    def day(self) -> int | None: ...


def _locale() -> Locale:
    """The active language's Babel locale (Babel loads on the first call)."""
    return _babel_locale(LANGUAGES[get_language()].locale)


@functools.cache
def _babel_locale(name: str) -> Locale:
    from babel import Locale

    return Locale.parse(name)


@functools.cache
def _pattern(name: str, kind: str, digits: int) -> NumberPattern:
    """The locale's own decimal or percent pattern with exactly ``digits`` decimals."""
    locale = _babel_locale(name)
    pattern = copy.copy(
        (locale.percent_formats if kind == "percent" else locale.decimal_formats)[None]
    )
    pattern.frac_prec = (digits, digits)
    return pattern  # type: ignore[no-any-return]


def _decimal(value: float) -> Decimal:
    """``value`` as the decimal a person reads (a float as its shortest ``repr``, a fraction exactly)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, Rational):  # int, bool, Fraction
        return Decimal(value.numerator) / Decimal(value.denominator)
    return Decimal(repr(float(value)))


#: The most decimals a formatter shows.
MAX_DIGITS = 15
#: Numbers the formatters write are smaller than this in size (counts and measures, never more).
MAX_FORMATTED = 10**18


def _number(value: float, kind: str, digits: int) -> str:
    if not isinstance(value, Real | Decimal) or isinstance(value, bool):
        raise refuse_argument("value", "float", value)
    finite = value.is_finite() if isinstance(value, Decimal) else math.isfinite(value)
    if not finite or abs(value) >= MAX_FORMATTED:
        raise ArgumentError(
            N_("the argument {argument} is a finite number below 10^18 in size"),
            argument="value",
            field="value",
            value=value if isinstance(value, float | int) else str(value),
        )
    if not isinstance(digits, int) or isinstance(digits, bool) or not 0 <= digits <= MAX_DIGITS:
        raise refuse_argument("digits", "int", digits)
    number = _decimal(value)
    scale = 2 if kind == "percent" else 0
    if number.is_finite() and number.scaleb(scale).quantize(Decimal(1).scaleb(-digits)) == 0:
        number = Decimal(0)  # what rounds to nothing is 0, never -0
    locale = _locale()
    return str(_pattern(str(locale), kind, digits).apply(number, locale))


def format_number(value: float, digits: int = 0) -> str:
    """A number in the language's own form (Babel, the language's CLDR locale).

    Rounded half to even on the decimal shown (``2.675`` → ``2.68``); what rounds
    to zero is written without a sign.

    Args:
        value: The number (a count or a measure; not a year or a code).
        digits: Decimals to show.

    Examples:
        >>> from bosetting.i18n import language
        >>> with language("en"):
        ...     format_number(3170), format_number(0.5, 1), format_number(-0.04, 1)
        ('3,170', '0.5', '0.0')
    """
    return _number(value, "decimal", digits)


def format_share(share: float, digits: int = 1) -> str:
    r"""A share in [0, 1] as a percentage in the language's own form: ``68,6 %`` / ``68.6%``.

    Examples:
        >>> from bosetting.i18n import language
        >>> with language("nb"):
        ...     format_share(0.69, 0), format_share(1.061)
        ('69\xa0%', '106,1\xa0%')
    """
    return _number(share, "percent", digits)


def language_names() -> dict[str, str]:
    """Each language's name in the active language, by code (from CLDR).

    Examples:
        >>> from bosetting.i18n import language
        >>> with language("nb"):
        ...     language_names()
        {'nb': 'norsk bokmål', 'en': 'engelsk'}
    """
    here = _locale()
    return {
        code: _babel_locale(known.locale).get_language_name(here) or code
        for code, known in LANGUAGES.items()
    }


def decimal_sign() -> str:
    """The active language's decimal sign (``","`` in bokmål, ``"."`` in English)."""
    from babel.numbers import get_decimal_symbol

    return str(get_decimal_symbol(_locale()))


def format_date(when: DateLike | None) -> str:
    """A date as precisely as it is known, in the language's own long form.

    Examples:
        >>> from bosetting.i18n import language
        >>> from bosetting.model import PartialDate
        >>> with language("nb"):
        ...     format_date(date(2019, 2, 13)), format_date(PartialDate(2019, 2))
        ('13. februar 2019', 'februar 2019')
        >>> with language("en"):
        ...     format_date(date(2019, 2, 13))
        '13 February 2019'
    """
    if when is not None and not all(hasattr(when, a) for a in ("year", "month", "day")):
        raise refuse_argument("when", "DateLike | None", when)
    year = None if when is None else when.year
    if year is None or when is None:
        return catalogue().gettext(_DATE_UNKNOWN)
    if when.month is None:
        return str(year)
    from babel.dates import format_date as babel_date
    from babel.dates import format_skeleton

    if when.day is None:
        return str(format_skeleton("yMMMM", date(year, when.month, 1), locale=_locale()))
    return str(babel_date(date(year, when.month, when.day), "long", locale=_locale()))


def join_words(items: Iterable[object], *, conjunction: Literal["and", "or"] = "and") -> str:
    """Join items as a list in prose: ``a, b og c`` / ``a, b and c``; ``conjunction="or"``: ``a eller b``.

    Examples:
        >>> from bosetting.i18n import language
        >>> with language("en"):
        ...     join_words(["a", "b", "c"]), join_words(["nb", "en"], conjunction="or")
        ('a, b and c', 'nb or en')
    """
    if isinstance(items, str | bytes) or not isinstance(items, Iterable):
        raise refuse_argument("items", "Iterable[object]", items)
    if conjunction not in ("and", "or"):
        raise refuse_argument("conjunction", "'and' | 'or'", conjunction)
    words = [str(i) for i in items]
    if len(words) < 2:
        return "".join(words)
    from babel.lists import format_list

    style: Literal["standard", "or"] = "or" if conjunction == "or" else "standard"
    return format_list(words, style=style, locale=_locale())
