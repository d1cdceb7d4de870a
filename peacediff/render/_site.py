"""The browsable site of ``peacediff redline --out``: every page by file name, linked by relative names."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from markupsafe import Markup

from peacediff.compare import Comparison
from peacediff.lineagegraph import LineageGraph
from peacediff.model import Version
from peacediff.render._anchors import redline_anchors
from peacediff.render._environment import csp_for, page_assets, render_template
from peacediff.render._lineage import lineage_svg
from peacediff.render._pages import (
    render_history_html,
    render_index_html,
    render_matrix_html,
    render_threeway_html,
    render_version_html,
)
from peacediff.render._views import THREEWAY_LABELS
from peacediff.versionmatrix import Matrix

if TYPE_CHECKING:
    from peacediff.archive import Archive
    from peacediff.threeway import ThreeWay


def _wrap_page(title: str, body: str, *, neighbours: Sequence[tuple[str, str]] = (),
               related: Sequence[tuple[str, str]] = (), inside: bool = False) -> str:
    """A site page around a rendered fragment; ``inside`` puts it in the page's own styled frame
    (for fragments that bring no frame of their own)."""
    css = page_assets()[0]
    page = render_template("page.html.j2", title=title, body=Markup(body), css=css, neighbours=neighbours,
                           related=related, inside=inside)
    return page.replace("__PEACEDIFF_CSP__", csp_for(page), 1)


def _neighbours(names: Sequence[str], labels: Sequence[str], i: int) -> tuple[tuple[str, str], ...]:
    out = []
    if i > 0:
        out.append((f"← {labels[i - 1]}", names[i - 1]))
    if i + 1 < len(names):
        out.append((f"{labels[i + 1]} →", names[i + 1]))
    return tuple(out)


def site_name(kind: str, *ids: str) -> str:
    """The file name of a site page: ``site_name("version", "us-ua-20")`` is ``'version-us-ua-20.html'``."""
    if kind == "redline":
        return f"{ids[0]}__{ids[1]}.html"
    if kind == "threeway":
        return "threeway-" + "--".join(ids) + ".html"
    return f"{kind}-{ids[0]}.html"


def _matrix_links(grid: Matrix, comparisons: dict[tuple[str, str], Comparison]) -> list[list[str | None]]:
    """Each cell holding a provision links its place on the redline of its column (when the site has it)."""
    anchors = {pair: redline_anchors(c) for pair, c in comparisons.items()}
    links: list[list[str | None]] = []
    for row in grid.rows:
        line: list[str | None] = []
        for version, ref, cell in zip(grid.versions, grid.references, row.cells, strict=True):
            pair = (ref, version.id) if ref is not None else None
            anchor = None
            if pair in anchors and cell.provisions:
                p = cell.provisions[0]
                anchor = anchors[pair].get((p.number, p.key))
            line.append(f"{site_name('redline', *pair)}#{anchor}" if anchor and pair else None)
        links.append(line)
    return links


def _sibling_triples(graph: LineageGraph) -> list[tuple[Version, Version, Version]]:
    """Every two versions revising one base, the earlier on the left."""
    triples: list[tuple[Version, Version, Version]] = []
    for base in graph.versions:
        children = graph.children(base.id)
        for i, left in enumerate(children):
            triples.extend((base, left, right) for right in children[i + 1:])
    return triples


def render_site(archive: Archive, pairs: Sequence[tuple[Version, Version]]) -> dict[str, str]:
    """Every page of the browsable site, by file name: the index (lineage graph, matrix link, redlines,
    three-way pages, versions, histories), a redline per pair, the matrix, a three-way page per two
    sibling proposals, a page per version and per provision history.  Links are relative file names."""
    from peacediff.compare import compare
    from peacediff.lineagegraph import lineage_graph
    from peacediff.versionmatrix import matrix

    graph = lineage_graph(archive)
    comparisons = {(old.id, new.id): compare(old, new) for old, new in pairs}
    redlines = _redline_pages(comparisons)
    pages = {name: page for name, _, page in redlines}
    grid = matrix(archive=archive, comparisons=comparisons)
    pages["matrix.html"] = render_matrix_html(grid, index_href="index.html", history_href="history-{key}.html",
                                              cell_links=_matrix_links(grid, comparisons))
    threeways = _threeway_pages(graph, comparisons)
    versions = _version_pages(graph, comparisons)
    histories = _history_pages(archive, graph.versions)
    for listed in (threeways, versions, histories):
        pages.update((name, page) for name, _, page in listed)
    site = {
        "lineage": lineage_svg(graph),
        "matrix": "matrix.html",
        "threeways": [(name, tw) for name, tw, _ in threeways],
        "labels": THREEWAY_LABELS,
        "versions": [(name, v) for name, v, _ in versions],
        "histories": [(name, key) for name, key, _ in histories],
    }
    pages["index.html"] = render_index_html([(name, c) for name, c, _ in redlines], site=site)
    return pages


def _redline_pages(comparisons: dict[tuple[str, str], Comparison]) -> list[tuple[str, Comparison, str]]:
    """A redline page per pair, linking its two versions and the redlines before and after it."""
    names = [site_name("redline", old_id, new_id) for old_id, new_id in comparisons]
    out = []
    for i, ((old_id, new_id), comparison) in enumerate(comparisons.items()):
        nav = [(f"Version {old_id}", site_name("version", old_id)), (f"Version {new_id}", site_name("version", new_id))]
        if i > 0:
            nav.append(("← Previous redline", names[i - 1]))
        if i + 1 < len(names):
            nav.append(("Next redline →", names[i + 1]))
        out.append((names[i], comparison, comparison.to_html(index_href="index.html", nav=nav)))
    return out


def _threeway_pages(graph: LineageGraph, comparisons: dict[tuple[str, str], Comparison]
                    ) -> list[tuple[str, ThreeWay, str]]:
    """A three-way page per two versions revising one base (comparisons already made are reused)."""
    from peacediff.threeway import compare3

    out = []
    for base, left, right in _sibling_triples(graph):
        tw = compare3(base, left, right, comparisons=comparisons)
        out.append((site_name("threeway", base.id, left.id, right.id), tw,
                    render_threeway_html(tw, index_href="index.html")))
    return out


def _version_pages(graph: LineageGraph, comparisons: dict[tuple[str, str], Comparison]
                   ) -> list[tuple[str, Version, str]]:
    """A page per version, with the fate of its parents' points and links to its redlines."""
    from peacediff.compare import compare

    versions = graph.versions
    names = [site_name("version", v.id) for v in versions]
    out = []
    for i, v in enumerate(versions):
        lineage = [comparisons.get((p.id, v.id)) or compare(p, v) for p in graph.parents(v.id)]
        related = [(f"Redline {old} → {new}", site_name("redline", old, new))
                   for old, new in comparisons if v.id in (old, new)]
        page = _wrap_page(f"Version: {v.id}", render_version_html(v, lineage=lineage),
                          neighbours=_neighbours(names, [x.id for x in versions], i), related=related)
        out.append((names[i], v, page))
    return out


def _history_pages(archive: Archive, versions: Sequence[Version]) -> list[tuple[str, str, str]]:
    """A page per lineage key: the provision's history, linking the versions it appears in."""
    from peacediff.timeline import history

    keys = sorted({p.key for v in versions for p in v.provisions if p.key})
    names = [site_name("history", k) for k in keys]
    out = []
    for i, key in enumerate(keys):
        h = history(key, archive)
        related = [(f"Version {e.version.id}", site_name("version", e.version.id)) for e in h.entries]
        page = _wrap_page(f"History: {key}", render_history_html(h), neighbours=_neighbours(names, keys, i),
                          related=related, inside=True)
        out.append((names[i], key, page))
    return out
