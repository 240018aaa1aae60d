"""A disagreement between sources, recorded with both sides."""

from __future__ import annotations

import attrs

from bosetting.i18n import N_, _
from bosetting.model import _validate as v
from bosetting.model._arguments import checked
from bosetting.model._common import Source
from bosetting.model._text import Text

__all__ = ["Conflict"]

#: The columns sources have disagreed on, in words.
_FIELD_WORDS = {
    "award_date": N_("award date"),
    "decision_rule": N_("how the winner was chosen"),
    "edition": N_("edition label"),
    "event": N_("event"),
    "note": N_("note"),
    "outcome": N_("outcome"),
    "place": N_("place"),
    "prize_name": N_("prize name"),
    "work_year": N_("the work year the prize is for"),
}


@checked
@attrs.frozen
class Conflict:
    """Two sets of sources that disagree on one value, and what the tables use.

    Attributes:
        id: The conflict's id (``"C1"``).
        table: The table the value is in (``"editions"``, ``"nominations"`` ...).
        key: The row's key: an edition label, ``<label>/<code>`` for a nomination,
            or ``"(alle)"`` when it concerns every row.
        field: The field the sources disagree on.
        value_a: What the first sources say.
        sources_a: The first sources.
        value_b: What the other sources say.
        sources_b: The other sources.
        resolution: What the tables use and why.
        note: A remark, if any.

    Examples:
        >>> from bosetting.model import PartialDate, Source
        >>> s = Source("S1", "IMDi", "T", "https://www.imdi.no/", PartialDate(2019))
        >>> c = Conflict("C1", "editions", "2018", "place", Text("Oslo"), (s,), Text("Gardermoen"), (s,),
        ...              Text("uavklart", en="unresolved"))
        >>> c.concerns("2018"), c.concerns("2019/2020")
        (True, False)
    """

    id: str = attrs.field(validator=v.nonempty_text)
    table: str = attrs.field(validator=v.nonempty_text)
    key: str = attrs.field(validator=v.nonempty_text)
    field: str = attrs.field(validator=v.nonempty_text)
    value_a: Text = attrs.field(validator=v.instance_of(Text))
    sources_a: tuple[Source, ...] = attrs.field(converter=v.to_tuple, validator=v.tuple_of(Source))
    value_b: Text = attrs.field(validator=v.instance_of(Text))
    sources_b: tuple[Source, ...] = attrs.field(converter=v.to_tuple, validator=v.tuple_of(Source))
    resolution: Text = attrs.field(validator=v.instance_of(Text))
    note: Text | None = attrs.field(default=None, validator=v.optional(v.instance_of(Text)))

    @property
    def field_label(self) -> str:
        """The field in words, in the active language (the column's name where it has none)."""
        words = _FIELD_WORDS.get(self.field)
        return self.field if words is None else _(words)

    def concerns(self, label: str) -> bool:
        """Whether the conflict is about the edition ``label`` or one of its rows."""
        if self.table == "editions":
            return self.key == label
        return self.key.rpartition("/")[0] == label
