"""``bosetting decide --edition E --jury JURY.csv [--votes VOTES.csv] [--public-weight W]``.

Applies the edition's decision rule (jury only; the top ``k`` by vote, then the
jury; or a blend of vote and jury) and explains every step. From 2021 the blend's
weight is not published, so ``--public-weight`` is required and printed as an
assumption. ``--format text|csv|json`` (``--excel``); see
:mod:`bosetting.cli._render._votes` for the keys and columns.
"""

from __future__ import annotations

import argparse
from typing import Any

from bosetting.cli._options import add_ballot_options, public_weight, read_tally
from bosetting.cli._render import (
    add_format_options,
    decision_json,
    decision_table,
    emit,
    render_decision,
    vote_title,
)
from bosetting.history import edition
from bosetting.i18n import _

__all__ = ["register"]


def _run(args: argparse.Namespace) -> int:
    from bosetting.decision import decide
    from bosetting.jury import read_jury_sheet

    e = edition(args.edition)
    t = read_tally(args, e) if args.votes is not None else None
    jury = read_jury_sheet(args.jury, e)
    d = decide(e.rule, t, jury, public_weight=args.public_weight)
    labels = set(t.labels if t is not None else ()) | ({jury.label} if jury.label else set())
    return emit(
        args,
        text=lambda: vote_title(e) + "\n" + render_decision(d, labels),
        csv=lambda: decision_table(d),
        json=lambda: decision_json(d, e, labels),
    )


def register(subparsers: Any) -> None:
    """Add the ``decide`` subcommand."""
    p = subparsers.add_parser(
        "decide",
        help=_("apply the edition’s decision rule"),
        description=_(
            "Apply the edition’s decision rule to a jury sheet and, where the rule uses the "
            "public vote, a ballot file; explain every step."
        ),
    )
    add_ballot_options(p, required=False)
    p.add_argument(
        "--jury", required=True, metavar=_("JURY.csv"), help=_("the jury’s scoring sheet")
    )
    p.add_argument(
        "--public-weight",
        type=public_weight,
        default=None,
        metavar=_("WEIGHT"),
        help=_(
            "how much the public vote weighs in a blend, from 0 to 1; needed from 2021, "
            "where IMDi has not published it (an assumption)"
        ),
    )
    add_format_options(p)
    p.set_defaults(run=_run)
