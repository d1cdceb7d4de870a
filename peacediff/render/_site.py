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
    from peacediff.threeway import compare3
    from peacediff.timeline import history
    from peacediff.versionmatrix import matrix

    pages: dict[str, str] = {}
    graph = lineage_graph(archive)
    comparisons = {(old.id, new.id): compare(old, new) for old, new in pairs}
    entries = []
    redline_names = [site_name("redline", old_id, new_id) for old_id, new_id in comparisons]
    for i, ((old_id, new_id), comparison) in enumerate(comparisons.items()):
        name = redline_names[i]
        nav = [(f"Version {old_id}", site_name("version", old_id)), (f"Version {new_id}", site_name("version", new_id))]
        if i > 0:
            nav.append(("← Previous redline", redline_names[i - 1]))
        if i + 1 < len(redline_names):
            nav.append(("Next redline →", redline_names[i + 1]))
        pages[name] = comparison.to_html(index_href="index.html", nav=nav)
        entries.append((name, comparison))
    grid = matrix(archive=archive, comparisons=comparisons)
    pages["matrix.html"] = render_matrix_html(grid, index_href="index.html", history_href="history-{key}.html",
                                              cell_links=_matrix_links(grid, comparisons))
    threeways = []
    for base, left, right in _sibling_triples(graph):
        name = site_name("threeway", base.id, left.id, right.id)
        tw = compare3(base, left, right, comparisons=comparisons)
        pages[name] = render_threeway_html(tw, index_href="index.html")
        threeways.append((name, tw))
    versions = graph.versions
    version_names = [site_name("version", v.id) for v in versions]
    for i, v in enumerate(versions):
        lineage = [comparisons.get((p.id, v.id)) or compare(p, v) for p in graph.parents(v.id)]
        related = [(f"Redline {old} → {new}", site_name("redline", old, new))
                   for old, new in comparisons if v.id in (old, new)]
        pages[version_names[i]] = _wrap_page(f"Version: {v.id}", render_version_html(v, lineage=lineage),
                                             neighbours=_neighbours(version_names, [x.id for x in versions], i),
                                             related=related)
    keys = sorted({p.key for v in versions for p in v.provisions if p.key})
    history_names = [site_name("history", k) for k in keys]
    for i, key in enumerate(keys):
        h = history(key, archive)
        related = [(f"Version {e.version.id}", site_name("version", e.version.id)) for e in h.entries]
        pages[history_names[i]] = _wrap_page(f"History: {key}", render_history_html(h),
                                             neighbours=_neighbours(history_names, keys, i), related=related,
                                             inside=True)
    site = {
        "lineage": lineage_svg(graph),
        "matrix": "matrix.html",
        "threeways": threeways,
        "labels": THREEWAY_LABELS,
        "versions": list(zip(version_names, versions, strict=True)),
        "histories": list(zip(history_names, keys, strict=True)),
    }
    pages["index.html"] = render_index_html(entries, site=site)
    return pages
