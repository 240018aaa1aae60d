"""bosetting: IMDi's Bosettings- og integreringsprisen as typed Python objects.

The prize history, the municipality register across the 2020 and 2024 reforms,
intro-programme outcomes, the criteria of each era and the public vote, all
from shipped, sourced tables. ``import bosetting`` stays light: pandas, numpy,
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

from bosetting.citation import cite
from bosetting.decision import Decision, decide, sensitivity
from bosetting.eligibility import assess, screen
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
from bosetting.figures import intro_outcomes, settlement
from bosetting.history import conflicts, edition, editions, record, winners
from bosetting.i18n import set_language
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
    Source,
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
from bosetting.voting import Tally, tally

if TYPE_CHECKING:
    from bosetting import frames, plot

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
    "SSBFetchError",
    "SSBFormatError",
    "Source",
    "Tally",
    "TallyMergeError",
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
    "winners",
]

_LAZY_MODULES = ("frames", "plot")


def __getattr__(name: str) -> Any:
    """Load ``__version__`` and the pandas/matplotlib modules only when asked for."""
    if name == "__version__":
        from importlib.metadata import version

        return version("bosetting")
    if name in _LAZY_MODULES:
        import importlib

        return importlib.import_module(f"bosetting.{name}")
    raise AttributeError(f"module 'bosetting' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
