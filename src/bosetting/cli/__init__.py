"""The ``bosetting`` command.

Each subcommand lives in its own module ``bosetting.cli.cmd_<name>`` with a
``register(subparsers)`` function; :data:`COMMAND_MODULES` lists them, imported
statically. Everything the command prints is written by
:mod:`bosetting.cli._render`, in the language of ``--lang`` (a code of
:data:`bosetting.i18n.LANGUAGES`, anywhere on the line), else ``BOSETTING_LANG``,
else the library's (bokmål by default).
Every error a user can cause ends as one line on standard error and exit
status 2, without a traceback: control characters in the message (a file name
with a line break, an escape sequence in a cell) are written as escapes, and a
very long message is shortened. An argument holding NUL is refused. Whole-number
options take ASCII digits only (``٢٠١٩`` or ``²⁰¹⁹`` is not a year). A failure
that is not a user error (a bug) is one line too, with exit status 1; set
``BOSETTING_DEBUG=1`` for its traceback.

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
    cmd_decide,
    cmd_history,
    cmd_municipality,
    cmd_outcomes,
    cmd_practice,
    cmd_record,
    cmd_screen,
    cmd_sensitivity,
    cmd_show,
    cmd_tally,
    cmd_verify,
)
from bosetting.cli._options import ascii_int
from bosetting.cli._render import (
    bug_line,
    error_line,
    interrupted_line,
    language_help,
    out_of_memory_line,
    shortened,
    unknown_language,
    usage_problem,
)
from bosetting.data import escape_controls
from bosetting.errors import ArgumentError, BosettingError, UsageError
from bosetting.i18n import N_, _

__all__ = ["COMMAND_MODULES", "EXIT_BUG", "EXIT_USAGE", "MAX_MESSAGE", "UsageError", "main"]

#: The modules that add subcommands, in the order ``--help`` lists them.
COMMAND_MODULES: tuple[ModuleType, ...] = (
    cmd_municipality,
    cmd_history,
    cmd_show,
    cmd_record,
    cmd_tally,
    cmd_decide,
    cmd_sensitivity,
    cmd_practice,
    cmd_outcomes,
    cmd_check,
    cmd_verify,
    cmd_screen,
    cmd_cite,
)

#: Exit status of an error the user can fix (and of a wrong command line).
EXIT_USAGE = 2
#: Exit status of a failure that is not the user's (a bug in bosetting).
EXIT_BUG = 1
#: The longest error message printed (characters); longer ones are shortened.
MAX_MESSAGE = 2000


def _language(text: str) -> str:
    try:
        return i18n.normalise_language(text)
    except ArgumentError:
        raise argparse.ArgumentTypeError(unknown_language(text)) from None


class _LanguageOption(argparse.Action):
    """``--lang``: its help names every language in the active one, worked out only when shown."""

    @property
    def help(self) -> str:
        return language_help()

    @help.setter
    def help(self, value: object) -> None:
        pass  # argparse sets it; the property says it in the language of the moment

    def __call__(
        self, parser: Any, namespace: argparse.Namespace, values: Any, option_string: Any = None
    ) -> None:
        setattr(namespace, self.dest, values)


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
            action=_LanguageOption,
            type=_language,
            # A string default is checked by ``type`` too: an unknown BOSETTING_LANG is a
            # usage error like an unknown --lang.
            default=lang_default or argparse.SUPPRESS,
            metavar="|".join(i18n.LANGUAGES),
        )

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        """Add an argument; ``type=int`` takes ASCII digits only (``int`` takes any script's)."""
        if kwargs.get("type") is int:
            kwargs["type"] = ascii_int
        return super().add_argument(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        raise UsageError(
            N_("{problem} (see '{prog} --help')"), problem=usage_problem(message), prog=self.prog
        )


def _say(message: str) -> None:
    line = escape_controls(message)
    if len(line) > MAX_MESSAGE:
        line = shortened(line[:MAX_MESSAGE], len(line) - MAX_MESSAGE)
    print(line, file=sys.stderr)


def _check_argv(argv: Sequence[object]) -> list[str]:
    out: list[str] = []
    for i, arg in enumerate(argv, start=1):
        if not isinstance(arg, str):
            raise UsageError(
                N_("a command-line argument is text"), field=f"argument {i}", value=arg
            )
        if "\x00" in arg:
            raise UsageError(
                N_("a command-line argument holds a NUL character"),
                field=f"argument {i}",
                value=arg,
            )
        out.append(arg)
    return out


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
    """Run the command; return the exit status (0 on success, 2 on a user error, 1 on a bug)."""
    try:
        words = _check_argv(sys.argv[1:] if argv is None else argv)
        parser = build_parser()
        args = parser.parse_args(words)
        if args.command is None:
            parser.print_help()
            return 0
        status: int = args.run(args)
    except BosettingError as exc:
        _say(error_line(exc))
        return EXIT_USAGE
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        _say(interrupted_line())
        return 130
    except MemoryError:
        _say(out_of_memory_line())
        return EXIT_USAGE
    except Exception as exc:
        if os.environ.get("BOSETTING_DEBUG"):
            raise
        _say(bug_line(exc))
        return EXIT_BUG
    return status
