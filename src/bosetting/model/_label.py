"""Edition labels: IMDi's own (``"2018"``, ``"2019/2020"``), checked and looked up by their last year."""

from __future__ import annotations

import re
from typing import Any

import attrs

from bosetting.errors import ValidationError
from bosetting.i18n import N_
from bosetting.model import _validate as v
from bosetting.model._arguments import checked

__all__ = ["edition_label", "edition_year"]

_LABEL = re.compile(r"([0-9]{4})(?:/([0-9]{4}))?")  # ASCII digits only: "²⁰²²" is no label


@checked
def edition_year(label: str) -> int:
    """The year an edition label is looked up by: its last year.

    Examples:
        >>> edition_year("2019/2020")
        2020
        >>> edition_year("2018")
        2018
    """
    match = _LABEL.fullmatch(label) if isinstance(label, str) else None
    if match is None:
        raise ValidationError(
            N_(
                "an edition label is a year or two years joined by '/', written with the digits 0 to 9"
            ),
            field="label",
            value=label,
        )
    return int(match.group(2) or match.group(1))


def edition_label(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check an edition label (an attrs validator)."""
    if not isinstance(value, str) or _LABEL.fullmatch(value) is None:
        raise v.fail(
            attribute,
            value,
            N_(
                "an edition label is a year or two years joined by '/', written with the digits 0 to 9"
            ),
        )
