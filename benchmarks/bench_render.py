"""Benchmark: rendering redlines (HTML, Markdown, text) and their sizes.

Prints figures; asserts nothing.  Targets (DESIGN.md, issue 5): the bundled us-russia-28 →
e3-counter-28 comparison to HTML in under 10 ms in process; a 3,000-provision comparison in
under 1 s.  The large pair comes from benchmarks/generate.py (the engine's synthetic revision).

    python benchmarks/bench_render.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from timing import best_of  # noqa: E402


def report(label: str, comparison: object, repeats: int) -> None:
    from peacediff.render import render_html, render_html_fragment, render_markdown, render_text

    render_html(comparison)  # warm: template compilation and asset hashing happen once per process
    for fmt, fn in (
        ("html", lambda: render_html(comparison)),
        ("fragment", lambda: render_html_fragment(comparison)),
        ("markdown", lambda: render_markdown(comparison)),
        ("text", lambda: render_text(comparison)),
    ):
        best, median = best_of(repeats, fn)
        size = len(fn().encode("utf-8"))
        print(f"{label:<32} {fmt:<9} best {best * 1000:8.2f} ms  median {median * 1000:8.2f} ms  "
              f"{size / 1024:8.1f} KiB")


def main() -> None:
    from generate import generate

    import peacediff

    start = time.perf_counter()
    import peacediff.render

    print(f"import peacediff.render: {(time.perf_counter() - start) * 1000:.1f} ms")
    comparison = peacediff.compare(peacediff.load("us-russia-28"), peacediff.load("e3-counter-28"))
    first = time.perf_counter()
    comparison.to_html()
    print(f"first render in a process (templates compiled): {(time.perf_counter() - first) * 1000:.1f} ms")
    report("us-russia-28 → e3-counter-28", comparison, 50)
    for n in (300, 3000):
        old, new, _ = generate(n, seed=1)
        big = peacediff.compare(old, new)
        print(f"{n}-provision comparison: {len(big.changes)} changes, {dict(big.counts)}")
        report(f"synthetic {n} provisions", big, 10 if n <= 300 else 5)


if __name__ == "__main__":
    main()
