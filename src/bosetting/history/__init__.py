"""The prize's record: editions, nominations, initiatives, conflicts, and criteria by era."""

from __future__ import annotations

from bosetting.history._criteria import MEASURABLE, all_criteria, criteria_for
from bosetting.history._editions import conflicts, edition, editions, latest, record, winners
from bosetting.history._summary import record_summary

__all__ = [
    "MEASURABLE",
    "all_criteria",
    "conflicts",
    "criteria_for",
    "edition",
    "editions",
    "latest",
    "record",
    "record_summary",
    "winners",
]
