"""``bosetting show EDITION [--format text|csv|json]``: everything on record about one edition.

JSON: ``edition``, ``conflicts``; CSV: the edition's nominations (the columns of
:func:`bosetting.frames.nominations`).
"""

from __future__ import annotations

import argparse
from typing import Any

from bosetting.cli._render import (
    add_format_options,
    edition_json,
    edition_table,
    emit,
    render_edition,
)
from bosetting.history import edition
from bosetting.i18n import _

__all__ = ["register"]


def _run(args: argparse.Namespace) -> int:
    e = edition(args.edition)
    return emit(
        args,
        text=lambda: render_edition(e),
        csv=lambda: edition_table(e),
        json=lambda: edition_json(e),
    )


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
    p.add_argument("edition", metavar=_("EDITION"), help=_("a label (2019/2020) or a year (2022)"))
    add_format_options(p)
    p.set_defaults(run=_run)
