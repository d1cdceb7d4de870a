"""The HTML redline in a real browser: headless Chromium driven by Playwright.

Opens generated redlines from file:// URLs and checks: no console errors, no network request but
the file itself, the side-by-side toggle (mouse and keyboard), move links both ways, screen-reader
labels on <del>/<ins>, print media, narrow screens.  Screenshots and a PDF go to tests/artifacts/;
the full-page pictures and the bundled pair's PDF (to look at, asserting nothing: about 2 s of
Chromium) only with ``PEACEDIFF_FULL_SHOTS=1``.

Needs Debian's chromium at /usr/bin/chromium and the playwright package.  Outside CI the test
skips when either is missing (install: `apt-get install -y chromium` and `pip install playwright`);
with the CI environment variable set it fails instead.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from render_fixtures import sample_comparison

from peacediff.render import render_html

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
# RenderDocument gives every navigation a fresh frame host: a fifth of the CPU of visiting a page,
# with no effect on what the page shows (the site tests visit a few hundred pages).
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-features=RenderDocument"]
NARROW = {"width": 390, "height": 844}
ARTIFACTS = Path(__file__).parent / "artifacts"
FULL_SHOTS = os.environ.get("PEACEDIFF_FULL_SHOTS") == "1"


def _full_page_shot(page: Any, path: Path) -> None:
    """A full-page picture to look at, when asked for (it checks nothing a test asserts)."""
    if FULL_SHOTS:
        page.screenshot(path=str(path), full_page=True)


def _unavailable() -> str | None:
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium") == CHROMIUM):
        return f"{CHROMIUM} is missing (apt-get install -y chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is missing (pip install playwright)"
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    reason = _unavailable()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"browser test cannot run in CI: {reason}")
        pytest.skip(f"browser test skipped: {reason}; set it up to run it (CI runs it for real)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    ignore = ARTIFACTS / ".gitignore"
    if not ignore.exists():
        ignore.write_text("*\n", encoding="utf-8")
    return ARTIFACTS


#: Playwright's viewport for a new context, which a test that asks for no size gets.
DEFAULT_VIEWPORT = {"width": 1280, "height": 720}


@pytest.fixture(scope="module")
def tab(browser: object) -> Iterator[object]:
    """One browser tab the tests take turns in: a fresh context and page cost half a second each, a
    page load in a kept tab an eighth of that.  :meth:`Page.close` leaves it blank and on screen
    media, and each :class:`Page` sets the size it asks for (default: Playwright's)."""
    context = browser.new_context()  # type: ignore[attr-defined]
    yield context.new_page()
    context.close()


class Page:
    """A file opened in the shared tab, recording console errors and requests."""

    def __init__(self, tab: object, path: Path, viewport: dict[str, int] | None = None) -> None:
        self.page: Any = tab
        self.errors: list[str] = []
        self.requests: list[str] = []
        self._handlers: tuple[tuple[str, Any], ...] = (
            ("console", lambda m: self.errors.append(m.text) if m.type == "error" else None),
            ("pageerror", lambda e: self.errors.append(str(e))),
            ("request", lambda r: self.requests.append(r.url)),
        )
        for event, handler in self._handlers:
            self.page.on(event, handler)
        self.page.set_viewport_size(viewport or DEFAULT_VIEWPORT)
        self.url = ""
        self.open(path)

    def open(self, path: Path) -> None:
        """Load ``path`` in this page, recording its errors and requests afresh (a crawl reuses one page)."""
        self.errors.clear()
        self.requests.clear()
        self.url = path.resolve().as_uri()
        self.page.goto(self.url)
        self.page.wait_for_load_state("load")

    def assert_clean(self) -> None:
        assert self.errors == [], f"console errors: {self.errors}"
        others = [u for u in self.requests if u.split("#")[0] != self.url and not u.startswith("data:")]
        assert others == [], f"network requests besides the file: {others}"

    def close(self) -> None:
        for event, handler in self._handlers:
            self.page.remove_listener(event, handler)
        self.page.emulate_media(media="null")
        self.page.goto("about:blank")


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("redline") / "sample.html"
    path.write_text(render_html(sample_comparison()), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def bundled_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import peacediff

    comparison = peacediff.compare(peacediff.load("us-russia-28"), peacediff.load("e3-counter-28"))
    path = tmp_path_factory.mktemp("redline") / "us-russia-28__e3-counter-28.html"
    path.write_text(comparison.to_html(), encoding="utf-8")
    return path


def test_opens_offline_without_errors(tab: object, sample_file: Path, artifacts: Path) -> None:
    p = Page(tab, sample_file, viewport={"width": 1100, "height": 1400})
    try:
        assert p.page.title() == "Redline: Draft plan A → Counter-proposal B"
        assert p.page.locator("html").get_attribute("lang") == "en"
        assert p.page.locator("section.change").count() == 10
        p.page.screenshot(path=str(artifacts / "sample-top.png"))
        _full_page_shot(p.page, artifacts / "sample-full.png")
        p.assert_clean()
    finally:
        p.close()


def test_side_by_side_toggle(tab: object, sample_file: Path, artifacts: Path) -> None:
    p = Page(tab, sample_file, viewport={"width": 1100, "height": 1400})
    page = p.page
    try:
        button = page.locator("button.pd-sbs-toggle")
        assert button.is_visible() and button.get_attribute("aria-pressed") == "false"
        assert page.locator(".sbs").count() == 0
        button.click()
        assert button.get_attribute("aria-pressed") == "true"
        modified = page.locator("section.change[data-kind=modified]").first
        columns = modified.locator(".sbs > div")
        assert columns.count() == 2 and columns.first.is_visible()
        assert not modified.locator(":scope > .redline").is_visible()
        old_col, new_col = columns.nth(0), columns.nth(1)
        assert old_col.locator("ins").count() == 0 and old_col.locator("del").count() == 2
        assert new_col.locator("del").count() == 0 and new_col.locator("ins").count() == 3
        assert "The armed forces shall be limited to 600,000 personnel." in old_col.inner_text()
        assert "may be limited to 800,000 personnel in peacetime." in new_col.inner_text()
        modified.scroll_into_view_if_needed()
        page.screenshot(path=str(artifacts / "sample-side-by-side.png"))
        button.click()
        assert button.get_attribute("aria-pressed") == "false"
        assert modified.locator(":scope > .redline").is_visible()
        assert not columns.first.is_visible()
        p.assert_clean()
    finally:
        p.close()


def test_keyboard_reaches_and_presses_the_toggle(tab: object, sample_file: Path) -> None:
    p = Page(tab, sample_file)
    page = p.page
    try:
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.className")
        assert focused == "pd-sbs-toggle"
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none", "focused toggle has no visible focus style"
        page.keyboard.press("Enter")
        assert page.locator("button.pd-sbs-toggle").get_attribute("aria-pressed") == "true"
        page.keyboard.press("Space")
        assert page.locator("button.pd-sbs-toggle").get_attribute("aria-pressed") == "false"
        p.assert_clean()
    finally:
        p.close()


def test_move_links_both_ways(tab: object, sample_file: Path, artifacts: Path) -> None:
    p = Page(tab, sample_file, viewport={"width": 1100, "height": 900})
    page = p.page
    try:
        page.locator("p.stub a").click()
        assert page.evaluate("location.hash") == "#p-7"
        target = page.locator("section.change:target")
        assert target.count() == 1 and target.get_attribute("data-old") == "4"
        assert target.is_visible()
        assert page.evaluate("document.getElementById('p-7').getBoundingClientRect().top") < 200
        page.screenshot(path=str(artifacts / "sample-move-target.png"))
        target.locator("p.moved-from a").click()
        assert page.evaluate("location.hash") == "#old-4"
        assert page.locator("p.stub:target").count() == 1
        p.assert_clean()
    finally:
        p.close()


def test_screen_reader_labels_on_deletions_and_insertions(tab: object, sample_file: Path) -> None:
    p = Page(tab, sample_file)
    try:
        before = p.page.evaluate("getComputedStyle(document.querySelector('.change del'), '::before').content")
        after = p.page.evaluate("getComputedStyle(document.querySelector('.change ins'), '::before').content")
        assert "deleted:" in before and "inserted:" in after
        decoration = p.page.evaluate("getComputedStyle(document.querySelector('.change del')).textDecorationLine")
        assert decoration == "line-through"
        decoration = p.page.evaluate("getComputedStyle(document.querySelector('.change ins')).textDecorationLine")
        assert decoration == "underline"
    finally:
        p.close()


def test_print_media(tab: object, sample_file: Path, artifacts: Path) -> None:
    p = Page(tab, sample_file, viewport={"width": 900, "height": 1200})
    page = p.page
    try:
        page.locator("button.pd-sbs-toggle").click()  # even with side-by-side on, print shows the redline
        page.emulate_media(media="print")
        assert not page.locator("button.pd-sbs-toggle").is_visible()
        assert not page.locator(".sbs").first.is_visible()
        assert page.locator("section.change > .redline").first.is_visible()
        brk = page.evaluate("getComputedStyle(document.querySelector('section.change')).breakInside")
        assert brk == "avoid"
        _full_page_shot(page, artifacts / "sample-print.png")
        page.pdf(path=str(artifacts / "sample.pdf"), format="A4", print_background=True)
        assert (artifacts / "sample.pdf").stat().st_size > 10_000
        p.assert_clean()
    finally:
        p.close()


def test_narrow_screen_does_not_scroll_sideways(tab: object, sample_file: Path, artifacts: Path) -> None:
    p = Page(tab, sample_file, viewport=NARROW)
    try:
        overflow = p.page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0
        p.page.screenshot(path=str(artifacts / "sample-narrow.png"))
    finally:
        p.close()


def test_bundled_redline(tab: object, bundled_file: Path, artifacts: Path) -> None:
    p = Page(tab, bundled_file, viewport={"width": 1100, "height": 1400})
    page = p.page
    try:
        assert page.locator("section.change").count() >= 20
        page.screenshot(path=str(artifacts / "e3-top.png"))
        _full_page_shot(page, artifacts / "e3-full.png")
        page.locator("section.change[data-kind=modified]").nth(4).scroll_into_view_if_needed()
        page.screenshot(path=str(artifacts / "e3-changes.png"))
        page.locator("button.pd-sbs-toggle").click()
        page.screenshot(path=str(artifacts / "e3-side-by-side.png"))
        page.emulate_media(media="print")
        if FULL_SHOTS:  # the sample page's PDF is the one a test measures
            page.pdf(path=str(artifacts / "e3.pdf"), format="A4", print_background=True)
        p.assert_clean()
    finally:
        p.close()


# --------------------------------------------------------------------------------------------
# Every bundled page: no sideways scrolling at 390 px, a legend for every mark, a way back
# --------------------------------------------------------------------------------------------

_NOTEBOOK_PAGE = ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
                  '<meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title>'
                  '</head><body style="margin:0">{body}</body></html>')


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Exactly what `peacediff redline --out` writes."""
    from peacediff.cli import main

    out = tmp_path_factory.mktemp("site") / "site"
    assert main(["redline", "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def notebook_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every bundled version and a history per lineage key as a notebook shows them, one output after
    another as a notebook page holds them, each in a ``<div data-view=NAME>``."""
    import html

    import peacediff
    from peacediff.archive import Archive

    archive = Archive.bundled()
    views = [(f"version-{v.id}", v._repr_mimebundle_()["text/html"]) for v in archive.versions()]
    keys = sorted({p.key for v in archive.versions() for p in v.provisions if p.key})
    views += [(f"history-{key}", peacediff.history(key)._repr_mimebundle_()["text/html"]) for key in keys]
    body = "".join(f'<div data-view="{html.escape(name)}">{view}</div>' for name, view in views)
    path = tmp_path_factory.mktemp("notebook") / "notebook.html"
    path.write_text(_NOTEBOOK_PAGE.format(title="Notebook views", body=body), encoding="utf-8")
    return path


_VIEW_WIDTHS_JS = "() => [...document.querySelectorAll('body > [data-view]')].map(e => [e.dataset.view, e.scrollWidth])"


def test_no_notebook_view_scrolls_sideways_at_390px(tab: object, notebook_page: Path, artifacts: Path) -> None:
    """Every version and history view at 390 px, named when wider than the screen.  The site's own
    pages are checked at 390 px by the crawl; the views share one page, as in a notebook (a page
    each laid them out alike, at 390 px and below, for thirty times the cost)."""
    p = Page(tab, notebook_page, viewport=NARROW)
    page = p.page
    try:
        views = page.evaluate(_VIEW_WIDTHS_JS)
        scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if scroll > inner:
            page.screenshot(path=str(artifacts / "narrow-overflow-notebook.png"), full_page=True)
    finally:
        p.close()
    names = [name for name, _ in views]
    assert any(n.startswith("version-") for n in names) and any(n.startswith("history-") for n in names)
    wide = [f"{name}: {width} px > {inner} px" for name, width in views if width > inner]
    assert wide == [] and scroll <= inner, f"views that scroll sideways at 390 px ({scroll} px): " + "; ".join(wide)


# Marks a page uses, read from the page itself, by legend entry (see peacediff.render.LEGEND).
_MARKS_JS = """() => {
  const main = document.querySelector('.pd main') || document.querySelector('.pd');
  const used = new Set();
  for (const b of main.querySelectorAll('.badge')) {
    for (const c of b.classList) { if (c.startsWith('k-')) used.add(c.slice(2)); }
  }
  if (main.querySelector('del')) used.add('del');
  if (main.querySelector('ins')) used.add('ins');
  for (const n of main.querySelectorAll('.num')) {
    const t = n.textContent;
    if (t.includes('\u2192')) used.add('arrow');
    if (t.includes('\u2205')) used.add('none');
    if (t.includes('?')) used.add('unknown-mark');
    if (t.includes('\u2013')) used.add('no-number');
  }
  for (const s of main.querySelectorAll('small')) {
    if (s.textContent.includes('figure in the text')) used.add('text-figure');
  }
  const listed = [...document.querySelectorAll('.legend [data-mark]')].map(
    e => [e.dataset.mark, e.querySelector('dd').textContent.trim()]);
  return [[...used].sort(), listed];
}"""


def _assert_legend(name: str, marks: Marks) -> None:
    used, listed, visible = marks
    names = [mark for mark, _ in listed]
    assert used, name
    missing = sorted(set(used) - set(names))
    assert missing == [], f"{name}: marks without a legend entry: {missing}"
    assert all(len(words) > 10 for _, words in listed), f"{name}: a legend entry says nothing"
    assert visible, f"{name}: the legend is not shown"


def test_legend_lists_every_mark_on_every_redline(tab: object, crawl: dict[str, Visit], sample_file: Path) -> None:
    """The sample redline at 1100 px, and each of the site's redlines as the crawl saw it at 390 px."""
    p = Page(tab, sample_file, viewport={"width": 1100, "height": 900})
    try:
        _assert_legend(sample_file.name, _marks(p.page))
    finally:
        p.close()
    redlines = sorted(name for name in crawl if "__" in name)
    assert redlines
    for name in redlines:
        marks = crawl[name].marks
        assert marks is not None, name
        _assert_legend(name, marks)


def test_every_redline_links_back_to_the_index(tab: object, site: Path, crawl: dict[str, Visit]) -> None:
    redlines = sorted(p.name for p in site.glob("*__*.html"))
    assert [name for name in redlines if not crawl[name].back_visible] == []  # a visible link to index.html
    p = Page(tab, site / redlines[-1])
    page = p.page
    try:
        page.locator("a[href='index.html']").first.click()  # the crawl follows every link; one click shows
        page.wait_for_load_state("load")                     # this one leads home
        assert page.url.endswith("/index.html")
        # each redline once in the table of redlines (the lineage graph's arrow links it too)
        assert [page.locator(f"table a[href='{name}']").count() for name in redlines] == [1] * len(redlines)
    finally:
        p.close()


def test_unreported_sub_points_read_as_unknown_not_deleted(tab: object, site: Path, artifacts: Path) -> None:
    page_path = site / "us-russia-28__us-ua-20.html"
    p = Page(tab, page_path, viewport=NARROW)
    page = p.page
    try:
        unknown = page.locator("li.sub[data-kind=unknown]")
        assert unknown.count() > 0
        first = unknown.first
        assert first.locator("del").count() == 0
        assert first.locator(".badge.k-unknown").inner_text().lower() == "not reported"
        assert first.evaluate("e => getComputedStyle(e.querySelector('.unreported')).textDecorationLine") == "none"
        first.scroll_into_view_if_needed()
        page.screenshot(path=str(artifacts / "unreported-sub-points-narrow.png"))
    finally:
        p.close()


def test_side_by_side_covers_sub_points(tab: object, site: Path, artifacts: Path) -> None:
    p = Page(tab, site / "us-russia-28__us-ua-20.html", viewport={"width": 1100, "height": 900})
    page = p.page
    try:
        guarantee = page.locator("section.change[data-old='10']")
        subs = guarantee.locator("li.sub > .redline")
        assert subs.count() >= 3
        page.locator("button.pd-sbs-toggle").click()
        assert guarantee.locator("li.sub > .sbs").count() == subs.count()
        assert not subs.first.is_visible()
        old_column = guarantee.locator("li.sub > .sbs > div").first
        assert old_column.locator("ins").count() == 0 and old_column.locator("del").count() >= 1
        guarantee.scroll_into_view_if_needed()
        page.screenshot(path=str(artifacts / "sub-points-side-by-side.png"))
    finally:
        p.close()


# --------------------------------------------------------------------------------------------
# The browsable site: crawl from the index
# --------------------------------------------------------------------------------------------

# One round trip a page for its width, element ids and links (one per same-page link was most of
# the crawl's time).
_PAGE_JS = """() => [document.documentElement.scrollWidth, window.innerWidth,
  [...document.querySelectorAll('[id]')].map(e => e.id),
  [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))]"""

#: A redline's marks in use, its legend entries (mark, words) and whether the legend is shown.
Marks = tuple[list[str], list[list[str]], bool]


def _marks(page: Any) -> Marks:
    used, listed = page.evaluate(_MARKS_JS)
    return used, listed, page.locator(".legend").is_visible()


class Visit(NamedTuple):
    """One page as the crawl saw it at 390 px."""

    scroll: int  # the page's width and the window's
    inner: int
    ids: frozenset[str]
    links: tuple[str, ...]
    problem: str | None  # console errors or network requests (Page.assert_clean)
    marks: Marks | None  # redlines (NAME__NAME.html) only
    back_visible: bool | None  # redlines only: a visible link to index.html


def _visit(p: Page, name: str) -> Visit:
    scroll, inner, ids, links = p.page.evaluate(_PAGE_JS)
    try:
        p.assert_clean()
        problem = None
    except AssertionError as exc:
        problem = str(exc)
    redline = "__" in name
    return Visit(scroll, inner, frozenset(ids), tuple(links), problem, _marks(p.page) if redline else None,
                 p.page.locator("a[href='index.html']").first.is_visible() if redline else None)


def _target(site: Path, name: str, href: str) -> str | None:
    """The site file a link leads to (``name`` itself for a same-page link); None for the web."""
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(href)
    return None if parts.scheme in ("http", "https") else unquote(parts.path) or name


@pytest.fixture(scope="module")
def crawl(tab: object, site: Path) -> dict[str, Visit]:
    """Every page reached from the index by following links, each loaded once, in the order found.

    One page at 390 px visits them all: a fresh browser context per page was half of the crawl's
    time, and loading at the width under test lays each page out once (links, ids, errors,
    requests and legends do not depend on the width; the other tests look at wide screens).  The
    legend and back-link tests read the redlines' visits instead of loading them again."""
    visits: dict[str, Visit] = {}
    queue, seen = ["index.html"], {"index.html"}
    p = Page(tab, site / "index.html", viewport=NARROW)
    try:
        while queue:
            name = queue.pop(0)
            if visits:  # Page() opened the index
                p.open(site / name)
            visits[name] = _visit(p, name)
            for href in visits[name].links:
                target = _target(site, name, href)
                if target is not None and target not in seen and (site / target).is_file():
                    seen.add(target)
                    queue.append(target)
    finally:
        p.close()
    return visits


def test_crawl_the_site_from_the_index(site: Path, crawl: dict[str, Visit]) -> None:
    """Every page is reached from the index, every link resolves, no page logs an error or asks the
    network, and no page scrolls sideways at 390 px."""
    from urllib.parse import unquote, urlsplit

    broken, problems, wide = [], [], []
    texts: dict[str, str] = {}
    for name, visit in crawl.items():
        if visit.scroll > visit.inner:
            wide.append(f"{name}: {visit.scroll} px > {visit.inner} px")
        if visit.problem:
            problems.append(f"{name}: {visit.problem}")
        for href in visit.links:
            target = _target(site, name, href)
            if target is None:
                continue
            if not (site / target).is_file():
                broken.append(f"{name}: {href}")
                continue
            fragment = urlsplit(href).fragment
            if fragment:
                if target == name:
                    found = unquote(fragment) in visit.ids
                else:
                    if target not in texts:
                        texts[target] = (site / target).read_text(encoding="utf-8")
                    found = f'id="{fragment}"' in texts[target]
                if not found:
                    broken.append(f"{name}: {href} (no such element)")
    assert broken == [] and problems == []
    assert wide == [], "pages that scroll sideways at 390 px: " + "; ".join(wide)
    assert set(crawl) == {path.name for path in site.glob("*.html")}


def test_site_screenshots(tab: object, site: Path, artifacts: Path) -> None:
    # the crawl checks every page of the site at 390 px; these are pictures to look at
    three_way = "threeway-us-russia-28--e3-counter-28--us-ua-20.html"
    p = Page(tab, site / "index.html", viewport={"width": 1100, "height": 1000})
    try:
        for name, shot in (("index.html", "site-index.png"), (three_way, "site-three-way.png"),
                           ("matrix.html", "site-matrix.png")):
            p.open(site / name)
            p.page.screenshot(path=str(artifacts / shot))
            p.assert_clean()
        p.page.set_viewport_size(NARROW)
        p.open(site / "index.html")
        p.page.screenshot(path=str(artifacts / "site-index-narrow.png"))
        _full_page_shot(p.page, artifacts / "site-index-narrow-full.png")
        p.assert_clean()
    finally:
        p.close()
