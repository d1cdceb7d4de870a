"""Deterministic synthetic document pairs with ground-truth links, for the benchmark.

``generate(n, seed)`` returns ``(old, new, links)``: two :class:`peacediff.Version`
objects of about ``n`` provisions and the true set of ``(old index, new index)``
links.  The revision edits words, changes figures, moves, splits, merges,
drops, inserts and duplicates provisions at the rates in :data:`RATES` (or
:data:`HEAVY_RATES`); the move-free variant (``moves=False``) counts false moves.

Run it to print a small sample::

    python benchmarks/generate.py 5
"""

from __future__ import annotations

import random
import sys

from peacediff._synth import LONG, SHORT, document, links_of, random_mutations, revise, versions_of
from peacediff.model import Version

#: Share of provisions hit by each mutation kind in one revision: an amended bill,
#: mostly unchanged (about 8 % of provisions touched).
RATES: dict[str, float] = {
    "edit": 0.03,
    "figure": 0.01,
    "move": 0.005,
    "split": 0.005,
    "merge": 0.005,
    "drop": 0.01,
    "insert": 0.01,
    "duplicate": 0.0025,
}

#: A heavy revision (about 16 % of provisions touched), for stress.
HEAVY_RATES: dict[str, float] = {k: 2 * v for k, v in RATES.items()} | {"edit": 0.08, "figure": 0.03}

#: A heavy redraft of long clauses, the profile the speed targets name (docs/DESIGN.md, issue 17):
#: about 85 words a provision (:data:`LONG`), a fifth of provisions reworded or refigured, 5 %
#: split or merged, 5 % removed or added, 2 % moved (about 32 % touched).
REDRAFT_RATES: dict[str, float] = {
    "edit": 0.17, "figure": 0.03, "move": 0.02, "split": 0.025, "merge": 0.025, "drop": 0.025,
    "insert": 0.025, "duplicate": 0.005,
}  # fmt: skip


def generate(
    n: int, seed: int = 0, *, moves: bool = True, keyed: bool = False, heavy: bool = False, redraft: bool = False
) -> tuple[Version, Version, frozenset[tuple[int, int]]]:
    """An ``n``-provision document, its revision and the true links (deterministic in ``seed``).

    ``heavy`` revises short provisions at :data:`HEAVY_RATES`; ``redraft`` revises long ones at
    :data:`REDRAFT_RATES`."""
    sentences = LONG if redraft else SHORT
    texts = document(n, seed, sentences)
    rates = dict(REDRAFT_RATES if redraft else HEAVY_RATES if heavy else RATES)
    if not moves:
        rates.pop("move")
    mutations = random_mutations(n, random.Random(seed + 1), rates)
    items, offset = revise(texts, mutations, n_rare=max(200, n), seed=seed + 2, sentences=sentences)
    old, new = versions_of(texts, items, offset, keyed=keyed)
    return old, new, links_of(items)


def predicted_links(comparison: object) -> frozenset[tuple[int, int]]:
    """The ``(old index, new index)`` links of a :class:`peacediff.Comparison`."""
    old_pos = {id(p): k for k, p in enumerate(comparison.old.provisions)}  # type: ignore[attr-defined]
    new_pos = {id(p): k for k, p in enumerate(comparison.new.provisions)}  # type: ignore[attr-defined]
    return frozenset(
        (old_pos[id(a)], new_pos[id(b)])
        for ch in comparison.changes  # type: ignore[attr-defined]
        for a in ch.old
        for b in ch.new
    )


def scores(truth: frozenset[tuple[int, int]], found: frozenset[tuple[int, int]]) -> tuple[float, float, float]:
    """Precision, recall and F1 of ``found`` against ``truth`` (1.0 for two empty sets)."""
    hit = len(truth & found)
    precision = hit / len(found) if found else 1.0
    recall = hit / len(truth) if truth else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    a, b, truth = generate(size, 0)
    for p in a.provisions:
        print("old", p.number, p.text)
    for p in b.provisions:
        print("new", p.number, p.text)
    print(sorted(truth))
