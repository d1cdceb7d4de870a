"""Regenerate the golden redlines in ``tests/goldens/``: ``.venv/bin/python tools/regen_goldens.py``.

Goldens are the HTML and Markdown of the hand-built sample comparison (``tests/render_fixtures.py``,
independent of the diff engine) and of every bundled redline pair (``peacediff redline``'s pairs).
``tests/test_goldens.py`` compares fresh renderings with them byte for byte; after an intended
change to the templates, the engine or the data, run this and review ``git diff tests/goldens``.
Run it from a source checkout: the goldens and the fixtures live in the repository's ``tests/``.
"""

from __future__ import annotations

import importlib.util
import re
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


#: The stylesheet and script every page inlines, and the CSP hashes that name them: kept in one
#: golden of their own (ASSETS) so that a style change touches one file, not every page golden.
_ASSET_RE = re.compile(r"(<style>)(.*?)(</style>)|(<script>)(.*?)(</script>)|sha256-[A-Za-z0-9+/=]+", re.DOTALL)
ASSETS = GOLDENS / "page-assets.txt"


def split_assets(page: str) -> tuple[str, str]:
    """``(page with its inlined assets replaced by markers, the assets themselves)``."""
    assets: list[str] = []

    def take(m: re.Match[str]) -> str:
        if m.group(1):
            assets.append(f"/* <style> */\n{m.group(2)}\n")
            return f"{m.group(1)}/* see {ASSETS.name} */{m.group(3)}"
        if m.group(4):
            assets.append(f"/* <script> */\n{m.group(5)}\n")
            return f"{m.group(4)}/* see {ASSETS.name} */{m.group(6)}"
        assets.append(f"/* CSP */ {m.group(0)}\n")
        return "sha256-SEE-ASSETS"

    return _ASSET_RE.sub(take, page), "".join(assets)


def golden_files() -> Iterator[tuple[Path, str]]:
    """Each golden file with its expected content; every page must inline the same assets."""
    shared: str | None = None
    for stem, comparison in golden_comparisons():
        page, assets = split_assets(comparison.to_html())
        if shared is None:
            shared = assets
        elif assets != shared:
            raise ValueError(f"{stem}.html inlines other assets than the first page: every page shares one")
        yield GOLDENS / f"{stem}.html", page
        yield GOLDENS / f"{stem}.md", comparison.to_markdown()
    if shared is not None:
        yield ASSETS, shared


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
    for stale in sorted(set(GOLDENS.glob("*.html")) | set(GOLDENS.glob("*.md")) | set(GOLDENS.glob("*.txt"))):
        if stale not in wanted:
            stale.unlink()
            changed += 1
            print(f"removed {stale.relative_to(REPO)}")
    print(f"{len(wanted)} golden files, {changed} changed", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
