"""The typed domain model: frozen attrs classes, validated at construction.

Invalid values fail when an object is made, with a
:class:`~bosetting.errors.ValidationError` naming the field and the value.
:data:`converter` (cattrs) turns every class into JSON-able data and back.

Examples:
    >>> from bosetting.model import Municipality, converter
    >>> kinn = Municipality("4602", "Kinn", "Vestland", 2020)
    >>> data = converter.unstructure(kinn)
    >>> data["code"], data["valid_to"]
    ('4602', None)
    >>> converter.structure(data, Municipality) == kinn
    True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bosetting.model._arguments import checked
from bosetting.model._common import SOURCE_KINDS, DatePrecision, PartialDate, Source
from bosetting.model._conflict import Conflict
from bosetting.model._criteria import Criteria, Criterion, CriterionKind
from bosetting.model._label import edition_year
from bosetting.model._labelled import LabelledEnum
from bosetting.model._municipality import Municipality, name_parts
from bosetting.model._number_argument import number_argument
from bosetting.model._numbers import MAX_NUMBER_TEXT, number_problem, parse_number, parse_whole
from bosetting.model._outcome import (
    AreaType,
    FigureStage,
    FigureStatus,
    IntroProgrammeOutcome,
    Method,
    Sex,
)
from bosetting.model._prize import (
    Award,
    Edition,
    EditionStatus,
    Initiative,
    Nomination,
    NominationRoute,
    NomineesKnown,
    Outcome,
    PrizeName,
    RuleBasis,
)
from bosetting.model._reasons import PRACTICE_LABEL, RejectReason
from bosetting.model._register import ChangeKind, MunicipalChange, Succession
from bosetting.model._rules import (
    RULES,
    DecisionRule,
    JuryOnly,
    TopKThenJury,
    WeightedBlend,
)
from bosetting.model._settlement import Settlement
from bosetting.model._text import Text
from bosetting.model._validate import is_number, is_whole

if TYPE_CHECKING:
    import cattrs

__all__ = [
    "MAX_NUMBER_TEXT",
    "PRACTICE_LABEL",
    "RULES",
    "SOURCE_KINDS",
    "AreaType",
    "Award",
    "ChangeKind",
    "Conflict",
    "Criteria",
    "Criterion",
    "CriterionKind",
    "DatePrecision",
    "DecisionRule",
    "Edition",
    "EditionStatus",
    "FigureStage",
    "FigureStatus",
    "Initiative",
    "IntroProgrammeOutcome",
    "JuryOnly",
    "LabelledEnum",
    "Method",
    "MunicipalChange",
    "Municipality",
    "Nomination",
    "NominationRoute",
    "NomineesKnown",
    "Outcome",
    "PartialDate",
    "PrizeName",
    "RejectReason",
    "RuleBasis",
    "Settlement",
    "Sex",
    "Source",
    "Succession",
    "Text",
    "TopKThenJury",
    "WeightedBlend",
    "checked",
    "converter",
    "edition_year",
    "is_number",
    "is_whole",
    "make_converter",
    "name_parts",
    "number_argument",
    "number_problem",
    "parse_number",
    "parse_whole",
]


def __getattr__(name: str) -> Any:
    """Build :data:`converter` on first use (cattrs is imported only then)."""
    if name in ("converter", "make_converter"):
        from bosetting.model import _convert

        return getattr(_convert, name)
    raise AttributeError(f"module 'bosetting.model' has no attribute {name!r}")


if TYPE_CHECKING:
    from bosetting.model._convert import make_converter

    #: A cattrs converter configured for every class in :mod:`bosetting.model`.
    converter: cattrs.Converter
