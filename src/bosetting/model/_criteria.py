"""Each era's prize criteria: :class:`Criterion`, :class:`Criteria` and the words that mark them.

A criterion's texts are our own words (:class:`~bosetting.model.Text`, bokmål and
English). What a jury looks for is marked where it is bosetting's interpretation
(:meth:`Criterion.looks_for_marked`), and an edition the sources do not confirm a
criterion for uses it only by assumption (:meth:`Criteria.assumption`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

from bosetting.i18n import N_, _
from bosetting.model import _validate as v
from bosetting.model._arguments import checked
from bosetting.model._common import Source
from bosetting.model._label import edition_label, edition_year
from bosetting.model._labelled import LabelledEnum
from bosetting.model._text import Text

__all__ = ["ASSUMED", "INTERPRETATION", "Criteria", "Criterion", "CriterionKind"]

_optional_text = v.optional(v.instance_of(Text))
_text_or_none = attrs.field(default=None, validator=_optional_text)
_source_tuple = attrs.field(default=(), converter=v.to_tuple, validator=v.tuple_of(Source))


class CriterionKind(LabelledEnum):
    """Whether a criterion can be computed from figures or needs a jury's judgement."""

    MEASURABLE = "measurable", N_("measurable: it can be computed from figures")
    JUDGEMENT = "judgement", N_("a matter of judgement: the jury assesses it")


def _threshold(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not v.is_number(value):
        raise v.fail(attribute, value, N_("a threshold is a number"))


@checked
@attrs.frozen
class Criterion:
    """One criterion of an era, as published by IMDi (in our own words).

    Attributes:
        id: A short, stable id (for example ``"2021-intro-over-50"``).
        text: The criterion in our own words.
        kind: Measurable from figures, or a matter of judgement.
        measure: What a measurable criterion is computed from (for example ``"intro_share"``).
        threshold: The threshold of a measurable criterion, if any.
        first_edition: The first edition (label) it applies to.
        last_edition: The last edition it applies to, or ``None`` if still in force.
        sources: Where IMDi published it.
        looks_for: What a jury looks for, or how bosetting computes it.
        interpretation: Whether ``looks_for`` is bosetting's own interpretation (the
            sources do not say how the jury judges the point); shown with
            :meth:`looks_for_marked`.
        note: A remark, if any.
        confirmed_to: The last edition a source shows the criterion applied to,
            where later editions in its range use it only by assumption (``None``:
            the sources cover its whole range).
    """

    id: str = attrs.field(validator=v.nonempty_text)
    text: Text = attrs.field(validator=v.instance_of(Text), metadata={"column": "text_nb"})
    kind: CriterionKind = attrs.field(validator=v.instance_of(CriterionKind))
    measure: str | None = attrs.field(default=None, validator=v.optional_text)
    threshold: float | None = attrs.field(default=None, validator=_threshold)
    first_edition: str | None = attrs.field(default=None, validator=v.optional(edition_label))
    last_edition: str | None = attrs.field(default=None, validator=v.optional(edition_label))
    sources: tuple[Source, ...] = _source_tuple
    looks_for: Text | None = attrs.field(
        default=None, validator=_optional_text, metadata={"column": "looks_for_nb"}
    )
    interpretation: bool = attrs.field(
        default=False,
        validator=v.instance_of(bool),
        metadata={"column": "looks_for_interpretation"},
    )
    note: Text | None = _text_or_none
    confirmed_to: str | None = attrs.field(default=None, validator=v.optional(edition_label))

    def looks_for_marked(self) -> str | None:
        """What a jury looks for, in the active language, marked where it is our interpretation.

        Examples:
            >>> from bosetting.i18n import language
            >>> c = Criterion("x", Text("Punkt."), CriterionKind.JUDGEMENT,
            ...               looks_for=Text("Juryen ser etter planer.", en="The jury looks for plans."),
            ...               interpretation=True)
            >>> with language("en"):
            ...     c.looks_for_marked()
            'The jury looks for plans. (our interpretation)'
        """
        if self.looks_for is None:
            return None
        if not self.interpretation:
            return str(self.looks_for)
        return _("{text} ({mark})", text=self.looks_for, mark=_(INTERPRETATION))

    def assumed_for(self, label: str) -> bool:
        """Whether the criterion applies to the edition ``label`` only by assumption."""
        if self.confirmed_to is None:
            return False
        return edition_year(label) > edition_year(self.confirmed_to)

    def text_marked(self, label: str) -> str:
        """The criterion in the active language, marked where ``label`` uses it only by assumption.

        Examples:
            >>> from bosetting.i18n import language
            >>> c = Criterion("x", Text("Punkt.", en="A point."), CriterionKind.JUDGEMENT,
            ...               first_edition="2023", confirmed_to="2024")
            >>> with language("en"):
            ...     c.text_marked("2024"), c.text_marked("2025")
            ('A point.', 'A point. (assumed)')
        """
        if not self.assumed_for(label):
            return str(self.text)
        return _("{text} ({mark})", text=self.text, mark=_(ASSUMED))


#: The words that mark a text as bosetting's own interpretation, not the sources'.
INTERPRETATION = N_("our interpretation")
#: The word that marks a criterion no source confirms for an edition (it is carried over).
ASSUMED = N_("assumed")


@checked
@attrs.frozen
class Criteria:
    """The criteria of one edition's era and how they combine.

    Attributes:
        criteria: The criteria, in IMDi's order.
        combination: How they combine (for example "høy skår på minst ett av
            tre"), or ``None`` where no rule was published.
        edition: The edition they are the criteria of, where known.
        confirmed_to: The last edition a source confirms them for, when ``edition``
            uses some of them only by assumption (``None`` otherwise).
    """

    criteria: tuple[Criterion, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.tuple_of(Criterion)
    )
    combination: Text | None = _text_or_none
    edition: str | None = attrs.field(default=None, validator=v.optional(edition_label))
    confirmed_to: str | None = attrs.field(default=None, validator=v.optional(edition_label))

    @property
    def assumed(self) -> bool:
        """Whether no source says these criteria apply to the edition (they are carried over)."""
        return self.confirmed_to is not None

    def assumption(self) -> str | None:
        """The words that say the criteria are assumed, in the active language (``None`` if not).

        Examples:
            >>> from bosetting.i18n import language
            >>> with language("en"):
            ...     Criteria((), edition="2025", confirmed_to="2024").assumption()
            'Assumed: no source says these criteria still apply to 2025; they are the criteria the sources give up to 2024.'
        """
        if self.confirmed_to is None:
            return None
        return _(
            "Assumed: no source says these criteria still apply to {label}; they are the "
            "criteria the sources give up to {last}.",
            label=self.edition,
            last=self.confirmed_to,
        )

    def __iter__(self) -> Iterator[Criterion]:
        return iter(self.criteria)

    def __len__(self) -> int:
        return len(self.criteria)
