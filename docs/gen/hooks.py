"""MkDocs hooks for the docs site (``hooks:`` in mkdocs.yml).

- A page whose front matter says ``lang: en`` has its content wrapped in
  ``<div lang="en">`` so that screen readers switch language (WCAG 3.1.2); the
  site itself is ``lang="nb"``.
- Notebook pages (mkdocs-jupyter) get a bokmål text alternative on figures that
  have none, no script loaded from a CDN (the site must work offline), and their
  code blocks, which scroll sideways, can take keyboard focus (WCAG 2.1.1).
"""

from __future__ import annotations

import re
from collections.abc import Callable
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


def _notebook_html(html: str, title: str) -> str:
    alt = f'alt="Figur i notatboken «{title}»"'
    html = _NO_ALT.sub(lambda m: f"<img {alt}" if m.group(0) == "<img" else alt, html)
    html = _SCROLLING.sub(
        lambda m: f'<div class="{m.group(1)}" tabindex="0" role="region" aria-label="Kode"', html
    )
    return _CDN_SCRIPT.sub("", html)


def on_page_content(html: str, page: Page, **_: Any) -> str:
    """Mark English pages as English and make notebook pages offline and accessible."""
    if page.file.src_path.endswith(".ipynb"):
        html = _notebook_html(html, page.title or "")
    if page.meta.get("lang") == "en":
        html = f'<div lang="en">\n{html}\n</div>'
    return html


def on_serve(
    server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., Any], **_: Any
) -> LiveReloadServer:
    """Rebuild on notebook edits too (``watch:`` in mkdocs.yml needs the folder to exist)."""
    from pathlib import Path

    notebooks = Path(config.config_file_path).parent / "notebooks"
    if notebooks.is_dir():
        server.watch(str(notebooks))
    return server
