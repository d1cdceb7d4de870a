"""Benchmark: a long plain-text pair end to end, ``peacediff diff a.txt b.txt -o out.html``.

Writes two numbered plain-text drafts (``N. text`` per line, from the generator in
benchmarks/generate.py: the heavy revision, about 16 % of points touched), then times
the command line on them in a fresh process (wall time, CPU time and peak memory of the
child, best of ``--repeat``), and, in this process, the phases it is made of (reading
both files, compare, rendering the HTML page) with whether a work budget tripped.

    python benchmarks/bench_plaintext.py                 # 20,000 points (the target: <= 3 s, no budget)
    python benchmarks/bench_plaintext.py 5000 20000      # other sizes
    python benchmarks/bench_plaintext.py --profile       # also the top of a cProfile of the whole run

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import os
import pstats
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from generate import generate  # noqa: E402

from peacediff.model import Version  # noqa: E402


def write_text(version: Version, path: Path) -> None:
    """One ``N. text`` line per provision, as a draft copied out of a word processor reads."""
    path.write_text("\n".join(f"{p.number}. {p.text}" for p in version.provisions) + "\n", encoding="utf-8")


def run_cli(a: Path, b: Path, out: Path) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system) and peak memory (MB) of one CLI run in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "peacediff", "diff", str(a), str(b), "-o", str(out)],
                   check=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # ru_maxrss of the children is the largest of any child so far: the runs are alike, so it is this one's.
    return wall, cpu, after.ru_maxrss // 1024


def phases(a: Path, b: Path) -> dict[str, object]:
    """Seconds of each phase of the command, in this process (the collector paused, as the CLI does)."""
    import peacediff
    from peacediff import compare
    from peacediff._display import render

    gc.disable()
    try:
        start = time.perf_counter()
        old, new = peacediff.load(a), peacediff.load(b)
        loaded = time.perf_counter()
        c = compare(old, new)
        compared = time.perf_counter()
        html = render(c, "html")
        rendered = time.perf_counter()
    finally:
        gc.enable()
    return {
        "load": loaded - start, "compare": compared - loaded, "render": rendered - compared,
        "budget": c.budget_exhausted, "notes": c.budget_notes, "html_mb": len(html) / 1e6,
        "changes": len(c.changes),
    }


def profile(a: Path, b: Path, out: Path) -> str:
    from peacediff.cli import main

    pr = cProfile.Profile()
    pr.enable()
    main(["diff", str(a), str(b), "-o", str(out)])
    pr.disable()
    stream = io.StringIO()
    pstats.Stats(pr, stream=stream).sort_stats("cumulative").print_stats(40)
    return stream.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[20000])
    parser.add_argument("--repeat", type=int, default=3, help="CLI runs per size (the best is shown)")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    print(f"{'points':>7} {'CLI wall':>9} {'CLI cpu':>8} {'maxrss':>7} {'load':>7} {'compare':>8} {'render':>7}"
          f" {'HTML':>7} {'budget':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            old, new, _ = generate(n, seed=n, heavy=True)
            a, b, out = Path(tmp, "a.txt"), Path(tmp, "b.txt"), Path(tmp, "out.html")
            write_text(old, a)
            write_text(new, b)
            runs = [run_cli(a, b, out) for _ in range(args.repeat)]
            wall, cpu, rss = min(runs)
            ph = min((phases(a, b) for _ in range(args.repeat)), key=lambda p: p["compare"])  # type: ignore[arg-type,return-value]
            print(f"{n:>7} {wall:>8.2f}s {cpu:>7.2f}s {rss:>4} MB {ph['load']:>6.2f}s {ph['compare']:>7.2f}s"
                  f" {ph['render']:>6.2f}s {ph['html_mb']:>4.1f} MB {'yes' if ph['budget'] else 'no':>6}")
            for note in ph["notes"]:  # type: ignore[attr-defined]
                print(f"        budget note: {note[:160]}")
            if args.profile:
                print(profile(a, b, out))


if __name__ == "__main__":
    main()
