"""The lineage graph drawn: a text tree, a nested Markdown list, an inline SVG."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from markupsafe import Markup, escape

from peacediff.lineagegraph import LineageGraph
from peacediff.model import Version
from peacediff.render._markdown import md_escape
from peacediff.render._safetext import visible_controls


def render_lineage_text(graph: LineageGraph, *, width: int = 100, **_options: Any) -> str:
    """The versions as a text tree: each version under the one it revises, oldest first.

    The rows are :meth:`LineageGraph.tree`'s, the Markdown list's too; this draws their branches.
    """
    rows = graph.tree()
    lines = []
    for lead, (_, v, first) in zip(_branches(rows), rows, strict=True):
        if not first:
            lines.append(f"{lead}{v.id}  (also listed above)")
            continue
        facts = "  ".join(x for x in (v.date or "undated", v.title) if x)
        partial = ", partial record" if v.coverage == "partial" else ""
        lines.append(f"{lead}{v.id}  {facts}{partial}")
    return visible_controls("\n".join(lines)) + "\n"


def _branches(rows: Sequence[tuple[int, Version, bool]]) -> list[str]:
    """What stands before each tree row: ``├── `` before a version a sibling follows, ``└── `` before
    the last, and for each level above it ``│   `` while that level's list goes on (roots: nothing)."""
    # A row is the last of its siblings when no later row at its indent comes before a shallower one.
    last = [True] * len(rows)
    sibling_after: list[bool] = []  # by indent, scanning from the end
    for i in range(len(rows) - 1, -1, -1):
        indent = rows[i][0]
        del sibling_after[indent + 1:]
        sibling_after.extend([False] * (indent + 1 - len(sibling_after)))
        last[i] = not sibling_after[indent]
        sibling_after[indent] = True
    leads = []
    goes_on: list[bool] = []  # by indent, along the path to the current row
    for (indent, _, _), is_last in zip(rows, last, strict=True):
        del goes_on[indent:]
        lead = "".join("│   " if more else "    " for more in goes_on[1:])
        leads.append(lead + ("" if indent == 0 else "└── " if is_last else "├── "))
        goes_on.append(not is_last)
    return leads


def render_lineage_markdown(graph: LineageGraph) -> str:
    """The versions as a nested Markdown list."""
    lines = []
    for indent, v, first in graph.tree():
        facts = f" ({md_escape(v.date)})" if v.date else ""
        tail = f" {md_escape(v.title)}" if first else " *(also listed above)*"
        lines.append(f"{'  ' * indent}- `{v.id}`{facts}{tail}")
    return visible_controls("\n".join(lines) + "\n")


_NODE_W, _NODE_H, _COL_W, _ROW_H = 200, 46, 250, 62


def lineage_svg(graph: LineageGraph, *, node_href: str | None = "version-{id}.html",
                edge_href: str | None = "{parent}__{child}.html") -> Markup:
    """The lineage as inline SVG: a box per version (id, date), an arrow per parent link.

    Black on white with text labels, so it reads without colour; a partial record has a
    dashed box.  ``node_href`` / ``edge_href`` (``{id}``, ``{parent}``, ``{child}``
    placeholders; None for no links) make each box link its version page and each arrow
    its redline.  No external asset, no style attribute (the pages' CSP allows none).
    """
    place: dict[str, tuple[int, int]] = {}
    for row, (_, v, _first) in enumerate(r for r in graph.tree() if r[2]):
        place[v.id] = (graph.depth(v.id) * _COL_W + 10, row * _ROW_H + 10)
    width = max((x for x, _ in place.values()), default=0) + _NODE_W + 20
    height = max((y for _, y in place.values()), default=0) + _NODE_H + 20
    parts = [f'<svg class="lineage" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
             f'width="100%" role="img" aria-labelledby="lineage-title">'
             '<title id="lineage-title">How the versions descend from each other: '
             'each arrow runs from a version to the one that revises it.</title>'
             '<defs><marker id="lineage-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" '
             'markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#1c1c1c"/></marker>'
             '</defs>']
    for parent, child in graph.edges:
        (px, py), (cx, cy) = place[parent], place[child]
        x1, y1, x2, y2 = px + _NODE_W, py + _NODE_H // 2, cx - 2, cy + _NODE_H // 2
        mid = (x1 + x2) // 2
        d = f"M{x1},{y1} C{mid},{y1} {mid},{y2} {x2},{y2}"
        label = escape(f"redline: {parent} → {child}")
        path = (f'<path d="{d}" fill="none" stroke="#1c1c1c" stroke-width="1.5" marker-end="url(#lineage-arrow)"/>'
                f'<path d="{d}" fill="none" stroke="#000" stroke-opacity="0" stroke-width="12"/>')
        if edge_href:
            href = escape(edge_href.format(parent=parent, child=child))
            parts.append(f'<a href="{href}" aria-label="{label}"><title>{label}</title>{path}</a>')
        else:
            parts.append(f"<g><title>{label}</title>{path}</g>")
    for v in graph.versions:
        x, y = place[v.id]
        dash = ' stroke-dasharray="6 4"' if v.coverage == "partial" else ""
        note = " · partial" if v.coverage == "partial" else ""
        label = escape(f"{v.id}: {v.title}")
        box = (f'<rect x="{x}" y="{y}" width="{_NODE_W}" height="{_NODE_H}" rx="6" fill="#fff" stroke="#1c1c1c" '
               f'stroke-width="1.5"{dash}/>'
               f'<text x="{x + 10}" y="{y + 19}" font-size="14" font-weight="700" fill="#1c1c1c">'
               f'{escape(_clip(v.id, 24))}</text>'
               f'<text x="{x + 10}" y="{y + 37}" font-size="12" fill="#1c1c1c">'
               f'{escape((v.date or "undated") + note)}</text>')
        if node_href:
            href = escape(node_href.format(id=v.id))
            parts.append(f'<a href="{href}" aria-label="{label}"><title>{label}</title>{box}</a>')
        else:
            parts.append(f"<g><title>{label}</title>{box}</g>")
    parts.append("</svg>")
    return Markup("".join(parts))


def _clip(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def render_lineage_html(graph: LineageGraph) -> str:
    """The lineage graph as an HTML fragment (the SVG without links, for notebooks)."""
    return visible_controls(f'<div class="pd-lineage">{lineage_svg(graph, node_href=None, edge_href=None)}</div>')


# --------------------------------------------------------------------------------------------
# The browsable site of `peacediff redline --out`
