"""``bosetting outcomes NAME``: intro-programme outcomes and settlement figures.

Examples:
    >>> from bosetting.cli import main
    >>> main(["--lang", "en", "outcomes", "Kristiansand"])  # doctest: +ELLIPSIS
    Kristiansand (4204): in work or education one year after the introduction programme (both sexes)
    ...
      1001    Kristiansand  2014         2013          115                    79    69%  published
    ...
    0
"""

from __future__ import annotations

import argparse
from typing import Any

from bosetting.cli._render import render_outcomes
from bosetting.i18n import _

__all__ = ["register"]


def _run(args: argparse.Namespace) -> int:
    print(render_outcomes(args.name))
    return 0


def register(subparsers: Any) -> None:
    """Add the ``outcomes`` subcommand."""
    p = subparsers.add_parser(
        "outcomes",
        help=_("show a municipality’s intro-programme outcomes and settlement figures"),
        description=_(
            "Show the one-year intro-programme outcomes and the settlement figures "
            "of a municipality, under every number it has had."
        ),
    )
    p.add_argument("name", metavar="NAME|CODE", help=_("a name (Kristiansand) or a number"))
    p.set_defaults(run=_run)
