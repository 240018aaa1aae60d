"""The municipality register 2008 onwards and the crosswalk across reforms."""

from __future__ import annotations

from bosetting.register._register import (
    REGISTER_FIRST_YEAR,
    REGISTER_LAST_YEAR,
    Change,
    ChangeKind,
    Succession,
    as_municipality,
    changes,
    current,
    latest,
    lineage,
    municipalities,
    municipality,
    predecessors,
    succession,
    successors,
)

__all__ = [
    "REGISTER_FIRST_YEAR",
    "REGISTER_LAST_YEAR",
    "Change",
    "ChangeKind",
    "Succession",
    "as_municipality",
    "changes",
    "current",
    "latest",
    "lineage",
    "municipalities",
    "municipality",
    "predecessors",
    "succession",
    "successors",
]
