"""The register's sourced records: SSB's municipal changes and where an area went."""

from __future__ import annotations

import attrs

from bosetting.i18n import N_
from bosetting.model import _validate as v
from bosetting.model._arguments import checked
from bosetting.model._common import Source
from bosetting.model._labelled import LabelledEnum
from bosetting.model._municipality import Municipality
from bosetting.model._text import Text

__all__ = ["ChangeKind", "MunicipalChange", "Succession"]


class ChangeKind(LabelledEnum):
    """How an old code relates to a new one on the day of a change."""

    SPLIT = "split", N_("split")
    MERGE = "merge", N_("merger")
    RENUMBER = "renumber", N_("new number")
    RENAME = "rename", N_("new name")


@checked
@attrs.frozen
class MunicipalChange:
    """One row of SSB's change list: an old municipality and a new one on 1 January.

    Attributes:
        year: The year the change took effect (on 1 January).
        old: The municipality before the change.
        new: The municipality after the change.
        kind: Split, merge, renumber or rename.
        note: A remark on cases a plain reading gets wrong.
        sources: Where the change is recorded.
    """

    year: int = attrs.field(validator=v.year)
    old: Municipality = attrs.field(validator=v.instance_of(Municipality))
    new: Municipality = attrs.field(validator=v.instance_of(Municipality))
    kind: ChangeKind = attrs.field(validator=v.instance_of(ChangeKind))
    note: Text | None = attrs.field(validator=v.optional(v.instance_of(Text)))
    sources: tuple[Source, ...] = attrs.field(converter=v.to_tuple, validator=v.tuple_of(Source))


@checked
@attrs.frozen
class Succession:
    """Where a municipality's area belongs in a later year.

    Attributes:
        start: The municipality followed.
        year: The year followed to.
        candidates: Every municipality of that year the area went to.
        changes: The changes passed on the way.
    """

    start: Municipality = attrs.field(validator=v.instance_of(Municipality))
    year: int = attrs.field(validator=v.year)
    candidates: tuple[Municipality, ...] = attrs.field(
        converter=v.to_tuple, validator=v.tuple_of(Municipality)
    )
    changes: tuple[MunicipalChange, ...] = attrs.field(
        converter=v.to_tuple, validator=v.tuple_of(MunicipalChange)
    )

    @property
    def ambiguous(self) -> bool:
        """Whether the area went to more than one municipality (a split)."""
        return len(self.candidates) > 1

    @property
    def notes(self) -> tuple[Text, ...]:
        """The notes of the changes passed (for example on the Ålesund/Haram reversal)."""
        return tuple(dict.fromkeys(c.note for c in self.changes if c.note))
