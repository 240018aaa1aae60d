"""``bosetting outcomes NAME|national``: intro-programme outcomes and settlement figures.

Options: ``--format text|csv|json`` (CSV holds one table: the intro outcomes,
or the settlement figures with ``--figures settlement``; JSON: ``area``,
``municipality``, ``intro_outcomes``, ``settlement``); ``--plot FILE.png``
draws the one-year share over time (with ``--compare county`` and/or
``--compare national`` overlaid), written atomically, never over an existing
file without ``--force``; the line saying so goes to standard error, so the
result on standard output stays clean.

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
import sys
from typing import Any

from bosetting.cli._options import add_plot_options, write_plot
from bosetting.cli._render import (
    add_format_options,
    emit,
    figures_notes,
    outcomes_json,
    outcomes_table,
    render_outcomes,
)
from bosetting.errors import UsageError
from bosetting.figures import intro_outcomes, provenance, settlement
from bosetting.i18n import N_, _
from bosetting.model import Municipality, Sex
from bosetting.register import latest

__all__ = ["NATIONAL", "register"]

#: The words that ask for the whole country.
NATIONAL = ("national", "norge", "hele landet", "0")


def _area(name: str) -> Municipality | None:
    """``None`` for the whole country, else the municipality (of today, or the last year it had)."""
    return None if name.strip().casefold() in NATIONAL else latest(name)


def _plot(args: argparse.Namespace, m: Municipality | None) -> str:
    from bosetting.plot import outcome_over_time

    area = "national" if m is None else m
    return write_plot(args, lambda: outcome_over_time(area, compare=args.compare or ()))


def _run(args: argparse.Namespace) -> int:
    if args.plot is None:
        given = [opt for opt, on in (("--compare", args.compare), ("--force", args.force)) if on]
        if len(given) == 1:
            raise UsageError(
                N_("{options} goes with --plot: add --plot FILE.png"), options=given[0]
            )
        if given:
            raise UsageError(N_("--compare and --force go with --plot: add --plot FILE.png"))
    m = _area(args.name)
    where = "national" if m is None else m
    intro = tuple(o for o in intro_outcomes(where, sex=Sex.ALL) if o.years_after == 1)
    source = provenance()
    settled = () if m is None else settlement(m)
    if args.plot is not None:
        print(_plot(args, m), file=sys.stderr)
    shown_intro = () if args.figures == "settlement" else intro
    shown_settled = () if args.figures == "intro" else settled
    status = emit(
        args,
        text=lambda: render_outcomes(m, shown_intro, shown_settled, source),
        csv=lambda: outcomes_table(intro, settled, args.figures or "intro"),
        json=lambda: outcomes_json(m, shown_intro, shown_settled, source),
    )
    if args.format == "csv" and args.figures != "settlement":
        print(figures_notes(source), file=sys.stderr)  # beside the table, not in it
    return status


def register(subparsers: Any) -> None:
    """Add the ``outcomes`` subcommand."""
    p = subparsers.add_parser(
        "outcomes",
        help=_("show a municipality’s intro-programme outcomes and settlement figures"),
        description=_(
            "Show the one-year intro-programme outcomes and the settlement figures "
            "of a municipality, under every number it has had, or the country’s series."
        ),
    )
    p.add_argument(
        "name",
        metavar="NAME|national",
        help=_("a name (Kristiansand), a number, or national for the whole country"),
    )
    p.add_argument(
        "--figures",
        choices=["intro", "settlement"],
        default=None,
        help=_(
            "only the intro outcomes or only the settlement figures (CSV: the intro outcomes unless settlement)"
        ),
    )
    add_format_options(p)
    add_plot_options(p, _("also draw the one-year share over time into this image file"))
    p.add_argument(
        "--compare",
        action="append",
        metavar="county|national|NAME",
        help=_("with --plot: draw this area too (repeat it for more)"),
    )
    p.set_defaults(run=_run)
