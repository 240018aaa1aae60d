"""Generate the sources page, the changelog page and the workshop section's pages.

Run by mkdocs-gen-files at build time. Every ``notebooks/*.ipynb`` becomes a page
under *Læringsverksted* (mkdocs-jupyter renders it with the outputs as stored);
with no notebooks the section holds only its introduction. The participants'
handout (``verksted/deltakerhefte.md``) gets one page per nominee of the edition
the workshop practises on and a paper jury sheet, both from
:mod:`bosetting.workshop`.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import mkdocs_gen_files

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _shared as sh
from _shared import Page, capital

import bosetting as bs
from bosetting.citation import citation_data
from bosetting.data import sources as all_sources
from bosetting.data import table_label
from bosetting.i18n import format_date, join_words
from bosetting.model import SOURCE_KINDS, Source


def citations() -> dict[str, Counter[str]]:
    """For each source id, how many rows of each table cite it."""
    used: dict[str, Counter[str]] = {}
    for r in sh.datapackage()["resources"]:
        cols = [f["name"] for f in r["schema"]["fields"] if f["name"].startswith("source_ids")]
        if not cols:
            continue
        for row in sh.table(r["path"]):
            ids = {i.strip() for c in cols for i in (row[c] or "").split(";") if i.strip()}
            for i in ids:
                used.setdefault(i, Counter())[r["name"]] += 1
    return used


def _source_line(s: Source, used: Counter[str]) -> str:
    where = join_words(f"{table_label(t)} {n}" for t, n in sorted(used.items()))
    date = format_date(s.date)
    note = f" {str(s.note).rstrip('.')}." if s.note else ""
    note = note[:2].upper() + note[2:] if note else ""
    return (
        f'- <span id="{s.id}">**{s.id}**</span>: {s.publisher} ({date}, {s.language_label}): '
        f"[{s.title}]({s.url}).{note} "
        f"*Brukt i:* {where or 'ingen rader'}."
    )


def sources_page() -> str:
    """Every source in sources.csv, grouped by kind of publisher."""
    sources = list(all_sources().values())
    used = citations()
    lines = [
        "# Kilder",
        "",
        f"Alle opplysninger i dataene og på dette nettstedet bygger på de {len(sources)} kildene "
        "nedenfor. Hver rad i tabellene viser til én eller flere av dem. Tekstene i dataene er "
        "skrevet med våre egne ord; kildene er der du kan sjekke fakta.",
        "",
        "«Brukt i» viser hvor mange rader i hver tabell som viser til kilden. "
        "Tabellene er beskrevet i [dataordlisten](analysts/data-dictionary.md) (på engelsk).",
        "",
    ]
    order = list(SOURCE_KINDS)
    kinds = sorted({s.kind or "other" for s in sources}, key=order.index)
    for kind in kinds:
        group = [s for s in sources if (s.kind or "other") == kind]
        lines += [f"## {capital(group[0].kind_label)}", ""]
        lines += [_source_line(s, used.get(s.id, Counter())) for s in group]
        lines.append("")
    return "\n".join(lines)


def changelog_page() -> str:
    """CHANGELOG.md with a bokmål heading."""
    text = (sh.ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    body = text.split("\n", 1)[1] if text.startswith("# ") else text
    url = citation_data()["software"]["url"]
    if url:
        where = f"Den er hentet fra `CHANGELOG.md` i [kodelageret]({url})."
    else:
        where = (
            "Den er hentet fra `CHANGELOG.md` i kodelageret. Kodelageret har ingen offentlig "
            "adresse ennå; når det får en, føres den inn under `[project.urls]` i "
            "`pyproject.toml`, og da lenker toppen av hver side til det."
        )
    return (
        "# Endringslogg\n\n"
        "Endringsloggen føres på engelsk, slik koden og dokumentasjonen for analytikere er. "
        f"{where}\n\n"
        '<div lang="en" markdown>\n' + body + "\n</div>\n"
    )


def notebook_title(path: Path) -> str:
    """The first Markdown heading of a notebook, else its file name."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    for c in nb.get("cells", []):
        if c.get("cell_type") != "markdown":
            continue
        src = "".join(c.get("source", []))
        for line in src.splitlines():
            if line.startswith("#"):
                return line.lstrip("#").strip()
    return path.stem.replace("_", " ").replace("-", " ")


def nominee_pages(page: str) -> str:
    """One printed page per nominee of the edition the workshop practises on, from the library."""
    e = bs.workshop.exercise_edition()
    md = Page()
    md.heading(f"De nominerte i {e.label}-utgaven")
    md.para(
        f"Her er det dataene sier om hver av de {len(e.nominees)} nominerte: hvor mange flyktninger "
        "kommunen bosatte mot hvor mange den ble bedt om, tall for introduksjonsprogrammet der vi har "
        "dem, og tiltakene kildene trekker fram. Der et tall mangler, står det. Hver kommune har sin "
        "egen side når heftet skrives ut."
    )
    for profile in bs.workshop.nominee_profiles(e):
        m = profile.municipality
        md.heading(f"{m.name} {{ .ny-side }}", 3)
        md.para(f"{m.county}. {capital(profile.settlement)}.")
        if profile.intro:
            md.para(" ".join(line.strip() for line in profile.intro))
        initiatives = profile.initiatives or ("Kildene omtaler ingen tiltak.",)
        md.items(initiatives)
        md.para(
            "**Mine notater:** ______________________________________________",
            "______________________________________________________________",
        )
    return md.text()


def jury_sheet(page: str) -> str:
    """A paper jury sheet for one juror: the edition's criteria to think of, a score per nominee."""
    e = bs.workshop.exercise_edition()
    md = Page()
    md.heading(f"Papirjuryark for {e.label}-utgaven {{ .ny-side }}")
    md.para(
        "Fyll ut arket på egen hånd før gruppen snakker sammen. Gi hver kommune ett samlet poeng fra "
        "1 til 6, der 6 er best: sett ring rundt tallet. Skriv poengene inn i juryarket i notatbok 3 "
        "etterpå. Dette er ØVINGSDATA, ikke IMDis jury."
    )
    md.para("**Jurymedlem:** ______________________   **Gruppe:** __________")
    md.para(f"Kriteriene for {e.label}-utgaven, som dere kan tenke på:")
    if e.criteria.assumed:
        md.para(str(e.criteria.assumption()))
    md.items(f"{c.text}{sh.ours_note(c)}" for c in e.criteria)
    md.table(
        ("Kommune", "Poeng (sett ring rundt ett)", "Hvorfor?"),
        ((m.name, "1 · 2 · 3 · 4 · 5 · 6", "") for m in e.nominees),
    )
    return md.text()


def workshop() -> None:
    """The notebook pages, the participants' handout and the nav of *Læringsverksted*."""
    sh.fill("verksted/deltakerhefte.md", {"nominerte": nominee_pages, "juryark": jury_sheet})
    notebooks = sorted(sh.notebooks_dir().glob("*.ipynb"))
    nav: list[str] = []
    # Hand-written pages of the section (a facilitator's guide, say) come before the notebooks.
    for md in sorted((sh.DOCS / "verksted").glob("*.md")):
        if md.name in ("index.md", "SUMMARY.md"):
            continue
        heading = next(
            (
                ln[2:].strip()
                for ln in md.read_text(encoding="utf-8").splitlines()
                if ln.startswith("# ")
            ),
            md.stem,
        )
        nav.append(f"* [{heading}]({md.name})")
    listing = []
    for nb in notebooks:
        title = notebook_title(nb)
        with mkdocs_gen_files.open(f"verksted/{nb.name}", "wb") as fh:
            fh.write(nb.read_bytes())
        nav.append(f"* [{title}]({nb.name})")
        # mkdocs-jupyter (include_source) puts the notebook file beside its page.
        download = f'<a href="{nb.stem}/{nb.name}" download>last ned notatboken</a>'
        listing.append(f"1. [{title}]({nb.name}) ({download})")
    if listing:
        text = "\n".join(listing)
    else:
        text = "Notatbøkene er ikke lagt ut ennå. Når de er klare, står de i listen her."
    sh.fill("verksted/index.md", {"notatboker": lambda page: text})
    if nav:  # an empty nav file would make literate-nav list the nav file itself
        sh.write_nav("verksted/SUMMARY.md", nav)


def main() -> None:
    """Write every page of this generator, in bokmål."""
    with bs.i18n.language("nb"):
        with mkdocs_gen_files.open("kilder.md", "w", encoding="utf-8") as fh:
            fh.write(sources_page())
        with mkdocs_gen_files.open("endringslogg.md", "w", encoding="utf-8") as fh:
            fh.write(changelog_page())
        workshop()


if __name__ in sh.RUN_NAMES:
    main()
