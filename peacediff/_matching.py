"""Matching solvers of the text aligner: the one-to-one assignment and duplicate pairing.

:func:`assign` is a maximum-weight bipartite matching in which "no partner" is allowed,
solved exactly per connected group of contested candidates (:func:`hungarian`), greedily
past a size budget.  :func:`pair_duplicates` pairs copies of one text by position.
Pure Python: the same answer on every machine, and nothing heavy to import.
"""

from __future__ import annotations

import math
from collections import defaultdict
from operator import itemgetter

__all__ = ["assign", "greedy", "hungarian", "next_best", "pair_duplicates", "rank"]


def assign(weights: dict[tuple[int, int], float], exact_max: int) -> tuple[list[tuple[int, int]], int]:
    """Maximum-weight one-to-one matching (unmatched allowed), exact per connected group.

    A pair of weight <= 0 never raises the total ("no partner" weighs 0), so it is never
    chosen.  Groups of more than ``exact_max`` provisions (both sides) are matched greedily,
    best pair first; returns the pairs, sorted, and how many groups went greedy.
    """
    weights = {pair: w for pair, w in weights.items() if w > 0}
    if not weights:
        return [], 0
    adj_a: dict[int, list[tuple[float, int]]] = defaultdict(list)
    adj_b: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for (a, b), w in weights.items():
        adj_a[a].append((w, b))
        adj_b[b].append((w, a))
    for lst in (*adj_a.values(), *adj_b.values()):
        lst.sort(key=lambda x: (-x[0], x[1]))
    chosen: list[tuple[int, int]] = []
    # Unambiguous pairs first: each other's only candidate.
    taken_a: set[int] = set()
    taken_b: set[int] = set()
    for a in sorted(adj_a):
        lst = adj_a[a]
        if len(lst) == 1:
            b = lst[0][1]
            if len(adj_b[b]) == 1:
                chosen.append((a, b))
                taken_a.add(a)
                taken_b.add(b)
    # Connected groups of the rest.
    seen_a: set[int] = set(taken_a)
    greedy_groups = 0
    for start in sorted(adj_a):
        if start in seen_a:
            continue
        group_a: list[int] = []
        group_b: set[int] = set()
        stack = [start]
        seen_a.add(start)
        while stack:
            a = stack.pop()
            group_a.append(a)
            for _w, b in adj_a[a]:
                if b in group_b:
                    continue
                group_b.add(b)
                for _w2, a2 in adj_b[b]:
                    if a2 not in seen_a:
                        seen_a.add(a2)
                        stack.append(a2)
        ga = sorted(group_a)
        gb = sorted(group_b)
        if len(ga) + len(gb) <= exact_max:
            chosen.extend(hungarian(ga, gb, weights))
        else:
            greedy_groups += 1
            chosen.extend(greedy(ga, weights, adj_a))
    return sorted(chosen), greedy_groups


def pair_duplicates(
    olds: list[int], news: list[int], n_old: int, n_new: int, pairs_max: int
) -> tuple[list[tuple[int, int]], bool]:
    """Pair a text that occurs a different number of times on each side, in order, nearest positions first.

    An order-preserving matching of size min(len) minimising the distance of
    relative positions (dynamic programming): when one of two identical points
    was edited, the untouched copy pairs with the one in the same place.  Past
    ``pairs_max`` (old copies × new copies) the copies pair in document order instead;
    the flag returned says so.
    """
    if len(olds) > len(news):
        flipped, over = pair_duplicates(news, olds, n_new, n_old, pairs_max)
        return [(i, j) for j, i in flipped], over
    a, b = len(olds), len(news)
    if a * b > pairs_max:
        return list(zip(olds, news, strict=False)), True
    pos_a = [i / max(n_old, 1) for i in olds]
    pos_b = [j / max(n_new, 1) for j in news]
    inf = math.inf
    # cost[x][y]: best cost matching the first x olds into the first y news (x <= y).
    cost = [[inf] * (b + 1) for _ in range(a + 1)]
    for y in range(b + 1):
        cost[0][y] = 0.0
    for x in range(1, a + 1):
        row, prev = cost[x], cost[x - 1]
        for y in range(x, b + 1):
            take = prev[y - 1] + abs(pos_a[x - 1] - pos_b[y - 1])
            row[y] = min(row[y - 1], take)
    pairs = []
    x, y = a, b
    while x > 0:
        if y > x and cost[x][y] == cost[x][y - 1]:
            y -= 1
        else:
            pairs.append((olds[x - 1], news[y - 1]))
            x -= 1
            y -= 1
    return pairs[::-1], False


def greedy(
    group_a: list[int], weights: dict[tuple[int, int], float], adj_a: dict[int, list[tuple[float, int]]]
) -> list[tuple[int, int]]:
    """Best pair first, each side used once (the fallback past the exact solver's budget); positive weights only."""
    edges = sorted(((w, a, b) for a in group_a for w, b in adj_a[a] if w > 0), key=lambda x: (-x[0], x[1], x[2]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for _w, a, b in edges:
        if a not in used_a and b not in used_b:
            used_a.add(a)
            used_b.add(b)
            out.append((a, b))
    return out


def hungarian(rows: list[int], cols: list[int], weights: dict[tuple[int, int], float]) -> list[tuple[int, int]]:
    """Maximum-weight matching of ``rows`` to ``cols``; a row or column may stay unmatched.

    The classic O(n²·m) shortest-augmenting-path Hungarian algorithm with potentials, over
    the weights clipped at 0: it matches every row of the smaller side, and a pair of
    weight <= 0 (or none) is as good as no partner, so such pairs are dropped afterwards.
    Without the clip a negative pair could force a positive one out
    (``{(0, 0): -0.01, (1, 1): 0.005}`` gave no pair).
    """
    transpose = len(rows) > len(cols)
    if transpose:
        rows, cols = cols, rows

    def w(r: int, c: int) -> float:
        return max(weights.get((c, r) if transpose else (r, c), 0.0), 0.0)

    n, m = len(rows), len(cols)
    inf = math.inf
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    p = [0] * (m + 1)
    way = [0] * (m + 1)
    cost = [[-w(rows[r], cols[c]) for c in range(m)] for r in range(n)]
    for r in range(1, n + 1):
        p[0] = r
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0 = p[j0]
            delta = inf
            j1 = 0
            row = cost[i0 - 1]
            ui0 = u[i0]
            for j in range(1, m + 1):
                if not used[j]:
                    cur = row[j - 1] - ui0 - v[j]
                    if cur < minv[j]:
                        minv[j] = cur
                        way[j] = j0
                    if minv[j] < delta:
                        delta = minv[j]
                        j1 = j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    out = []
    for j in range(1, m + 1):
        if p[j]:
            r, c = rows[p[j] - 1], cols[j - 1]
            pair = (c, r) if transpose else (r, c)
            if weights.get(pair, 0.0) > 0:
                out.append(pair)
    return out


# Ranked candidate lists (score, index), shared by the aligner's passes.
_first = itemgetter(0)
_second = itemgetter(1)


def rank(lst: list[tuple[float, int]]) -> None:
    """Sort (score, index) pairs in place: highest score first, then the lower index.

    Two stable sorts in C (a descending sort keeps equal keys in their order) instead of
    one calling a Python key function per pair."""
    lst.sort(key=_second)
    lst.sort(key=_first, reverse=True)


def next_best(lst: list[tuple[float, int]], partner: int) -> float:
    """The best score in a :func:`rank`-ed list that is not ``partner``'s (0.0 if none)."""
    for score, other in lst:
        if other != partner:
            return score
    return 0.0
