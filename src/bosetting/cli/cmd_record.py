"""``bosetting record NAME``: every nomination of one municipality, across mergers."""

from __future__ import annotations

import argparse
from typing import Any

from bosetting.cli._render import render_record
from bosetting.i18n import _

__all__ = ["register"]


def _run(args: argparse.Namespace) -> int:
    print(render_record(args.name))
    return 0


def register(subparsers: Any) -> None:
    """Add the ``record`` subcommand."""
    p = subparsers.add_parser(
        "record",
        help=_("every nomination of one municipality"),
        description=_(
            "Every nomination of one municipality, counting its earlier numbers and "
            "the municipalities merged into it."
        ),
    )
    p.add_argument("name", metavar="NAME", help=_("a municipality’s name or number"))
    p.set_defaults(run=_run)
