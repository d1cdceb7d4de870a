"""Key alignment's lineage: equal keys and ``origins`` grouped into 1:1, split and merge links."""

from __future__ import annotations

from collections.abc import Sequence

from peacediff._links import Link
from peacediff.model import Provision

__all__ = ["key_groups"]


def key_groups(
    old: Sequence[Provision],
    new: Sequence[Provision],
    old_by_key: dict[str, int],
    new_by_key: dict[str, int],
) -> list[Link]:
    """Key links with lineage: connected groups of equal keys and origins (1:1, 1:n split, n:1 merge)."""
    n_old = len(old)
    direct = {i: new_by_key[k] for k, i in old_by_key.items() if k in new_by_key}
    edges: list[tuple[int, int]] = []  # origin relations, as (old index, new index)
    for j, p in enumerate(new):
        edges.extend((old_by_key[o], j) for o in p.origins if o in old_by_key)
    for i, p in enumerate(old):
        edges.extend((i, new_by_key[o]) for o in p.origins if o in new_by_key)
    # Union-find over the provisions that origins touch (and their key partners) only.
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    partner_old = {j: i for i, j in direct.items()}
    for i, j in edges:
        union(i, n_old + j)
        if i in direct:
            union(i, n_old + direct[i])
        if j in partner_old:
            union(partner_old[j], n_old + j)
    groups: dict[int, tuple[list[int], list[int]]] = {}
    for node in sorted(parent):
        side = 0 if node < n_old else 1
        groups.setdefault(find(node), ([], []))[side].append(node - side * n_old)
    links: list[Link] = [Link((i,), (j,), "key", None, "key") for i, j in direct.items() if n_old + j not in parent]
    for olds, news in groups.values():
        if not olds or not news:
            continue
        if len(olds) == 1 and len(news) == 1:
            links.append(Link((olds[0],), (news[0],), "key", None, "key"))
        elif len(olds) == 1:
            links.append(Link(tuple(olds), tuple(news), "split", None, "origins"))
        elif len(news) == 1:
            links.append(Link(tuple(olds), tuple(news), "merge", None, "origins"))
        else:  # n:m lineage is ambiguous: keep the plain key links only
            links.extend(Link((i,), (direct[i],), "key", None, "key") for i in olds if i in direct)
    return links
