"""``bosetting tally|decide|sensitivity``: the public vote and the era's rule.

* ``bosetting tally VOTES.csv --edition E [--duplicates keep_first|keep_last|reject_all]``
* ``bosetting decide --edition E --votes VOTES.csv --jury JURY.csv [--public-weight W]``
* ``bosetting sensitivity --edition E --votes VOTES.csv --jury JURY.csv [--hypothetical]``
"""

from __future__ import annotations

import argparse
from typing import Any

from bosetting.history import edition
from bosetting.i18n import _, format_number, format_share
from bosetting.model import Edition
from bosetting.voting import DuplicatePolicy, Tally

__all__ = ["register", "render_sensitivity", "render_tally"]


def render_tally(t: Tally) -> str:
    """The text ``bosetting tally`` prints, in the active language."""
    head = (_("municipality"), _("no."), _("votes"), _("share"))
    lines = [f"{head[0]:<28} {head[1]:>4} {head[2]:>9} {head[3]:>8}"]
    shares = t.shares
    for m in t.ranking():
        share = format_share(shares[m])
        lines.append(f"{m.name:<28} {m.code:>4} {format_number(t.counts[m]):>9} {share:>8}")
    lines.append(
        _(
            "Counted: {accepted} of {total} ballots.",
            accepted=format_number(t.accepted),
            total=format_number(t.total),
        )
    )
    for label in sorted(t.labels):
        lines.append(_("The ballots are labelled {label}; they are not real votes.", label=label))
    for reason, n in t.rejected_by_reason.items():
        if n:
            lines.append(_("Not counted ({reason}): {n}", reason=reason.label, n=format_number(n)))
    return "\n".join(lines)


def _tally(args: argparse.Namespace, edition: Edition) -> Tally:
    from bosetting.voting import tally_file

    return tally_file(args.votes, edition, duplicates=args.duplicates)


def _run_tally(args: argparse.Namespace) -> int:
    e = edition(args.edition)
    t = _tally(args, e)
    print(f"{e.prize_name} {e.label}")
    print(render_tally(t))
    return 0


def _run_decide(args: argparse.Namespace) -> int:
    from bosetting.decision import decide
    from bosetting.jury import read_jury_sheet

    e = edition(args.edition)
    t = _tally(args, e) if args.votes is not None else None
    jury = read_jury_sheet(args.jury, e)
    d = decide(e.rule, t, jury, public_weight=args.public_weight)
    print(f"{e.prize_name} {e.label}")
    print(d.explain())
    return 0


def render_sensitivity(s: Any) -> str:
    """The lines ``bosetting sensitivity`` prints below its title: exact intervals covering 0–1."""
    width = max(len(i.bounds_nb()) for i in s.intervals)
    lines = [
        f"  {i.bounds_nb():<{width}}  {i.winner}   (eksakt: {i.exact_nb()})" for i in s.intervals
    ]
    lines += [f"  {c.tie.describe()}" for c in s.changes if c.tie is not None]
    lines += [f"  {i.tie.describe()}" for i in s.intervals if i.tie is not None]
    lines.append(s.describe())
    return "\n".join(lines)


def _run_sensitivity(args: argparse.Namespace) -> int:
    from bosetting.decision import sensitivity
    from bosetting.jury import read_jury_sheet

    e = edition(args.edition)
    s = sensitivity(
        _tally(args, e),
        read_jury_sheet(args.jury, e),
        steps=args.steps,
        rule=e.rule,
        hypothetical=args.hypothetical,
    )
    print(f"{e.prize_name} {e.label}: vinner etter vekt på folkeavstemningen (antakelse)")
    print(render_sensitivity(s))
    return 0


def _weight(text: str) -> float:
    # float() also reads other scripts' digits ("٠٫٥"); a weight is written with 0-9 only.
    if not text.isascii():
        raise argparse.ArgumentTypeError(f"not a number: {text!r}")
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"the weight is between 0 and 1, not {text!r}")
    return value


def _common(p: Any, *, votes_positional: bool = False, votes_required: bool = True) -> None:
    p.add_argument("--edition", required=True, metavar="E", help="edition label or year (2022)")
    if votes_positional:
        p.add_argument("votes", metavar="VOTES.csv", help="ballot file")
    else:
        p.add_argument("--votes", required=votes_required, metavar="VOTES.csv", help="ballot file")
    p.add_argument(
        "--duplicates",
        choices=[d.value for d in DuplicatePolicy],
        default=DuplicatePolicy.KEEP_FIRST.value,
        help="what to do with several ballots from one voter id (default: keep_first)",
    )


def register(subparsers: Any) -> None:
    """Add the ``tally``, ``decide`` and ``sensitivity`` subcommands."""
    p = subparsers.add_parser(
        "tally", help="count a ballot file", description="Count a ballot file among the nominees."
    )
    _common(p, votes_positional=True)
    p.set_defaults(run=_run_tally)

    p = subparsers.add_parser(
        "decide",
        help="apply the edition's decision rule",
        description="Apply the edition's decision rule to a ballot file and a jury sheet.",
    )
    _common(p, votes_required=False)
    p.add_argument("--jury", required=True, metavar="JURY.csv", help="jury scoring sheet")
    p.add_argument(
        "--public-weight",
        type=_weight,
        default=None,
        metavar="W",
        help="the public vote's weight in a blend (0-1); required from 2021, an assumption",
    )
    p.set_defaults(run=_run_decide)

    p = subparsers.add_parser(
        "sensitivity",
        help="the winner at each public weight",
        description="Show how the blend's winner depends on the public vote's weight.",
    )
    _common(p)
    p.add_argument("--jury", required=True, metavar="JURY.csv", help="jury scoring sheet")
    p.add_argument(
        "--steps",
        type=int,
        default=100,
        metavar="N",
        help="sample points for a plot (default 100); the intervals printed are exact",
    )
    p.add_argument(
        "--hypothetical",
        action="store_true",
        help="blend anyway where the edition's rule gives the public vote no weight",
    )
    p.set_defaults(run=_run_sensitivity)
