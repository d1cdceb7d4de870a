"""Timing helper shared by the benchmark scripts."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def best_of(n: int, fn: Callable[[], object]) -> tuple[float, float]:
    """Run ``fn`` ``n`` times; return (best, median) wall-clock seconds."""
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)
