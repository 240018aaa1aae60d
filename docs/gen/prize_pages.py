"""Generate the pages about the prize: one per edition, the overview, the criteria by era.

Also fills the generated parts (``<!-- gen:NAME -->`` markers) of the home page and
of the hand-written pages for municipalities. Run by mkdocs-gen-files at build time.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import mkdocs_gen_files

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _shared as sh

import bosetting as bs

FIELD_NB = {
    "place": "sted",
    "award_date": "utdelingsdato",
    "note": "merknad",
    "prize_name": "prisens navn",
    "outcome": "resultat",
    "edition": "utgavens navn",
    "work_year": "arbeidsåret prisen gjelder",
}


def _municipality(n: Any) -> str:
    """A nominee's name as the sources wrote it, with the municipality where that differs."""
    name = n.municipality.name
    written = n.name_as_written
    if written and written != name:
        return f"{name} ({written})"
    return name


def _today(m: Any) -> str:
    """Today's municipality for a historical one, or why there is no single answer."""
    try:
        now = bs.current(m)
    except bs.BosettingError:
        return "uklart: kommunen ble delt"
    if now.code == m.code and now.name == m.name:
        return "samme"
    return f"{now.name} ({now.code})"


def _criteria_title(path: str) -> str:
    for ids, eds in sh.criteria_groups():
        if ids and sh.criteria_page(eds) == path:
            return f"Kriterier for {sh.label_range([e.label for e in eds])}"
    raise SystemExit(f"docs/gen: no criteria group for {path}")


def _conflicts_for(label: str) -> list[Any]:
    found = []
    for c in bs.conflicts():
        if (c.table == "editions" and c.key == label) or (
            c.table == "nominations" and c.key.rsplit("/", 1)[0] == label
        ):
            found.append(c)
    return found


def _source_line(s: Any, *, page: str) -> str:
    date = sh.date_nb(s.date)
    when = "" if date == sh.UNKNOWN else f" ({date})"
    note = f" – {s.note}" if s.note else ""
    return (
        f"- {sh.source_link(s.id, from_page=page)}: {s.publisher}{when}: [{s.title}]({s.url}){note}"
    )


def _conflict_block(c: Any, *, page: str) -> list[str]:
    field = FIELD_NB.get(c.field, c.field)
    what = "utgaven" if c.table == "editions" else f"nominasjonen {c.key}"
    out = [
        f"### {c.id}: {field}",
        "",
        f"Kildene er uenige om {field} for {what}.",
        "",
        f"- Noen kilder sier **{c.value_a}** ({sh.source_links(c.sources_a, from_page=page)}).",
        f"- Andre sier **{c.value_b}** ({sh.source_links(c.sources_b, from_page=page)}).",
    ]
    if c.resolution:
        out += ["", f"Slik er det løst i dataene: {c.resolution}"]
    if c.note:
        out += ["", f"Merknad: {c.note}"]
    return [*out, ""]


def edition_markdown(e: Any) -> str:
    """The page of one edition."""
    page = sh.edition_page(e.label)
    # The nav says just the label; the window title (front matter) says what the page is.
    lines = ["---", f"title: Prisen for {e.label}", "---", "", f"# Prisen for {e.label}", ""]
    if e.winner is not None:
        lines += [f"**{e.prize_name}** for {e.label} gikk til **{e.winner.name}**.", ""]
    else:
        lines += [f"For **{e.prize_name}** for {e.label} er ingen vinner kjent.", ""]

    work_year = str(e.work_year) if e.work_year is not None else sh.UNKNOWN
    route = sh.ROUTE_NB.get(sh.value(e.nomination_route), "Ikke oppgitt i kildene.")
    facts = [
        ("Prisens navn", e.prize_name),
        ("Status", sh.STATUS_NB.get(sh.value(e.status), sh.value(e.status))),
        ("Utdelt", sh.date_nb(e.award_when)),
        ("Sted", e.place or sh.UNKNOWN),
        ("Arrangement", e.event or sh.UNKNOWN),
        ("Arbeidsåret prisen gjelder", work_year),
        ("Slik ble kommunene nominert", route),
        (
            "Hvor mye vi vet om de nominerte",
            sh.NOMINEES_KNOWN_NB.get(sh.value(e.nominees_known), ""),
        ),
    ]
    if e.vote_opens.year is not None or e.vote_closes.year is not None:
        facts.append(
            ("Folkeavstemning", f"fra {sh.date_nb(e.vote_opens)} til {sh.date_nb(e.vote_closes)}")
        )
    lines += [sh.md_table(("Opplysning", "Verdi"), facts), ""]
    if e.note:
        lines += ['!!! note "Merknad"', "", f"    {e.note}", ""]

    lines += ["## Slik ble vinneren valgt", "", sh.rule_nb(e.rule), ""]
    crit_page = sh.criteria_page_for(e.label)
    lines += ["## Kriterier", ""]
    if crit_page is None:
        lines += ["Kildene oppgir ingen kriterier for denne utgaven.", ""]
    else:
        for i, c in enumerate(e.criteria.criteria, 1):
            lines.append(f"{i}. {c.text_nb}")
        lines += [
            "",
            "Les mer om hva juryen så etter på siden "
            f"[{_criteria_title(crit_page)}]({sh.rel(crit_page, from_page=page)}).",
            "",
        ]

    lines += ["## Nominerte", ""]
    if not e.nominations:
        lines += ["Ingen kilde vi har funnet, nevner nominerte for denne utgaven.", ""]
    else:
        header = ["Kommune", f"Kommunenummer i {e.reference_year}", "Resultat", "Kommunen i dag"]
        rows = [
            [
                _municipality(n),
                n.municipality.code,
                sh.OUTCOME_NB.get(sh.value(n.outcome), sh.value(n.outcome)),
                _today(n.municipality),
            ]
            for n in e.nominations
        ]
        # Columns that are empty for every nominee of the edition are left out.
        for title, values in (
            ("IMDi-region", [n.imdi_region or "" for n in e.nominations]),
            ("Merknad", [n.note or "" for n in e.nominations]),
        ):
            if any(values):
                header.append(title)
                for row, v in zip(rows, values, strict=True):
                    row.append(v)
        lines += [sh.md_table(header, rows), ""]

    lines += ["## Tiltak juryen og kildene trakk fram", ""]
    with_initiatives = [n for n in e.nominations if n.initiatives]
    if not with_initiatives:
        lines += ["Kildene beskriver ingen tiltak for denne utgaven.", ""]
    for n in with_initiatives:
        role = sh.OUTCOME_NB.get(sh.value(n.outcome), "").lower()
        lines += [f"### {n.municipality.name} ({role})", ""]
        for i in n.initiatives:
            head = f"**{i.name}**" if i.name else "**Tiltak**"
            partners = f" (sammen med {', '.join(i.partners)})" if i.partners else ""
            lines.append(
                f"- {head}{partners}: {i.summary_nb} "
                f"Kilde: {sh.source_links(i.sources, from_page=page)}."
            )
        lines.append("")

    conflicts = _conflicts_for(e.label)
    lines += ["## Der kildene er uenige", ""]
    if not conflicts:
        lines += ["Vi har ikke funnet kilder som motsier hverandre om denne utgaven.", ""]
    for c in conflicts:
        lines += _conflict_block(c, page=page)

    sources: dict[str, Any] = {}
    for s in e.sources:
        sources.setdefault(s.id, s)
    for n in e.nominations:
        for s in n.sources:
            sources.setdefault(s.id, s)
        for i in n.initiatives:
            for s in i.sources:
                sources.setdefault(s.id, s)
    for c in conflicts:
        for s in (*c.sources_a, *c.sources_b):
            sources.setdefault(s.id, s)
    lines += ["## Kilder", ""]
    lines += [_source_line(s, page=page) for s in sources.values()]
    lines.append("")
    return "\n".join(lines)


def overview_markdown() -> str:
    """The overview of every edition (the section page of *Prisen*)."""
    page = "prisen/index.md"
    eds = bs.editions()
    lines = [
        "# Prisen",
        "",
        "IMDi (Integrerings- og mangfoldsdirektoratet) gir prisen til en kommune som har gjort "
        "et godt arbeid med å bosette flyktninger og hjelpe dem videre til arbeid eller utdanning. "
        "Prisen het *Bosettingsprisen* til og med utgaven for 2016. Fra utgaven for 2018 heter den "
        "*Bosettings- og integreringsprisen*. Det finnes ingen utgave for arbeidsåret 2017.",
        "",
        "Merkelappen på en utgave er IMDis egen, og den er ikke alltid året prisen ble delt ut. "
        "Prisen for 2015 ble for eksempel delt ut i 2016.",
        "",
        f"Tabellen viser alle {len(eds)} utgavene vi har kilder for. Velg en utgave for å se "
        "nominerte, tiltak, kilder og steder der kildene er uenige.",
        "",
    ]
    rows = []
    for e in eds:
        link = f"[{e.label}]({sh.rel(sh.edition_page(e.label), from_page=page)})"
        rows.append(
            (
                link,
                sh.date_nb(e.award_when),
                e.prize_name,
                e.winner.name if e.winner is not None else "ukjent",
                len(e.nominations) or "ingen kjent",
                sh.rule_short_nb(e.rule),
            )
        )
    lines += [
        sh.md_table(
            ("Utgave", "Utdelt", "Navn", "Vinner", "Kommuner nevnt", "Slik ble vinneren valgt"),
            rows,
        ),
        "",
    ]
    common = [c for c in bs.conflicts() if c.table == "editions" and c.key == "(alle)"]
    if common:
        lines += ["## Der kildene er uenige om prisen som helhet", ""]
        for c in common:
            lines += _conflict_block(c, page=page)
    return "\n".join(lines)


def rules_markdown() -> str:
    """The section page of *Slik velges vinneren*: the decision rules by era."""
    page = "slik-velges/index.md"
    lines = [
        "# Slik velges vinneren",
        "",
        "Måten vinneren velges på har endret seg to ganger. Kriteriene har endret seg oftere. "
        "Her ser du først hvordan vinneren ble valgt i hver periode, og så hvilke kriterier "
        "som gjaldt for hver utgave.",
        "",
        "## Tre perioder",
        "",
    ]
    eras: list[tuple[str, list[Any]]] = []
    for e in bs.editions():
        name = type(e.rule).__name__
        if eras and eras[-1][0] == name:
            eras[-1][1].append(e)
        else:
            eras.append((name, [e]))
    for _, eds in eras:
        labels = [e.label for e in eds]
        lines += [
            f"### {sh.rule_short_nb(eds[0].rule)} ({labels[0]}–{labels[-1]})",
            "",
            sh.rule_nb(eds[0].rule),
            "",
            "Utgaver: "
            + ", ".join(
                f"[{e.label}]({sh.rel(sh.edition_page(e.label), from_page=page)})" for e in eds
            )
            + ".",
            "",
        ]
    lines += [
        '!!! info "Vekten er ikke kjent"',
        "",
        "    Fra 2021 veies folkeavstemningen og juryens vurdering sammen, men IMDi har ikke "
        "sagt hvor mye hver del teller. Når du regner på en slik utgave med biblioteket, må du "
        "selv oppgi vekten som en antakelse. Da ser du også hvor mye resultatet avhenger av den.",
        "",
        "## Kriteriene utgave for utgave",
        "",
    ]
    rows = []
    for ids, eds in sh.criteria_groups():
        for e in eds:
            if ids:
                target = sh.rel(sh.criteria_page(eds), from_page=page)
                crit = f"[{len(ids)} {'punkt' if len(ids) == 1 else 'punkter'}]({target})"
            else:
                crit = "ingen kjent"
            rows.append(
                (
                    f"[{e.label}]({sh.rel(sh.edition_page(e.label), from_page=page)})",
                    crit,
                    e.criteria.combination_nb or "",
                )
            )
    lines += [sh.md_table(("Utgave", "Kriterier", "Slik brukes kriteriene"), rows), ""]
    return "\n".join(lines)


def criteria_markdown(editions: list[Any], looks_for: dict[str, dict[str, str]]) -> str:
    """One criteria page for a group of editions that share their criteria."""
    page = sh.criteria_page(editions)
    labels = [e.label for e in editions]
    crit = editions[0].criteria
    word = "utgaven" if len(labels) == 1 else "utgavene"
    lines = [
        "---",
        f"title: Kriterier for {sh.label_range(labels)}",
        "---",
        "",
        f"# Kriterier for {sh.label_range(labels)}",
        "",
        f"Disse kriteriene gjaldt for {word} "
        + sh.join_nb([f"[{x}]({sh.rel(sh.edition_page(x), from_page=page)})" for x in labels])
        + ".",
        "",
    ]
    if crit.combination_nb:
        lines += [f"**Slik brukes kriteriene:** {crit.combination_nb}", ""]
    lines += ["## Punktene", ""]
    for i, c in enumerate(crit.criteria, 1):
        row = looks_for.get(c.id, {})
        kind = (
            "Målbart: kan regnes ut fra tall."
            if sh.value(c.kind) == "measurable"
            else "Skjønn: juryen vurderer."
        )
        lines += [f"### Punkt {i}", "", f"**{c.text_nb}**", ""]
        details = [f"- {kind}"]
        if row.get("looks_for_nb"):
            details.append(f"- Slik vurderes punktet: {row['looks_for_nb']}")
        if c.threshold is not None:
            details.append(f"- Terskel: {sh.number_nb(c.threshold)}")
        if row.get("note"):
            details.append(f"- Merknad: {row['note']}")
        details.append(f"- Kilder: {sh.source_links(c.sources, from_page=page)}")
        lines += [*details, ""]
    return "\n".join(lines)


def fill(page: str, parts: dict[str, Callable[[str], str]]) -> None:
    """Copy a hand-written page and replace its ``<!-- gen:NAME -->`` lines by generated text."""
    text = (sh.DOCS / page).read_text(encoding="utf-8")
    for name, make in parts.items():
        marker = f"<!-- gen:{name} -->"
        if marker not in text:
            raise SystemExit(f"docs/gen: {page} has no marker {marker}")
        text = text.replace(marker, make(page))
    with mkdocs_gen_files.open(page, "w", encoding="utf-8") as fh:
        fh.write(text)


def home_latest(page: str) -> str:
    """The two links a municipal reader needs first: the newest criteria and the last winner."""
    newest = bs.editions()[-1]
    won = sh.latest_awarded()
    crit = sh.criteria_page_for(newest.label)
    out = []
    if crit is not None:
        out.append(
            f"- [**Kriteriene for prisen for {newest.label}**]({sh.rel(crit, from_page=page)}): "
            "hva juryen ser etter nå."
        )
    else:
        out.append(f"- Kildene oppgir ingen kriterier for prisen for {newest.label} ennå.")
    initiatives = [i for n in won.nominations if n.outcome.value == "winner" for i in n.initiatives]
    did = f" {initiatives[0].summary_nb}" if initiatives else ""
    out.append(
        f"- [**Hva {won.winner.name} gjorde**]({sh.rel(sh.edition_page(won.label), from_page=page)}): "
        f"vinneren av prisen for {won.label}.{did}"
    )
    return "\n".join(out)


def routes_table(page: str) -> str:
    """How municipalities were nominated, edition by edition."""
    rows = []
    for e in bs.editions():
        vote = (
            f"{sh.date_nb(e.vote_opens)}–{sh.date_nb(e.vote_closes)}"
            if e.vote_opens.year is not None
            else ("ja" if type(e.rule).__name__ != "JuryOnly" else "nei")
        )
        rows.append(
            (
                f"[{e.label}]({sh.rel(sh.edition_page(e.label), from_page=page)})",
                sh.ROUTE_NB.get(sh.value(e.nomination_route), "Ikke oppgitt i kildene."),
                vote,
                len(e.nominations) or "ingen kjent",
            )
        )
    return sh.md_table(("Utgave", "Nominasjon", "Folkeavstemning", "Kommuner nevnt"), rows)


def latest_looks_for(page: str) -> str:
    """The newest criteria with what the jury looks for."""
    newest = bs.editions()[-1]
    looks = {r["criterion_id"]: r for r in sh.table("criteria.csv")}
    crit = sh.criteria_page_for(newest.label)
    if crit is None:
        return f"Kildene oppgir ingen kriterier for prisen for {newest.label}."
    lines = [f"Slik er punktene for prisen for {newest.label}:", ""]
    for c in newest.criteria.criteria:
        lines.append(f"- **{c.text_nb}** {looks.get(c.id, {}).get('looks_for_nb', '')}".rstrip())
    lines += ["", f"Se [alle detaljene og kildene]({sh.rel(crit, from_page=page)})."]
    return "\n".join(lines)


def initiative_examples(page: str) -> str:
    """Every initiative in the data, newest edition first, winners first."""
    lines: list[str] = []
    for e in reversed(bs.editions()):
        noms = [n for n in e.nominations if n.initiatives]
        if not noms:
            continue
        noms.sort(key=lambda n: n.outcome.value != "winner")
        link = sh.rel(sh.edition_page(e.label), from_page=page)
        lines += [f"## Prisen for {e.label}", ""]
        for n in noms:
            role = sh.OUTCOME_NB.get(sh.value(n.outcome), "").lower()
            for i in n.initiatives:
                name = f" – {i.name}" if i.name else ""
                lines.append(
                    f"- **{n.municipality.name}** ({role}){name}: {i.summary_nb} "
                    f"Kilde: {sh.source_links(i.sources, from_page=page)}."
                )
        lines += ["", f"Les mer på siden om [prisen for {e.label}]({link}).", ""]
    return "\n".join(lines)


#: The editions the screen page shows, newest first (those with settlement figures).
SCREEN_EDITIONS = ("2022", "2021", "2018", "2016")


def _share(value: float | None) -> str:
    return (
        "ikke vurderbar" if value is None else f"{value:.1%}".replace(".", ",").replace("%", " %")
    )


def screen_tables(page: str) -> str:
    """For each edition in :data:`SCREEN_EDITIONS`: the nominees' places, then the top of the list."""
    lines: list[str] = []
    for label in SCREEN_EDITIONS:
        s = bs.screen(bs.edition(label))
        years = f"{s.settlement_years[0]}–{s.settlement_years[-1]}"
        known = sum(1 for r in s.rows if r.settled_share is not None)
        link = "../" * page.count("/") + sh.edition_page(label)
        lines += [
            f"## Prisen for {label}",
            "",
            f"Bosatt av anmodet i {years}, for de {len(s.rows)} kommunene i {s.year}; "
            f"{known} av dem har et tall som kan vurderes. Se også [prisen for {label}]({link}).",
            "",
            "De nominerte:",
            "",
        ]
        rows = []
        for r in s.rows:
            if r.outcome is None or not r.nominated:
                continue
            role = sh.OUTCOME_NB.get(sh.value(r.outcome), "")
            settled = "–" if r.settled is None else str(r.settled)
            requested = "–" if r.requested is None else str(r.requested)
            rows.append(
                (r.rank, str(r.municipality), role, settled, requested, _share(r.settled_share))
            )
        lines.append(
            sh.md_table(
                ("Plass", "Kommune", "Utfall", "Bosatt", "Anmodet", "Bosatt av anmodet"), rows
            )
        )
        lines += ["De ti øverste på listen:", ""]
        top = [
            (r.rank, str(r.municipality), str(r.settled), str(r.requested), _share(r.settled_share))
            for r in s.rows[:10]
        ]
        lines.append(
            sh.md_table(("Plass", "Kommune", "Bosatt", "Anmodet", "Bosatt av anmodet"), top)
        )
    return "\n".join(lines)


def main() -> None:
    """Write every page of this generator."""
    eds = bs.editions()
    summary = []
    for e in eds:
        with mkdocs_gen_files.open(sh.edition_page(e.label), "w", encoding="utf-8") as fh:
            fh.write(edition_markdown(e))
        summary.append(f"* [{e.label}]({sh.edition_slug(e.label)}.md)")
    with mkdocs_gen_files.open("prisen/index.md", "w", encoding="utf-8") as fh:
        fh.write(overview_markdown())
    sh.write_nav("prisen/SUMMARY.md", summary)

    looks_for = {r["criterion_id"]: r for r in sh.table("criteria.csv")}
    summary = []
    for ids, group in reversed(sh.criteria_groups()):
        if not ids:
            continue
        path = sh.criteria_page(group)
        with mkdocs_gen_files.open(path, "w", encoding="utf-8") as fh:
            fh.write(criteria_markdown(group, looks_for))
        labels = sh.label_range([e.label for e in group])
        summary.append(f"* [Kriterier {labels}]({path.removeprefix('slik-velges/')})")
    with mkdocs_gen_files.open("slik-velges/index.md", "w", encoding="utf-8") as fh:
        fh.write(rules_markdown())
    sh.write_nav("slik-velges/SUMMARY.md", summary)

    fill("index.md", {"siste": home_latest})
    fill("for-kommuner/index.md", {"siste": home_latest})
    fill("for-kommuner/hva-juryen-ser-etter.md", {"nyeste-kriterier": latest_looks_for})
    fill("for-kommuner/slik-blir-dere-nominert.md", {"nominasjon": routes_table})
    fill("for-kommuner/eksempler-pa-tiltak.md", {"tiltak": initiative_examples})
    fill("for-kommuner/bosetting-mot-anmodning.md", {"screen": screen_tables})


main()
