"""Hypothesis strategies for negotiated texts and their revisions (needs the ``hypothesis`` extra).

The strategies mutate real-looking provision lists the way drafters do -
edit words, change a figure, renumber, move, split, merge, drop, insert,
duplicate a point with one word changed - and return the two versions with
the *true* links, so a property test can check an aligner against ground truth.

Example (in your own test suite)::

    from hypothesis import given
    from peacediff.strategies import revisions
    import peacediff

    @given(revisions())
    def test_every_provision_is_accounted_for(case):
        old, new, links = case
        c = peacediff.compare(old, new, align="text")
        assert sum(len(ch.old) for ch in c.changes) == len(old.provisions)

``links`` is a frozenset of ``(old index, new index)`` pairs: a split provision
links to each part, each merged provision to the merger.
"""

from __future__ import annotations

import random
from collections.abc import Iterable

from hypothesis import strategies as st

from peacediff._synth import MUTATIONS, links_of, provision_text, revise, versions_of
from peacediff.model import Version

__all__ = ["MUTATIONS", "mutations", "provision_texts", "revisions", "versions"]

# A small pool of proper names, so that unrelated provisions share words and
# near-ties actually occur.
_RARE_POOL = 40


def provision_texts(min_size: int = 0, max_size: int = 12, unique: bool = False) -> st.SearchStrategy[list[str]]:
    """Lists of provision texts: one to three treaty-like sentences each, figures included.

    Texts shrink towards the same few sentences, so identical points appear
    unless ``unique`` is set.
    """
    seeds = st.lists(st.integers(min_value=0, max_value=10_000), min_size=min_size, max_size=max_size, unique=True)
    texts = seeds.map(lambda ss: [provision_text(random.Random(s), _RARE_POOL) for s in ss])
    if unique:
        return texts.filter(lambda ts: len(set(ts)) == len(ts))
    return st.lists(st.integers(min_value=0, max_value=10_000), min_size=min_size, max_size=max_size).map(
        lambda ss: [provision_text(random.Random(s), _RARE_POOL) for s in ss]
    )


def mutations(kinds: Iterable[str] = MUTATIONS, max_size: int = 6) -> st.SearchStrategy[list[tuple[str, int, int]]]:
    """Lists of ``(kind, x, y)`` mutations for the revision engine (x, y pick positions and words)."""
    chosen = tuple(kinds)
    unknown = set(chosen) - set(MUTATIONS)
    if unknown:
        raise ValueError(f"unknown mutation kinds {sorted(unknown)}; choose from {', '.join(MUTATIONS)}")
    if not chosen:
        return st.just([])
    item = st.tuples(st.sampled_from(chosen), st.integers(0, 1 << 16), st.integers(0, 1 << 16))
    return st.lists(item, max_size=max_size)


@st.composite
def revisions(
    draw: st.DrawFn,
    kinds: Iterable[str] = MUTATIONS,
    *,
    min_size: int = 0,
    max_size: int = 12,
    max_mutations: int = 6,
    keyed: bool = False,
    coverage: str | None = "complete",
    unique: bool = False,
) -> tuple[Version, Version, frozenset[tuple[int, int]]]:
    """``(old, new, links)``: a version, a revision of it by ``kinds`` of mutation, and the true links.

    With ``keyed=True`` the provisions carry lineage keys (and ``origins`` for
    splits and merges), as curated versions do.  ``coverage=None`` draws the
    new version's coverage ("complete" or "partial").  ``unique`` keeps the
    old version free of identical points (the mutations may still add
    near-identical ones).
    """
    texts = draw(provision_texts(min_size=min_size, max_size=max_size, unique=unique))
    muts = draw(mutations(kinds, max_size=max_mutations))
    seed = draw(st.integers(0, 1000))
    new_coverage = coverage if coverage is not None else draw(st.sampled_from(("complete", "partial")))
    items, offset = revise(texts, muts, n_rare=_RARE_POOL, seed=seed)
    old, new = versions_of(texts, items, offset, keyed=keyed, new_coverage=new_coverage)
    return old, new, links_of(items)


def versions(min_size: int = 0, max_size: int = 12, keyed: bool = False) -> st.SearchStrategy[Version]:
    """Single versions (the old side of :func:`revisions`)."""
    return revisions((), min_size=min_size, max_size=max_size, max_mutations=0, keyed=keyed).map(lambda c: c[0])
