"""``bosetting update``: fetch SSB table 10824 and KLASS 131 into the per-user cache.

Every command that reads figures uses them from then on (``--offline`` keeps to
the shipped ones). One line per source: on standard output when it was fetched
and stored, on standard error when it failed (the cache then holds what it held
for that source); the exit status is 2 when a source failed. While it fetches,
a terminal shows which query it is at (standard error; nothing when the output
is not a terminal). The cache is ``BOSETTING_CACHE_DIR`` when set, else the
platform's per-user cache folder; the addresses are ``BOSETTING_SSB_API`` and
``BOSETTING_KLASS_API`` when set, else SSB's own (see :mod:`bosetting.ssb._update`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from bosetting.cli._render import progress_line
from bosetting.data import escape_controls
from bosetting.errors import UsageError
from bosetting.i18n import N_, _

__all__ = ["register"]

#: The exit status when a source failed (the command's status for an error the user can act on).
_FAILED = 2


def _progress() -> Callable[[str], None] | None:
    """Write each step over the last one on a terminal; nothing when standard error is not one."""
    if not sys.stderr.isatty():
        return None

    def show(text: str) -> None:
        print(progress_line(escape_controls(text)), end="", file=sys.stderr, flush=True)

    return show


def _run(args: argparse.Namespace) -> int:
    from bosetting.ssb import update

    if getattr(args, "offline", False):
        raise UsageError(
            N_("update fetches from SSB; --offline goes with the commands that read figures")
        )
    progress = _progress()
    report = update(progress=progress)
    if progress is not None:
        print(progress_line(""), end="", file=sys.stderr, flush=True)
    for source in report.sources:
        print(escape_controls(str(source)), file=sys.stdout if source.ok else sys.stderr)
    return 0 if report.ok else _FAILED


def register(subparsers: Any) -> None:
    """Add the ``update`` subcommand."""
    p = subparsers.add_parser(
        "update",
        help=_("fetch SSB’s newest intro-programme figures and municipality register"),
        description=_(
            "Fetch SSB table 10824 (every municipality, county and the country, every status "
            "year) and KLASS classification 131 (the municipalities up to today) into your "
            "cache; every command uses them from then on (--offline: the shipped figures)."
        ),
    )
    p.set_defaults(run=_run)
