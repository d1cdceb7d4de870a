"""How the versions descend from each other: :func:`lineage_graph` and :class:`LineageGraph`.

The graph's nodes are versions (oldest first), its edges the ``parents`` links the
version files declare.  ``peacediff lineage`` prints it as a text tree; the index page of
``peacediff redline --out`` draws it as an inline SVG whose nodes link the version pages
and whose edges link the redlines.

(The module is not called ``lineage``: that word names the ``peacediff lineage`` command
and the lineage keys of provisions.)

Example::

    >>> g = lineage_graph()
    >>> [v.id for v in g.roots][:1], [v.id for v in g.children("us-russia-28")][:1]
    (['us-russia-28'], ['e3-counter-28'])
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

import attrs

from peacediff._display import Displayable
from peacediff.model import Version

if TYPE_CHECKING:
    from peacediff.archive import Archive

__all__ = ["LineageGraph", "lineage_graph"]

@attrs.frozen(repr=False)
class LineageGraph(Displayable):
    """Versions (oldest first) and their ``(parent id, child id)`` links."""

    versions: tuple[Version, ...]
    edges: tuple[tuple[str, str], ...]

    def __repr__(self) -> str:
        return f"<LineageGraph: {len(self.versions)} version(s), {len(self.edges)} link(s)>"

    def __str__(self) -> str:
        """The text tree."""
        return self.to_text()

    def get(self, version_id: str) -> Version:
        """The version with this id; ``KeyError`` naming the known ids otherwise."""
        for v in self.versions:
            if v.id == version_id:
                return v
        raise KeyError(f"no version {version_id!r} in this graph (known: {', '.join(v.id for v in self.versions)})")

    def parents(self, version_id: str) -> tuple[Version, ...]:
        """The versions ``version_id`` revises that are in the graph, oldest first."""
        ids = {p for p, c in self.edges if c == version_id}
        return tuple(v for v in self.versions if v.id in ids)

    def children(self, version_id: str) -> tuple[Version, ...]:
        """The versions that revise ``version_id``, oldest first."""
        ids = {c for p, c in self.edges if p == version_id}
        return tuple(v for v in self.versions if v.id in ids)

    @property
    def roots(self) -> tuple[Version, ...]:
        """The versions with no parent in the graph, oldest first."""
        children = {c for _, c in self.edges}
        return tuple(v for v in self.versions if v.id not in children)

    def depth(self, version_id: str) -> int:
        """Generations from the farthest root (0 for a root)."""
        return self._depths[version_id]

    # The graph is frozen, so what is derived from it holds for its lifetime: derived once.
    @functools.cached_property
    def _depths(self) -> dict[str, int]:
        depths: dict[str, int] = {}
        for v in self.versions:  # oldest first: parents are usually placed before their children
            self._depth(v.id, depths, ())
        return depths

    def _depth(self, version_id: str, known: dict[str, int], path: tuple[str, ...]) -> int:
        if version_id in known:
            return known[version_id]
        if version_id in path:  # a cycle in hand-written files: stop rather than recurse forever
            return 0
        parents = self.parents(version_id)
        value = 1 + max(self._depth(p.id, known, (*path, version_id)) for p in parents) if parents else 0
        known[version_id] = value
        return value

    def tree(self) -> tuple[tuple[int, Version, bool], ...]:
        """``(indent, version, first time)`` rows of the text tree, depth first from each root.

        A version with two parents appears under each; the second time it is not expanded.
        The text tree, the Markdown list and the SVG all draw these rows.
        """
        return self._tree

    @functools.cached_property
    def _tree(self) -> tuple[tuple[int, Version, bool], ...]:
        rows: list[tuple[int, Version, bool]] = []
        shown: set[str] = set()

        def visit(v: Version, indent: int) -> None:
            first = v.id not in shown
            rows.append((indent, v, first))
            shown.add(v.id)
            if first:
                for child in self.children(v.id):
                    visit(child, indent + 1)

        for root in self.roots:
            visit(root, 0)
        for v in self.versions:  # a cycle has no root: still show every version
            if v.id not in shown:
                visit(v, 0)
        return tuple(rows)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict with a fixed key order."""
        return {
            "versions": [{"id": v.id, "date": v.date, "title": v.title, "coverage": v.coverage,
                          "parents": [p.id for p in self.parents(v.id)], "depth": self.depth(v.id)}
                         for v in self.versions],
            "edges": [list(e) for e in self.edges],
        }


def lineage_graph(archive: Archive | None = None) -> LineageGraph:
    """The parent links of ``archive``'s versions (default: the bundled ones)."""
    if archive is None:
        from peacediff.archive import Archive

        archive = Archive.bundled()
    versions = tuple(archive.versions())
    ids = {v.id for v in versions}
    edges = tuple((p, v.id) for v in versions for p in v.parents if p in ids)
    return LineageGraph(versions, edges)
