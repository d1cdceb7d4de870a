"""Review of the template-list names (issue 17): lists cut into gaps by kept items find their
naming figures gap by gap, and an item moved from one gap to another is still compared by the
names both gaps read."""

from __future__ import annotations

import random

import pytest

from peacediff import Version, compare
from peacediff._align_state import name_agreement
from peacediff.model import Provision

_FRAME = "Sector {s}: heavy weapons are withdrawn {d} km from the line, watched by {o} observers."


def _version(vid: str, texts: list[str]) -> Version:
    return Version(id=vid, title=vid.upper(), provisions=tuple(
        Provision(text=t, number=str(k)) for k, t in enumerate(texts, 1)))


def _moved_between_gaps() -> tuple[Version, Version]:
    """A schedule cut by two kept clauses.  In the first gap the observer counts are kept (they
    name the items as the sectors do); in the second every count changed (only the sectors
    name).  Sector 4 moves from the first gap to the second."""
    first_old = [(1, 26, 700), (2, 91, 401), (3, 25, 102), (4, 53, 603), (5, 17, 204), (6, 30, 705)]
    second_old = [(11, 23, 300), (12, 44, 401), (13, 68, 502), (14, 61, 503), (15, 27, 604),
                  (16, 77, 405), (17, 66, 306)]
    old = [_FRAME.format(s=s, d=d, o=o) for s, d, o in first_old]
    old.append("The parties shall meet monthly to review progress.")
    old += [_FRAME.format(s=s, d=d, o=o) for s, d, o in second_old]
    old.append("Disputes go to the joint commission.")
    new = [_FRAME.format(s=s, d=d + 1, o=o) for s, d, o in first_old if s != 4]
    new.append("The parties shall meet monthly to review progress.")
    for s, d, o in second_old:
        new.append(_FRAME.format(s=s, d=d + 2, o=o + 7))
        if s == 13:
            new.append(_FRAME.format(s=4, d=54, o=603))
    new.append("Disputes go to the joint commission.")
    return _version("a", old), _version("b", new)


def _pairs(c: object, old: Version, new: Version) -> set[tuple[str, str]]:
    return {(a.text, b.text) for ch in c.changes for a in ch.old for b in ch.new}  # type: ignore[attr-defined]


def test_an_item_moved_to_a_gap_named_by_fewer_figures_compares_without_error():
    old, new = _moved_between_gaps()
    forward = compare(old, new, align="text")  # raised KeyError: the gaps name different places
    backward = compare(new, old, align="text")
    assert forward.inverse() == backward
    sector_four = [ch for ch in forward.changes if any(p.text.startswith("Sector 4:") for p in ch.old)]
    assert len(sector_four) == 1
    # Never linked to another sector.
    assert all(p.text.startswith("Sector 4:") for p in sector_four[0].new)


def test_name_agreement_reads_the_places_both_items_name_in_either_direction():
    both, one = {0: "4", 2: "603"}, {0: "4"}
    assert name_agreement(both, one) == name_agreement(one, both) == 1
    assert name_agreement({0: "4", 2: "603"}, {0: "5"}) == name_agreement({0: "5"}, {0: "4", 2: "603"}) == -1
    assert name_agreement({0: "4"}, {2: "603"}) == name_agreement({2: "603"}, {0: "4"}) == 0
    assert name_agreement({}, {0: "4"}) == 0


_LEVY_FRAME = "Within {d} days the operator shall close sector {s} and pay a levy of {l:,} euros."


def _sector(text: str) -> str:
    return text.split("sector ")[1].split()[0]


@pytest.mark.parametrize("dropped", [(0,), (0, 1), (0, 1, 2)])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_schedule_that_drops_its_first_sectors_keeps_the_others_by_name(seed, dropped):
    """Sectors 1 to 30 printed as points 1 to 30; the first sectors are dropped and the points
    renumbered, every day count and levy changed.  The remaining sectors (2 to 30) run in order,
    but not from where the old run started: they are names, not a count of the items (which
    would have restarted at 1).  Read as a count, every sector linked to the next (29 of 29)."""
    rnd = random.Random(seed)
    items = [{"s": s, "d": rnd.choice([10, 14, 21, 30, 45, 60, 90]), "l": rnd.choice([950, 1000, 2000, 5000, 7500])}
             for s in range(1, 31)]
    kept = [{"s": it["s"], "d": it["d"] + rnd.choice([1, 2, 3, 5]), "l": it["l"] + rnd.choice([250, 500])}
            for k, it in enumerate(items) if k not in dropped]
    old = _version("a", [_LEVY_FRAME.format(**it) for it in items])
    new = _version("b", [_LEVY_FRAME.format(**it) for it in kept])
    for one, other in ((old, new), (new, old)):
        c = compare(one, other, align="text")
        pairs = [(a.text, b.text) for ch in c.changes for a in ch.old for b in ch.new]
        assert len(pairs) == len(kept)
        assert all(_sector(a) == _sector(b) for a, b in pairs)


def test_a_count_of_the_items_from_the_same_first_value_is_still_numbering():
    """"Dataset 1" to "Dataset 8", the seventh dropped and the rest counted on ("Dataset 7" is the
    old eighth): the count follows the items, so the old eighth links to the new seventh."""
    topics = ["traffic counts", "ridership", "permits", "air quality", "waiting lists", "admissions",
              "noise complaints", "bicycle trips"]
    frame = "Dataset {k}, {t}: updated every {d} days and retained for {y} years."
    old = _version("a", [frame.format(k=k, t=t, d=k + 2, y=k + 1) for k, t in enumerate(topics, 1)])
    kept = [t for t in topics if t != "noise complaints"]
    new = _version("b", [frame.format(k=k, t=t, d=k + 5, y=k + 3) for k, t in enumerate(kept, 1)])
    c = compare(old, new, align="text")
    pairs = {(a.text.split(", ")[1].split(":")[0], b.text.split(", ")[1].split(":")[0])
             for ch in c.changes for a in ch.old for b in ch.new}
    assert ("bicycle trips", "bicycle trips") in pairs
    assert all(x == y for x, y in pairs)


def test_a_count_shifted_by_a_drop_in_an_earlier_part_still_follows_the_items():
    """Datasets counted across two parts; the second dataset is dropped, so Part B's count starts
    one lower ("Dataset 6" becomes "Dataset 5"): a run that starts elsewhere, but the items'
    own words name them, and they still link topic to topic."""
    topics = ["traffic counts at junctions", "public transport ridership", "building permits issued",
              "air quality sensor readings", "housing waiting lists", "hospital admissions by postcode",
              "noise complaints", "bicycle-share trips", "parking sensors", "library loans"]
    frame = "Dataset {k}, {t}: updated every {d} days; retained for {y} years."

    def doc(vid: str, part_a: list[str], shift: int) -> Version:
        texts = ["Part A. Mobility data"]
        for k, t in enumerate([*part_a, *topics[5:]], 1):
            if t == topics[5]:
                texts.append("Part B. Social data")
            texts.append(frame.format(k=k, t=t, d=k + shift, y=(3 * k + shift) % 7 + 1))
        texts.append("Final provisions apply to all datasets.")
        return Version(id=vid, title=vid, provisions=tuple(Provision(text=t) for t in texts))

    old = doc("a", topics[:5], 0)
    new = doc("b", [t for t in topics[:5] if t != topics[1]], 3)
    c = compare(old, new, align="text")
    pairs = [(a.text.split(", ")[-1].split(":")[0], b.text.split(", ")[-1].split(":")[0])
             for ch in c.changes for a in ch.old for b in ch.new]
    assert len(pairs) == 12
    assert all(x == y for x, y in pairs)
