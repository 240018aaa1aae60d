"""The cattrs converter: every model class to JSON-able data and back.

Built once, on first use (``import bosetting`` does not import cattrs). Dates
are ISO text, an unknown :class:`~bosetting.model.PartialDate` is ``null``, and
a decision rule is a tagged union: ``{"rule": "top_k_then_jury", "k": 3}``,
the tag being the rule class's :attr:`~bosetting.model.DecisionRule.tag`.
:func:`make_converter` builds it; :mod:`bosetting.data` builds its row
converter with it too, reading a rule from a row of ``editions.csv`` (tagged by
its ``decision_rule`` column, a parameter from the column its field names).

Examples:
    >>> from bosetting.model import DecisionRule, TopKThenJury
    >>> converter.unstructure(TopKThenJury(3), unstructure_as=DecisionRule)
    {'k': 3, 'rule': 'top_k_then_jury'}
    >>> converter.structure({"rule": "jury_only"}, DecisionRule)
    JuryOnly()
"""

from __future__ import annotations

import typing
from datetime import date
from typing import Any

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.strategies import configure_tagged_union

from bosetting.model._arguments import checked
from bosetting.model._common import PartialDate
from bosetting.model._rules import RULES, DecisionRule

__all__ = ["configure_rules", "converter", "make_converter"]


def configure_rules(conv: cattrs.Converter, *, tag_name: str) -> None:
    """Structure and unstructure :class:`DecisionRule` as a union of :data:`RULES` tagged by ``tag_name``.

    A rule parameter whose field names a ``column`` in its metadata is read from
    that key when ``tag_name`` is not ``"rule"`` (a table row, not JSON).
    """
    union: Any = typing.Union.__getitem__(RULES)
    row = tag_name != "rule"
    for cls in RULES:
        renames: dict[str, Any] = {
            a.name: override(rename=a.metadata["column"])
            for a in attrs.fields(typing.cast(Any, cls))
            if row and "column" in a.metadata
        }
        # Each class its own hooks, so that the base-class hooks below never catch a subclass.
        conv.register_structure_hook(cls, make_dict_structure_fn(cls, conv, **renames))
        conv.register_unstructure_hook(cls, make_dict_unstructure_fn(cls, conv))
    configure_tagged_union(union, conv, tag_name=tag_name, tag_generator=_tag)
    conv.register_structure_hook_func(
        lambda kind: kind is DecisionRule, lambda data, _: conv.structure(data, union)
    )
    conv.register_unstructure_hook_func(
        lambda kind: kind is DecisionRule, lambda rule: conv.unstructure(rule, unstructure_as=union)
    )


def _tag(cls: type) -> str:
    return typing.cast(type[DecisionRule], cls).tag


@checked
def make_converter(*, rule_tag: str = "rule", forbid_extra_keys: bool = True) -> cattrs.Converter:
    """A converter for the model: :data:`converter` is one; :mod:`bosetting.data` makes its own.

    Args:
        rule_tag: The key that says which decision rule a mapping holds.
        forbid_extra_keys: Whether a mapping may hold keys no field reads (a
            table row holds every column).
    """
    conv = cattrs.Converter(forbid_extra_keys=forbid_extra_keys)
    conv.register_unstructure_hook(date, lambda d: d.isoformat())
    conv.register_structure_hook(date, lambda s, _: date.fromisoformat(s))
    # An unknown date is null in JSON (its text form is empty).
    conv.register_unstructure_hook(PartialDate, lambda p: str(p) or None)
    conv.register_structure_hook(PartialDate, lambda s, _: PartialDate.parse(s or ""))
    configure_rules(conv, tag_name=rule_tag)
    return conv


#: A cattrs converter configured for every class in :mod:`bosetting.model`.
converter: cattrs.Converter = make_converter()
