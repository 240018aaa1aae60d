"""The public vote: ballots, counting among one edition's nominees, ranking and ties (floor 3).

:func:`tally` resolves each ballot against the nominees (one resolver,
:class:`bosetting.register.Resolver`) and returns a :class:`Tally`. Nothing is
dropped: a ballot that is not counted is kept in :attr:`Tally.rejected` with a
:class:`~bosetting.model.RejectReason`.

The rooms: ``_ballots`` (ballots from lists, Series and files), ``_voters`` (voter
ids, exact or as 64-bit digests), ``_distinct`` (resolve each distinct choice
once), ``_tally`` (the :class:`Tally` monoid), ``_count`` (the counting paths),
``_arrays`` (arrays and pandas Series), ``_fast`` with ``_chunks`` and ``_digests``
(streamed files: chunks and the voter index; with ``_arrays`` the only modules that use
numpy and pandas, imported inside their functions),
``_ranking`` (order and ties).
"""

from __future__ import annotations

from bosetting.errors import TallyMergeError
from bosetting.model import RejectReason
from bosetting.register import Resolver
from bosetting.voting._arrays import tally_codes
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
    choice_text,
    read_ballot_text,
    read_ballots,
)
from bosetting.voting._count import tally, tally_file
from bosetting.voting._ranking import TIE_RULE, Finalists, Tie, order_by_score
from bosetting.voting._tally import DuplicatePolicy, LazyRejected, RejectedBallot, Tally
from bosetting.voting._voters import VoterIds

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
    "check_row_lengths",
    "choice_text",
    "order_by_score",
    "read_ballot_text",
    "read_ballots",
    "tally",
    "tally_codes",
    "tally_file",
]
