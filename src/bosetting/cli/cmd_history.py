"""``bosetting history``: one line per edition of the prize, and one for the missing 2017."""

from __future__ import annotations

import argparse
from typing import Any

from bosetting.cli._render import render_history
from bosetting.i18n import _

__all__ = ["register"]


def _run(args: argparse.Namespace) -> int:
    print(render_history())
    return 0


def register(subparsers: Any) -> None:
    """Add the ``history`` subcommand."""
    p = subparsers.add_parser(
        "history",
        help=_("list every edition of the prize"),
        description=_(
            "One line per edition: label, award date, winner, nominees, how the winner was "
            "chosen; and a line for each year without an edition."
        ),
    )
    p.set_defaults(run=_run)
