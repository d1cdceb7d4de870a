"""Where compare() spends its time after alignment: word diffs, figures, modal verbs, the rest.

    python benchmarks/bench_linkwork.py              # redraft profile, 3,000 provisions
    python benchmarks/bench_linkwork.py --heavy 3000 # short provisions instead

Times (CPU, best of several runs, each part summed over the comparison) the aligner, the word
diffs of linked pairs, the word diffs behind possible matches' similarity, the figure and
modal-verb comparisons, and what is left of compare() after alignment ("rest": building the
changes, change windows, parameters, reading order).  The parts are timed by wrapping the
functions, which adds a little overhead of its own; the total is the plain compare() time.
Run from the repository root; it imports the peacediff of its own checkout.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from bench_targets import best as best_of  # noqa: E402
from generate import generate  # noqa: E402

from peacediff import align, figures, modality, textdiff  # noqa: E402

compare_module = importlib.import_module("peacediff.compare")


def _timed(spent: dict[str, float], key: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[key] = spent.get(key, 0.0) + time.process_time() - start

    return wrapper


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=3000, help="provisions (default 3,000)")
    parser.add_argument("--heavy", action="store_true", help="the heavy profile of short provisions")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    old, new, _ = generate(args.n, seed=args.n, heavy=True, redraft=not args.heavy)
    compare_module.compare(old, new, align="text")
    plain_cpu, _wall = best_of(lambda: compare_module.compare(old, new, align="text"), args.repeat)
    spent: dict[str, float] = {}
    # word_ops serves possible matches and sub-point text; diff_words (which it calls) every diff.
    wrapped = [(align, "align_text", "align"), (textdiff, "diff_words", "word diffs (all)"),
               (textdiff, "word_ops", "word diffs (possible matches, sub-points)"),
               (figures, "figure_changes", "figures"), (modality, "modality_shifts", "modal verbs")]
    originals = [(module, name, getattr(module, name)) for module, name, _key in wrapped]
    for module, name, key in wrapped:
        setattr(module, name, _timed(spent, key, getattr(module, name)))
    best: tuple[float, dict[str, float]] | None = None
    try:
        for _ in range(args.repeat):
            spent.clear()
            gc.collect()
            start = time.process_time()
            compare_module.compare(old, new, align="text")
            total = time.process_time() - start
            if best is None or total < best[0]:
                best = (total, dict(spent))
    finally:
        for module, name, fn in originals:
            setattr(module, name, fn)
    assert best is not None
    total, parts = best
    after = total - parts.get("align", 0.0)
    rest = after - parts.get("word diffs (all)", 0.0) - parts.get("figures", 0.0) - parts.get("modal verbs", 0.0)
    profile = "heavy" if args.heavy else "redraft"
    print(f"{profile} {args.n:,}: compare {plain_cpu:.4f} s CPU (plain); with the parts timed {total:.4f} s")
    for key in ("align", "word diffs (all)", "word diffs (possible matches, sub-points)", "figures", "modal verbs"):
        print(f"  {key:<42} {parts.get(key, 0.0):.4f} s")
    print(f"  {'rest after alignment':<42} {rest:.4f} s")
    print(f"  {'all after alignment':<42} {after:.4f} s")


if __name__ == "__main__":
    main()
