"""How to cite bosetting, its data and the primary sources behind the data.

Examples:
    >>> text = cite()
    >>> text.splitlines()[0].startswith("The bosetting developers (")
    True
    >>> "Statistisk sentralbyrå" in text
    True
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, metadata
from urllib.parse import urlsplit

from bosetting.data import descriptor, sources
from bosetting.i18n import _
from bosetting.model import Source

__all__ = ["cite", "primary_sources"]

#: Source kinds that count as primary: the prize's owner, the government and SSB.
PRIMARY_KINDS = ("imdi", "government", "ssb")

_PLACEHOLDER_HOSTS = ("example.invalid", "example.com", "example.org", "example.net")


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


def cite() -> str:
    """A text on how to cite the library, its data and the primary sources.

    The library's name, version and authors come from the installed package; the
    data's title, version, year and licences from ``datapackage.json``; the
    sources from ``sources.csv``. A project URL is given only when a real one is
    published.
    """
    desc = descriptor()
    try:
        meta = metadata("bosetting")
        version, summary = meta["Version"], meta["Summary"]
    except PackageNotFoundError:
        version, summary = desc["version"], desc["title"]
    authors = ", ".join(c["title"] for c in desc.get("contributors", ())) or "bosetting"
    year = str(desc.get("created", ""))[:4] or _("n.d.")
    url = _project_url()
    lines = [
        f"{authors} ({year}). bosetting {version}: {summary}"
        + (f" {url}" if url else " " + _("(the Python package 'bosetting')")),
        _("Data: {title}, data version {version}.", title=desc["title"], version=desc["version"]),
        _(
            "Licences: {licences}",
            licences="; ".join(
                f"{lic['name']}: {lic['title']} ({lic['path']})" for lic in desc["licenses"]
            ),
        ),
        "",
        _("Primary sources (cite those you rely on):"),
    ]
    lines.extend(f"  {s.cite()}" for s in primary_sources())
    lines.append(_("All {n} sources are listed in sources.csv.", n=len(sources())))
    return "\n".join(lines)
