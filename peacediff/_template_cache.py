"""The command line's cache of compiled templates, which must never run code it did not write.

Compiling the templates costs ~150 ms, more than a whole ``peacediff diff``, so the CLI
keeps the compiled code between runs.  A cache entry *is* code: Jinja's own file cache
unpickles the entry's header and loads its code object, so anyone who can write the cache
folder (a CI cache restored from another branch, a shared or mis-permissioned cache) could
run code in every later peacediff run.  This cache therefore:

* is used only by the CLI (:func:`peacediff.render.use_template_cache`); a library call
  never reads or writes it;
* lives in ``$XDG_CACHE_HOME/peacediff`` (``~/.cache/peacediff``), a folder that must be
  owned by the user and closed to everyone else (mode 0700), as Jinja requires of its own
  default folder; otherwise the cache is skipped and templates are compiled as usual;
* never unpickles anything: an entry is ``magic | HMAC-SHA256 | checksum | marshal``, and
  its code is loaded only when the HMAC, keyed by a random per-user key kept in that
  folder (mode 0600), proves this cache wrote it.  A planted or edited entry is ignored.

Set ``PEACEDIFF_NO_CACHE=1`` to turn the cache off (e.g. in CI, where a restored cache
folder would bring its key along).  The output is byte-identical with or without it.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import marshal
import os
import stat
import sys
from pathlib import Path

import jinja2
import jinja2.bccache

__all__ = ["TemplateCache", "template_cache"]

_MAGIC = b"peacediff-template-cache-1\n"
_KEY_BYTES = 32


def _private_folder(path: Path) -> bool:
    """Create ``path`` (0700) if missing; True when it is a real folder only this user can enter.

    A folder of ours left open by an older release is closed (Jinja does the same with its
    default folder); its old entries never load, as they carry no valid signature.
    """
    with contextlib.suppress(FileExistsError):
        os.mkdir(path, 0o700)
    st = os.lstat(path)
    if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.getuid():
        return False
    if stat.S_IMODE(st.st_mode) & 0o077:
        os.chmod(path, 0o700)
    return stat.S_IMODE(os.lstat(path).st_mode) & 0o077 == 0


def _private_file(fd: int) -> bool:
    st = os.fstat(fd)
    return stat.S_ISREG(st.st_mode) and st.st_uid == os.getuid() and stat.S_IMODE(st.st_mode) & 0o077 == 0


def _read_private(path: Path) -> bytes | None:
    """The bytes of a regular file owned by this user and closed to others; None otherwise."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        if not _private_file(fd):
            return None
        with os.fdopen(os.dup(fd), "rb") as fh:
            return fh.read()
    finally:
        os.close(fd)


def _write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` (0600) through a temporary file and a rename."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _key(root: Path) -> bytes | None:
    path = root / "key"
    key = _read_private(path)
    if key is not None and len(key) == _KEY_BYTES:
        return key
    if os.path.lexists(path):
        # Unreadable, open to others, a link or the wrong size: a key nobody should trust.  A new
        # one simply invalidates every entry signed with the old.
        with contextlib.suppress(OSError):
            os.unlink(path)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except FileExistsError:
        return None  # a key we may not read, or a concurrent first run: skip the cache this time
    with os.fdopen(fd, "wb") as fh:
        key = os.urandom(_KEY_BYTES)
        fh.write(key)
    return key


class TemplateCache(jinja2.BytecodeCache):
    """Compiled templates in one private folder, each entry signed with the folder's key."""

    def __init__(self, folder: Path, key: bytes) -> None:
        self.folder = folder
        self._key = key

    def _path(self, bucket: jinja2.bccache.Bucket) -> Path:
        return self.folder / f"{bucket.key}.cache"

    def _mac(self, body: bytes) -> bytes:
        return hmac.new(self._key, body, hashlib.sha256).digest()

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = _read_private(self._path(bucket))
        if data is None or not data.startswith(_MAGIC):
            return
        mac, body = data[len(_MAGIC) : len(_MAGIC) + 32], data[len(_MAGIC) + 32 :]
        if not hmac.compare_digest(mac, self._mac(body)):
            return  # not written by this cache: never load it
        size = int.from_bytes(body[:2], "big")
        checksum, code = body[2 : 2 + size], body[2 + size :]
        if checksum != bucket.checksum.encode():
            return  # the template changed since
        with contextlib.suppress(EOFError, ValueError, TypeError):
            bucket.code = marshal.loads(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.code is None:
            return
        checksum = bucket.checksum.encode()
        body = len(checksum).to_bytes(2, "big") + checksum + marshal.dumps(bucket.code)
        with contextlib.suppress(OSError):
            _write_private(self._path(bucket), _MAGIC + self._mac(body) + body)


def template_cache() -> TemplateCache | None:
    """The per-user cache, or None when it is turned off or its folder is not private."""
    if os.environ.get("PEACEDIFF_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    root = Path(base) / "peacediff"
    # Marshalled code is specific to the Python and Jinja2 versions.
    folder = root / f"jinja2-{jinja2.__version__}-py{sys.version_info[0]}{sys.version_info[1]}"
    try:
        Path(base).mkdir(parents=True, exist_ok=True)
        if not (_private_folder(root) and _private_folder(folder)):
            return None
        key = _key(root)
    except OSError:
        return None
    return TemplateCache(folder, key) if key is not None else None
