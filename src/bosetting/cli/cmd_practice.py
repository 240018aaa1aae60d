"""``bosetting practice``: seeded practice data (ØVINGSDATA) for a workshop.

* ``bosetting practice --edition E --out DIR --seed S [--ballots N] [--force]``
"""

from __future__ import annotations

import argparse
from typing import Any

from bosetting.history import edition

__all__ = ["register"]


def _run_practice(args: argparse.Namespace) -> int:
    from bosetting.practice import write_practice

    e = edition(args.edition)
    votes, jury = write_practice(e, args.out, seed=args.seed, n=args.ballots, force=args.force)
    print(f"ØVINGSDATA (seed {args.seed}) for {e.prize_name} {e.label}:")
    print(f"  {votes}")
    print(f"  {jury}")
    return 0


def register(subparsers: Any) -> None:
    """Add the ``practice`` subcommand."""
    p = subparsers.add_parser(
        "practice",
        help="write practice ballots and a jury sheet (ØVINGSDATA)",
        description="Write seeded practice data, labelled ØVINGSDATA, for an edition.",
    )
    p.add_argument("--edition", required=True, metavar="E", help="edition label or year")
    p.add_argument("--out", required=True, metavar="DIR", help="folder to write into")
    p.add_argument("--seed", type=int, required=True, metavar="S", help="random seed")
    p.add_argument("--ballots", type=int, default=1000, metavar="N", help="ballots (default 1000)")
    p.add_argument("--force", action="store_true", help="replace practice files that already exist")
    p.set_defaults(run=_run_practice)
