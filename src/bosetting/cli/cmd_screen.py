"""``bosetting screen --edition E [--by settlement|intro] [--top N] [--format text|csv|json]``.

Every municipality of the edition's year against the edition's criteria that
have figures behind them, ranked by settled against request (``--by
settlement``, the default) or by the intro share (``--by intro``), with the
nominees and the winner marked. A figure that is missing or hidden is shown as
such ("ikke vurderbar"), never filled in. The text says where the figures come
from and, in one line each, what they cannot assess for the edition (CSV: those
lines go to standard error); ``--by intro`` when no municipality has an intro
share is an error that says so. ``--top N`` keeps the first N rows
(and, in the text, the nominees further down). JSON: ``edition``, ``year``,
``by``, ``settlement_years``, ``criteria``, ``rows``, ``sources``; CSV:
:meth:`bosetting.eligibility.Screen.to_frame`.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

import attrs

from bosetting.cli._options import ascii_int
from bosetting.cli._render import (
    Table,
    add_format_options,
    emit,
    figures_notes,
    render_screen,
    screen_json,
)
from bosetting.eligibility import RANKINGS, screen
from bosetting.i18n import _
from bosetting.model import MAX_NUMBER_TEXT

__all__ = ["register"]


def _positive(text: str) -> int:
    """``--top``: a whole number of at least 1 (the one grammar of typed whole numbers)."""
    try:
        value = ascii_int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(
            _("a whole number of at least 1, not '{text}'", text=text[:MAX_NUMBER_TEXT])
        )
    return value


def _run(args: argparse.Namespace) -> int:
    s = screen(args.edition, by=args.by)
    cut = s if args.top is None else attrs.evolve(s, rows=s.rows[: args.top])
    status = emit(
        args,
        text=lambda: render_screen(s, top=args.top),
        csv=lambda: Table.from_frame(cut.to_frame()),
        json=lambda: screen_json(cut),
    )
    if args.format == "csv":  # the table on standard output; its figures and gaps beside it
        print(figures_notes(s.provenance, s.coverage), file=sys.stderr)
    return status


def register(subparsers: Any) -> None:
    """Add the ``screen`` subcommand."""
    p = subparsers.add_parser(
        "screen",
        help=_("rank every municipality of an edition’s year by its figures"),
        description=_(
            "Every municipality of the edition’s year against the criteria that have figures "
            "behind them, ranked, with the nominees and the winner marked."
        ),
    )
    p.add_argument(
        "--edition", required=True, metavar="E", help=_("the edition’s label or year, such as 2021")
    )
    p.add_argument(
        "--by",
        choices=list(RANKINGS),
        default=RANKINGS[0],
        help=_("rank by settled against request (settlement, the default) or by the intro share"),
    )
    p.add_argument(
        "--top",
        type=_positive,
        default=None,
        metavar="N",
        help=_("only the first N (the text lists the nominees further down too)"),
    )
    add_format_options(p)
    p.set_defaults(run=_run)
