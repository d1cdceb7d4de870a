"""Import a numbered plain-text (or Markdown) document as a :class:`~peacediff.model.Version`.

Real drafts arrive copied out of PDFs, word processors and e-mails, so the
reader is forgiving about layout and strict about never losing text:

* **Points** start at a marker at the beginning of a line: ``1.``, ``1)``,
  ``(1)``, ``1.2``, ``Point 1:``, ``Article 1 -``, ``Article IV``,
  ``Section 2.``, ``Clause 3``, ``Paragraph 4``, ``§ 1`` (Markdown ``#``
  headings and ``**bold**`` around a marker are ignored).  A marker may stand
  alone on its line ("Article 5"); the point's text is then on the lines that
  follow.  A heading after the marker ("Article 5 - Elections", or a short
  title line under it) stays part of the point's text, set off from the
  sentence below by " — ", so alignment and diffs see it.
* **Sub-points**: ``a)``, ``(a)``, ``a.`` (single letters or roman numerals)
  nest under the point or numbered paragraph above them.  In a document whose
  points are Articles / Sections / Clauses, numbered paragraphs (``1.``,
  ``(1)``) are sub-points of their article, as in statutes and treaties.
  Bullets (``-``, ``*``, ``•``) indented under a point, right under a line
  that opens a list ("... as follows:"), or in an article are unnumbered
  sub-points; a bullet level with numbered points is an unnumbered point of
  its own.
* **Nesting by indentation**: a sub-point, bullet or parenthesised number
  indented deeper than the line above nests under it ("(i)" under "(a)"
  under "1."), level with it is its sibling; spaces or tabs, as long as a
  level is indented the same way (Markdown nested lists read the same way).
* **Prefixed numbers**: "SG-1.", "EU-3 -", "A-12:" are point numbers when the
  prefix numbers two or more lines in rising order (or one line numbered 1);
  "COVID-19 cases" is a sentence.
* **Wrapped lines** continue the point above (a word hyphenated at the line
  end is joined back; "Page 3 of 12" and "- 3 -" lines are page furniture).  A line that merely begins with
  a figure ("100 days after signing", "2026. The parties ...") is not a marker
  unless it carries a marker's punctuation and keeps the numbering in step.
* **Headings** between points ("CHAPTER II - SECURITY", "Part Three",
  "## Economy", or "CHAPTER II" over "OBLIGATIONS") become the ``category``
  of the points under them, nested by rank ("PART II — SECTION 2. ...").
  They never renumber the points: only groups whose numbering really
  restarts are qualified ("II.1").  In a treaty of Articles, "SECTION 2."
  lines that each open a run of articles are headings too.
* **Treaty structures**: suffixed articles ("Article 4bis", "Article 5 ter",
  "Article 7A") are articles of their own; lettered articles ("Article A" ...
  "Article O") keep C, D, I, L, M, V as letters; annexes, schedules and
  appendices whose numbering restarts are their own group ("Annex-I.1");
  numbered recitals before "Article 1" and the enacting formula ("Have
  agreed as follows:") belong to the preamble; an article whose body opens
  with numbered paragraphs keeps "Article 5" as its text.  Every such guess
  is written into the version's ``note``.
* Text before the first marker becomes an unnumbered preamble point.  A
  document with no markers at all becomes one provision per paragraph,
  numbered 1, 2, 3 ..., or, when it bullets its points, one unnumbered
  provision per bullet.

Example::

    >>> from peacediff.plaintext import parse_text
    >>> v = parse_text("1. Ceasefire.\\n2. Elections within\\n100 days.\\n  a) Observers.", "draft")
    >>> [p.number for p in v.provisions], v.provisions[1].text, v.provisions[1].subpoints[0].text
    (['1', '2'], 'Elections within 100 days.', 'Observers.')
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from peacediff._documents import DocumentError, PlainTextError, decode_text, sniff, version_id_for
from peacediff._files import MAX_DOCUMENT_BYTES, FileProblem, read_document
from peacediff._messages import shown
from peacediff._numberwords import roman_value
from peacediff.model import MAX_DEPTH, Provision, Version

__all__ = ["PlainTextError", "load_text", "parse_lines", "parse_text"]

_KEYWORD = r"(?:point|article|art\.|section|sec\.|clause|paragraph|para\.|rule|item|§§?)"
_ROMAN = r"(?-i:[IVXLC]+)"
#: Latin suffixes of articles inserted between two others: "4bis", "5 ter", "12quater".
_LATIN = r"(?:bis|ter|quater|quinquies|sexies|septies|octies|novies|nonies|decies)"
#: "Article 5", "Article IV.", "Article 4bis", "Article 7A", "Article C", "§ 3 -", "Section 2.1:".
_KEYWORD_RE = re.compile(
    rf"^(?P<kw>{_KEYWORD})\s*(?P<num>\d+(?:[\s-]?{_LATIN}|[a-z])?(?:\.\d+)*|{_ROMAN}(?:[\s-]?{_LATIN})?|(?-i:[A-Z]))\b"
    r"(?P<punct>[.:)]?\s*[-–—:.]?)\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
#: "1.", "1)", "(1)", "1:", "1 -", "2.3", "2.3.", "(2a)", "4bis." - a numeric marker with its punctuation.
#: A line that opens with a decimal digit outside ASCII (Arabic-Indic, Devanagari, full-width, ...).
_OTHER_DIGIT_MARKER_RE = re.compile(r"^[ \t(]*(?![0-9])\d", re.MULTILINE)
_NUMBER_RE = re.compile(
    rf"^(\()?(\d+(?:\.\d+)*(?:{_LATIN}|[a-z](?=[.)]))?)(\.|\)|:|\s+[-–—]|(?<=\d)(?=\s))(?:\s+|$)(.*)$"
)
#: Letters that are also roman numerals: read as letters only in a document that letters its articles.
_ROMAN_LETTERS = frozenset("CDILMVX")
#: Keywords that name the same kind of division ("Art. 5" and "Article 6" are both articles).
_KIND = {"art.": "article", "sec.": "section", "para.": "paragraph", "§§": "§"}
#: Division words that open a group whose numbering restarts: annexes and the like.
_ANNEX_RE = re.compile(r"^(annex|schedule|appendix)\b\s*(\d+[A-Z]?(?:-[A-Z0-9]+)?|[IVXLC]+|[A-Z])?\b", re.IGNORECASE)
_BARE_ANNEX_RE = re.compile(r"^(?:annex|schedule|appendix)\s*:?$", re.IGNORECASE)
#: The formula between a treaty's preamble and its articles: "Have agreed as follows:", "HAVE ADOPTED ...:".
_ENACTING_RE = re.compile(r"^(?:\w+\s+){0,6}?(?:have|has)\s+(?:agreed|adopted|decided|resolved)\b.*:$", re.IGNORECASE)
#: Rank of a division heading: a heading closes those of its own rank or lower ("Chapter 2" ends "Section 3").
_RANKS = {"annex": 0, "schedule": 0, "appendix": 0, "book": 1, "part": 1, "title": 1, "subpart": 2,
          "chapter": 2, "division": 3, "section": 4, "subsection": 5}
#: "(a)", "a)", "a.", "(iv)", and in capitals only between parentheses: "(A)", "(IV)" as in statutes.
_SUB_RE = re.compile(r"^(?:\(?([a-z]|[ivx]{1,5})[.)]|\(([A-Z]|[IVX]{1,5})\))\s+(.*)$")
_BULLET_RE = re.compile(r"^[-*•–·]\s+(.*)$")
#: "SG-1.", "EU-3", "A-12:": a point number behind a short prefix of letters and a hyphen.
_PREFIXED_RE = re.compile(
    r"^(?P<prefix>[A-Z][A-Za-z]{0,9}-)(?P<num>\d{1,6}[a-z]?)(?P<punct>[.:)]|\s+[-–—])?(?:\s+|$)(?P<rest>.*)$"
)
_HEADING_WORDS = "Chapter|Part|Title|Annex|Schedule|Appendix|Division|Subpart"
#: "Chapter II", "PART THREE", "Annex 1 - Maps": a capitalised division word and its label.
_HEADING_WORD_RE = re.compile(
    rf"^(?:{_HEADING_WORDS}|{_HEADING_WORDS.upper()})\s+(\d+[A-Z]?|{_ROMAN}|[A-Z][a-zA-Z]*)\b(.*)$"
)
#: What may follow the label on a line that does not follow a break: nothing or a titled separator.
_HEADING_TAIL_RE = re.compile(r"^\s*(?:$|[-–—:.]\s*\S)")
_MARKDOWN_HEADING_RE = re.compile(r"^#{1,6}\s+")
_BOLD_RE = re.compile(r"\*\*")
#: Markdown a renderer does not show as such: a rule or setext underline, a table row and its rule, a quote, a link.
_MD_RULE_RE = re.compile(r"^(?:={3,}|-{3,}|\*{3,}|_{3,})$")
_MD_TABLE_RE = re.compile(r"^\|.*\|$")
_MD_TABLE_RULE_RE = re.compile(r"^\|[\s:|-]*-[\s:|-]*\|$")
_MD_FENCE_RE = re.compile(r"^\s{0,3}(?:`{3,}|~{3,})")
#: Marks a line of a fenced code block for the structure reader: it matches no marker; taken off when read.
_VERBATIM = "\x00"
_MD_QUOTE_RE = re.compile(r"^(?:>\s?)+")
_MD_LINK_RE = re.compile(r"\[([^\[\]\n]+)\]\([^()\s]+(?:\s+\"[^\"]*\")?\)")
#: Markdown emphasis around words ("*Whereas*", "_inter alia_"): the reader sees the words, not the marks.
_EMPHASIS_RE = re.compile(r"(?<![\w*])([*_])(?![\s*_])([^*_\n]+?)(?<![\s*_])\1(?![\w*])")
_YEAR_RE = re.compile(r"^(?:1[89]|20)\d\d$")
#: Page furniture left by PDF copies: "Page 3", "Page 3 of 12", "- 3 -".
_PAGE_RE = re.compile(r"^(?:page\s+\d+(?:\s*(?:of|/)\s*\d+)?|[-–—]\s*\d+\s*[-–—])$", re.IGNORECASE)


#: Words a wrapped line may end on but a title would not ("... shall be held in" / "Ukraine").
_OPEN_ENDINGS = frozenset(
    {
        "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "than",
        "that", "the", "to", "under", "upon", "which", "who", "with", "within",
    }
)


def _is_title_line(line: str, width: int, following: str, apart: bool = False) -> bool:
    """True for a short heading line on its own ("Subject matter") above the text it titles.

    The break after it must be deliberate: the next line's first word would have
    fitted on it, ``width`` being the source line's full width with its marker
    (a hard-wrapped "1. ... if Ukraine invades" / "Russia." fails that, at any
    wrap column, because a greedy wrapper breaks only when the word does not fit),
    or a blank line must stand between them (``apart``).
    """
    words = line.split()
    next_words = following.split()
    return (
        len(words) <= 8
        and line[:1].isupper()
        and not line.endswith((".", ";", ",", ":", "-", "—", "–"))
        and words[-1].lower() not in _OPEN_ENDINGS
        and (following[:1].isupper() or following[:1] in "\"“'‘(")
        and (apart or max(width, len(line)) + 1 + len(next_words[0]) <= len(following))
    )


@attrs.define
class _Node:
    """A point or sub-point being read: its marker, its lines, its children."""

    number: str | None
    line: int
    kind: str  # "keyword", "number", "sub", "bullet", "paragraph"
    category: str | None = None
    lines: list[str] = attrs.field(factory=list)
    children: list[_Node] = attrs.field(factory=list)
    #: Width of the source line the first text line came from, marker and indent included.
    first_width: int = 0
    #: The marker as a reader sees it ("Article 5"): the text of an article that has only paragraphs.
    marker: str | None = None
    #: The annex, schedule or appendix the point belongs to ("Annex-I"), None in the main text.
    annex: str | None = None
    #: Columns of white space before the marker (a tab counts 4): how deep the author nested it.
    indent: int = 0
    #: The form of its marker ("(a)", "(1)", "1.", "(i)"): in an article that does not indent, its level.
    style: str = ""
    #: A blank line stands between its first line and the second: no wrapped sentence runs across it.
    apart: bool = False

    def add(self, text: str, source_width: int) -> None:
        if not self.lines:
            self.first_width = source_width
        self.lines.append(text)

    def text(self) -> str:
        out = ""
        for k, line in enumerate(self.lines):
            if not out:
                glue = ""
            elif out[-1] == "-" and out[-2:-1].isalpha() and line[:1].islower():
                glue = ""  # "recon-" / "struction": a word broken at the line end
            elif k == 1 and _is_title_line(self.lines[0], self.first_width, line, self.apart):
                glue = " — "  # "Definitions" over "For the purposes of ...": keep them apart
            else:
                glue = " "
            out += glue + line
        return out

    def to_provision(self) -> Provision:
        subs = [c.to_provision() for c in _unique_labels(self.children)]
        text = self.text()
        if not text and subs:  # a bare heading over its paragraphs: its heading is its text
            text = self.marker or (f"{self.number}" if self.number is not None else "Preamble")
        return Provision(text=text, number=self.number, category=self.category, subpoints=subs)


def parse_text(text: str, version_id: str, *, title: str | None = None, source: str = "<text>",
               **metadata: Any) -> Version:
    """Parse numbered plain text (or Markdown) into a Version without lineage keys.

    ``source`` names the document in error messages (``file:line: problem`` and
    a fix).  Extra keyword arguments are passed to :class:`Version`.
    """
    return parse_lines(text, version_id, title, source, None, metadata)


def parse_lines(text: str, version_id: str, title: str | None, source: str, untitled: str | None,
                metadata: dict[str, Any], headings_title: bool = True) -> Version:
    """:func:`parse_text` with every choice explicit, for the document importers, which hand their
    format's lines to this one structure reader; ``untitled`` is the title instead of the id when
    the text has no title line.

    Without ``headings_title`` (a PDF's or web page's lines, whose title is named elsewhere), a heading
    that rules the points stays their category; only a line that would otherwise be lost or read as
    a provision of its own is taken as the title.
    """
    source = shown(source)
    if not text.strip():
        raise PlainTextError(f"{source}:1:1: the document is empty\n    fix: give a file with one numbered point "
                             "per line, e.g. '1. First point'")
    _check_characters(text, source)
    points, notes = _read_points(text, source)
    if _OTHER_DIGIT_MARKER_RE.search(text):
        notes.append("Point numbers written in non-ASCII digits are stored as ASCII digits (١ as 1).")
    # With a title given, a heading line is taken only when it is that title, shown twice
    # ("<h1>Treaty</h1>" under "<title>Treaty</title>").
    found = _document_title(text, points, headings_title or bool(title))
    if title and found is not None and found[1] != title:
        found = None
    if found is not None:
        points = _without_title(points, found[1])
    _settle_preamble_heading(points)
    provisions = tuple(_built(n, source) for n in points)
    if notes:
        metadata["note"] = " ".join([metadata["note"], *notes] if metadata.get("note") else notes)
    chosen = title or (found[1] if found else version_id)
    if not title and untitled is not None and chosen == version_id:
        chosen = untitled
    try:
        return Version(id=version_id, title=chosen, provisions=provisions, **metadata)
    except (TypeError, ValueError) as exc:
        raise PlainTextError(f"{source}: {exc}\n    fix: check the document and the options given") from None


def _read_points(text: str, source: str) -> tuple[list[_Node], list[str]]:
    """The document's points, and what the reader had to guess about its structure (for the notes)."""
    lines = list(_clean_lines(text))
    bodies = [_MARKDOWN_HEADING_RE.sub("", line) for _, line in lines]
    markers = _KeywordMarkers()
    keyword_doc = any(markers[body] for body in bodies)
    notes: list[str] = []
    _note_worded_numbers(bodies, notes)
    divisions, division_heads = _divisions(lines, notes)
    raws = text.splitlines()
    layout = _Layout(
        widths={number: len(raw.rstrip()) for number, raw in enumerate(raws, start=1)},
        indents={number: _indent(raw) for number, raw in enumerate(raws, start=1)},
        prefixes=_number_prefixes(bodies, notes),
        divisions=divisions,
        division_heads=division_heads,
        numbered_heads=_numbered_headings(lines),
    )
    bulleted = any(_BULLET_RE.match(body) for body in bodies)
    marked = (keyword_doc or bool(layout.prefixes) or bool(divisions)
              or any(_numeric_marker(body, None) for body in bodies)
              or (bulleted and any(_SUB_RE.match(body) for body in bodies))
              or sum(1 for body in bodies if _SUB_RE.match(body)) >= 2)
    if marked:
        nodes = _read_marked(lines, layout, keyword_doc, _heading_kinds(bodies, notes, markers), notes, markers)
        _note_loose_bullets(nodes, notes)
    else:
        nodes = _read_paragraphs(lines, layout, notes)
    points = _fold_recitals([n for n in nodes if n.lines or n.children], notes)
    _note_nesting_by_form(points, notes)
    lettered = [n for n in points if n.kind == "sub"]
    if lettered:
        plural = "s" if len(lettered) > 1 else ""
        notes.append(f"Read {len(lettered)} lettered line{plural} ('({lettered[0].number})' …) above any numbered "
                     "point as points of their own.")
    if layout.numbered_heads:
        first = next(line for lineno, line in lines if lineno in layout.numbered_heads)
        notes.append(f"Read the numbered Markdown headings ('{_MARKDOWN_HEADING_RE.sub('', first)}' …) as headings "
                     "over their own numbered lists, not as points.")
    _note_lettered_articles(points, notes)
    _qualify_annexes(points, notes)
    _qualify_restarts([n for n in points if n.annex is None], notes)
    _check_unique_numbers(points, source)
    return points, notes


@attrs.frozen
class _Layout:
    """What the reader knows of a document's lines beyond their text."""

    widths: dict[int, int]  # line number -> width of the source line
    indents: dict[int, int]  # line number -> columns of white space before its text
    prefixes: frozenset[str]  # prefixes that number the points ("SG-")
    #: line number -> (label, text) of the lines numbered "I.", "II." or "A.", "B." in sequence
    divisions: dict[int, tuple[str, str]] = attrs.field(factory=dict)
    division_heads: bool = False  # those lines head groups of numbered points rather than being points
    #: Markdown headings numbered "## 1. Security" over a numbered list of their own: headings, not points
    numbered_heads: frozenset[int] = frozenset()


def _indent(raw: str) -> int:
    """Columns of white space at the start of a line, a tab counting 4 (as Markdown counts it)."""
    lead = raw[:len(raw) - len(raw.lstrip(" \t"))]
    return len(lead.expandtabs(4))


@attrs.frozen
class _Prefixed:
    """A prefixed point number read off a line: "SG-4. The framework ..."."""

    prefix: str  # "SG-"
    number: int  # 4
    label: str  # "SG-4"
    rest: str
    bare: bool  # no punctuation after the number: a marker only when it keeps the count


#: What may open a sentence before its capital: a defined term in quotes ('1.1 "Goods" means').
_OPENERS = "\"“'‘«„(["


def _opens_sentence(rest: str) -> bool:
    """``rest`` starts like a sentence: a capital, perhaps behind opening quotes or a bracket."""
    return rest.lstrip(_OPENERS)[:1].isupper()


def _prefixed(line: str) -> _Prefixed | None:
    """The prefixed number ("SG-1.", "EU-3 -", "A-12 The ...") ``line`` starts with, else None.

    As with "Article 5", a bare number must be followed by a capital: "COVID-19 cases rose"
    is a sentence, not a point.
    """
    m = _PREFIXED_RE.match(line)
    if m is None:
        return None
    rest, bare = m.group("rest").strip(), m.group("punct") is None
    if bare and not _opens_sentence(rest):
        return None
    digits = re.match(r"\d+", m.group("num"))
    assert digits is not None
    return _Prefixed(m.group("prefix"), int(digits.group()), m.group("prefix") + m.group("num"), rest, bare)


def _number_prefixes(bodies: list[str], notes: list[str]) -> frozenset[str]:
    """Prefixes that number the document's points: "SG-" in "SG-1. ..." / "SG-2. ...".

    A prefix counts when the document uses it on at least two lines whose numbers rise (or on one
    line numbered 1), so a sentence that merely opens with "COVID-19." or "G-7" does not.
    """
    runs: dict[str, list[str]] = {}
    last: dict[str, int] = {}
    for body in bodies:
        found = _prefixed(body)
        if found is None:
            continue
        before = last.get(found.prefix)
        if before is None or found.number == before + 1 or (not found.bare and found.number > before):
            runs.setdefault(found.prefix, []).append(found.label)
            last[found.prefix] = found.number
    chosen = {prefix for prefix, labels in runs.items() if len(labels) >= 2 or labels == [f"{prefix}1"]}
    for prefix in sorted(chosen):
        labels = runs[prefix]
        notes.append(f"Read '{labels[0]}'{' … ' + repr(labels[-1]) if len(labels) > 1 else ''} as point numbers: "
                     f"the prefix '{prefix}' numbers {len(labels)} point{'s' if len(labels) > 1 else ''} in sequence.")
    return frozenset(chosen)


def _note_nesting_by_form(points: list[_Node], notes: list[str]) -> None:
    """Say so when a numbered paragraph was nested under a lettered one by the form of the markers alone."""
    for point in points:
        for parent in _walk_nodes(point.children):
            child = next((c for c in parent.children if c.kind == "number"), None)
            if parent.kind == "sub" and child is not None and point.kind == "keyword":
                notes.append(f"Read '({child.number})' under '({parent.number})' in {point.marker} as its paragraph: "
                             "the lines are not indented, so markers nest by their form, (a) > (1) > (A) > (i), "
                             "as in statutes.")
                return


def _note_loose_bullets(nodes: list[_Node], notes: list[str]) -> None:
    """Say so when bulleted items level with numbered points were read as provisions of their own."""
    first = next((i for i, n in enumerate(nodes) if n.number is not None), None)
    loose = [n for n in nodes[first:] if n.kind == "bullet"] if first is not None else []
    if loose:
        notes.append(f"Read {len(loose)} bulleted item{'s' if len(loose) > 1 else ''} level with the numbered points "
                     "as unnumbered provisions of their own, not as part of the point above.")
    listed = [n for n in nodes if n.kind == "number" and any(c.kind == "bullet" and c.indent == n.indent
                                                              for c in n.children)]
    if listed:
        notes.append(f"Read the bullets right under point {listed[0].number}{' and others' if len(listed) > 1 else ''}"
                     ", level with it, as its sub-points: the point's text opens a list (it ends with ':').")


def _without_title(points: list[_Node], title: str) -> list[_Node]:
    """The points with the title taken out: no preamble of it, no category prefix of it."""
    if points[0].number is None and points[0].lines == [title] and not points[0].children:
        points = points[1:]
    for node in points:
        if node.category == title:
            node.category = None
        elif node.category is not None and node.category.startswith(title + " — "):
            node.category = node.category[len(title) + 3:]
    return points


def _settle_preamble_heading(points: list[_Node]) -> None:
    """Keep a heading over the preamble only where no later point keeps it: its text is never lost.

    A heading that goes on ruling the points below ("# River Treaty" over "## Part I") is already
    in their categories; one closed before the first point ("AGREEMENT ..." over the recitals, then
    "PART I") is shown only on the preamble.
    """
    if not points or points[0].number is not None or points[0].category is None:
        return
    heading = points[0].category
    if any(n.category and (n.category == heading or n.category.startswith(heading + " — ")) for n in points[1:]):
        points[0].category = None


def _built(node: _Node, source: str) -> Provision:
    try:
        return node.to_provision()
    except (TypeError, ValueError) as exc:  # e.g. a text over the model's limits
        raise PlainTextError(f"{source}:{node.line}: {exc}\n    fix: correct the point on this line") from None


#: The most text one plain-text document may hold, the same bound as for a version file.
MAX_TEXT_BYTES = MAX_DOCUMENT_BYTES


def _check_characters(text: str, source: str) -> None:
    """Refuse what no draft contains and the model cannot hold: NUL bytes (a binary or UTF-16 file)."""
    at = text.find("\x00")
    if at >= 0:
        line = text.count("\n", 0, at) + 1
        col = at - (text.rfind("\n", 0, at) + 1) + 1
        raise PlainTextError(
            f"{source}:{line}:{col}: the text contains a NUL byte (U+0000), which no draft contains"
            "\n    fix: the file is probably binary or UTF-16: export the draft as UTF-8 plain text"
        )


def _document_title(text: str, points: list[_Node], headings: bool = True) -> tuple[int, str] | None:
    """``(line, title)`` when the document opens with a title line, else None.

    A title is the first line, standing alone, shaped like a heading ("TWENTY-POINT PEACE
    FRAMEWORK", "# Draft plan", "Peace Framework for Ukraine") and not a chapter heading.
    As a heading it must rule every point, or be followed by another heading before the
    first point ("# Plan" over "## Security"): a first "SECURITY" heading followed later by
    "ECONOMY" is a category.  Without a heading's form it must have been read as a one-line
    preamble above the numbered points.
    """
    first = next(((n, line) for n, line in _clean_lines(text) if line), None)
    if first is None or not points:
        return None
    lineno, line = first
    md = _MARKDOWN_HEADING_RE.match(line)
    if md and not line.startswith("# "):
        return None  # "## Security" opens a section, not the document
    candidate = line[md.end():].strip() if md else line
    if (not candidate or len(candidate) > 150 or candidate.endswith((".", ";", ",", ":"))
            or _HEADING_WORD_RE.match(candidate) or _keyword_marker(candidate)
            or _numeric_marker(candidate, None) or _SUB_RE.match(candidate) or _BULLET_RE.match(candidate)):
        return None
    # every point but a preamble (text before the first marker, above any heading) and the annexes,
    # whose headings close the title's
    numbered = [n for n in points if (n.number is not None or n is not points[0] or n.kind == "bullet")
                and n.annex is None]
    categories = [n.category or "" for n in numbered]
    rules_all = bool(categories) and all(c == candidate or c.startswith(candidate + " — ") for c in categories)
    over_heading = bool(categories) and categories[0].startswith(candidate + " — ")
    preamble = points[0].number is None and points[0].lines == [candidate] and not points[0].children
    # "AGREEMENT ON ..." over "The High Contracting Parties, ...", closed by "PART I": the treaty's
    # title, whole when it was wrapped over two lines
    heading = points[0].category if points[0].number is None else None
    if heading and (heading == candidate or heading.startswith(candidate + " ")) and not any(
            c == heading or c.startswith(heading + " — ") for c in categories):
        return lineno, heading
    ruling = headings and (rules_all or over_heading)
    return (lineno, candidate) if ruling or (preamble and len(points) > 1) else None


def _clean_lines(text: str) -> Iterator[tuple[int, str]]:
    """Line numbers and lines as a reader sees them; blank lines and page furniture as ``""``.

    Markdown's marks are read as a renderer shows them: no emphasis marks, a link as its text,
    a quoted line without its ">", a table row as cells joined by " | " (its rule row left out),
    "Title" over "=====" or "-----" as a heading, and a rule line ("---") as a break.
    """
    raws = text.splitlines()
    fenced = False
    for number, raw in enumerate(raws, start=1):
        if _MD_FENCE_RE.match(raw):
            fenced = not fenced
            yield number, ""
            continue
        if fenced:  # "2. not a point" in a code block: text as written, never a marker or a heading
            yield number, _VERBATIM + raw.strip() if raw.strip() else ""
            continue
        line = _markdown_inline(raw)
        if _MD_RULE_RE.match(line) or _PAGE_RE.match(line):
            yield number, ""
        elif _MD_TABLE_RE.match(line):
            if not _MD_TABLE_RULE_RE.match(line):
                yield number, " | ".join(cell.strip() for cell in line.strip("|").split("|"))
        else:
            # Only a line of "=", "-", "*" or "_" can underline a heading: read no other one twice.
            below = raws[number].strip() if number < len(raws) else ""
            underline = _markdown_inline(below) if below[:1] in ("=", "-", "*", "_", ">") else ""
            setext = _MD_RULE_RE.match(underline) and line and not _starts_like_a_point(line)
            yield number, (("# " if underline[:1] == "=" else "## ") + line) if setext else line


def _markdown_inline(raw: str) -> str:
    # Most lines hold no Markdown at all: test for each mark's character before its pattern
    # (a 20,000-point draft spent a fifth of its reading time in these substitutions).
    line = raw.strip()
    if line[:1] == ">":
        line = _MD_QUOTE_RE.sub("", line)
    if "](" in line:
        line = _MD_LINK_RE.sub(r"\1", line)
    if "*" in line or "_" in line:
        line = _EMPHASIS_RE.sub(r"\2", _BOLD_RE.sub("", line))
    return line.strip()


def _starts_like_a_point(line: str) -> bool:
    """The line opens with a marker or a bullet: over "---", it is not a Markdown heading."""
    return bool(line[:1].isdigit() or line[:1] in "(#" or _BULLET_RE.match(line) or _keyword_marker(line))


@attrs.frozen
class _Keyword:
    """A keyword marker read off a line: "Article 5 ter - Elections"."""

    kind: str  # "article", "section", "§" ...
    number: str  # "5ter"
    marker: str  # "Article 5ter"
    rest: str  # "Elections"
    set_off: bool = False  # a dash or colon sets the rest off from the number: a title ("Article 1 - Scope")


def _keyword_marker(line: str) -> _Keyword | None:
    """The keyword marker ("Article 5", "Art. 4bis", "§ 3") ``line`` starts with, else None.

    "Article 5 of the Charter applies" is a cross-reference in a wrapped line,
    not a new point: after the number comes nothing, punctuation, or a capital.
    """
    m = _KEYWORD_RE.match(line)
    if not m:
        return _worded_marker(line)
    punct, rest = m.group("punct").strip(), m.group("rest").strip()
    if rest and not punct and not _opens_sentence(rest):
        return None
    word = m.group("kw").lower()
    # "5 ter" / "5 TER" -> "5ter", a label without spaces; "7a" and "7A" stay apart
    number = re.sub(rf"[\s-]*({_LATIN})", lambda latin: latin.group(1).lower(), ascii_digits(m.group("num")),
                    flags=re.I)
    shown = m.group("kw") if not m.group("kw").isalpha() else m.group("kw").capitalize()
    set_off = any(c in punct for c in "-–—:")
    return _Keyword(_KIND.get(word, word), number, f"{shown} {number}", rest, set_off)


class _KeywordMarkers(dict[str, "_Keyword | None"]):
    """:func:`_keyword_marker` of each line body, read once per document (three passes ask)."""

    def __missing__(self, body: str) -> _Keyword | None:
        found = self[body] = _keyword_marker(body)
        return found


#: "ARTICLE ONE", "Section Twenty-Two", "Article premier": a keyword and its number in words.
_WORDED_RE = re.compile(rf"^(?P<kw>{_KEYWORD})\s+(?P<tail>(?:[A-Za-z]|1er\b).*)$", re.IGNORECASE)
_FIRST_RE = re.compile(r"(?:premier|1er)\b", re.IGNORECASE)
_AFTER_NUMBER_RE = re.compile(r"[.:)]?\s*[-–—:.]?\s*")


def _worded_marker(line: str) -> _Keyword | None:
    """A keyword marker whose number is written in words ("ARTICLE ONE - SCOPE"), else None."""
    m = _WORDED_RE.match(line)
    if m is None:
        return None
    tail = m.group("tail")
    first = _FIRST_RE.match(tail)
    if first is not None:
        value, end = 1, first.end()
    else:
        from peacediff._numberwords import read_number

        phrase = read_number(tail.lower(), 0)
        if phrase is None or phrase.kind != "cardinal" or not phrase.value.is_integer() or phrase.value < 1:
            return None
        value, end = int(phrase.value), phrase.end
    after = _AFTER_NUMBER_RE.match(tail, end)
    assert after is not None
    punct, rest = after.group().strip(), tail[after.end():].strip()
    if (rest and not punct and not _opens_sentence(rest)) or (end < len(tail) and tail[end].isalnum()):
        return None
    word = m.group("kw").lower()
    return _Keyword(_KIND.get(word, word), str(value), line[:m.start("tail") + end].strip(), rest,
                    any(c in punct for c in "-–—:"))


def _note_worded_numbers(bodies: list[str], notes: list[str]) -> None:
    worded = [body for body in bodies if _KEYWORD_RE.match(body) is None and _worded_marker(body)]
    if worded:
        k = _worded_marker(worded[0])
        assert k is not None
        notes.append(f"Read numbers written in words as point numbers ('{k.marker}' as {k.number}).")


def _heading_kinds(bodies: list[str], notes: list[str], markers: _KeywordMarkers) -> frozenset[str]:
    """Keyword kinds that head groups of the document's points rather than being points.

    In a treaty whose points are Articles, "SECTION 2. INTERPRETATION" lines
    are headings when there are fewer of them than articles and each is
    followed by an article; in a constitution whose Articles hold Sections, the
    reverse.  Only the more frequent kind of marker is read as points (on a
    tie, the kind that comes second).
    """
    found = [k for k in (markers[body] for body in bodies) if k is not None]
    counts: dict[str, int] = {}
    for k in found:
        counts[k.kind] = counts.get(k.kind, 0) + 1
    if len(counts) < 2:
        return frozenset()
    order = [k.kind for k in found]
    # the commonest kind are the points; on a tie, the kind that comes first is the container
    main = max(counts, key=lambda kind: (counts[kind], order.index(kind)))
    heads = set()
    for kind in counts:
        if kind == main or counts[kind] > counts[main]:
            continue
        followers = [found[i + 1].kind if i + 1 < len(found) else None
                     for i, k in enumerate(found) if k.kind == kind]
        if all(f == main for f in followers):
            heads.add(kind)
            notes.append(f"Read '{kind.capitalize()} N' lines as headings, not points: each is followed "
                         f"by a '{main.capitalize()} N' line and there are no more of them.")
    return frozenset(heads)


def ascii_digits(number: str) -> str:
    """A point number written in any script's decimal digits ("١٢", "１２", "१२") as ASCII ("12").

    The number is what the reader sees, whatever the digits it is written in; ASCII keeps it a
    valid label and lets drafts in two scripts align by number.

    Example::

        >>> ascii_digits("١٢") + ascii_digits("４bis")
        '124bis'
    """
    if number.isascii():
        return number
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in number)


def _numeric_marker(line: str, expected: int | None) -> tuple[str, str] | None:
    """``(number, rest)`` when ``line`` starts with a point number, else None.

    A bare number followed by a space ("100 days after ...") is a marker only
    when it is the next number in sequence and the text after it starts like a
    sentence; a year with a full stop ("2026. The ...") only when in sequence.
    """
    m = _NUMBER_RE.match(line)
    if not m:
        return None
    opened, number, punct, rest = m.group(1), ascii_digits(m.group(2)), m.group(3), m.group(4).strip()
    if opened and punct != ")":
        return None
    in_step = expected is None or (number.isdigit() and int(number) == expected)
    bare = punct.isspace() or punct == ""
    # "1.1 Scope" is a marker; "100 days" only when it keeps the count
    if bare and (not _opens_sentence(rest) or ("." not in number and not (in_step and expected is not None))):
        return None
    if number.isdigit() and _YEAR_RE.match(number) and (expected is None or int(number) != expected):
        return None
    if not rest and punct not in (".", ")", ":"):
        return None
    return number, rest


def _heading(line: str, after_sentence: bool, after_blank: bool, after_heading: bool = False) -> str | None:
    """The text of a structural heading line ("CHAPTER II - SECURITY", "## Economy"), else None.

    "Chapter II" and "Chapter II - Title" are headings anywhere; "Chapter 2
    Security" only after a blank line or a finished sentence ("... under" /
    "Title II of the Act" is a wrapped line); a line in capitals only after a
    blank line or another heading ("... members of" / "NATO AND THE EU"); a
    single word in capitals only right under another heading ("CHAPTER II" /
    "OBLIGATIONS").
    """
    md = _MARKDOWN_HEADING_RE.match(line)
    if md:
        return line[md.end():].strip() or None
    if len(line) > 100 or line.endswith((".", ";", ",", ":")):
        return None
    if _BARE_ANNEX_RE.match(line) and (after_sentence or after_blank):
        return line.rstrip(":")
    division = _HEADING_WORD_RE.match(line)
    tail = division.group(2).strip() if division else ""
    if division and (_HEADING_TAIL_RE.match(tail) or ((after_sentence or after_blank) and tail[:1].isupper())):
        return line
    letters = [c for c in line if c.isalpha()]
    words = [w for w in line.split() if any(c.isalpha() for c in w)]
    enough_words = len(words) >= (1 if after_heading else 2)
    if after_blank and len(letters) >= 4 and enough_words and line[:1].isalpha() and line.isupper():
        return line
    return None


def _ends_sentence(line: str) -> bool:
    return not line or line.endswith((".", ";", ":", "!", "?", ")", '"', "”", "'"))


def _read_marked(lines: list[tuple[int, str]], layout: _Layout, keyword_doc: bool,
                 heading_kinds: frozenset[str], notes: list[str], markers: _KeywordMarkers) -> list[_Node]:
    """The points of a document with markers, sub-points nested, headings as their categories."""
    reader = _Marked(layout, keyword_doc)
    after_sentence = after_blank = True
    heading_before = False  # "PART I" over "SECURITY": one category "PART I — SECURITY"
    headings, stack, points, preamble = reader.headings, reader.stack, reader.points, reader.preamble
    for lineno, line in lines:
        if not line:
            after_blank = True
            continue
        follows_heading, heading_before = heading_before, False
        wrapped = follows_heading and not after_blank  # the heading above runs on into this line
        blank_before, after_blank = after_blank or follows_heading, False
        sentence_before, after_sentence = after_sentence, _ends_sentence(line)
        md = _MARKDOWN_HEADING_RE.match(line)
        body = line[md.end():].strip() if md else line
        keyword = markers[body]
        division = None if md else layout.divisions.get(lineno)
        rank = None
        if keyword and keyword.kind in heading_kinds:
            # "## SECTION 1." under "# PART II": Markdown's level ranks it, as it ranks "# PART II"
            rank = _rank(line if md else body)
        elif md and lineno in layout.numbered_heads:  # "## 1. Security" over "1. Ceasefire": a heading
            rank = _rank(line)
        elif division is not None and layout.division_heads:  # "I. SECURITY" over "1." points: a heading
            rank = _RANKS["division"]
        if rank is not None:
            headings.push(body, follows_heading, rank)
            stack.clear()
            heading_before = True
            continue
        if division is not None:  # "II. Station Beta ...": a point numbered II
            reader.open(_Node(division[0], lineno, "number", headings.category, indent=layout.indents[lineno]), 0)
            stack[0].add(division[1], layout.widths[lineno])
            continue
        if reader.marker(lineno, body, keyword, md is not None, blank_before):
            continue
        heading = _heading(line, sentence_before, blank_before, follows_heading)
        if heading is not None and (not stack or stack[-1].lines or stack[-1].children):
            headings.push(heading, follows_heading, _rank(line), wrapped=wrapped)
            stack.clear()
            heading_before = True
            continue
        if follows_heading and not stack and _titles_division(headings, body):
            headings.push(body, True, 20)  # "Chapter 3" over "Entry into Force": one heading
            continue
        if keyword_doc and not any(n.kind == "keyword" for n in points) and _ENACTING_RE.match(body):
            preamble.add(body, layout.widths[lineno])  # "HAVE ADOPTED THIS REGULATION:" closes the preamble
            stack.clear()
            continue
        if not stack and points:  # text under a heading, before the next point: a point of its own
            reader.open(_Node(None, lineno, "paragraph", headings.category), 0)
        elif not stack and not preamble.lines:  # a heading over the preamble is the title, or its category
            preamble.category = headings.category
        target = stack[-1] if stack else preamble
        target.apart = target.apart or (blank_before and len(target.lines) == 1)
        target.add(body.lstrip(_VERBATIM), layout.widths[lineno])
    if reader.capped:
        notes.append(f"{reader.capped} item(s) nested deeper than {MAX_DEPTH} levels (the most a version holds) "
                     f"were read as sub-points of level {MAX_DEPTH}.")
    return ([preamble] if preamble.lines or preamble.children else []) + points


@attrs.define
class _Marked:
    """The state of :func:`_read_marked`: the points so far, the open ones, the headings above."""

    layout: _Layout
    keyword_doc: bool
    points: list[_Node] = attrs.field(factory=list)
    headings: _Headings = attrs.field(factory=lambda: _Headings())
    preamble: _Node = attrs.field(factory=lambda: _Node(None, 1, "paragraph"))
    stack: list[_Node] = attrs.field(factory=list)  # the open point and its open sub-points, outermost first
    last_top: int = 0
    counters: dict[str, int] = attrs.field(factory=dict)  # the last number seen after each prefix
    capped: int = 0  # items nested past MAX_DEPTH, read at MAX_DEPTH

    def open(self, node: _Node, depth: int) -> None:
        if depth > MAX_DEPTH:
            # A version holds MAX_DEPTH levels of sub-points; a list nested deeper (2,000 <ol>
            # in a hostile page) reads its deeper items as siblings at the last level.
            depth = MAX_DEPTH
            self.capped += 1
        del self.stack[depth:]
        if depth == 0:
            node.annex = self.headings.annex
            self.points.append(node)
        else:
            self.stack[depth - 1].children.append(node)
        self.stack.append(node)

    def marker(self, lineno: int, body: str, keyword: _Keyword | None, md: bool, blank_before: bool) -> bool:
        """Open the point or sub-point whose marker starts the line; False for a line without one."""
        stack, width, indent = self.stack, self.layout.widths[lineno], self.layout.indents[lineno]
        in_article = bool(stack) and stack[0].kind == "keyword"
        if keyword:
            self.open(_Node(keyword.number, lineno, "keyword", self.headings.category, marker=keyword.marker,
                            indent=indent), 0)
            self.last_top = int(keyword.number) if keyword.number.isdigit() else self.last_top
            if keyword.rest:
                stack[0].add(keyword.rest, width)
                stack[0].apart = keyword.set_off
            return True
        if not md and self.item(lineno, body, blank_before):
            return True
        prefixed = self.prefixed(body)
        numeric = (prefixed.label, prefixed.rest) if prefixed is not None else _numeric_marker(
            body, _expected(stack) if in_article else self.last_top + 1 if self.points else None)
        if numeric is None or (md and self.keyword_doc):
            return False
        number, rest = numeric
        if in_article and prefixed is None:  # a numbered paragraph of an article, as in statutes
            node = _Node(number, lineno, "number", indent=indent, style=_number_style(number, body))
            self.open(node, _flat_depth(node, stack, body) or _indented_depth(node, stack))
        else:
            self.open(_Node(number, lineno, "number", self.headings.category, indent=indent), 0)
            if number.isdigit():
                self.last_top = int(number)
        if rest:
            stack[-1].add(rest, width)
        return True

    def prefixed(self, body: str) -> _Prefixed | None:
        """A prefixed number ("SG-3.") of the document's own numbering, counted; else None."""
        found = _prefixed(body) if self.layout.prefixes else None
        if found is None or found.prefix not in self.layout.prefixes:
            return None
        if found.bare and found.number != self.counters.get(found.prefix, 0) + 1:
            return None  # "SG-12 Units ..." out of step: a wrapped line, not a point
        self.counters[found.prefix] = found.number
        return found

    def item(self, lineno: int, body: str, blank_before: bool) -> bool:
        """Open a lettered sub-point, a bullet or an indented number where the layout puts it."""
        stack, indent = self.stack, self.layout.indents[lineno]
        found = _item(body, indent, stack, self.last_top + 1)
        if found is None:
            return False
        kind, number, text = found
        node = _Node(number, lineno, kind, indent=indent)
        above = stack[-1] if stack else self.preamble
        introduced = not blank_before and bool(above.lines) and above.lines[-1].endswith(":")
        if stack:
            self.open(node, _flat_depth(node, stack, body) or _item_depth(node, stack, introduced))
        elif not self.points and self.preamble.lines and (introduced or self.keyword_doc):  # "... agree:" / "- to"
            self.preamble.children.append(node)
            stack[:] = [self.preamble, node]
        else:  # a bullet before any point: an unnumbered provision of its own
            self.open(node, 0)
        if len(stack) == 1:
            node.category = self.headings.category
        stack[-1].add(text, self.layout.widths[lineno])
        return True


def _item(body: str, indent: int, stack: list[_Node], next_top: int) -> tuple[str, str | None, str] | None:
    """``(kind, number, text)`` of a sub-point line: "(a) ...", "- ...", or a number indented under a point.

    An indented number that carries on the points' own count ("1. ..." / " 2. ...") is the next
    point, not a sub-point, unless it is in parentheses ("(2)", how sub-points are numbered) or
    continues a run of indented numbers already open.
    """
    sub = _SUB_RE.match(body)
    if sub:  # under a point its sub-point; before any, a lettered point of its own or the preamble's
        return "sub", sub.group(1) or sub.group(2), sub.group(3).strip()
    bullet = _BULLET_RE.match(body)
    if bullet:
        return "bullet", None, bullet.group(1).strip()
    if stack and stack[0].kind != "keyword" and indent > stack[0].indent:
        numeric = _numeric_marker(body, None)  # "   1. ..." under "2. ...": a Markdown nested list
        if numeric is None:
            return None
        number, rest = numeric
        if "." in number:  # "3.1" nests only under an open "3": elsewhere it is a point of its own
            under = any(n.number and number.startswith(n.number + ".") and n.indent < indent for n in stack)
            return ("number", number, rest) if under else None
        in_run = body.startswith("(") or any(n.kind == "number" and n.indent == indent for n in stack[1:])
        if number != str(next_top) or in_run:
            return "number", number, rest
    return None


def _number_style(number: str, body: str) -> str:
    """The form of a paragraph number's marker: "(1)", "1.", "1)", "1.1" ..."""
    opened = body.startswith("(")
    close = body[len(number) + opened:][:1]
    return ("(" if opened else "") + ("1.1" if "." in number else "1") + (close if close in ".):" else "")


def _sub_style(item: _Node, body: str, stack: list[_Node]) -> str:
    """The form of a lettered or roman marker; "(i)" is roman unless it follows an open "(h)"."""
    label = item.number or ""
    opened = body.startswith("(")
    form = ("(" if opened else "") + "{}" + body[len(label) + opened:][:1]
    letter, roman = form.format("A" if label.isupper() else "a"), form.format("I" if label.isupper() else "i")
    if not re.fullmatch(r"[ivxlc]+", label, re.IGNORECASE):
        return letter
    if len(label) > 1:
        return roman
    follows_letter = any(n.style == letter and n.number and ord(n.number[-1]) + 1 == ord(label) for n in stack)
    if follows_letter:
        return letter
    return roman if label in "iI" or any(n.style == roman for n in stack) else letter


def _flat_depth(item: _Node, stack: list[_Node], body: str) -> int | None:
    """Where a paragraph or sub-point opens in an article that does not indent, by the form of its marker.

    Statutes nest by the form alone: "(a)" > "(1)" > "(A)" > "(i)" in a bill, "1." > "(a)" > "(i)" in a
    treaty.  A marker of a form already open is that item's sibling; a new form nests under the item
    above.  None where indentation or the kind of the point decides (:func:`_item_depth`).
    """
    if not stack or stack[0].kind != "keyword" or any(n.indent != item.indent for n in stack[1:]):
        return None
    if item.kind == "sub":
        item.style = _sub_style(item, body, stack)
    elif item.kind != "number":
        return None
    for depth in range(len(stack) - 1, 0, -1):
        if stack[depth].style == item.style or _continues(stack[depth], item):
            return depth
    return len(stack)


def _indented_depth(item: _Node, stack: list[_Node]) -> int:
    """Where an indented paragraph number opens in an article: under the deepest item indented less.

    "   1." under "1." (a Markdown list nested in a numbered paragraph) is its sub-point, not a
    second paragraph 1.
    """
    for depth in range(len(stack) - 1, 0, -1):
        if stack[depth].indent < item.indent:
            return depth + 1
    return 1


def _continues(open_: _Node, item: _Node) -> bool:
    """``item`` carries on the count of the open paragraph in another form: "(1a)" after "1."."""
    if open_.kind != "number" or item.kind != "number" or not open_.number or not item.number:
        return False
    before, after = re.match(r"\d*", open_.number), re.match(r"\d*", item.number)
    assert before is not None and after is not None
    return bool(before.group() and after.group()) and int(after.group()) - int(before.group()) in (0, 1)


def _item_depth(item: _Node, stack: list[_Node], introduced: bool) -> int:
    """Where a sub-point, bullet or indented number opens under the open point: a depth in ``stack``.

    Indentation decides where the document uses it: deeper than the open item nests under it,
    level with an indented item is its sibling.  Level with the point itself (a document that
    does not indent), a lettered sub-point nests under the point, and a bullet nests only in an
    article or right under a line that introduces a list ("... as follows:"); otherwise a bullet
    level with numbered points is an unnumbered provision of its own, not part of the one above.
    """
    depth = len(stack)
    while depth > 1 and stack[depth - 1].indent > item.indent:
        depth -= 1
    above = stack[depth - 1]
    if item.indent > above.indent:
        return depth
    if depth > 1 and above.indent > stack[depth - 2].indent:
        return depth - 1  # level with an indented sub-point: its sibling
    if depth == 1 and item.kind == "bullet" and above.kind != "keyword":
        return 1 if introduced and len(stack) == 1 and above.kind != "bullet" else 0
    if item.kind == "bullet":
        return depth if above.kind in ("keyword", "number", "sub") else depth - 1
    return depth if above.kind in ("keyword", "number") or (depth == 1 and above.kind == "bullet") else depth - 1


@attrs.define
class _Headings:
    """The headings above the current line, outermost first: "PART II — SECTION 2 — ...".

    A heading closes the open headings of its own rank and below ("Chapter 3"
    ends "Chapter 2" and its "Section 4", not the "Part" above them); a heading
    of unknown rank (a line in capitals, a Markdown heading) replaces the
    innermost unranked one.  Annexes, schedules and appendices close everything.
    """

    open: list[tuple[int, str]] = attrs.field(factory=list)
    annex: str | None = None

    @property
    def category(self) -> str | None:
        return " — ".join(text for _, text in self.open) or None

    def push(self, heading: str, continues: bool, rank: int, wrapped: bool = False) -> None:
        """Open a heading; ``continues``: right under another; ``wrapped``: on the very next line, no break."""
        if continues and self.open and rank >= 20:  # "CHAPTER II" over "OBLIGATIONS": one heading, two lines
            rank_above, text = self.open[-1]
            # "AGREEMENT ON THE RIVER" / "BASIN": one title wrapped, as a PDF lays it out
            glue = " " if wrapped and rank_above == 20 else " — "
            self.open[-1] = (rank_above, f"{text}{glue}{heading}")
            return
        self.open = [(r, t) for r, t in self.open if r < rank]
        self.open.append((rank, heading))
        if rank == 0:
            self.annex = _annex_label(heading)


def _rank(line: str) -> int:
    """How high a heading line stands: by its division word, else its Markdown level, else lowest."""
    md = _MARKDOWN_HEADING_RE.match(line)
    words = line[md.end() if md else 0:].split()
    word = words[0].lower().rstrip(":.") if words else ""
    if _RANKS.get(word) == 0:
        return 0
    if md:  # Markdown says how deep it is: "# Treaty" over "## Part I"
        return 10 + len(line) - len(line.lstrip("#"))
    return _RANKS.get(word, 20)


def _annex_label(heading: str) -> str:
    """A number prefix for an annex's points that reads as the annex: "ANNEX I - Maps" -> "Annex-I"."""
    m = _ANNEX_RE.match(heading)
    if m is None:
        return "Annex"
    word, label = m.group(1).capitalize(), m.group(2)
    return f"{word}-{label}" if label else word


def _titles_division(headings: _Headings, line: str) -> bool:
    """True for a short title line ("Entry into Force") right under a division heading ("Chapter 3")."""
    words = line.split()
    return (
        bool(headings.open) and headings.open[-1][0] <= _RANKS["subsection"]
        and len(words) <= 10 and line[:1].isupper()
        and not line.endswith((".", ";", ",", ":", "-", "—", "–"))
        and words[-1].lower() not in _OPEN_ENDINGS
    )


def _expected(stack: list[_Node]) -> int:
    """The number the next numbered paragraph of the open article would carry."""
    paragraphs = [c for c in stack[0].children if c.kind == "number"]
    last = paragraphs[-1].number if paragraphs else None
    if last is not None and last[:1].isdigit():
        return int(re.sub(r"\D.*", "", last)) + 1  # "2a" is followed by 3
    return 1


def _read_paragraphs(lines: list[tuple[int, str]], layout: _Layout, notes: list[str]) -> list[_Node]:
    """No point numbers: one provision per paragraph or bullet, a bullet indented under another nested in it.

    Plain paragraphs are numbered 1, 2, 3 ... in reading order.  A document that bullets its
    points has chosen not to number them: its bullets (and any paragraph between them) stay
    unnumbered, as the author wrote them.
    """
    nodes: list[_Node] = []
    stack: list[_Node] = []  # the open paragraph or bullet, and the bullets nested in it
    category: str | None = None
    open_ = False  # a line continues the open node (no blank line since it began)
    for lineno, line in lines:
        if not line:
            open_ = False
            continue
        bullet = _BULLET_RE.match(line)
        heading = _heading(line, True, True) if not open_ and not bullet else None
        if heading is not None:
            category, stack = heading, []
            continue
        width, indent = layout.widths[lineno], layout.indents[lineno]
        if bullet or not open_:
            node = _Node(None, lineno, "bullet" if bullet else "paragraph", category, indent=indent)
            while stack and (stack[-1].indent >= indent or not bullet):
                stack.pop()
            (stack[-1].children if stack else nodes).append(node)
            stack.append(node)
            open_ = True
            line = bullet.group(1).strip() if bullet else line
        stack[-1].add(line.lstrip(_VERBATIM), width)
    bullets = sum(1 for n in _walk_nodes(nodes) if n.kind == "bullet")
    if bullets:
        notes.append(f"The document numbers none of its points: its {bullets} bulleted item"
                     f"{'s were' if bullets > 1 else ' was'} read as unnumbered provisions.")
    else:
        for i, node in enumerate(nodes, start=1):
            node.number = str(i)
        if len(nodes) > 1:
            notes.append(f"The document numbers none of its paragraphs: they were numbered 1–{len(nodes)} "
                         "in reading order.")
    return nodes


def _walk_nodes(nodes: list[_Node]) -> Iterator[_Node]:
    for node in nodes:
        yield node
        yield from _walk_nodes(node.children)


def _unique_labels(children: list[_Node]) -> list[_Node]:
    """Sub-points with distinct labels: a repeated letter becomes "a2", so none is lost."""
    labels: set[str] = set()
    for child in children:
        if child.number is None:
            continue
        base, n = child.number, 1
        while child.number in labels:
            n += 1
            child.number = f"{base}{n}"
        labels.add(child.number)
    return [c for c in children if c.lines or c.children]


def _qualify_restarts(points: list[_Node], notes: list[str]) -> bool:
    """Numbering that restarts under chapter headings becomes "II.1", "II.2" ...

    Only the chapters whose numbers repeat another chapter's are qualified, so
    articles numbered straight through a document keep their numbers whatever
    headings stand between them.  A number repeated within one chapter stays
    an error.
    """
    numbers = [n.number for n in points if n.number is not None]
    if len(numbers) == len(set(numbers)):
        return False
    chapters: dict[str | None, list[str]] = {}
    for node in points:
        chapters.setdefault(node.category, [])
        if node.number is not None:
            chapters[node.category].append(node.number)
    if len(chapters) < 2 or any(len(nums) != len(set(nums)) for nums in chapters.values()):
        return False
    restarting = {
        category for category, nums in chapters.items()
        if category is not None and any(set(nums) & set(other) for c, other in chapters.items() if c != category)
    }
    labels: dict[str | None, str] = {}
    for ordinal, category in enumerate(chapters, start=1):
        labels[category] = _chapter_label(category) or str(ordinal)
    for node in points:
        if node.number is not None and node.category in restarting:
            node.number = f"{labels[node.category]}.{node.number}"
    if restarting:
        notes.append("Numbering restarts under " + ", ".join(f"'{c}'" for c in chapters if c in restarting)
                     + ": their points are numbered chapter.point (e.g. "
                     + next(n.number for n in points if n.category in restarting and n.number) + ").")
    return bool(restarting)


def _chapter_label(category: str | None) -> str | None:
    """The label of the innermost division heading in a category: "PART I — CHAPTER 2" -> "2", "II. Economy" -> "II"."""
    for part in reversed((category or "").split(" — ")):
        m = (_HEADING_WORD_RE.match(part) or _KEYWORD_RE.match(part) or _DIVISION_RE.match(part)
             or _NUMBERED_HEADING_RE.match(part))
        if m:
            label = m.group(1) if m.re is _HEADING_WORD_RE else m.group("num")
            return "".join(label.split())
    return None


#: "II. Economy", "B) Definitions": a point or heading numbered with a capital roman numeral or letter.
_DIVISION_RE = re.compile(r"^(?P<num>[IVXLC]+|[A-Z])[.)]\s+(?P<rest>[\"“'‘(]?[A-Z].*)$")
#: "1. Security", "2.3 Monitoring": a heading numbered in figures.
_NUMBERED_HEADING_RE = re.compile(r"^(?P<num>\d+(?:\.\d+)*)[.)]?\s+\S")
def _roman_value(label: str) -> int | None:
    """The value of a capital roman numeral under 400 ("XIV" -> 14): the numerals of divisions."""
    value = roman_value(label) if label.isupper() else None
    return value if value is not None and value < 400 else None


def _numbered_headings(lines: list[tuple[int, str]]) -> frozenset[int]:
    """Markdown headings with a number ("## 1. Security") that have numbered points of their own under them.

    Their own: the first number under the heading starts a list afresh ("1.") or counts within the
    heading ("1.1" under "## 1."); a "2." under "## 1. Ceasefire" carries on the headings' count.
    """
    heads: set[int] = set()
    open_: tuple[int, str] | None = None
    for lineno, line in lines:
        md = _MARKDOWN_HEADING_RE.match(line)
        if not md and open_ is None:
            continue  # a point's number matters only under an open numbered heading
        numeric = _numeric_marker(line[md.end():].strip() if md else line, None)
        if md:
            open_ = (lineno, numeric[0]) if numeric else None
        elif open_ is not None and numeric is not None:
            if numeric[0] == "1" or numeric[0].startswith(open_[1] + "."):
                heads.add(open_[0])
            open_ = None
    return frozenset(heads)


def _divisions(lines: list[tuple[int, str]], notes: list[str]) -> tuple[dict[int, tuple[str, str]], bool]:
    """Lines numbered "I.", "II.", "III." (or "A.", "B.", "C.") in sequence from the first, and whether they head.

    A lone "A. Smith said" or "I. e." is text: the labels must count up from I (or A) on two or more
    lines.  They are headings when each is a short title with no full stop and numbered points
    or articles follow them ("I. Security" over "1. Ceasefire"), else points of their own.
    """
    runs: dict[str, list[tuple[int, str, str]]] = {"roman": [], "letter": []}
    for lineno, line in lines:
        m = _DIVISION_RE.match(line)
        if m is None:
            continue
        label = m.group("num")
        for kind, value in (("roman", _roman_value(label)), ("letter", ord(label) - 64 if len(label) == 1 else None)):
            if value is not None and value == len(runs[kind]) + 1:
                runs[kind].append((lineno, label, m.group("rest").strip()))
    kind = max(runs, key=lambda k: len(runs[k]))
    run = runs[kind]
    if len(run) < 2:
        return {}, False
    found = {lineno: (label, rest) for lineno, label, rest in run}
    titled = all(len(rest.split()) <= 12 and not rest.endswith((".", ";", ",", ":")) for _, _, rest in run)
    below = [line for lineno, line in lines if lineno > run[0][0] and lineno not in found]
    heads = titled and any(_keyword_marker(line) or _numeric_marker(line, None) for line in below)
    notes.append(f"Read the lines numbered '{run[0][1]}.' … '{run[-1][1]}.' as "
                 + ("headings of the numbered points under them." if heads else f"points numbered {run[0][1]}, "
                    f"{run[1][1]} …, not as text."))
    return found, heads


def _qualify_annexes(points: list[_Node], notes: list[str]) -> None:
    """Points of an annex whose numbering restarts read "Annex-I.1", so references stay unambiguous."""
    seen: set[str] = set()
    groups: dict[str, list[_Node]] = {}
    for node in points:
        if node.annex is None:
            if node.number is not None:
                seen.add(node.number)
            continue
        groups.setdefault(node.annex, []).append(node)
    for annex, members in groups.items():
        restarts = _qualify_restarts(members, notes)  # "Part 1", "Part 2" of a schedule: "1.1", "2.1"
        numbers = {n.number for n in members if n.number is not None}
        if numbers & seen or restarts:
            for node in members:
                if node.number is not None:
                    node.number = f"{annex}.{node.number}"
            shown = [n.number for n in members if n.number is not None][:2]
            heading = (members[0].category or annex).split(" — ")[0]
            notes.append(f"Numbering restarts in '{heading}': its points are numbered {', '.join(shown)} ...")
        seen |= {n.number for n in members if n.number is not None}


def _fold_recitals(points: list[_Node], notes: list[str]) -> list[_Node]:
    """Numbered recitals before the first article join the unnumbered preamble.

    "(1) Whereas ..." paragraphs ahead of "Article 1" are not points of the
    treaty: when the articles' numbering starts afresh after them (it repeats
    one of their numbers, or starts at 1, I or A), they become the preamble's
    numbered paragraphs.
    """
    first = next((i for i, n in enumerate(points) if n.kind == "keyword"), None)
    if not first:
        return points
    lead = points[:first]
    recitals = [n for n in lead if n.kind == "number"]
    if not recitals:
        return points
    articles = {n.number for n in points[first:] if n.kind == "keyword"}
    if not ({n.number for n in recitals} & articles or points[first].number in ("1", "I", "A")):
        return points
    preamble = lead[0] if lead[0].number is None and lead[0].kind == "paragraph" else _Node(None, lead[0].line,
                                                                                           "paragraph")
    for node in lead:
        if node is preamble:
            continue
        if node.kind == "number":
            node.category = None
            preamble.children.append(node)
        else:  # an unnumbered paragraph between recitals ("Have agreed as follows:")
            (preamble.children[-1].lines if preamble.children else preamble.lines).extend(node.lines)
    notes.append(f"Read the {len(recitals)} numbered paragraphs before {points[first].marker or 'the first article'} "
                 "as recitals of the preamble, not as points.")
    return [preamble, *points[first:]]


def _note_lettered_articles(points: list[_Node], notes: list[str]) -> None:
    """Say so when letters that are also roman numerals were read as letters ("Article C")."""
    lettered = [n for n in points if n.kind == "keyword" and n.number and len(n.number) == 1
                and n.number.isalpha()]
    if not any(n.number not in _ROMAN_LETTERS for n in lettered):
        return
    ambiguous = [n for n in lettered if n.number in _ROMAN_LETTERS]
    if ambiguous:
        notes.append(f"Read '{ambiguous[0].marker}' as a letter, not a roman numeral, because the articles run "
                     f"{lettered[0].number}–{lettered[-1].number}.")


def _check_unique_numbers(points: list[_Node], source: str) -> None:
    first: dict[str, int] = {}
    for node in points:
        if node.number is None:
            continue
        if node.number in first:
            raise PlainTextError(
                f"{source}:{node.line}: point number {node.number} appears twice (first on line "
                f"{first[node.number]})\n    fix: renumber one of them so each point has its own number, "
                "or write sections as 'Article N' headings over their numbered paragraphs"
            )
        first[node.number] = node.line


def load_text(path: str | os.PathLike[str], version_id: str | None = None, *, encoding: str | None = None,
              **metadata: Any) -> Version:
    """Read a numbered plain-text or Markdown file as a Version (id defaults to the file stem).

    UTF-8 with or without a BOM and UTF-16 with a BOM are read as they are;
    give ``encoding`` for anything else.  A Word, PDF or HTML file is refused
    with a message saying what it is (read those with :func:`peacediff.load`).
    The title is the document's own title line when it has one, else the file name.
    """
    p = Path(path)
    name = shown(p)
    try:
        data = read_document(p)
    except FileProblem as exc:
        raise PlainTextError(str(exc)) from None
    kind = sniff(data[:65536], p)
    if kind != "text":
        raise DocumentError(f"{name}: this is a .{kind} file, not plain text\n    fix: read it with "
                            f"peacediff.load('{name}') or 'peacediff import {name}', which read .{kind} files")
    return version_from_bytes(data, p, version_id or version_id_for(p), encoding, metadata)


def version_from_bytes(data: bytes, path: Path, version_id: str, encoding: str | None,
                       metadata: dict[str, Any]) -> Version:
    """A plain-text or Markdown document already read from ``path``, as a Version.

    Its own title line is the title, else the file name (not the id); ``metadata`` as for
    :func:`parse_text`, a ``title`` in it winning over both.
    """
    metadata = dict(metadata)
    # The title is settled before construction, since a Version built twice validates every
    # provision twice.
    untitled = None if "title" in metadata else path.name
    return parse_lines(decode_text(data, shown(path), encoding), version_id, metadata.pop("title", None), str(path),
                       untitled, metadata)
