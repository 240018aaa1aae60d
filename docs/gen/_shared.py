"""Helpers shared by the page generators in ``docs/gen/``.

The generators use only the public API (``import bosetting as bs``) and the
shipped tables in ``datasets/``; every word a reader sees is written here or in
the hand-written pages, in bokmål unless the page is for analysts.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import bosetting as bs

ROOT = Path(__file__).resolve().parents[2]
DATASETS = ROOT / "datasets"
DOCS = ROOT / "docs"


def notebooks_dir() -> Path:
    """Where the workshop notebooks are: ``notebooks/``, or ``$BOSETTING_DOCS_NOTEBOOKS`` (tests)."""
    return Path(os.environ.get("BOSETTING_DOCS_NOTEBOOKS", ROOT / "notebooks"))


MONTHS_NB = (
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
)

OUTCOME_NB = {
    "winner": "Vinner",
    "finalist": "Finalist",
    "nominee": "Nominert",
    "candidate": "Nevnt som sterk kandidat",
}

NOMINEES_KNOWN_NB = {
    "complete": "Alle nominerte er kjent.",
    "partial": "Bare noen av kandidatene er kjent.",
    "winner_only": "Bare vinneren er kjent.",
    "none": "Ingen nominerte er kjent.",
}

STATUS_NB = {
    "awarded": "Delt ut",
    "planned": "Bare kunngjort; ingen kilde viser at prisen ble delt ut",
    "unknown": "Ukjent",
}

ROUTE_NB = {
    "imdi": "IMDi nominerte kommunene.",
    "imdi_regions": "Hvert av IMDis regionkontorer nominerte én kommune.",
    "self_nomination": "Kommunene meldte seg på selv.",
}

UNKNOWN = "ukjent"


def table(path: str) -> list[dict[str, str]]:
    """Read one shipped table as a list of rows (all values text, empty for unknown)."""
    with (DATASETS / path).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def datapackage() -> dict[str, Any]:
    """Return the parsed ``datasets/datapackage.json``."""
    result: dict[str, Any] = json.loads((DATASETS / "datapackage.json").read_text("utf-8"))
    return result


def edition_slug(label: str) -> str:
    """File name (without ``.md``) of an edition's page: ``2019/2020`` -> ``2019-2020``."""
    return label.replace("/", "-")


def edition_page(label: str) -> str:
    """Docs-relative path of an edition's page."""
    return f"prisen/{edition_slug(label)}.md"


def value(x: object) -> str:
    """The text of an enum member or a plain value."""
    return str(getattr(x, "value", x))


def date_nb(d: Any) -> str:
    """A partial date in bokmål: ``13. februar 2019``, ``november 2025``, ``2010`` or ``ukjent``."""
    year, month, day = getattr(d, "year", None), getattr(d, "month", None), getattr(d, "day", None)
    if year is None:
        return UNKNOWN
    if month is None:
        return str(year)
    if day is None:
        return f"{MONTHS_NB[month - 1]} {year}"
    return f"{day}. {MONTHS_NB[month - 1]} {year}"


def number_nb(x: float | str) -> str:
    """A decimal with a comma, as bokmål writes it: ``0.9`` -> ``0,9``."""
    return str(x).replace(".", ",")


def cell(text: object) -> str:
    """Text safe inside one cell of a Markdown table."""
    return str(text).replace("|", "\\|").replace("\n", " ").strip()


def md_table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A Markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def source_link(source_id: str, *, from_page: str) -> str:
    """A link from ``from_page`` (docs-relative) to a source's row on the sources page."""
    depth = from_page.count("/")
    return f"[{source_id}]({'../' * depth}kilder.md#{source_id})"


def source_links(sources: Iterable[Any], *, from_page: str) -> str:
    """Comma-separated links to several sources (objects with ``.id``, or ids)."""
    ids = [getattr(s, "id", s) for s in sources]
    return ", ".join(source_link(i, from_page=from_page) for i in dict.fromkeys(ids))


def rel(target: str, *, from_page: str) -> str:
    """A relative link from one docs page to another (both docs-relative paths)."""
    return "../" * from_page.count("/") + target


def rule_nb(rule: object) -> str:
    """How the winner is chosen under a decision rule, in one or two bokmål sentences."""
    name = type(rule).__name__
    if name == "JuryOnly":
        return "Juryen valgte vinneren blant de nominerte. Det var ingen folkeavstemning."
    if name == "TopKThenJury":
        k = getattr(rule, "k", None)
        return (
            f"Publikum stemte over de nominerte. De {k} med flest stemmer ble finalister, "
            "og juryen valgte vinneren blant dem."
        )
    if name == "WeightedBlend":
        weight = getattr(rule, "public_weight", None)
        tail = (
            "IMDi har ikke offentliggjort hvor mye hver del teller."
            if weight is None
            else f"Her er folkeavstemningen antatt å telle {number_nb(weight * 100)} %."
        )
        return f"Folkeavstemningen og juryens faglige vurdering ble veid sammen. {tail}"
    raise SystemExit(f"docs/gen: no bokmål text for the decision rule {name!r}")


def rule_short_nb(rule: object) -> str:
    """A short name for a decision rule, for tables."""
    names = {
        "JuryOnly": "Juryen alene",
        "TopKThenJury": "Folkeavstemning, så jury",
        "WeightedBlend": "Folkeavstemning og jury veid sammen",
    }
    name = type(rule).__name__
    if name not in names:
        raise SystemExit(f"docs/gen: no bokmål name for the decision rule {name!r}")
    return names[name]


def join_nb(items: Sequence[str]) -> str:
    """``a``, ``a og b``, ``a, b og c``."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " og " + items[-1]


def label_range(labels: Sequence[str]) -> str:
    """``2024``, ``2024 og 2025`` or ``2010–2011`` style text for consecutive edition labels."""
    if len(labels) == 1:
        return labels[0]
    if len(labels) == 2:
        return f"{labels[0]} og {labels[1]}"
    return f"{labels[0]}–{labels[-1]}"


def criteria_groups() -> list[tuple[tuple[str, ...], list[Any]]]:
    """Consecutive editions that share the same list of criteria, oldest first.

    Returns:
        ``(criterion ids, editions)`` pairs; editions without criteria are included
        with an empty id tuple.
    """
    groups: list[tuple[tuple[str, ...], list[Any]]] = []
    for e in bs.editions():
        ids = tuple(c.id for c in e.criteria.criteria)
        if groups and groups[-1][0] == ids:
            groups[-1][1].append(e)
        else:
            groups.append((ids, [e]))
    return groups


def criteria_page(editions: Sequence[Any]) -> str:
    """Docs-relative path of the criteria page for a group of editions."""
    first, last = edition_slug(editions[0].label), edition_slug(editions[-1].label)
    return (
        f"slik-velges/kriterier-{first}.md"
        if first == last
        else (f"slik-velges/kriterier-{first}-til-{last}.md")
    )


def criteria_page_for(label: str) -> str | None:
    """The criteria page of the edition ``label``, or None if no criteria are known."""
    for ids, eds in criteria_groups():
        if any(e.label == label for e in eds):
            return criteria_page(eds) if ids else None
    return None


def latest_awarded() -> Any:
    """The newest edition with a known winner."""
    return next(e for e in reversed(bs.editions()) if e.winner is not None)


def write_nav(path: str, lines: Iterable[str]) -> None:
    """Write a literate-nav file (``SUMMARY.md``) that is read for the nav but not made a page."""
    import mkdocs_gen_files
    from mkdocs.structure.files import InclusionLevel

    with mkdocs_gen_files.open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    nav_file = mkdocs_gen_files.FilesEditor.current().files.get_file_from_path(path)
    if nav_file is None:
        raise SystemExit(f"docs/gen: could not find the nav file {path} just written")
    nav_file.inclusion = InclusionLevel.EXCLUDED
