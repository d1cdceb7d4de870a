"""Comparisons as Word documents with native tracked changes (``--format docx``, ``Comparison.to_docx``).

The document is WordprocessingML written directly (the standard library's ``zipfile`` and a
small XML writer): no dependency, and the bytes are the same for the same comparison.  What
a reviewer gets:

* a title, the two versions, and the summary (counts, parameter changes, budget notes) first;
* one paragraph per provision with its number typed in front (numbers such as ``4bis`` or
  ``SG-1`` and renumberings cannot be Word list counters), sub-points as a nested list under
  it: each depth a level of one outline list that shows no counter;
* word-level edits as ``w:ins`` / ``w:del`` runs; a changed number as a deleted and an inserted
  number; removed and added provisions as whole deleted / inserted paragraphs, paragraph mark
  included, so that accepting or rejecting also removes the paragraph;
* a provision that moved as ``w:moveFrom`` at its old place and ``w:moveTo`` at its new place,
  with the range markers Word writes for a move;
* a provision whose fate is not reported (the other version's record is partial) shown as it
  is, untracked, and marked "not reported": silence is not a deletion.

Accepting every change gives the new version's provisions, rejecting every change the old
version's, in order, apart from the "not reported" paragraphs.  Every revision carries the
author ``peacediff`` and one fixed date, the new version's (else the old one's; none when
neither is dated), never the time of the export.

Document text is untrusted: it is escaped, and characters XML 1.0 cannot carry at all (control
characters other than tab and line feed, lone surrogates, U+FFFE and U+FFFF) are left out; the
summary says how many were.  A tab is written as Word's tab and a line break inside a provision
as a line break.

Example::

    >>> import peacediff
    >>> c = peacediff.compare(peacediff.load("us-russia-28"), peacediff.load("us-ua-20"))
    >>> c.to_docx()[:2]
    b'PK'
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import attrs

from peacediff._order import increasing_chain
from peacediff.model import _plural

if TYPE_CHECKING:
    from peacediff.compare import Change, Comparison
    from peacediff.model import Provision, Version

__all__ = ["comparison_docx", "version_docx"]

AUTHOR = "peacediff"

#: Characters XML 1.0 forbids in a document (tab, line feed and carriage return are allowed).
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

#: The zip timestamp of every member: the format's earliest date, so the bytes never change.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# --------------------------------------------------------------------------- what is drawn


@attrs.frozen
class _Item:
    """One provision as drawn: both sides (a linked pair) or one side with how it is marked.

    ``mark`` is "pair", "del", "ins", "moveFrom", "moveTo" or "unknown".
    """

    mark: str
    old: Provision | None
    new: Provision | None
    change: Change | None = None
    move: str | None = None  # the name shared by a move's two ends


def _index(provisions: Sequence[Provision]) -> dict[int, int]:
    return {id(p): i for i, p in enumerate(provisions)}


@attrs.define
class _Merge:
    """Lays the old and the new provisions of one level out as one sequence of items.

    Linked 1:1 pairs that keep their order are drawn once, as a pair; everything between two
    of them is drawn once per side, the old side's first.  So accepting every change reads the
    new provisions in order and rejecting every change the old ones, whatever the changes say.
    """

    old: Sequence[Provision]
    new: Sequence[Provision]
    moves: list[int]  # a counter shared by the whole document, for unique move names
    old_items: dict[int, _Item] = attrs.field(factory=dict)
    new_items: dict[int, _Item] = attrs.field(factory=dict)

    def items(self, changes: Iterable[Change]) -> list[_Item]:
        old_at, new_at = _index(self.old), _index(self.new)
        candidates: list[tuple[int, int, Change]] = []
        for ch in changes:
            if ch.kind in ("unchanged", "modified") and len(ch.old) == 1 and len(ch.new) == 1 \
                    and id(ch.old[0]) in old_at and id(ch.new[0]) in new_at:
                candidates.append((new_at[id(ch.new[0])], old_at[id(ch.old[0])], ch))
                continue
            mark_old, mark_new = ("unknown", "unknown") if ch.kind == "unknown" else ("del", "ins")
            for p in ch.old:
                if id(p) in old_at:
                    self.old_items.setdefault(old_at[id(p)], _Item(mark_old, p, None, ch))
            for p in ch.new:
                if id(p) in new_at:
                    self.new_items.setdefault(new_at[id(p)], _Item(mark_new, None, p, ch))
        pairs = self._pairs(sorted(candidates, key=lambda c: (c[0], c[1])))
        return self._laid_out(pairs)

    def _pairs(self, candidates: list[tuple[int, int, Change]]) -> list[tuple[int, int, Change]]:
        """The pairs drawn in place; the others are moves (those the aligner flagged first)."""
        steady = [c for c in candidates if not c[2].moved]
        in_order = set(increasing_chain([(c[0], c[1]) for c in steady]))
        pairs = [c for at, c in enumerate(steady) if at in in_order]
        kept = {id(c[2]) for c in pairs}
        for j, i, ch in candidates:
            if id(ch) in kept:
                continue
            self.moves[0] += 1
            name = f"move{self.moves[0]}"
            self.old_items[i] = _Item("moveFrom", self.old[i], None, ch, name)
            self.new_items[j] = _Item("moveTo", None, self.new[j], ch, name)
        return pairs

    def _laid_out(self, pairs: list[tuple[int, int, Change]]) -> list[_Item]:
        out: list[_Item] = []
        i = j = 0
        for pj, pi, ch in [*pairs, (len(self.new), len(self.old), None)]:
            out.extend(self._side(i, pi, self.old, self.old_items, "del"))
            out.extend(self._side(j, pj, self.new, self.new_items, "ins"))
            if ch is not None:
                out.append(_Item("pair", self.old[pi], self.new[pj], ch))
            i, j = pi + 1, pj + 1
        return out

    @staticmethod
    def _side(start: int, stop: int, provisions: Sequence[Provision], items: dict[int, _Item],
              fallback: str) -> Iterable[_Item]:
        for at in range(start, stop):
            # A provision no change mentions is drawn as removed or added, so the laws still hold.
            default = _Item(fallback, provisions[at] if fallback == "del" else None,
                            provisions[at] if fallback == "ins" else None)
            yield items.get(at, default)


# --------------------------------------------------------------------------- the XML writer


def _clean(text: str, dropped: list[int]) -> str:
    cleaned, n = _FORBIDDEN.subn("", text)
    dropped[0] += n
    return cleaned


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


@attrs.define
class _Writer:
    """Builds document.xml's body: paragraphs, runs and revision marks with deterministic ids."""

    date: str | None
    not_reported: tuple[str, str]  # the flags of an old-only and of a new-only unreported provision
    parts: list[str] = attrs.field(factory=list)
    next_id: int = 0
    dropped: list[int] = attrs.field(factory=lambda: [0])
    moves: list[int] = attrs.field(factory=lambda: [0])

    def _rev(self, tag: str, extra: str = "") -> str:
        self.next_id += 1
        date = f' w:date="{self.date}"' if self.date else ""
        return f'<w:{tag} w:id="{self.next_id}" w:author="{AUTHOR}"{date}{extra}'

    def text_runs(self, text: str, deleted: bool = False, rpr: str = "") -> str:
        """Runs for ``text``: tabs as ``w:tab``, line breaks as ``w:br``, XML-forbidden characters left out."""
        text = _clean(text, self.dropped)
        if not text:
            return ""
        tag = "w:delText" if deleted else "w:t"
        out: list[str] = []
        for k, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")):
            if k:
                out.append("<w:br/>")
            for m, piece in enumerate(line.split("\t")):
                if m:
                    out.append("<w:tab/>")
                if piece:
                    out.append(f'<{tag} xml:space="preserve">{_esc(piece)}</{tag}>')
        props = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
        return f"<w:r>{props}{''.join(out)}</w:r>"

    def marked(self, mark: str, text: str, rpr: str = "") -> str:
        """``text`` as plain runs ("same") or wrapped in a revision ("ins", "del", "moveFrom", "moveTo")."""
        if mark == "same":
            return self.text_runs(text, rpr=rpr)
        # Word wants moved-away text as w:t, not w:delText (it repairs a file that has the latter).
        runs = self.text_runs(text, deleted=mark == "del", rpr=rpr)
        return f"{self._rev(mark)}>{runs}</w:{mark}>" if runs else ""

    def ops(self, ops: Iterable[tuple[int, str]]) -> str:
        return "".join(self.marked({0: "same", -1: "del", 1: "ins"}[op], text) for op, text in ops)

    def paragraph(self, style: str, content: str, mark: str = "same", before: str = "", after: str = "") -> None:
        """One paragraph; a tracked ``mark`` also marks the paragraph mark, so the paragraph goes with it."""
        rpr = "" if mark == "same" else f"<w:rPr>{self._rev(mark)}/></w:rPr>"
        self.parts.append(f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{rpr}</w:pPr>{before}{content}{after}</w:p>')

    def move_range(self, name: str, end: str) -> tuple[str, str]:
        """A move's range markers: the start names the move, the end closes it by the start's id."""
        named = f' w:name="{name}"'
        start = self._rev(f"{end}RangeStart", named) + "/>"
        return start, f'<w:{end}RangeEnd w:id="{self.next_id}"/>'


def _label(number: str | None, depth: int) -> str:
    """The typed number with the tab after it ("6.\t", "(a)\t"), tracked with it.

    An unnumbered sub-point gets a bullet (what readers and importers take for one); an
    unnumbered provision no label.
    """
    if number is None:
        return "•\t" if depth else ""
    return f"{number}.\t" if depth == 0 else f"({number})\t"


def _style(depth: int) -> str:
    return f"Provision{min(depth, 3) + 1}"


def _text_ops(change: Change, old: Provision, new: Provision) -> Sequence[tuple[int, str]]:
    """The word ops of a pair's own text, checked to rebuild both sides (else diffed afresh)."""
    has_subs = bool(old.subpoints or new.subpoints)
    ops = change.text_ops if has_subs else change.ops
    if "".join(t for op, t in ops if op <= 0) == old.text and "".join(t for op, t in ops if op >= 0) == new.text:
        return ops
    from peacediff import textdiff

    return textdiff.word_ops(old.text, new.text)


@attrs.define
class _Drawer:
    """Draws items, with their sub-points, as paragraphs."""

    w: _Writer

    def items(self, items: Iterable[_Item], depth: int) -> None:
        for item in items:
            if item.mark == "pair":
                assert item.old is not None and item.new is not None and item.change is not None
                self.pair(item.change, item.old, item.new, depth)
            elif item.mark in ("moveFrom", "moveTo"):
                self.moved(item, depth)
            else:
                side = item.old if item.old is not None else item.new
                assert side is not None
                flag = self.w.not_reported[item.old is None] if item.mark == "unknown" else None
                unknown = _unknown_ids(item.change.subchanges) if item.change is not None else frozenset()
                self.whole(side, {"unknown": "same"}.get(item.mark, item.mark), depth, flag, unknown)

    def pair(self, change: Change, old: Provision, new: Provision, depth: int) -> None:
        w = self.w
        old_label, new_label = _label(old.number, depth), _label(new.number, depth)
        if old_label == new_label:
            label = w.marked("same", old_label)
        else:
            label = w.marked("del", old_label) + w.marked("ins", new_label)
        w.paragraph(_style(depth), label + w.ops(_text_ops(change, old, new)))
        if old.subpoints or new.subpoints:
            merge = _Merge(old.subpoints, new.subpoints, w.moves)
            self.items(merge.items(change.subchanges), depth + 1)

    def whole(self, p: Provision, mark: str, depth: int, flag: str | None = None,
              unknown: frozenset[int] = frozenset()) -> None:
        """A provision and its sub-points, all untracked ("same") or all under one mark.

        ``flag`` ("[not reported in …]") is written, in italics, before the text of each paragraph.
        Sub-points in ``unknown`` (ids: their fate is not reported) are shown as they are, flagged,
        whatever happens to the provision around them.
        """
        w = self.w
        shown = w.marked("same", flag + " ", rpr="<w:i/>") if flag else ""
        w.paragraph(_style(depth), w.marked(mark, _label(p.number, depth)) + shown + w.marked(mark, p.text), mark)
        for sub in p.subpoints:
            if id(sub) in unknown:
                self.whole(sub, "same", depth + 1, self.w.not_reported[mark in ("ins", "moveTo")])
            else:
                self.whole(sub, mark, depth + 1, flag, unknown)

    def moved(self, item: _Item, depth: int) -> None:
        """One end of a move: the provision and its sub-points inside one move range.

        Sub-points whose fate is not reported follow the range, shown as they are and flagged.
        """
        w = self.w
        p = item.old if item.mark == "moveFrom" else item.new
        assert p is not None and item.move is not None and item.change is not None
        unknown = _unknown_ids(item.change.subchanges)
        paragraphs = list(_flatten(p, depth, unknown))
        start, end = w.move_range(item.move, item.mark)
        for k, (sub, level) in enumerate(paragraphs):
            if k == 0:
                content = self.moved_text(item, level)
            else:
                content = w.marked(item.mark, _label(sub.number, level) + sub.text)
            before = start if k == 0 else ""
            after = end if k == len(paragraphs) - 1 else ""
            w.paragraph(_style(level), content, item.mark, before=before, after=after)
        for sub, level in _unknown_subtrees(p, depth, unknown):
            self.whole(sub, "same", level, w.not_reported[item.mark == "moveTo"])


    def moved_text(self, item: _Item, depth: int) -> str:
        """A moved provision's own line at one end: what it keeps is moved, each end shows its side's edits.

        The old end holds the kept words as moved away and the deleted words as deletions; the
        new end the kept words as moved here and the inserted words as insertions.  So rejecting
        every change restores the old wording at the old place, accepting gives the new wording
        at the new place, and Word still shows the move.
        """
        change = item.change
        assert change is not None and len(change.old) == 1 and len(change.new) == 1
        old, new = change.old[0], change.new[0]
        keep, edit, side = (item.mark, "del", -1) if item.mark == "moveFrom" else (item.mark, "ins", 1)
        old_label, new_label = _label(old.number, depth), _label(new.number, depth)
        w = self.w
        label = w.marked(keep, old_label) if old_label == new_label else \
            w.marked(edit, old_label if side < 0 else new_label)
        runs = [w.marked(keep if op == 0 else edit, text) for op, text in _text_ops(change, old, new)
                if op in (0, side)]
        return label + "".join(runs)


def _unknown_ids(changes: Iterable[Change]) -> frozenset[int]:
    """Ids of the provisions, at any depth, whose fate these changes leave unreported."""
    out: set[int] = set()
    for ch in changes:
        if ch.kind == "unknown":
            out.update(id(p) for p in (*ch.old, *ch.new))
        out |= _unknown_ids(ch.subchanges)
    return frozenset(out)


def _flatten(p: Provision, depth: int, skip: frozenset[int] = frozenset()) -> Iterable[tuple[Provision, int]]:
    yield p, depth
    for sub in p.subpoints:
        if id(sub) not in skip:
            yield from _flatten(sub, depth + 1, skip)


def _unknown_subtrees(p: Provision, depth: int, unknown: frozenset[int]) -> Iterable[tuple[Provision, int]]:
    for sub in p.subpoints:
        if id(sub) in unknown:
            yield sub, depth + 1
        else:
            yield from _unknown_subtrees(sub, depth + 1, unknown)


# --------------------------------------------------------------------------- the document


def _revision_date(*dates: str | None) -> str | None:
    """The first known date as Word's ISO form ("2025-11" → "2025-11-01T00:00:00Z")."""
    for date in dates:
        if date:
            parts = (date.split("-") + ["01", "01"])[:3]
            return f"{parts[0]}-{parts[1]}-{parts[2]}T00:00:00Z"
    return None


def _summary(c: Comparison) -> list[str]:
    """The summary's lines: counts, flags, parameter changes, budget notes."""
    counts = ", ".join(f"{n} {kind}" for kind, n in c.counts.items() if n) or "no provisions"
    renumbered = sum(ch.renumbered for ch in c.changes)
    moved = sum(ch.moved for ch in c.changes)
    flags = [_plural(n, what) for n, what in ((renumbered, "renumbering"), (moved, "move")) if n]
    lines = [f"Provisions: {counts}" + (f"; {', '.join(flags)}" if flags else "") + "."]
    for ch, pc in c.parameter_changes:
        lines.append(f"Parameter change in {ch.label}: {pc.display()}")
    lines.extend(c.budget_notes)
    return lines


def _version_line(role: str, v: Version) -> str:
    date = f", {v.date}" if v.date else ""
    return f"{role}: {v.id} — {v.title}{date} ({v.status}, coverage {v.coverage})"


def comparison_docx(c: Comparison) -> bytes:
    """The comparison as a .docx with tracked changes (see the module docstring)."""
    flags = (f"[not reported in {c.new.id}]", f"[not reported in {c.old.id}]")
    w = _Writer(_revision_date(c.new.date, c.old.date), flags)
    merge = _Merge(c.old.provisions, c.new.provisions, w.moves)
    _Drawer(w).items(merge.items(c.changes), 0)
    body = w.parts
    w.parts = []
    head = _Writer(None, ("", ""), dropped=w.dropped)
    head.paragraph("Title", head.text_runs(f"{c.old.title} → {c.new.title}"))
    for line in (_version_line("Old", c.old), _version_line("New", c.new)):
        head.paragraph("Normal", head.text_runs(line))
    head.paragraph("Normal", head.text_runs(
        f"Tracked changes by {AUTHOR}: accept all to read {c.new.id}, reject all to read {c.old.id}. "
        f"Paragraphs marked “not reported” stand in one version only because the other's record is "
        "incomplete: they are shown as they are, neither removed nor added."))
    head.paragraph("Heading1", head.text_runs("Summary"))
    for line in _summary(c):
        head.paragraph("ListSummary", head.text_runs(line))
    if w.dropped[0]:
        head.paragraph("ListSummary", head.text_runs(
            f"{_plural(w.dropped[0], 'character')} that a Word document cannot hold (control characters) "
            "left out of the text."))
    head.paragraph("Heading1", head.text_runs("Provisions"))
    return _package(head.parts + body, f"{c.old.title} → {c.new.title}", _revision_date(c.new.date, c.old.date))


def version_docx(v: Version) -> bytes:
    """A version as a .docx: its provisions as numbered paragraphs, no tracked changes.

    Unlike in a redline, an unnumbered provision at the top level is a bullet too: read back, a
    paragraph with no number of its own continues the provision above it.
    """
    w = _Writer(None, ("", ""))
    for top in v.provisions:
        for p, depth in _flatten(top, 0):
            label = "•\t" if p.number is None else _label(p.number, depth)
            w.paragraph(_style(depth), w.text_runs(label) + w.text_runs(p.text))
    return _package(w.parts, v.title, _revision_date(v.date))


# --------------------------------------------------------------------------- the package


def _document(paragraphs: list[str]) -> str:
    # A final untracked paragraph: Word cannot delete a document's last paragraph mark, so a
    # deleted provision at the end would otherwise survive "accept all" as an empty paragraph.
    body = "".join(paragraphs) + '<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr></w:p>'
    section = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1417" '
               'w:bottom="1134" w:left="1417" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{_W_NS}">'
            f"<w:body>{body}{section}</w:body></w:document>")


def _styles() -> str:
    def para(style_id: str, name: str, ppr: str = "", rpr: str = "", based: str = "Normal", extra: str = "") -> str:
        return (f'<w:style w:type="paragraph" w:customStyle="{0 if style_id in _BUILT_IN else 1}" '
                f'w:styleId="{style_id}"><w:name w:val="{name}"/><w:basedOn w:val="{based}"/>'
                f'<w:next w:val="{style_id}"/>{extra}<w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>')

    # Each provision style is a level of the one outline list (numbering.xml): sub-points are a
    # nested list to Word, its navigation and screen readers, while the numbers stay typed.
    levels = "".join(
        para(f"Provision{n}", f"Provision {n}",
             f'<w:numPr><w:ilvl w:val="{n - 1}"/><w:numId w:val="1"/></w:numPr>'
             f'<w:spacing w:after="120"/><w:ind w:left="{567 * n}" w:hanging="567"/>')
        for n in (1, 2, 3, 4)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{_W_NS}">'
        '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" '
        'w:cs="Calibri"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>'
        '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
        "</w:docDefaults>"
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
        + para("Title", "Title", '<w:spacing w:after="240"/>', '<w:b/><w:sz w:val="36"/><w:szCs w:val="36"/>')
        + para("Heading1", "heading 1",
               '<w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/>',
               '<w:b/><w:sz w:val="28"/><w:szCs w:val="28"/>')
        + para("ListSummary", "List Summary", '<w:ind w:left="360" w:hanging="360"/>')
        + levels
        + "</w:styles>"
    )


_BUILT_IN = frozenset({"Title", "Heading1"})

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/numbering.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
    '<Override PartName="/word/settings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    "</Types>"
)

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
    'core-properties" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{_REL}/extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>"
)
_DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL}/settings" Target="settings.xml"/>'
    f'<Relationship Id="rId3" Type="{_REL}/numbering" Target="numbering.xml"/>'
    "</Relationships>"
)
#: One outline list whose levels show no number (the numbers are typed, see the module docstring).
_NUMBERING = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<w:numbering xmlns:w="{_W_NS}"><w:abstractNum w:abstractNumId="1">'
    '<w:multiLevelType w:val="multilevel"/>'
    + "".join(
        f'<w:lvl w:ilvl="{k}"><w:start w:val="1"/><w:numFmt w:val="none"/><w:pStyle w:val="Provision{k + 1}"/>'
        '<w:suff w:val="nothing"/><w:lvlText w:val=""/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{567 * (k + 1)}" w:hanging="567"/></w:pPr></w:lvl>'
        for k in range(4)
    )
    + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>'
)

_SETTINGS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<w:settings xmlns:w="{_W_NS}"><w:defaultTabStop w:val="567"/>'
    '<w:characterSpacingControl w:val="doNotCompress"/>'
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" '
    'w:val="15"/></w:compat></w:settings>'
)
_APP = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    f"<Application>{AUTHOR}</Application></Properties>"
)


def _core(title: str, date: str | None) -> str:
    when = date or "1980-01-01T00:00:00Z"
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{_esc(_clean(title, [0]))}</dc:title><dc:creator>{AUTHOR}</dc:creator>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified>'
        "</cp:coreProperties>"
    )


def _package(paragraphs: list[str], title: str, date: str | None) -> bytes:
    """The .docx bytes: fixed member order, fixed timestamps, deflated."""
    import io

    members = (
        ("[Content_Types].xml", _CONTENT_TYPES),
        ("_rels/.rels", _PKG_RELS),
        ("docProps/core.xml", _core(title, date)),
        ("docProps/app.xml", _APP),
        ("word/document.xml", _document(paragraphs)),
        ("word/_rels/document.xml.rels", _DOC_RELS),
        ("word/styles.xml", _styles()),
        ("word/numbering.xml", _NUMBERING),
        ("word/settings.xml", _SETTINGS),
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in members:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, text.encode("utf-8"), compresslevel=6)
    return out.getvalue()
