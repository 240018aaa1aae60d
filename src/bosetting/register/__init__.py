"""The municipality register 2008 onwards and the crosswalk across reforms; the nominee resolver."""

from __future__ import annotations

from bosetting.register._crosswalk import current, lineage, predecessors, succession, successors
from bosetting.register._register import (
    REGISTER_FIRST_YEAR,
    REGISTER_LAST_YEAR,
    as_municipality,
    changes,
    latest,
    municipalities,
    municipality,
    register_year,
)
from bosetting.register._resolve import Resolver, nominees_of

__all__ = [
    "REGISTER_FIRST_YEAR",
    "REGISTER_LAST_YEAR",
    "Resolver",
    "as_municipality",
    "changes",
    "current",
    "latest",
    "lineage",
    "municipalities",
    "municipality",
    "nominees_of",
    "predecessors",
    "register_year",
    "succession",
    "successors",
]
