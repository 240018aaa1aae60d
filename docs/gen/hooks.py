"""MkDocs hooks for the docs site (``hooks:`` in mkdocs.yml).

- A page whose front matter says ``lang: en`` has its content wrapped in
  ``<div lang="en">`` so that screen readers switch language (WCAG 3.1.2); the
  site itself is ``lang="nb"``.
- Notebook pages (mkdocs-jupyter) get a bokmål text alternative on figures that
  have none, no script loaded from a CDN (the site must work offline), and their
  code blocks, in code cells and in Markdown cells, which scroll sideways, can
  take keyboard focus (WCAG 2.1.1).
- English pages (the reference for analysts) weigh less in the site's search
  than bokmål pages, so that a bokmål reader finds bokmål pages first.
- A number never breaks across lines: the space inside it (``2 000``) and before
  its unit (``46,9 %``) is a no-break space in the text of every page, as the
  library's formatters write it (texts written by hand may have a plain one).
- ``404.html``, which a server sends for any missing address, links to the site
  relative to its own place, not from the server's root (``/assets/...`` breaks
  a site served from a sub-folder).
- The repository link in the header is the project's URL as the package metadata
  gives it (``[project.urls]`` in pyproject.toml, read by
  :func:`bosetting.citation.citation_data`); none is shown while there is none.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.pages import Page

_NO_ALT = re.compile(r'<img(?![^>]*\balt=)|alt="No description has been provided for this image"')
# A script from another site, or the empty MathJax loader mkdocs-jupyter writes (src="").
_CDN_SCRIPT = re.compile(
    r'<script[^>]*\bsrc="(?:https?://[^"]*)?"[^>]*>\s*</script>', re.IGNORECASE
)


# A code block that may scroll sideways: it must be reachable with the keyboard.
_SCROLLING = re.compile(r'<div class="(highlight-ipynb[^"]*)"(?![^>]*\btabindex=)')
# A code block in a Markdown cell (a solution, an example): the same.
_MARKDOWN_CODE = re.compile(r'<div class="highlight"><pre>')


def _notebook_html(html: str, title: str) -> str:
    alt = f'alt="Figur i notatboken «{title}»"'
    html = _NO_ALT.sub(lambda m: f"<img {alt}" if m.group(0) == "<img" else alt, html)
    html = _SCROLLING.sub(
        lambda m: f'<div class="{m.group(1)}" tabindex="0" role="region" aria-label="Kode"', html
    )
    html = _MARKDOWN_CODE.sub(
        '<div class="highlight"><pre tabindex="0" role="region" aria-label="Kode">', html
    )
    return _CDN_SCRIPT.sub("", html)


#: How much an English page weighs in the site's search (a bokmål page weighs 1): low enough
#: that the error catalogue, which names Kinn or Bodø in many examples, comes after every bokmål page.
ENGLISH_SEARCH_BOOST = 0.05

# A plain space that breaks a number: between groups of digits, or before a unit.
_NUMBER_SPACE = re.compile(r"(?<=\d) (?=\d{3}(?!\d)|%|‰)")
# Markup, and the elements whose text is code (left as written).
_TAG = re.compile(r"(<[^>]*>)")
_CODE_TAG = re.compile(r"<(/?)(code|pre|script|style|kbd|samp)\b", re.IGNORECASE)


def unbreakable_numbers(html: str) -> str:
    r"""A no-break space inside and after numbers in the text of ``html`` (not in code).

    Examples:
        >>> unbreakable_numbers("<p>46,9 % av 2 000</p><code>x = 1 %</code>")
        '<p>46,9\xa0% av 2\xa0000</p><code>x = 1 %</code>'
        >>> unbreakable_numbers("<p>statusår 2019 2020</p>")
        '<p>statusår 2019 2020</p>'
    """
    out, depth = [], 0
    for part in _TAG.split(html):
        if part.startswith("<"):
            found = _CODE_TAG.match(part)
            if found and not part.endswith("/>"):
                depth = max(0, depth + (-1 if found.group(1) else 1))
            out.append(part)
        else:
            out.append(part if depth else _NUMBER_SPACE.sub("\u00a0", part))
    return "".join(out)


def on_config(config: MkDocsConfig, **_: Any) -> MkDocsConfig:
    """Link the repository in the header when the project has published its URL."""
    from bosetting.citation import citation_data

    url = citation_data()["software"]["url"]
    if url and not config.repo_url:
        config.repo_url = url
        config.repo_name = config.repo_name or "Kodelageret"
    return config


def on_page_markdown(markdown: str, page: Page, **_: Any) -> str:
    """Weigh English pages less in search (a page's own ``search.boost`` wins)."""
    if page.meta.get("lang") == "en":
        search = page.meta.setdefault("search", {})
        search.setdefault("boost", ENGLISH_SEARCH_BOOST)
    return markdown


def on_page_content(html: str, page: Page, **_: Any) -> str:
    """Mark English pages as English and make notebook pages offline and accessible."""
    if page.file.src_path.endswith(".ipynb"):
        html = _notebook_html(html, page.title or "")
    html = unbreakable_numbers(html)
    if page.meta.get("lang") == "en":
        html = f'<div lang="en">\n{html}\n</div>'
    return html


# A link or a source from the server's root: href="/...", src="/..." (not "//host/...").
_ROOT_LINK = re.compile(r'\b(href|src)="/(?!/)')
_CONFIG_PATH = re.compile(r'("search": )"/(?!/)')


def relative_404(html: str) -> str:
    """The 404 page's root links made relative to where the page lies (the site's root).

    Examples:
        >>> relative_404('<a href="/.">x</a><link href="/assets/a.css"><a href="//x.no/">')
        '<a href=".">x</a><link href="assets/a.css"><a href="//x.no/">'
        >>> relative_404('{"base": "/", "search": "/assets/workers/search.js"}')
        '{"base": ".", "search": "assets/workers/search.js"}'
    """
    html = _ROOT_LINK.sub(r'\1="', html)
    # Material's own settings: its base, and the search worker's script (a JSON string).
    html = html.replace('"base": "/"', '"base": "."')
    html = _CONFIG_PATH.sub(r'\1"', html)
    return html.replace('href=""', 'href="."')


def on_post_build(config: MkDocsConfig, **_: Any) -> None:
    """Rewrite ``404.html`` with relative links (it has the site's root as its place)."""
    page = Path(config.site_dir) / "404.html"
    if page.is_file():
        page.write_text(relative_404(page.read_text("utf-8")), encoding="utf-8")


def on_serve(
    server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., Any], **_: Any
) -> LiveReloadServer:
    """Rebuild on notebook edits too (``watch:`` in mkdocs.yml needs the folder to exist)."""
    from pathlib import Path

    notebooks = Path(config.config_file_path).parent / "notebooks"
    if notebooks.is_dir():
        server.watch(str(notebooks))
    return server
