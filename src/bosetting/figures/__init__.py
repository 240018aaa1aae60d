"""The figures: intro-programme outcomes (shipped, or SSB's as last fetched) and settlement against request."""

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
from bosetting.figures._provenance import Provenance, provenance
from bosetting.figures._settlement import (
    Settlement,
    full_years,
    settled_share_of_request,
    settlement,
)

__all__ = [
    "AreaFilter",
    "Provenance",
    "Settlement",
    "Total",
    "area_runs",
    "full_years",
    "intro_outcomes",
    "provenance",
    "settled_share_of_request",
    "settlement",
    "total",
    "weighted_share",
]
