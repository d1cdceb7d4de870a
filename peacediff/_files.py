"""Reading and writing files safely: atomic replacement, honest modes, decoding with a diagnosis.

Every file peacediff writes goes through :func:`atomic_write_text` (or its bytes twin); every document it reads
goes through :func:`read_document`.  The rules, also in README "Files peacediff writes":

* A regular file is replaced atomically: the text goes to an anonymous temporary file in the
  same folder (Linux ``O_TMPFILE``, so a kill while writing leaves nothing behind), which is
  linked under a hidden name and renamed over the target; the folder is then fsynced so the
  rename survives a crash.  A kill in the instant between link and rename leaves the hidden
  name, swept as below.  Where ``O_TMPFILE`` is missing a named temporary file is used and
  removed on every exception; a leftover from a SIGKILL is swept by the next write to the same
  folder once its writer is dead.
* The replaced file keeps its permission bits; a new file gets ``0666 & ~umask``, as ``open``
  would give it (``mkstemp`` alone would leave 0600).
* A symbolic link is followed: its target is replaced and the link stays a link.
* A FIFO or character device (``/dev/stdout``, ``/dev/null``, a terminal) is written through
  in place, never replaced; a block device, socket or folder is refused.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

__all__ = ["FileProblem", "atomic_write_bytes", "atomic_write_text", "decode_utf8", "default_mode", "read_document"]

#: Hidden temporary names: ``.<target>.<pid>.<random>.peacediff-tmp``; the pid lets a later
#: write tell a leftover of a killed writer from a write in progress.
_TMP_SUFFIX = ".peacediff-tmp"
_TMP_RE = re.compile(r"^\..*\.(\d+)\.[0-9a-f]{8}" + re.escape(_TMP_SUFFIX) + "$")


class FileProblem(OSError):
    """A path that cannot be read or written the way it was asked: what is wrong and the fix."""

    def __init__(self, message: str, fix: str) -> None:
        super().__init__(message)
        self.fix = fix

    def __str__(self) -> str:
        return f"{self.args[0]}\n    fix: {self.fix}"


def _umask() -> int:
    # Linux reports the umask without changing it; setting and restoring it (the portable way)
    # would briefly give other threads' new files the wrong mode.
    with contextlib.suppress(OSError, ValueError), open("/proc/self/status", encoding="ascii",
                                                         errors="replace") as fh:
        for line in fh:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def default_mode() -> int:
    """The permission bits a new file gets: 0666 minus the process umask."""
    return 0o666 & ~_umask()


def _resolve_target(path: Path) -> tuple[Path, os.stat_result | None]:
    """The path to write and what is there now (None: nothing yet).

    A link to a regular file (or to nothing) resolves to its target, which is replaced;
    a link to a special file stays as given, so ``/dev/stdout`` is opened, not resolved
    into a ``/proc`` name.
    """
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return (Path(os.path.realpath(path)) if path.is_symlink() else path), None
    if stat.S_ISREG(st.st_mode) and path.is_symlink():
        return Path(os.path.realpath(path)), st
    return path, st


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` to ``path`` as UTF-8 so that readers see the old file or the new one.

    See the module docstring for modes, symlinks and special files.  Raises
    :class:`FileProblem` for a path that cannot take the text (a folder, a block device).
    """
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one (as :func:`atomic_write_text`)."""
    if os.fspath(path) == "":  # Path("") would silently mean the current folder
        raise FileProblem("the output path is empty", "give a file name, or leave out -o to write to stdout")
    target, st = _resolve_target(Path(path))
    if st is not None and not stat.S_ISREG(st.st_mode):
        _write_special(target, st, data)
        return
    mode = stat.S_IMODE(st.st_mode) if st is not None else default_mode()
    with _naming(target):
        target.parent.mkdir(parents=True, exist_ok=True)
        _sweep_leftovers(target.parent)
        _replace(target, data, mode)


@contextlib.contextmanager
def _naming(path: Path) -> Iterator[None]:
    """Make an OSError name ``path`` (the user's path, not a temporary one) when it names nothing."""
    try:
        yield
    except FileProblem:
        raise
    except OSError as exc:
        if exc.filename is None or _TMP_SUFFIX in str(exc.filename) or ".peacediff-" in str(exc.filename):
            raise OSError(exc.errno, exc.strerror or str(exc), str(path)) from exc
        raise


def _write_special(target: Path, st: os.stat_result, data: bytes) -> None:
    if stat.S_ISDIR(st.st_mode):
        raise FileProblem(f"{target} is a folder, not a file", f"name a file in it: {target / 'out.html'}")
    if not (stat.S_ISFIFO(st.st_mode) or stat.S_ISCHR(st.st_mode)):
        raise FileProblem(f"{target} is not a regular file, FIFO or terminal (a block device or socket)",
                          "write to a regular file")
    # A stream has no "old version" to keep: write in place, never replace the entry.
    with open(target, "wb") as fh:
        fh.write(data)


def _replace(target: Path, data: bytes, mode: int) -> None:
    folder = target.parent
    tmp = f".{target.name}.{os.getpid()}.{os.urandom(4).hex()}{_TMP_SUFFIX}"
    if not {os.open, os.rename, os.unlink} <= os.supports_dir_fd:  # os.replace shares rename's support
        _replace_by_name(folder / tmp, target, data, mode)
        return
    dir_fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        _replace_in(dir_fd, folder, tmp, target.name, data, mode)
        with contextlib.suppress(OSError):  # some file systems refuse fsync on a folder
            # Without this a power cut after the rename may bring back the old entry.
            os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def _replace_in(dir_fd: int, folder: Path, tmp: str, name: str, data: bytes, mode: int) -> None:
    fd = _open_anonymous(folder)
    linked = False
    try:
        try:
            if fd < 0:
                flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
                fd = os.open(tmp, flags, 0o600, dir_fd=dir_fd)
                linked = True
            _write_all(fd, data)
            os.fchmod(fd, mode)
            os.fsync(fd)
            if not linked:
                # dst_dir_fd makes os.link call linkat(), which is what follows the /proc magic link.
                os.link(f"/proc/self/fd/{fd}", tmp, dst_dir_fd=dir_fd, follow_symlinks=True)
                linked = True
        finally:
            os.close(fd)
        os.replace(tmp, name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
    except BaseException:
        if linked:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp, dir_fd=dir_fd)
        raise


def _replace_by_name(tmp: Path, target: Path, data: bytes, mode: int) -> None:
    """The same through paths, where the system has no ``dir_fd`` calls (Windows)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(tmp, flags, 0o600)
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _open_anonymous(folder: Path) -> int:
    """An unnamed file in ``folder``, or -1 where the system or file system has none."""
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or not os.path.isdir("/proc/self/fd"):
        return -1
    try:
        return os.open(folder, flag | os.O_WRONLY | getattr(os, "O_CLOEXEC", 0), 0o600)
    except OSError:
        return -1  # no O_TMPFILE here: a named file will do, and report any real error by name


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _fsync_folder(folder: Path) -> None:
    # Without this a power cut after the rename may bring back the old entry.
    try:
        dir_fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):  # some file systems refuse fsync on a folder
            os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _sweep_leftovers(folder: Path) -> None:
    """Remove temporary files whose writer died (only on systems without anonymous files)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        m = _TMP_RE.match(name)
        if m and not _pid_alive(int(m.group(1))):
            with contextlib.suppress(OSError):
                os.unlink(folder / name)


@contextlib.contextmanager
def staged_folder(out: Path) -> Iterator[Path]:
    """A fresh folder to fill; on success it takes the place of ``out`` whole, never file by file.

    The new folder is built beside ``out`` and swapped in with two renames, so ``out`` holds
    either the old set of files or the new set, never a mix.  On an error ``out`` is untouched.
    Where only ``out`` itself is writable (not the folder holding it), the new files are built
    inside it and moved in one by one, the index (``index.html``) last; pages no longer
    written go.
    """
    out = Path(os.path.realpath(out)) if out.is_symlink() else out
    parent = out.parent
    tag = f"{os.getpid()}.{os.urandom(4).hex()}"
    stage = parent / f".{out.name}.{tag}.peacediff-new"
    old = parent / f".{out.name}.{tag}.peacediff-old"
    in_place = False
    with _naming(out):
        parent.mkdir(parents=True, exist_ok=True)
        _sweep_staging(parent, out.name)
        try:
            stage.mkdir(mode=0o777)
        except PermissionError:
            if not out.is_dir():
                raise
            in_place = True
    if in_place:
        with _filled_in_place(out, tag) as inner:
            yield inner
        return
    try:
        yield stage
        os.chmod(stage, _folder_mode(out))
        _fsync_folder(stage)
        if out.exists():
            os.replace(out, old)
        os.replace(stage, out)
        _fsync_folder(parent)
    except BaseException:
        _remove_tree(stage)
        if old.exists() and not out.exists():
            os.replace(old, out)
        raise
    _remove_tree(old)


@contextlib.contextmanager
def _filled_in_place(out: Path, tag: str) -> Iterator[Path]:
    """:func:`staged_folder` for an ``out`` whose parent we may not write: stage inside it."""
    _sweep_staging(out, out.name)
    inner = out / f".{out.name}.{tag}.peacediff-new"
    inner.mkdir(mode=0o777)
    try:
        yield inner
        written = sorted(os.listdir(inner), key=lambda name: name == "index.html")  # the index last
        for name in written:
            os.replace(inner / name, out / name)
        for entry in os.scandir(out):
            if entry.is_file() and entry.name.endswith(".html") and entry.name not in written:
                os.unlink(entry.path)
        _fsync_folder(out)
    finally:
        _remove_tree(inner)


def _folder_mode(out: Path) -> int:
    try:
        return stat.S_IMODE(out.stat().st_mode)
    except FileNotFoundError:
        return 0o777 & ~_umask()


def _remove_tree(folder: Path) -> None:
    if not folder.exists():
        return
    for entry in os.scandir(folder):
        with contextlib.suppress(OSError):
            os.unlink(entry.path)
    with contextlib.suppress(OSError):
        os.rmdir(folder)


def _sweep_staging(parent: Path, name: str) -> None:
    """Clean up after a writer killed mid-redline: its new folder goes, its old folder comes back."""
    pattern = re.compile(r"^\." + re.escape(name) + r"\.(\d+)\.[0-9a-f]{8}\.peacediff-(new|old)$")
    try:
        names = sorted(os.listdir(parent))
    except OSError:
        return
    for entry in names:
        m = pattern.match(entry)
        if not m or _pid_alive(int(m.group(1))):
            continue
        if m.group(2) == "old" and not (parent / name).exists():
            os.replace(parent / entry, parent / name)
        else:
            _remove_tree(parent / entry)


# --------------------------------------------------------------------------- reading

#: The size any document (version file or plain text) may have: a version of 30,000
#: provisions is about 10 MB, so 64 MB leaves room and stops runaway input.
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024


def read_document(path: str | os.PathLike[str], *, limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    """The bytes of a document file, refused with a one-line reason when it is no file or over ``limit`` bytes."""
    p = Path(path)
    st = p.stat()
    if stat.S_ISDIR(st.st_mode):
        raise FileProblem(f"{p} is a folder, not a file", "give the path of a file in it (validate takes folders)")
    if not stat.S_ISREG(st.st_mode):
        raise FileProblem(f"{p} is not a regular file", "give the path of a saved document")
    if st.st_size > limit:
        raise FileProblem(f"{p} is {st.st_size:,} bytes, over the {limit:,}-byte limit "
                          "for one document", "split the document into several versions")
    with open(p, "rb") as fh:
        data = fh.read(limit + 1)  # the file may grow between stat and read
    if len(data) > limit:
        raise FileProblem(f"{p} is over the {limit:,}-byte limit for one document",
                          "split the document into several versions")
    return data


def guess_encoding(data: bytes) -> str | None:
    """The likely encoding of bytes that are not UTF-8, for the error message; None if unclear."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    sample = data[:4096]
    if sample and sample.count(b"\x00") * 4 >= len(sample):
        return "UTF-16"  # every other byte NUL: ASCII text in two-byte units
    with contextlib.suppress(UnicodeDecodeError):
        sample.decode("cp1252")
        return "Windows-1252"  # a superset of Latin-1 for printable text, common in copied drafts
    return "Latin-1 or another 8-bit encoding"


def decode_utf8(data: bytes) -> tuple[str | None, tuple[int, int, int, str] | None]:
    """``(text, None)`` for UTF-8 (a byte-order mark dropped), else ``(None, (offset, line, column, reason))``.

    The reason names the bad byte and the encoding the file is probably in.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # a UTF-8 byte-order mark carries no meaning; editors add it
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        guess = guess_encoding(data)
        likely = f"; it looks like {guess}" if guess else ""
        reason = f"the file is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}){likely}"
        return None, (exc.start, line, col, reason)


def iconv_hint(reason: str) -> str:
    """The fix for a non-UTF-8 file, with the guessed encoding filled in."""
    source = "UTF-16" if "UTF-16" in reason else "WINDOWS-1252"
    return f"re-save the file as UTF-8, e.g. iconv -f {source} -t UTF-8 FILE > FILE.utf8"
