"""``bosetting show EDITION``: everything on record about one edition."""

from __future__ import annotations

import argparse
from typing import Any

from bosetting.cli._render import render_edition
from bosetting.history import edition
from bosetting.i18n import _

__all__ = ["register"]


def _run(args: argparse.Namespace) -> int:
    print(render_edition(edition(args.edition)))
    return 0


def register(subparsers: Any) -> None:
    """Add the ``show`` subcommand."""
    p = subparsers.add_parser(
        "show",
        help=_("show everything about one edition"),
        description=_(
            "Show one edition: dates, how the winner is chosen, nominees, initiatives, "
            "where the sources disagree, and the sources."
        ),
    )
    p.add_argument("edition", metavar="EDITION", help=_("a label (2019/2020) or a year (2022)"))
    p.set_defaults(run=_run)
