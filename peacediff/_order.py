"""Order: longest increasing chains of links, and which links moved.

One patience-sorting routine (:func:`_chain_lengths`) gives both the anchor chain of the
text aligner (:func:`increasing_chain`) and the chains :func:`moved_links` weighs.
"""

from __future__ import annotations

import itertools
import math
import zlib
from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from peacediff._links import Link

__all__ = ["increasing_chain", "moved_links", "text_tiebreak"]


def moved_links(links: Sequence[Link], tiebreak: Callable[[int], int] | None = None) -> frozenset[int]:
    """Indices of links that moved: those outside *every* heaviest chain of in-order links.

    Each link is a point (first old index, first new index).  A chain is a
    set of points increasing in both; its weight is its length, ties broken by
    ``tiebreak(k)`` (a small non-negative integer for link ``k`` that does not
    depend on which side is old; asked only for links out of order).  A link
    in every heaviest chain kept its place; the others moved.  When the
    tie-break cannot separate two chains, both links are flagged.

    >>> from peacediff.align import Link
    >>> moved_links([Link((0,), (0,), "key"), Link((1,), (2,), "key"), Link((2,), (1,), "key")])
    frozenset({1, 2})
    >>> moved_links([Link((0,), (1,), "key"), Link((1,), (2,), "key"), Link((3,), (0,), "key")])
    frozenset({2})
    """
    points = []
    for k, lk in enumerate(links):
        olds, news = lk.old, lk.new
        if olds and news:  # one provision a side (most links): no min calls
            points.append((olds[0] if len(olds) == 1 else min(olds), news[0] if len(news) == 1 else min(news), k))
    points.sort()
    n = len(points)
    if n < 2:
        return frozenset()
    # A point comparable with every other is in every chain: skip it (near-linear for in-order documents).
    prefix_max, suffix_min = _bounds([p[1] for p in points])
    rest = [points[k] for k in range(n) if not (prefix_max[k] < points[k][1] < suffix_min[k])]
    if not rest:
        return frozenset()
    r = len(rest)
    rank = {j: idx for idx, j in enumerate(sorted(p[1] for p in rest))}
    ranks = [rank[p[1]] for p in rest]
    # First by length alone; only points on some but not every longest chain need the tie-break.
    on_chain, fixed = _chain_members(ranks, None)
    ambiguous = [k for k in range(r) if on_chain[k] and k not in fixed]
    if ambiguous and tiebreak is not None:
        big = 1 << 40  # chain length dominates the tie-break (tiebreak < 2**16, chains < 2**24)
        weights = [big] * r
        for k in ambiguous:
            weights[k] = big + tiebreak(rest[k][2])
        on_chain, fixed = _chain_members(ranks, weights)
    return frozenset(rest[k][2] for k in range(r) if k not in fixed)


def _bounds(ys: Sequence[int]) -> tuple[list[float], list[float]]:
    """For each k, the highest of ``ys`` before k (-1 for none) and the lowest after it (inf for
    none): running maxima and minima, computed in C."""
    before: list[float] = list(itertools.accumulate(ys, max, initial=-1))
    after: list[float] = list(itertools.accumulate(reversed(ys), min, initial=math.inf))
    before.pop()
    after.pop()
    after.reverse()
    return before, after


def _chain_members(ranks: list[int], weights: list[int] | None) -> tuple[list[bool], set[int]]:
    """Which points lie on some heaviest chain, and which on every one."""
    r = len(ranks)
    back_ranks = [r - 1 - x for x in reversed(ranks)]
    if weights is None:  # every point weighs 1: the patience sort is the fast path
        weights = [1] * r
        heaviest_to, back = _chain_lengths(ranks), _chain_lengths(back_ranks)
    else:
        heaviest_to, back = _chain_weights(ranks, weights), _chain_weights(back_ranks, weights[::-1])
    heaviest_from = back[::-1]
    total = max(heaviest_to)
    on_chain = [heaviest_to[k] + heaviest_from[k] - weights[k] == total for k in range(r)]
    # On some heaviest chain; in every one iff comparable with all other on-chain points.
    chain_pts = [(ranks[k], k) for k in range(r) if on_chain[k]]
    fixed: set[int] = set()
    top = -1
    pref: dict[int, int] = {}
    for j, k in chain_pts:
        pref[k] = top
        top = max(top, j)
    bottom: float = math.inf
    for j, k in reversed(chain_pts):
        if pref[k] < j < bottom:
            fixed.add(k)
        bottom = min(bottom, j)
    return on_chain, fixed


def _chain_lengths(ranks: Sequence[int]) -> list[int]:
    """Longest strictly increasing chain ending at each element (patience sorting, O(n log n))."""
    tails: list[int] = []
    out: list[int] = []
    for rank in ranks:
        if not tails or tails[-1] < rank:
            # Past every tail (the common case in a document mostly in order): no search needed.
            tails.append(rank)
            out.append(len(tails))
            continue
        pos = bisect_left(tails, rank)
        tails[pos] = rank
        out.append(pos + 1)
    return out


def increasing_chain(pairs: Sequence[tuple[int, int]]) -> list[int]:
    """Indices of a longest chain of ``pairs`` (sorted by first item) strictly increasing in the second.

    Of several longest chains, the one that ends latest and, going back, always takes the
    latest element one shorter (patience sorting's own back-pointers).

    >>> increasing_chain([(0, 0), (1, 5), (2, 1), (3, 2)])
    [0, 2, 3]
    """
    lengths = _chain_lengths([j for _i, j in pairs])
    out: list[int] = []
    want = max(lengths, default=0)
    for k in range(len(lengths) - 1, -1, -1):
        if lengths[k] == want and (not out or pairs[k][1] < pairs[out[-1]][1]):
            out.append(k)
            want -= 1
    return out[::-1]


def _chain_weights(ranks: Sequence[int], weights: Sequence[int]) -> list[int]:
    """Heaviest strictly increasing chain ending at each element (Fenwick tree of prefix maxima)."""
    size = len(ranks)
    tree = [0] * (size + 1)
    out = []
    for rank, weight in zip(ranks, weights, strict=True):
        best = 0
        pos = rank  # query ranks < rank
        while pos > 0:
            best = max(best, tree[pos])
            pos -= pos & -pos
        value = best + weight
        out.append(value)
        pos = rank + 1
        while pos <= size:
            if tree[pos] < value:
                tree[pos] = value
            pos += pos & -pos
    return out


def text_tiebreak(old_text: str, new_text: str) -> int:
    """A 16-bit tie-break for :func:`moved_links` that is the same whichever side is old.

    Longer provisions weigh more, so when two points swap places the shorter
    one is said to have moved (the smaller edit); a checksum decides the rest.
    """
    a, b = sorted((old_text, new_text))
    length = min(len(a), len(b), 255)
    return (length << 8) | (zlib.crc32((a + "\x00" + b).encode("utf-8", "surrogatepass")) & 0xFF)
