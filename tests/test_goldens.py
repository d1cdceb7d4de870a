"""Golden redlines: fresh HTML and Markdown must equal tests/goldens/ byte for byte.

The stylesheet and script every page inlines (and the CSP hashes naming them) live in one golden
of their own, ``page-assets.txt``: a style change touches that file, not every page golden.

After an intended change (templates, engine, data) run ``.venv/bin/python tools/regen_goldens.py``
and review the diff of tests/goldens/ like any other code change.
"""

from __future__ import annotations

import functools
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


@functools.cache
def _fresh() -> dict[str, str]:
    """Every golden's fresh rendering by file name, built once per worker when a golden test first
    runs rather than at collection, where every worker built all of them.  A failure to build is a
    failure of the renderer or the engine: it fails the tests that need it, never skips them."""
    return {path.name: text for path, text in golden_files()}


_PRESENT = sorted(p.name for pattern in ("*.html", "*.md", "*.txt") for p in GOLDENS.glob(pattern))


@pytest.mark.parametrize("name", _PRESENT)
def test_golden(name: str) -> None:
    fresh = _fresh()
    assert name in fresh, f"stale golden {name}: {FIX}"
    actual, expected = (GOLDENS / name).read_text(encoding="utf-8"), fresh[name]
    if actual != expected:
        old, new = actual.splitlines(), expected.splitlines()
        first = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), min(len(old), len(new)))
        pytest.fail(f"{name} differs from a fresh rendering at line {first + 1}: {FIX}")


def test_every_golden_is_present_and_none_is_stale() -> None:
    expected, present = set(_fresh()), set(_PRESENT)
    assert not expected - present, f"missing goldens {sorted(expected - present)}: {FIX}"
    assert not present - expected, f"stale goldens {sorted(present - expected)}: {FIX}"
