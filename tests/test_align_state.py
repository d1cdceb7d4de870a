"""The aligner's bookkeeping: after the text passes, each linked provision is in one link, and the
maps from provision to link say which.

A pass that reads "unlinked" off those maps (slots, concept match, hints) trusts them.  Where two
links cross, the provisions between them can belong to two slots at once; the slot pass once
linked such a new provision twice (benchmarks/redrafts-5, orchestra-musicians: the basic salary
clause's rewrite, to the old salary clause and to the old pay-rise clause), demotion then undid
one of the two links and with it the map entry of the provision the other still held, and later
passes offered that linked provision as unlinked.
"""

from __future__ import annotations

import itertools
from collections import Counter
from pathlib import Path

import pytest

import peacediff
from peacediff import align
from peacediff._align_config import DEFAULT
from peacediff.model import Provision

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
CORPORA = ("redrafts", "redrafts-2", "redrafts-3", "redrafts-4", "redrafts-5", "redrafts-6", "redrafts-7")


def _pairs() -> list[tuple[str, list[Provision], list[Provision]]]:
    out = []
    for corpus in CORPORA:
        for truth in sorted((BENCHMARKS / corpus).glob("*.truth.json")):
            name = truth.name[: -len(".truth.json")]
            old = peacediff.load(BENCHMARKS / corpus / f"{name}.old.txt").provisions
            new = peacediff.load(BENCHMARKS / corpus / f"{name}.new.txt").provisions
            out.append((f"{corpus}/{name}", list(old), list(new)))
            out.append((f"{corpus}/{name} (back)", list(new), list(old)))
    for a, b in itertools.permutations(peacediff.versions(), 2):
        out.append((f"{a.id} -> {b.id}", list(a.provisions), list(b.provisions)))
    return out


@pytest.mark.parametrize(("old", "new"), [pytest.param(o, n, id=name) for name, o, n in _pairs()])
def test_each_linked_provision_is_in_one_link_and_the_maps_say_which(old: list[Provision],
                                                                     new: list[Provision]) -> None:
    state = align._State(old, new, DEFAULT)
    align._run(state)
    links = {lid: lk for lid, lk in enumerate(state.links) if lk is not None}
    held_old = Counter(i for lk in links.values() for i in lk.old)
    held_new = Counter(j for lk in links.values() for j in lk.new)
    assert max(held_old.values(), default=1) == 1 and max(held_new.values(), default=1) == 1
    assert {i: lid for lid, lk in links.items() for i in lk.old} == state.link_old
    assert {j: lid for lid, lk in links.items() for j in lk.new} == state.link_new
