"""Text alignment on independently written redrafts (benchmarks/redrafts*): floors, not targets.

The corpora were written, with their true links, by someone who had not seen the aligner.
These floors catch a change that makes the aligner worse on drafts nobody on the team wrote;
benchmarks/bench_redrafts.py prints the figures.  The held-out corpus is only ever scored in
aggregate, here as there.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import peacediff

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"


def _score(corpus: Path) -> tuple[int, int, int]:
    tp = n_pred = n_true = 0
    for truth_path in sorted(corpus.glob("*.truth.json")):
        name = truth_path.name[: -len(".truth.json")]
        old = peacediff.load(corpus / f"{name}.old.txt")
        new = peacediff.load(corpus / f"{name}.new.txt")
        truth = {tuple(link) for link in json.loads(truth_path.read_text(encoding="utf-8"))["links"]}
        numbers_old = {p.number for p in old.provisions}
        numbers_new = {p.number for p in new.provisions}
        assert all(o in numbers_old and n in numbers_new for o, n in truth), name
        c = peacediff.compare(old, new, align="text")
        pred = {(o.number, n.number) for ch in c.changes for o in ch.old for n in ch.new}
        tp += len(pred & truth)
        n_pred += len(pred)
        n_true += len(truth)
    return tp, n_pred, n_true


@pytest.mark.parametrize(
    ("corpus", "n_links", "min_precision", "min_f1"),
    # Floors a little under the figures measured for issue 17 (P / F1: 0.994 / 0.937, 1.000 / 0.931,
    # 0.964 / 0.856); the targets (F1 0.96, 0.95, 0.90) are not reached yet.
    [("redrafts", 184, 0.99, 0.935), ("redrafts-2", 148, 0.995, 0.93), ("redrafts-holdout", 209, 0.96, 0.855)],
)
def test_text_alignment_on_independent_redrafts(corpus: str, n_links: int, min_precision: float,
                                                min_f1: float) -> None:
    tp, n_pred, n_true = _score(BENCH / corpus)
    assert n_true == n_links  # the whole corpus was read, not a part of it
    precision, recall = tp / n_pred, tp / n_true
    f1 = 2 * precision * recall / (precision + recall)
    assert precision >= min_precision and f1 >= min_f1, (precision, recall, f1)
