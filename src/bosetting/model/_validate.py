"""Small attrs validators and converters whose errors name the field and the value.

:func:`is_whole` and :func:`is_number` are the one check of "a whole number" and
"a number" in the library: ``True`` and ``False`` are ``int`` to Python, never to us.

Examples:
    >>> is_whole(3), is_whole(True), is_whole(3.0), is_number(0.5), is_number(False)
    (True, False, False, True, False)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, TypeGuard

import attrs

from bosetting.errors import ValidationError
from bosetting.i18n import N_
from bosetting.model._arguments import checked

#: The earliest and latest years any object in the library may carry.
MIN_YEAR = 1838
MAX_YEAR = 2100

_CODE = re.compile(r"[0-9]{4}")


@checked
def is_whole(value: object) -> TypeGuard[int]:
    """Whether ``value`` is a whole number (an ``int``, but not ``True`` or ``False``)."""
    return isinstance(value, int) and not isinstance(value, bool)


@checked
def is_number(value: object) -> TypeGuard[int | float]:
    """Whether ``value`` is a number (an ``int`` or a ``float``, but not a ``bool``)."""
    return isinstance(value, int | float) and not isinstance(value, bool)


def fail(
    attribute: attrs.Attribute[Any], value: object, message: str, **params: Any
) -> ValidationError:
    """Build the error for an invalid attribute value (``message``: an English template)."""
    return ValidationError(message, field=attribute.name, value=value, **params)


def kommunenummer(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check a municipality code: a string of exactly four digits, such as ``"0301"``."""
    if not isinstance(value, str) or _CODE.fullmatch(value) is None:
        raise fail(
            attribute, value, N_("a kommunenummer is a string of four digits, such as '0301'")
        )


def year(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check a calendar year (an ``int`` within the library's range)."""
    if not is_whole(value):
        raise fail(attribute, value, N_("a year is a whole number"))
    if not MIN_YEAR <= value <= MAX_YEAR:
        raise fail(
            attribute,
            value,
            N_("a year must lie between {low} and {high}"),
            low=MIN_YEAR,
            high=MAX_YEAR,
        )


def optional_year(obj: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check an optional calendar year."""
    if value is not None:
        year(obj, attribute, value)


def nonempty_text(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check a non-empty, stripped string."""
    if not isinstance(value, str) or not value.strip() or value != value.strip():
        raise fail(attribute, value, N_("expected non-empty text without surrounding spaces"))


def optional_text(obj: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check an optional string (``None`` or non-empty text)."""
    if value is not None:
        nonempty_text(obj, attribute, value)


def count(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check an optional count of persons: ``None`` or a whole number >= 0."""
    if value is None:
        return
    if not is_whole(value) or value < 0:
        raise fail(attribute, value, N_("a count is a whole number of at least 0"))


def share(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check an optional share: ``None`` or a number in [0, 1]."""
    if value is None:
        return
    if not is_number(value) or not 0 <= value <= 1:
        raise fail(attribute, value, N_("a share is a number between 0 and 1"))


def one_of(choices: Iterable[object]) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """Check that a value is one of ``choices``; the error lists them."""
    allowed = tuple(choices)

    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value not in allowed:
            names = ", ".join(repr(getattr(c, "value", c)) for c in allowed)
            raise fail(attribute, value, N_("expected one of {names}"), names=names)

    return check


def tuple_of(kind: type) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """Check a tuple whose members are all instances of ``kind``."""

    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple) or not all(isinstance(v, kind) for v in value):
            raise fail(attribute, value, N_("expected a tuple of {kind}"), kind=kind.__name__)

    return check


def instance_of(
    kind: type | tuple[type, ...],
) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """Check that a value is an instance of ``kind`` (attrs' own check raises a bare TypeError)."""
    kinds = kind if isinstance(kind, tuple) else (kind,)
    names = " | ".join(k.__name__ for k in kinds)

    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kinds):
            raise fail(
                attribute,
                value,
                N_("expected {kind}, not {type}"),
                kind=names,
                type=type(value).__name__,
            )

    return check


def optional(
    validator: Callable[[Any, attrs.Attribute[Any], Any], None],
) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """Run ``validator`` unless the value is ``None``."""

    def check(obj: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            validator(obj, attribute, value)

    return check


def optional_date(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check an optional :class:`datetime.date`."""
    if value is not None and not isinstance(value, date):
        raise fail(attribute, value, N_("expected a date"))


def to_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """Convert any iterable (but not a string) to a tuple; anything else is left for the validator.

    Typed with ``Any`` rather than a type variable: attrs' mypy plugin cannot
    bind a generic converter, so callers passing ``tuple[Source, ...]`` failed.
    """
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, Iterable) or isinstance(value, bytes | bytearray):
        return value  # type: ignore[return-value]  # the field's validator names it
    return tuple(value)
