"""Numbers a public function takes, checked for their range (:func:`number_argument`).

The type of an argument is :func:`~bosetting.model.checked`'s; whether a number of
the right type is finite and within the function's range is this module's.
"""

from __future__ import annotations

import math
import string
from fractions import Fraction
from typing import Any

from bosetting.errors import ArgumentError
from bosetting.i18n import N_
from bosetting.model._arguments import _is_int, _is_real, checked, shown

__all__ = ["number_argument"]


@checked
def number_argument(
    value: object,
    argument: str,
    *,
    low: float | Fraction | None = None,
    high: float | Fraction | None = None,
    whole: bool = False,
    words: str | None = None,
) -> Any:
    """Check a number argument: a real number (a whole one if ``whole``), finite, from ``low`` to ``high``.

    Args:
        value: The argument.
        argument: Its name, for the message.
        low: The smallest value allowed, if any.
        high: The largest value allowed, if any.
        whole: Whether only whole numbers are allowed.
        words: The message (an English template marked with ``N_``; ``{low}`` and
            ``{high}`` are filled in); by default one naming the range.

    Returns:
        The value, unchanged.

    Raises:
        ArgumentError: Naming the argument and the value.

    Examples:
        >>> number_argument(0.5, "weight", low=0, high=1)
        0.5
        >>> number_argument(float("nan"), "weight", low=0, high=1)
        Traceback (most recent call last):
        ...
        bosetting.errors.ArgumentError: field 'weight', value nan: the argument weight is a number from 0 to 1
    """
    parts = string.Formatter().parse(words or "")  # filled in with argument, low, high alone
    try:
        bad = not all(
            f in (None, "argument", "low", "high") and not (s or c) for _, f, s, c in parts
        )
    except ValueError:  # a lone brace
        bad = True
    if bad:
        raise ArgumentError(
            N_("the argument words is a message template naming only argument, low and high"),
            field="words",
            value=shown(words),
        )
    ok = _is_int(value) if whole else (_is_real(value) or isinstance(value, Fraction))
    if ok:
        try:
            finite = whole or math.isfinite(value)  # type: ignore[arg-type]
        except (OverflowError, TypeError, ValueError):
            finite = False
        ok = finite and (low is None or value >= low) and (high is None or value <= high)  # type: ignore[operator]
    if not ok:
        template = words or _range_words(low, high, whole)
        raise ArgumentError(
            template,
            argument=argument,
            low=_plain(low),
            high=_plain(high),
            field=argument,
            value=shown(value),
        )
    return value


def _plain(x: float | Fraction | None) -> object:
    if isinstance(x, Fraction) and x.denominator == 1:
        return x.numerator
    if isinstance(x, float) and x.is_integer():
        return int(x)
    return x


def _range_words(low: object, high: object, whole: bool) -> str:
    if whole:
        if low is not None and high is not None:
            return N_("the argument {argument} is a whole number from {low} to {high}")
        if low is not None:
            return N_("the argument {argument} is a whole number of at least {low}")
        return N_("the argument {argument} is a whole number")
    if low is not None and high is not None:
        return N_("the argument {argument} is a number from {low} to {high}")
    if low is not None:
        return N_("the argument {argument} is a number of at least {low}")
    return N_("the argument {argument} is a finite number")
