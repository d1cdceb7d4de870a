"""Batch comparisons on Dask: thousands to millions of version pairs as Parquet data.

:func:`compare_many` compares every pair of a manifest (or of a list given in
code) on a ``dask.distributed`` cluster (a local one sized to the machine by
default) and writes, under ``out``::

    changes.parquet/part-00000.parquet ...   one row per top-level change
    pairs.parquet/part-00000.parquet ...     one row per pair (counts, budget notes, error)
    timings.parquet/part-00000.parquet ...   seconds per pair (the only non-deterministic output)
    html/<pair id>.html                      redlines, with html=True
    _batch.json                              what the folder holds, for resuming

Pairs are cut into chunks in manifest order; one chunk is one Dask task and one
partition file in each dataset, so the bytes do not depend on the number of
workers.  A chunk is done when its ``pairs.parquet`` partition exists (written
last, to a temporary name then renamed): a run started again with the same
``out`` computes only the missing chunks.  A pair that fails is recorded with its
error and the batch goes on.  Needs the ``batch`` extra
(``pip install 'peacediff[batch]'``); ``import peacediff`` does not import it.

Example::

    >>> from peacediff.batch import compare_many           # doctest: +SKIP
    >>> result = compare_many("corpus.csv", out="results")  # doctest: +SKIP
    >>> import pandas; pandas.read_parquet("results/pairs.parquet")  # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import gc
import json
import logging
import math
import os
import re
import socket
import sys
import time
import uuid
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

try:
    import pyarrow as pa
    import pyarrow.parquet as pq
    from dask.distributed import Client, LocalCluster, as_completed
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        f"peacediff batch needs the batch extra ({exc.name} is missing)\n"
        "    fix: pip install 'peacediff[batch]'"
    ) from exc

from peacediff import __version__
from peacediff._files import _TMP_SUFFIX, atomic_write_bytes, atomic_write_text
from peacediff._manifest import ManifestError, Pair, fingerprint, pairs_of, read_manifest
from peacediff.compare import ALIGN_MODES, CHANGE_KINDS, Change, Comparison, ParameterChange, compare
from peacediff.model import Version

__all__ = [
    "BatchError",
    "BatchResult",
    "ManifestError",
    "Pair",
    "chunk_size_for",
    "compare_many",
    "connect",
    "read_manifest",
]

#: Most pairs in one task.  A 300-provision pair costs a worker ~33 ms and a task ~50 ms on top
#: (Dask's round trip, three fsynced part files; benchmarks/bench_batch.py, docs/batch.md), so
#: 100 pairs make a ~3 s task whose fixed cost is ~1.5 %, and a million pairs are 10,000 tasks:
#: a load one scheduler handles easily.  1-pair tasks took twice as long in all.
#: Larger chunks would only make resuming coarser and a lost worker costlier.
MAX_CHUNK = 100

#: Fewest tasks a small batch is cut into, so that it still spreads over a cluster's workers.
#: It depends on the number of pairs only, never on the workers: output bytes must not.
MIN_TASKS = 64

#: Layout version of the output folder (``_batch.json``); a change makes old folders unresumable.
FORMAT_VERSION = 1

#: How parts are encoded (pyarrow.parquet.write_table's options; docs/batch.md, Performance).
PARQUET_OPTIONS: dict[str, Any] = {"compression": "zstd"}

_STATE = "_batch.json"
_DATASETS = ("changes", "pairs", "timings")


class BatchError(RuntimeError):
    """The batch cannot run or finish: the message names the cause and the fix."""


@attrs.frozen
class BatchResult:
    """What :func:`compare_many` did.

    ``computed`` and ``skipped`` are chunk indices (partition numbers): computed in this
    run, or found done by an earlier one; ``errors`` counts the failed pairs of the whole
    output (see the ``error`` column of ``pairs.parquet``).
    """

    out: Path
    pairs: int
    chunk_size: int
    computed: tuple[int, ...]
    skipped: tuple[int, ...]
    errors: int
    seconds: float

    @property
    def chunks(self) -> int:
        """Number of chunks (partitions) of the batch."""
        return len(self.computed) + len(self.skipped)


def chunk_size_for(n_pairs: int) -> int:
    """Pairs per task for a batch of ``n_pairs``: at least :data:`MIN_TASKS` tasks, at most :data:`MAX_CHUNK` pairs.

    Example::

        >>> chunk_size_for(300), chunk_size_for(1_000_000)
        (5, 100)
    """
    return max(1, min(MAX_CHUNK, math.ceil(n_pairs / MIN_TASKS)))


def compare_many(
    pairs: str | os.PathLike[str] | Iterable[Pair | tuple[Any, ...]],
    out: str | os.PathLike[str],
    client: Client | None = None,
    *,
    align: str = "auto",
    html: bool = False,
    workers: int | None = None,
    chunk_size: int | None = None,
    progress: bool | None = None,
) -> BatchResult:
    """Compare every pair on Dask and write the Parquet datasets (and redlines) under ``out``.

    ``pairs`` is a manifest path (CSV or folder, see docs/batch.md) or an iterable of
    :class:`Pair` / ``(old, new[, id])`` tuples whose sides are bundled ids, paths or
    :class:`~peacediff.Version` objects.  ``client`` is a connected
    ``dask.distributed.Client``; without one a local cluster of ``workers`` processes
    (default: one per core) is started and closed.  ``progress`` shows a bar on
    standard error (default: when it is a terminal).  Rows equal ``compare(old, new,
    align=align)`` pair by pair.  Raises :class:`ManifestError` for a bad manifest and
    :class:`BatchError` when ``out`` holds another batch or a task fails outright.
    """
    if align not in ALIGN_MODES:
        raise ValueError(f"align must be one of {', '.join(ALIGN_MODES)}; got {align!r}")
    if workers is not None and workers < 1:
        raise ValueError(f"workers must be at least 1; got {workers}")
    if workers is not None and client is not None:
        raise ValueError("workers sizes a local cluster; a client's cluster has its own workers")
    if chunk_size is not None and chunk_size < 1:
        raise ValueError(f"chunk_size must be at least 1; got {chunk_size}")
    started = time.perf_counter()
    todo_pairs = read_manifest(pairs) if isinstance(pairs, (str, os.PathLike)) else pairs_of(pairs)
    size = chunk_size or chunk_size_for(len(todo_pairs))
    chunks = [todo_pairs[k : k + size] for k in range(0, len(todo_pairs), size)]
    root = Path(out).absolute()
    _claim(root, todo_pairs, size, align, html)
    done = [k for k in range(len(chunks)) if _part(root, "pairs", k).is_file()]
    todo = sorted(set(range(len(chunks))) - set(done))
    if todo:
        _run(root, chunks, todo, client, align=align, html=html, workers=workers, progress=progress)
        _remove_temporaries(root)  # a worker lost while writing leaves one; its task was rerun elsewhere
    return BatchResult(root, len(todo_pairs), size, tuple(todo), tuple(done), _count_errors(root, len(chunks)),
                       time.perf_counter() - started)


def _count_errors(root: Path, chunks: int) -> int:
    """Failed pairs in the whole output, this run's and earlier runs' alike."""
    failed = 0
    for k in range(chunks):
        column = pq.read_table(_part(root, "pairs", k), columns=["error"]).column("error")
        failed += len(column) - column.null_count
    return failed


def connect(address: str, timeout: float = 10.0) -> Client:
    """A client of the running Dask scheduler at ``address`` (``tcp://HOST:8786``); BatchError if unreachable."""
    try:
        return Client(address, timeout=f"{timeout}s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise BatchError(
            f"cannot reach a Dask scheduler at {address} ({type(exc).__name__}: {exc})\n"
            "    fix: start one with 'dask scheduler' and workers with 'dask worker ADDRESS', or check the address"
        ) from None


# --------------------------------------------------------------------------- the output folder


def _part(root: Path, dataset: str, index: int) -> Path:
    return root / f"{dataset}.parquet" / f"part-{index:05d}.parquet"


def _claim(root: Path, pairs: Sequence[Pair], size: int, align: str, html: bool) -> None:
    """Check that ``root`` is empty or holds this same batch; record what it holds."""
    state = {
        "format": FORMAT_VERSION,
        "peacediff": __version__,
        "pairs": len(pairs),
        "chunk_size": size,
        "align": align,
        "html": html,
        "fingerprint": fingerprint(pairs, chunk_size=size, align=align, html=html, peacediff=__version__),
    }
    path = root / _STATE
    if root.exists() and not root.is_dir():
        raise BatchError(f"{root}: is a file, not a folder\n    fix: give a new or empty folder to --out")
    if path.is_file():
        try:
            previous = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            previous = None
        if previous != state:
            raise BatchError(
                f"{root}: holds the output of a different batch (other pairs, settings or peacediff version)\n"
                "    fix: give another --out folder, or delete this one to start over"
            )
    elif root.exists() and any(root.iterdir()):
        raise BatchError(f"{root}: exists and is not a batch output folder\n"
                         "    fix: give a new or empty --out folder")
    else:
        atomic_write_text(path, json.dumps(state, indent=2) + "\n")
    for dataset in _DATASETS:
        (root / f"{dataset}.parquet").mkdir(parents=True, exist_ok=True)
    _remove_temporaries(root)


def _remove_temporaries(root: Path) -> None:
    """Remove the temporary files a killed run or a lost worker left behind.

    Parts are written by :func:`peacediff._files.atomic_write_bytes`, which leaves nothing
    where the file system has anonymous files and a hidden ``.<part>.<pid>.<random>``
    name elsewhere (NFS, for one); such names are never read (Parquet readers skip names starting
    with "."). Called when no task of this batch is writing: before the run and after it.
    """
    folders = [root / f"{dataset}.parquet" for dataset in _DATASETS] + [root / "html"]
    for stale in (p for folder in folders if folder.is_dir() for p in folder.glob(f".*{_TMP_SUFFIX}")):
        with contextlib.suppress(FileNotFoundError):
            stale.unlink()


def _write_part(table: pa.Table, path: Path) -> None:
    """Write one partition whole or not at all (encoded in memory, then written and renamed atomically)."""
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, **PARQUET_OPTIONS)
    atomic_write_bytes(path, sink.getvalue().to_pybytes())


# --------------------------------------------------------------------------- running on Dask


def _run(
    root: Path,
    chunks: Sequence[Sequence[Pair]],
    todo: Sequence[int],
    client: Client | None,
    *,
    align: str,
    html: bool,
    workers: int | None,
    progress: bool | None,
) -> None:
    """Submit the chunks still to do and wait for them, showing the progress."""
    cluster = None
    if client is None:
        cluster = _local_cluster(workers or _cores())
        client = Client(cluster)
    elif not client.scheduler_info().get("workers"):
        address = client.scheduler.address if client.scheduler is not None else "the given address"
        print(f"peacediff: the scheduler at {address} has no workers yet; waiting for some\n"
              "    fix: start them with 'dask worker ADDRESS' (Ctrl-C to stop; finished chunks are kept)",
              file=sys.stderr)
    show = sys.stderr.isatty() if progress is None else progress
    bar = _progress_bar(sum(len(chunks[k]) for k in todo), show)
    errors = 0
    failed: list[tuple[int, BaseException]] = []
    try:
        futures = [
            client.submit(_run_chunk, str(root), k, list(chunks[k]), align, html,
                          key=f"peacediff-chunk-{k}-{uuid.uuid4().hex[:8]}", retries=2, pure=False)
            for k in todo
        ]
        index_of = {f.key: k for f, k in zip(futures, todo, strict=True)}
        for future in as_completed(futures):
            try:
                done = future.result()
            except Exception as exc:  # a whole task failed (e.g. a full disk): report after the rest ran
                failed.append((index_of[future.key], exc))
                continue
            errors += done["errors"]
            if bar is not None:
                bar.update(done["pairs"])
                bar.set_postfix(errors=errors, refresh=False)
    finally:
        if bar is not None:
            bar.close()
        if cluster is not None:
            client.close()
            cluster.close()
    if failed:
        index, first = min(failed, key=lambda f: f[0])
        raise BatchError(
            f"{len(failed)} chunk(s) failed outright, first chunk {index}: {type(first).__name__}: {first}\n"
            "    fix: correct the cause and run the same command again; finished chunks are kept"
        )


#: Dask settings of the local cluster's workers.  Dask's sampling profiler walks the task
#: thread's stack every 10 ms from the worker's event loop, holding the interpreter lock the
#: comparison needs: 5–10 % of a worker's time on pure-Python work (docs/batch.md, Performance).
LOCAL_WORKER_SETTINGS: dict[str, Any] = {"distributed.worker.profile.enabled": False}


def _local_cluster(workers: int) -> LocalCluster:
    import dask

    with dask.config.set(LOCAL_WORKER_SETTINGS):  # a nanny hands its settings to the worker it starts
        return LocalCluster(
            n_workers=workers,
            threads_per_worker=1,  # the work is pure Python: processes, one thread each
            processes=True,
            dashboard_address=":0",  # a free port: a fixed one would clash with another cluster on the machine
            silence_logs=logging.CRITICAL,  # workers' shutdown chatter; pair errors are in the data
        )


def _cores() -> int:
    """Cores this process may use (a container or ``taskset`` may allow fewer than the machine has)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def _progress_bar(total: int, show: bool) -> Any:
    if not show:
        return None
    try:
        from tqdm import tqdm
    except ImportError:  # the bar is a convenience; the batch runs without it
        return None
    return tqdm(total=total, unit="pair", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)


def _run_chunk(root: str, index: int, chunk: Sequence[Pair], align: str, html: bool) -> dict[str, int]:
    """Compare one chunk on a worker and write its partitions (the pairs one last, as the commit)."""
    out = Path(root)
    worker = f"{socket.gethostname()}:{os.getpid()}"
    changes: list[pa.Table] = []
    pairs: list[tuple[Any, ...]] = []
    timings: list[tuple[Any, ...]] = []
    for pair in chunk:
        row, rows, timing = _compare_pair(out, pair, align, html)
        pairs.append(row)
        if rows:
            changes.append(_table(rows, CHANGES_SCHEMA))
        timings.append((*timing, worker))
    _write_part(pa.concat_tables(changes) if changes else CHANGES_SCHEMA.empty_table(), _part(out, "changes", index))
    _write_part(_table(timings, TIMINGS_SCHEMA), _part(out, "timings", index))
    _write_part(_table(pairs, PAIRS_SCHEMA), _part(out, "pairs", index))
    _freeze_worker_heap()
    return {"index": index, "pairs": len(chunk), "errors": sum(row[-1] is not None for row in pairs)}


_frozen = False


def _freeze_worker_heap() -> None:
    """Take the worker's long-lived objects out of the garbage collector's full passes, once a process.

    A worker holds Dask, pyarrow and pandas (a few hundred thousand objects) all its life, and
    every full collection, which a comparison's allocations set off every few dozen pairs,
    walked them all again: ~1.5 ms a pair, 5 % of the work (docs/batch.md, Performance).  After
    the first chunk, when those modules are loaded, they are collected once and frozen
    (:func:`gc.freeze`).  Reference counting still frees frozen objects; only a cycle formed
    later among objects alive at that moment would outlive its use: a bounded, one-time cost.
    """
    global _frozen
    if not _frozen:
        _frozen = True
        gc.collect()
        gc.freeze()


class _Loader:
    """``peacediff.load`` that remembers the versions of the pair it loaded last.

    Consecutive versions of a document (a folder manifest) are pair k's new side and
    pair k+1's old side, and chunks keep manifest order, so this halves the loading,
    which costs as much as the comparison itself (benchmarks/bench_batch.py).  A worker
    keeps its loader from one task to the next, whose first pair often shares the last
    version of the chunk before.  A file is reused only while its inode, size and time
    stamp are those it had when it was read: a long-lived cluster never compares the
    old text of a file edited between two batches.
    """

    def __init__(self) -> None:
        self._recent: dict[str, tuple[tuple[int, int, int] | None, Version]] = {}

    def pair(self, pair: Pair) -> tuple[Version, Version]:
        """The old and the new version of ``pair``; afterwards the loader remembers exactly these."""
        from peacediff import load

        kept: dict[str, tuple[tuple[int, int, int] | None, Version]] = {}
        versions: list[Version] = []
        for ref in (pair.old_ref, pair.new_ref):
            if isinstance(ref, Version):
                versions.append(ref)
                continue
            stamp = _stamp(ref)
            known = kept.get(ref) or self._recent.get(ref)
            if known is None or known[0] != stamp:
                known = (stamp, load(ref))
            kept[ref] = known
            versions.append(known[1])
        self._recent = kept  # one assignment: tasks running on a worker's other threads see old or new
        return versions[0], versions[1]


def _stamp(ref: str) -> tuple[int, int, int] | None:
    """What tells a file's contents changed without reading it; None for a bundled id (they never change)."""
    try:
        st = os.stat(ref)
    except OSError:
        return None
    return st.st_ino, st.st_size, st.st_mtime_ns


#: The worker process's loader, kept between the tasks it runs (see :class:`_Loader`).
_LOADER = _Loader()


def _compare_pair(
    out: Path, pair: Pair, align: str, html: bool
) -> tuple[tuple[Any, ...], list[tuple[Any, ...]], tuple[Any, ...]]:
    """One pair's row, change rows and timing (without the worker); a failure becomes the row's ``error``."""
    t0 = time.perf_counter()
    t_load = t_compare = t_html = None
    try:
        old, new = _LOADER.pair(pair)
        t_load = time.perf_counter()
        comparison = compare(old, new, align=align)
        t_compare = time.perf_counter()
        page = None
        if html:
            page = f"html/{html_name(pair.pair_id)}"
            atomic_write_text(out / page, comparison.to_html())
            t_html = time.perf_counter()
        row = _pair_row(pair, comparison, page)
        rows = [_change_row(pair.pair_id, k, ch) for k, ch in enumerate(comparison.changes)]
    except Exception as exc:  # recorded, and the batch goes on: one bad file must not stop a million pairs
        row, rows = _error_row(pair, exc), []
    end = time.perf_counter()
    timing = (
        pair.pair_id,
        None if t_load is None else t_load - t0,
        None if t_compare is None or t_load is None else t_compare - t_load,
        None if t_html is None or t_compare is None else t_html - t_compare,
        end - t0,
    )
    return row, rows, timing


def _error_text(exc: BaseException) -> str:
    message = exc.args[0] if isinstance(exc, KeyError) and exc.args else str(exc)
    if isinstance(exc, OSError) and exc.filename and exc.strerror:
        message = f"{exc.filename}: {exc.strerror}"
    return f"{type(exc).__name__}: {message}"


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def html_name(pair_id: str) -> str:
    """A portable file name for a pair's redline; a digest keeps ids that differ only in odd characters apart."""
    safe = _UNSAFE.sub("_", pair_id).strip("._")[:120] or "pair"
    if safe != pair_id:
        import hashlib

        safe += "-" + hashlib.sha256(pair_id.encode()).hexdigest()[:10]
    return safe + ".html"


# --------------------------------------------------------------------------- rows and schemas

_PARAMETER_CHANGE = pa.struct([
    ("name", pa.string()),
    ("kind", pa.string()),
    ("origin", pa.string()),
    ("unit", pa.string()),
    ("old", pa.string()),  # the value as JSON: a number, a string, true/false or a list of strings
    ("new", pa.string()),
    ("old_number", pa.float64()),  # the value as a number where it is one, for filtering without parsing
    ("new_number", pa.float64()),
    ("number_unit", pa.string()),  # what old_number / new_number count: days, USD, percent, ...
    ("display", pa.string()),
    ("disputed", pa.bool_()),
])

#: ``changes.parquet``: one row per top-level change, in each comparison's reading order.
CHANGES_SCHEMA = pa.schema([
    ("pair_id", pa.string()),
    ("position", pa.int32()),
    ("kind", pa.string()),
    ("old_numbers", pa.list_(pa.string())),
    ("new_numbers", pa.list_(pa.string())),
    ("old_keys", pa.list_(pa.string())),
    ("new_keys", pa.list_(pa.string())),
    ("label", pa.string()),
    ("matched_by", pa.string()),
    ("similarity", pa.float64()),
    ("renumbered", pa.bool_()),
    ("moved", pa.bool_()),
    ("parameter_changes", pa.list_(_PARAMETER_CHANGE)),
    ("modality_shifts", pa.list_(pa.struct([("old", pa.string()), ("new", pa.string())]))),
    ("subchanges", pa.int32()),
    ("changed_subchanges", pa.int32()),
    ("note", pa.string()),
    ("disputed", pa.bool_()),
])

#: ``pairs.parquet``: one row per manifest pair; counts are null and ``error`` is set when it failed.
PAIRS_SCHEMA = pa.schema([
    ("pair_id", pa.string()),
    ("old", pa.string()),
    ("new", pa.string()),
    ("old_id", pa.string()),
    ("new_id", pa.string()),
    ("align", pa.string()),
    ("old_provisions", pa.int32()),
    ("new_provisions", pa.int32()),
    *[(kind, pa.int32()) for kind in CHANGE_KINDS],
    ("parameter_changes", pa.int32()),
    ("has_differences", pa.bool_()),
    ("budget_exhausted", pa.bool_()),
    ("budget_notes", pa.list_(pa.string())),
    ("html", pa.string()),
    ("error", pa.string()),
])

#: ``timings.parquet``: seconds per pair and the worker that ran it (differs run to run).
TIMINGS_SCHEMA = pa.schema([
    ("pair_id", pa.string()),
    ("load_s", pa.float64()),
    ("compare_s", pa.float64()),
    ("html_s", pa.float64()),
    ("total_s", pa.float64()),
    ("worker", pa.string()),
])


def _json(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(list(value) if isinstance(value, tuple) else value, ensure_ascii=False)


def _numbers(pc: ParameterChange) -> tuple[float | None, float | None, str | None]:
    """``old_number``, ``new_number`` and their unit.

    A declared parameter's number is its value, in its unit.  A figure found in the text
    is kept as written in ``old`` / ``new`` ("USD 100 billion", "3 months"), and its number
    is the value the word diff compares it by: amounts in currency units, durations in days,
    dates as yyyymmdd, so that "3 months" → "120 days" reads 90 → 120.
    """
    if pc.origin != "text":
        old, new = (float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None
                    for v in (pc.old, pc.new))
        return old, new, pc.unit if old is not None or new is not None else None
    old_fig, new_fig = (_figure(v, pc.name) for v in (pc.old, pc.new))
    units = {f.unit for f in (old_fig, new_fig) if f is not None}
    if len(units) != 1:  # nothing read, or two currencies: not comparable as numbers
        return None, None, None
    unit = units.pop()
    return (None if old_fig is None else old_fig.value, None if new_fig is None else new_fig.value, unit or None)


def _figure(written: Any, kind: str) -> Any:
    """The one figure of ``kind`` in a figure's written form, or None."""
    if not isinstance(written, str):
        return None
    from peacediff.figures import find_figures

    figures = [f for f in find_figures(written) if f.kind == kind]
    return figures[0] if len(figures) == 1 else None


def _change_row(pair_id: str, position: int, ch: Change) -> tuple[Any, ...]:
    """One ``changes.parquet`` row, in the schema's column order.

    Strings, numbers and tuples of them, never a list or a dict: the garbage collector
    stops tracking such a tuple after one pass, whereas rows held as dicts of lists (a
    chunk holds ~30,000) were walked again at every full collection while the next
    comparisons ran, which cost as much as building them (docs/batch.md, Performance).
    """
    subchanges = ch.subchanges
    return (
        pair_id, position, ch.kind, ch.old_numbers, ch.new_numbers,
        tuple(p.key for p in ch.old), tuple(p.key for p in ch.new), ch.label, ch.matched_by, ch.similarity,
        ch.renumbered, ch.moved,
        _parameter_rows(ch) if ch.parameter_changes else (),
        tuple((m.old, m.new) for m in ch.modality_shifts) if ch.modality_shifts else (),
        len(subchanges), sum(s.kind != "unchanged" for s in subchanges) if subchanges else 0,
        ch.note, bool(ch.disputes),
    )


def _parameter_rows(ch: Change) -> tuple[tuple[Any, ...], ...]:
    """The ``parameter_changes`` structs of one change, in :data:`_PARAMETER_CHANGE`'s field order."""
    disputed = ch.disputed_parameters
    return tuple(
        (pc.name, pc.kind, pc.origin, pc.unit, _json(pc.old), _json(pc.new), *_numbers(pc), pc.display(),
         pc.name in disputed)
        for pc in ch.parameter_changes
    )


def _pair_row(pair: Pair, comparison: Comparison, html: str | None) -> tuple[Any, ...]:
    """The ``pairs.parquet`` row of a pair that compared, in the schema's column order."""
    return (
        pair.pair_id, pair.old, pair.new, comparison.old.id, comparison.new.id, comparison.align,
        len(comparison.old.provisions), len(comparison.new.provisions), *comparison.counts.values(),
        len(comparison.parameter_changes), comparison.has_differences,
        comparison.budget_exhausted, comparison.budget_notes, html, None,
    )


def _error_row(pair: Pair, exc: BaseException) -> tuple[Any, ...]:
    """The ``pairs.parquet`` row of a pair that failed: its names and the error, nothing else."""
    blanks = (None,) * (len(PAIRS_SCHEMA) - 4)
    return (pair.pair_id, pair.old, pair.new, *blanks, _error_text(exc))


def _table(rows: Sequence[tuple[Any, ...]], schema: pa.Schema) -> pa.Table:
    """One table from row tuples in ``schema``'s column order, converted column by column."""
    if not rows:
        return schema.empty_table()
    columns = zip(*rows, strict=True)
    return pa.Table.from_arrays([pa.array(column, type=field.type) for column, field in
                                 zip(columns, schema, strict=True)], schema=schema)
