"""The ``bosetting`` command.

Each subcommand lives in its own module ``bosetting.cli.cmd_<name>`` with a
``register(subparsers)`` function; :data:`COMMAND_MODULES` lists them. Every
error a user can cause ends as one line on standard error and exit status 2,
without a traceback: control characters in the message (a file name with a line
break, an escape sequence in a cell) are written as escapes, and a very long
message is shortened. An argument holding NUL is refused. Whole-number options
take ASCII digits only (``٢٠١٩`` or ``²⁰¹⁹`` is not a year). A failure that is
not a user error (a bug) is one line too, with exit status 1; set
``BOSETTING_DEBUG=1`` for its traceback.

Examples:
    >>> main(["municipality", "Kinn"])  # doctest: +ELLIPSIS
    Kinn (4602), Vestland, 2020-
    ...
    0
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from bosetting.data import escape_controls
from bosetting.errors import BosettingError, UsageError

__all__ = ["COMMAND_MODULES", "EXIT_BUG", "EXIT_USAGE", "MAX_MESSAGE", "UsageError", "main"]

#: The modules that add subcommands, in the order ``--help`` lists them.
COMMAND_MODULES: tuple[str, ...] = (
    "cmd_municipality",
    "cmd_history",
    "cmd_voting",
    "cmd_outcomes",
    "cmd_verify",
)

#: Exit status of an error the user can fix (and of a wrong command line).
EXIT_USAGE = 2
#: Exit status of a failure that is not the user's (a bug in bosetting).
EXIT_BUG = 1
#: The longest error message printed (characters); longer ones are shortened.
MAX_MESSAGE = 2000


def _ascii_int(text: str) -> int:
    """``int`` for the command line: ASCII digits only, at most 18 of them."""
    if not re.fullmatch(r"[-+]?[0-9]{1,18}", text.strip()):
        raise ValueError(text)
    return int(text)


_ascii_int.__name__ = "int"  # argparse says "invalid int value: 'x'"


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are exceptions, so ``main`` prints one line."""

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        """Add an argument; ``type=int`` takes ASCII digits only (``int`` takes any script's)."""
        if kwargs.get("type") is int:
            kwargs["type"] = _ascii_int
        return super().add_argument(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _say(message: str) -> None:
    line = escape_controls(message)
    if len(line) > MAX_MESSAGE:
        line = f"{line[:MAX_MESSAGE]}… ({len(line) - MAX_MESSAGE} more characters)"
    print(line, file=sys.stderr)


def _check_argv(argv: Sequence[object]) -> list[str]:
    out: list[str] = []
    for i, arg in enumerate(argv, start=1):
        if not isinstance(arg, str):
            raise UsageError("a command-line argument is text", field=f"argument {i}", value=arg)
        if "\x00" in arg:
            raise UsageError(
                "a command-line argument holds a NUL character", field=f"argument {i}", value=arg
            )
        out.append(arg)
    return out


def build_parser() -> argparse.ArgumentParser:
    """The command's argument parser with every subcommand registered."""
    from bosetting import __version__

    parser = _Parser(
        prog="bosetting",
        description="The history, data and decision rules of IMDi's Bosettings- og "
        "integreringsprisen.",
    )
    parser.add_argument("--version", action="version", version=f"bosetting {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"bosetting.cli.{name}")
        module.register(subparsers)
    return parser


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
        _say(f"bosetting: error: {exc}")
        return EXIT_USAGE
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        _say("bosetting: interrupted")
        return 130
    except MemoryError:
        _say("bosetting: error: not enough memory: an input file or an option is too large")
        return EXIT_USAGE
    except Exception as exc:
        if os.environ.get("BOSETTING_DEBUG"):
            raise
        _say(
            f"bosetting: internal error (a bug in bosetting; please report it, and set "
            f"BOSETTING_DEBUG=1 for the traceback): {type(exc).__name__}: {exc}"
        )
        return EXIT_BUG
    return status
