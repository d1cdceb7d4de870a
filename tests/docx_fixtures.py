"""Build .docx files with Word's real automatic numbering, headings, tables and tracked changes.

python-docx writes the document; the list definitions (``w:abstractNum`` with
levels, ``w:num`` instances) and tracked changes are added as the XML Word
itself writes, so the importer is tested on numbers that are not in the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

#: (numFmt, lvlText) per level, outermost first.
Levels = Sequence[tuple[str, str]]


class WordDoc:
    """A document being built: add lists, numbered paragraphs, headings, tables and changes."""

    def __init__(self) -> None:
        self.doc = docx.Document()
        self._numbering = self.doc.part.numbering_part.element
        self._next_abstract = 100
        self._next_num = 100

    def new_list(self, levels: Levels, start: int = 1, restart_of: int | None = None) -> int:
        """Define a list; return its numId.  ``restart_of`` makes a new instance of that list starting afresh."""
        if restart_of is not None:
            abstract_id = self._abstract_of[restart_of]
            return self._add_num(abstract_id, override=start)
        abstract_id = self._next_abstract
        self._next_abstract += 1
        lvls = "".join(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="{start if i == 0 else 1}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
            for i, (fmt, text) in enumerate(levels)
        )
        abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
                             f'<w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>')
        first_num = self._numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            self._numbering.append(abstract)
        return self._add_num(abstract_id)

    @property
    def _abstract_of(self) -> dict[int, int]:
        return {int(n.get(qn("w:numId"))): int(n.find(qn("w:abstractNumId")).get(qn("w:val")))
                for n in self._numbering.findall(qn("w:num"))}

    def _add_num(self, abstract_id: int, override: int | None = None) -> int:
        num_id = self._next_num
        self._next_num += 1
        extra = (f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{override}"/></w:lvlOverride>'
                 if override is not None else "")
        self._numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                                         f'<w:abstractNumId w:val="{abstract_id}"/>{extra}</w:num>'))
        return num_id

    def para(self, text: str, num: int | None = None, level: int = 0, style: str | None = None):
        p = self.doc.add_paragraph(text, style=style)
        if num is not None:
            ppr = p._p.get_or_add_pPr()
            ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
                                 f'<w:numId w:val="{num}"/></w:numPr>'))
        return p

    def heading(self, text: str, level: int = 1):
        return self.doc.add_heading(text, level=level)

    def table(self, rows: Sequence[Sequence[str]]) -> None:
        table = self.doc.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.cell(r, c).text = value

    def tracked(self, before: str, deleted: str, inserted: str, after: str) -> None:
        """A paragraph with a tracked deletion and insertion: 'before [deleted→inserted] after'."""
        p = self.doc.add_paragraph(before)
        stamp = 'w:id="{}" w:author="Negotiator" w:date="2026-01-01T00:00:00Z"'
        p._p.append(parse_xml(f'<w:del {nsdecls("w")} {stamp.format(1)}><w:r><w:delText xml:space="preserve">'
                              f'{deleted}</w:delText></w:r></w:del>'))
        p._p.append(parse_xml(f'<w:ins {nsdecls("w")} {stamp.format(2)}><w:r><w:t xml:space="preserve">'
                              f'{inserted}</w:t></w:r></w:ins>'))
        p.add_run(after)

    def save(self, path: Path) -> Path:
        self.doc.save(str(path))
        return path


def link_style(doc: WordDoc, style_name: str, num_id: int, level: int = 0) -> None:
    """Make a paragraph style number its paragraphs, as Word's "Article" or "Heading 1" styles often do."""
    from docx.enum.style import WD_STYLE_TYPE

    styles = doc.doc.styles
    style = styles[style_name] if style_name in [s.name for s in styles] else styles.add_style(
        style_name, WD_STYLE_TYPE.PARAGRAPH)
    ppr = style.element.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def delete_paragraph_mark(paragraph) -> None:
    """Record the paragraph's end as deleted: accepted, it runs on into the next paragraph."""
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:rPr {nsdecls("w")}><w:del w:id="9" w:author="Negotiator" '
                         'w:date="2026-01-01T00:00:00Z"/></w:rPr>'))


def moved(paragraph, moved_from: str, moved_to: str) -> None:
    """Add a tracked move: ``moved_from`` leaves this paragraph, ``moved_to`` arrives in it."""
    stamp = 'w:author="Negotiator" w:date="2026-01-01T00:00:00Z"'
    paragraph._p.append(parse_xml(f'<w:moveFrom {nsdecls("w")} w:id="21" {stamp}><w:r><w:t xml:space="preserve">'
                                  f'{moved_from}</w:t></w:r></w:moveFrom>'))
    paragraph._p.append(parse_xml(f'<w:moveTo {nsdecls("w")} w:id="22" {stamp}><w:r><w:t xml:space="preserve">'
                                  f'{moved_to}</w:t></w:r></w:moveTo>'))
