"""The decision rules of the prize's eras: one module per rule, registered once here.

Adding a rule: write its module (a :class:`DecisionRule` subclass with its tag,
words and description), add it to :data:`RULES` below, give its words a bokmål
translation (``make messages``), and register how :mod:`bosetting.decision`
applies it. The converters (JSON and table rows), the history, the command and
the site find it through :data:`RULES`.
"""

from __future__ import annotations

from bosetting.model._rules._base import DecisionRule
from bosetting.model._rules._jury_only import JuryOnly
from bosetting.model._rules._top_k_then_jury import TopKThenJury
from bosetting.model._rules._weighted_blend import WeightedBlend

__all__ = ["RULES", "DecisionRule", "JuryOnly", "TopKThenJury", "WeightedBlend"]

#: Every decision rule class, once, oldest era first.
RULES: tuple[type[DecisionRule], ...] = (JuryOnly, TopKThenJury, WeightedBlend)
