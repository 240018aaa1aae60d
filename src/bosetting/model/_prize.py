"""The prize record: editions, nominations, initiatives, the names the sources wrote and awards."""

from __future__ import annotations

from datetime import date

import attrs

from bosetting.errors import ValidationError
from bosetting.i18n import N_, _
from bosetting.model import _validate as v
from bosetting.model._arguments import checked
from bosetting.model._common import PartialDate, Source
from bosetting.model._criteria import Criteria
from bosetting.model._label import edition_label, edition_year
from bosetting.model._labelled import LabelledEnum
from bosetting.model._municipality import Municipality
from bosetting.model._rules import RULES, DecisionRule
from bosetting.model._text import Text

__all__ = [
    "Award",
    "Edition",
    "EditionStatus",
    "Initiative",
    "Nomination",
    "NominationRoute",
    "NomineesKnown",
    "Outcome",
    "PrizeName",
]


class Outcome(LabelledEnum):
    """What came of a nomination, in the words the sources use.

    ``CANDIDATE`` is a municipality a source names only as a rival (2009: "a strong
    candidate"), with no confirmed nomination; :attr:`formal` tells the two apart,
    and counts of nominations count only the formal ones.
    """

    WINNER = "winner", N_("winner")
    FINALIST = "finalist", N_("finalist")
    NOMINEE = "nominee", N_("nominee")
    # TRANSLATORS: a municipality a source names only as a rival, not as a nominee.
    CANDIDATE = "candidate", N_("named as a rival")

    @property
    def formal(self) -> bool:
        """Whether it is a formal nomination (winner, finalist, nominee), not a named rival."""
        return self is not Outcome.CANDIDATE


class EditionStatus(LabelledEnum):
    """Whether an edition was awarded, is only announced, or its fate is unknown."""

    AWARDED = "awarded", N_("awarded")
    PLANNED = "planned", N_("planned")
    UNKNOWN = "unknown", N_("outcome unknown")


class NomineesKnown(LabelledEnum):
    """How much of an edition's field of nominees the sources name."""

    COMPLETE = "complete", N_("all nominees known")
    PARTIAL = "partial", N_("some nominees known")
    WINNER_ONLY = "winner_only", N_("only the winner known")
    NONE = "none", N_("no nominees known")


class NominationRoute(LabelledEnum):
    """Who nominated an edition's municipalities."""

    IMDI = "imdi", N_("by IMDi")
    IMDI_REGIONS = "imdi_regions", N_("by IMDi’s regional offices, one municipality each")
    SELF_NOMINATION = "self_nomination", N_("self-nominated")


_source_tuple = attrs.field(default=(), converter=v.to_tuple, validator=v.tuple_of(Source))


_optional_text = v.optional(v.instance_of(Text))
#: An optional :class:`Text` field, ``None`` where there is no text.
_text_or_none = attrs.field(default=None, validator=_optional_text)


@checked
@attrs.frozen
class Initiative:
    """A measure or project a nominated municipality was praised for.

    Attributes:
        id: ``<edition>-<code>-<n>``.
        name: The initiative's own name, if it has one.
        partners: Partners the sources name (a name stays as written; a kind of
            partner, such as "neighbouring municipalities", is in both languages).
        summary: A short summary in our own words (bokmål and English).
        sources: Where it is described.
    """

    id: str = attrs.field(validator=v.nonempty_text)
    name: str | None = attrs.field(validator=v.optional_text)
    partners: tuple[Text, ...] = attrs.field(converter=v.to_tuple, validator=v.tuple_of(Text))
    summary: Text = attrs.field(validator=v.instance_of(Text), metadata={"column": "summary_nb"})
    sources: tuple[Source, ...] = _source_tuple


@checked
@attrs.frozen
class Nomination:
    """One municipality's place in one edition.

    Attributes:
        edition: The edition's label.
        municipality: The municipality as it was then (the code valid that year).
        name_as_written: The name the source wrote.
        outcome: Winner, finalist, nominee or candidate.
        imdi_region: IMDi's region where a source names it.
        initiatives: What the municipality was praised for.
        current: Today's municipality, or ``None`` where the succession is ambiguous.
        note: A remark, if any.
        sources: Where the nomination is recorded.
    """

    edition: str = attrs.field(validator=edition_label)
    municipality: Municipality = attrs.field(validator=v.instance_of(Municipality))
    name_as_written: str = attrs.field(validator=v.nonempty_text)
    outcome: Outcome = attrs.field(validator=v.instance_of(Outcome))
    imdi_region: str | None = attrs.field(default=None, validator=v.optional_text)
    initiatives: tuple[Initiative, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.tuple_of(Initiative)
    )
    current: Municipality | None = attrs.field(
        default=None,
        validator=v.optional(v.instance_of(Municipality)),
    )
    note: Text | None = _text_or_none
    sources: tuple[Source, ...] = _source_tuple


@checked
@attrs.frozen
class PrizeName:
    """The prize's name as one or more sources wrote it for an edition.

    ``Edition.prize_name`` is the name IMDi used; sources also wrote it with
    the words in another order, another spelling or in nynorsk (Utrop's
    "integrerings- og bosetningsprisen 2018"). Each way of writing it is one
    record, with the sources that wrote it.

    Attributes:
        edition: The edition's label.
        name_as_written: The name as the sources wrote it.
        note: A remark, if any.
        sources: The sources that wrote it so.
    """

    edition: str = attrs.field(validator=edition_label)
    name_as_written: str = attrs.field(validator=v.nonempty_text)
    note: Text | None = _text_or_none
    sources: tuple[Source, ...] = _source_tuple


@checked
@attrs.frozen
class Award:
    """The prize as given: which municipality, for which edition, and when.

    Attributes:
        edition: The edition's label.
        municipality: The winner as it was then.
        date: When the prize was handed over, as precisely as known.
        sources: Where the award is recorded.
    """

    edition: str = attrs.field(validator=edition_label)
    municipality: Municipality = attrs.field(validator=v.instance_of(Municipality))
    date: PartialDate = attrs.field(factory=PartialDate, validator=v.instance_of(PartialDate))
    sources: tuple[Source, ...] = _source_tuple


@checked
@attrs.frozen
class Edition:
    """One edition of the prize.

    Labels are IMDi's own (``"2019/2020"``) and are not award years: the edition
    labelled 2018 was awarded on 13 February 2019. ``year`` is the label's last
    year, the key editions are looked up by.

    Attributes:
        label: The label as IMDi used it.
        work_year: The year whose work is rewarded, where a source says so.
        reference_year: The year whose municipality codes the nominations use.
        award_when: When the prize was handed over, as precisely as known.
        event: The event where it was handed over.
        place: Where.
        prize_name: The prize's name at the time.
        rule: The era's decision rule.
        vote_opens: When the public vote opened, if there was one.
        vote_closes: When it closed.
        nominees_known: Whether the sources name the whole field.
        nomination_route: Who nominated (IMDi, IMDi's regions, self-nomination).
        status: Awarded, planned or unknown.
        nominations: Every recorded nomination, winner first.
        criteria: The era's criteria.
        note: A remark, if any.
        sources: Where the edition is recorded.
        presented_by: Who handed the prize over, with their role, where a source says so.
        received_by: Who received it for the winner, where a source says so.
        handover_sources: The sources for ``presented_by`` and ``received_by``.
        prize_names: The other ways sources wrote the prize's name for the edition.
    """

    label: str = attrs.field(validator=edition_label)
    work_year: int | None = attrs.field(validator=v.optional_year)
    reference_year: int = attrs.field(validator=v.year)
    award_when: PartialDate = attrs.field(validator=v.instance_of(PartialDate))
    event: Text | None = attrs.field(validator=v.optional(v.instance_of(Text)))
    place: str | None = attrs.field(validator=v.optional_text)
    prize_name: str = attrs.field(validator=v.nonempty_text)
    rule: DecisionRule = attrs.field(validator=v.instance_of(RULES))
    vote_opens: PartialDate = attrs.field(factory=PartialDate, validator=v.instance_of(PartialDate))
    vote_closes: PartialDate = attrs.field(
        factory=PartialDate, validator=v.instance_of(PartialDate)
    )
    nominees_known: NomineesKnown = attrs.field(
        default=NomineesKnown.WINNER_ONLY, validator=v.instance_of(NomineesKnown)
    )
    nomination_route: NominationRoute | None = attrs.field(
        default=None,
        validator=v.optional(v.instance_of(NominationRoute)),
    )
    status: EditionStatus = attrs.field(
        default=EditionStatus.AWARDED, validator=v.instance_of(EditionStatus)
    )
    nominations: tuple[Nomination, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.tuple_of(Nomination)
    )
    criteria: Criteria = attrs.field(factory=Criteria, validator=v.instance_of(Criteria))
    note: Text | None = _text_or_none
    sources: tuple[Source, ...] = _source_tuple
    presented_by: Text | None = _text_or_none
    received_by: Text | None = _text_or_none
    handover_sources: tuple[Source, ...] = _source_tuple
    prize_names: tuple[PrizeName, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.tuple_of(PrizeName)
    )

    def __attrs_post_init__(self) -> None:
        winners = [n for n in self.nominations if n.outcome is Outcome.WINNER]
        if len(winners) > 1:
            raise ValidationError(
                N_("edition {label} has {n} winners; at most one is allowed"),
                label=self.label,
                n=len(winners),
                field="nominations",
                value=[n.municipality.name for n in winners],
            )
        parts = (
            (
                "nominations",
                self.nominations,
                N_("a nomination for edition {other} cannot belong to edition {label}"),
            ),
            (
                "prize_names",
                self.prize_names,
                N_("a name written for edition {other} cannot belong to edition {label}"),
            ),
        )
        for field, items, message in parts:
            for part in items:
                if part.edition != self.label:
                    raise ValidationError(
                        message,
                        other=part.edition,
                        label=self.label,
                        field=field,
                        value=part.edition,
                    )

    @property
    def year(self) -> int:
        """The label's last year (``2020`` for ``"2019/2020"``)."""
        return edition_year(self.label)

    @property
    def award_date(self) -> date | None:
        """The award date, or ``None`` unless the sources give the day."""
        return self.award_when.to_date()

    @property
    def winner(self) -> Municipality | None:
        """The winner as it was at the time, or ``None`` where unknown or not awarded."""
        for n in self.nominations:
            if n.outcome is Outcome.WINNER:
                return n.municipality
        return None

    @property
    def nominees(self) -> tuple[Municipality, ...]:
        """Every nominated municipality (winner, finalists, nominees and candidates)."""
        return tuple(n.municipality for n in self.nominations)

    @property
    def finalists(self) -> tuple[Municipality, ...]:
        """The finalists the sources name (winner included where there was a final)."""
        if not self.rule.has_finalists:
            return ()
        return tuple(
            n.municipality
            for n in self.nominations
            if n.outcome in (Outcome.FINALIST, Outcome.WINNER)
            and any(m.outcome is Outcome.FINALIST for m in self.nominations)
        )

    @property
    def award(self) -> Award | None:
        """The award, if the edition has a known winner."""
        for n in self.nominations:
            if n.outcome is Outcome.WINNER:
                return Award(self.label, n.municipality, self.award_when, self.sources)
        return None

    def __str__(self) -> str:
        winner = self.winner.name if self.winner else _("unknown winner")
        return f"{self.prize_name} {self.label}: {winner}"
