"""The ``bosetting`` command.

Each subcommand lives in its own module ``bosetting.cli.cmd_<name>`` with a
``register(subparsers)`` function; :data:`COMMANDS` lists them. A command line
that names a command imports that command's module only (and through it the
library it calls); ``--help`` and a wrong command name import them all.
Everything the command prints is written by :mod:`bosetting.cli._render`, in
the language of ``--lang`` (a code of :data:`bosetting.i18n.LANGUAGES`, anywhere
on the line), else ``BOSETTING_LANG``, else the library's (bokmål by default).
``--offline`` (anywhere on the line) keeps a command to the shipped figures
and register, whatever ``bosetting update`` fetched into the cache; the parser
is built under it too (a help text may give the register's years), so
``--offline`` gets past a damaged cache.
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
import importlib
import os
import re
import sys
import warnings
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from bosetting import data, i18n
from bosetting.cli import _render as said
from bosetting.cli._options import ascii_int
from bosetting.data import escape_controls
from bosetting.errors import ArgumentError, BosettingError, UsageError
from bosetting.i18n import N_, _
from bosetting.model import checked

__all__ = [
    "COMMANDS",
    "EXIT_BUG",
    "EXIT_USAGE",
    "MAX_MESSAGE",
    "UsageError",
    "build_parser",
    "main",
]

#: The subcommands, in the order ``--help`` lists them: each is ``bosetting.cli.cmd_<name>``.
COMMANDS: tuple[str, ...] = (
    "municipality",
    "history",
    "show",
    "record",
    "tally",
    "decide",
    "sensitivity",
    "practice",
    "outcomes",
    "check",
    "verify",
    "screen",
    "cite",
    "update",
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
        raise argparse.ArgumentTypeError(said.unknown_language(text)) from None


class _LanguageOption(argparse.Action):
    """``--lang``: its help names every language in the active one, worked out only when shown."""

    @property
    def help(self) -> str:
        return said.language_help()

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


class _StoreOnce(argparse.Action):
    """An option that takes one value and may be given once: a second one is refused, never kept."""

    def __call__(
        self, parser: Any, namespace: argparse.Namespace, values: Any, option_string: Any = None
    ) -> None:
        given: set[str] = namespace.__dict__.setdefault(_GIVEN, set())
        if self.dest in given:
            raise argparse.ArgumentError(self, _("given more than once; give it once"))
        given.add(self.dest)
        setattr(namespace, self.dest, values)


#: Where a parse keeps the options given so far (removed when the parse is done).
_GIVEN = "_bosetting_given"


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are exceptions, so ``main`` prints one line.

    An option's value may start with ``-`` (``--public-weight -inf`` gives the
    value ``-inf`` to ``--public-weight``, which then names it); an option that
    takes a value may be given once.
    """

    def __init__(self, *args: Any, lang_default: str | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        # argparse reads "-1" as a value but "-inf" or "-x" as an unknown option; every
        # word starting with one "-" (but -h) is a value here: the option before it names it.
        self._negative_number_matcher = re.compile(r"^-(?!-)(?!h$).+")
        self._positionals.title = _("arguments")
        self._optionals.title = _("options")
        self.add_argument(
            "-h", "--help", action="help", default=argparse.SUPPRESS, help=_("show this help")
        )
        self.add_argument(
            "--offline",
            action="store_true",
            default=argparse.SUPPRESS,
            help=_(
                "use the shipped figures and register, whatever 'bosetting update' fetched "
                "(for results anyone can reproduce)"
            ),
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
        """Add an argument; ``type=int`` takes ASCII digits only; an option's value is given once."""
        if kwargs.get("type") is int:
            kwargs["type"] = ascii_int
        if args and str(args[0]).startswith("-") and kwargs.get("action", "store") == "store":
            kwargs["action"] = _StoreOnce
        return super().add_argument(*args, **kwargs)

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:
        """Parse, then forget which options were given (see :class:`_StoreOnce`)."""
        parsed, extras = super().parse_known_args(args, namespace)
        parsed.__dict__.pop(_GIVEN, None)
        return parsed, extras

    def error(self, message: str) -> NoReturn:
        raise UsageError(
            N_("{problem} (see '{prog} --help')"),
            problem=said.usage_problem(message),
            prog=self.prog,
        )


def _say(message: str) -> None:
    line = escape_controls(message)
    if len(line) > MAX_MESSAGE:
        line = said.shortened(line[:MAX_MESSAGE], len(line) - MAX_MESSAGE)
    print(line, file=sys.stderr)


def _as_typed(exc: BosettingError, words: Sequence[str]) -> BosettingError:
    """The error naming the option the user typed (``--year``) where the library named its argument (``year``)."""
    if exc.file is not None or not isinstance(exc.field, str) or exc.field.startswith("-"):
        return exc
    option = "--" + exc.field.replace("_", "-")
    if not any(w == option or w.startswith(option + "=") for w in words):
        return exc
    clone = exc.located()
    clone.field = option
    return clone


def _quiet_stdout() -> None:
    """After a failed write to standard output, send what is still buffered nowhere.

    Otherwise Python's own flush at exit fails again and prints a traceback.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no real file behind stdout (a test's capture)
        pass


def _check_argv(argv: object) -> list[str]:
    if not isinstance(argv, list | tuple):
        raise UsageError(
            N_("the command line is a list of arguments, not {kind}"),
            kind=type(argv).__name__,
            field="argv",
        )
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


class _Version(argparse.Action):
    """``--version``: the installed package's version, read only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> NoReturn:
        from importlib.metadata import version

        print(f"bosetting {version('bosetting')}")
        parser.exit()


def _named_command(argv: Sequence[str]) -> str | None:
    """The subcommand a command line names, if any (read before the parser is built)."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--lang":
            skip = True
        elif arg.startswith("--lang=") or arg == "--offline":
            continue
        elif arg.startswith("-"):
            return None  # --help, --version, a wrong option or "--": the whole parser answers
        else:
            return arg if arg in COMMANDS else None
    return None


@checked
def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command's argument parser with every subcommand registered (or only ``command``)."""
    parser = _Parser(
        prog="bosetting",
        description=_(
            "The history, data and decision rules of IMDi’s Bosettings- og integreringsprisen."
        ),
        lang_default=os.environ.get(i18n.ENV_VAR, "").strip() or None,
    )
    parser.add_argument("--version", action=_Version, help=_("show the version"))
    subparsers = parser.add_subparsers(
        dest="command", metavar=_("COMMAND"), parser_class=_Parser, title=_("commands")
    )
    for name in (command,) if command in COMMANDS else COMMANDS:
        importlib.import_module(f"bosetting.cli.cmd_{name}").register(subparsers)
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
        given = sys.argv[1:] if argv is None else argv
        listed = isinstance(given, list | tuple)
        words = [w for w in given if isinstance(w, str)] if listed else []
        with i18n.language(_chosen_language(words)):
            return run(argv)

    return wrapper


@_in_chosen_language
def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return the exit status (0 on success, 2 on a user error, 1 on a bug)."""
    words: list[str] = []
    try:
        words = _check_argv(sys.argv[1:] if argv is None else argv)
        command = _named_command(words)
        # The parser too: a help text may give the register's years.
        offline = (
            "--offline" in words[: words.index("--")] if "--" in words else "--offline" in words
        )
        with data.using("shipped" if offline and command != "update" else None):
            parser = build_parser(command)
            args = parser.parse_args(words)
            if args.command is None:
                parser.print_help()
                return 0
            status: int = args.run(args)
            sys.stdout.flush()  # a full disk or a closed pipe shows here, not at exit
    except BosettingError as exc:
        _say(said.error_line(_as_typed(exc, words)))
        return EXIT_USAGE
    except BrokenPipeError:
        _quiet_stdout()
        _say(said.closed_output_line())
        return EXIT_USAGE
    except KeyboardInterrupt:
        _say(said.interrupted_line())
        return 130
    except MemoryError:
        _say(said.out_of_memory_line())
        return EXIT_USAGE
    except OSError as exc:  # the environment: a full disk, no permission, a device error
        _quiet_stdout()
        _say(said.environment_line(exc))
        return EXIT_USAGE
    except Exception as exc:
        if os.environ.get("BOSETTING_DEBUG"):
            raise
        _say(said.bug_line(exc))
        return EXIT_BUG
    return status
