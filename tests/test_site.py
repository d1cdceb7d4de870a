"""The browsable site of `peacediff redline --out`: pages, relative links that resolve, anchors, lineage."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

import peacediff
from peacediff.cli import main
from peacediff.lineagegraph import lineage_graph
from peacediff.render import lineage_svg


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []
        self.ids: set[str] = set()
        self.srcs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(found["id"])  # type: ignore[arg-type]
        if tag in ("a", "link") and found.get("href") is not None and tag == "a":
            self.hrefs.append(found["href"])  # type: ignore[arg-type]
        if found.get("src"):
            self.srcs.append(found["src"])  # type: ignore[arg-type]

    handle_startendtag = handle_starttag


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "out"
    assert main(["redline", "--out", str(out)]) == 0
    return out


def test_the_site_has_every_kind_of_page(site: Path) -> None:
    names = {p.name for p in site.glob("*.html")}
    archive = peacediff.Archive.bundled()
    assert {"index.html", "matrix.html"} <= names
    assert {f"version-{v.id}.html" for v in archive.versions()} <= names
    assert "history-army-cap.html" in names
    # the E3 counter-proposal and the December framework against the 28 points
    assert "threeway-us-russia-28--e3-counter-28--us-ua-20.html" in names
    assert "us-russia-28__us-ua-20.html" in names


def test_every_link_is_relative_and_resolves(site: Path) -> None:
    parsed = {p.name: _parse(p) for p in site.glob("*.html")}
    broken = []
    for name, page in parsed.items():
        assert page.srcs == [], f"{name} loads {page.srcs}"
        for href in page.hrefs:
            parts = urlsplit(href)
            if parts.scheme in ("http", "https"):
                continue  # a source's own address, opened only when the reader clicks it
            assert not parts.scheme and not parts.netloc and not parts.path.startswith("/"), (name, href)
            target = unquote(parts.path) or name
            if target not in parsed:
                broken.append(f"{name}: {href} (no file)")
            elif parts.fragment and unquote(parts.fragment) not in parsed[target].ids:
                broken.append(f"{name}: {href} (no element)")
    assert broken == []


def test_every_page_links_back_to_the_index(site: Path) -> None:
    for path in site.glob("*.html"):
        if path.name != "index.html":
            assert "index.html" in _parse(path).hrefs, path.name


def test_every_redline_links_its_versions_and_its_neighbours(site: Path) -> None:
    redlines = sorted(site.glob("*__*.html"))
    assert len(redlines) >= 2
    for path in redlines:
        hrefs = set(_parse(path).hrefs)
        versions = {h for h in hrefs if h.startswith("version-")}
        assert len(versions) == 2, (path.name, versions)
        others = {h for h in hrefs if "__" in h and "#" not in h and h != path.name}
        assert others, f"{path.name} links no neighbouring redline"


def test_the_index_reaches_every_page(site: Path) -> None:
    parsed = {p.name: _parse(p) for p in site.glob("*.html")}
    seen, queue = {"index.html"}, ["index.html"]
    while queue:
        for href in parsed[queue.pop()].hrefs:
            target = unquote(urlsplit(href).path)
            if target in parsed and target not in seen:
                seen.add(target)
                queue.append(target)
    assert seen == set(parsed)


def test_the_index_draws_the_lineage(site: Path) -> None:
    index = (site / "index.html").read_text(encoding="utf-8")
    assert '<svg class="lineage"' in index
    # every parent link is an arrow to its redline, every version a box linking its page
    for parent, child in lineage_graph().edges:
        assert f'href="{parent}__{child}.html"' in index
    for v in peacediff.Archive.bundled().versions():
        assert f'href="version-{v.id}.html"' in index


def test_the_site_is_deterministic(tmp_path: Path) -> None:
    assert main(["redline", "--out", str(tmp_path / "a")]) == 0
    assert main(["redline", "--out", str(tmp_path / "b")]) == 0
    for page in (tmp_path / "a").iterdir():
        assert page.read_bytes() == (tmp_path / "b" / page.name).read_bytes(), page.name


def test_lineage_svg_escapes_and_links() -> None:
    from peacediff.lineagegraph import LineageGraph
    from peacediff.model import Version

    base = Version.from_texts("base", ["A."], title="<script>alert(1)</script>", date="2024-01-01")
    child = Version.from_texts("child", ["B."], title="Child & co", date="2024-02-01", parents=("base",),
                               coverage="partial")
    svg = str(lineage_svg(LineageGraph((base, child), (("base", "child"),))))
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert 'href="base__child.html"' in svg and 'href="version-child.html"' in svg
    assert 'stroke-dasharray' in svg  # a partial record is drawn dashed, not only in another colour
    assert "style=" not in svg


def test_lineage_text_tree_and_cli(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lineage"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("us-russia-28  2025-11-20")
    assert any(line.startswith("├── e3-counter-28") for line in lines)
    assert any(line.startswith("└── us-ua-20") for line in lines)
    assert main(["lineage", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert ["us-russia-28", "us-ua-20"] in data["edges"]


def test_a_version_with_two_parents_is_listed_under_both() -> None:
    from peacediff.lineagegraph import LineageGraph
    from peacediff.model import Version

    a = Version.from_texts("a", ["A."], date="2024-01-01")
    b = Version.from_texts("b", ["B."], date="2024-01-02")
    c = Version.from_texts("c", ["C."], date="2024-01-03", parents=("a", "b"))
    graph = LineageGraph((a, b, c), (("a", "c"), ("b", "c")))
    text = graph.to_text()
    assert text.splitlines() == [
        "a  2024-01-01  a",
        "└── c  2024-01-03  c",
        "b  2024-01-02  b",
        "└── c  (also listed above)",
    ]
    assert graph.depth("c") == 1


def test_every_page_is_valid_html5_with_unique_ids(site: Path) -> None:
    from test_render import parse

    for path in sorted(site.glob("*.html")):
        html = path.read_text(encoding="utf-8")
        assert html.startswith('<!DOCTYPE html>\n<html lang="en">'), path.name
        root = parse(html)  # strict: any HTML5 parse error fails
        ids = [el.get("id") for el in root.iter() if el.get("id")]
        assert len(ids) == len(set(ids)), f"{path.name}: duplicate ids"
        assert sum(1 for _ in root.iter("h1")) >= 1, path.name
        csp = next(el for el in root.iter("meta") if el.get("http-equiv") == "Content-Security-Policy")
        assert "default-src 'none'" in csp.get("content", ""), path.name


def test_lineage_graph_displays_in_a_notebook() -> None:
    bundle = lineage_graph()._repr_mimebundle_()
    assert bundle["text/html"].startswith('<div class="pd-lineage"><svg') and "href=" not in bundle["text/html"]
    assert bundle["text/plain"].startswith("us-russia-28")


def test_the_site_compares_each_pair_once(monkeypatch) -> None:
    import sys

    module = sys.modules["peacediff.compare"]
    made: list[tuple[str, str]] = []
    real = module.compare

    def counting(old, new, align="auto", config=None):
        made.append((old.id, new.id))
        return real(old, new, align=align) if config is None else real(old, new, align=align, config=config)

    monkeypatch.setattr(module, "compare", counting)
    archive = peacediff.Archive.bundled()
    from peacediff.render import render_site

    render_site(archive, archive.redline_pairs())
    assert len(made) == len(set(made)), sorted(p for p in set(made) if made.count(p) > 1)
