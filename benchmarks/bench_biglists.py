"""Link quality and time of the text aligner on big template lists: schedules of hundreds to
thousands of items in one frame, too many for the dense in-order matching (``template_cells_max``).

Two made-up shapes, every figure changed (each by 1-5) and every item renumbered:

- ``named``: a tariff schedule whose items are named by a made-up place ("Tariff line 17:
  butter from Kesvekdun pays 12 % duty ... from day 30."), the 4th item dropped;
- ``wards``: a seat list whose wards are a direction and a town ("North Barcor", "South
  Barcor", ...): no item holds a word of its own, so only the place along the list tells
  items apart; the 4th item and a run of ``N/20`` items in the middle dropped.

It prints, per shape and size, the false and missed links (the truth is known by construction),
the CPU seconds of ``compare`` and the aligner's notes.

    python benchmarks/bench_biglists.py                  # 400, 1,000, 3,000 and 10,000 items
    python benchmarks/bench_biglists.py --sizes 400 3000
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import peacediff
from peacediff import Version
from peacediff.model import Provision

SYLLABLES = ("bar", "cor", "dun", "fel", "gar", "hol", "kes", "lin", "mor", "nap", "ost", "pel", "quin",
             "ros", "sen", "tav", "ulm", "vek", "wen", "yar")
DIRECTIONS = ("North", "South", "East", "West")


def names(rnd: random.Random, count: int) -> list[str]:
    """``count`` distinct made-up names of four syllables, in a random order."""
    held: set[str] = set()
    while len(held) < count:
        held.add("".join(rnd.choice(SYLLABLES) for _ in range(4)).capitalize())
    return rnd.sample(sorted(held), count)


def tariff(k: int, name: str, figures: tuple[int, int, int]) -> str:
    rate, levy, day = figures
    return f"Tariff line {k}: butter from {name} pays {rate} % duty and a levy of {levy} euros a tonne from day {day}."


def seat(k: int, name: str, figures: tuple[int, int, int]) -> str:
    votes, turnout, _ = figures
    return f"Seat {k}, {name} ward: won with {votes:,} votes on a turnout of {turnout} %."


def pair(shape: str, n: int) -> tuple[Version, Version, set[tuple[int, int]]]:
    """The old and new list of ``shape`` at ``n`` items, and the true links."""
    rnd = random.Random(n)
    if shape == "named":
        labels, render, drops = names(rnd, n), tariff, {3}
    else:
        towns = names(rnd, n // 4 + 1)
        labels = [f"{DIRECTIONS[k % 4]} {towns[k // 4]}" for k in range(n)]
        render, drops = seat, {3, *range(n // 2, n // 2 + n // 20)}
    old_items = [(labels[k], (rnd.randint(10, 90), rnd.randint(10, 90), rnd.randint(10, 90))) for k in range(n)]
    kept = [k for k in range(n) if k not in drops]
    head = ["This schedule is part of the Agreement and is read with its annexes."]
    tail = ["The joint committee may amend this schedule by decision."]
    old = [*head, *(render(k + 1, *old_items[k]) for k in range(n)), *tail]
    new = [*head, *(render(at + 1, old_items[k][0], tuple(f + rnd.randint(1, 5) for f in old_items[k][1]))
                    for at, k in enumerate(kept)), *tail]
    truth = {(0, 0), (len(old) - 1, len(new) - 1)} | {(1 + k, 1 + at) for at, k in enumerate(kept)}
    return version("a", old), version("b", new), truth


def version(vid: str, texts: list[str]) -> Version:
    return Version(id=vid, title=vid, provisions=tuple(Provision(text=t, number=str(k))
                                                       for k, t in enumerate(texts, 1)))


def run(shape: str, n: int) -> None:
    old, new, truth = pair(shape, n)
    start = time.process_time()
    c = peacediff.compare(old, new, align="text")
    seconds = time.process_time() - start
    at_old = {id(p): i for i, p in enumerate(old.provisions)}
    at_new = {id(p): j for j, p in enumerate(new.provisions)}
    found = {(at_old[id(a)], at_new[id(b)]) for ch in c.changes for a in ch.old for b in ch.new}
    notes = "; ".join(c.budget_notes) or "-"
    print(f"{shape:6} {n:>7,}: {len(found - truth):>6,} false {len(truth - found):>6,} missed "
          f"of {len(truth):>6,}  {seconds:6.2f} s CPU  notes: {notes}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[400, 1000, 3000, 10000])
    parser.add_argument("--shapes", nargs="*", default=["named", "wards"], choices=["named", "wards"])
    args = parser.parse_args()
    for shape in args.shapes:
        for n in args.sizes:
            run(shape, n)


if __name__ == "__main__":
    main()
