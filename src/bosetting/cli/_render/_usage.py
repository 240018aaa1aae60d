"""What the command says about a wrong command line, and the one error line it prints."""

from __future__ import annotations

import re

from bosetting.data import escape_controls, os_reason
from bosetting.i18n import DEFAULT_LANGUAGE, ENV_VAR, LANGUAGES, N_, _, join_words, language_names

__all__ = [
    "bug_line",
    "closed_output_line",
    "environment_line",
    "error_line",
    "interrupted_line",
    "language_help",
    "out_of_memory_line",
    "progress_line",
    "shortened",
    "unknown_language",
    "usage_problem",
]


def error_line(exc: object) -> str:
    """The one line the command prints on standard error for a user's error."""
    return _("bosetting: error: {message}", message=exc)


def progress_line(text: str) -> str:
    """One step of a long task, written over the last one on a terminal (a carriage return first)."""
    return "\r\x1b[2K" + text


def interrupted_line() -> str:
    """What the command says when the user stops it (Ctrl-C)."""
    return _("bosetting: interrupted")


def out_of_memory_line() -> str:
    """What the command says when an input or an option needs more memory than there is."""
    return _("bosetting: error: not enough memory: an input file or an option is too large")


def closed_output_line() -> str:
    """What the command says when its output is closed before everything is written (a pipe)."""
    return _(
        "bosetting: error: the output was closed before everything was written (a broken pipe)"
    )


def environment_line(exc: OSError) -> str:
    """The one line for a failure of the machine, not of bosetting: a full disk, no permission ..."""
    if isinstance(exc.filename, str) and exc.filename:
        return _(
            "bosetting: error: {file}: {reason}",
            file=escape_controls(exc.filename),
            reason=os_reason(exc),
        )
    return _("bosetting: error: cannot write the output: {reason}", reason=os_reason(exc))


def bug_line(exc: BaseException) -> str:
    """The one line for a failure that is not the user's: a bug in bosetting (the exception's own words)."""
    return _(
        "bosetting: internal error (a bug in bosetting; please report it, and set "
        "BOSETTING_DEBUG=1 for the traceback): {kind}: {detail}",
        kind=type(exc).__name__,
        detail=str(exc),
    )


def shortened(start: str, more: int) -> str:
    """A message cut after ``start``, saying how many characters were left out."""
    return _("{start}… ({n} more characters)", start=start, n=more)


def unknown_language(text: str) -> str:
    """The problem with a ``--lang`` (or ``BOSETTING_LANG``) value the command does not speak."""
    return _(
        "unknown language {value} (from --lang or {variable}); choose {languages}",
        value=repr(text),
        variable=ENV_VAR,
        languages=join_words(LANGUAGES, conjunction="or"),
    )


def language_help() -> str:
    """The help of ``--lang``: every language by code and name, and the default."""
    return _(
        "the language to write in: {languages}; {default} if none is chosen",
        languages=join_words(
            (f"{code} ({name})" for code, name in language_names().items()), conjunction="or"
        ),
        default=DEFAULT_LANGUAGE,
    )


_ARGPARSE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"the following arguments are required: (?P<names>.+)"), N_("give {names}")),
    (re.compile(r"unrecognized arguments: (?P<args>.+)"), N_("unknown arguments: {args}")),
    (
        re.compile(r"invalid choice: (?P<value>.+?) \(choose from (?P<choices>.+)\)"),
        N_("unknown choice {value} (choose from {choices})"),
    ),
    (re.compile(r"invalid int value: (?P<value>.+)"), N_("not a whole number: {value}")),
    (re.compile(r"invalid float value: (?P<value>.+)"), N_("not a number: {value}")),
    (re.compile(r"invalid \S+ value: (?P<value>.+)"), N_("not a valid value: {value}")),
    (re.compile(r"expected one argument"), N_("give one value")),
)
_ARGUMENT = re.compile(r"argument (?P<name>\S+?): (?P<problem>.+)", re.DOTALL)


def _plain(problem: str) -> str:
    for pattern, template in _ARGPARSE:
        match = pattern.fullmatch(problem)
        if match:
            return _(template, **match.groupdict())
    return problem


def usage_problem(message: str) -> str:
    """Argparse's English message about the command line, in the active language."""
    match = _ARGUMENT.fullmatch(message)
    if match:
        return _(
            "{name}: {problem}", name=match.group("name"), problem=_plain(match.group("problem"))
        )
    return _plain(message)
