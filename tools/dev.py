#!/usr/bin/env python3
"""Set up and run peacediff on a fresh machine: the README's two commands.

    python3 tools/dev.py redlines   # .venv + package, then render the bundled redlines into redlines/
    python3 tools/dev.py test       # .venv + test extras (+ chromium, LibreOffice when root), then ruff, mypy, pytest

Only the standard library is used here, so it runs before anything is installed.
The virtual environment is re-installed only when pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / "python"


def run(*cmd: str | os.PathLike[str], env: dict[str, str] | None = None) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, cwd=ROOT, env=env)


def ensure_venv(extras: str) -> None:
    stamp = VENV / f".installed-{extras or 'core'}"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.is_file() and stamp.read_text() == digest and PY.exists():
        return
    if not PY.exists():
        run(sys.executable, "-m", "venv", VENV)
        run(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    target = f".[{extras}]" if extras else "."
    run(PY, "-m", "pip", "install", "--quiet", "-e", target)
    stamp.write_text(digest)


#: Debian packages the tests use when present, and the file that shows each is installed:
#: chromium for the browser tests, LibreOffice (Writer without a GUI, and its Python bridge)
#: to open, convert and accept/reject the exported Word documents.
DEBIAN_PACKAGES = {
    "chromium": "/usr/bin/chromium",
    "libreoffice-writer-nogui": "/usr/bin/soffice",
    "python3-uno": "/usr/lib/python3/dist-packages/uno.py",
}


def ensure_debian_packages() -> None:
    """Install the Debian packages the tests use when we may (root with apt-get); apt-get update once."""
    missing = [name for name, marker in DEBIAN_PACKAGES.items() if not Path(marker).exists()]
    if not missing:
        return
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        run("apt-get", "update", "-qq", env=env)
        run("apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing, env=env)
    else:
        print(f"note: {', '.join(missing)} missing; the browser and LibreOffice tests will be skipped "
              "(install these Debian packages to run them)", flush=True)


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "help"
    if command == "redlines":
        ensure_venv("")
        out = argv[1] if len(argv) > 1 else "redlines"
        run(BIN / "peacediff", "validate")
        run(BIN / "peacediff", "redline", "--out", out)
        print(f"open {ROOT / out / 'index.html'}")
        return 0
    if command == "test":
        ensure_venv("test")
        ensure_debian_packages()
        env = dict(os.environ)
        if env.get("CI"):
            env.setdefault("HYPOTHESIS_PROFILE", "ci")
        run(BIN / "ruff", "check", ".")
        run(BIN / "mypy")  # strict, on peacediff/: the configuration is pyproject's [tool.mypy]
        args = argv[1:]
        if not any(a == "-n" or a.startswith(("-n=", "--numprocesses")) for a in args):
            # One worker per core: the suite is CPU-bound and its slow tests (browser, Dask, CLI
            # subprocesses) are independent of each other.  Whole modules to a worker, in the
            # order tests/conftest.py gives them (longest first): a module's shared fixtures (a
            # browser, a Dask cluster, LibreOffice, a built wheel) are set up once, not once a worker.
            args = ["-n", "auto", "--dist", "loadfile", "--no-loadscope-reorder", *args]
        run(PY, "-m", "pytest", *args, env=env)
        return 0
    print(__doc__)
    return 0 if command in ("help", "-h", "--help") else 2


if __name__ == "__main__":
    try:
        raise SystemExit(main(sys.argv[1:]))
    except subprocess.CalledProcessError as exc:
        raise SystemExit(exc.returncode) from None
