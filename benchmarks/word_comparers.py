"""Side by side: peacediff's Word export against the Word-to-Word comparers a user would otherwise pick.

For every bundled redline pair, the two versions are written as .docx (one numbered paragraph a
provision, sub-points indented under it, as ``render_bytes(version, "docx")`` writes them) and
handed to each comparer; peacediff's own .docx comes from the comparison.  For each output the
script reports the tracked changes it holds (insertions, deletions, moves: revision elements in
word/document.xml), whether accepting all of them gives the new text and rejecting all the old
(checked with jubarte-redlines' accept/reject, paragraph by paragraph), how many provisions whose
fate is not reported it marks as deleted, and the time taken.  Results: docs/comparison.md.

    pip install "python-redlines[all]" jubarte-redlines   # the comparers (the first ships .NET binaries)
    python benchmarks/word_comparers.py

A comparer that is not installed is reported as such and skipped.
"""

from __future__ import annotations

import io
import re
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import peacediff  # noqa: E402
from peacediff._display import render_bytes  # noqa: E402
from peacediff.compare import Change, Comparison  # noqa: E402

Comparer = Callable[[bytes, bytes], bytes]


def _comparers() -> dict[str, Comparer | str]:
    """Name → a function (old .docx, new .docx) → redline .docx, or why it is missing."""
    out: dict[str, Comparer | str] = {}
    try:
        import jubarte_redlines

        out["jubarte-redlines"] = lambda a, b: bytes(jubarte_redlines.compare_documents(a, b, author="jubarte"))
    except ImportError as exc:
        out["jubarte-redlines"] = f"not installed ({exc})"
    try:
        from python_redlines import DocxodusEngine, XmlPowerToolsEngine
    except ImportError as exc:
        out["python-redlines"] = f"not installed ({exc})"
        return out
    for name, engine_class in (("python-redlines (Docxodus)", DocxodusEngine),
                               ("python-redlines (Open-XML-PowerTools)", XmlPowerToolsEngine)):
        try:
            engine = engine_class()
        except Exception as exc:  # the engine's binary is missing or does not run here
            out[name] = f"unavailable ({type(exc).__name__}: {exc})"
            continue
        out[name] = lambda a, b, engine=engine: bytes(engine.run_redline("python-redlines", a, b)[0])
    return out


def _counts(data: bytes) -> dict[str, int]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    return {kind: len(re.findall(rf"<w:{kind}[ >]", xml)) for kind in ("ins", "del", "moveFrom", "moveTo")}


def _paragraphs(data: bytes) -> list[str]:
    import jubarte_redlines

    texts = [" ".join(p.text.split()) for p in jubarte_redlines.Document.from_bytes(data).inspect().paragraphs]
    if "Provisions" in texts:  # peacediff's export: the provisions follow the summary
        texts = texts[texts.index("Provisions") + 1:]
    return [t for t in texts if t and "[not reported in " not in t]


def _unknown_texts(changes: tuple[Change, ...]) -> set[str]:
    """Texts of the provisions (sub-points too) whose fate is not reported: left out of both readings."""
    out: set[str] = set()
    for ch in changes:
        if ch.kind == "unknown":
            out |= {" ".join(p.text.split()) for side in (ch.old, ch.new) for top in side for p in top.walk()}
        out |= _unknown_texts(ch.subchanges)
    return out


def _laws(data: bytes, c: Comparison, old_docx: bytes, new_docx: bytes) -> str:
    import jubarte_redlines

    unknown = _unknown_texts(c.changes)
    new = [t for t in _paragraphs(new_docx) if not any(t.endswith(u) for u in unknown)]
    old = [t for t in _paragraphs(old_docx) if not any(t.endswith(u) for u in unknown)]
    accepted = [t for t in _paragraphs(bytes(jubarte_redlines.accept_revisions(data)))
                if not any(t.endswith(u) for u in unknown)]
    rejected = [t for t in _paragraphs(bytes(jubarte_redlines.reject_revisions(data)))
                if not any(t.endswith(u) for u in unknown)]
    yes = {True: "yes", False: "no"}
    return f"accept-all = new: {yes[accepted == new]}; reject-all = old: {yes[rejected == old]}"


def _unknown_deleted(data: bytes, c: Comparison) -> int:
    """Provisions whose fate is not reported that the redline shows as deleted text."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    deleted = " ".join(re.findall(r"<w:delText[^>]*>([^<]*)</w:delText>", xml))
    deleted = " ".join(deleted.split())
    return sum(1 for ch in c.changes if ch.kind == "unknown" for p in ch.old
               if " ".join(p.text.split())[:60].replace("'", "&apos;") in deleted
               or " ".join(p.text.split())[:60] in deleted)


def main() -> None:
    comparers = _comparers()
    for name, how in comparers.items():
        if isinstance(how, str):
            print(f"{name}: {how}")
    archive = peacediff.Archive.bundled()
    for old_v, new_v in archive.redline_pairs():
        c = peacediff.compare(old_v, new_v)
        old_docx, new_docx = render_bytes(old_v, "docx"), render_bytes(new_v, "docx")
        unknown = sum(ch.kind == "unknown" for ch in c.changes)
        print(f"\n{old_v.id} → {new_v.id}: {c!r}; {unknown} provision(s) not reported")
        runs: dict[str, Comparer] = {"peacediff": lambda _a, _b, c=c: c.to_docx()}
        runs.update({k: v for k, v in comparers.items() if not isinstance(v, str)})
        for name, run in runs.items():
            start = time.perf_counter()
            try:
                data = run(old_docx, new_docx)
            except Exception as exc:
                print(f"  {name}: failed ({type(exc).__name__}: {str(exc).splitlines()[0][:120]})")
                continue
            seconds = time.perf_counter() - start
            counts = ", ".join(f"{n} {k}" for k, n in _counts(data).items())
            print(f"  {name}: {seconds:.2f} s; {counts}; {_laws(data, c, old_docx, new_docx)}; "
                  f"unreported shown deleted: {_unknown_deleted(data, c)}")


if __name__ == "__main__":
    main()
