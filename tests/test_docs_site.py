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


def municipality_url(code: str) -> str:
    """The URL path of a municipality of today's page (*Slik står kommunen*)."""
    return f"/kommuner/{code}/"


#: Every how many municipality pages (by code) the browser visits one, besides the winners'.
MUNICIPALITY_STRIDE = 30


def browser_sample(site_dir: Path) -> list[str]:
    """The pages the browser visits: every page but the municipality pages, and of those
    (one template, 357 pages) the index, today's municipality of every winner, and every
    :data:`MUNICIPALITY_STRIDE`-th by code. ``mkdocs build --strict`` checks the links and
    anchors of every page; the browser adds axe, the console and images, a few seconds each.
    """
    ms = bs.municipalities()
    winners = {c.code for a in bs.winners() for c in bs.succession(a.municipality).candidates}
    chosen = {m.code for i, m in enumerate(ms) if m.code in winners or i % MUNICIPALITY_STRIDE == 0}
    every = {municipality_url(m.code) for m in ms}
    keep = {municipality_url(c) for c in chosen}
    return [u for u in pages(site_dir) if u not in every or u in keep]


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


def _content_links(site_dir: Path, url: str, *, fragments: bool = False) -> set[str]:
    """The pages a page's main content links to (nav and footer left out), as paths,
    or as ``path#fragment`` where a link has one and ``fragments`` is set."""
    html = (site_dir / url.lstrip("/") / "index.html").read_text("utf-8")
    main = html.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]
    parser = _Links()
    parser.feed(main)
    out = set()
    for href in parser.hrefs:
        parts = urlsplit(urljoin(f"http://x{url}", href))
        if parts.netloc == "x":
            keep = fragments and parts.fragment
            out.add(f"{parts.path}#{parts.fragment}" if keep else parts.path)
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


# ---------------------------------------------------------------- Slik står kommunen


class _Text(HTMLParser):
    """The text of a page's article, code left out, with each block on its own line."""

    BLOCKS = frozenset({"p", "li", "tr", "h1", "h2", "h3", "h4", "div", "table", "ul", "ol"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.code = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("code", "pre", "script", "style"):
            self.code += 1
        if tag in self.BLOCKS:
            self.parts.append("\n")
        if tag in ("td", "th"):
            self.parts.append(" | ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("code", "pre", "script", "style"):
            self.code = max(0, self.code - 1)

    def handle_data(self, data: str) -> None:
        if "\n" in data and not data.strip():  # the line breaks between tags
            return
        if not self.code:
            self.parts.append(data)


def article_text(site_dir: Path, url: str) -> str:
    """The text a reader sees in a page's article (headings' permalink signs left out)."""
    html = (site_dir / url.lstrip("/") / "index.html").read_text("utf-8")
    main = html.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]
    main = main.split(">", 1)[1]
    parser = _Text()
    parser.feed(main)
    return "".join(parser.parts).replace("¶", "")


def test_every_municipality_of_today_has_its_page(site: Path) -> None:
    ms = bs.municipalities()
    index = _content_links(site, "/kommuner/")
    with bs.i18n.language("nb"):
        for m in ms:
            url = municipality_url(m.code)
            assert url in index, m
            assert f"Slik står {m.name}" in article_text(site, url), m
    # Not in the nav (357 entries on every page), but the nav leads to the index.
    home = (site / "index.html").read_text("utf-8")
    assert "/kommuner/4602/" not in home
    assert 'href="kommuner/"' in home


@pytest.mark.parametrize("name", ["Kinn", "Bodø", "Oslo", "Lillestrøm", "Haram", "Utsira"])
def test_a_municipality_page_says_what_the_library_says(site: Path, name: str) -> None:
    from bosetting.figures import settled_share_of_request
    from bosetting.i18n import format_share
    from bosetting.model import Sex

    m = bs.municipality(name)
    url = municipality_url(m.code)
    text = article_text(site, url)
    links = _content_links(site, url)
    with bs.i18n.language("nb"):
        found = bs.record(m)
        assert bs.history.record_summary(m, found) in text
        for n in found:
            assert f"/prisen/{n.edition.replace('/', '-')}/" in links, n.edition
            assert n.outcome.label.capitalize() in text
            cited = _content_links(site, url, fragments=True)
            assert all(f"/kilder/#{s.id}" in cited for s in n.sources), n.edition
        settled = bs.settlement(m)
        lines = text.splitlines()
        rows = [
            ln for ln in lines if re.match(r" \| \d{4}(?: \([^)]+\))? \| [^|]+ \(\d{4}\) \| ", ln)
        ]
        assert len(rows) == len(settled)
        intro = [o for o in bs.intro_outcomes(m) if o.sex is Sex.ALL]
        rows = [ln for ln in lines if re.match(r" \| [^|]+ \(\d{4}\) \| \d{4} \| \d{4} \| ", ln)]
        assert len(rows) == len(intro)
        for s in settled:
            share = settled_share_of_request(s)
            if share is not None:
                assert f" | {s.name} ({s.code}) | " in text
                assert format_share(share, 0) in text
        if not intro:
            assert "her er ingen resultater publisert" in text
        a = bs.assess(m, bs.latest())
        assert f"Sjekket mot prisen for {a.edition}" in text
        for i, r in enumerate(a.results, 1):
            assert f"Punkt {i}: {r.verdict.label.capitalize()}" in text
            assert all(reason in text for reason in r.reasons)
        assert all(line in text for line in a.coverage)


def test_edition_pages_link_nominees_and_winner_to_their_municipality(site: Path) -> None:
    for e in bs.editions():
        url = f"/prisen/{e.label.replace('/', '-')}/"
        links = _content_links(site, url)
        for n in e.nominations:
            for now in bs.succession(n.municipality).candidates:
                assert municipality_url(now.code) in links, (e.label, n.municipality)
        if e.winner is not None:
            html = (site / url.lstrip("/") / "index.html").read_text("utf-8")
            winner = html.split("gikk til <strong>", 1)[1].split("</strong>", 1)[0]
            s = bs.succession(e.winner)
            if not s.ambiguous:
                assert f"kommuner/{s.candidates[0].code}/" in winner, e.label


def test_search_index_weighs_bokmaal_pages_above_the_english_reference(site: Path) -> None:
    docs = json.loads((site / "search" / "search_index.json").read_text("utf-8"))["docs"]
    boost = {d["location"].split("#")[0]: d.get("boost", 1) for d in docs}
    current = (site / "slik-velges").glob("kriterier-*")
    newest = bs.latest().label.replace("/", "-")
    current_page = next(p for p in current if p.name.endswith(newest))
    assert boost[f"slik-velges/{current_page.name}/"] > max(
        b
        for loc, b in boost.items()
        if loc.startswith("slik-velges/kriterier-") and loc != f"slik-velges/{current_page.name}/"
    )
    english = {loc: b for loc, b in boost.items() if loc.startswith("analysts/")}
    bokmaal = {loc: b for loc, b in boost.items() if not loc.startswith("analysts/")}
    assert english
    assert bokmaal
    assert max(english.values()) < min(bokmaal.values())


def test_tabs_and_the_change_log_are_bokmaal(site: Path) -> None:
    html = (site / "index.html").read_text("utf-8")
    tabs = re.findall(r'class="md-tabs__link[^"]*"[^>]*>\s*([^<]+?)\s*<', html)
    assert {"For analytikere", "Endringslogg"} <= set(tabs), tabs
    assert not {"For analysts", "Changelog", "Sources", "Home"} & set(tabs), tabs
    text = article_text(site, "/endringslogg/")
    assert text.lstrip().startswith("Endringslogg")


def test_the_repository_link_is_the_projects_url_or_none(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sys.path.insert(0, str(ROOT / "docs" / "gen"))
    try:
        import hooks
    finally:
        sys.path.remove(str(ROOT / "docs" / "gen"))
    from mkdocs.config.defaults import MkDocsConfig

    import bosetting.citation as citation

    url = citation.citation_data()["software"]["url"]
    html = (site / "index.html").read_text("utf-8")
    changelog = article_text(site, "/endringslogg/")
    if url is None:
        assert "md-source" not in html
        assert "Kodelageret har ingen offentlig adresse ennå" in changelog
    else:
        assert f'href="{url}"' in html
    real = citation.citation_data

    def with_url() -> dict[str, Any]:
        data = real()
        data["software"] = {**data["software"], "url": "https://example.org/bosetting"}
        return data

    monkeypatch.setattr(citation, "citation_data", with_url)
    config = MkDocsConfig()
    config.load_dict({"site_name": "x"})
    assert hooks.on_config(config).repo_url == "https://example.org/bosetting"


def test_hooks_examples() -> None:
    import doctest

    sys.path.insert(0, str(ROOT / "docs" / "gen"))
    try:
        import hooks
    finally:
        sys.path.remove(str(ROOT / "docs" / "gen"))
    assert doctest.testmod(hooks).failed == 0


_BREAKING_NUMBER = re.compile(r"\d [%‰]|(?<![\d.,])\d{1,3} \d{3}(?!\d)")


def test_numbers_never_break_across_lines(site: Path) -> None:
    """A plain space inside or after a number would let the line break there."""
    bad = {}
    for url in pages(site):
        found = _BREAKING_NUMBER.findall(article_text(site, url))
        if found:
            bad[url] = found[:3]
    assert not bad, bad
    kinn = article_text(site, municipality_url(bs.municipality("Kinn").code))
    with bs.i18n.language("nb"):
        from bosetting.i18n import format_share

        assert "\xa0" in format_share(0.469)
        assert format_share(0.469) == "46,9\xa0%"
    assert "101,1\xa0%" in kinn


_ROOT_LINK = re.compile(r'\b(?:href|src)="/(?!/)')


def test_404_links_relative(site: Path) -> None:
    html = (site / "404.html").read_text("utf-8")
    assert not _ROOT_LINK.findall(html)
    assert '"base": "."' in html
    assert not re.findall(r'": "/(?!/)', html)  # no setting from the root (the search worker)


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
        urls = browser_sample(site)
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


def search(page: Any, base: str, query: str) -> list[str]:
    """Search the site as a reader does; return the result pages' paths, best first, each once."""
    page.goto(base + "/")
    if page.viewport_size["width"] < 960:  # the search field hides behind an icon
        page.locator("label[for=__search]").first.click()
    else:
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
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__item", timeout=60_000)
    # The worker answers each keystroke in turn: read the list once it has stopped changing.
    script = "els => els.map(e => e.getAttribute('href'))"
    hrefs, deadline = None, time.monotonic() + 60
    while time.monotonic() < deadline:
        page.wait_for_timeout(500)
        now = page.eval_on_selector_all(".md-search-result__item > a", script)
        if now and now == hrefs:
            break
        hrefs = now
    assert hrefs
    assert "treff" in meta.inner_text()
    return list(dict.fromkeys(urlsplit(urljoin(base + "/", h)).path for h in hrefs))


@pytest.fixture(scope="module")
def searching(site: Path, browser: Any) -> Iterator[tuple[Any, str]]:
    """A browser page on the served site, for searching it."""
    with serve(site) as base:
        context = browser.new_context(viewport=VIEWPORT)
        try:
            yield context.new_page(), base
        finally:
            context.close()


def test_search_for_kriterier_finds_the_criteria_in_force_first(searching: Any) -> None:
    found = search(*searching, "kriterier")
    newest = bs.latest().label.replace("/", "-")
    assert found[0].startswith("/slik-velges/kriterier-")
    assert found[0].endswith(f"{newest}/")


@pytest.mark.parametrize("name", ["Kinn", "Bodø"])
def test_search_for_a_municipality_finds_its_page_then_bokmaal_pages(
    searching: Any, name: str
) -> None:
    found = search(*searching, name)
    assert found[0] == municipality_url(bs.municipality(name).code), found
    english = [i for i, u in enumerate(found) if u.startswith("/analysts/")]
    bokmaal = [i for i, u in enumerate(found) if not u.startswith("/analysts/")]
    assert not english or min(english) > max(bokmaal), "\n".join(found)


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


def test_a_phone_sized_screen_reaches_every_wide_table(site: Path, browser: Any) -> None:
    """At 375 px the municipality's tables scroll sideways; axe finds each reachable by keyboard."""
    urls = [municipality_url(bs.municipality(n).code) for n in ("Kinn", "Oslo")]
    urls += ["/kommuner/", "/for-kommuner/bosetting-mot-anmodning/"]
    with serve(site) as base:
        visitor = Visitor(browser, base, site, viewport={"width": 375, "height": 800})
        try:
            reports = [visitor.visit(u) for u in urls]
            wide = visitor.page.evaluate(
                "[...document.querySelectorAll('.md-typeset__scrollwrap')]"
                ".filter(e => e.scrollWidth > e.clientWidth).length"
            )
        finally:
            visitor.close()
    assert wide > 0  # the last page does scroll sideways at this width
    assert not _problems(reports, "violations")
    assert not _problems(reports, "console")


class _Under(_Quiet):
    """The site served from a sub-folder, ``/sub/``, with ``404.html`` for what is missing."""

    def translate_path(self, path: str) -> str:
        return super().translate_path(path.removeprefix("/sub"))

    def send_head(self) -> Any:
        if not self.path.startswith("/sub/") or not Path(self.translate_path(self.path)).exists():
            body = (Path(self.directory) / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)
        return super().send_head()


def test_404_page_works_from_a_sub_folder(site: Path, browser: Any) -> None:
    """A missing address one level down shows the 404 page with its styles, scripts and links."""
    server = _Server(("127.0.0.1", 0), functools.partial(_Under, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        failed: list[str] = []
        page.on("response", lambda r: r.status >= 400 and failed.append(r.url))
        page.on("requestfailed", lambda r: failed.append(f"failed: {r.url}"))
        missing = base + "/sub/finnes-ikke"
        page.goto(missing, wait_until="networkidle")
        # The search works too: its worker and index load from the site, not the server's root.
        page.locator(".md-search__input").click()
        page.keyboard.type("Kinn")
        page.wait_for_selector(".md-search-result__item", timeout=60_000)
        assert missing in failed  # the server said 404 and sent the 404 page
        assert [u for u in failed if u != missing] == []
        assert page.evaluate("[...document.styleSheets].length") >= 2
        hrefs = page.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.href)")
        inside = [h for h in hrefs if urlsplit(h).netloc == urlsplit(base).netloc]
        assert inside
        for href in inside:
            path = urlsplit(href).path
            assert path.startswith("/sub/"), href
            assert (site / unquote(path).removeprefix("/sub/")).exists(), href
    finally:
        context.close()
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


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
    kinn = municipality_url(bs.municipality("Kinn").code)
    for width in (1280, 375):
        ctx = browser.new_context(viewport={"width": width, "height": 900})
        try:
            p = ctx.new_page()
            p.goto(base + kinn)
            p.screenshot(path=str(out / f"kinn-{width}.png"), full_page=True)
            p.screenshot(path=str(out / f"kinn-top-{width}.png"))
            for query in ("Kinn", "kriterier", "Bodø"):
                search(p, base, query)
                p.screenshot(path=str(out / f"search-{query}-{width}.png"))
        finally:
            ctx.close()
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
