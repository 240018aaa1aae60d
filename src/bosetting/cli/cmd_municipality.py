"""``bosetting municipality NAME|CODE [--year Y] [--format text|csv|json]``: one municipality.

Across the reforms. JSON: ``municipality``, ``lineage``, ``merged_into_it``,
``followed_by``, ``succession``; CSV: one row per related municipality, with its
``relation`` (``this``, ``lineage``, ``merged_into_it``, ``followed_by``, ``today``).
"""

from __future__ import annotations

import argparse
from typing import Any

from bosetting.cli._render import (
    add_format_options,
    emit,
    municipality_json,
    municipality_table,
    render_municipality,
)
from bosetting.i18n import _
from bosetting.register import first_year, last_year, municipality

__all__ = ["register"]


def _run(args: argparse.Namespace) -> int:
    m = municipality(args.name, year=args.year)
    return emit(
        args,
        text=lambda: render_municipality(m),
        csv=lambda: municipality_table(m),
        json=lambda: municipality_json(m),
    )


def register(subparsers: Any) -> None:
    """Add the ``municipality`` subcommand."""
    p = subparsers.add_parser(
        "municipality",
        help=_("show a municipality, its numbers over time and the municipality today"),
        description=_(
            "Show a municipality by name or kommunenummer, its numbers over time "
            "and the municipality it belongs to today."
        ),
    )
    p.add_argument(
        "name", metavar="NAME|CODE", help=_("a name (Kinn) or a four-digit number (4602)")
    )
    p.add_argument(
        "--year",
        type=int,
        default=None,
        help=_(
            "the year ({first}–{last}); without it, the register’s last year",
            first=first_year(),
            last=last_year(),
        ),
    )
    add_format_options(p)
    p.set_defaults(run=_run)
