"""Helpers shared by the page generators in ``docs/gen/``: paths, links and a Markdown page builder.

The generators use only the public API (``import bosetting as bs``) and the
tables the library reads (``datasets/``, or the copy ``$BOSETTING_DATASETS`` names). They keep no words of their own for what the
library names: outcomes, statuses, rules, routes, dates, numbers and lists are
written by the library (``.label``, ``rule.describe()``, the formatters of
:mod:`bosetting.i18n`) inside ``with bs.i18n.language("nb")``, so the site and
the command say the same. What is written here is the site's own prose.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import bosetting as bs
from bosetting.data import dataset_root, descriptor
from bosetting.i18n import join_words
from bosetting.model import Criterion, Edition, Source

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

#: The ``__name__`` a generator runs under: mkdocs-gen-files runs it with ``runpy.run_path``.
RUN_NAMES = ("__main__", "<run_path>")


def notebooks_dir() -> Path:
    """Where the workshop notebooks are: ``notebooks/``, or ``$BOSETTING_DOCS_NOTEBOOKS`` (tests)."""
    return Path(os.environ.get("BOSETTING_DOCS_NOTEBOOKS", ROOT / "notebooks"))


def table(path: str) -> list[dict[str, str]]:
    """Read one table the library reads as a list of rows (all values text, empty for unknown)."""
    text = dataset_root().joinpath(path).read_bytes().decode("utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def datapackage() -> dict[str, Any]:
    """Return the parsed ``datapackage.json`` the library reads."""
    return descriptor()


def edition_slug(label: str) -> str:
    """File name (without ``.md``) of an edition's page: ``2019/2020`` -> ``2019-2020``."""
    return label.replace("/", "-")


def edition_page(label: str) -> str:
    """Docs-relative path of an edition's page."""
    return f"prisen/{edition_slug(label)}.md"


def municipality_page(code: str) -> str:
    """Docs-relative path of a municipality of today's page (*Slik står kommunen*), by its code."""
    return f"kommuner/{code}.md"


def capital(text: str) -> str:
    """The text with its first letter upper case (a library word starting a table cell)."""
    return text[:1].upper() + text[1:]


def cell(text: object) -> str:
    """Text safe inside one cell of a Markdown table (``<`` and ``>`` shown, not read as HTML).

    Examples:
        >>> cell("<edition>-<code>")
        '&lt;edition&gt;-&lt;code&gt;'
    """
    shown = str(text).replace("<", "&lt;").replace(">", "&gt;")
    return shown.replace("|", "\\|").replace("\n", " ").strip()


def md_table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A Markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def source_link(source_id: str, *, from_page: str) -> str:
    """A link from ``from_page`` (docs-relative) to a source's row on the sources page."""
    depth = from_page.count("/")
    return f"[{source_id}]({'../' * depth}kilder.md#{source_id})"


def source_links(sources: Iterable[Source], *, from_page: str) -> str:
    """Comma-separated links to several sources, each once."""
    ids = dict.fromkeys(s.id for s in sources)
    return ", ".join(source_link(i, from_page=from_page) for i in ids)


def rel(target: str, *, from_page: str) -> str:
    """A relative link from one docs page to another (both docs-relative paths)."""
    return "../" * from_page.count("/") + target


def edition_link(label: str, *, from_page: str, text: str | None = None) -> str:
    """A link from ``from_page`` to an edition's page (its label as the text by default)."""
    return f"[{text or label}]({rel(edition_page(label), from_page=from_page)})"


def label_range(labels: Sequence[str]) -> str:
    """``2024``, ``2024 og 2025`` or ``2010–2011`` style text for consecutive edition labels."""
    if len(labels) <= 2:
        return join_words(labels)
    return f"{labels[0]}–{labels[-1]}"


def ours_note(c: Criterion) -> str:
    """For a criterion the tool computes, its note in italics (where the split or the grense is ours)."""
    return f" *{c.note}*" if c.threshold is not None and c.note else ""


def criteria_groups() -> list[tuple[tuple[str, ...], list[Edition]]]:
    """Consecutive editions that share the same list of criteria, oldest first.

    Returns:
        ``(criterion ids, editions)`` pairs; editions without criteria are included
        with an empty id tuple.
    """
    groups: list[tuple[tuple[str, ...], list[Edition]]] = []
    for e in bs.editions():
        ids = tuple(c.id for c in e.criteria.criteria)
        if groups and groups[-1][0] == ids:
            groups[-1][1].append(e)
        else:
            groups.append((ids, [e]))
    return groups


def criteria_page(editions: Sequence[Edition]) -> str:
    """Docs-relative path of the criteria page for a group of editions."""
    first, last = edition_slug(editions[0].label), edition_slug(editions[-1].label)
    if first == last:
        return f"slik-velges/kriterier-{first}.md"
    return f"slik-velges/kriterier-{first}-til-{last}.md"


def criteria_page_for(label: str) -> str | None:
    """The criteria page of the edition ``label``, or None if no criteria are known."""
    for ids, eds in criteria_groups():
        if any(e.label == label for e in eds):
            return criteria_page(eds) if ids else None
    return None


class Page:
    r"""A Markdown page built block by block: headings, paragraphs, lists, tables, notes.

    Each method adds one block and returns the page, so a section reads as a chain;
    :meth:`text` joins the blocks with blank lines.

    Examples:
        >>> Page("Tittel").para("Ett avsnitt.").items(["a", "b"]).text()
        '# Tittel\n\nEtt avsnitt.\n\n- a\n- b\n'
    """

    def __init__(self, title: str | None = None, *, window_title: bool = False) -> None:
        self._blocks: list[str] = []
        self._front: dict[str, Any] = {}
        if title is not None and window_title:
            # The nav says just the label; the window title (front matter) says what the page is.
            self._front["title"] = title
        if title is not None:
            self._blocks.append(f"# {title}")

    def front(self, key: str, value: Any) -> Page:
        """Set one key of the page's front matter (``search``: ``{"boost": 2}``, say)."""
        self._front[key] = value
        return self

    def heading(self, text: str, level: int = 2) -> Page:
        """Add a heading (``##`` by default)."""
        self._blocks.append(f"{'#' * level} {text}")
        return self

    def para(self, *sentences: str) -> Page:
        """Add a paragraph of sentences (nothing when all are empty)."""
        text = " ".join(s for s in sentences if s)
        if text:
            self._blocks.append(text)
        return self

    def items(self, lines: Iterable[str], *, numbered: bool = False) -> Page:
        """Add a list (bullets, or ``1.``, ``2.`` … when ``numbered``); nothing when empty."""
        block = "\n".join(
            (f"{i}. " if numbered else "- ") + line for i, line in enumerate(lines, start=1)
        )
        if block:
            self._blocks.append(block)
        return self

    def table(self, header: Sequence[str], rows: Iterable[Sequence[object]]) -> Page:
        """Add a table."""
        self._blocks.append(md_table(header, rows).rstrip("\n"))
        return self

    def note(self, kind: str, title: str, text: str) -> Page:
        """Add an admonition (``!!! note "Merknad"``) holding one paragraph."""
        self._blocks.append(f'!!! {kind} "{title}"\n\n    {text}')
        return self

    def raw(self, markdown: str) -> Page:
        """Add Markdown made elsewhere, as it is."""
        if markdown.strip():
            self._blocks.append(markdown.strip("\n"))
        return self

    def text(self) -> str:
        """The page's Markdown (with its front matter, as JSON, which YAML reads, if it has one)."""
        body = "\n\n".join(self._blocks) + "\n"
        if not self._front:
            return body
        lines = [f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in self._front.items()]
        return "---\n" + "\n".join(lines) + "\n---\n\n" + body


def fill(page: str, parts: dict[str, Callable[[str], str]]) -> None:
    """Copy a hand-written page and replace its ``<!-- gen:NAME -->`` lines by generated text."""
    import mkdocs_gen_files

    text = (DOCS / page).read_text(encoding="utf-8")
    for name, make in parts.items():
        marker = f"<!-- gen:{name} -->"
        if marker not in text:
            raise SystemExit(f"docs/gen: {page} has no marker {marker}")
        text = text.replace(marker, make(page))
    with mkdocs_gen_files.open(page, "w", encoding="utf-8") as fh:
        fh.write(text)


def write_nav(path: str, lines: Iterable[str]) -> None:
    """Write a literate-nav file (``SUMMARY.md``) that is read for the nav but not made a page."""
    import mkdocs_gen_files
    from mkdocs.structure.files import InclusionLevel
    from mkdocs_gen_files.editor import FilesEditor

    with mkdocs_gen_files.open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    nav_file = FilesEditor.current().files.get_file_from_path(path)
    if nav_file is None:
        raise SystemExit(f"docs/gen: could not find the nav file {path} just written")
    nav_file.inclusion = InclusionLevel.EXCLUDED
