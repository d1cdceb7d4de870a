"""Benchmark of peacediff.batch: pairs/s serially and on 1 and 2 local Dask workers, Dask's overhead, memory.

Run from the repository root (needs the batch extra)::

    python benchmarks/bench_batch.py              # 2,000 pairs of 300 provisions (~10 minutes on 2 busy cores)
    python benchmarks/bench_batch.py --pairs 200  # a quick look

The corpus is a folder manifest of generated documents, each revised ``--versions - 1``
times (every version a 300-provision TOML file), as a legislature's bills are: 2,000
consecutive-version pairs by default.  It prints

* serial: ``load`` + ``compare`` pair by pair in this process, no output written: pairs/s, and CPU
  milliseconds a pair (the figure to trust when other jobs share the cores: wall time then
  measures them too);
* the batch on a local cluster of 1 and of 2 worker processes, made as ``compare_many`` makes
  it (cluster start-up timed apart), writing the Parquet datasets: pairs/s, the scaling from 1
  to 2 workers, and the workers' CPU milliseconds a pair (everything the process did: the task,
  Dask's event loop, Parquet), to set against the serial CPU time;
* Dask's overhead: per task (empty tasks through the same cluster) and per pair (batch seconds
  per pair on 1 worker minus serial seconds per pair, in wall and in CPU time);
* 1 worker with Dask's sampling profiler on (Dask's default; ``compare_many`` turns it off);
* chunk size: the same batch cut into 1-pair tasks, to show what batching saves;
* peak memory (max RSS) of each worker process, output bytes per pair, a task's pickled arguments.

docs/batch.md turns these figures into the cost of a million pairs on a 100-worker cluster.
"""

from __future__ import annotations

import argparse
import os
import pickle
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import dask
import pyarrow as pa
import pyarrow.parquet as pq
from dask.distributed import Client

from peacediff import compare
from peacediff._synth import document, random_mutations, revise, versions_of
from peacediff.batch import _Loader, _local_cluster, compare_many, read_manifest
from peacediff.store import save

#: One revision of a bill: about 8 % of provisions touched (benchmarks/generate.py RATES).
RATES = {"edit": 0.03, "figure": 0.01, "move": 0.005, "split": 0.005, "merge": 0.005, "drop": 0.01, "insert": 0.01}


def build_corpus(root: Path, pairs: int, size: int, versions: int) -> Path:
    """A folder manifest: ``pairs / (versions - 1)`` documents of ``versions`` consecutive drafts each."""
    documents = -(-pairs // (versions - 1))
    made = 0
    for d in range(documents):
        folder = root / f"doc{d:05d}"
        folder.mkdir(parents=True)
        texts = document(size, seed=d)
        rng = random.Random(d)
        steps = min(versions, pairs - made + 1)
        for v in range(steps):
            if v:
                items, _ = revise(texts, random_mutations(len(texts), rng, RATES), n_rare=max(200, size),
                                       seed=d * 100 + v)
                texts = [item.text for item in items]
            old, _ = versions_of(texts, [], 0)
            save(old, folder / f"v{v + 1}.toml")
        made += steps - 1
    return root


def serial(manifest: Path) -> tuple[float, float, float, float]:
    """Seconds for load + compare of every pair in this process, the load and compare parts, and CPU seconds.

    Loading goes through the batch's own loader, which reuses the previous pair's versions,
    so that the difference with the batch is Dask and Parquet alone.
    """
    t_load = t_cmp = 0.0
    loader = _Loader()
    cpu = time.process_time()
    for pair in read_manifest(manifest):
        t0 = time.perf_counter()
        old, new = loader.pair(pair)
        t1 = time.perf_counter()
        compare(old, new)
        t_cmp += time.perf_counter() - t1
        t_load += t1 - t0
    return t_load + t_cmp, t_load, t_cmp, time.process_time() - cpu


def _max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_seconds() -> float:
    """CPU time of the whole worker process (the task thread, the event loop, the profiler if on)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _warm_up() -> None:
    """What a worker's first task would do once: import peacediff and pyarrow (which imports pandas)."""
    from peacediff.batch import CHANGES_SCHEMA, _table

    _table([], CHANGES_SCHEMA)
    pa.array([0])


def _noop(x: int) -> int:
    return x


def on_cluster(manifest: Path, out: Path, workers: int, chunk_size: int | None = None,
               settings: dict[str, object] | None = None) -> dict[str, float]:
    """The batch on a local cluster made as ``compare_many`` makes it (``settings``: other Dask settings)."""
    t0 = time.perf_counter()
    with dask.config.set(settings or {}):
        cluster = _local_cluster(workers)
    with cluster, Client(cluster) as client:
        client.run(_warm_up)  # start-up, timed with it: not a cost per pair
        started = time.perf_counter() - t0
        cpu0 = client.run(_cpu_seconds)
        t1 = time.perf_counter()
        result = compare_many(manifest, out, client, chunk_size=chunk_size, progress=False)
        run = time.perf_counter() - t1
        cpu1 = client.run(_cpu_seconds)
        rss = client.run(_max_rss_mb)
        # Seconds the workers spent inside load + compare, measured in the same run as the wall
        # time: what is left of workers x wall time is Dask, Parquet writing and idling.
        busy = sum(pq.read_table(out / "timings.parquet", columns=["total_s"]).column("total_s").to_pylist())
        n_tasks = 2000
        t2 = time.perf_counter()
        client.gather(client.map(_noop, range(n_tasks), pure=False))
        per_task = (time.perf_counter() - t2) / n_tasks
    return {"start": started, "run": run, "pairs": result.pairs, "chunks": result.chunks,
            "chunk_size": result.chunk_size, "rss": max(rss.values()), "per_task": per_task,
            "overhead": (run * workers - busy) / result.pairs,
            "cpu": sum(cpu1[w] - cpu0[w] for w in cpu1) / result.pairs}


def _cluster_line(label: str, n: int, r: dict[str, float]) -> str:
    return (f"{label}: {n / r['run']:7.1f} pairs/s, worker CPU {1000 * r['cpu']:.1f} ms a pair "
            f"({r['chunks']} tasks of {r['chunk_size']} pairs; cluster start {r['start']:.1f} s; "
            f"peak RSS per worker {r['rss']:.0f} MB; empty task {1000 * r['per_task']:.2f} ms; "
            f"outside load + compare {1000 * r['overhead']:.1f} ms a pair)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=2000)
    parser.add_argument("--size", type=int, default=300, help="provisions per document")
    parser.add_argument("--versions", type=int, default=6, help="versions per document")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="peacediff-bench-batch-"))
    try:
        t0 = time.perf_counter()
        manifest = build_corpus(tmp / "corpus", args.pairs, args.size, args.versions)
        pairs = read_manifest(manifest)
        n = len(pairs)
        print(f"corpus: {n} pairs of {args.size}-provision documents ({args.versions} versions each), "
              f"built in {time.perf_counter() - t0:.1f} s; {os.cpu_count()} cores, "
              f"load average {os.getloadavg()[0]:.1f}")
        total, t_load, t_cmp, cpu = serial(manifest)
        print(f"serial:     {n / total:7.1f} pairs/s, CPU {1000 * cpu / n:.1f} ms a pair ({1000 * total / n:.1f} ms "
              f"a pair of wall time: load {1000 * t_load / n:.1f} ms, compare {1000 * t_cmp / n:.1f} ms)")
        runs = {workers: on_cluster(manifest, tmp / f"out{workers}", workers) for workers in (1, 2)}
        for workers, r in runs.items():
            print(_cluster_line(f"{workers} worker{'s' if workers > 1 else ' '}", n, r))
        print(f"scaling 1 -> 2 workers: x{runs[1]['run'] / runs[2]['run']:.2f}")
        overhead, extra_cpu = (runs[1]["run"] - total) / n, runs[1]["cpu"] - cpu / n
        print(f"batch overhead per pair on 1 worker (Parquet writing + Dask): wall {1000 * overhead:+.1f} ms "
              f"({100 * overhead / (total / n):+.0f} % of the serial time), CPU {1000 * extra_cpu:+.1f} ms "
              f"({100 * extra_cpu / (cpu / n):+.0f} %)")
        profiled = on_cluster(manifest, tmp / "out-profiled", 1, settings={"distributed.worker.profile.enabled": True})
        print(_cluster_line("1 worker with Dask's profiler on (its default)", n, profiled))
        one = on_cluster(manifest, tmp / "out-chunk1", 2, chunk_size=1)
        print(f"2 workers, 1-pair tasks: {n / one['run']:7.1f} pairs/s ({one['chunks']} tasks; "
              f"x{one['run'] / runs[2]['run']:.2f} the time of {runs[2]['chunk_size']}-pair tasks; "
              f"worker CPU {1000 * one['cpu']:.1f} ms a pair; outside load + compare {1000 * one['overhead']:.1f} ms)")
        sizes = {d: sum(p.stat().st_size for p in (tmp / "out2" / f"{d}.parquet").iterdir())
                 for d in ("changes", "pairs", "timings")}
        inputs = sum(p.stat().st_size for p in manifest.rglob("*.toml"))
        print("output bytes per pair: " + ", ".join(f"{d} {size / n:,.0f}" for d, size in sizes.items())
              + f"; input TOML bytes per version {inputs / len(list(manifest.rglob('*.toml'))):,.0f}; "
              f"a task's arguments {len(pickle.dumps(list(pairs[:runs[2]['chunk_size']]))):,} bytes pickled")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
