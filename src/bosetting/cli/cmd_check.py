"""``bosetting check NAME --edition E [--format text|csv|json]``: a municipality against the criteria.

JSON: the :class:`~bosetting.eligibility.Assessment` (``municipality``,
``edition``, ``criteria``, ``results``, ``provenance``, ``coverage``,
``figures_source``); CSV: :meth:`Assessment.to_frame`, with where the figures
come from and what they cannot assess on standard error.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from bosetting.cli._render import Table, add_format_options, emit, figures_notes, render_assessment
from bosetting.eligibility import assess
from bosetting.i18n import _
from bosetting.model import converter

__all__ = ["register"]


def _run(args: argparse.Namespace) -> int:
    a = assess(args.name, args.edition)
    status = emit(
        args,
        text=lambda: render_assessment(a),
        csv=lambda: Table.from_frame(a.to_frame()),
        json=lambda: {**converter.unstructure(a), "figures_source": str(a.provenance)},
    )
    if args.format == "csv":  # the table on standard output; its figures and gaps beside it
        print(figures_notes(a.provenance, a.coverage), file=sys.stderr)
    return status


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
    add_format_options(c)
    c.set_defaults(run=_run)
