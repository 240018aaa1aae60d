"""``bosetting history [--format text|csv|json]``: one line per edition, and one for the missing 2017.

JSON: ``editions``, ``years_without_edition``; CSV: one row per edition (see
:mod:`bosetting.cli._render._records`).
"""

from __future__ import annotations

import argparse
from typing import Any

from bosetting.cli._render import (
    add_format_options,
    emit,
    history_json,
    history_table,
    render_history,
)
from bosetting.i18n import _

__all__ = ["register"]


def _run(args: argparse.Namespace) -> int:
    return emit(args, text=render_history, csv=history_table, json=history_json)


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
    add_format_options(p)
    p.set_defaults(run=_run)
