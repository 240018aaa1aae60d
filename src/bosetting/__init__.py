"""bosetting: IMDi's Bosettings- og integreringsprisen as typed Python objects.

The prize history, the municipality register across the 2020 and 2024 reforms,
intro-programme outcomes, the criteria of each era and the public vote, all
from shipped, sourced tables; ``bs.update()`` (``bosetting update``) fetches SSB's
newest intro-programme figures and municipality register into a per-user cache,
and every function uses them from then on (``source="shipped"`` keeps to the
shipped ones). ``import bosetting`` stays light: pandas, numpy,
matplotlib and Babel are imported inside the functions that use them (the
``to_frame()`` methods, vote-file counting, :mod:`bosetting.frames` and
:mod:`bosetting.plot` on first use, the formatters of :mod:`bosetting.i18n`).
Everything a person reads is in Norwegian bokmål unless ``bs.set_language("en")``
(or ``BOSETTING_LANG=en``) asks for English; see :mod:`bosetting.i18n`.

Examples:
    >>> import bosetting as bs
    >>> bs.municipality("Kinn").code
    '4602'
    >>> bs.municipality("1401", year=2019).name
    'Flora'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bosetting.errors import (
    AmbiguousMunicipality,
    AmbiguousSuccession,
    ArgumentError,
    BallotFileError,
    BosettingError,
    ChecksumError,
    DataError,
    DecisionError,
    EditionNotFound,
    JurySheetError,
    LimitError,
    MunicipalityNotFound,
    NoDataError,
    SSBFetchError,
    SSBFormatError,
    TallyMergeError,
    UsageError,
    ValidationError,
    WriteError,
)
from bosetting.i18n import set_language

if TYPE_CHECKING:
    from bosetting import frames, plot
    from bosetting.citation import cite
    from bosetting.decision import Decision, decide, sensitivity
    from bosetting.eligibility import assess, screen
    from bosetting.figures import intro_outcomes, settlement
    from bosetting.history import conflicts, edition, editions, latest, record, winners
    from bosetting.jury import JuryAssessment
    from bosetting.model import (
        Award,
        Criteria,
        Criterion,
        Edition,
        Initiative,
        IntroProgrammeOutcome,
        Municipality,
        Nomination,
        PartialDate,
        PrizeName,
        Source,
        Text,
    )
    from bosetting.register import (
        as_municipality,
        current,
        lineage,
        municipalities,
        municipality,
        predecessors,
        succession,
        successors,
    )
    from bosetting.ssb import update
    from bosetting.voting import Tally, tally

__all__ = [
    "AmbiguousMunicipality",
    "AmbiguousSuccession",
    "ArgumentError",
    "Award",
    "BallotFileError",
    "BosettingError",
    "ChecksumError",
    "Criteria",
    "Criterion",
    "DataError",
    "Decision",
    "DecisionError",
    "Edition",
    "EditionNotFound",
    "Initiative",
    "IntroProgrammeOutcome",
    "JuryAssessment",
    "JurySheetError",
    "LimitError",
    "Municipality",
    "MunicipalityNotFound",
    "NoDataError",
    "Nomination",
    "PartialDate",
    "PrizeName",
    "SSBFetchError",
    "SSBFormatError",
    "Source",
    "Tally",
    "TallyMergeError",
    "Text",
    "UsageError",
    "ValidationError",
    "WriteError",
    "__version__",
    "as_municipality",
    "assess",
    "cite",
    "conflicts",
    "current",
    "decide",
    "edition",
    "editions",
    "frames",
    "intro_outcomes",
    "latest",
    "lineage",
    "municipalities",
    "municipality",
    "plot",
    "predecessors",
    "record",
    "screen",
    "sensitivity",
    "set_language",
    "settlement",
    "succession",
    "successors",
    "tally",
    "update",
    "winners",
]

#: Where each public name lives; it is imported on first use (``import bosetting`` stays light).
_LAZY: dict[str, str] = {
    "cite": "bosetting.citation",
    "Decision": "bosetting.decision",
    "decide": "bosetting.decision",
    "sensitivity": "bosetting.decision",
    "assess": "bosetting.eligibility",
    "screen": "bosetting.eligibility",
    "intro_outcomes": "bosetting.figures",
    "settlement": "bosetting.figures",
    "conflicts": "bosetting.history",
    "edition": "bosetting.history",
    "editions": "bosetting.history",
    "latest": "bosetting.history",
    "record": "bosetting.history",
    "winners": "bosetting.history",
    "JuryAssessment": "bosetting.jury",
    "Award": "bosetting.model",
    "Criteria": "bosetting.model",
    "Criterion": "bosetting.model",
    "Edition": "bosetting.model",
    "Initiative": "bosetting.model",
    "IntroProgrammeOutcome": "bosetting.model",
    "Municipality": "bosetting.model",
    "Nomination": "bosetting.model",
    "PartialDate": "bosetting.model",
    "PrizeName": "bosetting.model",
    "Source": "bosetting.model",
    "Text": "bosetting.model",
    "as_municipality": "bosetting.register",
    "current": "bosetting.register",
    "lineage": "bosetting.register",
    "municipalities": "bosetting.register",
    "municipality": "bosetting.register",
    "predecessors": "bosetting.register",
    "succession": "bosetting.register",
    "successors": "bosetting.register",
    "update": "bosetting.ssb",
    "Tally": "bosetting.voting",
    "tally": "bosetting.voting",
}
#: Submodules loaded on first use: they import pandas and matplotlib.
_LAZY_MODULES = ("frames", "plot")


def __getattr__(name: str) -> Any:
    """Load a public name from its module, ``__version__`` and the pandas/matplotlib modules, on first use."""
    import importlib

    if name == "__version__":
        from importlib.metadata import version

        return version("bosetting")
    if name in _LAZY_MODULES:
        return importlib.import_module(f"bosetting.{name}")
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'bosetting' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
