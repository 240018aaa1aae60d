"""``bosetting outcomes NAME`` and ``bosetting check NAME --edition E``.

Examples:
    >>> from bosetting.cli import main
    >>> main(["outcomes", "Kristiansand"])  # doctest: +ELLIPSIS
    Kristiansand (4204): i arbeid eller utdanning ett år etter (begge kjønn)
    ...
      1001  Kristiansand         2014    2013        115      79   69 %  ...
    ...
    0
"""

from __future__ import annotations

import argparse
from typing import Any

from bosetting.eligibility import assess
from bosetting.figures import intro_outcomes, settled_share_of_request, settlement
from bosetting.model import FigureStatus, IntroProgrammeOutcome, Sex
from bosetting.register import as_municipality

__all__ = ["register", "render_outcomes"]


def _cell(value: object, status: FigureStatus, fmt: str = "{}") -> str:
    if status is FigureStatus.PUBLISHED:
        return fmt.format(value)
    return status.symbol or status.value


def _row(o: IntroProgrammeOutcome) -> str:
    share = _cell(round((o.share or 0) * 100), o.share_status, "{} %")
    return (
        f"  {o.area_code:<5} {o.area_name:<20} {o.status_year:>4}    {o.cohort_year:>4}"
        f"   {_cell(o.former_participants, o.former_participants_status):>8}"
        f"  {_cell(o.in_work_or_education, o.in_work_or_education_status):>6}"
        f"  {share:>5}  {o.share_status.value}"
    )


def render_outcomes(name: str) -> str:
    """The text ``bosetting outcomes NAME`` prints."""
    m = as_municipality(name)
    rows = [o for o in intro_outcomes(m, sex=Sex.ALL) if o.years_after == 1]
    lines = [f"{m}: i arbeid eller utdanning ett år etter (begge kjønn)"]
    if rows:
        lines.append("  kode  navn                 statusår kull  deltakere  i arb.  andel  status")
        lines.extend(_row(o) for o in rows)
        lines.append(
            "  Tall fra sammenslåtte forgjengere vises hver for seg og summeres aldri; "
            "skjulte tall (:) fylles aldri inn."
        )
    else:
        lines.append(
            "  Ingen ettårsstatus i tabellen (kommunetall finnes for statusårene 2011-2014)."
        )
    rows_s = settlement(m)
    if rows_s:
        lines.append("Bosetting: anmodet / vedtatt / bosatt (bosatt/anmodet)")
        for s in rows_s:
            ratio = settled_share_of_request(s)
            shown = "–" if ratio is None else f"{ratio:.0%}"
            part = " delår" if s.partial_year else ""
            lines.append(
                f"  {s.year} {s.code} {s.name:<20} {_cell(s.requested, s.requested_status):>5} / "
                f"{_cell(s.decided, s.decided_status):>5} / {_cell(s.settled, s.settled_status):>5}"
                f"  ({shown}){part}"
            )
    return "\n".join(lines)


def _outcomes(args: argparse.Namespace) -> int:
    print(render_outcomes(args.name))
    return 0


def _check(args: argparse.Namespace) -> int:
    print(assess(args.name, args.edition))
    return 0


def register(subparsers: Any) -> None:
    """Add the ``outcomes`` and ``check`` subcommands."""
    p = subparsers.add_parser(
        "outcomes",
        help="show a municipality's intro-programme outcomes and settlement figures",
        description="Show the one-year intro-programme outcomes and the settlement figures "
        "of a municipality, under every number it has had.",
    )
    p.add_argument("name", metavar="NAME|CODE", help="a name (Kristiansand) or a code")
    p.set_defaults(run=_outcomes)
    c = subparsers.add_parser(
        "check",
        help="check a municipality against an edition's criteria",
        description="One result per criterion: met, not met, not assessable or needs "
        "judgement, with reasons, figures and sources.",
    )
    c.add_argument("name", metavar="NAME|CODE", help="a name or a code")
    c.add_argument("--edition", required=True, help="the edition label or year, such as 2021")
    c.set_defaults(run=_check)
