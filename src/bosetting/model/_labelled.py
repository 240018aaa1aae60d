"""The one base class of every enum whose members a person reads: each member carries its words.

A member is written as its value and its English words, marked for the
catalogue: ``WINNER = "winner", N_("winner")``. ``.value`` is the value alone
(what the tables and JSON hold); ``.label`` is the words in the active language.

Examples:
    >>> from bosetting.i18n import N_, language
    >>> class Colour(LabelledEnum):
    ...     RED = "red", N_("red")
    >>> Colour("red") is Colour.RED, Colour.RED.value
    (True, 'red')
    >>> with language("en"):
    ...     Colour.RED.label
    'red'
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Self

from bosetting.errors import ValidationError
from bosetting.i18n import N_, _
from bosetting.model._arguments import shown

__all__ = ["LabelledEnum"]


class LabelledEnum(enum.Enum):
    """An enum whose members have words in the catalogue, shown by :attr:`label`."""

    _words: str

    def __new__(cls, value: str, words: str = "") -> Self:
        """Make a member from its value and its English words (marked with ``N_``)."""
        member = object.__new__(cls)
        member._value_ = value
        member._words = words
        return member

    if TYPE_CHECKING:  # the value alone, not the (value, words) pair of the class body

        @property
        def value(self) -> str:
            """The member's value, as the tables and JSON hold it."""

    @classmethod
    def _missing_(cls, value: object) -> LabelledEnum:
        """An unknown value is a :class:`~bosetting.errors.ValidationError` listing the values."""
        raise ValidationError(
            N_("expected one of {names}"),
            names=", ".join(repr(m.value) for m in cls),
            field=cls.__name__,
            value=shown(value),
        )

    @property
    def label(self) -> str:
        """The member in words, in the active language."""
        return _(self._words)
