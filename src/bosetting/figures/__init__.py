"""The shipped figures: intro-programme outcomes and settlement against request."""

from __future__ import annotations

from bosetting.figures._areas import (
    AreaFilter,
    area_runs,
)
from bosetting.figures._outcomes import (
    Total,
    intro_outcomes,
    total,
    weighted_share,
)
from bosetting.figures._settlement import (
    Settlement,
    settled_share_of_request,
    settlement,
)

__all__ = [
    "AreaFilter",
    "Settlement",
    "Total",
    "area_runs",
    "intro_outcomes",
    "settled_share_of_request",
    "settlement",
    "total",
    "weighted_share",
]
