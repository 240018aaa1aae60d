"""``bosetting practice``: practice data (ØVINGSDATA) for a workshop.

* ``bosetting practice --edition E --out DIR --seed S [--ballots N] [--jurors N] [--force]``:
  seeded ballots and a filled-in example jury sheet;
* ``bosetting practice --edition E --out DIR --blank [--jurors N] [--force]``: an empty
  jury sheet with the edition's criteria, for the participants to fill in.

What it prints says which files were written, which criteria the sheet scores
and which days the ballots' timestamps fall on (the recorded public vote, or a
stated made-up window).
"""

from __future__ import annotations

import argparse
from typing import Any

from bosetting.cli._options import bounded
from bosetting.cli._render import render_practice
from bosetting.errors import UsageError
from bosetting.history import edition
from bosetting.i18n import N_, _

__all__ = ["register"]


def _max_ballots() -> int:
    from bosetting.practice import MAX_PRACTICE_BALLOTS

    return MAX_PRACTICE_BALLOTS


def _max_jurors() -> int:
    from bosetting.practice import MAX_PRACTICE_JURORS

    return MAX_PRACTICE_JURORS


def _run_practice(args: argparse.Namespace) -> int:
    from bosetting.practice import write_blank_jury, write_practice

    e = edition(args.edition)
    if args.blank:
        if args.seed is not None or args.ballots is not None:
            raise UsageError(
                N_("--blank writes an empty jury sheet; it takes no --seed or --ballots"),
                field="--blank",
            )
        jurors = 1 if args.jurors is None else args.jurors
        files = write_blank_jury(e, args.out, jurors=jurors, force=args.force, excel=args.excel)
    else:
        if args.seed is None:
            raise UsageError(
                N_(
                    "give --seed S (practice data is always seeded, so everyone gets the "
                    "same numbers), or --blank for an empty jury sheet"
                ),
                field="--seed",
            )
        files = write_practice(
            e,
            args.out,
            seed=args.seed,
            n=1000 if args.ballots is None else args.ballots,
            jurors=5 if args.jurors is None else args.jurors,
            force=args.force,
            excel=args.excel,
        )
    print(render_practice(e, files))
    return 0


def register(subparsers: Any) -> None:
    """Add the ``practice`` subcommand."""
    p = subparsers.add_parser(
        "practice",
        help=_("write practice ballots and a jury sheet (ØVINGSDATA), or an empty jury sheet"),
        description=_(
            "Write seeded practice data, labelled ØVINGSDATA, for an edition: ballots stamped "
            "within its public vote and a jury sheet with its criteria. With --blank, an empty "
            "jury sheet to fill in."
        ),
    )
    p.add_argument(
        "--edition", required=True, metavar="E", help=_("the edition’s label or year, such as 2021")
    )
    p.add_argument("--out", required=True, metavar="DIR", help=_("the folder to write into"))
    p.add_argument(
        "--seed", type=int, metavar="S", help=_("the random seed (required without --blank)")
    )
    p.add_argument(
        "--ballots",
        type=bounded(0, _max_ballots),
        metavar="N",
        help=_("how many ballots (default 1000)"),
    )
    p.add_argument(
        "--jurors",
        type=bounded(1, _max_jurors),
        metavar="N",
        help=_("jurors (or groups) on the jury sheet (default 5; 1 with --blank)"),
    )
    p.add_argument(
        "--blank",
        action="store_true",
        help=_("write an empty jury sheet (ovingsdata-jurymal.csv) to fill in, no ballots"),
    )
    p.add_argument(
        "--excel",
        action="store_true",
        help=_(
            "write the files for Excel in the chosen language (a byte-order mark; in bokmål "
            "semicolons between cells and decimal commas); bosetting reads both forms"
        ),
    )
    p.add_argument(
        "--force", action="store_true", help=_("replace practice files that already exist")
    )
    p.set_defaults(run=_run_practice)
