"""The ``bosetting`` command.

Each subcommand lives in its own module ``bosetting.cli.cmd_<name>`` with a
``register(subparsers)`` function; :data:`COMMAND_MODULES` lists them, imported
statically. Everything the command prints is written by
:mod:`bosetting.cli._render`, in the language of ``--lang nb|en`` (anywhere on
the line), else ``BOSETTING_LANG``, else the library's (bokmål by default).
Every error a user can cause ends as one line on standard error and exit status 2.

Examples:
    >>> main(["municipality", "Kinn"])  # doctest: +ELLIPSIS
    Kinn (4602), Vestland, 2020-
    ...
    0
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import warnings
from collections.abc import Callable, Sequence
from importlib.metadata import version
from types import ModuleType
from typing import Any, NoReturn

from bosetting import i18n
from bosetting.cli import (
    cmd_check,
    cmd_cite,
    cmd_history,
    cmd_municipality,
    cmd_outcomes,
    cmd_record,
    cmd_screen,
    cmd_show,
    cmd_voting,
)
from bosetting.cli._render import error_line, unknown_language, usage_problem
from bosetting.errors import ArgumentError, BosettingError, UsageError
from bosetting.i18n import N_, _

__all__ = ["COMMAND_MODULES", "UsageError", "main"]

#: The modules that add subcommands, in the order ``--help`` lists them.
COMMAND_MODULES: tuple[ModuleType, ...] = (
    cmd_municipality,
    cmd_history,
    cmd_show,
    cmd_record,
    cmd_voting,
    cmd_outcomes,
    cmd_check,
    cmd_screen,
    cmd_cite,
)

EXIT_USAGE = 2


def _language(text: str) -> str:
    try:
        return i18n.normalise_language(text)
    except ArgumentError:
        raise argparse.ArgumentTypeError(unknown_language(text)) from None


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, _("usage: ") if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are exceptions, so ``main`` prints one line."""

    def __init__(self, *args: Any, lang_default: str | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = _("arguments")
        self._optionals.title = _("options")
        self.add_argument(
            "-h", "--help", action="help", default=argparse.SUPPRESS, help=_("show this help")
        )
        self.add_argument(
            "--lang",
            type=_language,
            # A string default is checked by ``type`` too: an unknown BOSETTING_LANG is a
            # usage error like an unknown --lang.
            default=lang_default or argparse.SUPPRESS,
            metavar="nb|en",
            help=_("the language to write in: nb (bokmål, the default) or en (English)"),
        )

    def error(self, message: str) -> NoReturn:
        raise UsageError(
            N_("{problem} (see '{prog} --help')"), problem=usage_problem(message), prog=self.prog
        )


def build_parser() -> argparse.ArgumentParser:
    """The command's argument parser with every subcommand registered."""
    parser = _Parser(
        prog="bosetting",
        description=_(
            "The history, data and decision rules of IMDi’s Bosettings- og integreringsprisen."
        ),
        lang_default=os.environ.get(i18n.ENV_VAR, "").strip() or None,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"bosetting {version('bosetting')}",
        help=_("show the version"),
    )
    subparsers = parser.add_subparsers(
        dest="command", metavar=_("COMMAND"), parser_class=_Parser, title=_("commands")
    )
    for module in COMMAND_MODULES:
        module.register(subparsers)
    return parser


def _chosen_language(argv: Sequence[str]) -> str:
    """The language a command line asks for, read before the parser is built (its help too)."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        value = None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value is not None:
            try:
                return i18n.normalise_language(value)
            except ArgumentError:
                break  # the parser reports it
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return i18n.get_language()


def _in_chosen_language(run: Callable[[Sequence[str] | None], int]) -> Any:
    @functools.wraps(run)
    def wrapper(argv: Sequence[str] | None = None) -> int:
        words = list(sys.argv[1:] if argv is None else argv)
        with i18n.language(_chosen_language(words)):
            return run(argv)

    return wrapper


@_in_chosen_language
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
        print(error_line(exc), file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return 0
    return status
