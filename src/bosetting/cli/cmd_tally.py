"""``bosetting tally VOTES.csv --edition E``: count a ballot file among the edition's nominees.

Options: ``--duplicates keep_first|keep_last|reject_all`` (several ballots from
one voter id) and ``--format text|csv|json`` (``--excel``). Every ballot not
counted is counted by reason; JSON lists each one, written as it is read (see
:mod:`bosetting.cli._render._votes`).
"""

from __future__ import annotations

import argparse
from typing import Any

from bosetting.cli._options import add_ballot_options, read_tally
from bosetting.cli._render import (
    add_format_options,
    emit,
    render_tally,
    tally_json,
    tally_table,
    vote_title,
    write_tally_json,
)
from bosetting.history import edition
from bosetting.i18n import _

__all__ = ["register"]


def _run(args: argparse.Namespace) -> int:
    e = edition(args.edition)
    t = read_tally(args, e)
    if args.format == "json" and not args.excel:
        write_tally_json(t, e)  # streams the rejected ballots
        return 0
    return emit(
        args,
        text=lambda: vote_title(e) + "\n" + render_tally(t),
        csv=lambda: tally_table(t),
        json=lambda: tally_json(t, e),
    )


def register(subparsers: Any) -> None:
    """Add the ``tally`` subcommand."""
    p = subparsers.add_parser(
        "tally",
        help=_("count a ballot file"),
        description=_(
            "Count a ballot file among the edition’s nominees, and say how many ballots "
            "were not counted and why."
        ),
    )
    add_ballot_options(p, positional=True)
    add_format_options(p)
    p.set_defaults(run=_run)
