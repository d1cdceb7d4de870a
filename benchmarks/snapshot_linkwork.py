"""Snapshot the per-link results of many comparisons, to prove a speed-up of the per-link
work (word ops, figures, modal verbs) changes no result.

For every ordered pair of the bundled versions and for generated pairs of every profile
(normal, heavy, redraft; several seeds, keyed and not) it writes the bytes of
``compare(old, new, align="text").to_dict()`` (ops, text ops, parameter changes, modality
shifts and similarity included) into one JSON file per case, in a directory outside the
repository::

    python benchmarks/snapshot_linkwork.py /tmp/linkspeed-base
    python benchmarks/snapshot_linkwork.py /tmp/linkspeed-after --against /tmp/linkspeed-base

With ``--against`` it prints the cases whose bytes differ and exits 1 if any do.  The
alignment half of the results is covered by benchmarks/snapshot_alignment.py.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import snapshot_alignment
from generate import generate

from peacediff.model import Version

#: (size, seeds, profile, keyed): the generated pairs; redraft 3,000 is the speed target's shape.
GENERATED = (
    (300, range(6), "redraft", False),
    (300, range(3), "redraft", True),
    (300, range(6), "heavy", False),
    (300, range(3), "normal", False),
    (3000, range(1), "redraft", False),
)


def cases() -> Iterator[tuple[str, Version, Version, str]]:
    """(name, old, new, align mode) for every case, in a fixed order."""
    yield from snapshot_alignment.bundled_cases()
    for n, seeds, profile, keyed in GENERATED:
        for seed in seeds:
            old, new, _truth = generate(
                n, seed, keyed=keyed, heavy=profile == "heavy", redraft=profile == "redraft"
            )
            mode = "auto" if keyed else "text"
            yield f"generated.{profile}.{n}.{seed}.{mode}", old, new, mode


def main(argv: list[str] | None = None) -> int:
    return snapshot_alignment.main(argv, cases, __doc__)


if __name__ == "__main__":
    sys.exit(main())
