"""Generate the sources page, the changelog page and the workshop section's notebook pages.

Run by mkdocs-gen-files at build time. Every ``notebooks/*.ipynb`` becomes a page
under *Læringsverksted* (mkdocs-jupyter renders it with the outputs as stored);
with no notebooks the section holds only its introduction.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import mkdocs_gen_files

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _shared as sh

import bosetting as bs

KIND_NB = {
    "imdi": "IMDi",
    "government": "Regjeringen og departementene",
    "municipality": "Kommuner og kommunale foretak",
    "press-release": "Pressemeldinger",
    "news": "Nyhetsmedier",
    "ssb": "Statistisk sentralbyrå",
    "github-copy": "Kopier av offentlige data",
    "other": "Andre",
}

LANGUAGE_NB = {"nb": "bokmål", "nn": "nynorsk", "en": "engelsk"}

TABLE_NB = {
    "municipalities": "kommuner",
    "municipality_changes": "kommuneendringer",
    "editions": "utgaver",
    "nominations": "nominasjoner",
    "initiatives": "tiltak",
    "conflicts": "uenigheter",
    "criteria": "kriterier",
    "intro_outcomes": "introresultater",
    "settlement": "bosetting",
}


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


def sources_page() -> str:
    """Every source in sources.csv, grouped by kind of publisher."""
    rows = sh.table("sources.csv")
    used = citations()
    lines = [
        "# Kilder",
        "",
        f"Alle opplysninger i dataene og på dette nettstedet bygger på de {len(rows)} kildene "
        "nedenfor. Hver rad i tabellene viser til én eller flere av dem. Tekstene i dataene er "
        "skrevet med våre egne ord; kildene er der du kan sjekke fakta.",
        "",
        "«Brukt i» viser hvor mange rader i hver tabell som viser til kilden. "
        "Tabellene er beskrevet i [dataordlisten](analysts/data-dictionary.md) (på engelsk).",
        "",
    ]
    order = list(KIND_NB)
    kinds = sorted({r["kind"] for r in rows}, key=lambda k: order.index(k) if k in order else 99)
    for kind in kinds:
        lines += [f"## {KIND_NB.get(kind, kind)}", ""]
        for r in (r for r in rows if r["kind"] == kind):
            sid = r["source_id"]
            count = used.get(sid, Counter())
            where = sh.join_nb([f"{TABLE_NB.get(t, t)} {n}" for t, n in sorted(count.items())])
            date = sh.date_nb(bs.PartialDate.parse(r["published"]))
            language = LANGUAGE_NB.get(r["language"], r["language"])
            note = f" {r['note'].rstrip('.')}." if r["note"] else ""
            note = note[:2].upper() + note[2:] if note else ""
            lines.append(
                f'- <span id="{sid}">**{sid}**</span>: {r["publisher"]} ({date}, {language}): '
                f"[{r['title']}]({r['url']}).{note} "
                f"*Brukt i:* {where or 'ingen rader'}."
            )
        lines.append("")
    return "\n".join(lines)


def changelog_page() -> str:
    """CHANGELOG.md with a bokmål heading."""
    text = (sh.ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    body = text.split("\n", 1)[1] if text.startswith("# ") else text
    return (
        "# Endringslogg\n\n"
        "Endringsloggen føres på engelsk, slik koden og dokumentasjonen for analytikere er. "
        "Den er hentet fra `CHANGELOG.md` i kodelageret.\n\n"
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


def workshop() -> None:
    """The notebook pages and the nav of *Læringsverksted*."""
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
        text = "Notatbøkene er ikke lagt ut ennå. Når de er klare, står de i lista her."
    page = (sh.DOCS / "verksted" / "index.md").read_text(encoding="utf-8")
    marker = "<!-- gen:notatboker -->"
    if marker not in page:
        raise SystemExit(f"docs/gen: verksted/index.md has no marker {marker}")
    with mkdocs_gen_files.open("verksted/index.md", "w", encoding="utf-8") as fh:
        fh.write(page.replace(marker, text))
    if nav:  # an empty nav file would make literate-nav list the nav file itself
        sh.write_nav("verksted/SUMMARY.md", nav)


def main() -> None:
    """Write every page of this generator."""
    with mkdocs_gen_files.open("kilder.md", "w", encoding="utf-8") as fh:
        fh.write(sources_page())
    with mkdocs_gen_files.open("endringslogg.md", "w", encoding="utf-8") as fh:
        fh.write(changelog_page())
    workshop()


main()
