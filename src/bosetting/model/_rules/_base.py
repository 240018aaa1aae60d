"""What every decision rule is: a class that owns its tag, its words and its description.

A rule object only *describes* how a winner is chosen; :mod:`bosetting.decision`
applies it (one function per rule class). Keeping the rules as data lets every
edition carry its own rule instead of an if-chain over years.

A rule class says, once:

* :attr:`~DecisionRule.tag`: its value in ``editions.csv``'s ``decision_rule``
  column and in JSON's ``"rule"`` key;
* :attr:`~DecisionRule.label`: its short name for tables ("the jury alone"),
  and :meth:`~DecisionRule.describe`: one sentence on how the winner is chosen,
  both through the message catalogue;
* what the rest of the library asks about it, where it differs from the base:
  whether there is a public vote (:attr:`~DecisionRule.public_vote`, yes),
  whether it names finalists (:attr:`~DecisionRule.has_finalists`, no) and
  whether the public vote is weighed against the jury with a weight
  (:attr:`~DecisionRule.weighs_public_vote`, no).

A parameter read from ``editions.csv`` names its column in the field's
metadata (``metadata={"column": "finalists_k"}``).
"""

from __future__ import annotations

from typing import ClassVar

from bosetting.errors import ArgumentError
from bosetting.i18n import N_, language

__all__ = ["DecisionRule"]


class DecisionRule:
    """The base class of every decision rule (see the module docstring)."""

    __slots__ = ()

    def __init__(self, *args: object, **kwargs: object) -> None:
        """The base takes no arguments (each rule class has its own constructor)."""
        if args or kwargs:
            raise ArgumentError(
                N_("the base class DecisionRule takes no arguments; make one of its rule classes"),
                field="arguments",
            )

    #: The rule's value in ``editions.csv`` (``decision_rule``) and in JSON (``"rule"``).
    tag: ClassVar[str]
    #: Whether the public votes (a rule says so when it has no public vote).
    public_vote: ClassVar[bool] = True
    #: Whether the public vote picks finalists for the jury.
    has_finalists: ClassVar[bool] = False
    #: Whether the public vote and the jury are weighed together with a weight.
    weighs_public_vote: ClassVar[bool] = False

    @property
    def label(self) -> str:
        """A short name for the rule, in the active language ("the jury alone" ...)."""
        raise NotImplementedError

    def describe(self) -> str:
        """One sentence, in the active language, that says how the winner is chosen."""
        raise NotImplementedError

    def describe_nb(self) -> str:
        """:meth:`describe` in bokmål, whatever the active language."""
        with language("nb"):
            return self.describe()
