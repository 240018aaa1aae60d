"""The public vote: ballots, counting among one edition's nominees, ranking and ties (floor 9).

:func:`tally` resolves each ballot against the nominees and returns a
:class:`Tally`; nothing is dropped: a ballot that is not counted is kept in
:attr:`Tally.rejected` with a :class:`~bosetting.model.RejectReason`. The rules
are in ``_count``; ``_ballots`` holds the ballots, ``_tally`` the :class:`Tally`
monoid, ``_columns`` the counting of columns and ``_file``, ``_filecount`` and
``_locate`` that of files, on polars (imported inside the functions that use it,
so ``import bosetting`` stays light); ``_ranking`` orders nominees and breaks ties.
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
    choice_text,
)
from bosetting.voting._columns import tally_codes
from bosetting.voting._count import tally, tally_file
from bosetting.voting._file import MAX_BALLOT_BYTES, MAX_BALLOT_ROWS, read_ballots
from bosetting.voting._ranking import TIE_RULE, Finalists, Tie, order_by_score
from bosetting.voting._tally import (
    DuplicatePolicy,
    LazyRejected,
    RejectedBallot,
    Tally,
    VoterIds,
)

__all__ = [
    "CHOICE_COLUMNS",
    "LABEL_COLUMNS",
    "MAX_BALLOT_BYTES",
    "MAX_BALLOT_ROWS",
    "TIE_RULE",
    "TIMESTAMP_COLUMNS",
    "VOTER_COLUMNS",
    "Ballot",
    "BallotColumns",
    "DuplicatePolicy",
    "Finalists",
    "LazyRejected",
    "RejectReason",
    "RejectedBallot",
    "Resolver",
    "Tally",
    "TallyMergeError",
    "Tie",
    "VoterIds",
    "ballot_columns",
    "ballots_from_iterable",
    "ballots_from_series",
    "choice_text",
    "order_by_score",
    "read_ballots",
    "tally",
    "tally_codes",
    "tally_file",
]
