"""Files peacediff writes: modes, links, special files, kills mid-write, the template cache."""

from __future__ import annotations

import os
import pickle
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from cli_run import run_cli

from peacediff import _files
from peacediff._files import FileProblem, atomic_write_text

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_new_file_honours_the_umask(tmp_path: Path, umask_022: None) -> None:
    atomic_write_text(tmp_path / "new.html", "x")
    assert mode(tmp_path / "new.html") == 0o644
    os.umask(0o077)
    atomic_write_text(tmp_path / "private.html", "x")
    assert mode(tmp_path / "private.html") == 0o600


@pytest.mark.parametrize("kept", [0o600, 0o640, 0o664, 0o444])
def test_replaced_file_keeps_its_mode(tmp_path: Path, umask_022: None, kept: int) -> None:
    target = tmp_path / "r.md"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, kept)
    atomic_write_text(target, "new")
    assert mode(target) == kept and target.read_text(encoding="utf-8") == "new"


def test_cli_output_file_gets_0644_under_umask_022(tmp_path: Path, umask_022: None) -> None:
    out = tmp_path / "r.json"
    r = run_cli("diff", "us-russia-28", "us-ua-20", "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert mode(out) == 0o644
    r = run_cli("redline", "--out", str(tmp_path / "rl"))
    assert r.returncode == 0, r.stderr
    assert {mode(p) for p in (tmp_path / "rl").iterdir()} == {0o644}
    assert mode(tmp_path / "rl") == 0o755


def test_symlink_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real.html"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.html"
    link.symlink_to(real)
    atomic_write_text(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"
    dangling = tmp_path / "dangling.html"
    dangling.symlink_to(tmp_path / "made.html")
    atomic_write_text(dangling, "made")
    assert dangling.is_symlink() and (tmp_path / "made.html").read_text(encoding="utf-8") == "made"


def test_fifo_is_written_through_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    atomic_write_text(fifo, "through the pipe")
    reader.join(timeout=30)
    assert got == [b"through the pipe"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_character_device_is_written_through() -> None:
    before = os.lstat("/dev/null")
    atomic_write_text("/dev/null", "discarded")
    after = os.lstat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino
    assert not any(".peacediff-tmp" in name for name in os.listdir("/dev"))


def test_dev_stdout_is_written_through(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PEACEDIFF_NO_CACHE": "1"}
    r = subprocess.run([sys.executable, "-m", "peacediff", "diff", "us-russia-28", "us-ua-20", "-o", "/dev/stdout",
                        "--format", "json"], env=env, capture_output=True, timeout=120, text=True)
    assert r.returncode == 0, r.stderr
    assert r.stdout.lstrip().startswith("{")


def test_folder_and_empty_name_are_refused(tmp_path: Path) -> None:
    with pytest.raises(FileProblem, match="is a folder"):
        atomic_write_text(tmp_path, "x")
    with pytest.raises(FileProblem, match="empty"):
        atomic_write_text("", "x")


def test_folder_is_fsynced_after_the_rename(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[bool] = []
    real_fsync = os.fsync

    def spy(fd: int) -> None:
        synced.append(stat.S_ISDIR(os.fstat(fd).st_mode))
        real_fsync(fd)

    monkeypatch.setattr(_files.os, "fsync", spy)
    atomic_write_text(tmp_path / "f.txt", "x")
    assert synced == [False, True], "the file, then its folder"


# --------------------------------------------------------------------------- kill -9 mid-write

_KILLABLE = """
import os, sys, time
from peacediff import _files
anonymous = sys.argv[3] == "anonymous"
if not anonymous:
    _files._open_anonymous = lambda folder: -1
real_write = _files._write_all
def slow(fd, data):
    real_write(fd, data[: len(data) // 2])
    print("half", flush=True)
    time.sleep(60)
_files._write_all = slow
_files.atomic_write_text(sys.argv[1], sys.argv[2] * 100000)
"""


def _kill_mid_write(target: Path, mode: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", _KILLABLE, str(target), "new ", mode], stdout=subprocess.PIPE,
                            env=env, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "half"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)


def test_kill_mid_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "redline.html"
    target.write_text("old", encoding="utf-8")
    _kill_mid_write(target, "anonymous")
    assert os.listdir(tmp_path) == ["redline.html"]
    assert target.read_text(encoding="utf-8") == "old"


def test_kill_mid_write_without_anonymous_files_is_swept_by_the_next_write(tmp_path: Path) -> None:
    target = tmp_path / "redline.html"
    target.write_text("old", encoding="utf-8")
    _kill_mid_write(target, "named")
    assert target.read_text(encoding="utf-8") == "old"
    leftovers = [n for n in os.listdir(tmp_path) if n != "redline.html"]
    assert len(leftovers) == 1 and leftovers[0].endswith(".peacediff-tmp")
    atomic_write_text(tmp_path / "other.html", "x")
    assert sorted(os.listdir(tmp_path)) == ["other.html", "redline.html"]


def test_kill_at_any_moment_of_a_real_cli_write(tmp_path: Path) -> None:
    """SIGKILL the CLI at a spread of moments: the target is absent or whole, a leftover is swept."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PEACEDIFF_NO_CACHE": "1"}
    target = tmp_path / "r.html"
    args = [sys.executable, "-m", "peacediff", "diff", "us-russia-28", "us-ua-20", "-o", str(target)]
    started = time.monotonic()
    whole = subprocess.run(args, env=env, capture_output=True, timeout=120)
    took = time.monotonic() - started
    assert whole.returncode == 0
    complete = target.read_bytes()
    target.unlink()
    # Moments spread over the length of a whole run on this machine, so that every kill lands
    # while the command runs, late ones near its write.
    for delay in (took * f for f in (0.15, 0.35, 0.55, 0.75, 0.88, 0.96)):
        proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
        names = sorted(os.listdir(tmp_path))
        # A kill in the instant between linking the finished temporary file and renaming it
        # leaves its hidden name; the next write to the folder sweeps it (checked below).
        leftovers = [n for n in names if n.startswith(".r.html.") and n.endswith(".peacediff-tmp")]
        assert [n for n in names if n not in leftovers] in ([], ["r.html"]), names
        if "r.html" in names:
            assert target.read_bytes() == complete
            target.unlink()
        if leftovers:
            atomic_write_text(tmp_path / "other.html", "x")
            assert os.listdir(tmp_path) == ["other.html"]
            (tmp_path / "other.html").unlink()


_KILLABLE_REDLINE = """
import sys, time
from peacediff import _files, store
real = store.atomic_write_text
count = [0]
def slow(path, text):
    real(path, text)
    count[0] += 1
    if count[0] == 2:
        print("two pages", flush=True)
        time.sleep(60)
store.atomic_write_text = slow
from peacediff.cli import main
main(["redline", "--out", sys.argv[1]])
"""


def test_redline_never_mixes_old_and_new_pages(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PEACEDIFF_NO_CACHE": "1"}
    out = tmp_path / "redlines"
    out.mkdir()
    (out / "stale__pair.html").write_text("from an older run", encoding="utf-8")
    (out / "index.html").write_text("old index", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-c", _KILLABLE_REDLINE, str(out)], stdout=subprocess.PIPE, env=env,
                            text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "two pages"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert sorted(os.listdir(out)) == ["index.html", "stale__pair.html"], "the old set, untouched"
    r = run_cli("redline", "--out", str(out))  # the next run, here: the kill is what needs a process
    assert r.returncode == 0, r.stderr
    assert os.listdir(tmp_path) == ["redlines"], "the killed run's folder is swept"
    names = os.listdir(out)
    assert "stale__pair.html" not in names and "index.html" in names
    assert "old index" not in (out / "index.html").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- template cache

class _Boom:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch '{self.marker}'",))


def _cli_html(cache: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": str(cache)}
    env.pop("PEACEDIFF_NO_CACHE", None)
    return subprocess.run([sys.executable, "-m", "peacediff", "diff", "us-russia-28", "us-ua-20", "--format", "html"],
                          env=env, capture_output=True, timeout=120)


@pytest.fixture(scope="module")
def first_cache(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """A template cache as the CLI's first run leaves it, and that run's output: the cache tests
    each start from a copy (modes kept) rather than a run of their own."""
    cache = tmp_path_factory.mktemp("first") / "cache"
    first = _cli_html(cache)
    assert first.returncode == 0, first.stderr
    return cache, first.stdout


def _copy_of(first_cache: tuple[Path, bytes], tmp_path: Path) -> Path:
    import shutil

    return Path(shutil.copytree(first_cache[0], tmp_path / "cache"))  # copy2: modes kept


def test_tampered_cache_entries_are_never_unpickled(tmp_path: Path, first_cache: tuple[Path, bytes]) -> None:
    import jinja2.bccache

    entries = list((first_cache[0] / "peacediff").rglob("*.cache"))
    assert entries, "the CLI keeps a cache"
    root = first_cache[0] / "peacediff"
    assert mode(root) == 0o700 and all(mode(p.parent) == 0o700 for p in entries)
    cache = _copy_of(first_cache, tmp_path)
    entries = list((cache / "peacediff").rglob("*.cache"))
    marker = tmp_path / "pwned"
    # Jinja's own format (magic, pickled checksum) and a bare pickle: both must be ignored.
    for i, entry in enumerate(entries):
        if i % 2:
            entry.write_bytes(jinja2.bccache.bc_magic + pickle.dumps(_Boom(marker)))
        else:
            entry.write_bytes(pickle.dumps(_Boom(marker)))
    again = _cli_html(cache)
    assert again.returncode == 0, again.stderr
    assert not marker.exists(), "a planted cache entry ran code"
    assert again.stdout == first_cache[1]


def test_cache_folder_of_another_user_is_not_used(tmp_path: Path, first_cache: tuple[Path, bytes]) -> None:
    if os.getuid() != 0:
        pytest.skip("needs root to give the folder to another user")
    cache = _copy_of(first_cache, tmp_path)
    root = cache / "peacediff"
    for path in [root, *root.rglob("*")]:
        os.chown(path, 65534, 65534)
    marker = tmp_path / "pwned"
    for entry in root.rglob("*.cache"):
        entry.write_bytes(pickle.dumps(_Boom(marker)))
    assert _cli_html(cache).returncode == 0
    assert not marker.exists()


def test_library_calls_write_no_cache(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": str(tmp_path)}
    env.pop("PEACEDIFF_NO_CACHE", None)
    code = ("import peacediff; c = peacediff.compare(peacediff.load('us-russia-28'), peacediff.load('us-ua-20')); "
            "c.to_html(); c.to_markdown()")
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=120)
    assert not (tmp_path / "peacediff").exists()


def test_rendering_keeps_no_version_alive() -> None:
    import gc
    import weakref

    from peacediff import compare
    from peacediff.model import Source, Version

    def make(vid: str) -> Version:
        v = Version.from_texts(vid, ["A ceasefire.", "Elections."])
        return Version(id=vid, title=vid, provisions=v.provisions, sources=(Source("s", "Outlet"),))

    versions = [make(f"v{i}") for i in range(4)]
    refs = [weakref.ref(v) for v in versions]
    compare(versions[0], versions[1]).to_html()
    compare(versions[2], versions[3]).to_markdown()
    del versions
    gc.collect()
    assert all(r() is None for r in refs)


def test_systems_without_dir_fd_calls_write_by_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    umask_022: None) -> None:
    monkeypatch.setattr(_files.os, "supports_dir_fd", set())
    target = tmp_path / "r.md"
    atomic_write_text(target, "new")
    assert target.read_text(encoding="utf-8") == "new" and mode(target) == 0o644
    os.chmod(target, 0o600)
    atomic_write_text(target, "newer")
    assert mode(target) == 0o600 and os.listdir(tmp_path) == ["r.md"]


def test_a_key_open_to_others_is_replaced_and_old_entries_ignored(tmp_path: Path,
                                                                  first_cache: tuple[Path, bytes]) -> None:
    cache = _copy_of(first_cache, tmp_path)
    key = cache / "peacediff" / "key"
    os.chmod(key, 0o644)
    old_key = key.read_bytes()
    again = _cli_html(cache)
    assert again.returncode == 0 and again.stdout == first_cache[1]
    assert mode(key) == 0o600 and key.read_bytes() != old_key


def test_redline_folder_in_an_unwritable_parent_is_refreshed_in_place(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "site" / "redlines"
    out.mkdir(parents=True)
    (out / "gone__pair.html").write_text("stale", encoding="utf-8")
    (out / "index.html").write_text("old index", encoding="utf-8")
    real_mkdir = Path.mkdir

    def parent_read_only(self: Path, *args: object, **kwargs: object) -> None:
        if self.parent == out.parent and self.name.endswith(".peacediff-new"):
            raise PermissionError(13, "Permission denied", str(self))
        real_mkdir(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "mkdir", parent_read_only)
    with _files.staged_folder(out) as stage:
        assert stage.parent == out
        atomic_write_text(stage / "a__b.html", "page")
        atomic_write_text(stage / "index.html", "new index")
    assert sorted(os.listdir(out)) == ["a__b.html", "index.html"]
    assert (out / "index.html").read_text(encoding="utf-8") == "new index"
