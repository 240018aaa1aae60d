"""The one grammar of a number a person types: a score, a weight, a command-line option.

A number is plain decimal text: an optional sign, the digits 0 to 9, and at most one
decimal point or comma (``4``, ``4,5``, ``0.5``, ``-1``). Nothing else is read:

* the text is measured before anything converts it: over :data:`MAX_NUMBER_TEXT`
  characters is refused at once (``1e99999999`` or ten thousand digits never reach
  :class:`~fractions.Fraction` or :class:`int`);
* a fraction (``3/2``, what a spreadsheet may make of a date), an underscore
  (``1_0``), an exponent (``1e5``), ``nan`` or ``inf``, a thousands separator and
  any other script's digits (``٣``, ``３``, ``²``) are refused, each with its own
  reason, where Python's :class:`float`, :class:`int` and :class:`~fractions.Fraction`
  would read many of them.

:func:`parse_number` gives an exact :class:`~fractions.Fraction`; :func:`parse_whole`
an :class:`int`. Both raise the error class the caller names (a jury sheet's
:class:`~bosetting.errors.JurySheetError`, the command's usage error), with the place
the caller gives.

Examples:
    >>> parse_number("4,5"), parse_number(" -0.25 "), parse_whole("2019")
    (Fraction(9, 2), Fraction(-1, 4), 2019)
    >>> parse_number("3/2")
    Traceback (most recent call last):
    ...
    bosetting.errors.ValidationError: value '3/2': a fraction is not read as a number (a date in a spreadsheet?); write a decimal number such as 1.5
"""

from __future__ import annotations

import re
from collections.abc import Callable
from fractions import Fraction
from typing import Any

from bosetting.errors import BosettingError, ValidationError
from bosetting.i18n import N_
from bosetting.model._arguments import checked

__all__ = ["MAX_NUMBER_TEXT", "number_problem", "parse_number", "parse_whole"]

#: The longest number text read, in characters (spaces around it included): a score,
#: a weight or a year never needs more, and nothing longer is converted.
MAX_NUMBER_TEXT = 40

_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)")
_WHOLE = re.compile(r"[+-]?[0-9]+")

_TOO_LONG = N_("a number of more than {limit} characters is not read")
_EMPTY = N_("no number given (the text is empty)")
_FRACTION = N_(
    "a fraction is not read as a number (a date in a spreadsheet?); write a decimal number such as 1.5"
)
_UNDERSCORE = N_("a number is written without underscores")
_EXPONENT = N_("a number with an exponent (such as 1e5) is not read; write the number out")
_SCRIPT = N_("a number is written with the digits 0 to 9")
_NOT_FINITE = N_("not a number: nan and inf are not numbers a person types")
_SEPARATOR = N_("a number is written without spaces or thousands separators")
_NOT_DECIMAL = N_("not a number (the digits 0 to 9 and at most one decimal point or comma)")
_NOT_WHOLE = N_("not a whole number (the digits 0 to 9, no decimals)")
_NOT_TEXT = N_("a number is given as text here, not {kind}")

ErrorClass = Callable[..., BosettingError]


@checked
def number_problem(text: str, *, whole: bool = False) -> str | None:
    """Why ``text`` is not a number of the grammar (an English template), or ``None`` if it is.

    Examples:
        >>> number_problem("1_0"), number_problem("4,5") is None
        ('a number is written without underscores', True)
    """
    if len(text) > MAX_NUMBER_TEXT:
        return _TOO_LONG
    body = text.strip()
    if not body:
        return _EMPTY
    if (_WHOLE if whole else _DECIMAL).fullmatch(body):
        return None
    if not body.isascii():
        return _SCRIPT
    low = body.casefold().lstrip("+-")
    if "/" in body:
        return _FRACTION
    if "_" in body:
        return _UNDERSCORE
    if low in ("nan", "inf", "infinity"):
        return _NOT_FINITE
    if re.fullmatch(r"[0-9.,]*[0-9][eE][+-]?[0-9]+", low):
        return _EXPONENT
    if re.fullmatch(r"[0-9]+([ '][0-9]{3})+([.,][0-9]*)?", low):
        return _SEPARATOR
    if whole and _DECIMAL.fullmatch(body):
        return _NOT_WHOLE
    return _NOT_WHOLE if whole else _NOT_DECIMAL


def _check(text: object, whole: bool, error: ErrorClass, where: dict[str, Any]) -> str:
    if not isinstance(text, str):
        raise error(_NOT_TEXT, kind=type(text).__name__, value=text, **where)
    problem = number_problem(text, whole=whole)
    if problem is not None:
        shown = text if len(text) <= MAX_NUMBER_TEXT else text[:MAX_NUMBER_TEXT] + "…"
        raise error(problem, limit=MAX_NUMBER_TEXT, value=shown, **where)
    return text.strip()


@checked
def parse_number(text: str, *, error: ErrorClass = ValidationError, **where: Any) -> Fraction:
    """Read a decimal number a person typed, exactly (see the module docstring).

    Args:
        text: The text (surrounding spaces are allowed).
        error: The error class to raise (default :class:`~bosetting.errors.ValidationError`).
        where: The place to name (``file``, ``row``, ``field``), passed to the error.

    Returns:
        The number as an exact fraction (``"0,1"`` is exactly 1/10).

    Raises:
        BosettingError: ``error``, naming the text and why it is not a number.
    """
    return Fraction(_check(text, False, error, where).replace(",", "."))


@checked
def parse_whole(text: str, *, error: ErrorClass = ValidationError, **where: Any) -> int:
    """Read a whole number a person typed (a sign and the digits 0 to 9; see the module docstring).

    Raises:
        BosettingError: ``error``, naming the text and why it is not a whole number.
    """
    return int(_check(text, True, error, where))
