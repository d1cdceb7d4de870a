"""Run the command line in this process, as ``python -m peacediff`` would, and keep what it printed.

A fresh interpreter costs a quarter of a second of CPU before the command starts; most CLI tests
check a command's status, messages and files, which ``peacediff.cli.main`` decides alone.  Tests
about the process itself (the real entry point's exit status, the locale's stdout encoding, a
closed pipe, a kill mid-write, the template cache across runs) keep starting one.

``run_cli`` gives the process's view: the status ``main`` returns (or argparse's ``SystemExit``
status), and stdout/stderr as UTF-8 streams with the interpreter's error handlers (strict on
stdout, backslashreplace on stderr), in the given folder and environment, all restored after.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import attrs

from peacediff.cli import main

ROOT = Path(__file__).resolve().parent.parent

#: What the subprocess runs saw: no colour, and no template cache under the user's home.
BASE_ENV = {"NO_COLOR": "1", "PEACEDIFF_NO_CACHE": "1"}


@attrs.frozen
class Ran:
    """A finished command: its exit status and what it printed (the fields of ``CompletedProcess``)."""

    returncode: int
    stdout: str
    stderr: str


@contextlib.contextmanager
def _environment(changes: dict[str, str]) -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in changes}
    os.environ.update(changes)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _stream(errors: str) -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors=errors, newline="\n", write_through=True)


def _text(stream: io.TextIOWrapper) -> str:
    stream.flush()
    buffer = stream.buffer
    assert isinstance(buffer, io.BytesIO)
    return buffer.getvalue().decode("utf-8", "replace")


def run_cli(*args: str, cwd: Path | None = None, **env: str) -> Ran:
    """``peacediff ARGS`` in ``cwd`` (default: the repository) with ``env`` added to the environment."""
    out, err = _stream("strict"), _stream("backslashreplace")
    with _environment({**BASE_ENV, **env}), contextlib.chdir(cwd or ROOT), \
            contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(list(args))
        except SystemExit as exc:  # argparse: --help, --version and usage errors
            status = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            if isinstance(exc.code, str):
                print(exc.code, file=sys.stderr)
    return Ran(status, _text(out), _text(err))
