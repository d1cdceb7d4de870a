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
    # Floors a little under the figures measured after issue 17's recall round (P / F1: 0.994 /
    # 0.964, 1.000 / 0.972, 0.962 / 0.895; after the last round 0.994 / 0.961, 1.000 / 0.969,
    # 0.961 / 0.887; before the quality round 0.994 / 0.937, 1.000 / 0.931, 0.964 / 0.856).
    # redrafts-3 (written without reading the aligner, rich in reworded points that moved) measured
    # 0.961 / 0.850 before that round and 0.963 / 0.873 after it.  After the halves round:
    # 0.994 / 0.966, 1.000 / 0.979, 0.969 / 0.888.  After the list rounds (siblings, replacement):
    # redrafts-3 0.975 / 0.890, held-out 0.962 / 0.895.  The held-out target (F1 0.90) is not
    # reached yet.  redrafts-4 (a fourth development corpus, written without reading the aligner,
    # rich in splits and merges beside new points on their subject) measured 0.980 / 0.980 when
    # it was added, 0.980 / 0.983 after the rest-choice rule.  redrafts-5 (a fifth, written to the
    # held-out corpus's brief: heavy rewording, moves, traps) measured 0.945 / 0.866 when it was
    # added, 0.950 / 0.869 after named list items tie over the link bar, 0.951 / 0.880 after the
    # clear concept lead for moves, 0.952 / 0.888 with it for two rare words, 0.953 / 0.894 with
    # four pieces of evidence.  redrafts-6 (a sixth, nearly nothing verbatim) measured 0.983 / 0.948
    # when it was added, 0.983 / 0.951 with joint_lead.  A second slot round and two drafting
    # paraphrases: redrafts-4 0.980 / 0.985, redrafts-5 0.953 / 0.902, redrafts-6 0.983 / 0.954;
    # two more: redrafts-5 0.954 / 0.905, redrafts-6 0.983 / 0.957.  redrafts-7 (a seventh, written
    # blind to the heavy-redraft brief after those changes) measured 0.969 / 0.919 when it was added,
    # as it did on the code from before them; 0.979 / 0.936 once the measures of a band name it.
    # redrafts-holdout-2 (a second held-out corpus, aggregate only) measured 0.951 / 0.915 when it
    # was added (0.951 / 0.909 on the code from before the second slot round).  The shared-figure
    # pass: redrafts-3 0.976 / 0.906, redrafts-5 0.954 / 0.910, redrafts-6 0.983 / 0.959,
    # redrafts-7 0.985 / 0.941; both held-out aggregates unchanged.  One period with an article
    # ("a week"): redrafts-3 0.976 / 0.909, redrafts-5 0.954 / 0.913; "thirty paid days": redrafts-5
    # 0.955 / 0.915.  Three pieces of evidence for a move (with names in common): redrafts-5
    # 0.955 / 0.920, redrafts-holdout-2 0.952 / 0.921; names that tell clauses apart: redrafts-7
    # 0.985 / 0.944; a clear-lead part needs a rest to carry: redrafts-holdout-2 0.958 / 0.924.  A
    # word three provisions hold is no frame (part_value_df 4): redrafts-7 0.985 / 0.946.  A split
    # item's part with a name of its own: redrafts-3 0.976 / 0.912.
    [("redrafts", 184, 0.99, 0.96), ("redrafts-2", 148, 0.995, 0.975), ("redrafts-3", 193, 0.97, 0.91),
     ("redrafts-4", 203, 0.975, 0.975), ("redrafts-5", 215, 0.945, 0.915),
     ("redrafts-6", 189, 0.975, 0.955), ("redrafts-7", 213, 0.975, 0.945),
     ("redrafts-holdout", 209, 0.955, 0.89), ("redrafts-holdout-2", 177, 0.95, 0.92)],
)
def test_text_alignment_on_independent_redrafts(corpus: str, n_links: int, min_precision: float,
                                                min_f1: float) -> None:
    tp, n_pred, n_true = _score(BENCH / corpus)
    assert n_true == n_links  # the whole corpus was read, not a part of it
    precision, recall = tp / n_pred, tp / n_true
    f1 = 2 * precision * recall / (precision + recall)
    assert precision >= min_precision and f1 >= min_f1, (precision, recall, f1)


def _index_links(c: peacediff.Comparison) -> set[tuple[int, int]]:
    old = {id(p): k for k, p in enumerate(c.old.provisions)}
    new = {id(p): k for k, p in enumerate(c.new.provisions)}
    return {(old[id(a)], new[id(b)]) for ch in c.changes for a in ch.old for b in ch.new}


def test_text_alignment_recovers_the_bundled_key_links():
    """The bundled plan versions with their keys stripped: text alignment against the curated key
    links of every parent -> child pair (benchmarks/bench_compare.py prints the same figures).
    Measured after issue 17's last round: 39 of 44 links, none false (38 after the quality round,
    35 before it)."""
    versions = {v.id: v for v in peacediff.versions()}
    hit = found = true = 0
    for version in versions.values():
        for parent in version.parents:
            if parent not in versions:
                continue
            truth = _index_links(peacediff.compare(versions[parent], version))
            stripped = versions[parent].without_keys(), version.without_keys()
            text = _index_links(peacediff.compare(*stripped, align="text"))
            hit, found, true = hit + len(truth & text), found + len(text), true + len(truth)
    assert true == 44  # every curated link was read
    assert hit == found  # precision 1.0
    assert hit / true >= 0.88, (hit, true)
