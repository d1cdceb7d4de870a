"""Regenerate the golden redlines in ``tests/goldens/``: ``.venv/bin/python tools/regen_goldens.py``.

Goldens are the HTML and Markdown of the hand-built sample comparison (``tests/render_fixtures.py``,
independent of the diff engine) and of every bundled redline pair (``peacediff redline``'s pairs).
``tests/test_goldens.py`` compares fresh renderings with them byte for byte; after an intended
change to the templates, the engine or the data, run this and review ``git diff tests/goldens``.
Run it from a source checkout: the goldens and the fixtures live in the repository's ``tests/``.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

from peacediff.compare import Comparison

REPO = Path(__file__).resolve().parent.parent  # tools/ sits at the repository's top level
GOLDENS = REPO / "tests" / "goldens"


def _fixtures() -> ModuleType:
    path = REPO / "tests" / "render_fixtures.py"
    spec = importlib.util.spec_from_file_location("render_fixtures", path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(f"{path}: run this from a source checkout of peacediff")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def golden_comparisons() -> Iterator[tuple[str, Comparison]]:
    """``(stem, comparison)`` for every golden: the sample fixture, then the bundled pairs."""
    yield "fixture-sample", _fixtures().sample_comparison()
    from peacediff import compare
    from peacediff.archive import Archive

    for old, new in Archive.bundled().redline_pairs():
        yield f"{old.id}__{new.id}", compare(old, new)


def golden_files() -> Iterator[tuple[Path, str]]:
    """Each golden file with its expected content."""
    for stem, comparison in golden_comparisons():
        yield GOLDENS / f"{stem}.html", comparison.to_html()
        yield GOLDENS / f"{stem}.md", comparison.to_markdown()


def main() -> int:
    GOLDENS.mkdir(parents=True, exist_ok=True)
    wanted = {}
    for path, text in golden_files():
        wanted[path] = text
    changed = 0
    for path, text in wanted.items():
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old != text:
            path.write_text(text, encoding="utf-8", newline="\n")
            changed += 1
            print(f"{'updated' if old is not None else 'created'} {path.relative_to(REPO)}")
    for stale in sorted(set(GOLDENS.glob("*.html")) | set(GOLDENS.glob("*.md"))):
        if stale not in wanted:
            stale.unlink()
            changed += 1
            print(f"removed {stale.relative_to(REPO)}")
    print(f"{len(wanted)} golden files, {changed} changed", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
