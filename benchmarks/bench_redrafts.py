"""Link quality of the text aligner on the independent redrafts corpus.

For each pair NAME in benchmarks/redrafts/ (NAME.old.txt, NAME.new.txt, NAME.truth.json) this
loads both drafts with peacediff.load, runs peacediff.compare(old, new, align="text"), collects
the predicted lineage links (old number, new number) from the changes and scores them against
the hand-written truth: precision, recall and F1 per pair and overall (micro-averaged), with the
false and missed links listed.

Before scoring it checks the corpus: every .txt must load with exactly the points its "N. "
markers declare, and every number in a truth file's links must exist in the matching file.
Exit status: 0 when the corpus is well formed (whatever the scores), 1 otherwise.

    python benchmarks/bench_redrafts.py                                   # the development corpus
    python benchmarks/bench_redrafts.py benchmarks/redrafts-holdout --summary

``redrafts/`` is the development corpus: its misses are read and guide the aligner.
``redrafts-holdout/`` and ``redrafts-holdout-2/`` are scored with ``--summary`` only (no per-link listing), so that
nobody tunes on them and their figures stay an honest estimate on unseen drafts.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import peacediff

CORPUS = Path(__file__).resolve().parent / "redrafts"
#: "N. text", or a statute's "Article N" / "Section N." (redrafts-2 uses both layouts).
MARKER = re.compile(r"^(?:(?:Article|Section)\s+(\d+)\b|(\d+)\. )")
Link = tuple[str, str]


def shorten(text: str, width: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def declared_numbers(path: Path) -> list[str]:
    """The point numbers a file declares with its markers, in file order."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [m.group(1) or m.group(2) for line in lines if (m := MARKER.match(line))]


def load_checked(path: Path, errors: list[str]):
    """Load one draft; record an error when it fails or its points differ from the markers."""
    expected = declared_numbers(path)
    if expected != [str(i) for i in range(1, len(expected) + 1)]:
        errors.append(f"{path.name}: point numbers are not 1..{len(expected)} in order: {expected}")
    try:
        version = peacediff.load(str(path))
    except Exception as exc:  # report every broken file, not just the first
        errors.append(f"{path.name}: failed to load: {type(exc).__name__}: {exc}")
        return None, {}
    got = [p.number for p in version.provisions]
    if got != expected:
        errors.append(f"{path.name}: loaded {len(got)} points {got}, expected {len(expected)} points {expected}")
    return version, {p.number: p.text for p in version.provisions}


def read_truth(path: Path, old_numbers: set[str], new_numbers: set[str], errors: list[str]) -> set[Link]:
    data = json.loads(path.read_text(encoding="utf-8"))
    for key in ("title", "kind", "links", "notes"):
        if key not in data:
            errors.append(f"{path.name}: missing key {key!r}")
    links: set[Link] = set()
    for item in data.get("links", []):
        if not (isinstance(item, list) and len(item) == 2 and all(isinstance(x, str) for x in item)):
            errors.append(f"{path.name}: malformed link {item!r}, expected [old number, new number] strings")
            continue
        old, new = item
        if old not in old_numbers:
            errors.append(f"{path.name}: link {item} names old point {old!r}, which is not in the .old.txt file")
        if new not in new_numbers:
            errors.append(f"{path.name}: link {item} names new point {new!r}, which is not in the .new.txt file")
        if (old, new) in links:
            errors.append(f"{path.name}: duplicate link {item}")
        links.add((old, new))
    return links


def predicted_links(comparison) -> set[Link]:
    return set(rules_of(comparison))


def rules_of(comparison) -> dict[Link, str]:
    """Each predicted link and the alignment rule that made it (matched_by)."""
    return {(o.number, n.number): ch.matched_by or "?" for ch in comparison.changes for o in ch.old for n in ch.new}


def passes_of(comparison) -> dict[Link, str]:
    """Each predicted link and the aligner pass that made it (Change.rule)."""
    return {(o.number, n.number): ch.rule or "?" for ch in comparison.changes for o in ch.old for n in ch.new}


def prf(tp: int, n_pred: int, n_true: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_true if n_true else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS, help="directory of NAME.* triples")
    parser.add_argument("--summary", action="store_true", help="scores only: no false / missed link listing")
    args = parser.parse_args()
    corpus: Path = args.corpus.resolve()
    errors: list[str] = []
    rows: list[tuple[str, int, int, int]] = []
    by_rule: dict[str, list[int]] = {}  # rule -> [false links, true links]
    by_pass: dict[str, list[int]] = {}  # aligner pass -> [false links, true links]
    details: list[str] = []
    names = sorted(p.name[: -len(".truth.json")] for p in corpus.glob("*.truth.json"))
    if not names:
        print(f"error: no *.truth.json files in {corpus}")
        return 1
    for name in names:
        old_path, new_path = corpus / f"{name}.old.txt", corpus / f"{name}.new.txt"
        missing = [p.name for p in (old_path, new_path) if not p.exists()]
        if missing:
            errors.append(f"{name}.truth.json: missing {', '.join(missing)}")
            continue
        n_err = len(errors)
        old, old_text = load_checked(old_path, errors)
        new, new_text = load_checked(new_path, errors)
        truth = read_truth(
            corpus / f"{name}.truth.json", set(declared_numbers(old_path)), set(declared_numbers(new_path)), errors
        )
        if old is None or new is None or len(errors) > n_err:
            continue
        comparison = peacediff.compare(old, new, align="text")
        rules, passes = rules_of(comparison), passes_of(comparison)
        pred = set(rules)
        for link in pred:
            by_rule.setdefault(rules[link], [0, 0])[link in truth] += 1
            by_pass.setdefault(passes[link], [0, 0])[link in truth] += 1
        tp = len(pred & truth)
        rows.append((name, tp, len(pred), len(truth)))
        p, r, f = prf(tp, len(pred), len(truth))
        details.append(
            f"\n== {name}: {len(old_text)} old / {len(new_text)} new points, "
            f"{len(truth)} true links, {len(pred)} predicted — P {p:.3f}  R {r:.3f}  F1 {f:.3f}"
        )
        for label, links in (("false link", pred - truth), ("missed link", truth - pred)):
            for o, n in sorted(links, key=lambda link: (int(link[0]), int(link[1]))):
                details.append(
                    f"  {label}: old {o} -> new {n}\n"
                    f"      old {o}: {shorten(old_text.get(o, '?'))}\n"
                    f"      new {n}: {shorten(new_text.get(n, '?'))}"
                )

    print(f"Redrafts corpus: {corpus}  (align='text')\n")
    print(f"{'pair':<12} {'true':>5} {'pred':>5} {'tp':>4} {'P':>7} {'R':>7} {'F1':>7}")
    for name, tp, n_pred, n_true in rows:
        p, r, f = prf(tp, n_pred, n_true)
        print(f"{name:<12} {n_true:>5} {n_pred:>5} {tp:>4} {p:>7.3f} {r:>7.3f} {f:>7.3f}")
    if rows:
        tp, n_pred, n_true = (sum(row[i] for row in rows) for i in (1, 2, 3))
        p, r, f = prf(tp, n_pred, n_true)
        print(f"{'overall':<12} {n_true:>5} {n_pred:>5} {tp:>4} {p:>7.3f} {r:>7.3f} {f:>7.3f}   (micro)")
        macro = [prf(*row[1:]) for row in rows]
        mp, mr, mf = (sum(m[i] for m in macro) / len(macro) for i in range(3))
        print(f"{'':<12} {'':>5} {'':>5} {'':>4} {mp:>7.3f} {mr:>7.3f} {mf:>7.3f}   (macro)")
        print("\nlinks by rule (true / false): " + ", ".join(
            f"{rule} {true}/{false}" for rule, (false, true) in sorted(by_rule.items())))
        print("links by pass (true / false): " + ", ".join(
            f"{name} {true}/{false}" for name, (false, true) in sorted(by_pass.items())))
    if not args.summary:
        print("\n".join(details))
    if errors:
        print("\nCORPUS ERRORS:", file=sys.stderr)
        for e in errors:
            print(f"  error: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
