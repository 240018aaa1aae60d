"""The public vote: ballots, counting among one edition's nominees, ranking and ties (floor 3).

:func:`tally` resolves each ballot against the nominees (one resolver,
:class:`bosetting.register.Resolver`) and returns a :class:`Tally`. Nothing is
dropped: a ballot that is not counted is kept in :attr:`Tally.rejected` with a
:class:`~bosetting.model.RejectReason`.

The rooms: ``_ballots`` (ballots from lists, Series and files), ``_tally`` (the
:class:`Tally` monoid), ``_count`` (the counting paths), ``_fast`` (the pandas
and numpy path for large files and code arrays), ``_ranking`` (order and ties).
"""

from __future__ import annotations

from bosetting.errors import TallyMergeError
from bosetting.model import RejectReason
from bosetting.register import Resolver
from bosetting.voting._ballots import (
    CHOICE_COLUMNS,
    LABEL_COLUMNS,
    TIMESTAMP_COLUMNS,
    VOTER_COLUMNS,
    Ballot,
    BallotColumns,
    ballot_columns,
    ballots_from_iterable,
    ballots_from_series,
    check_row_lengths,
    read_ballot_text,
    read_ballots,
)
from bosetting.voting._count import tally, tally_file
from bosetting.voting._fast import tally_codes
from bosetting.voting._ranking import TIE_RULE, Finalists, Tie, order_by_score
from bosetting.voting._tally import DuplicatePolicy, RejectedBallot, Tally

__all__ = [
    "CHOICE_COLUMNS",
    "LABEL_COLUMNS",
    "TIE_RULE",
    "TIMESTAMP_COLUMNS",
    "VOTER_COLUMNS",
    "Ballot",
    "BallotColumns",
    "DuplicatePolicy",
    "Finalists",
    "RejectReason",
    "RejectedBallot",
    "Resolver",
    "Tally",
    "TallyMergeError",
    "Tie",
    "ballot_columns",
    "ballots_from_iterable",
    "ballots_from_series",
    "check_row_lengths",
    "order_by_score",
    "read_ballot_text",
    "read_ballots",
    "tally",
    "tally_codes",
    "tally_file",
]
