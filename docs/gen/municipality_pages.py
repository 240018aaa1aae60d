"""Generate *Slik står kommunen*: one page for every municipality of today, and their index.

Run by mkdocs-gen-files at build time. A page holds the municipality's
nominations and wins (with their sources), settlement against IMDi's request
year by year, the intro-programme results the figures in use have, and the
newest edition's criteria checked against it. Every list, figure, verdict and
reason comes from the library (``bs.record``, ``bs.settlement``,
``bs.intro_outcomes``, ``bs.assess``) in its own words (the message catalogue,
``.label``, the formatters of :mod:`bosetting.i18n`); what is written here is
the site's own prose around them.

The pages are not in the nav (357 entries would be in every page's HTML): they
are reached from the index, from search and from the edition pages.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import mkdocs_gen_files

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _shared as sh
from _shared import Page, capital

import bosetting as bs
from bosetting.eligibility import Assessment
from bosetting.figures import Provenance, provenance, settled_share_of_request
from bosetting.i18n import _, format_number, format_share
from bosetting.model import (
    FigureStatus,
    IntroProgrammeOutcome,
    Municipality,
    Nomination,
    Settlement,
    Sex,
    Source,
)
from bosetting.register import last_year

INDEX = "kommuner/index.md"
#: How much a municipality page weighs in the site's search (1 is a page's default): a page
#: named after the municipality comes first when its name is searched, but its sections on the
#: criteria do not push the criteria pages down.
SEARCH_BOOST = 0.5
DASH = "–"


def _cell(value: int | None, status: FigureStatus) -> str:
    """A count as the library writes it, or the status's symbol where it is not published."""
    if status is FigureStatus.PUBLISHED and value is not None:
        return format_number(value)
    return status.symbol or DASH


def _sources(sources: Sequence[Source], *, page: str) -> str:
    return sh.source_links(sources, from_page=page) or DASH


def _area(m: Municipality) -> str:
    """How the page names the municipality in its opening lines."""
    return f"{m.name} ({m.code}) i {m.county}"


def _history(md: Page, m: Municipality) -> None:
    """Earlier numbers and the municipalities merged into it, in the library's words."""
    line = bs.lineage(m)
    numbers = [run.with_years() for run in line if run != m]
    if numbers:
        md.para(f"Tidligere kommunenummer: {', '.join(numbers)}.")
    before = [p for p in bs.predecessors(m) if p not in line]
    if before:
        md.para(_("Merged into it: {list}", list=", ".join(p.with_years() for p in before)) + ".")


def _nominations(md: Page, m: Municipality, found: Sequence[Nomination], *, page: str) -> None:
    md.heading("Nominasjoner og priser")
    md.para(
        bs.history.record_summary(m, found),
        _("Earlier numbers and the municipalities merged into it are counted."),
    )
    if not found:
        md.para(
            "Ingen av kildene vi har, nevner kommunen eller kommunene som gikk inn i den "
            "blant de nominerte til prisen."
        )
        return
    rows: list[list[str]] = []
    for n in found:
        written = "" if n.name_as_written == n.municipality.name else f"«{n.name_as_written}»"
        initiatives = "; ".join(str(i.name or i.summary) for i in n.initiatives)
        sources = (*n.sources, *(s for i in n.initiatives for s in i.sources))
        rows.append(
            [
                sh.edition_link(n.edition, from_page=page),
                capital(n.outcome.label),
                str(n.municipality),
                written,
                initiatives or DASH,
                _sources(sources, page=page),
            ]
        )
    header = [_("Edition"), _("Outcome"), _("Municipality (as it was then)")]
    header += [_("Name in the source"), "Tiltak", "Kilder"]
    if not any(r[3] for r in rows):
        header.pop(3)
        rows = [[*r[:3], *r[4:]] for r in rows]
    md.table(header, rows)


def _settlement(md: Page, rows: Sequence[Settlement], *, page: str) -> None:
    md.heading("Bosatt mot anmodet")
    if not rows:
        md.para("Tallene vi har, har ingen bosettingstall for kommunen.")
        return
    md.para(
        _("Settlement of refugees (requested by IMDi, decided by the municipality, settled):"),
    )
    # Six columns, so that the table fits the page beside the menus (a wider one would scroll).
    table = []
    for s in rows:
        ratio = settled_share_of_request(s)
        table.append(
            (
                _("{year} (part of the year)", year=s.year) if s.partial_year else s.year,
                f"{s.name} ({s.code})",
                _cell(s.requested, s.requested_status),
                _cell(s.decided, s.decided_status),
                _cell(s.settled, s.settled_status),
                DASH if ratio is None else format_share(ratio, 0),
            )
        )
    header = [_("Year"), "Kommune", _("Requested"), _("Decided"), _("Settled")]
    header += [_("Settled of requested")]
    md.table(header, table)
    symbols = sorted(
        {
            st
            for s in rows
            for st in (s.requested_status, s.decided_status, s.settled_status)
            if st is not FigureStatus.PUBLISHED
        },
        key=lambda st: st.value,
    )
    md.items(f"{st.symbol or DASH}: {st.label}" for st in symbols)
    notes = dict.fromkeys(str(s.note) for s in rows if s.note)
    md.items(f"Merknad: {n}" for n in notes)
    sources = [src for s in rows for src in s.sources]
    md.para(f"Kilder: {_sources(sources, page=page)}.")


def _intro(
    md: Page,
    m: Municipality,
    rows: Sequence[IntroProgrammeOutcome],
    figures: Provenance,
    *,
    page: str,
) -> None:
    md.heading("Resultater i introduksjonsprogrammet")
    md.para(
        _(
            "{municipality}: in work or education one year after the introduction programme "
            "({sex})",
            municipality=m,
            sex=Sex.ALL,
        )
        + ".",
        _("Figures: {source}", source=figures) + ".",
    )
    if not rows:
        md.para(
            f"Tallene nettstedet bygger på, har ingen ettårsstatus for {m.name} eller for "
            "kommunene som gikk inn i den: her er ingen resultater publisert."
        )
        return
    table = []
    for o in rows:
        if o.share_status is FigureStatus.PUBLISHED and o.share is not None:
            share = format_share(o.share, 0)
        else:
            share = f"{o.share_status.symbol or DASH} ({o.share_status.label})"
        table.append(
            (
                f"{o.area_name} ({o.area_code})",
                o.status_year,
                o.cohort_year,
                _cell(o.former_participants, o.former_participants_status),
                _cell(o.in_work_or_education, o.in_work_or_education_status),
                share,
            )
        )
    header = ["Kommune", _("Status year"), _("Cohort"), _("Participants")]
    header += [_("In work or education"), _("Share")]
    md.table(header, table)
    hidden = [o for o in rows if o.share_status is not FigureStatus.PUBLISHED]
    if hidden:
        years = sorted({o.status_year for o in hidden})
        md.para(
            f"For statusår {', '.join(map(str, years))} er andelen ikke publisert "
            f"({hidden[0].share_status.label}); vi regner den ikke ut selv."
        )
    md.para(
        _(
            "Figures of merged predecessors are shown one by one and never added up; "
            "hidden figures (:) are never filled in."
        ),
        "Statusår utenfor tallene over er ikke med her.",
    )
    sources = [src for o in rows for src in o.sources]
    md.para(f"Kilder: {_sources(sources, page=page)}.")


def _criteria(md: Page, a: Assessment, *, page: str) -> None:
    md.heading(f"Sjekket mot prisen for {a.edition}")
    crit = sh.criteria_page_for(a.edition)
    links = sh.edition_link(a.edition, from_page=page, text=f"prisen for {a.edition}")
    if crit is not None:
        links += f" og [kriteriene]({sh.rel(crit, from_page=page)})"
    md.para(
        f"Slik står {a.municipality.name} mot punktene for den nyeste utgaven på listen, "
        f"{links}. Punkter juryen vurderer selv, kan ikke avgjøres med tall; der viser vi "
        "tallene juryen kan se på."
    )
    md.items(a.coverage)
    if a.criteria.assumed:
        md.note("warning", "Ikke bekreftet av noen kilde", str(a.criteria.assumption()))
    if not a.results:
        md.para(_("No criteria are on record for this edition."))
    for i, r in enumerate(a.results, 1):
        md.heading(f"Punkt {i}: {capital(r.verdict.label)}", 3)
        md.para(f"**{r.criterion.text}**")
        md.items([*r.reasons, *(str(f) for f in r.figures)])
        md.para(f"Kilder: {_sources(r.sources, page=page)}.")


def municipality_markdown(m: Municipality) -> str:
    """The page of one municipality of today."""
    page = sh.municipality_page(m.code)
    md = Page(f"Slik står {m.name}").front("search", {"boost": SEARCH_BOOST})
    md.para(
        f"{_area(m)}. Her ser du hva kildene sier om kommunen og prisen, hvor mange flyktninger "
        "kommunen har bosatt mot det IMDi ba om, og hvordan det har gått med dem som var i "
        "introduksjonsprogrammet.",
        f"Se [alle kommunene]({sh.rel(INDEX, from_page=page)}).",
    )
    _history(md, m)
    _nominations(md, m, bs.record(m), page=page)
    settled = bs.settlement(m)
    _settlement(md, settled, page=page)
    intro = bs.intro_outcomes(m)
    _intro(md, m, [o for o in intro if o.sex is Sex.ALL], provenance(), page=page)
    _criteria(md, bs.assess(m, bs.latest()), page=page)
    return md.text()


def index_markdown(ms: Sequence[Municipality]) -> str:
    """Every municipality of today by county, each linked to its page."""
    md = Page("Slik står kommunen")
    year = last_year()
    md.para(
        f"Velg en kommune for å se hva kildene sier om den og prisen, bosettingen mot IMDis "
        f"anmodning og resultatene i introduksjonsprogrammet. Lista har de {len(ms)} "
        f"kommunene i {year}; kommuner som er slått sammen, står under kommunen de ble del av.",
    )
    counties: dict[str, list[Municipality]] = {}
    for m in ms:
        counties.setdefault(m.county, []).append(m)
    for county in sorted(counties):
        md.heading(county)
        md.para(
            ", ".join(
                f"[{m.name}]({sh.rel(sh.municipality_page(m.code), from_page=INDEX)})"
                for m in sorted(counties[county], key=lambda m: m.name)
            )
        )
    return md.text()


def main() -> None:
    """Write every page of this generator, in bokmål."""
    from mkdocs.structure.files import InclusionLevel
    from mkdocs_gen_files.editor import FilesEditor

    with bs.i18n.language("nb"):
        ms = bs.municipalities()
        with mkdocs_gen_files.open(INDEX, "w", encoding="utf-8") as fh:
            fh.write(index_markdown(ms))
        for m in ms:
            with mkdocs_gen_files.open(sh.municipality_page(m.code), "w", encoding="utf-8") as fh:
                fh.write(municipality_markdown(m))
        # Reached from the index, search and the edition pages; not listed in the nav.
        files = FilesEditor.current().files
        for m in ms:
            file = files.get_file_from_path(sh.municipality_page(m.code))
            if file is None:
                raise SystemExit(f"docs/gen: the page of {m} was not written")
            file.inclusion = InclusionLevel.NOT_IN_NAV


if __name__ in sh.RUN_NAMES:
    main()
