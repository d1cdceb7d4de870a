"""The lineage graph is walked once (LineageGraph.tree): the text tree, the Markdown list and the SVG
draw the same rows, and each version's depth is derived once from its parents."""

from __future__ import annotations

import functools
import re

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from peacediff.lineagegraph import LineageGraph
from peacediff.model import Version
from peacediff.render import lineage_svg, render_lineage_markdown, render_lineage_text


@functools.cache
def _version(vid: str, date: str | None = "2025-01-01") -> Version:
    # Versions are immutable: the graphs share the eighteen the strategy can ask for, built once.
    return attrs.evolve(Version.from_texts(vid, ["A point."], title=f"Plan {vid}"), date=date)


@st.composite
def graphs(draw: st.DrawFn) -> LineageGraph:
    """Up to nine versions with any links between them: several roots, several parents, cycles.

    Which versions are dated is one draw (a bit a version), and each link one number for one of
    the n·(n-1) ordered pairs of distinct versions: a draw a version and two draws a link, the
    self-links filtered out, made most of the cost of these tests."""
    n = draw(st.integers(1, 9))
    dated = draw(st.integers(0, 2**n - 1))
    versions = tuple(_version(f"v{i}", "2025-02-01" if dated >> i & 1 else None) for i in range(n))
    links = draw(st.lists(st.integers(0, n * (n - 1) - 1), max_size=14, unique=True)) if n > 1 else []
    return LineageGraph(versions, tuple((f"v{a}", f"v{b}") for a, b in (_pair(k, n) for k in links)))


def _pair(k: int, n: int) -> tuple[int, int]:
    """The k-th ordered pair (a, b) of distinct numbers below n."""
    a, r = divmod(k, n - 1)
    return a, r if r < a else r + 1


@settings(max_examples=300, deadline=None)
@given(graphs())
def test_text_tree_and_markdown_list_draw_the_same_rows(graph: LineageGraph) -> None:
    text_rows = []
    for line in render_lineage_text(graph).splitlines():
        m = re.match(r"^((?:[│ ]   )*)(?:[├└]── )?(v\d+)  (.*)$", line)
        assert m, line
        depth = len(m.group(1)) // 4 + (1 if "── " in line else 0)
        text_rows.append((depth, m.group(2), "(also listed above)" not in m.group(3)))
    md_rows = []
    for line in render_lineage_markdown(graph).splitlines():
        m = re.match(r"^((?:  )*)- `(v\d+)`(.*)$", line)
        assert m, line
        md_rows.append((len(m.group(1)) // 2, m.group(2), "also listed above" not in m.group(3)))
    expected = [(indent, v.id, first) for indent, v, first in graph.tree()]
    assert text_rows == md_rows == expected
    # Every version is listed, expanded exactly once.
    assert sorted(vid for _, vid, first in expected if first) == sorted(v.id for v in graph.versions)


@settings(max_examples=300, deadline=None)
@given(graphs())
def test_branches_say_whether_a_sibling_follows(graph: LineageGraph) -> None:
    rows = graph.tree()
    lines = render_lineage_text(graph).splitlines()
    for i, ((indent, _, _), line) in enumerate(zip(rows, lines, strict=True)):
        if indent == 0:
            assert not line.startswith(("├", "└", "│", " "))
            continue
        for level in range(1, indent + 1):
            # The next row at this level or above says whether this level's list goes on.
            later = next((r[0] for r in rows[i + 1:] if r[0] <= level), None)
            drawn = line[4 * (level - 1): 4 * level]
            if level == indent:
                assert drawn == ("├── " if later == level else "└── ")
            else:
                assert drawn == ("│   " if later == level else "    ")


def test_a_diamond_a_second_root_and_a_cycle_as_a_text_tree() -> None:
    versions = (_version("base"), _version("left"), _version("right"), _version("merged", None),
                _version("other"), _version("loop-a"), _version("loop-b"))
    edges = (("base", "left"), ("base", "right"), ("left", "merged"), ("right", "merged"),
             ("loop-a", "loop-b"), ("loop-b", "loop-a"))
    graph = LineageGraph(versions, edges)
    assert render_lineage_text(graph) == (
        "base  2025-01-01  Plan base\n"
        "├── left  2025-01-01  Plan left\n"
        "│   └── merged  undated  Plan merged\n"
        "└── right  2025-01-01  Plan right\n"
        "    └── merged  (also listed above)\n"
        "other  2025-01-01  Plan other\n"
        "loop-a  2025-01-01  Plan loop-a\n"
        "└── loop-b  2025-01-01  Plan loop-b\n"
        "    └── loop-a  (also listed above)\n"
    )
    assert [graph.depth(v.id) for v in versions[:5]] == [0, 1, 1, 2, 0]


@settings(max_examples=200, deadline=None)
@given(graphs())
def test_depth_is_the_longest_way_down_from_a_root(graph: LineageGraph) -> None:
    ids = {v.id for v in graph.versions}
    # Without a cycle: 0 for a root, else one more than its deepest parent.
    acyclic = all(v.id not in {a.id for a in _ancestors(graph, v.id)} for v in graph.versions)
    for vid in ids:
        parents = graph.parents(vid)
        if acyclic:
            assert graph.depth(vid) == (1 + max(graph.depth(p.id) for p in parents) if parents else 0)
        assert graph.depth(vid) == graph.depth(vid) >= 0
    assert graph.to_dict() == graph.to_dict()
    # The SVG places every version once, one column per generation.
    svg = str(lineage_svg(graph, node_href=None, edge_href=None))
    assert svg.count("<rect ") == len(ids)


def _ancestors(graph: LineageGraph, vid: str) -> list[Version]:
    seen: dict[str, Version] = {}
    todo = list(graph.parents(vid))
    while todo:
        v = todo.pop()
        if v.id not in seen:
            seen[v.id] = v
            todo.extend(graph.parents(v.id))
    return list(seen.values())
