"""Refugee settlement figures for one municipality and year, as a sourced record."""

from __future__ import annotations

from typing import Any

import attrs

from bosetting.i18n import N_
from bosetting.model import _validate as v
from bosetting.model._arguments import checked
from bosetting.model._common import Source
from bosetting.model._outcome import FigureStatus
from bosetting.model._text import Text

__all__ = ["Settlement"]


def _matches(value_field: str) -> Any:
    def check(obj: Any, attribute: attrs.Attribute[Any], status: FigureStatus) -> None:
        value = getattr(obj, value_field)
        if (status is FigureStatus.PUBLISHED) != (value is not None):
            raise v.fail(
                attribute,
                status.value,
                N_("{column} must be given exactly when the figure is published"),
                column=value_field,
            )

    return check


@checked
@attrs.frozen
class Settlement:
    """One municipality's settlement figures for one year.

    Attributes:
        code: The kommunenummer valid in ``year``.
        name: The name in ``year``.
        year: The settlement year.
        requested: IMDi's (revised) request, if published.
        requested_status: Its status.
        requested_original: The original request where IMDi revised it during the year.
        decided: The municipality's decision, if published (0 means it declined).
        decided_status: Its status.
        settled: Refugees settled, if published.
        settled_status: Its status.
        partial_year: Whether the figures are a snapshot taken during the year.
        note: A remark.
        sources: Where the figures come from.
    """

    code: str = attrs.field(validator=v.kommunenummer)
    name: str = attrs.field(validator=v.nonempty_text)
    year: int = attrs.field(validator=v.year)
    requested: int | None = attrs.field(validator=v.count)
    requested_status: FigureStatus = attrs.field(
        validator=[v.instance_of(FigureStatus), _matches("requested")]
    )
    requested_original: int | None = attrs.field(validator=v.count)
    decided: int | None = attrs.field(validator=v.count)
    decided_status: FigureStatus = attrs.field(
        validator=[v.instance_of(FigureStatus), _matches("decided")]
    )
    settled: int | None = attrs.field(validator=v.count)
    settled_status: FigureStatus = attrs.field(
        validator=[v.instance_of(FigureStatus), _matches("settled")]
    )
    partial_year: bool = attrs.field(default=False, validator=v.instance_of(bool))
    note: Text | None = attrs.field(default=None, validator=v.optional(v.instance_of(Text)))
    sources: tuple[Source, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.tuple_of(Source)
    )
