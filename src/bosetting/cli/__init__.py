"""The ``bosetting`` command.

Each subcommand lives in its own module ``bosetting.cli.cmd_<name>`` with a
``register(subparsers)`` function; :data:`COMMAND_MODULES` lists them. Every
error a user can cause ends as one line on standard error and exit status 2.

Examples:
    >>> main(["municipality", "Kinn"])  # doctest: +ELLIPSIS
    Kinn (4602), Vestland, 2020-
    ...
    0
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from importlib.metadata import version
from typing import NoReturn

from bosetting.errors import BosettingError, UsageError

__all__ = ["COMMAND_MODULES", "UsageError", "main"]

#: The modules that add subcommands, in the order ``--help`` lists them.
COMMAND_MODULES: tuple[str, ...] = ("cmd_municipality", "cmd_history", "cmd_voting", "cmd_outcomes")

EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are exceptions, so ``main`` prints one line."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def build_parser() -> argparse.ArgumentParser:
    """The command's argument parser with every subcommand registered."""
    parser = _Parser(
        prog="bosetting",
        description="The history, data and decision rules of IMDi's Bosettings- og "
        "integreringsprisen.",
    )
    parser.add_argument("--version", action="version", version=f"bosetting {version('bosetting')}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"bosetting.cli.{name}")
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return the exit status (0 on success, 2 on a user error)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return 0
        status: int = args.run(args)
    except BosettingError as exc:
        print(f"bosetting: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return 0
    return status
