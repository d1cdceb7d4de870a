"""Benchmark: loading the bundled versions, import time and CLI start-up.

Prints figures; asserts nothing (targets are in DESIGN.md: load all bundled
versions < 50 ms, ``import peacediff`` < 100 ms, ``peacediff --help`` < 150 ms).

    python benchmarks/bench_load.py
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from timing import best_of  # noqa: E402


def subprocess_time(args: list[str], n: int = 7) -> tuple[float, float]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return best_of(n, lambda: subprocess.run(args, env=env, capture_output=True, check=True))


def main() -> None:
    from peacediff._resources import resource_path
    from peacediff.archive import Archive

    folder = resource_path("versions")
    files = sorted(folder.glob("*.toml"))
    best, median = best_of(20, lambda: Archive(folder, seeds=resource_path("seeds")))
    size = sum(f.stat().st_size for f in files)
    print(f"load + validate all bundled versions ({len(files)} files, {size / 1024:.0f} KiB, evidence checked): "
          f"best {best * 1000:.1f} ms, median {median * 1000:.1f} ms  (target < 50 ms)")
    py = sys.executable
    base = subprocess_time([py, "-c", "pass"])
    imp = subprocess_time([py, "-c", "import peacediff"])
    print(f"python start-up alone: best {base[0] * 1000:.0f} ms")
    print(f"import peacediff: best {(imp[0] - base[0]) * 1000:.0f} ms over start-up "
          f"({imp[0] * 1000:.0f} ms whole process)  (target < 100 ms)")
    helps = subprocess_time([py, "-m", "peacediff", "--help"])
    print(f"peacediff --help: best {helps[0] * 1000:.0f} ms, median {helps[1] * 1000:.0f} ms whole process "
          "(target < 150 ms)")
    diff = subprocess_time([py, "-m", "peacediff", "diff", "us-russia-28", "e3-counter-28", "--format", "html"], 5)
    print(f"peacediff diff us-russia-28 e3-counter-28 --format html: best {diff[0] * 1000:.0f} ms, "
          f"median {diff[1] * 1000:.0f} ms whole process (target < 300 ms)")


if __name__ == "__main__":
    main()
