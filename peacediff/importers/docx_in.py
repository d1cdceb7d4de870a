"""Word (.docx) documents as numbered text: the numbers a reader sees, headings, tables, changes accepted.

Negotiated drafts number their articles and paragraphs with Word's automatic
numbering, which is not in the text at all: the number of a paragraph comes
from its list (``w:numPr``, directly or through its style), the list's level
definitions in ``numbering.xml`` (start value, format, a pattern such as
``Article %1`` or ``(%2)``) and the counters of the paragraphs before it.
This module replays those counters, so "Article 5" and "(b)" come out as Word
shows them, and writes each paragraph as one line of text for the shared
structure reader, indented by its list level when asked (so "(i)" nests under
"(a)" and a bullet under its point).  Heading styles become Markdown headings (categories),
table rows become lines, and tracked changes are read as if all were
accepted (insertions kept, deletions dropped), which the notes say.

The XML is read with lxml (the ``docx`` extra), with entity expansion and
network access switched off: a .docx is untrusted input.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from peacediff._documents import DocumentError, extra_missing
from peacediff._numberwords import list_number

__all__ = ["docx_to_text"]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_RUN_ON = "\x00run-on"  # marks a paragraph whose deleted mark joins it to the next
_LIST_STYLE_RE = re.compile(r"list(?: bullet| number| continue)? ([1-9])")
_MAX_PART = 256 * 1024 * 1024  # bytes of XML in one part; more is a zip bomb, not a treaty


def _q(tag: str) -> str:
    return f"{{{_W}}}{tag}"


def _val(element: Any, tag: str, default: str | None = None) -> str | None:
    child = element.find(_q(tag)) if element is not None else None
    if child is None:
        return default
    value: str | None = child.get(_q("val"), default)
    return value


@attrs.frozen
class _Level:
    """One level of a list definition: where it starts, how its counter is shown."""

    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    legal: bool = False  # w:isLgl: every level's counter shown in arabic figures
    restart: int | None = None  # w:lvlRestart: restart after this level (1-based) only


@attrs.define
class _Numbering:
    """numbering.xml: list definitions and the counters Word keeps while laying the document out."""

    abstract: dict[str, dict[int, _Level]] = attrs.field(factory=dict)
    nums: dict[str, str] = attrs.field(factory=dict)  # numId -> abstractNumId
    overrides: dict[str, dict[int, _Level | int]] = attrs.field(factory=dict)
    style_levels: dict[str, tuple[str, int]] = attrs.field(factory=dict)  # w:pStyle on a level
    #: abstractNumId -> the list style it only points at (w:numStyleLink), whose own list holds the levels
    style_links: dict[str, str] = attrs.field(factory=dict)
    counters: dict[str, dict[int, int]] = attrs.field(factory=dict)
    started: set[str] = attrs.field(factory=set)

    def levels(self, num_id: str) -> dict[int, _Level]:
        levels = dict(self.abstract.get(self.nums.get(num_id, ""), {}))
        for ilvl, override in self.overrides.get(num_id, {}).items():
            if isinstance(override, _Level):
                levels[ilvl] = override
            elif ilvl in levels:
                levels[ilvl] = attrs.evolve(levels[ilvl], start=override)
        return levels

    def label(self, num_id: str, ilvl: int) -> str | None:
        """Advance the list's counter at ``ilvl`` and return the paragraph's displayed number."""
        if num_id not in self.nums:
            return None
        levels = self.levels(num_id)
        if ilvl not in levels:
            return None
        key = self.nums[num_id]
        counters = self.counters.setdefault(key, {})
        if num_id not in self.started:  # a list instance with its own start values begins afresh
            self.started.add(num_id)
            if self.overrides.get(num_id):
                counters.clear()
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else levels[ilvl].start
        for deeper in [k for k in counters if k > ilvl]:
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or restart > ilvl:  # w:lvlRestart="0" keeps counting
                del counters[deeper]
        level = levels[ilvl]
        if level.fmt == "bullet":
            return "-"
        if level.fmt == "none":
            return None

        def shown(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            lvl = levels.get(k, _Level())
            value = counters.get(k, lvl.start)
            return list_number(value, "decimal" if level.legal else lvl.fmt)

        text = re.sub(r"%([1-9])", shown, level.text).strip()
        return text or None


def _as_marker(label: str) -> str:
    """A number shown bare ("1", "b", "IV": Word puts a tab after it) written as a marker the reader knows."""
    if re.fullmatch(r"\d+(?:\.\d+)*", label):
        return f"{label}."
    if re.fullmatch(r"[a-z]|[ivx]{1,5}", label):
        return f"{label})"
    if re.fullmatch(r"[A-Z]|[IVX]{1,5}", label):
        return f"({label})"
    return label


def _level(lvl: Any) -> _Level:
    restart = _val(lvl, "lvlRestart")
    return _Level(
        start=int(_val(lvl, "start", "1") or 1),
        fmt=_val(lvl, "numFmt", "decimal") or "decimal",
        text=_val(lvl, "lvlText", "") or "",
        legal=lvl.find(_q("isLgl")) is not None and _val(lvl, "isLgl", "1") not in ("0", "false"),
        restart=int(restart) if restart is not None else None,
    )


def _read_numbering(root: Any) -> _Numbering:
    numbering = _Numbering()
    if root is None:
        return numbering
    for abstract in root.iter(_q("abstractNum")):
        aid = abstract.get(_q("abstractNumId"), "")
        link = _val(abstract, "numStyleLink")
        if link:
            numbering.style_links[aid] = link
        levels = numbering.abstract.setdefault(aid, {})
        for lvl in abstract.iter(_q("lvl")):
            ilvl = int(lvl.get(_q("ilvl"), "0"))
            levels[ilvl] = _level(lvl)
            style = _val(lvl, "pStyle")
            if style:
                numbering.style_levels[style] = (aid, ilvl)
    for num in root.iter(_q("num")):
        nid = num.get(_q("numId"), "")
        numbering.nums[nid] = _val(num, "abstractNumId", "") or ""
        for override in num.iter(_q("lvlOverride")):
            ilvl = int(override.get(_q("ilvl"), "0"))
            lvl = override.find(_q("lvl"))
            if lvl is not None:
                numbering.overrides.setdefault(nid, {})[ilvl] = _level(lvl)
            elif _val(override, "startOverride") is not None:
                numbering.overrides.setdefault(nid, {})[ilvl] = int(_val(override, "startOverride") or 1)
    return numbering


def _follow_list_styles(numbering: _Numbering, styles: dict[str, _Style]) -> None:
    """Point each list defined by a list style (w:numStyleLink) at the definition that style numbers with.

    Word writes a list that applies a multilevel list style ("Legal", "Treaty articles") as a
    definition without levels that names the style; the style's own list holds the levels and
    the counters, shared by every list that uses the style.
    """
    for nid, aid in list(numbering.nums.items()):
        seen: set[str] = set()
        while aid in numbering.style_links and aid not in seen:
            seen.add(aid)
            style = styles.get(numbering.style_links[aid])
            target = numbering.nums.get(style.num_id or "") if style is not None else None
            if target is None:
                break
            aid = target
        numbering.nums[nid] = aid


@attrs.frozen
class _Style:
    name: str
    based_on: str | None
    num_id: str | None
    ilvl: int | None
    outline: int | None


def _read_styles(root: Any) -> dict[str, _Style]:
    styles: dict[str, _Style] = {}
    if root is None:
        return styles
    for style in root.iter(_q("style")):
        ppr = style.find(_q("pPr"))
        numpr = ppr.find(_q("numPr")) if ppr is not None else None
        ilvl = _val(numpr, "ilvl")
        outline = _val(ppr, "outlineLvl")
        styles[style.get(_q("styleId"), "")] = _Style(
            name=(_val(style, "name", "") or "").lower(),
            based_on=_val(style, "basedOn"),
            num_id=_val(numpr, "numId"),
            ilvl=int(ilvl) if ilvl is not None else None,
            outline=int(outline) if outline is not None else None,
        )
    return styles


def _style_chain(styles: dict[str, _Style], style_id: str | None) -> Iterator[_Style]:
    seen: set[str] = set()
    while style_id and style_id in styles and style_id not in seen:
        seen.add(style_id)
        yield styles[style_id]
        style_id = styles[style_id].based_on


@attrs.define
class _Reader:
    """Walks document.xml and writes each paragraph as a line of numbered text."""

    numbering: _Numbering
    styles: dict[str, _Style]
    indent: bool = False  # write a list paragraph indented three spaces a level
    insertions: int = 0
    deletions: int = 0
    lines: list[str] = attrs.field(factory=list)
    #: The first paragraph in Word's Title style, taken as the title when the properties set none.
    title: str | None = None

    def body(self, element: Any) -> None:
        for child in element:
            if child.tag == _q("p"):
                self.paragraph(child)
            elif child.tag == _q("tbl"):
                self.table(child)
            elif child.tag in (_q("sdt"), _q("customXml"), _q("ins"), _q("moveTo")):
                content = child.find(_q("sdtContent"))
                self.body(content if content is not None else child)

    def paragraph(self, p: Any) -> None:
        text = " ".join(self.runs(p).split())
        ppr = p.find(_q("pPr"))
        rpr = ppr.find(_q("rPr")) if ppr is not None else None
        # a mark deleted, or moved away with its paragraph: accepted, it is not there
        mark_deleted = rpr is not None and (rpr.find(_q("del")) is not None or rpr.find(_q("moveFrom")) is not None)
        if mark_deleted and not text:  # deleted whole: accepted, it is gone, and so is its number in the count
            self.deletions += 1
            return
        label, level = self.number(ppr)
        heading = self.heading_level(ppr)
        if self.title == "" and text and not label and self.is_title(ppr):
            self.title = text  # the document's title, as Word's Title style says: not a heading over its text
            return
        if label == "-":
            line = f"- {text}" if text else ""
        elif label:
            line = f"{_as_marker(label)} {text}".strip()
        else:
            line = text
        if heading and line and not label:  # a numbered heading is a point: its number is what readers cite
            line = "#" * heading + " " + line
        elif self.indent and level and line:  # Word indents a list's levels: the reader nests by it
            line = "   " * level + line
        self.deletions += mark_deleted
        self.emit(line, run_on=mark_deleted)

    def emit(self, line: str, run_on: bool = False) -> None:
        """Add a paragraph's line; ``run_on``: its mark was deleted, so accepted it joins the next one."""
        if self.lines and self.lines[-1] == _RUN_ON:
            self.lines.pop()
            line = f"{self.lines.pop()} {line}".strip()
        if run_on:
            self.lines.extend([line, _RUN_ON])
        elif line:
            self.lines.extend([line, ""])

    def table(self, tbl: Any) -> None:
        """One line per row, cells joined by " | "; a row of one cell holding list paragraphs reads as they do.

        Numbered paragraphs in a table count in their list wherever they stand, as Word counts them,
        so the points after the table keep the numbers Word shows.
        """
        for row in tbl.iter(_q("tr")):
            cells = [list(cell.iter(_q("p"))) for cell in row.iter(_q("tc"))]
            filled = [ps for ps in cells if any((t.text or "").strip() for p in ps for t in p.iter(_q("t")))]
            if len(filled) == 1 and any(self.number_of(p) for p in filled[0]):
                self.lines.append("")
                for p in filled[0]:  # a point set in a table (a box, a layout grid): a point as any other
                    self.paragraph(p)
                continue
            shown = [" ".join(self.cell_text(p) for p in ps).strip() for ps in cells]
            if any(shown):
                self.lines.append(" | ".join(text for text in shown if text))
        self.lines.append("")

    def number_of(self, p: Any) -> bool:
        """The paragraph is in a list (directly or by its style), without advancing the count."""
        num_id, _level = self._list_of(p.find(_q("pPr")))
        return num_id is not None

    def _list_of(self, ppr: Any) -> tuple[str | None, int | None]:
        """The paragraph's list id and level, set on it or inherited from its style chain
        (``(None, None)`` outside a list; numId 0 switches an inherited list off)."""
        numpr = ppr.find(_q("numPr")) if ppr is not None else None
        num_id, ilvl = _val(numpr, "numId"), _val(numpr, "ilvl")
        level = int(ilvl) if ilvl is not None else None
        for style in _style_chain(self.styles, _val(ppr, "pStyle")):
            num_id = num_id or style.num_id
            level = level if level is not None else style.ilvl
        return (None, None) if num_id in (None, "0") else (num_id, level)

    def cell_text(self, p: Any) -> str:
        """A paragraph in a table cell, with the number Word shows before it (and counted)."""
        text = " ".join(self.runs(p).split())
        label, _level = self.number(p.find(_q("pPr")))
        return f"{_as_marker(label)} {text}" if label and label != "-" and text else text

    def runs(self, element: Any) -> str:
        """The text of a paragraph as it reads with every tracked change accepted."""
        out: list[str] = []
        for child in element:
            tag = child.tag
            if tag in (_q("del"), _q("moveFrom")):
                self.deletions += 1
                continue
            if tag in (_q("ins"), _q("moveTo")):
                self.insertions += 1
            if tag in (_q("pPr"), _q("rPr"), _q("instrText"), _q("delText")) or not isinstance(tag, str):
                continue
            if tag == _q("t"):
                out.append(child.text or "")
            elif tag in (_q("tab"), _q("br"), _q("cr")):
                out.append(" ")
            elif tag == _q("noBreakHyphen"):
                out.append("-")
            elif tag.endswith("}txbxContent") or tag.endswith("}Fallback"):
                continue  # text boxes and the fallback copy of drawings are not the paragraph's text
            else:
                out.append(self.runs(child))
        return "".join(out)

    def number(self, ppr: Any) -> tuple[str | None, int | None]:
        """The paragraph's displayed number (None if it shows none) and its list level (None outside a list)."""
        num_id, level = self._list_of(ppr)
        if num_id is None:
            return None, None
        style_id = _val(ppr, "pStyle")
        if level is None:  # the style is tied to a level of the list ("Article" style -> level 0)
            level = self.numbering.style_levels.get(style_id or "", ("", 0))[1]
        return self.numbering.label(num_id, level), level + self.style_depth(style_id)

    def style_depth(self, style_id: str | None) -> int:
        """How much deeper Word's own leveled list styles sit: "List Bullet 2" is one level in.

        Those styles are each a list of their own, all on level 0, indented by the style.
        """
        style = self.styles.get(style_id or "")
        m = _LIST_STYLE_RE.fullmatch(style.name) if style is not None else None
        return int(m.group(1)) - 1 if m else 0

    def is_title(self, ppr: Any) -> bool:
        style = self.styles.get(_val(ppr, "pStyle") or "")
        return style is not None and style.name == "title"

    def heading_level(self, ppr: Any) -> int | None:
        outline = _val(ppr, "outlineLvl")
        if outline is not None and outline.isdigit() and int(outline) < 9:
            return int(outline) + 1
        for style in _style_chain(self.styles, _val(ppr, "pStyle")):
            m = re.fullmatch(r"heading (\d)", style.name)
            if m:
                return int(m.group(1))
            if style.name == "title":
                return 1
            if style.outline is not None and style.outline < 9:
                return style.outline + 1
        return None


def _parse_xml(archive: zipfile.ZipFile, name: str, path: Path) -> Any:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > _MAX_PART:
        raise DocumentError(f"{path}: {name} inside the .docx unpacks to {info.file_size:,} bytes, too large "
                            "to be a document\n    fix: check the file; re-save it from Word")
    try:
        from lxml import etree
    except ImportError:
        raise extra_missing("docx", "lxml", path) from None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)
    try:
        return etree.fromstring(archive.read(name), parser)
    except (etree.XMLSyntaxError, zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError,
            zlib.error) as exc:
        raise DocumentError(f"{path}: the .docx is damaged ({name}: {exc})\n"
                            "    fix: open it in Word or LibreOffice and save it again") from None


def docx_to_text(path: str | Path, data: bytes | None = None, *,
                 indent: bool = False) -> tuple[str, list[str], str | None]:
    """A .docx file's text as numbered lines, notes on what was decided while reading it, and its title.

    ``data`` is the file's bytes when they have been read already (``path`` then only names the
    file in messages).  The title is the one set in the document's properties (File > Info), else the first
    paragraph in Word's Title style, None if neither.
    With ``indent``, a paragraph on a deeper level of a list is indented three spaces a level, as
    Word shows it, so the structure reader nests "(i)" under "(a)" and a bullet under its point.
    """
    p = Path(path)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data) if data is not None else p)
    except zipfile.BadZipFile:
        raise DocumentError(f"{p}: the .docx is damaged (not a readable zip file)\n"
                            "    fix: open it in Word or LibreOffice and save it again") from None
    with archive:
        document = _parse_xml(archive, "word/document.xml", p)
        if document is None:
            raise DocumentError(f"{p}: this zip file has no word/document.xml, so it is not a Word document\n"
                                "    fix: give the .docx saved by Word or LibreOffice")
        numbering = _read_numbering(_parse_xml(archive, "word/numbering.xml", p))
        styles = _read_styles(_parse_xml(archive, "word/styles.xml", p))
        _follow_list_styles(numbering, styles)
        reader = _Reader(numbering, styles, indent)
        core = _parse_xml(archive, "docProps/core.xml", p)
    title_element = core.find("{http://purl.org/dc/elements/1.1/}title") if core is not None else None
    title = " ".join((title_element.text or "").split()) if title_element is not None else ""
    reader.title = None if title else ""  # without a title in the properties, the Title paragraph is it
    body = document.find(_q("body"))
    if body is not None:
        reader.body(body)
    title = title or reader.title or ""
    notes = []
    if reader.insertions or reader.deletions:
        notes.append(f"The Word file has tracked changes ({reader.insertions} insertions, {reader.deletions} "
                     "deletions or moves); it was read with all of them accepted.")
    return "\n".join(line for line in reader.lines if line != _RUN_ON), notes, title or None
