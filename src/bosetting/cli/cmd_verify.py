"""``bosetting verify``: check the shipped tables against ``datapackage.json``.

Each table's SHA-256 must match the ``hash`` its resource declares, and every
table must read against its schema (types, constraints, keys and references).
A mismatch is one line on standard error and exit status 2.
"""

from __future__ import annotations

import argparse
from typing import Any

__all__ = ["register", "render"]


def render(checks: Any, rows: dict[str, int]) -> str:
    """The text ``bosetting verify`` prints for checks that all passed."""
    lines = []
    for c in checks:
        lines.append(f"ok  {c.path:<26} {rows[c.name]:>6} rader  {c.actual[:23]}…")
    lines.append(
        f"Alle {len(rows)} tabellene stemmer med datapackage.json "
        "(SHA-256, skjema, nøkler og kildehenvisninger)."
    )
    return "\n".join(lines)


def _run(args: argparse.Namespace) -> int:
    from bosetting.data import read_rows, verify

    checks = verify()
    print(render(checks, {c.name: len(read_rows(c.name)) for c in checks}))
    return 0


def register(subparsers: Any) -> None:
    """Add the ``verify`` subcommand."""
    p = subparsers.add_parser(
        "verify",
        help="check the shipped tables against datapackage.json (hashes, schema)",
        description="Check every shipped table's SHA-256 hash, schema, keys and source "
        "references against datapackage.json.",
    )
    p.set_defaults(run=_run)
