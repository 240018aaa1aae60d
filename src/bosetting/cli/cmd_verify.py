"""``bosetting verify``: check every shipped file against ``SHA256SUMS``, and the tables against ``datapackage.json``.

Every file in the data folder (``datapackage.json`` and the research notes too)
must match its SHA-256 in ``SHA256SUMS``; each table's SHA-256 must match the
``hash`` its resource declares, and every
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
    from bosetting.data import manifest_checks, shipped_rows, verify

    checks = verify()
    rows = {c.name: len(shipped_rows(c.name)) for c in checks}
    print(render_verify(checks, rows, manifest_checks()))
    return 0


def register(subparsers: Any) -> None:
    """Add the ``verify`` subcommand."""
    p = subparsers.add_parser(
        "verify",
        help=_(
            "check every shipped file against SHA256SUMS and the tables against datapackage.json"
        ),
        description=_(
            "Check every shipped file's SHA-256 hash against SHA256SUMS (datapackage.json and "
            "the research notes too), and every table's hash, schema, keys and source "
            "references against datapackage.json."
        ),
    )
    p.set_defaults(run=_run)
