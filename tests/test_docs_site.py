"""The docs site: a strict build, the API reference, and a real browser on every page.

The site is built once (``mkdocs build --strict``) into a temporary folder, served on
127.0.0.1 by a ``http.server`` thread, and visited page by page with Playwright driving
Debian's Chromium (``/usr/bin/chromium``): console errors, broken internal links and
images, requests that leave the machine, and axe-core's WCAG 2.1 A/AA rules. A second,
small build with a sample notebook checks the notebook pipeline before (and besides)
the real notebooks in ``notebooks/``.

Set ``BOSETTING_DOCS_SHOTS=/some/dir`` to also save screenshots there.
"""

from __future__ import annotations

import base64
import concurrent.futures
import contextlib
import csv
import functools
import http.server
import io
import json
import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import pytest

import bosetting as bs

pytestmark = pytest.mark.docs

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1280, "height": 900}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
HAS_NOTEBOOKS = any((ROOT / "notebooks").glob("*.ipynb"))


def _need(module: str) -> None:
    """Import a docs dependency, or skip (outside CI) / fail (in CI) when it is missing."""
    try:
        __import__(module)
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail(f"{module} is missing: install the docs extra (pip install -e '.[docs]')")
        pytest.skip(f"{module} is not installed (pip install -e '.[docs]')")


def build_site(dest: Path, *, notebooks: Path | None = None) -> Path:
    """Run ``mkdocs build --strict`` into ``dest``; fail with mkdocs' output if it fails."""
    _need("mkdocs")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if notebooks is not None:
        env["BOSETTING_DOCS_NOTEBOOKS"] = str(notebooks)
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(dest)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, f"mkdocs build --strict failed:\n{proc.stdout}\n{proc.stderr}"
    assert (dest / "index.html").is_file()
    return dest


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("site"))


def pages(site_dir: Path) -> list[str]:
    """Every page of a built site as a URL path (``/``, ``/prisen/2022/``, ...)."""
    out = []
    for f in sorted(site_dir.rglob("index.html")):
        rel = f.parent.relative_to(site_dir).as_posix()
        out.append("/" if rel == "." else f"/{rel}/")
    return out


# ---------------------------------------------------------------- the build itself


def test_build_is_strict_and_has_every_section(site: Path) -> None:
    found = set(pages(site))
    for must in (
        "/",
        "/prisen/",
        "/slik-velges/",
        "/for-kommuner/",
        "/verksted/",
        "/analysts/",
        "/analysts/data-dictionary/",
        "/analysts/api/",
        "/analysts/commands/",
        "/analysts/errors/",
        "/kilder/",
        "/endringslogg/",
        "/tilgjengelighet/",
    ):
        assert must in found, must
    for e in bs.editions():
        assert f"/prisen/{e.label.replace('/', '-')}/" in found, e.label
    assert not any("SUMMARY" in p for p in found)


def test_every_public_name_is_in_the_api_reference(site: Path) -> None:
    html = "".join(p.read_text("utf-8") for p in (site / "analysts" / "api").rglob("*.html"))
    missing = [n for n in bs.__all__ if f'id="bosetting.{n}"' not in html]
    assert not missing, f"not in the API reference: {missing}"


def test_every_source_has_an_anchor_on_the_sources_page(site: Path) -> None:
    html = (site / "kilder" / "index.html").read_text("utf-8")
    with (ROOT / "datasets" / "sources.csv").open(encoding="utf-8", newline="") as fh:
        ids = [row["source_id"] for row in csv.DictReader(fh)]
    missing = [i for i in ids if f'id="{i}"' not in html]
    assert not missing


def test_every_command_is_in_the_command_reference(site: Path) -> None:
    import argparse

    from bosetting.cli import build_parser

    html = (site / "analysts" / "commands" / "index.html").read_text("utf-8")
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert all(f'id="{name}"' in html for name in sub.choices)


def test_the_analysts_pages_quote_the_command_in_english(site: Path) -> None:
    """The analysts' section is English: the help and errors it quotes are English too."""
    html = (site / "analysts" / "commands" / "index.html").read_text("utf-8")
    assert "the ballot file" in html
    assert "how to write the result" in html
    for bokmaal in ("filen med stemmesedler", "hvordan resultatet skrives", "vis denne hjelpen"):
        assert bokmaal not in html


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


def _content_links(site_dir: Path, url: str) -> set[str]:
    """The pages a page's main content links to (nav and footer left out)."""
    html = (site_dir / url.lstrip("/") / "index.html").read_text("utf-8")
    main = html.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]
    parser = _Links()
    parser.feed(main)
    out = set()
    for href in parser.hrefs:
        target = urljoin(f"http://x{url}", href)
        parts = urlsplit(target)
        if parts.netloc == "x":
            out.add(parts.path)
    return out


def test_latest_criteria_and_last_winner_within_two_clicks_of_home(site: Path) -> None:
    newest = bs.latest()
    won = bs.latest(with_winner=True)
    one = _content_links(site, "/")
    two = set().union(*(_content_links(site, u) for u in one if (site / u.lstrip("/")).is_dir()))
    reach = one | two
    winner_page = f"/prisen/{won.label.replace('/', '-')}/"
    assert winner_page in reach
    assert won.winner is not None
    html = (site / winner_page.lstrip("/") / "index.html").read_text("utf-8")
    assert won.winner.name in html
    criteria_pages = [u for u in reach if u.startswith("/slik-velges/kriterier-")]
    assert criteria_pages, "no criteria page within two clicks"
    texts = "".join(
        (site / u.lstrip("/") / "index.html").read_text("utf-8") for u in criteria_pages
    )
    assert all(c.text.nb in texts for c in newest.criteria.criteria)


def test_quickstart_code_runs() -> None:
    text = (ROOT / "docs" / "analysts" / "index.md").read_text("utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.DOTALL)
    assert blocks
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        for block in blocks:
            with io.StringIO() as out:
                sys_stdout, sys.stdout = sys.stdout, out
                try:
                    exec(compile(block, "docs/analysts/index.md", "exec"), {})
                finally:
                    sys.stdout = sys_stdout
    finally:
        os.chdir(cwd)


# ---------------------------------------------------------------- the browser


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # The browser drops connections it no longer needs (a page left mid-load): not an error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    _need("playwright")
    _need("axe_playwright_python")
    if not CHROMIUM.exists():
        msg = "Debian's chromium is missing: apt-get install -y chromium (make test does it)"
        if os.environ.get("CI"):
            pytest.fail(msg)
        pytest.skip(msg)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@contextlib.contextmanager
def serve(site_dir: Path) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 (a free port) from a thread; yield its base URL."""
    handler = functools.partial(_Quiet, directory=str(site_dir))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@dataclass
class Report:
    """What one visit of one page found."""

    url: str
    lang: str = ""
    text: str = ""
    console: list[str] = field(default_factory=list)
    bad_responses: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)
    broken_links: list[str] = field(default_factory=list)
    broken_images: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)


class Visitor:
    """One browser page that visits site pages and reports what it found."""

    def __init__(self, browser: Any, base: str, site_dir: Path, **context: Any) -> None:
        from axe_playwright_python.sync_playwright import Axe

        self.base, self.site_dir = base, site_dir
        self.host = urlsplit(base).netloc
        self.axe = Axe()
        self.context = browser.new_context(**context)
        self.page = self.context.new_page()
        self.page.set_default_timeout(20_000)
        self.report = Report("")
        self._ids: dict[Path, set[str]] = {}
        self.page.route("**/*", self._route)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda exc: self.report.console.append(f"page error: {exc}"))
        self.page.on("response", self._response)

    def _route(self, route: Any) -> None:
        url = route.request.url
        if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != self.host:
            self.report.external.append(url)
            route.abort()
        else:
            route.continue_()

    def _console(self, msg: Any) -> None:
        if msg.type == "error":
            self.report.console.append(msg.text)

    def _response(self, response: Any) -> None:
        if response.status >= 400:
            self.report.bad_responses.append(f"{response.status} {response.url}")

    def _file(self, path: str) -> Path | None:
        """The file a URL path on this site serves, or None."""
        f = self.site_dir / unquote(path).lstrip("/")
        if f.is_dir():
            f = f / "index.html"
        return f if f.is_file() else None

    def _has_id(self, f: Path, fragment: str) -> bool:
        if f not in self._ids:
            html = f.read_text("utf-8", errors="replace")
            self._ids[f] = set(re.findall(r'\b(?:id|name)="([^"]+)"', html))
        return unquote(fragment) in self._ids[f]

    def visit(self, url: str, *, axe: bool = True) -> Report:
        self.report = r = Report(url)
        self.page.goto(self.base + url, wait_until="load")
        r.lang = self.page.evaluate("document.documentElement.lang")
        r.text = self.page.evaluate("document.body.innerText")
        for href in self.page.evaluate(
            "[...document.querySelectorAll('a[href]')].map(a => a.href)"
        ):
            parts = urlsplit(href)
            if parts.netloc != self.host or parts.scheme not in ("http", "https"):
                continue
            target = self._file(parts.path)
            if target is None or (
                parts.fragment
                and target.suffix == ".html"
                and not self._has_id(target, parts.fragment)
            ):
                r.broken_links.append(href)
        for src in self.page.evaluate("[...document.images].map(i => i.getAttribute('src'))"):
            if not src or src.startswith("data:"):
                continue
            parts = urlsplit(urljoin(self.base + url, src))
            if parts.netloc == self.host and self._file(parts.path) is None:
                r.broken_images.append(src)
        if axe:
            options = {
                "runOnly": {"type": "tag", "values": WCAG_TAGS},
                "resultTypes": ["violations"],
            }
            result = self.axe.run(self.page, options=options)
            for v in result.response["violations"]:
                targets = [", ".join(n["target"]) for n in v["nodes"][:3]]
                r.violations.append(f"{v['id']} ({v['impact']}): {v['help']} at {targets}")
        return r

    def plots(self) -> list[dict[str, Any]]:
        """Size and load state of every figure in the notebook on the current page."""
        out: list[dict[str, Any]] = []
        for img in self.page.locator(".jupyter-wrapper img").all():
            img.scroll_into_view_if_needed()
            box = img.bounding_box() or {"width": 0, "height": 0}
            ok = img.evaluate("i => i.complete && i.naturalWidth > 0")
            out.append(
                {
                    "loaded": ok,
                    "width": box["width"],
                    "height": box["height"],
                    "visible": img.is_visible(),
                    "alt": img.get_attribute("alt") or "",
                }
            )
        return out

    def close(self) -> None:
        self.context.close()


def _problems(reports: list[Report], attr: str) -> dict[str, list[str]]:
    return {r.url: getattr(r, attr) for r in reports if getattr(r, attr)}


@pytest.fixture(scope="module")
def crawl(site: Path, browser: Any) -> Iterator[tuple[str, Visitor, list[Report]]]:
    started = time.monotonic()
    with serve(site) as base:
        urls = pages(site)
        # axe-core dominates the time: a second browser in a thread visits every other page.
        with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
            helper = pool.submit(_visit_all, base, site, urls[1::2])
            visitor = Visitor(browser, base, site, viewport=VIEWPORT)
            mine = [visitor.visit(url) for url in urls[0::2]]
            theirs = helper.result()
        reports = sorted(mine + theirs, key=lambda r: urls.index(r.url))
        print(f"visited {len(reports)} pages in {time.monotonic() - started:.1f} s")
        yield base, visitor, reports
        visitor.close()


def _visit_all(base: str, site_dir: Path, urls: list[str]) -> list[Report]:
    """Visit pages with a browser of this thread's own (Playwright's sync API is per thread)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            visitor = Visitor(b, base, site_dir, viewport=VIEWPORT)
            return [visitor.visit(url) for url in urls]
        finally:
            b.close()


def test_every_page_loads_without_console_errors(crawl: Any) -> None:
    _, _, reports = crawl
    assert not _problems(reports, "console")
    assert not _problems(reports, "bad_responses")


def test_no_page_asks_another_site_for_anything(crawl: Any) -> None:
    _, _, reports = crawl
    assert not _problems(reports, "external")


def test_no_broken_internal_links_or_images(crawl: Any) -> None:
    _, _, reports = crawl
    assert not _problems(reports, "broken_links")
    assert not _problems(reports, "broken_images")


def test_no_wcag_21_aa_violations_on_any_page(crawl: Any) -> None:
    _, _, reports = crawl
    problems = _problems(reports, "violations")
    assert not problems, json.dumps(problems, indent=1, ensure_ascii=False)


def test_pages_are_bokmaal_and_aeoeaa_render(crawl: Any) -> None:
    _, visitor, reports = crawl
    assert {r.lang for r in reports} == {"nb"}
    for r in reports:
        assert "\ufffd" not in r.text, r.url
        assert "Ã" not in r.text, r.url
    home = next(r for r in reports if r.url == "/")
    for word in ("Læringsverksted", "Tilgjengelighetserklæring", "først", "på"):
        assert word in home.text
    visitor.page.goto(visitor.base + "/")
    assert visitor.page.evaluate("document.characterSet") == "UTF-8"
    # Each letter draws its own glyph: not the same pixels as a plain letter or a missing glyph.
    signatures = visitor.page.evaluate(
        """() => {
            const c = document.createElement('canvas'); c.width = 60; c.height = 60;
            const g = c.getContext('2d');
            const font = getComputedStyle(document.querySelector('.md-typeset')).fontFamily;
            const sig = ch => { g.clearRect(0, 0, 60, 60); g.font = '40px ' + font;
                g.fillText(ch, 5, 45); return Array.from(g.getImageData(0, 0, 60, 60).data).join(); };
            return ['æ', 'ø', 'å', 'Æ', 'Ø', 'Å', 'a', 'o', 'A', 'O', '\\uE000'].map(sig);
        }"""
    )
    letters, plain, missing = signatures[:6], signatures[6:10], signatures[10]
    assert len(set(letters)) == 6
    assert not set(letters) & {*plain, missing}


def test_search_for_kriterier_gives_results(crawl: Any) -> None:
    _, visitor, _ = crawl
    page = visitor.page
    page.goto(visitor.base + "/")
    page.locator(".md-search__input").click()
    # The search worker builds its index on every page load; wait until it says it is ready
    # (the meta line leaves "Starter søk", initialising) before typing, so a busy machine
    # does not make this flaky.
    meta = page.locator(".md-search-result__meta")
    page.wait_for_function(
        "el => el.textContent.trim() && el.textContent.trim() !== 'Starter søk'",
        arg=meta.element_handle(),
        timeout=60_000,
    )
    page.keyboard.type("kriterier")
    page.wait_for_selector(".md-search-result__item", timeout=60_000)
    assert page.locator(".md-search-result__item").count() > 0
    assert "treff" in meta.inner_text()


@pytest.mark.skipif(not HAS_NOTEBOOKS, reason="no notebooks/*.ipynb yet")
def test_notebook_pages_show_their_plots(crawl: Any) -> None:
    _, visitor, reports = crawl
    stems = {p.stem for p in (ROOT / "notebooks").glob("*.ipynb")}
    urls = [r.url for r in reports if r.url.strip("/").rpartition("/")[2] in stems]
    assert len(urls) == len(stems)
    seen = 0
    for url in urls:
        visitor.visit(url, axe=False)
        for plot in visitor.plots():
            assert plot["loaded"], (url, plot)
            assert plot["visible"], (url, plot)
            assert min(plot["width"], plot["height"]) > 50, (url, plot)
            seen += 1
    assert seen, "no plot on any notebook page"


# ---------------------------------------------------------------- notebooks, before they exist


def _sample_notebook(path: Path) -> None:
    """A small notebook with stored outputs: text, a table and a matplotlib figure."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(4, 3))
    ax.plot([2019, 2020, 2021], [0.5, 0.6, 0.55])
    ax.set_title("Andel i arbeid eller utdanning (ØVINGSDATA)")
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    plt.close(fig)
    png = base64.b64encode(buf.getvalue()).decode()
    table = (
        '<table border="1" class="dataframe"><thead><tr><th></th><th>kommune</th>'
        "<th>andel</th></tr></thead><tbody><tr><th>0</th><td>Bærum</td><td>0.6</td></tr>"
        "</tbody></table>"
    )
    code = "import bosetting as bs\nprint(bs.edition(2022).winner.name)  # «Kinn»\nx = [1, 2, 3]"
    nb = {
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
        },
        "cells": [
            {
                "cell_type": "markdown",
                "id": "a",
                "metadata": {},
                "source": ["# Øving: prisen på én side\n", "\n", "Første steg: æ, ø og å.\n"],
            },
            {
                "cell_type": "code",
                "id": "b",
                "metadata": {},
                "execution_count": 1,
                "source": [code],
                "outputs": [{"output_type": "stream", "name": "stdout", "text": ["Kinn\n"]}],
            },
            {
                "cell_type": "code",
                "id": "c",
                "metadata": {},
                "execution_count": 2,
                "source": ["bs.frames.nominations().head(1)"],
                "outputs": [
                    {
                        "output_type": "execute_result",
                        "execution_count": 2,
                        "metadata": {},
                        "data": {"text/html": [table], "text/plain": ["kommune andel"]},
                    }
                ],
            },
            {
                "cell_type": "code",
                "id": "d",
                "metadata": {},
                "execution_count": 3,
                "source": ["import matplotlib.pyplot as plt\n", "plt.plot(x)"],
                "outputs": [
                    {
                        "output_type": "display_data",
                        "metadata": {},
                        "data": {"image/png": png, "text/plain": ["<Figure>"]},
                    }
                ],
            },
        ],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")


def test_a_notebook_becomes_an_accessible_page_with_its_plot(tmp_path: Path, browser: Any) -> None:
    _sample_notebook(tmp_path / "notebooks" / "01_ovelse.ipynb")
    site_dir = build_site(tmp_path / "site", notebooks=tmp_path / "notebooks")
    assert (site_dir / "verksted" / "01_ovelse" / "index.html").is_file()
    assert (site_dir / "verksted" / "01_ovelse" / "01_ovelse.ipynb").is_file()  # include_source
    with serve(site_dir) as base:
        visitor = Visitor(browser, base, site_dir, viewport=VIEWPORT)
        try:
            index = visitor.visit("/verksted/")
            assert "Øving: prisen på én side" in index.text
            r = visitor.visit("/verksted/01_ovelse/")
            plots = visitor.plots()
            if shots := os.environ.get("BOSETTING_DOCS_SHOTS"):
                Path(shots).mkdir(parents=True, exist_ok=True)
                visitor.page.screenshot(path=str(Path(shots) / "notebook.png"), full_page=True)
        finally:
            visitor.close()
    assert not r.console, r.console
    assert not r.bad_responses, r.bad_responses
    assert not r.external, r.external
    assert not r.broken_links, r.broken_links
    assert not r.broken_images, r.broken_images
    assert not r.violations, r.violations
    assert "Første steg: æ, ø og å." in r.text
    assert len(plots) == 1
    plot = plots[0]
    assert plot["loaded"], plot
    assert plot["visible"], plot
    assert min(plot["width"], plot["height"]) > 50, plot
    assert "Øving" in plot["alt"]


# ---------------------------------------------------------------- screenshots, on request


@pytest.mark.skipif(not os.environ.get("BOSETTING_DOCS_SHOTS"), reason="BOSETTING_DOCS_SHOTS unset")
def test_screenshots(crawl: Any, browser: Any) -> None:
    base, visitor, _ = crawl
    out = Path(os.environ["BOSETTING_DOCS_SHOTS"])
    out.mkdir(parents=True, exist_ok=True)
    latest = bs.latest().label.replace("/", "-")
    page = visitor.page
    for name, url in (
        ("home", "/"),
        ("edition", f"/prisen/{latest}/"),
        ("criteria", "/slik-velges/"),
        ("api", "/analysts/api/functions/"),
    ):
        page.goto(base + url)
        page.screenshot(path=str(out / f"{name}.png"), full_page=name != "api")
    zoom = browser.new_context(viewport={"width": 320, "height": 256}, device_scale_factor=4)
    try:
        z = zoom.new_page()
        for name, url in (("zoom400-home", "/"), ("zoom400-edition", f"/prisen/{latest}/")):
            z.goto(base + url)
            z.screenshot(path=str(out / f"{name}.png"))
            wide = z.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1")
            assert not wide, f"{url} scrolls sideways at 320 px"
    finally:
        zoom.close()
