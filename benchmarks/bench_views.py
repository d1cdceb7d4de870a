"""Benchmark of the many-version views: history, matrix and three-way comparison.

Run from the repository root::

    python benchmarks/bench_views.py            # bundled versions and a 10 × 3,000 chain
    python benchmarks/bench_views.py --quick    # bundled versions only

Prints best and median wall-clock time over the bundled versions for
``history("army-cap")``, ``matrix()``, ``matrix(parameter="armed_forces_cap")``
and ``compare3(us-russia-28, e3-counter-28, us-ua-20)`` (each view computed,
not rendered), then every page of the ``peacediff redline --out`` site (rendered,
not written), then ``matrix()`` over a chain of 10 unkeyed versions of a
3,000-provision document (each a generated revision of the one before).

Targets (issue 13): each bundled figure under 50 ms; the site under 2 s; the 10 × 3,000 matrix under 5 s.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import attrs
from generate import RATES, document
from timing import best_of

import peacediff
from peacediff._synth import random_mutations, revise, versions_of


def chain(n: int, length: int, seed: int = 0) -> list[peacediff.Version]:
    """``length`` unkeyed versions of an ``n``-provision document, each revising the one before."""
    texts = document(n, seed)
    versions = []
    for step in range(1, length):
        rng = random.Random(seed + step)
        items, offset = revise(texts, random_mutations(len(texts), rng, RATES), n_rare=max(200, n), seed=seed + step)
        old, new = versions_of(texts, items, offset)
        if not versions:
            versions.append(attrs.evolve(old, id="v00", date="2020-01-01"))
        versions.append(attrs.evolve(new, id=f"v{step:02d}", date=f"2020-01-{step + 1:02d}"))
        texts = [p.text for p in new.provisions]
    return versions


def site_pages(archive: peacediff.Archive) -> dict[str, str]:
    """Every page `peacediff redline --out` writes, rendered but not written."""
    from peacediff.render import render_site

    return render_site(archive, archive.redline_pairs())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="bundled versions only")
    args = parser.parse_args()

    archive = peacediff.Archive.bundled()
    base, left, right = (archive.get(v) for v in ("us-russia-28", "e3-counter-28", "us-ua-20"))
    cases = [
        ("history('army-cap')", lambda: peacediff.history("army-cap", archive)),
        ("matrix()", lambda: peacediff.matrix(archive=archive)),
        ("matrix(parameter='armed_forces_cap')", lambda: peacediff.matrix(parameter="armed_forces_cap",
                                                                           archive=archive)),
        ("compare3(us-russia-28, e3-counter-28, us-ua-20)", lambda: peacediff.compare3(base, left, right)),
    ]
    print(f"bundled versions ({len(archive)}), target < 50 ms each")
    for name, fn in cases:
        best, median = best_of(20, fn)
        print(f"  {name:<50} best {best * 1000:7.2f} ms   median {median * 1000:7.2f} ms")
    site_time, site_median = best_of(5, lambda: site_pages(archive))
    print(f"  {'the redline site (every page, in memory)':<50} best {site_time * 1000:7.2f} ms   "
          f"median {site_median * 1000:7.2f} ms   (target < 2 s)")
    if args.quick:
        return
    versions = chain(3000, 10)
    best, median = best_of(3, lambda: peacediff.matrix(versions))
    print("matrix over 10 versions of a 3,000-provision document, target < 5 s")
    print(f"  best {best:.2f} s   median {median:.2f} s")


if __name__ == "__main__":
    main()
