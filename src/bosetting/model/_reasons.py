"""Why a ballot (or a jury sheet's nominee) could not be counted, and the practice-data label."""

from __future__ import annotations

import enum

from bosetting.i18n import N_, _

__all__ = ["PRACTICE_LABEL", "RejectReason"]

#: The label of made-up data (practice ballots and jury sheets), kept on every row and result.
PRACTICE_LABEL = "ØVINGSDATA"


class RejectReason(enum.Enum):
    """Why a ballot was not counted."""

    BLANK = "blank"
    UNKNOWN_NOMINEE = "unknown_nominee"
    AMBIGUOUS = "ambiguous"
    DUPLICATE_VOTER = "duplicate_voter"
    EXTRA_FIELDS = "extra_fields"
    MISSING_FIELDS = "missing_fields"

    @property
    def label(self) -> str:
        """The value in words, in the active language ("blank ballot" ...)."""
        return _(_REJECTREASON_WORDS[self])


_REJECTREASON_WORDS = {
    RejectReason.BLANK: N_("blank ballot"),
    RejectReason.UNKNOWN_NOMINEE: N_("not one of the nominees"),
    RejectReason.AMBIGUOUS: N_("fits more than one nominee"),
    RejectReason.DUPLICATE_VOTER: N_("the voter had already voted"),
    RejectReason.EXTRA_FIELDS: N_("the row has more fields than the header"),
    RejectReason.MISSING_FIELDS: N_("the row has fewer fields than the header"),
}
