"""``bosetting check NAME --edition E``: a municipality against an edition's criteria."""

from __future__ import annotations

import argparse
from typing import Any

from bosetting.cli._render import render_assessment
from bosetting.eligibility import assess
from bosetting.i18n import _

__all__ = ["register"]


def _run(args: argparse.Namespace) -> int:
    print(render_assessment(assess(args.name, args.edition)))
    return 0


def register(subparsers: Any) -> None:
    """Add the ``check`` subcommand."""
    c = subparsers.add_parser(
        "check",
        help=_("check a municipality against an edition’s criteria"),
        description=_(
            "One result per criterion: met, not met, not assessable or needs "
            "judgement, with reasons, figures and sources."
        ),
    )
    c.add_argument("name", metavar="NAME|CODE", help=_("a name or a number"))
    c.add_argument("--edition", required=True, help=_("the edition’s label or year, such as 2021"))
    c.set_defaults(run=_run)
