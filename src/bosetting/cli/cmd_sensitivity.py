"""``bosetting sensitivity --edition E --votes VOTES.csv --jury JURY.csv``: the winner at each weight.

Prints the exact stretches of the public vote's weight (0 to 1) with their
winner. ``--hypothetical`` asks for the blend where the edition's rule gives the
public vote no weight; ``--plot FILE.png [--force]`` also draws the figure
(written atomically, never over a file without ``--force``; the line saying so
goes to standard error). ``--format text|csv|json`` (``--excel``); see
:mod:`bosetting.cli._render._votes`.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from bosetting.cli._options import (
    add_ballot_options,
    add_plot_options,
    read_tally,
    refuse_force_without_plot,
    write_plot,
)
from bosetting.cli._render import (
    add_format_options,
    emit,
    render_sensitivity,
    sensitivity_json,
    sensitivity_table,
    sensitivity_title,
)
from bosetting.history import edition
from bosetting.i18n import _

__all__ = ["register"]


def _run(args: argparse.Namespace) -> int:
    from bosetting.decision import sensitivity
    from bosetting.jury import read_jury_sheet

    refuse_force_without_plot(args)
    e = edition(args.edition)
    s = sensitivity(
        read_tally(args, e),
        read_jury_sheet(args.jury, e),
        steps=args.steps,
        rule=e,
        hypothetical=args.hypothetical,
    )
    if args.plot is not None:
        from bosetting.plot import sensitivity as draw

        print(write_plot(args, lambda: draw(s)), file=sys.stderr)
    return emit(
        args,
        text=lambda: sensitivity_title(e, s) + "\n" + render_sensitivity(s),
        csv=lambda: sensitivity_table(s),
        json=lambda: sensitivity_json(s, e),
    )


def register(subparsers: Any) -> None:
    """Add the ``sensitivity`` subcommand."""
    p = subparsers.add_parser(
        "sensitivity",
        help=_("the winner at each weight of the public vote"),
        description=_(
            "Show exactly how the winner of a blend of vote and jury depends on how much "
            "the public vote weighs."
        ),
    )
    add_ballot_options(p)
    p.add_argument(
        "--jury", required=True, metavar=_("JURY.csv"), help=_("the jury’s scoring sheet")
    )
    p.add_argument(
        "--steps",
        type=int,
        default=100,
        metavar=_("N"),
        help=_("sample points for the plot (default 100); the stretches printed are exact"),
    )
    p.add_argument(
        "--hypothetical",
        action="store_true",
        help=_("blend anyway where the edition’s rule gives the public vote no weight"),
    )
    add_format_options(p)
    add_plot_options(p, _("also draw the combined scores against the weight into this image file"))
    p.set_defaults(run=_run)
