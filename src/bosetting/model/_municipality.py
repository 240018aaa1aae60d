"""The municipality (kommune) as it was in a span of years."""

from __future__ import annotations

import re
from typing import Any

import attrs

from bosetting.i18n import N_
from bosetting.model import _validate as v
from bosetting.model._arguments import checked

__all__ = ["Municipality", "name_parts"]

_BRACKET = re.compile(r"\s*\([^)]*\)\s*$")


@checked
def name_parts(name: str) -> tuple[str, ...]:
    """The parts a name can be matched on, in lower case.

    SSB's official names join a Norwegian and a Sami or Kven form with `` - ``
    and add the county in brackets where two municipalities share a name.
    Each part, and the name without the bracket, matches.

    Examples:
        >>> name_parts("Levanger - Levangke")
        ('levanger - levangke', 'levanger', 'levangke')
        >>> name_parts("Våler (Østfold)")
        ('våler (østfold)', 'våler')
    """
    full = name.strip().casefold()
    parts = [full]
    bare = _BRACKET.sub("", full)
    if bare != full:
        parts.append(bare)
    if " - " in bare:
        parts.extend(p.strip() for p in bare.split(" - "))
    return tuple(dict.fromkeys(parts))


def _valid_to(obj: Municipality, attribute: attrs.Attribute[Any], value: int | None) -> None:
    v.optional_year(obj, attribute, value)
    if value is not None and value < obj.valid_from:
        raise v.fail(
            attribute, value, N_("valid_to is before valid_from ({year})"), year=obj.valid_from
        )


def _county_code(obj: Municipality, attribute: attrs.Attribute[Any], value: str) -> None:
    if value != obj.code[:2]:
        raise v.fail(
            attribute, value, N_("the county code is the first two digits of {code}"), code=obj.code
        )


@checked
@attrs.frozen(order=True)
class Municipality:
    """A municipality with one code and one official name over a span of years.

    The register keeps one object per unbroken run of the same code and name,
    so Tromsø is three objects (1902 to 2019, 5401 for 2020-2023, 5501 from 2024).
    Years are whole calendar years, because changes take effect on 1 January.

    Attributes:
        code: The kommunenummer, four digits as text (``"0301"``).
        name: The official name in SSB's classification 131 at the time.
        county: The county's name for that code series.
        valid_from: First year in force. A year before 2008 means "at least since then".
        valid_to: Last year in force, or ``None`` if still in force in the newest register.
        county_code: The first two digits of the code.

    Examples:
        >>> oslo = Municipality("0301", "Oslo", "Oslo", 1838)
        >>> oslo.valid_in(2024)
        True
        >>> oslo.county_code
        '03'
        >>> Municipality("301", "Oslo", "Oslo", 1838)
        Traceback (most recent call last):
        ...
        bosetting.errors.ValidationError: field 'code', value '301': a kommunenummer is a string of four digits, such as '0301'
    """

    code: str = attrs.field(validator=v.kommunenummer)
    name: str = attrs.field(validator=v.nonempty_text)
    county: str = attrs.field(validator=v.nonempty_text)
    valid_from: int = attrs.field(validator=v.year)
    valid_to: int | None = attrs.field(default=None, validator=_valid_to)
    county_code: str = attrs.field(
        default=attrs.Factory(
            lambda self: self.code[:2] if isinstance(self.code, str) else "", takes_self=True
        ),
        validator=_county_code,
    )

    def valid_in(self, year: int) -> bool:
        """Whether this code and name were in force in ``year``."""
        return self.valid_from <= year and (self.valid_to is None or year <= self.valid_to)

    def matches(self, name: str) -> bool:
        """Whether ``name`` matches this municipality's name (case-insensitive, exact æøå).

        Examples:
            >>> Municipality("5037", "Levanger - Levangke", "Trøndelag", 2024).matches("LEVANGER")
            True
            >>> Municipality("5037", "Levanger - Levangke", "Trøndelag", 2024).matches("Levanger - Levangke")
            True
            >>> Municipality("1804", "Bodø", "Nordland", 1977).matches("Bodo")
            False
        """
        wanted = name.strip().casefold()
        return wanted in name_parts(self.name)

    @property
    def years(self) -> str:
        """The span of years as text, such as ``"2020-2023"`` or ``"2024-"``."""
        end = "" if self.valid_to is None else str(self.valid_to)
        return f"{self.valid_from}-{end}"

    def __str__(self) -> str:
        """The one way a municipality is written in text: ``"Kinn (4602)"``.

        Examples:
            >>> str(Municipality("4602", "Kinn", "Vestland", 2020))
            'Kinn (4602)'
        """
        return f"{self.name} ({self.code})"

    def with_years(self) -> str:
        """The municipality with its span of years: ``"Flora (1401, 1977-2019)"``."""
        return f"{self.name} ({self.code}, {self.years})"
