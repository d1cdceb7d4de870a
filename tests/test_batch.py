"""Batch comparisons on Dask (peacediff.batch, ``peacediff batch``): rows, bytes, faults, resume, clusters.

The output is read back with pyarrow alone, as a user without peacediff would.
One local cluster of one worker process, as ``compare_many`` starts it, serves the module;
the scheduler test runs a scheduler here and ``peacediff batch`` and ``dask worker`` as separate
processes on 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

pytest.importorskip("dask.distributed")
pq = pytest.importorskip("pyarrow.parquet")

from dask.distributed import Client, LocalCluster  # noqa: E402

import peacediff  # noqa: E402
from peacediff import batch  # noqa: E402
from peacediff._manifest import natural_key, read_manifest  # noqa: E402
from peacediff._synth import document, random_mutations, revise, versions_of  # noqa: E402
from peacediff.cli import main  # noqa: E402
from peacediff.compare import CHANGE_KINDS  # noqa: E402
from peacediff.store import dumps, save  # noqa: E402

RATES = {"edit": 0.1, "figure": 0.05, "move": 0.03, "split": 0.03, "merge": 0.03, "drop": 0.03, "insert": 0.05}
N_PAIRS = 120
#: Pairs per task in the module's runs: 16 tasks, enough for resume and kill to fall between them,
#: a quarter of the default's partition files (each written and fsynced on its own).
CHUNK = 8
DETERMINISTIC = ("_batch.json", "changes.parquet", "pairs.parquet", "html")


# --------------------------------------------------------------------------- corpus and cluster


def _write_pair(folder: Path, k: int) -> tuple[str, str]:
    """A generated document and its revision, as TOML (keyed or not) or numbered plain text."""
    rng = random.Random(k)
    n = rng.randrange(4, 40)
    texts = document(n, seed=k)
    items, offset = revise(texts, random_mutations(n, rng, RATES), n_rare=200, seed=k)
    old, new = versions_of(texts, items, offset, keyed=k % 3 == 0)
    if k % 4 == 1:
        names = (f"doc{k}/v1.txt", f"doc{k}/v2.txt")
        for name, v in zip(names, (old, new), strict=True):
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text("".join(f"{p.number}. {p.text}\n" for p in v.provisions), encoding="utf-8")
        return names
    names = (f"doc{k}/old.toml", f"doc{k}/new.toml")
    (folder / f"doc{k}").mkdir(parents=True, exist_ok=True)
    for name, v in zip(names, (old, new), strict=True):
        # save()'s bytes without its fsyncs: a corpus of 480 files is test input, not a save to check
        (folder / name).write_text(dumps(v), encoding="utf-8")
    return names


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A CSV manifest of N_PAIRS generated pairs, one bundled pair, one missing file and one malformed file."""
    folder = tmp_path_factory.mktemp("corpus")
    rows = ["old,new,id,note"]
    for k in range(N_PAIRS):
        old, new = _write_pair(folder, k)
        rows.append(f"{old},{new},p{k:03d},generated")
    rows.insert(37, "missing/old.toml,doc0/new.toml,missing,")
    (folder / "broken.toml").write_text('id = "broken"\n[[provision]\nnumber = 1\n', encoding="utf-8")
    rows.insert(120, "broken.toml,doc2/new.toml,malformed,")
    rows.append("us-russia-28,e3-counter-28,,bundled ids")
    (folder / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder / "manifest.csv"


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    # the cluster compare_many starts without a client, so the module's runs check its settings too;
    # one worker process (a nanny and a worker: each process imports Dask for a second of CPU).
    # Two workers: the in-process pair of test_bytes_do_not_depend_on_the_number_of_workers and
    # the separate processes of the lost-worker test.
    with batch._local_cluster(1) as cluster, Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def first_run(corpus: Path, client: Client, tmp_path_factory: pytest.TempPathFactory) -> batch.BatchResult:
    out = tmp_path_factory.mktemp("run") / "out"
    return batch.compare_many(corpus, out, client, progress=False, chunk_size=CHUNK)


def _digests(out: Path) -> dict[str, str]:
    """SHA-256 of every deterministic file under ``out`` (timings are not)."""
    files = [p for name in DETERMINISTIC for p in ([out / name] if (out / name).is_file() else
                                                  sorted((out / name).rglob("*")))]
    return {str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest() for p in files if p.is_file()}


# --------------------------------------------------------------------------- rows equal serial compare()


def _expected_changes(pair_id: str, comparison: peacediff.Comparison) -> list[tuple]:
    return [
        (pair_id, k, ch.kind, list(ch.old_numbers), list(ch.new_numbers), [p.key for p in ch.old],
         [p.key for p in ch.new], ch.label, ch.matched_by, ch.similarity, ch.renumbered, ch.moved,
         [(pc.name, pc.kind, pc.display()) for pc in ch.parameter_changes],
         [(m.old, m.new) for m in ch.modality_shifts])
        for k, ch in enumerate(comparison.changes)
    ]


def _found_changes(rows: list[dict]) -> list[tuple]:
    return [
        (r["pair_id"], r["position"], r["kind"], r["old_numbers"], r["new_numbers"], r["old_keys"], r["new_keys"],
         r["label"], r["matched_by"], r["similarity"], r["renumbered"], r["moved"],
         [(pc["name"], pc["kind"], pc["display"]) for pc in r["parameter_changes"]],
         [(m["old"], m["new"]) for m in r["modality_shifts"]])
        for r in rows
    ]


def _load(base: Path, ref: str) -> peacediff.Version:
    return peacediff.load(ref if "/" not in ref and "." not in ref else base / ref)


def test_rows_equal_serial_compare(corpus: Path, first_run: batch.BatchResult) -> None:
    pairs = pq.read_table(first_run.out / "pairs.parquet").to_pylist()
    changes = pq.read_table(first_run.out / "changes.parquet").to_pylist()
    assert first_run.pairs == len(pairs) == N_PAIRS + 3
    assert [p["pair_id"] for p in pairs] == [p.pair_id for p in read_manifest(corpus)]  # manifest order
    expected: list[tuple] = []
    for row in pairs:
        if row["error"] is not None:
            continue
        c = peacediff.compare(_load(corpus.parent, row["old"]), _load(corpus.parent, row["new"]))
        expected.extend(_expected_changes(row["pair_id"], c))
        assert [row[k] for k in CHANGE_KINDS] == list(c.counts.values())
        assert (row["old_id"], row["new_id"], row["align"]) == (c.old.id, c.new.id, c.align)
        assert row["parameter_changes"] == len(c.parameter_changes)
        assert row["has_differences"] == c.has_differences
    assert _found_changes(changes) == expected
    assert any(r["parameter_changes"] for r in changes) and any(r["moved"] for r in changes)
    assert {r["align"] for r in pairs if r["error"] is None} == {"keys", "text"}


def test_a_failing_pair_is_recorded_and_the_batch_goes_on(first_run: batch.BatchResult) -> None:
    pairs = {r["pair_id"]: r for r in pq.read_table(first_run.out / "pairs.parquet").to_pylist()}
    assert first_run.errors == 2
    assert pairs["missing"]["error"].startswith("LookupError:") and "missing/old.toml" in pairs["missing"]["error"]
    assert pairs["malformed"]["error"].startswith("VersionFileError:")
    assert "broken.toml" in pairs["malformed"]["error"]
    assert pairs["missing"]["unchanged"] is None
    bundled = [r for r in pairs.values() if r["old"] == "us-russia-28"]
    assert len(bundled) == 1 and bundled[0]["error"] is None and bundled[0]["pair_id"].startswith("line-")
    changes = pq.read_table(first_run.out / "changes.parquet", columns=["pair_id"]).column("pair_id").to_pylist()
    assert "missing" not in changes and "malformed" not in changes


def test_structured_parameter_changes_read_without_peacediff(first_run: batch.BatchResult) -> None:
    table = pq.read_table(first_run.out / "changes.parquet")
    field = table.schema.field("parameter_changes").type.value_type
    assert [field.field(i).name for i in range(field.num_fields)][:4] == ["name", "kind", "origin", "unit"]
    numbers = [pc for r in table.to_pylist() for pc in r["parameter_changes"] if pc["old_number"] is not None]
    declared = [pc for pc in numbers if pc["origin"] == "parameter"]
    assert declared and all(json.loads(pc["old"]) == pc["old_number"] for pc in declared)
    found = [pc for pc in numbers if pc["origin"] == "text"]
    assert found and all(isinstance(json.loads(pc["old"]), str) for pc in found)
    assert {pc["number_unit"] for pc in found} >= {"days"}  # "within 30 days" → "within 40 days"
    timings = pq.read_table(first_run.out / "timings.parquet").to_pylist()
    assert len(timings) == first_run.pairs and all(t["total_s"] >= 0 for t in timings)


def test_bytes_do_not_depend_on_the_number_of_workers(
    corpus: Path, first_run: batch.BatchResult, tmp_path: Path
) -> None:
    # Two workers in this process against the module's one worker process: the worker count is
    # what is under test (a second cluster of processes here cost two seconds).
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0") as cluster, \
            Client(cluster) as pair:
        one = batch.compare_many(corpus, tmp_path / "one", pair, progress=False, chunk_size=CHUNK)
    assert one.chunk_size == first_run.chunk_size and one.chunks > 2
    assert _digests(one.out) == _digests(first_run.out)
    assert len([p for p in (one.out / "pairs.parquet").iterdir()]) == one.chunks


# --------------------------------------------------------------------------- resume


def test_resume_computes_only_the_missing_chunks(corpus: Path, client: Client, first_run: batch.BatchResult,
                                                 tmp_path: Path) -> None:
    import shutil

    out = tmp_path / "out"
    shutil.copytree(first_run.out, out)
    missing = [2, 5, first_run.chunks - 1]
    for k in missing:
        (out / "pairs.parquet" / f"part-{k:05d}.parquet").unlink()
    (out / "changes.parquet" / "part-00005.parquet").unlink()
    stale = out / "changes.parquet" / ".part-00002.parquet.4194303.0123abcd.peacediff-tmp"  # as a lost writer leaves it
    stale.write_bytes(b"half a partition")
    assert pq.read_table(out / "changes.parquet").num_rows > 0  # readers skip the temporary file
    kept = {p: p.stat().st_mtime_ns for p in (out / "pairs.parquet").iterdir()}
    again = batch.compare_many(corpus, out, client, progress=False, chunk_size=CHUNK)
    assert again.computed == tuple(missing)
    assert len(again.skipped) == first_run.chunks - len(missing)
    assert {p: p.stat().st_mtime_ns for p in kept} == kept  # finished partitions untouched
    assert not stale.exists()
    assert _digests(out) == _digests(first_run.out)
    done = batch.compare_many(corpus, out, client, progress=False, chunk_size=CHUNK)
    assert done.computed == () and done.errors == first_run.errors == 2


@pytest.mark.slow
def test_a_killed_batch_resumes_with_only_the_missing_pairs(corpus: Path, client: Client, tmp_path: Path,
                                                            first_run: batch.BatchResult) -> None:
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "peacediff", "batch", str(corpus), "--out", str(out), "--workers", "1",
           "--chunk-size", str(first_run.chunk_size)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            if len(list((out / "pairs.parquet").glob("part-*.parquet"))) >= 2:
                break
            time.sleep(0.02)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # the command and its local cluster, as a crash would
        proc.wait(timeout=30)
    finished = {int(p.name[5:10]) for p in (out / "pairs.parquet").glob("part-*.parquet")}
    assert finished, "the batch was killed before it finished any chunk"
    # every partition left behind is whole: a pairs partition is readable and has its chunk's rows
    for k in finished:
        assert pq.read_table(out / "pairs.parquet" / f"part-{k:05d}.parquet").num_rows == first_run.chunk_size
    again = batch.compare_many(corpus, out, client, progress=False, chunk_size=CHUNK)
    assert again.computed and set(again.computed).isdisjoint(finished)
    assert set(again.computed) | finished == set(range(first_run.chunks))
    assert _digests(out) == _digests(first_run.out)


def test_another_batch_in_the_same_folder_is_refused(corpus: Path, first_run: batch.BatchResult,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["batch", str(corpus), "--out", str(first_run.out), "--align", "text"])
    err = capsys.readouterr().err
    assert code == 2 and "different batch" in err and "fix:" in err and "Traceback" not in err


# --------------------------------------------------------------------------- redlines


def test_html_redlines_are_the_serial_ones(client: Client, tmp_path: Path) -> None:
    base = tmp_path / "m"
    base.mkdir()
    names = [_write_pair(base, k) for k in (3, 5)]
    (base / "m.csv").write_text("old,new,id\n" + "".join(f"{a},{b},doc {k}/ü\n" for k, (a, b) in enumerate(names))
                                + "us-russia-28,us-ua-20,plan\n", encoding="utf-8")
    result = batch.compare_many(base / "m.csv", tmp_path / "out", client, html=True, progress=False)
    rows = pq.read_table(result.out / "pairs.parquet").to_pylist()
    assert [r["html"] for r in rows][2] == "html/plan.html"
    assert len({r["html"] for r in rows}) == 3 and all(r["html"].count("/") == 1 for r in rows)
    page = (result.out / rows[2]["html"]).read_text(encoding="utf-8")
    assert page == peacediff.compare(peacediff.load("us-russia-28"), peacediff.load("us-ua-20")).to_html()


def test_progress_bar_only_when_asked_or_on_a_terminal(client: Client, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "m.csv").write_text("old,new\nus-russia-28,us-ua-20\nnope.toml,us-ua-20\n", encoding="utf-8")
    batch.compare_many(tmp_path / "m.csv", tmp_path / "quiet", client)  # stderr is not a terminal here
    assert capsys.readouterr().err == ""
    batch.compare_many(tmp_path / "m.csv", tmp_path / "bar", client, progress=True)
    err = capsys.readouterr().err
    assert "2/2" in err and "pair" in err and "errors=1" in err


@given(st.lists(st.text(min_size=1, max_size=30), min_size=2, max_size=8, unique=True))
def test_redline_file_names_are_safe_and_distinct(ids: list[str]) -> None:
    names = [batch.html_name(i) for i in ids]
    assert len(set(names)) == len(names)
    assert all(n.endswith(".html") and "/" not in n and not n.startswith(".") and n.isascii() for n in names)


# --------------------------------------------------------------------------- manifests


def test_folder_manifest_pairs_consecutive_versions_in_natural_order(tmp_path: Path) -> None:
    for doc, files in {"bill-2": ["v1.toml", "v2.toml", "v10.toml", ".v3.toml", "notes.xlsx"],
                       "bill-10": ["a.txt", "b.txt"], "bill-1": ["only.toml"]}.items():
        (tmp_path / doc).mkdir()
        for f in files:
            (tmp_path / doc / f).write_text("1. Text.\n", encoding="utf-8")
    pairs = read_manifest(tmp_path)
    assert [(p.pair_id, p.old, p.new) for p in pairs] == [
        ("bill-2/v1..v2", "bill-2/v1.toml", "bill-2/v2.toml"),
        ("bill-2/v2..v10", "bill-2/v2.toml", "bill-2/v10.toml"),
        ("bill-10/a..b", "bill-10/a.txt", "bill-10/b.txt"),
    ]
    assert pairs[0].old_ref == str(tmp_path / "bill-2" / "v1.toml")


def test_folder_manifest_rows_equal_serial_compare_of_consecutive_drafts(client: Client, tmp_path: Path) -> None:
    rng = random.Random(7)
    for d in range(3):
        texts = document(25, seed=d)
        for v in range(1, 5):
            (tmp_path / "bills" / f"bill-{d}").mkdir(parents=True, exist_ok=True)
            (tmp_path / "bills" / f"bill-{d}" / f"draft-{v}.md").write_text(
                "".join(f"{k}. {t}\n" for k, t in enumerate(texts, start=1)), encoding="utf-8")
            items, _ = revise(texts, random_mutations(len(texts), rng, RATES), seed=v)
            texts = [item.text for item in items]
    result = batch.compare_many(tmp_path / "bills", tmp_path / "out", client, progress=False)
    changes = pq.read_table(result.out / "changes.parquet").to_pylist()
    expected = []
    for pair in read_manifest(tmp_path / "bills"):
        c = peacediff.compare(peacediff.load(pair.old_ref), peacediff.load(pair.new_ref))
        expected.extend(_expected_changes(pair.pair_id, c))
    assert result.pairs == 9 and _found_changes(changes) == expected
    assert changes[0]["pair_id"] == "bill-0/draft-1..draft-2"


_CELL = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zs", "Zl", "Zp")), min_size=1,
                max_size=20)


@example([("~0", "~/x", "~")])
@given(st.lists(st.tuples(_CELL, _CELL, _CELL), min_size=1, max_size=6, unique_by=lambda r: r[2]))
def test_a_csv_written_by_the_csv_module_reads_back_as_written(rows: list[tuple[str, str, str]]) -> None:
    import csv
    import io
    import tempfile

    buffer = io.StringIO()
    csv.writer(buffer).writerows([("id", "new", "old"), *[(i, n, o) for o, n, i in rows]])
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "m.csv").write_text(buffer.getvalue(), encoding="utf-8")
        pairs = read_manifest(Path(tmp) / "m.csv")
    assert [(p.old, p.new, p.pair_id) for p in pairs] == rows


def test_the_loader_reuses_a_shared_version_but_never_an_edited_file(tmp_path: Path) -> None:
    texts = ["A ceasefire within 30 days.", "Forces capped at 600,000."]
    for k, edit in enumerate(["", " Elections.", " Elections in 90 days."]):
        save(peacediff.Version.from_texts(f"v{k + 1}", [t + edit for t in texts]), tmp_path / f"v{k + 1}.toml")
    first, second = (batch.Pair(f"p{k}", "", "", str(tmp_path / f"v{k}.toml"), str(tmp_path / f"v{k + 1}.toml"))
                     for k in (1, 2))
    loader = batch._Loader()
    _, shared = loader.pair(first)
    again, _ = loader.pair(second)
    assert again is shared  # consecutive drafts: the shared version is loaded once
    # an edit of the same size between two tasks (a long-lived cluster, a later batch) is seen
    size = (tmp_path / "v2.toml").stat().st_size
    save(peacediff.Version.from_texts("v2", [t + " Elections!" for t in texts]), tmp_path / "v2.toml")
    assert (tmp_path / "v2.toml").stat().st_size == size
    reread, _ = loader.pair(second)
    assert reread is not shared and reread.provisions[0].text.endswith("Elections!")


def _periodic_callbacks(dask_worker: object) -> list[str]:
    return sorted(getattr(dask_worker, "periodic_callbacks", {}))


def test_the_local_cluster_runs_without_dasks_sampling_profiler(client: Client) -> None:
    # the profiler walks the task thread's stack every 10 ms, holding the interpreter lock
    assert isinstance(client.cluster, LocalCluster) and len(client.cluster.workers) == 1
    for callbacks in client.run(_periodic_callbacks).values():
        assert "heartbeat" in callbacks and "profile" not in callbacks


def test_versions_built_in_code_compare_as_serially(client: Client, tmp_path: Path) -> None:
    a = peacediff.Version.from_texts("a", ["A ceasefire.", "Forces capped at 600,000.", "Elections."])
    b = peacediff.Version.from_texts("b", ["Forces capped at 800,000.", "A ceasefire."])
    result = batch.compare_many([(a, b), (b, a, "back"), (a, "us-ua-20")], tmp_path / "out", client)
    pairs = pq.read_table(result.out / "pairs.parquet").to_pylist()
    assert [(r["pair_id"], r["old"], r["new"]) for r in pairs] == [
        ("pair-1", "a", "b"), ("back", "b", "a"), ("pair-3", "a", "us-ua-20")]
    changes = pq.read_table(result.out / "changes.parquet").to_pylist()
    expected = [*_expected_changes("pair-1", peacediff.compare(a, b)),
                *_expected_changes("back", peacediff.compare(b, a)),
                *_expected_changes("pair-3", peacediff.compare(a, peacediff.load("us-ua-20")))]
    assert _found_changes(changes) == expected
    figure = changes[0]["parameter_changes"][0]
    assert (figure["old"], figure["old_number"], figure["new_number"]) == ('"600,000"', 600000.0, 800000.0)


@given(st.integers(0, 10**6), st.integers(0, 10**6))
def test_natural_order_reads_numbers_as_numbers(a: int, b: int) -> None:
    assert (natural_key(f"v{a}.toml") < natural_key(f"v{b}.toml")) == (a < b)


def test_csv_paths_resolve_against_the_manifest_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "m.csv").write_text("\ufeffOld, New\na.toml,us-ua-20\n../b.txt,/abs/c.txt\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    pairs = read_manifest("sub/m.csv")
    assert [(p.old_ref, p.new_ref) for p in pairs] == [
        (str(tmp_path / "sub" / "a.toml"), "us-ua-20"), (str(tmp_path / "b.txt"), "/abs/c.txt")]
    assert [p.pair_id for p in pairs] == ["line-2", "line-3"]


@pytest.mark.parametrize(("text", "needle"), [
    ("old,id\na,b\n", "m.csv:1: the header lacks the column(s) new"),
    ("old,new\na.toml,\n", "m.csv:2: the 'new' cell is empty"),
    ("old,new,id\na.toml,b.toml,x\n\nc.toml,d.toml,x\n", "m.csv:4: id 'x' is already used on line 2"),
    ("old,new\n", "m.csv: no pairs"),
])
def test_manifest_mistakes_are_one_message_with_the_line_and_the_fix(
    tmp_path: Path, text: str, needle: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "m.csv").write_text(text, encoding="utf-8")
    code = main(["batch", str(tmp_path / "m.csv"), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 2 and needle in err and "fix:" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_command_line_mistakes_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "loose.toml").write_text("", encoding="utf-8")
    assert main(["batch", str(tmp_path), "--out", str(tmp_path / "o")]) == 2
    assert "sub-folder" in capsys.readouterr().err
    assert main(["batch", str(tmp_path / "nope.csv"), "--out", str(tmp_path / "o")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["batch", "m.csv", "--out", "o", "--scheduler", "tcp://127.0.0.1:1", "--workers", "2"]) == 2
    assert "--workers" in capsys.readouterr().err
    assert main(["batch", "m.csv", "--out", "o", "--workers", "0"]) == 2
    (tmp_path / "m.csv").write_text("old,new\nus-russia-28,us-ua-20\n", encoding="utf-8")
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "thesis.docx").write_text("precious", encoding="utf-8")
    assert main(["batch", str(tmp_path / "m.csv"), "--out", str(tmp_path / "full")]) == 2
    assert "not a batch output folder" in capsys.readouterr().err
    assert main(["batch", str(tmp_path / "m.csv"), "--out", str(tmp_path / "m.csv")]) == 2
    assert "is a file" in capsys.readouterr().err


def test_without_the_batch_extra_the_command_says_how_to_install_it(tmp_path: Path) -> None:
    code = ("import sys; sys.modules['pyarrow'] = None; from peacediff.cli import main; "
            f"sys.exit(main(['batch', 'm.csv', '--out', {str(tmp_path / 'o')!r}]))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 2 and "pip install 'peacediff[batch]'" in done.stderr
    assert "Traceback" not in done.stderr


def test_import_peacediff_does_not_import_dask_or_pyarrow() -> None:
    code = ("import sys, peacediff, peacediff.cli; peacediff.cli._build_parser(); "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'dask', 'distributed', 'pyarrow', 'tqdm'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# --------------------------------------------------------------------------- a cluster of separate processes


def _start(args: list[str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as fh:
        return subprocess.Popen([sys.executable, "-m", *args], stdout=fh, stderr=subprocess.STDOUT,
                                start_new_session=True)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


@pytest.mark.slow
def test_scheduler_and_workers_started_apart_survive_a_lost_worker(
    corpus: Path, first_run: batch.BatchResult, tmp_path: Path
) -> None:
    # The scheduler runs in this process (what `dask scheduler` runs, on a TCP port of 127.0.0.1:
    # a process of its own cost a Dask import and showed the batch command nothing more); the
    # command and the workers, one of them killed mid-run, are processes of their own.
    procs: list[subprocess.Popen[bytes]] = []
    with LocalCluster(n_workers=0, processes=False, protocol="tcp://", host="127.0.0.1", scheduler_port=0,
                      dashboard_address=None) as scheduler:
        try:
            _lose_a_worker_mid_run(corpus, first_run, tmp_path, scheduler.scheduler_address, procs)
        finally:
            for proc in reversed(procs):
                _stop(proc)


def _lose_a_worker_mid_run(corpus: Path, first_run: batch.BatchResult, tmp_path: Path, address: str,
                           procs: list[subprocess.Popen[bytes]]) -> None:
    """``peacediff batch --scheduler``, waiting until two workers join, then one of them killed."""
    deadline = time.monotonic() + 60
    out, log = tmp_path / "out", tmp_path / "batch.log"
    run = _start(["peacediff", "batch", str(corpus), "--out", str(out), "--scheduler", address,
                  "--chunk-size", str(first_run.chunk_size)], log)
    procs.append(run)
    while "no workers yet" not in log.read_text() and time.monotonic() < deadline and run.poll() is None:
        time.sleep(0.05)
    assert "no workers yet" in log.read_text()
    for k in range(2):
        procs.insert(1 + k, _start(["distributed.cli.dask_worker", address, "--nthreads", "1", "--no-nanny",
                                    "--no-dashboard", "--host", "127.0.0.1", "--name", f"w{k}"],
                                   tmp_path / f"worker{k}.log"))
    while time.monotonic() < deadline and run.poll() is None:
        if list((out / "pairs.parquet").glob("part-*.parquet")):
            break
        time.sleep(0.02)
    os.killpg(procs[1].pid, signal.SIGKILL)  # a worker lost in the middle of the run
    assert len(list((out / "pairs.parquet").glob("part-*.parquet"))) < first_run.chunks, "finished too soon"
    assert run.wait(timeout=90) == 0, log.read_text()
    assert _digests(out) == _digests(first_run.out)
    assert not list(out.rglob(".*-tmp"))  # the lost worker's half-written part is not left behind
