"""Why the text aligner misses or invents a link: per missed and false link, the evidence it had.

For each pair of a development corpus (benchmarks/redrafts … redrafts-7) and for the bundled
plan versions with keys stripped (parent → child, the curated key links as truth), it prints
every missed true link and every false link with the old and new text, their cosine, each
side's best candidate (score, partner, whether that partner was linked), and a *shape*: the
class of evidence that could have linked it (split/merge part, same number, alone in place
between linked neighbours, crossed the anchor chain, template item, short unit, rival wording).

    python benchmarks/diagnose_alignment.py                    # every development corpus, then bundled
    python benchmarks/diagnose_alignment.py redrafts-2         # one corpus
    python benchmarks/diagnose_alignment.py --shapes           # counts per shape only

The held-out corpus is refused: it is scored in aggregate only (bench_redrafts.py --summary).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import peacediff
from peacediff import align as _align
from peacediff.model import Provision, Version

HERE = Path(__file__).resolve().parent
DEV = ("redrafts", "redrafts-2", "redrafts-3", "redrafts-4", "redrafts-5", "redrafts-6", "redrafts-7")


def shorten(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def corpus_cases(corpus: str) -> Iterator[tuple[str, Version, Version, set[tuple[int, int]]]]:
    """(name, old, new, true links as index pairs) for a corpus directory."""
    for truth_path in sorted((HERE / corpus).glob("*.truth.json")):
        name = truth_path.name[: -len(".truth.json")]
        old = peacediff.load(HERE / corpus / f"{name}.old.txt")
        new = peacediff.load(HERE / corpus / f"{name}.new.txt")
        onum = {p.number: k for k, p in enumerate(old.provisions)}
        nnum = {p.number: k for k, p in enumerate(new.provisions)}
        links = json.loads(truth_path.read_text(encoding="utf-8"))["links"]
        yield f"{corpus}/{name}", old, new, {(onum[o], nnum[n]) for o, n in links}


def bundled_cases() -> Iterator[tuple[str, Version, Version, set[tuple[int, int]]]]:
    """Parent → child bundled pairs, keys stripped; the key alignment's links are the truth."""
    by_id = {v.id: v for v in peacediff.versions()}
    for v in by_id.values():
        for parent in v.parents:
            if parent in by_id:
                old = by_id[parent]
                yield f"bundled/{parent}->{v.id}", old.without_keys(), v.without_keys(), _links(
                    peacediff.compare(old, v))


def _links(c: peacediff.Comparison) -> set[tuple[int, int]]:
    old = {id(p): k for k, p in enumerate(c.old.provisions)}
    new = {id(p): k for k, p in enumerate(c.new.provisions)}
    return {(old[id(a)], new[id(b)]) for ch in c.changes for a in ch.old for b in ch.new}


def _state(old: Sequence[Provision], new: Sequence[Provision]) -> _align._State:
    """The aligner's state after every pass (forward direction), for its scores."""
    st = _align._State(old, new, _align.AlignConfig())
    _align._run(st)
    return st


def shape(st: _align._State, i: int, j: int, truth: set[tuple[int, int]], pred: set[tuple[int, int]]) -> str:
    """The class of evidence a missed (or false) link (i, j) sits in."""
    if sum(1 for o, _n in truth if o == i) > 1 or sum(1 for _o, n in truth if n == j) > 1:
        return "split/merge"
    a, b = st.local_old.get(i), st.local_new.get(j)
    if a is None or b is None:
        return "exact-side"
    if st.gap_old[a] != st.gap_new[b]:
        return "crosses-anchors"
    old_p, new_p = st.old[i], st.new[j]
    if st.overlap(a, b) >= st.config.template_overlap:
        return "template/near-dup"
    before = (i == 0 and j == 0) or ((i - 1, j - 1) in pred)
    after = (i == len(st.old) - 1 and j == len(st.new) - 1) or ((i + 1, j + 1) in pred)
    if before and after:
        return "in-place (both neighbours)"
    if before or after:
        return "in-place (one neighbour)"
    if old_p.number is not None and old_p.number == new_p.number:
        return "same-number"
    if min(len(old_p.full_text.split()), len(new_p.full_text.split())) <= 12:
        return "short unit"
    return "rival wording"


def best(lst: list[tuple[float, int]], linked: dict[int, int], rest: list[int], exclude: int) -> str:
    for s, other in lst:
        if other != exclude:
            flag = "linked" if rest[other] in linked else "free"
            return f"{s:.2f}→#{rest[other] + 1}({flag})"
    return "-"


def report(name: str, old: Version, new: Version, truth: set[tuple[int, int]], verbose: bool,
           shapes: Counter[str]) -> tuple[int, int, int]:
    c = peacediff.compare(old, new, align="text")
    pred = _links(c)
    st = _state(old.provisions, new.provisions)
    rule = {(o, n): ch.rule for ch in c.changes for o in [c.old.provisions.index(p) for p in ch.old]
            for n in [c.new.provisions.index(p) for p in ch.new]}
    missed, false = sorted(truth - pred), sorted(pred - truth)
    tp = len(truth & pred)
    if verbose and (missed or false):
        print(f"\n== {name}: {len(truth)} true, {len(pred)} predicted, {tp} right")
    for label, links in (("MISSED", missed), ("FALSE", false)):
        for i, j in links:
            kind = shape(st, i, j, truth, pred)
            shapes[f"{label.lower()}: {kind}"] += 1
            if not verbose:
                continue
            a, b = st.local_old.get(i), st.local_new.get(j)
            score = f"cos {st.cosine(a, b):.3f} shared {st.vec.shared(a, b)}" if a is not None and b is not None else ""
            ob = nb = "-"
            if a is not None:
                ob = best(st.by_old.get(a, []), st.link_new, st.rest_new, b if b is not None else -1)
            if b is not None:
                nb = best(st.by_new.get(b, []), st.link_old, st.rest_old, a if a is not None else -1)
            extra = f" rule={rule.get((i, j))}" if label == "FALSE" else ""
            print(f"  {label} #{i + 1}({old.provisions[i].number}) -> #{j + 1}({new.provisions[j].number}) "
                  f"[{kind}] {score}; old's best other {ob}; new's best other {nb}{extra}")
            print(f"      old: {shorten(old.provisions[i].full_text)}")
            print(f"      new: {shorten(new.provisions[j].full_text)}")
    return tp, len(pred), len(truth)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", default=[*DEV, "bundled"])
    parser.add_argument("--shapes", action="store_true", help="counts per shape only")
    args = parser.parse_args()
    shapes: Counter[str] = Counter()
    for corpus in args.corpora:
        if "holdout" in corpus:
            print("the held-out corpus is scored in aggregate only: bench_redrafts.py DIR --summary")
            return 2
        cases = bundled_cases() if corpus == "bundled" else corpus_cases(corpus)
        tp = n_pred = n_true = 0
        for name, old, new, truth in cases:
            t, p, n = report(name, old, new, truth, not args.shapes, shapes)
            tp, n_pred, n_true = tp + t, n_pred + p, n_true + n
        prec, rec = tp / n_pred if n_pred else 1.0, tp / n_true if n_true else 1.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        print(f"\n{corpus}: P {prec:.3f} R {rec:.3f} F1 {f1:.3f} ({tp}/{n_true}, {n_pred} predicted)")
    print("\nby shape: " + ", ".join(f"{k} {v}" for k, v in sorted(shapes.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
