"""``bosetting record NAME [--format text|csv|json]``: every nomination of one municipality.

Across mergers and renumbering. The counts say what they count: formal
nominations (winner, finalist, nominee) and wins; a municipality a source names
only as a rival is listed but counted apart. JSON: ``municipality``, ``counts``,
``nominations``; CSV: the rows of :func:`bosetting.frames.nominations`.
"""

from __future__ import annotations

import argparse
from typing import Any

from bosetting.cli._render import (
    add_format_options,
    emit,
    nominations_table,
    record_json,
    render_record,
)
from bosetting.history import record
from bosetting.i18n import _
from bosetting.register import latest

__all__ = ["register"]


def _run(args: argparse.Namespace) -> int:
    m = latest(args.name)
    found = record(m)
    return emit(
        args,
        text=lambda: render_record(m, found),
        csv=lambda: nominations_table(found),
        json=lambda: record_json(m, found),
    )


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
    p.add_argument("name", metavar=_("NAME|CODE"), help=_("a municipality’s name or number"))
    add_format_options(p)
    p.set_defaults(run=_run)
