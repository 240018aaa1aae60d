"""Generate the pages about the prize: one per edition, the overview, the criteria by era.

Also fills the generated parts (``<!-- gen:NAME -->`` markers) of the home page and
of the hand-written pages for municipalities. Run by mkdocs-gen-files at build
time; the pages are bokmål, written inside ``bs.i18n.language("nb")`` so every
word the library owns (outcomes, statuses, rules, dates, numbers) is the
library's own.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

import mkdocs_gen_files

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _shared as sh
from _shared import Page, capital

import bosetting as bs
from bosetting.i18n import _, format_date, format_share, join_words
from bosetting.model import (
    Conflict,
    Criterion,
    Edition,
    Municipality,
    Nomination,
    Outcome,
    RuleBasis,
    Source,
)


def _municipality(n: Nomination) -> str:
    """A nominee's name as the sources wrote it, with the municipality where that differs."""
    name = n.municipality.name
    written = n.name_as_written
    if written and written != name:
        return f"{name} ({written})"
    return name


def _today(m: Municipality, *, page: str) -> str:
    """Today's municipality for a historical one, linked to its page (each of them after a split)."""
    s = bs.succession(m)
    links = [
        f"[{now.name} ({now.code})]({sh.rel(sh.municipality_page(now.code), from_page=page)})"
        for now in s.candidates
    ]
    if s.ambiguous:
        return f"uklart, kommunen ble delt: {join_words(links)}"
    return links[0] if links else _("unknown")


def _criteria_title(path: str) -> str:
    for ids, eds in sh.criteria_groups():
        if ids and sh.criteria_page(eds) == path:
            return f"Kriterier for {sh.label_range([e.label for e in eds])}"
    raise SystemExit(f"docs/gen: no criteria group for {path}")


def _conflicts_for(label: str) -> list[Conflict]:
    return [
        c
        for c in bs.conflicts()
        if (c.table == "editions" and c.key == label)
        or (c.table == "nominations" and c.key.rsplit("/", 1)[0] == label)
    ]


def _source_line(s: Source, *, page: str) -> str:
    when = f" ({format_date(s.date)})" if s.date.year is not None else ""
    note = f" – {s.note}" if s.note else ""
    link = sh.source_link(s.id, from_page=page)
    return f"{link}: {s.publisher}{when}: [{s.title}]({s.url}){note}"


def _conflict_section(md: Page, c: Conflict, *, page: str) -> None:
    field = c.field_label
    what = "utgaven" if c.table == "editions" else f"nominasjonen {c.key}"
    md.heading(f"{c.id}: {field}", 3)
    md.para(f"Kildene er uenige om {field} for {what}.")
    md.items(
        [
            f"Noen kilder sier **{c.value_a}** ({sh.source_links(c.sources_a, from_page=page)}).",
            f"Andre sier **{c.value_b}** ({sh.source_links(c.sources_b, from_page=page)}).",
        ]
    )
    if c.resolution:
        md.para(f"Slik er det løst i dataene: {c.resolution}")
    if c.note:
        md.para(f"Merknad: {c.note}")


def _facts(e: Edition) -> list[tuple[str, str]]:
    """The edition's facts table: each fact in the library's words."""
    route = e.nomination_route
    facts = [
        ("Prisens navn", e.prize_name),
        ("Status", capital(e.status.label)),
        ("Utdelt", format_date(e.award_when)),
        ("Sted", e.place or _("unknown")),
        ("Arrangement", str(e.event or _("unknown"))),
        ("Arbeidsåret prisen gjelder", str(e.work_year) if e.work_year else _("unknown")),
        ("Slik ble kommunene nominert", capital(route.label if route else _("unknown"))),
        ("Hvor mye vi vet om de nominerte", capital(e.nominees_known.label)),
    ]
    if e.vote_opens.year is not None or e.vote_closes.year is not None:
        facts.append(("Publikumsavstemning", _vote_window(e, "fra {} til {}")))
    if e.presented_by is not None:
        facts.append(("Delt ut av", str(e.presented_by)))
    if e.received_by is not None:
        facts.append(("Tatt imot av", str(e.received_by)))
    return facts


def _criteria_section(md: Page, e: Edition, *, page: str) -> None:
    md.heading("Kriterier")
    crit_page = sh.criteria_page_for(e.label)
    if crit_page is None:
        md.para("Kildene oppgir ingen kriterier for denne utgaven.")
        return
    if e.criteria.assumed:
        md.note("warning", "Ikke bekreftet av noen kilde", str(e.criteria.assumption()))
    md.items((f"{c.text}{sh.ours_note(c)}" for c in e.criteria.criteria), numbered=True)
    link = f"[{_criteria_title(crit_page)}]({sh.rel(crit_page, from_page=page)})"
    md.para(f"Les mer om hva juryen så etter på siden {link}.")


def _nominees_section(md: Page, e: Edition, *, page: str) -> None:
    md.heading("Nominerte")
    if not e.nominations:
        md.para("Ingen kilde vi har funnet, nevner nominerte for denne utgaven.")
        return
    header = ["Kommune", f"Kommunenummer i {e.reference_year}", "Resultat", "Kommunen i dag"]
    rows = [
        [
            _municipality(n),
            n.municipality.code,
            capital(n.outcome.label),
            _today(n.municipality, page=page),
        ]
        for n in e.nominations
    ]
    # Columns that are empty for every nominee of the edition are left out.
    for title, values in (
        ("IMDi-region", [n.imdi_region or "" for n in e.nominations]),
        ("Merknad", [str(n.note or "") for n in e.nominations]),
    ):
        if any(values):
            header.append(title)
            for row, v in zip(rows, values, strict=True):
                row.append(v)
    md.table(header, rows)


def _initiative_line(n: Nomination, *, page: str) -> Iterable[str]:
    for i in n.initiatives:
        head = f"**{i.name}**" if i.name else "**Tiltak**"
        partners = f" (sammen med {', '.join(map(str, i.partners))})" if i.partners else ""
        sources = sh.source_links(i.sources, from_page=page)
        yield f"{head}{partners}: {i.summary} Kilde: {sources}."


def _initiatives_section(md: Page, e: Edition, *, page: str) -> None:
    md.heading("Tiltak juryen og kildene trakk fram")
    with_initiatives = [n for n in e.nominations if n.initiatives]
    if not with_initiatives:
        md.para("Kildene beskriver ingen tiltak for denne utgaven.")
    for n in with_initiatives:
        md.heading(f"{n.municipality.name} ({n.outcome.label})", 3)
        md.items(_initiative_line(n, page=page))


def _cited(e: Edition, conflicts: Iterable[Conflict]) -> list[Source]:
    """Every source the page cites, each once, in the order the page meets them."""
    found: dict[str, Source] = {}
    for s in e.sources:
        found.setdefault(s.id, s)
    for n in e.nominations:
        for s in (*n.sources, *(s for i in n.initiatives for s in i.sources)):
            found.setdefault(s.id, s)
    for c in conflicts:
        for s in (*c.sources_a, *c.sources_b):
            found.setdefault(s.id, s)
    return list(found.values())


def edition_markdown(e: Edition) -> str:
    """The page of one edition."""
    page = sh.edition_page(e.label)
    md = Page(f"Prisen for {e.label}", window_title=True)
    if e.winner is not None:
        won = bs.succession(e.winner)
        name = e.winner.name
        if not won.ambiguous and won.candidates:
            name = (
                f"[{name}]({sh.rel(sh.municipality_page(won.candidates[0].code), from_page=page)})"
            )
        md.para(f"**{e.prize_name}** for {e.label} gikk til **{name}**.")
    else:
        md.para(f"For **{e.prize_name}** for {e.label} er ingen vinner kjent.")
    md.table(("Opplysning", "Verdi"), _facts(e))
    if e.note:
        md.note("note", "Merknad", str(e.note))
    if e.prize_names:
        md.para("Kildene skriver også navnet slik:")
        md.items(
            f"«{p.name_as_written}» ({sh.source_links(p.sources, from_page=page)})"
            + (f": {p.note}" if p.note else "")
            for p in e.prize_names
        )
    md.heading("Slik ble vinneren valgt").para(e.rule_description())
    _criteria_section(md, e, page=page)
    _nominees_section(md, e, page=page)
    _initiatives_section(md, e, page=page)
    conflicts = _conflicts_for(e.label)
    md.heading("Der kildene er uenige")
    if not conflicts:
        md.para("Vi har ikke funnet kilder som motsier hverandre om denne utgaven.")
    for c in conflicts:
        _conflict_section(md, c, page=page)
    md.heading("Kilder").items(_source_line(s, page=page) for s in _cited(e, conflicts))
    return md.text()


def overview_markdown() -> str:
    """The overview of every edition (the section page of *Prisen*)."""
    page = "prisen/index.md"
    eds = bs.editions()
    md = Page("Prisen")
    md.para(
        "IMDi (Integrerings- og mangfoldsdirektoratet) gir prisen til en kommune som har gjort "
        "et godt arbeid med å bosette flyktninger og hjelpe dem videre til arbeid eller utdanning.",
        "Prisen het *Bosettingsprisen* til og med utgaven for 2016.",
        "Fra utgaven for 2018 heter den *Bosettings- og integreringsprisen*.",
        "Det finnes ingen utgave for arbeidsåret 2017.",
    )
    md.para(
        "Navnet på en utgave (som regel et årstall) er IMDis eget. Det er ikke alltid året "
        "prisen ble delt ut, og heller ikke alltid året arbeidet ble gjort.",
        "Prisen for 2015 ble for eksempel delt ut i 2016, mens prisen for 2023 gjaldt arbeidet i 2022.",
    )
    md.para(
        f"Tabellen viser alle {len(eds)} utgavene vi har kilder for.",
        "Velg en utgave for å se nominerte, tiltak, kilder og steder der kildene er uenige.",
    )
    md.table(
        ("Utgave", "Utdelt", "Navn", "Vinner", "Kommuner nevnt", "Slik ble vinneren valgt"),
        (
            (
                sh.edition_link(e.label, from_page=page),
                format_date(e.award_when),
                e.prize_name,
                e.winner.name if e.winner is not None else _("unknown"),
                len(e.nominations) or "ingen kjent",
                capital(e.rule_label),
            )
            for e in eds
        ),
    )
    common = [c for c in bs.conflicts() if c.table == "editions" and c.key == "(alle)"]
    if common:
        md.heading("Der kildene er uenige om prisen som helhet")
        for c in common:
            _conflict_section(md, c, page=page)
    return md.text()


def _eras() -> list[list[Edition]]:
    """Consecutive editions under the same rule."""
    eras: list[list[Edition]] = []
    for e in bs.editions():
        if eras and eras[-1][0].rule == e.rule:
            eras[-1].append(e)
        else:
            eras.append([e])
    return eras


def rules_markdown() -> str:
    """The section page of *Slik velges vinneren*: the decision rules by era."""
    page = "slik-velges/index.md"
    md = Page("Slik velges vinneren")
    md.para(
        "Måten vinneren velges på har endret seg to ganger. Kriteriene har endret seg oftere.",
        "Her ser du først hvordan vinneren ble valgt i hver periode, og så hvilke kriterier "
        "som gjaldt for hver utgave.",
    )
    md.heading("Tre perioder")
    for eds in _eras():
        rule = eds[0].rule
        md.heading(f"{capital(rule.label)} ({eds[0].label}–{eds[-1].label})", 3)
        md.para(rule.describe())
        md.para(
            "Utgaver: "
            + ", ".join(
                sh.edition_link(e.label, from_page=page)
                + (f" ({e.rule_basis.mark})" if e.rule_basis.hedged else "")
                for e in eds
            )
            + "."
        )
        hedged = [e for e in eds if e.rule_basis.hedged]
        if hedged:
            md.items(f"{e.label}: {e.rule_basis.label}." for e in hedged)
    md.note(
        "info",
        "Vekten er ikke kjent, og den vektede summen er vår modell",
        "Kildene sier at vinneren fra 2021 ble kåret ut fra en samlet vurdering av "
        "publikumsavstemningen og juryens vurdering, men IMDi har ikke sagt hvor mye hver del "
        "teller eller hvordan de regnes sammen. Verktøyet `bosetting` regner med en vektet sum av to skårer "
        "mellom 0 og 1. Det er vår modell, ikke IMDis metode. Når du bruker den, må du selv oppgi "
        "vekten som en antakelse, og da ser du også hvor mye resultatet avhenger av den.",
    )
    md.heading("Kriteriene utgave for utgave")
    rows = []
    for ids, eds in sh.criteria_groups():
        for e in eds:
            crit = "ingen kjent"
            if ids:
                target = sh.rel(sh.criteria_page(eds), from_page=page)
                crit = f"[{len(ids)} {'kriterium' if len(ids) == 1 else 'kriterier'}]({target})"
            rows.append(
                (sh.edition_link(e.label, from_page=page), crit, str(e.criteria.combination or ""))
            )
    md.table(("Utgave", "Kriterier", "Slik brukes kriteriene"), rows)
    return md.text()


def _criterion_details(c: Criterion, *, page: str) -> list[str]:
    details = [capital(c.kind.label) + "."]
    if c.looks_for is not None:
        details.append(f"Slik vurderes kriteriet: {c.looks_for_marked()}")
    if c.threshold is not None:
        details.append(f"Grense: {format_share(c.threshold, 0)}")
    if c.note:
        details.append(f"Merknad: {c.note}")
    details.append(f"Kilder: {sh.source_links(c.sources, from_page=page)}")
    return details


#: How much the criteria in force weigh in the site's search against the earlier ones (1 each):
#: a search for "kriterier" finds them first.
CURRENT_CRITERIA_BOOST = 2


def criteria_markdown(editions: list[Edition]) -> str:
    """One criteria page for a group of editions that share their criteria."""
    page = sh.criteria_page(editions)
    labels = [e.label for e in editions]
    crit = editions[0].criteria
    word = "utgaven" if len(labels) == 1 else "utgavene"
    md = Page(f"Kriterier for {sh.label_range(labels)}", window_title=True)
    if bs.latest() in editions:
        md.front("search", {"boost": CURRENT_CRITERIA_BOOST})
    links = join_words(sh.edition_link(x, from_page=page) for x in labels)
    md.para(f"Disse kriteriene gjaldt for {word} {links}.")
    for e in editions:
        if e.criteria.assumed:
            md.note("warning", "Ikke bekreftet av noen kilde", str(e.criteria.assumption()))
    if crit.combination:
        md.para(f"**Slik brukes kriteriene:** {crit.combination}")
    md.heading("Kriteriene")
    for i, c in enumerate(crit.criteria, 1):
        md.heading(f"Kriterium {i}", 3).para(f"**{c.text}**")
        md.items(_criterion_details(c, page=page))
    return md.text()


def home_latest(page: str) -> str:
    """The two links a municipal reader needs first: the newest criteria and the last winner."""
    newest = bs.latest()
    won = bs.latest(with_winner=True)
    crit = sh.criteria_page_for(newest.label)
    out = []
    if crit is not None:
        out.append(
            f"- [**Kriteriene for prisen for {newest.label}**]({sh.rel(crit, from_page=page)}): "
            + (
                "antatt de samme som kildene sist oppga."
                if newest.criteria.assumed
                else "hva juryen ser etter nå."
            )
        )
    else:
        out.append(f"- Kildene oppgir ingen kriterier for prisen for {newest.label} ennå.")
    winner = won.winner.name if won.winner is not None else _("unknown")
    initiatives = [i for n in won.nominations if n.outcome is Outcome.WINNER for i in n.initiatives]
    did = f" {initiatives[0].summary}" if initiatives else ""
    link = sh.edition_link(won.label, from_page=page, text=f"**Hva {winner} gjorde**")
    out.append(f"- {link}: vinneren av prisen for {won.label}.{did}")
    return "\n".join(out)


def _vote_window(e: Edition, form: str) -> str:
    """When the public vote ran: one date where it opened and closed within one (``mars 2020``)."""
    opens, closes = format_date(e.vote_opens), format_date(e.vote_closes)
    return opens if opens == closes else form.format(opens, closes)


def routes_table(page: str) -> str:
    """How municipalities were nominated, edition by edition."""
    rows = []
    for e in bs.editions():
        if e.vote_opens.year is not None:
            vote = _vote_window(e, "{}–{}")
        else:
            # A vote only the assumed rule implies (2024, 2025) is not a vote on record.
            vote = "ja" if e.rule.public_vote else "nei"
            if e.rule_basis is RuleBasis.ASSUMED:
                vote += " (antatt)"
        route = e.nomination_route
        rows.append(
            (
                sh.edition_link(e.label, from_page=page),
                capital(route.label if route else _("unknown")),
                vote,
                len(e.nominations) or "ingen kjent",
            )
        )
    return sh.md_table(("Utgave", "Nominasjon", "Publikumsavstemning", "Kommuner nevnt"), rows)


def latest_looks_for(page: str) -> str:
    """The newest criteria with what the jury looks for."""
    newest = bs.latest()
    crit = sh.criteria_page_for(newest.label)
    if crit is None:
        return f"Kildene oppgir ingen kriterier for prisen for {newest.label}."
    lines = [f"Slik er kriteriene for prisen for {newest.label}:", ""]
    if newest.criteria.assumed:
        lines[0:0] = [str(newest.criteria.assumption()), ""]
    for c in newest.criteria.criteria:
        lines.append(f"- **{c.text}** {c.looks_for_marked() or ''}".rstrip() + sh.ours_note(c))
    lines += ["", f"Se [alle detaljene og kildene]({sh.rel(crit, from_page=page)})."]
    return "\n".join(lines)


def initiative_examples(page: str) -> str:
    """Every initiative in the data, newest edition first, winners first."""
    md = Page()
    for e in reversed(bs.editions()):
        noms = sorted(
            (n for n in e.nominations if n.initiatives),
            key=lambda n: n.outcome is not Outcome.WINNER,
        )
        if not noms:
            continue
        md.heading(f"Prisen for {e.label}")
        md.items(
            f"**{n.municipality.name}** ({n.outcome.label})"
            + (f" – {i.name}" if i.name else "")
            + f": {i.summary} Kilde: {sh.source_links(i.sources, from_page=page)}."
            for n in noms
            for i in n.initiatives
        )
        link = sh.edition_link(e.label, from_page=page, text=f"prisen for {e.label}")
        md.para(f"Les mer på siden om {link}.")
    return md.text()


#: The editions the screen page shows, newest first (those with settlement figures).
SCREEN_EDITIONS = ("2022", "2021", "2018", "2016")


def _share(value: float | None) -> str:
    return "ikke vurderbar" if value is None else format_share(value)


def _count(value: int | None) -> str:
    return "–" if value is None else str(value)


def screen_tables(page: str) -> str:
    """For each edition in :data:`SCREEN_EDITIONS`: the nominees' places, then the top of the list."""
    md = Page()
    for label in SCREEN_EDITIONS:
        s = bs.screen(bs.edition(label))
        years = f"{s.settlement_years[0]}–{s.settlement_years[-1]}"
        known = sum(1 for r in s.rows if r.settled_share is not None)
        link = sh.edition_link(label, from_page=page, text=f"prisen for {label}")
        md.heading(f"Prisen for {label}")
        md.para(
            f"Bosatt mot anmodet i {years}, for de {len(s.rows)} kommunene i {s.year};",
            f"{known} av dem har et tall som kan vurderes. Se også {link}.",
        )
        md.para("De nominerte:")
        md.table(
            ("Plass", "Kommune", "Utfall", "Bosatt", "Anmodet", "Bosatt mot anmodet"),
            (
                (
                    r.rank,
                    str(r.municipality),
                    capital(r.outcome.label),
                    _count(r.settled),
                    _count(r.requested),
                    _share(r.settled_share),
                )
                for r in s.rows
                if r.outcome is not None and r.nominated
            ),
        )
        md.para("De ti øverste på listen:")
        md.table(
            ("Plass", "Kommune", "Bosatt", "Anmodet", "Bosatt mot anmodet"),
            (
                (
                    r.rank,
                    str(r.municipality),
                    str(r.settled),
                    str(r.requested),
                    _share(r.settled_share),
                )
                for r in s.rows[:10]
            ),
        )
    return md.text()


def main() -> None:
    """Write every page of this generator, in bokmål."""
    with bs.i18n.language("nb"):
        _write_pages()


def _write_pages() -> None:
    summary = []
    for e in bs.editions():
        with mkdocs_gen_files.open(sh.edition_page(e.label), "w", encoding="utf-8") as fh:
            fh.write(edition_markdown(e))
        summary.append(f"* [{e.label}]({sh.edition_slug(e.label)}.md)")
    with mkdocs_gen_files.open("prisen/index.md", "w", encoding="utf-8") as fh:
        fh.write(overview_markdown())
    sh.write_nav("prisen/SUMMARY.md", summary)

    summary = []
    for ids, group in reversed(sh.criteria_groups()):
        if not ids:
            continue
        path = sh.criteria_page(group)
        with mkdocs_gen_files.open(path, "w", encoding="utf-8") as fh:
            fh.write(criteria_markdown(group))
        labels = sh.label_range([e.label for e in group])
        summary.append(f"* [Kriterier {labels}]({path.removeprefix('slik-velges/')})")
    with mkdocs_gen_files.open("slik-velges/index.md", "w", encoding="utf-8") as fh:
        fh.write(rules_markdown())
    sh.write_nav("slik-velges/SUMMARY.md", summary)

    sh.fill("index.md", {"siste": home_latest})
    sh.fill("for-kommuner/index.md", {"siste": home_latest})
    sh.fill("for-kommuner/hva-juryen-ser-etter.md", {"nyeste-kriterier": latest_looks_for})
    sh.fill("for-kommuner/slik-blir-dere-nominert.md", {"nominasjon": routes_table})
    sh.fill("for-kommuner/eksempler-pa-tiltak.md", {"tiltak": initiative_examples})
    sh.fill("for-kommuner/bosetting-mot-anmodning.md", {"screen": screen_tables})


if __name__ in sh.RUN_NAMES:
    main()
