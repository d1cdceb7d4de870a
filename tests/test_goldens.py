"""Golden redlines: fresh HTML and Markdown must equal tests/goldens/ byte for byte.

The stylesheet and script every page inlines (and the CSP hashes naming them) live in one golden
of their own, ``page-assets.txt``: a style change touches that file, not every page golden.

After an intended change (templates, engine, data) run ``.venv/bin/python tools/regen_goldens.py``
and review the diff of tests/goldens/ like any other code change.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_TOOL = Path(__file__).resolve().parent.parent / "tools" / "regen_goldens.py"
_spec = importlib.util.spec_from_file_location("regen_goldens", _TOOL)
assert _spec is not None and _spec.loader is not None
regen_goldens = importlib.util.module_from_spec(_spec)
sys.modules["regen_goldens"] = regen_goldens
_spec.loader.exec_module(regen_goldens)
GOLDENS, golden_files = regen_goldens.GOLDENS, regen_goldens.golden_files

FIX = "run `.venv/bin/python tools/regen_goldens.py` and review `git diff tests/goldens`"


def _cases() -> list:
    # A failure to build the goldens is a failure of the renderer or the engine: it must fail the
    # run, not skip it (a skip would let a broken renderer pass CI).
    try:
        return [pytest.param(path, text, id=path.name) for path, text in golden_files()]
    except Exception as exc:  # collected here, reported by the test below
        return [pytest.param(None, f"{type(exc).__name__}: {exc}", id="build")]


@pytest.mark.parametrize("path,expected", _cases())
def test_golden(path, expected: str) -> None:
    assert path is not None, f"cannot build the goldens: {expected}"
    assert path.exists(), f"{path.name} is missing: {FIX}"
    actual = path.read_text(encoding="utf-8")
    if actual != expected:
        old, new = actual.splitlines(), expected.splitlines()
        first = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), min(len(old), len(new)))
        pytest.fail(f"{path.name} differs from a fresh rendering at line {first + 1}: {FIX}")


def test_no_stale_goldens() -> None:
    expected = {path.name for path, _ in golden_files()}
    present = {p.name for pattern in ("*.html", "*.md", "*.txt") for p in GOLDENS.glob(pattern)}
    assert present <= expected, f"stale goldens {sorted(present - expected)}: {FIX}"
