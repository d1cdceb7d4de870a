"""The diagnostic benchmark scripts still run against the aligner they read into.

They reach into the aligner's private state (the diagnosis prints each side's candidates), so a
restructure of the aligner can break them without any other test noticing.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"


def _run(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *argv], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_diagnose_alignment_lists_the_misses_of_a_development_corpus_with_their_evidence() -> None:
    out = _run(str(BENCH / "diagnose_alignment.py"), "redrafts-3")
    assert out.returncode == 0, out.stderr
    assert "redrafts-3: P " in out.stdout
    # Each missed link with its cosine and each side's best other candidate.
    assert "MISSED #" in out.stdout
    assert " cos " in out.stdout and "old's best other" in out.stdout
    assert "by shape: " in out.stdout and "missed: " in out.stdout


def test_diagnose_alignment_refuses_the_held_out_corpus() -> None:
    out = _run(str(BENCH / "diagnose_alignment.py"), "redrafts-holdout")
    assert out.returncode == 2
    assert "aggregate only" in out.stdout
