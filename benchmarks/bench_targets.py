"""The speed targets (docs/DESIGN.md), one line each, in CPU time and wall time.

    python benchmarks/bench_targets.py                # every target (a few minutes)
    python benchmarks/bench_targets.py heavy bundled  # some of them

Targets: ``redraft`` (3,000 long provisions, about 85 words each, heavily redrafted: a fifth
reworded, 5 % split or merged, 5 % removed or added, moves; the profile the targets name:
compare <= 0.15 s), ``redraft30k`` (30,000 of them: <= 2 s, <= 500 MB), ``heavy`` and
``heavy30k`` (the same sizes of short provisions, about 22 words, 16 % touched),
``bundled`` (every ordered pair of the bundled versions:
< 5 ms), ``redlines`` (300 provisions: >= 500x faster than the redlines package on the
same pair), ``plaintext`` (20,000-point plain-text pair through ``peacediff diff a.txt
b.txt -o out.html``: <= 3 s, no budget tripped), ``import`` (``import peacediff`` <= 100 ms).

Each figure is the best of several runs.  CPU time (``time.process_time``: this process
only) is printed beside wall time because on a shared machine wall time mostly measures
the other jobs: compare the CPU columns between two runs, and read the wall column only
on a quiet machine.  Run from the repository root; it imports the peacediff of its own
checkout, so a copy of an older checkout times that one.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from generate import generate  # noqa: E402

from peacediff.model import Version  # noqa: E402


def best(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """(best CPU seconds, best wall seconds) of ``repeat`` calls, the collector run before each."""
    cpu, wall = [], []
    for _ in range(repeat):
        gc.collect()
        c0, w0 = time.process_time(), time.perf_counter()
        fn()
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
    return min(cpu), min(wall)


def heavy(n: int, repeat: int, redraft: bool = False) -> None:
    from peacediff.compare import compare

    old, new, _ = generate(n, seed=n, heavy=True, redraft=redraft)
    compare(old, new, align="text")
    cpu, wall = best(lambda: compare(old, new, align="text"), repeat)
    gc.collect()
    tracemalloc.start()
    c = compare(old, new, align="text")
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    print(f"{'redraft' if redraft else 'heavy'} {n:>6,}: compare {cpu:.4f} s CPU ({wall:.4f} s wall),"
          f" peak {peak:.0f} MB (tracemalloc),"
          f" budget {'tripped' if c.budget_exhausted else 'not tripped'}")


def bundled() -> None:
    import peacediff
    from peacediff.compare import compare

    versions = peacediff.versions()
    pairs = [(a, b) for a in versions for b in versions if a is not b]
    times = [(best(lambda a=a, b=b: compare(a, b), 10), a.id, b.id) for a, b in pairs]
    cpu = [t[0][0] * 1000 for t in times]
    wall = [t[0][1] * 1000 for t in times]
    slowest = max(times)
    print(f"bundled {len(pairs)} ordered pairs: compare mean {statistics.mean(cpu):.2f} ms CPU"
          f" ({statistics.mean(wall):.2f} ms wall), median {statistics.median(cpu):.2f} ms,"
          f" slowest {slowest[1]} → {slowest[2]} {slowest[0][0] * 1000:.2f} ms CPU")


def redlines(n: int) -> None:
    """peacediff (compare, then compare + Markdown redline) against redlines' Markdown of the flat texts."""
    from peacediff.compare import compare

    try:
        from redlines import Redlines
    except ImportError:
        print("redlines: not installed; run: .venv/bin/pip install -e '.[bench]'")
        return
    for profile in ("amended", "heavy", "redraft"):
        old, new, _ = generate(n, seed=n, heavy=profile == "heavy", redraft=profile == "redraft")
        a = "\n".join(p.full_text for p in old.provisions)
        b = "\n".join(p.full_text for p in new.provisions)
        compare(old, new, align="text").to_markdown()
        ours, ours_wall = best(lambda old=old, new=new: compare(old, new, align="text"), 5)
        both, both_wall = best(lambda old=old, new=new: compare(old, new, align="text").to_markdown(), 5)
        theirs, theirs_wall = best(lambda a=a, b=b: Redlines(a, b).output_markdown, 1)
        print(f"redlines {n} provisions ({profile}, {len(a):,} characters):"
              f" redlines {theirs:.3f} s CPU; peacediff compare {ours * 1000:.1f} ms ({theirs / ours:.0f}x),"
              f" compare + Markdown redline {both * 1000:.1f} ms ({theirs / both:.0f}x)"
              f" [wall: {theirs_wall / ours_wall:.0f}x, {theirs_wall / both_wall:.0f}x]")


def write_text(version: Version, path: Path) -> None:
    """One ``N. text`` line per provision, as a draft copied out of a word processor reads."""
    path.write_text("\n".join(f"{p.number}. {p.text}" for p in version.provisions) + "\n", encoding="utf-8")


def _child(argv: list[str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and peak memory (MB) of a fresh Python process running ``argv``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, *argv], check=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                   stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss // 1024


def plaintext(n: int, repeat: int) -> None:
    import peacediff
    from peacediff._display import render
    from peacediff.compare import compare

    old, new, _ = generate(n, seed=n, heavy=True)
    with tempfile.TemporaryDirectory() as tmp:
        a, b, out = Path(tmp, "a.txt"), Path(tmp, "b.txt"), Path(tmp, "out.html")
        write_text(old, a)
        write_text(new, b)
        runs = [_child(["-m", "peacediff", "diff", str(a), str(b), "-o", str(out)]) for _ in range(repeat)]
        wall = min(r[0] for r in runs)
        cpu = min(r[1] for r in runs)
        rss = max(r[2] for r in runs)
        gc.disable()  # as the command line runs
        try:
            load = best(lambda: (peacediff.load(a), peacediff.load(b)), repeat)
            va, vb = peacediff.load(a), peacediff.load(b)
            comp = best(lambda: compare(va, vb), repeat)
            c = compare(va, vb)
            html = best(lambda: render(c, "html"), repeat)
        finally:
            gc.enable()
    print(f"plaintext {n:,} points: peacediff diff a.txt b.txt -o out.html {cpu:.2f} s CPU ({wall:.2f} s wall),"
          f" maxrss {rss} MB, budget {'tripped' if c.budget_exhausted else 'not tripped'};"
          f" in process: read {load[0]:.2f} s, compare {comp[0]:.2f} s, render HTML {html[0]:.2f} s CPU")


def import_time(repeat: int) -> None:
    code = "import time; t = time.perf_counter(); c = time.process_time(); import peacediff; " \
           "print(time.process_time() - c, time.perf_counter() - t)"
    runs = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, capture_output=True, text=True,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
        runs.append(tuple(map(float, out.stdout.split())))
    cpu, wall = min(r[0] for r in runs), min(r[1] for r in runs)
    print(f"import peacediff: {cpu * 1000:.0f} ms CPU ({wall * 1000:.0f} ms wall)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("targets", nargs="*",
                        default=["import", "bundled", "redraft", "heavy", "redlines", "redraft30k", "heavy30k",
                                 "plaintext"])
    args = parser.parse_args()
    for target in args.targets:
        if target == "redraft":
            heavy(3000, 5, redraft=True)
        elif target == "redraft30k":
            heavy(30000, 2, redraft=True)
        elif target == "heavy":
            heavy(3000, 5)
        elif target == "heavy30k":
            heavy(30000, 2)
        elif target == "bundled":
            bundled()
        elif target == "redlines":
            redlines(300)
        elif target == "plaintext":
            plaintext(20000, 3)
        elif target == "import":
            import_time(7)
        else:
            parser.error(f"unknown target {target!r}")


if __name__ == "__main__":
    main()
