"""Benchmark: documents in and out - .docx export of a 3,000-provision comparison, .docx and PDF import.

Prints figures; asserts nothing.  Targets from issue 15: .docx export of a 3,000-provision
comparison in ≤ 3 s, import of a 3,000-provision .docx in ≤ 2 s and of a 100-page PDF in ≤ 5 s.
The comparisons are benchmarks/generate.py's amended and heavily redrafted documents (edits,
figures, moves, splits, merges, drops, insertions); the documents read in are the ones
benchmarks/bench_import.py builds (Word's automatic numbering; a PDF with running headers).

    python benchmarks/bench_documents.py        # the import half needs the test extra
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests"))

from timing import best_of  # noqa: E402


def export() -> None:
    from generate import generate

    from peacediff import compare

    for n, heavy in ((3000, False), (3000, True), (30000, False)):
        old, new, _ = generate(n, seed=n, heavy=heavy)
        comparison = compare(old, new)
        runs = 3 if n <= 3000 else 1
        best, median = best_of(runs, comparison.to_docx)
        size = len(comparison.to_docx())
        kind = "heavy redraft" if heavy else "amended"
        target = "  (target <= 3 s)" if n == 3000 else ""
        print(f"export .docx, {n:,} provisions ({kind}, {sum(c.kind != 'unchanged' for c in comparison.changes):,} "
              f"changes): best {best:.2f} s, median {median:.2f} s, {size / 1024:,.0f} KiB{target}")


def imports() -> None:
    """bench_import's Word and PDF rows, plus a .docx that peacediff itself wrote."""
    try:
        import bench_import
    except ImportError as exc:  # python-docx / fpdf2 missing: the test extra is not installed
        print(f"import benchmarks skipped: {exc}")
        return
    from generate import generate

    from peacediff._display import render_bytes
    from peacediff.importers import read_document

    bench_import.main()
    with tempfile.TemporaryDirectory() as folder:
        exported = Path(folder) / "exported.docx"
        version = generate(3000, seed=3)[1]
        exported.write_bytes(render_bytes(version, "docx"))
        best, median = best_of(3, lambda: read_document(exported))
        print(f"import .docx written by peacediff, {len(version.provisions):,} provisions: "
              f"best {best:.2f} s, median {median:.2f} s  (target <= 2 s)")


if __name__ == "__main__":
    export()
    imports()
