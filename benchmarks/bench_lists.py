"""Link quality of the text aligner on generated template lists: the shapes where a list's items
tie on their words and the aligner must read order, numbering and names.

Each shape is a made-up schedule of 20-30 items in one frame ("Within 30 days the operator shall
close sector 17 and pay a levy of 2,000 euros"), revised with every day count and amount changed,
over ten seeds and (where it matters) three frames:

- ``figure-named``: items named by a figure ("sector 17"); three dropped, two inserted;
  renumbered, or keeping their printed numbers; or sectors 1-30 printed as points 1-30 whose
  first sector is dropped;
- ``word-named``: items named by a word ("the Hazel plot"), with or without the list's numbering
  in the text ("Measure 8: ..."), three dropped, two inserted, renumbered;
- ``reordered``: three items moved within the list, named by a word or by a figure;
- ``nameless``: nothing names the items, the printed numbers are kept, one item dropped: the
  numbering is the only evidence.

It prints false and missed links per shape (the true links are known by construction).

    python benchmarks/bench_lists.py
"""

from __future__ import annotations

import random
from collections.abc import Callable

import peacediff
from peacediff import Version
from peacediff.model import Provision

Item = tuple[int, str, int]  # (days, name, amount)
Link = tuple[int, int]

FRAMES = (
    "Within {days} days the operator shall close sector {name} and pay a levy of {amount:,} euros.",
    "A levy of {amount:,} euros is due within {days} days for sector {name}.",
    "Sector {name}: heavy weapons are withdrawn {days} km from the line, watched by {amount:,} observers.",
)
WORD_FRAME = "The {name} plot is cleared within {days} days and replanted with {amount:,} saplings."
TREES = ["Alder", "Birch", "Cedar", "Dogwood", "Elm", "Fir", "Ginkgo", "Hazel", "Ivy", "Juniper", "Larch", "Maple",
         "Nettle", "Oak", "Pine", "Quince", "Rowan", "Spruce", "Teak", "Umbrella", "Viburnum", "Willow", "Yew",
         "Zelkova", "Ash", "Beech", "Chestnut", "Damson", "Eucalyptus", "Fig"]


def _revise(rnd: random.Random, items: list[Item], drops: int, inserts: int,
            new_name: Callable[[int], str]) -> list[tuple[Item, int | None]]:
    """Every count and amount changed; ``drops`` items dropped and ``inserts`` new ones inserted."""
    dropped, inserted = set(rnd.sample(range(len(items)), drops)), set(rnd.sample(range(len(items)), inserts))
    out: list[tuple[Item, int | None]] = []
    for k, (days, name, amount) in enumerate(items):
        if k in inserted:
            out.append(((rnd.choice([11, 13]), new_name(k), 333), None))
        if k not in dropped:
            out.append(((days + rnd.choice([1, 2, 3, 5]), name, amount + rnd.choice([250, 500])), k))
    return out


def _score(old: Version, new: Version, truth: set[Link]) -> tuple[int, int, int]:
    c = peacediff.compare(old, new, align="text")
    at_old = {id(p): i for i, p in enumerate(old.provisions)}
    at_new = {id(p): j for j, p in enumerate(new.provisions)}
    found = {(at_old[id(a)], at_new[id(b)]) for ch in c.changes for a in ch.old for b in ch.new}
    return len(found - truth), len(truth - found), len(truth)


def _version(vid: str, texts: list[str], numbers: list[str] | None = None) -> Version:
    numbers = numbers or [str(k) for k in range(1, len(texts) + 1)]
    return Version(id=vid, title=vid, provisions=tuple(
        Provision(text=t, number=n) for t, n in zip(texts, numbers, strict=True)))


def figure_named(seed: int, frame: str, renumber: bool) -> tuple[int, int, int]:
    rnd = random.Random(seed)
    items = [(rnd.choice([10, 14, 21, 30, 45, 60, 90]), str(s), rnd.choice([950, 1000, 2000, 5000, 7500]))
             for s in range(1, 31)]
    revised = _revise(rnd, items, 3, 2, lambda k: str(100 + k))
    old = _version("a", [frame.format(days=d, name=n, amount=a) for d, n, a in items])
    numbers = None if renumber else [str(src + 1) if src is not None else f"{k}A" for k, (_i, src) in
                                     enumerate(revised, 1)]
    new = _version("b", [frame.format(days=d, name=n, amount=a) for (d, n, a), _src in revised], numbers)
    return _score(old, new, {(src, j) for j, (_item, src) in enumerate(revised) if src is not None})


def first_dropped(seed: int) -> tuple[int, int, int]:
    """Sectors 1-30 printed as points 1-30; the first sector dropped and the points renumbered."""
    rnd = random.Random(seed)
    frame = FRAMES[0]
    items = [(rnd.choice([10, 14, 21, 30]), str(s), rnd.choice([1000, 2000, 5000])) for s in range(1, 31)]
    old = _version("a", [frame.format(days=d, name=n, amount=a) for d, n, a in items])
    new = _version("b", [frame.format(days=d + 2, name=n, amount=a + 250) for d, n, a in items[1:]])
    return _score(old, new, {(k + 1, k) for k in range(29)})


def word_named(seed: int, ordinal: bool) -> tuple[int, int, int]:
    rnd = random.Random(seed)
    items = [(rnd.choice([10, 14, 21, 30]), name, rnd.choice([100, 200, 300])) for name in TREES]
    revised = _revise(rnd, items, 3, 2, lambda k: "Newtree" + "abcdefghij"[k % 10])

    def texts(entries: list[Item]) -> list[str]:
        return [(f"Measure {k}: " if ordinal else "") + WORD_FRAME.format(days=d, name=n, amount=a)
                for k, (d, n, a) in enumerate(entries, 1)]

    old, new = _version("a", texts(items)), _version("b", texts([item for item, _src in revised]))
    return _score(old, new, {(src, j) for j, (_item, src) in enumerate(revised) if src is not None})


def reordered(seed: int, by_word: bool) -> tuple[int, int, int]:
    rnd = random.Random(seed)
    names = TREES[:20] if by_word else [str(k) for k in range(1, 21)]
    frame = WORD_FRAME if by_word else FRAMES[0]
    items = [(rnd.choice([10, 14, 21, 30]), name, rnd.choice([100, 200, 300])) for name in names]
    order = list(range(20))
    for _ in range(3):
        order.insert(rnd.randrange(20), order.pop(rnd.randrange(20)))
    old = _version("a", [frame.format(days=d, name=n, amount=a) for d, n, a in items])
    new = _version("b", [frame.format(days=items[k][0] + 3, name=items[k][1], amount=items[k][2] + 50)
                         for k in order])
    return _score(old, new, {(k, j) for j, k in enumerate(order)})


def nameless(seed: int) -> tuple[int, int, int]:
    rnd = random.Random(seed)
    frame = "Heavy weapons are withdrawn {days} km from the line within {amount} hours."
    items = [(rnd.choice([10, 15, 20, 25, 30]), "", rnd.choice([24, 48, 72])) for _ in range(30)]
    drop = rnd.randrange(30)
    kept = [k for k in range(30) if k != drop]
    old = _version("a", [frame.format(days=d, amount=a) for d, _n, a in items])
    new = _version("b", [frame.format(days=items[k][0] + 5, amount=items[k][2] + 12) for k in kept],
                   [str(k + 1) for k in kept])
    return _score(old, new, {(k, j) for j, k in enumerate(kept)})


def main() -> None:
    shapes: list[tuple[str, Callable[[int], tuple[int, int, int]]]] = []
    for f, frame in enumerate(FRAMES):
        shapes.append((f"figure-named, frame {f + 1}, renumbered", lambda s, fr=frame: figure_named(s, fr, True)))
        shapes.append((f"figure-named, frame {f + 1}, numbers kept", lambda s, fr=frame: figure_named(s, fr, False)))
    shapes.append(("figure-named, first item dropped", first_dropped))
    shapes.append(("word-named, renumbered", lambda s: word_named(s, False)))
    shapes.append(("word-named, 'Measure N:' in the text", lambda s: word_named(s, True)))
    shapes.append(("reordered, named by words", lambda s: reordered(s, True)))
    shapes.append(("reordered, named by figures", lambda s: reordered(s, False)))
    shapes.append(("nameless, numbers kept", nameless))
    print(f"{'shape':44} {'false':>6} {'missed':>7} {'true':>6}   (ten seeds each)")
    for label, run in shapes:
        results = [run(seed) for seed in range(10)]
        false, missed, true = (sum(r[i] for r in results) for i in range(3))
        print(f"{label:44} {false:>6} {missed:>7} {true:>6}")


if __name__ == "__main__":
    main()
