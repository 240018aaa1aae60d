"""``bosetting municipality NAME|CODE [--year Y]``: one municipality across the reforms."""

from __future__ import annotations

import argparse
from typing import Any

from bosetting.model import Municipality
from bosetting.register import (
    lineage,
    municipality,
    predecessors,
    succession,
    successors,
)

__all__ = ["register", "render"]


def _span(m: Municipality) -> str:
    return f"{m.name} ({m.code}, {m.years})"


def render(m: Municipality) -> str:
    """The text the command prints for one municipality."""
    lines = [f"{m}, {m.county}, {m.years}"]
    if m.valid_from < 2008:
        lines.append(f"  in force at least since {m.valid_from} (the oldest register version read)")
    lines.append("Numbers over time:")
    line = lineage(m)
    for run in line:
        marker = "*" if run == m else " "
        lines.append(f" {marker} {run.code}  {run.years:<10} {run.name} ({run.county})")
    before = [p for p in predecessors(m) if p not in line]
    if before:
        lines.append("Took in: " + ", ".join(_span(p) for p in before))
    after = [s for s in successors(m) if s not in line]
    if after:
        lines.append("Followed by: " + ", ".join(_span(s) for s in after))
    s = succession(m)
    if s.ambiguous:
        lines.append(
            "Current municipality: ambiguous (the area went to more than one): "
            + ", ".join(_span(c) for c in s.candidates)
        )
        lines.extend(f"  {note}" for note in s.notes)
    elif s.candidates:
        now = s.candidates[0]
        lines.append(f"Current municipality: {_span(now)}")
    return "\n".join(lines)


def _run(args: argparse.Namespace) -> int:
    print(render(municipality(args.name, year=args.year)))
    return 0


def register(subparsers: Any) -> None:
    """Add the ``municipality`` subcommand."""
    p = subparsers.add_parser(
        "municipality",
        help="show a municipality, its numbers over time and its successor",
        description="Show a municipality by name or kommunenummer, its numbers over time "
        "and today's municipality.",
    )
    p.add_argument("name", metavar="NAME|CODE", help="a name (Kinn) or a four-digit code (4602)")
    p.add_argument(
        "--year",
        type=int,
        default=None,
        help="the year (2008-2025); default: the register's last year",
    )
    p.set_defaults(run=_run)
