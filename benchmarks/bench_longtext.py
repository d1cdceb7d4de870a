"""Benchmark: one very long provision (65,000-400,000 characters) through the word diff and compare().

Prints figures; asserts nothing.  The word-diff budget (textdiff.DIFF_CELL_BUDGET) counts
token comparisons of the changed middle, so a one-word edit in a long provision is diffed
word by word at any length; a text rewritten throughout is diffed up to the budget and
shown whole above it.  Each case runs in a fresh process so that its peak memory (maxrss)
is its own.

    python benchmarks/bench_longtext.py            # all cases
    python benchmarks/bench_longtext.py 100000     # one size
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = (65_000, 100_000, 200_000, 400_000)
EDITS = ("one-word", "figure", "rewrite-10%", "rewrite-30%", "rewrite-all")

_WORDS = [
    "the", "parties", "shall", "agree", "that", "forces", "withdraw", "within", "days", "of", "signing", "while",
    "guarantees", "security", "remain", "under", "council", "and", "sanctions", "on", "assets", "are", "lifted",
    "in", "stages", "for", "reconstruction", "elections", "referendum", "territory", "line", "contact", "zone",
    "monitoring", "mission", "report",
]


def _text(chars: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < chars:
        word = rng.choice(_WORDS)
        if rng.random() < 0.04:
            word = f"{rng.randint(1, 999)} days"
        if rng.random() < 0.07:
            word += "."  # sentences of ~15 words, as drafts write them
        out.append(word)
        size += len(word) + 1
    return " ".join(out)


def _edited(text: str, edit: str) -> str:
    middle = text.index(" ", len(text) // 2)
    if edit == "one-word":
        return text[:middle] + " additional" + text[middle:]
    if edit == "figure":
        return text[:middle] + " within 45 days" + text[middle:]
    share = {"rewrite-10%": 0.1, "rewrite-30%": 0.3, "rewrite-all": 1.0}[edit]
    rng = random.Random(2)
    words = text.split(" ")
    return " ".join(rng.choice(_WORDS) if rng.random() < share else w for w in words)


def run_case(chars: int, edit: str) -> dict[str, object]:
    """One case in this process: seconds for word_ops and compare(), whether the budget tripped."""
    import resource
    import time

    from peacediff import compare, textdiff
    from peacediff.model import Version

    old = _text(chars)
    new = _edited(old, edit)
    start = time.perf_counter()
    ops = textdiff.word_ops(old, new)
    word_seconds = time.perf_counter() - start
    start = time.perf_counter()
    c = compare(Version.from_texts("a", [old]), Version.from_texts("b", [new]))
    compare_seconds = time.perf_counter() - start
    return {
        "chars": chars,
        "edit": edit,
        "tokens": len(textdiff.tokenize(old)),
        "cost": textdiff.diff_cost(old, new),
        "ops": len(ops),
        "word_ops_s": round(word_seconds, 3),
        "compare_s": round(compare_seconds, 3),
        "mode": textdiff.diff_mode(old, new),
        "tripped": c.budget_exhausted,
        "figures": len(c.changes[0].parameter_changes) if c.changes else 0,
        "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
    }


def main(argv: list[str]) -> None:
    if argv[:1] == ["--case"]:
        print(json.dumps(run_case(int(argv[1]), argv[2])))
        return
    sizes = [int(a) for a in argv] or list(SIZES)
    print(f"{'chars':>8} {'edit':<12} {'tokens':>7} {'cost':>15} {'ops':>6} {'word_ops':>9} {'compare':>8} "
          f"{'mode':>9} {'maxrss':>7}")
    for chars in sizes:
        for edit in EDITS:
            out = subprocess.run(
                [sys.executable, __file__, "--case", str(chars), edit],
                capture_output=True, text=True, check=True, cwd=ROOT,
            )
            r = json.loads(out.stdout)
            print(f"{r['chars']:>8,} {r['edit']:<12} {r['tokens']:>7,} {r['cost']:>15,} {r['ops']:>6,} "
                  f"{r['word_ops_s']:>8.3f}s {r['compare_s']:>7.3f}s {r['mode']:>9} {r['maxrss_mb']:>5} MB")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main(sys.argv[1:])
