"""How to cite bosetting, its data and the primary sources behind the data.

:func:`cite` writes one citation in three forms: ``"text"`` (to read),
``"bibtex"`` (biblatex entries: ``@software`` for the library, ``@dataset`` for
the data, ``@online`` for each primary source) and ``"cff"`` (Citation File
Format 1.2.0; the repository's ``CITATION.cff`` is this output, and a test keeps
them equal). :func:`citation_data` is the same as data (the command's
``--format json``). Every part comes from one place: the library's name,
version, authors, licence and keywords from the installed package; the data's
title, version, year and licences from ``datapackage.json``; the sources from
``sources.csv``. A project URL is given only when a real one is published
(none is yet).

Examples:
    >>> text = cite()
    >>> text.splitlines()[0].startswith("The bosetting developers (")
    True
    >>> "Statistisk sentralbyrå" in text
    True
    >>> cite("bibtex").startswith("@software{bosetting,")
    True
    >>> cite("cff").splitlines()[0]
    'cff-version: 1.2.0'
"""

from __future__ import annotations

import json
import re
from importlib.metadata import PackageNotFoundError, metadata
from typing import Any
from urllib.parse import urlsplit

from bosetting.data import descriptor, sources
from bosetting.errors import ArgumentError
from bosetting.i18n import N_, _
from bosetting.model import Source, checked, converter

__all__ = ["CITE_FORMATS", "citation_data", "cite", "primary_sources"]

#: Source kinds that count as primary: the prize's owner, the government and SSB.
PRIMARY_KINDS = ("imdi", "government", "ssb")
#: The forms :func:`cite` writes.
CITE_FORMATS = ("text", "bibtex", "cff")

_PLACEHOLDER_HOSTS = ("example.invalid", "example.com", "example.org", "example.net")

_TITLE = (
    "bosetting: IMDi's Bosettings- og integreringsprisen as typed Python objects and pandas frames"
)
_ABSTRACT = (
    "An open Python library and data package about the Norwegian Directorate of Integration "
    "and Diversity's (IMDi) Bosettings- og integreringsprisen (until 2016 Bosettingsprisen): "
    "every edition from 2008 with its nominees, initiatives, conflicting sources and decision "
    "rule, the municipality register across the 2020 and 2024 reforms, and intro-programme "
    "and settlement figures. Every row cites its sources. Code under MIT; SSB register data "
    "under NLOD 2.0 (credit: Statistisk sentralbyrå); our own compilation and summaries "
    "under CC BY 4.0."
)
_MESSAGE = (
    "If you use bosetting or its data, please cite it as below, and cite the primary "
    "sources (IMDi, Statistisk sentralbyrå) you rely on; `bosetting.cite()` lists them."
)
_KEYWORDS = ("norway", "imdi", "refugees", "integration", "municipalities", "open data")


@checked
def primary_sources() -> tuple[Source, ...]:
    """The sources issued by IMDi, the government or Statistics Norway, in file order."""
    return tuple(
        s for s in sources().values() if s.kind in PRIMARY_KINDS or s.publisher.startswith("IMDi")
    )


def _project_url() -> str | None:
    try:
        urls: list[str] = metadata("bosetting").get_all("Project-URL") or []
    except PackageNotFoundError:
        return None
    for entry in urls:
        url = entry.partition(",")[2].strip()
        host = urlsplit(url).hostname or ""
        if url and not host.endswith(_PLACEHOLDER_HOSTS) and not host.endswith(".invalid"):
            return url
    return None


@checked
def citation_data() -> dict[str, Any]:
    """The citation as data: ``software``, ``data`` and ``primary_sources`` (stable keys).

    ``software`` has ``name``, ``title``, ``version``, ``authors``, ``year``,
    ``license``, ``keywords``, ``abstract`` and ``url`` (``None`` until a real
    one is published); ``data`` has ``title``, ``version``, ``year``,
    ``authors`` and ``licenses`` (``name``, ``title``, ``path``);
    ``primary_sources`` are :class:`~bosetting.model.Source` records as
    :data:`bosetting.model.converter` writes them.
    """
    desc = descriptor()
    try:
        meta = metadata("bosetting")
        version, summary = meta["Version"], meta["Summary"]
        licence = meta["License-Expression"] or meta["License"] or "MIT"
    except PackageNotFoundError:
        version, summary, licence = desc["version"], desc["title"], "MIT"
    authors = [c["title"] for c in desc.get("contributors", ())] or ["The bosetting developers"]
    year = str(desc.get("created", ""))[:4] or None
    return {
        "software": {
            "name": "bosetting",
            "title": _TITLE,
            "summary": summary,
            "version": version,
            "authors": authors,
            "year": year,
            "license": licence,
            "keywords": list(_KEYWORDS),
            "abstract": _ABSTRACT,
            "url": _project_url(),
        },
        "data": {
            "title": desc["title"],
            "version": desc["version"],
            "year": year,
            "authors": authors,
            "licenses": [
                {"name": lic["name"], "title": lic["title"], "path": lic["path"]}
                for lic in desc["licenses"]
            ],
        },
        "primary_sources": converter.unstructure(list(primary_sources())),
    }


@checked
def cite(format: str = "text") -> str:
    """How to cite the library, its data and the primary sources.

    Args:
        format: ``"text"`` (in the active language), ``"bibtex"`` or ``"cff"``.

    Raises:
        ArgumentError: For another format.
    """
    if format not in CITE_FORMATS:
        raise ArgumentError(
            N_("cite writes {formats}"),
            field="format",
            value=format,
            formats=", ".join(CITE_FORMATS),
        )
    data = citation_data()
    if format == "bibtex":
        return _bibtex(data)
    if format == "cff":
        return _cff(data)
    return _text(data)


def _text(data: dict[str, Any]) -> str:
    sw, dt = data["software"], data["data"]
    year = sw["year"] or _("n.d.")
    url = sw["url"]
    lines = [
        f"{', '.join(sw['authors'])} ({year}). bosetting {sw['version']}: {sw['summary']}"
        + (f" {url}" if url else " " + _("(the Python package 'bosetting')")),
        _("Data: {title}, data version {version}.", title=dt["title"], version=dt["version"]),
        _(
            "Licences: {licences}",
            licences="; ".join(
                f"{lic['name']}: {lic['title']} ({lic['path']})" for lic in dt["licenses"]
            ),
        ),
        "",
        _("Primary sources (cite those you rely on):"),
    ]
    lines.extend(f"  {s.cite()}" for s in primary_sources())
    lines.append(_("All {n} sources are listed in sources.csv.", n=len(sources())))
    return "\n".join(lines)


_BIB_SPECIAL = re.compile(r"([&%$#_{}])")


def _bib(text: str) -> str:
    """Text safe inside a BibTeX field: LaTeX's special characters escaped."""
    text = text.replace("\\", r"\textbackslash{}").replace("~", r"\textasciitilde{}")
    return _BIB_SPECIAL.sub(r"\\\1", text).replace("^", r"\textasciicircum{}")


def _bib_entry(kind: str, key: str, fields: list[tuple[str, str | None]]) -> str:
    body = "".join(f"  {name} = {{{value}}},\n" for name, value in fields if value)
    return f"@{kind}{{{key},\n{body}}}\n"


def _bib_authors(names: list[str]) -> str:
    return " and ".join("{" + _bib(n) + "}" for n in names)


def _bibtex(data: dict[str, Any]) -> str:
    sw, dt = data["software"], data["data"]
    entries = [
        _bib_entry(
            "software",
            "bosetting",
            [
                ("author", _bib_authors(sw["authors"])),
                ("title", "{" + _bib(sw["title"]) + "}"),
                ("version", _bib(sw["version"])),
                ("year", sw["year"]),
                ("license", _bib(sw["license"])),
                ("url", sw["url"]),
                ("note", "Python package " + _bib("'bosetting'")),
            ],
        ),
        _bib_entry(
            "dataset",
            "bosetting_data",
            [
                ("author", _bib_authors(dt["authors"])),
                ("title", "{" + _bib(dt["title"]) + "}"),
                ("version", _bib(dt["version"])),
                ("year", dt["year"]),
                ("note", _bib("Licences: " + "; ".join(lic["title"] for lic in dt["licenses"]))),
            ],
        ),
    ]
    for s in primary_sources():
        entries.append(
            _bib_entry(
                "online",
                re.sub(r"[^A-Za-z0-9:_-]", "_", s.id),
                [
                    ("author", "{" + _bib(s.publisher) + "}"),
                    ("title", "{" + _bib(s.title) + "}"),
                    ("url", s.url),
                    ("date", str(s.date) or None),
                    (
                        "langid",
                        {"nb": "norsk", "nn": "nynorsk", "en": "english"}.get(s.language or ""),
                    ),
                ],
            )
        )
    return "\n".join(entries)


def _q(text: str) -> str:
    """A YAML scalar: double-quoted (a JSON string is a valid YAML double-quoted scalar)."""
    return json.dumps(text, ensure_ascii=False)


def _cff(data: dict[str, Any]) -> str:
    sw, dt = data["software"], data["data"]
    authors = [f"  - name: {_q(a)}" for a in sw["authors"]]
    lines = [
        "cff-version: 1.2.0",
        f"message: {_q(_MESSAGE)}",
        "type: software",
        f"title: {_q(sw['title'])}",
        f"abstract: {_q(sw['abstract'])}",
        "authors:",
        *authors,
        f"version: {_q(sw['version'])}",
        f"license: {_q(sw['license'])}",
    ]
    if sw["url"]:
        lines.append(f"repository-code: {_q(sw['url'])}")
    lines.append("keywords:")
    lines.extend(f"  - {_q(k)}" for k in sw["keywords"])
    lines += [
        "references:",
        "  - type: data",
        f"    title: {_q(dt['title'])}",
        f"    version: {_q(dt['version'])}",
        "    authors:",
        *(f"      - name: {_q(a)}" for a in dt["authors"]),
        # CFF 1.2.0's licence list predates NLOD-2.0, so the licences are a note.
        "    notes: "
        + _q("Licences: " + "; ".join(f"{lic['name']}: {lic['title']}" for lic in dt["licenses"])),
    ]
    if dt["year"]:
        lines.append(f"    year: {int(dt['year'])}")
    for s in primary_sources():
        lines += [
            "  - type: website",
            f"    title: {_q(s.title)}",
            "    authors:",
            f"      - name: {_q(s.publisher)}",
            f"    url: {_q(s.url)}",
        ]
        if s.date.year is not None:
            lines.append(f"    year: {s.date.year}")
        if s.date.month is not None:
            lines.append(f"    month: {s.date.month}")
    return "\n".join(lines) + "\n"
