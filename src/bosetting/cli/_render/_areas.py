"""A municipality as the command prints it: ``municipality``, ``outcomes`` and ``check``."""

from __future__ import annotations

from collections.abc import Sequence

from bosetting.cli._render._layout import DASH, cell, heads, table
from bosetting.eligibility import Assessment
from bosetting.figures import Provenance, settled_share_of_request
from bosetting.i18n import N_, _, format_share
from bosetting.model import (
    AreaType,
    FigureStatus,
    IntroProgrammeOutcome,
    Method,
    Municipality,
    Settlement,
    Sex,
)
from bosetting.register import lineage, predecessors, succession, successors

__all__ = [
    "figures_line",
    "figures_notes",
    "plot_written",
    "render_assessment",
    "render_municipality",
    "render_outcomes",
]


def render_municipality(m: Municipality) -> str:
    """``bosetting municipality NAME``: the municipality, its numbers over time and today's."""
    lines = [f"{m}, {m.county}, {m.years}"]
    if m.valid_from < 2008:
        lines.append(
            "  "
            + _(
                "in force at least since {year} (the oldest version of the register read)",
                year=m.valid_from,
            )
        )
    lines.append(_("Numbers over time (* = this one):"))
    line = lineage(m)
    rows = [[run.code, run.years, f"{run.name} ({run.county})"] for run in line]
    listed = table([_("Number"), _("Years"), _("Name (county)")], rows, indent="   ")
    lines.append(listed[0])
    lines.extend(
        " * " + text[3:] if run == m else text for run, text in zip(line, listed[1:], strict=True)
    )
    before = [p for p in predecessors(m) if p not in line]
    if before:
        lines.append(_("Merged into it: {list}", list=", ".join(p.with_years() for p in before)))
    after = [s for s in successors(m) if s not in line]
    if after:
        lines.append(_("Followed by: {list}", list=", ".join(s.with_years() for s in after)))
    s = succession(m)
    if s.ambiguous:
        lines.append(
            _(
                "The municipality today: unclear, the area went to more than one: {list}",
                list=", ".join(c.with_years() for c in s.candidates),
            )
        )
        lines.extend(f"  {note}" for note in s.notes)
    elif s.candidates:
        lines.append(
            _("The municipality today: {municipality}", municipality=s.candidates[0].with_years())
        )
    return "\n".join(lines)


def _share_cell(o: IntroProgrammeOutcome) -> str:
    if o.share_status is FigureStatus.PUBLISHED and o.share is not None:
        return format_share(o.share, 0)
    return o.share_status.symbol or DASH


def _outcome_row(o: IntroProgrammeOutcome) -> list[str]:
    counts = (
        (o.former_participants, o.former_participants_status),
        (
            o.in_work_or_education,
            o.in_work_or_education_status,
        ),
    )
    years = [str(o.status_year), str(o.cohort_year)]
    cells = [cell(v, st) for v, st in counts]
    return [o.area_code, o.area_name, *years, *cells, _share_cell(o), o.share_status.label]


def _settlement_row(s: Settlement) -> list[str]:
    ratio = settled_share_of_request(s)
    figures = [(s.requested, s.requested_status), (s.decided, s.decided_status)]
    cells = [cell(v, st) for v, st in (*figures, (s.settled, s.settled_status))]
    shown = DASH if ratio is None else format_share(ratio, 0)
    return [
        str(s.year),
        s.code,
        s.name,
        *cells,
        shown,
        _("part of the year") if s.partial_year else "",
    ]


def figures_line(source: Provenance) -> str:
    """Where the intro-programme figures shown come from (one line, indented)."""
    return "  " + _("Figures: {source}", source=source)


def figures_notes(source: Provenance | None, coverage: Sequence[str] = ()) -> str:
    """The lines a CSV result writes beside the table (standard error): its figures, their gaps."""
    return "\n".join([*([figures_line(source)] if source is not None else []), *coverage])


def render_outcomes(
    m: Municipality | None,
    intro: Sequence[IntroProgrammeOutcome],
    settled: Sequence[Settlement],
    source: Provenance,
) -> str:
    """``bosetting outcomes NAME|national``: the one-year intro outcomes and the settlement figures.

    Args:
        m: The municipality, or ``None`` for the whole country.
        intro: Its one-year intro-programme rows (both sexes).
        settled: Its settlement rows (none for the whole country).
        source: Where the intro-programme figures come from.
    """
    area = str(m) if m is not None else _capital(AreaType.NATIONAL.label)
    lines = [
        _(
            "{municipality}: in work or education one year after the introduction programme "
            "({sex})",
            municipality=area,
            sex=Sex.ALL,
        ),
        figures_line(source),
    ]
    if intro:
        headers = heads(
            *(N_("Number"), N_("Name"), N_("Status year"), N_("Cohort"), N_("Participants")),
            *(N_("In work or education"), N_("Share"), N_("Status")),
        )
        lines.extend(table(headers, [_outcome_row(o) for o in intro], right=(4, 5, 6)))
        if any(o.method is Method.MONITOR for o in intro):
            lines.append(
                "  "
                + _(
                    "Status years before 2011 come from SSB’s older monitor and cannot be "
                    "compared directly with the later, register-based series."
                )
            )
        if m is not None:
            lines.append(
                "  "
                + _(
                    "Figures of merged predecessors are shown one by one and never added up; "
                    "hidden figures (:) are never filled in."
                )
            )
    else:
        lines.append(
            "  "
            + _(
                "No one-year status in the figures in use; 'bosetting update' fetches SSB’s newest."
            )
        )
    if settled:
        lines.append(
            _("Settlement of refugees (requested by IMDi, decided by the municipality, settled):")
        )
        headers = heads(
            *(N_("Year"), N_("Number"), N_("Name"), N_("Requested"), N_("Decided")),
            *(N_("Settled"), N_("Settled of requested"), N_("Note")),
        )
        lines.extend(table(headers, [_settlement_row(s) for s in settled], right=(3, 4, 5, 6)))
    return "\n".join(lines)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def plot_written(path: object) -> str:
    """The line ``outcomes --plot FILE`` prints (on standard error) once the figure is written."""
    return _("Figure written to {path}", path=path)


def render_assessment(a: Assessment) -> str:
    """``bosetting check NAME --edition E``: one result per criterion, with reasons."""
    return str(a)
