"""Translating a message and filling in its parameters; the renderer errors use.

The face is :mod:`bosetting.i18n`.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date
from typing import Any

from bosetting import errors
from bosetting.i18n._formats import format_date
from bosetting.i18n._language import catalogue, refuse_argument

__all__ = ["LazyText", "_", "lazy_gettext", "ngettext"]


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
        >>> from bosetting.i18n import language
        >>> with language("nb"):
        ...     _("Note: {note}", note="se kilden")
        'Merknad: se kilden'
    """
    if not isinstance(message, str):
        raise refuse_argument("message", "str", message)
    return _format(catalogue().gettext(message), params)


def ngettext(singular: str, plural: str, n: int, /, **params: Any) -> str:
    """Translate a message whose form depends on the count ``n`` (also given as ``{n}``)."""
    for name, text in (("singular", singular), ("plural", plural)):
        if not isinstance(text, str):
            raise refuse_argument(name, "str", text)
    if not isinstance(n, int) or isinstance(n, bool):
        raise refuse_argument("n", "int", n)
    return _format(catalogue().ngettext(singular, plural, n), {"n": n, **params})


class LazyText:
    """A message translated each time it is shown (for texts made before the language is known).

    Examples:
        >>> from bosetting.i18n import language
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
        if not isinstance(message, str):
            raise refuse_argument("message", "str", message)
        if not isinstance(params, Mapping):
            raise refuse_argument("params", "Mapping[str, Any]", params)
        self.message = message
        self.params = dict(params)

    def __str__(self) -> str:
        return _(self.message, **self.params)

    def __repr__(self) -> str:
        return f"lazy_gettext({self.message!r})"


def lazy_gettext(message: str, /, **params: Any) -> LazyText:
    """A :class:`LazyText`: ``message`` with ``params``, translated when shown."""
    return LazyText(message, params)


def _render_error(message: str, params: Mapping[str, Any]) -> str:
    return _(message, **params)


errors.set_renderer(_render_error)
