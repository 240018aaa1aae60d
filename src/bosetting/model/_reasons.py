"""Why a ballot (or a jury sheet's nominee) could not be counted: a value type, no I/O."""

from __future__ import annotations

import enum

__all__ = ["RejectReason"]


class RejectReason(enum.Enum):
    """Why a ballot was not counted."""

    BLANK = "blank"
    UNKNOWN_NOMINEE = "unknown_nominee"
    AMBIGUOUS = "ambiguous"
    DUPLICATE_VOTER = "duplicate_voter"
