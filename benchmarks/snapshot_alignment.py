"""Snapshot the JSON of many comparisons, to prove a refactoring changes no result.

Dumps ``compare(a, b, align=mode).to_dict()`` for every ordered pair of the bundled
versions ("auto" and "text"), for generated benchmark pairs (normal, heavy and
move-free, up to 3,000 provisions) and for every pair of the redraft corpora, one
JSON file per case, into a directory outside the repository::

    python benchmarks/snapshot_alignment.py /tmp/align-baseline           # write
    python benchmarks/snapshot_alignment.py /tmp/align-after --against /tmp/align-baseline

With ``--against`` it prints the cases whose bytes differ and exits 1 if any do.
``--drop-key KEY`` leaves a key out at every depth (repeatable), in the snapshots
written and in the baseline read, so a change that adds or redefines a field on purpose
can still prove that nothing else moved (``--drop-key rule --drop-key similarity``).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generate import generate

import peacediff
from peacediff.model import Version

HERE = Path(__file__).resolve().parent
#: (size, seed, heavy, moves): the generated pairs; heavy 3,000 is the speed target's shape.
GENERATED = ((28, 1, False, True), (300, 2, False, True), (300, 3, True, True), (1000, 4, False, False),
             (1000, 5, True, True), (3000, 0, True, True))
CORPORA = ("redrafts", "redrafts-2", "redrafts-3", "redrafts-4", "redrafts-5", "redrafts-6", "redrafts-7",
           "redrafts-holdout", "redrafts-holdout-2")


def bundled_cases() -> Iterator[tuple[str, Version, Version, str]]:
    """Every ordered pair of the bundled versions, by keys (auto) and by text."""
    for a, b in itertools.permutations(peacediff.versions(), 2):
        for mode in ("auto", "text"):
            yield f"bundled.{a.id}.{b.id}.{mode}", a, b, mode


def cases() -> Iterator[tuple[str, Version, Version, str]]:
    """(name, old, new, align mode) for every case, in a fixed order."""
    yield from bundled_cases()
    for n, seed, heavy, moves in GENERATED:
        old, new, _truth = generate(n, seed, heavy=heavy, moves=moves)
        yield f"generated.{n}.{seed}.{'heavy' if heavy else 'normal'}.{'moves' if moves else 'still'}", old, new, "text"
    for corpus in CORPORA:
        for truth in sorted((HERE / corpus).glob("*.truth.json")):
            name = truth.name[: -len(".truth.json")]
            old = peacediff.load(HERE / corpus / f"{name}.old.txt")
            new = peacediff.load(HERE / corpus / f"{name}.new.txt")
            for x, y, direction in ((old, new, "fwd"), (new, old, "back")):
                yield f"{corpus}.{name}.{direction}", x, y, "text"


def _without(data: Any, drop: frozenset[str]) -> Any:
    if isinstance(data, dict):
        return {k: _without(v, drop) for k, v in data.items() if k not in drop}
    if isinstance(data, list):
        return [_without(v, drop) for v in data]
    return data


def _dump(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=False, indent=1).encode("utf-8")


def snapshot(old: Version, new: Version, mode: str, drop: frozenset[str]) -> bytes:
    return _dump(_without(peacediff.compare(old, new, align=mode).to_dict(), drop))


def main(argv: list[str] | None = None, cases: Callable[[], Iterator[tuple[str, Version, Version, str]]] = cases,
         description: str = __doc__) -> int:
    """Write the snapshot of each of ``cases()`` and, with ``--against``, compare (other snapshot
    scripts pass their own cases)."""
    parser = argparse.ArgumentParser(description=description.splitlines()[0])
    parser.add_argument("out", type=Path, help="directory to write the snapshots to")
    parser.add_argument("--against", type=Path, help="a baseline directory to compare with")
    parser.add_argument("--drop-key", action="append", default=[], help="to_dict() key to leave out")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    differ = []
    count = 0
    for name, old, new, mode in cases():
        drop = frozenset(args.drop_key)
        data = snapshot(old, new, mode, drop)
        (args.out / f"{name}.json").write_bytes(data)
        count += 1
        if args.against is not None:
            base = args.against / f"{name}.json"
            if not base.exists() or _dump(_without(json.loads(base.read_bytes()), drop)) != data:
                differ.append(name)
    print(f"{count} snapshots written to {args.out}")
    if args.against is not None:
        for name in differ:
            print(f"differs: {name}")
        print(f"{len(differ)} of {count} differ from {args.against}")
        return 1 if differ else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
