"""Intro-programme outcomes: SSB's one-year status of former participants."""

from __future__ import annotations

from typing import Any

import attrs

from bosetting.errors import ValidationError
from bosetting.i18n import N_
from bosetting.model import _validate as v
from bosetting.model._arguments import checked
from bosetting.model._common import Source
from bosetting.model._labelled import LabelledEnum
from bosetting.model._text import Text

__all__ = [
    "AreaType",
    "FigureStage",
    "FigureStatus",
    "IntroProgrammeOutcome",
    "Method",
    "Sex",
]


class FigureStatus(LabelledEnum):
    """The state of one published figure, following SSB's table symbols."""

    PUBLISHED = "published", N_("published")
    SUPPRESSED = "suppressed", N_("suppressed")  # ":" not to be published (confidentiality)
    MISSING = "missing", N_("missing")  # ".." data missing
    NOT_APPLICABLE = "not_applicable", N_("not applicable")  # "." cannot occur
    NIL = "nil", N_("nil")  # "-" nil
    NOT_AVAILABLE = "not_available", N_("not yet available")  # "..." not yet available

    @property
    def symbol(self) -> str:
        """SSB's symbol for this status (an empty string for a published figure)."""
        return _SYMBOLS[self]


_SYMBOLS = {
    FigureStatus.PUBLISHED: "",
    FigureStatus.SUPPRESSED: ":",
    FigureStatus.MISSING: "..",
    FigureStatus.NOT_APPLICABLE: ".",
    FigureStatus.NIL: "-",
    FigureStatus.NOT_AVAILABLE: "...",
}


class AreaType(LabelledEnum):
    """The level an outcome figure is published for."""

    NATIONAL = "national", N_("the whole country")
    COUNTY = "county", N_("county")
    MUNICIPALITY = "municipality", N_("municipality")


class Sex(LabelledEnum):
    """SSB's sex breakdown."""

    ALL = "all", N_("both sexes")
    MEN = "men", N_("men")
    WOMEN = "women", N_("women")


class FigureStage(LabelledEnum):
    """Whether SSB had published the figure as preliminary or final."""

    PRELIMINARY = "preliminary", N_("preliminary")
    FINAL = "final", N_("final")
    UNKNOWN = "unknown", N_("unknown")


class Method(LabelledEnum):
    """How the figure was produced: SSB's older monitor or the register-based series."""

    MONITOR = "monitor", N_("SSB's older monitor")
    REGISTER = "register", N_("register-based")


def _status_matches(value_field: str) -> Any:
    def check(obj: Any, attribute: attrs.Attribute[Any], status: FigureStatus) -> None:
        value = getattr(obj, value_field)
        if status is FigureStatus.PUBLISHED and value is None:
            raise v.fail(
                attribute,
                status.value,
                N_("a published figure needs a {column}"),
                column=value_field,
            )
        if status is not FigureStatus.PUBLISHED and value is not None:
            raise v.fail(
                attribute,
                status.value,
                N_(
                    "{column} must be empty when the figure is {status}; "
                    "hidden cells are never filled in"
                ),
                column=value_field,
                status=status,
            )

    return check


@checked
@attrs.frozen
class IntroProgrammeOutcome:
    """The status of former intro-programme participants some years after they left.

    SSB labels a row by the year the status is measured (November); the cohort
    left the programme ``years_after`` years earlier. A figure SSB did not
    publish keeps its status (suppressed, missing ...) and no value.

    Attributes:
        area_type: National, county or municipality.
        area_code: ``"0"`` for the whole country, a county code, or the kommunenummer
            valid in the status year.
        area_name: The area's name as the source gives it.
        cohort_year: The year the participants left (completed or dropped out).
        status_year: SSB's row label: the year of measurement.
        years_after: ``status_year - cohort_year``.
        sex: Both sexes, men or women.
        former_participants: Persons in the cohort, if published.
        in_work_or_education: Persons in work and/or education, if published.
        share: The published share in work and/or education, in [0, 1].
        stage: Preliminary or final figure.
        method: SSB's older monitor or the register-based series.
        sources: Where the figures come from.
        note: A remark, if any.

    Examples:
        >>> o = IntroProgrammeOutcome(
        ...     AreaType.MUNICIPALITY, "1001", "Kristiansand", 2013, 2014, 1, Sex.ALL,
        ...     115, FigureStatus.PUBLISHED, 79, FigureStatus.PUBLISHED, 0.69, FigureStatus.PUBLISHED)
        >>> o.assessable
        True
    """

    area_type: AreaType = attrs.field(validator=v.instance_of(AreaType))
    area_code: str = attrs.field(validator=v.nonempty_text)
    area_name: str = attrs.field(validator=v.nonempty_text)
    cohort_year: int = attrs.field(validator=v.year)
    status_year: int = attrs.field(validator=v.year)
    years_after: int = attrs.field()
    sex: Sex = attrs.field(validator=v.instance_of(Sex))
    former_participants: int | None = attrs.field(validator=v.count)
    former_participants_status: FigureStatus = attrs.field(
        validator=[
            v.instance_of(FigureStatus),
            _status_matches("former_participants"),
        ]
    )
    in_work_or_education: int | None = attrs.field(validator=v.count)
    in_work_or_education_status: FigureStatus = attrs.field(
        validator=[
            v.instance_of(FigureStatus),
            _status_matches("in_work_or_education"),
        ]
    )
    share: float | None = attrs.field(validator=v.share)
    share_status: FigureStatus = attrs.field(
        validator=[v.instance_of(FigureStatus), _status_matches("share")]
    )
    stage: FigureStage = attrs.field(
        default=FigureStage.UNKNOWN, validator=v.instance_of(FigureStage)
    )
    method: Method = attrs.field(default=Method.REGISTER, validator=v.instance_of(Method))
    sources: tuple[Source, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.tuple_of(Source)
    )
    note: Text | None = attrs.field(default=None, validator=v.optional(v.instance_of(Text)))

    @years_after.validator
    def _check_years_after(self, attribute: attrs.Attribute[int], value: int) -> None:
        if not v.is_whole(value) or not 1 <= value <= 5:
            raise v.fail(attribute, value, N_("years_after is a whole number from 1 to 5"))
        if self.status_year - self.cohort_year != value:
            raise v.fail(
                attribute,
                value,
                N_("status year {status_year} minus cohort year {cohort_year} is not {years}"),
                status_year=self.status_year,
                cohort_year=self.cohort_year,
                years=value,
            )

    def __attrs_post_init__(self) -> None:
        if (
            self.former_participants is not None
            and self.in_work_or_education is not None
            and self.in_work_or_education > self.former_participants
        ):
            raise ValidationError(
                N_("more in work or education than former participants ({n})"),
                n=self.former_participants,
                field="in_work_or_education",
                value=self.in_work_or_education,
            )

    @property
    def assessable(self) -> bool:
        """Whether the share was published, so a criterion on it can be assessed."""
        return self.share_status is FigureStatus.PUBLISHED
