"""Shared value types: partial dates and sources."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import attrs

from bosetting.errors import ValidationError
from bosetting.i18n import N_, _, format_date
from bosetting.model import _validate as v
from bosetting.model._arguments import checked
from bosetting.model._labelled import LabelledEnum
from bosetting.model._text import Text

__all__ = ["SOURCE_KINDS", "DatePrecision", "PartialDate", "Source"]

#: Each kind of publisher, in the order sources are grouped by, with its words (a group's name).
SOURCE_KINDS = {
    "imdi": N_("IMDi"),
    "government": N_("the government and the ministries"),
    "municipality": N_("municipalities and municipal companies"),
    "press-release": N_("press releases"),
    "news": N_("news media"),
    "ssb": N_("Statistics Norway"),
    "github-copy": N_("copies of public data"),
    "other": N_("other publishers"),
}

#: The languages a source may be written in, with their names.
_LANGUAGE_WORDS = {
    "nb": N_("Norwegian bokmål"),
    "nn": N_("Norwegian nynorsk"),
    "en": N_("English"),
}

_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


class DatePrecision(LabelledEnum):
    """How precisely a date is known."""

    DAY = "day", N_("day")
    MONTH = "month", N_("month")
    YEAR = "year", N_("year")
    UNKNOWN = "unknown", N_("unknown")


def _month(obj: PartialDate, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and not (v.is_whole(value) and 1 <= value <= 12):
        raise v.fail(attribute, value, N_("a month is a number from 1 to 12"))
    if value is None and obj.day is not None:
        raise v.fail(attribute, value, N_("a day needs a month"))


def _day(obj: PartialDate, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is None:
        return
    if not v.is_whole(value) or not 1 <= value <= 31:
        raise v.fail(attribute, value, N_("a day is a number from 1 to 31"))
    if obj.year is None or obj.month is None:
        raise v.fail(attribute, value, N_("a day needs a year and a month"))
    try:
        date(obj.year, obj.month, value)
    except ValueError:
        raise v.fail(
            attribute, value, N_("no such day in {month}"), month=f"{obj.year}-{obj.month:02d}"
        ) from None


@checked
@attrs.frozen(order=True)
class PartialDate:
    """A date known to the day, the month, the year, or not at all.

    Sources often give only a year ("awarded in 2010") or a month. A
    ``PartialDate`` keeps exactly what is known and says how precise it is.

    Examples:
        >>> PartialDate.parse("2019-02-13").to_date()
        datetime.date(2019, 2, 13)
        >>> PartialDate.parse("2010").precision
        <DatePrecision.YEAR: 'year'>
        >>> str(PartialDate.parse("2020-05"))
        '2020-05'
        >>> PartialDate.parse("").precision
        <DatePrecision.UNKNOWN: 'unknown'>
    """

    year: int | None = attrs.field(default=None, validator=v.optional_year)
    month: int | None = attrs.field(default=None, validator=_month)
    day: int | None = attrs.field(default=None, validator=_day)

    def __attrs_post_init__(self) -> None:
        if self.year is None and self.month is not None:
            raise ValidationError(N_("a month needs a year"), field="month", value=self.month)

    @classmethod
    @checked
    def parse(cls, text: str | None) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or an empty string (unknown).

        Raises:
            ValidationError: When the text is none of these forms.
        """
        if text is None or not text.strip():
            return cls()
        match = _PARTIAL.fullmatch(text.strip())
        if match is None:
            raise ValidationError(
                N_("expected a date as YYYY, YYYY-MM or YYYY-MM-DD"), field="date", value=text
            )
        y, m, d = (int(g) if g else None for g in match.groups())
        return cls(y, m, d)

    @property
    def precision(self) -> DatePrecision:
        """How precisely the date is known."""
        if self.day is not None:
            return DatePrecision.DAY
        if self.month is not None:
            return DatePrecision.MONTH
        if self.year is not None:
            return DatePrecision.YEAR
        return DatePrecision.UNKNOWN

    def to_date(self) -> date | None:
        """The :class:`datetime.date`, or ``None`` unless known to the day."""
        if self.year is None or self.month is None or self.day is None:
            return None
        return date(self.year, self.month, self.day)

    def __str__(self) -> str:
        if self.year is None:
            return ""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text


@checked
@attrs.frozen
class Source:
    """A public source that facts in the datasets come from.

    Attributes:
        id: The source's id in ``sources.csv`` (for example ``"S17"``).
        publisher: Who published it (for example ``"IMDi"``).
        title: The title of the page or document.
        url: Where it was read.
        date: When it was published, as precisely as known.
        language: ``"nb"``, ``"nn"`` or ``"en"`` where known.
        kind: What kind of publisher it is (``"imdi"``, ``"news"``, ``"ssb"`` ...).
        note: A remark, if any.

    Examples:
        >>> s = Source("S1", "IMDi", "Bosettingsprisen 2015", "https://www.imdi.no/", PartialDate(2016))
        >>> s.cite()
        'IMDi (2016). Bosettingsprisen 2015. https://www.imdi.no/'
    """

    id: str = attrs.field(validator=v.nonempty_text)
    publisher: str = attrs.field(validator=v.nonempty_text)
    title: str = attrs.field(validator=v.nonempty_text)
    url: str = attrs.field(validator=v.nonempty_text)
    date: PartialDate = attrs.field(factory=PartialDate, validator=v.instance_of(PartialDate))
    language: str | None = attrs.field(default=None, validator=v.optional_text)
    kind: str | None = attrs.field(default=None, validator=v.optional_text)
    note: Text | None = attrs.field(default=None, validator=v.optional(v.instance_of(Text)))

    @url.validator
    def _check_url(self, attribute: attrs.Attribute[str], value: str) -> None:
        if not value.startswith(("http://", "https://")):
            raise v.fail(attribute, value, N_("a source URL starts with http:// or https://"))

    @property
    def kind_label(self) -> str:
        """The kind of publisher in words, in the active language (a group's name: "news media")."""
        return _(SOURCE_KINDS.get(self.kind or "other", SOURCE_KINDS["other"]))

    @property
    def language_label(self) -> str:
        """The source's language in words, in the active language ("unknown" where not known)."""
        words = _LANGUAGE_WORDS.get(self.language or "")
        return _("unknown") if words is None else _(words)

    def cite(self) -> str:
        """A one-line reference: publisher (date). Title. URL (the date in the active language)."""
        # TRANSLATORS: "no date" in a reference (u.å. in bokmål).
        when = format_date(self.date) if self.date.year is not None else _("n.d.")
        return f"{self.publisher} ({when}). {self.title}. {self.url}"
