"""Options several commands share: the ballot file, the public weight, bounded whole numbers.

Not a command itself; the command modules import it. A bad value is a usage
error naming the option (``--ballots``), never the library's parameter name.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from bosetting.errors import UsageError
from bosetting.i18n import N_, _, format_number
from bosetting.model import MAX_NUMBER_TEXT, number_problem, parse_number, parse_whole

if TYPE_CHECKING:
    from bosetting.model import Edition
    from bosetting.voting import Tally

__all__ = [
    "add_ballot_options",
    "add_plot_options",
    "ascii_int",
    "bounded",
    "public_weight",
    "read_tally",
    "refuse_force_without_plot",
    "write_plot",
]


def public_weight(text: str) -> float:
    """``--public-weight``: a number from 0 to 1 in the one grammar of typed numbers (``0,5`` or ``0.5``)."""
    problem = number_problem(text)
    value = None if problem is not None else parse_number(text)
    if value is None or not 0 <= value <= 1:
        if problem is None:
            raise argparse.ArgumentTypeError(
                _("the weight is a number from 0 to 1, not '{text}'", text=text)
            )
        raise argparse.ArgumentTypeError(
            _(
                "the weight is a number from 0 to 1, not '{text}': {problem}",
                text=text[:MAX_NUMBER_TEXT],
                problem=_(problem, limit=MAX_NUMBER_TEXT),
            )
        )
    return float(value)


public_weight.__name__ = "weight"


def ascii_int(text: str) -> int:
    """``int`` for the command line: the one grammar of typed whole numbers (``int`` takes any script's digits)."""
    if number_problem(text, whole=True) is not None:
        raise ValueError(text[:MAX_NUMBER_TEXT])
    return parse_whole(text)


ascii_int.__name__ = "int"  # argparse says "invalid int value: 'x'"


def bounded(low: int, high: Callable[[], int]) -> Callable[[str], int]:
    """An argparse type: a whole number of ASCII digits from ``low`` to ``high()``.

    ``high`` is called when a value is read, so a command can take its cap from a
    library module without importing it when the command line is built.
    """

    def read(text: str) -> int:
        top = high()
        try:
            value: int | None = ascii_int(text)
        except ValueError:
            value = None
        if value is None or not low <= value <= top:
            raise argparse.ArgumentTypeError(
                _(
                    "a whole number from {low} to {high}, not '{text}'",
                    low=format_number(low),
                    high=format_number(top),
                    text=text,
                )
            )
        return value

    read.__name__ = "int"
    return read


def add_ballot_options(p: Any, *, positional: bool = False, required: bool = True) -> None:
    """``--edition``, the ballot file (``VOTES.csv`` or ``--votes``) and ``--duplicates``."""
    from bosetting.voting import DuplicatePolicy

    p.add_argument(
        "--edition", required=True, metavar="E", help=_("the edition’s label or year, such as 2021")
    )
    if positional:
        p.add_argument("votes", metavar="VOTES.csv", help=_("the ballot file"))
    else:
        p.add_argument("--votes", required=required, metavar="VOTES.csv", help=_("the ballot file"))
    p.add_argument(
        "--duplicates",
        choices=[d.value for d in DuplicatePolicy],
        default=DuplicatePolicy.KEEP_FIRST.value,
        help=_(
            "what to do with several ballots from one voter id: keep the first, keep the "
            "last, or count none of them (default: keep_first)"
        ),
    )


def read_tally(args: argparse.Namespace, e: Edition) -> Tally:
    """Count ``args.votes`` among the edition's nominees."""
    from bosetting.voting import tally_file

    return tally_file(args.votes, e, duplicates=args.duplicates)


def add_plot_options(p: Any, what: str) -> None:
    """``--plot FILE.png`` (``what``: its help, what is drawn) and ``--force``."""
    p.add_argument("--plot", metavar="FILE.png", default=None, help=what)
    p.add_argument(
        "--force", action="store_true", help=_("with --plot: replace the file if it exists")
    )


def write_plot(args: argparse.Namespace, draw: Callable[[], Any]) -> str:
    """Draw with ``draw()`` (it returns the axes) and save to ``args.plot``; the line to print.

    The figure is closed afterwards whatever happens; a file is written over only
    with ``--force`` (:func:`bosetting.plot.save`).
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from bosetting.cli._render import plot_written
    from bosetting.plot import save

    ax = draw()
    try:
        path = save(ax, args.plot, force=args.force)
    finally:
        plt.close(ax.get_figure())
    return plot_written(path)


def refuse_force_without_plot(args: argparse.Namespace) -> None:
    """``--force`` alone is a usage error: it only goes with ``--plot``."""
    if args.plot is None and args.force:
        raise UsageError(N_("{options} goes with --plot: add --plot FILE.png"), options="--force")
