"""``bosetting verify``: check the shipped tables against ``datapackage.json``.

Each table's SHA-256 must match the ``hash`` its resource declares, and every
table must read against its schema (types, constraints, keys and references).
A mismatch is one line on standard error and exit status 2. The text is written
by :func:`bosetting.cli._render.render_verify`.
"""

from __future__ import annotations

import argparse
from typing import Any

from bosetting.cli._render import render_verify
from bosetting.i18n import _

__all__ = ["register"]


def _run(args: argparse.Namespace) -> int:
    from bosetting.data import shipped_rows, verify

    checks = verify()
    print(render_verify(checks, {c.name: len(shipped_rows(c.name)) for c in checks}))
    return 0


def register(subparsers: Any) -> None:
    """Add the ``verify`` subcommand."""
    p = subparsers.add_parser(
        "verify",
        help=_("check the shipped tables against datapackage.json (hashes, schema)"),
        description=_(
            "Check every shipped table's SHA-256 hash, schema, keys and source references "
            "against datapackage.json."
        ),
    )
    p.set_defaults(run=_run)
