"""Why a ballot (or a jury sheet's nominee) could not be counted, and the practice-data label."""

from __future__ import annotations

from bosetting.i18n import N_
from bosetting.model._labelled import LabelledEnum

__all__ = ["PRACTICE_LABEL", "RejectReason"]

#: The label of made-up data (practice ballots and jury sheets), kept on every row and result.
PRACTICE_LABEL = "ØVINGSDATA"


class RejectReason(LabelledEnum):
    """Why a ballot was not counted."""

    BLANK = "blank", N_("blank ballot")
    UNKNOWN_NOMINEE = "unknown_nominee", N_("not one of the nominees")
    AMBIGUOUS = "ambiguous", N_("fits more than one nominee")
    DUPLICATE_VOTER = "duplicate_voter", N_("the voter had already voted")
    EXTRA_FIELDS = "extra_fields", N_("the row has more fields than the header")
    MISSING_FIELDS = "missing_fields", N_("the row has fewer fields than the header")
