"""The municipality register (its years from the data) and the crosswalk across reforms; the nominee resolver."""

from __future__ import annotations

from bosetting.register._crosswalk import current, lineage, predecessors, succession, successors
from bosetting.register._kinds import change_kinds
from bosetting.register._register import (
    PREPARED_CODE,
    as_municipality,
    changes,
    first_year,
    last_year,
    latest,
    municipalities,
    municipality,
    prepared_allows,
    register_year,
)
from bosetting.register._resolve import Resolver, nominees_of

__all__ = [
    "PREPARED_CODE",
    "Resolver",
    "as_municipality",
    "change_kinds",
    "changes",
    "current",
    "first_year",
    "last_year",
    "latest",
    "lineage",
    "municipalities",
    "municipality",
    "nominees_of",
    "predecessors",
    "prepared_allows",
    "register_year",
    "succession",
    "successors",
]
