"""The cattrs converter: every model class to JSON-able data and back."""

from __future__ import annotations

from datetime import date
from typing import Any

import cattrs
from cattrs.strategies import configure_tagged_union

from bosetting.model._common import PartialDate
from bosetting.model._rules import RULES, DecisionRule

__all__ = ["converter"]


def _make() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True)
    conv.register_unstructure_hook(date, lambda d: d.isoformat())
    conv.register_structure_hook(date, lambda s, _: date.fromisoformat(s))
    # An unknown date is null in JSON (its text form is empty).
    conv.register_unstructure_hook(PartialDate, lambda p: str(p) or None)
    conv.register_structure_hook(PartialDate, lambda s, _: PartialDate.parse(s or ""))
    # The rule's ``kind`` is not an init argument; the tag tells the classes apart.
    for cls in RULES:
        conv.register_unstructure_hook(cls, _rule_unstructurer(cls))
    configure_tagged_union(DecisionRule, conv, tag_name="rule", tag_generator=_rule_tag)
    return conv


def _rule_tag(cls: type) -> str:
    return str(cls().kind.value)


def _rule_unstructurer(cls: type) -> Any:
    import attrs

    names = [a.name for a in attrs.fields(cls) if a.init]
    return lambda obj: {name: getattr(obj, name) for name in names}


#: A cattrs converter configured for every class in :mod:`bosetting.model`.
converter: cattrs.Converter = _make()
