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
  Bullets (``-``, ``*``, ``•``) under a point are unnumbered sub-points.
* **Wrapped lines** continue the point above (a word hyphenated at the line
  end is joined back; "Page 3 of 12" and "- 3 -" lines are page furniture).  A line that merely begins with
  a figure ("100 days after signing", "2026. The parties ...") is not a marker
  unless it carries a marker's punctuation and keeps the numbering in step.
* **Headings** between points ("CHAPTER II - SECURITY", "Part Three",
  "## Economy", or "CHAPTER II" over "OBLIGATIONS") become the ``category``
  of the points under them.
* Text before the first marker becomes an unnumbered preamble point.  A
  document with no markers at all becomes one provision per paragraph (or per
  bullet), numbered 1, 2, 3 ...

Example::

    >>> from peacediff.plaintext import parse_text
    >>> v = parse_text("1. Ceasefire.\\n2. Elections within\\n100 days.\\n  a) Observers.", "draft")
    >>> [p.number for p in v.provisions], v.provisions[1].text, v.provisions[1].subpoints[0].text
    (['1', '2'], 'Elections within 100 days.', 'Observers.')
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from peacediff._files import MAX_DOCUMENT_BYTES, FileProblem, decode_utf8, iconv_hint, read_document
from peacediff._messages import shown
from peacediff.model import Provision, Version

__all__ = ["PlainTextError", "load_text", "parse_text"]

_KEYWORD = r"(?:point|article|art\.|section|sec\.|clause|paragraph|para\.|rule|item|§§?)"
_ROMAN = r"(?-i:[IVXLC]+)"
#: "Article 5", "Article IV.", "§ 3 -", "Section 2.1:" - a keyword, a number, an optional title.
_KEYWORD_RE = re.compile(
    rf"^{_KEYWORD}\s*(\d+[a-z]?(?:\.\d+)*|{_ROMAN})\b([.:)]?\s*[-–—:.]?)\s*(.*)$", re.IGNORECASE
)
#: "1.", "1)", "(1)", "1:", "1 -", "2.3", "2.3." - a numeric marker with its punctuation.
_NUMBER_RE = re.compile(r"^(\()?(\d+(?:\.\d+)*)(\.|\)|:|\s+[-–—]|(?<=\d)(?=\s))(?:\s+|$)(.*)$")
_SUB_RE = re.compile(r"^\(?([a-z]|[ivx]{1,5})[.)]\s+(.*)$")
_BULLET_RE = re.compile(r"^[-*•–·]\s+(.*)$")
_HEADING_WORDS = "Chapter|Part|Title|Annex|Schedule|Appendix|Division|Subpart"
#: "Chapter II", "PART THREE", "Annex 1 - Maps": a capitalised division word and its label.
_HEADING_WORD_RE = re.compile(
    rf"^(?:{_HEADING_WORDS}|{_HEADING_WORDS.upper()})\s+(\d+[A-Z]?|{_ROMAN}|[A-Z][a-zA-Z]*)\b(.*)$"
)
#: What may follow the label on a line that does not follow a break: nothing or a titled separator.
_HEADING_TAIL_RE = re.compile(r"^\s*(?:$|[-–—:.]\s*\S)")
_MARKDOWN_HEADING_RE = re.compile(r"^#{1,6}\s+")
_BOLD_RE = re.compile(r"\*\*")
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


def _is_title_line(line: str, width: int, following: str) -> bool:
    """True for a short heading line on its own ("Subject matter") above the text it titles.

    The break after it must be deliberate: the next line's first word would have
    fitted on it, ``width`` being the source line's full width with its marker
    (a hard-wrapped "1. ... if Ukraine invades" / "Russia." fails that, at any
    wrap column, because a greedy wrapper breaks only when the word does not fit).
    """
    words = line.split()
    next_words = following.split()
    return (
        len(words) <= 8
        and line[:1].isupper()
        and not line.endswith((".", ";", ",", ":", "-", "—", "–"))
        and words[-1].lower() not in _OPEN_ENDINGS
        and (following[:1].isupper() or following[:1] in "\"“'‘(")
        and max(width, len(line)) + 1 + len(next_words[0]) <= len(following)
    )


class PlainTextError(ValueError):
    """A plain-text document could not be turned into a version."""


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
            elif k == 1 and _is_title_line(self.lines[0], self.first_width, line):
                glue = " — "  # "Definitions" over "For the purposes of ...": keep them apart
            else:
                glue = " "
            out += glue + line
        return out

    def to_provision(self) -> Provision:
        subs = [c.to_provision() for c in _unique_labels(self.children)]
        text = self.text()
        if not text and subs:  # a bare heading over its paragraphs: say so rather than invent text
            text = f"{self.number}" if self.number is not None else "(untitled)"
        return Provision(text=text, number=self.number, category=self.category, subpoints=subs)


def parse_text(text: str, version_id: str, *, title: str | None = None, source: str = "<text>",
               **metadata: Any) -> Version:
    """Parse numbered plain text (or Markdown) into a Version without lineage keys.

    ``source`` names the document in error messages (``file:line: problem`` and
    a fix).  Extra keyword arguments are passed to :class:`Version`.
    """
    source = shown(source)
    if not text.strip():
        raise PlainTextError(f"{source}:1:1: the document is empty\n    fix: give a file with one numbered point "
                             "per line, e.g. '1. First point'")
    _check_characters(text, source)
    points = _read_points(text, source)
    found = None if title else _document_title(text, points)
    if found is not None:
        points = _without_title(points, found[1])
    provisions = tuple(_built(n, source) for n in points)
    try:
        return Version(id=version_id, title=title or (found[1] if found else version_id), provisions=provisions,
                       **metadata)
    except (TypeError, ValueError) as exc:
        raise PlainTextError(f"{source}: {exc}\n    fix: check the document and the options given") from None


def _read_points(text: str, source: str) -> list[_Node]:
    lines = list(_clean_lines(text))
    bodies = [_MARKDOWN_HEADING_RE.sub("", line) for _, line in lines]
    keyword_doc = any(_keyword_marker(body) for body in bodies)
    marked = keyword_doc or any(_numeric_marker(body, None) for body in bodies)
    widths = {number: len(raw.rstrip()) for number, raw in enumerate(text.splitlines(), start=1)}
    nodes = _read_marked(lines, widths, keyword_doc) if marked else _read_paragraphs(lines, widths)
    points = [n for n in nodes if n.lines or n.children]
    _qualify_restarts(points)
    _check_unique_numbers(points, source)
    return points


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


def _document_title(text: str, points: list[_Node]) -> tuple[int, str] | None:
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
    numbered = [n for n in points if n.number is not None or n is not points[0]]
    categories = [n.category or "" for n in numbered]
    rules_all = bool(categories) and all(c == candidate or c.startswith(candidate + " — ") for c in categories)
    over_heading = bool(categories) and categories[0].startswith(candidate + " — ")
    preamble = points[0].number is None and points[0].lines == [candidate] and not points[0].children
    return (lineno, candidate) if rules_all or over_heading or (preamble and len(points) > 1) else None


def _clean_lines(text: str) -> Iterator[tuple[int, str]]:
    """Line numbers and lines without Markdown emphasis; blank lines and page furniture as ``""``."""
    for number, raw in enumerate(text.splitlines(), start=1):
        line = _BOLD_RE.sub("", raw).strip()
        yield number, "" if _PAGE_RE.match(line) else line


def _keyword_marker(line: str) -> tuple[str, str] | None:
    """``(number, rest)`` when ``line`` starts with "Article 5" and the like, else None.

    "Article 5 of the Charter applies" is a cross-reference in a wrapped line,
    not a new point: after the number comes nothing, punctuation, or a capital.
    """
    m = _KEYWORD_RE.match(line)
    if not m:
        return None
    number, punct, rest = m.group(1), m.group(2).strip(), m.group(3).strip()
    if rest and not punct and not rest[:1].isupper():
        return None
    return number, rest


def _numeric_marker(line: str, expected: int | None) -> tuple[str, str] | None:
    """``(number, rest)`` when ``line`` starts with a point number, else None.

    A bare number followed by a space ("100 days after ...") is a marker only
    when it is the next number in sequence and the text after it starts like a
    sentence; a year with a full stop ("2026. The ...") only when in sequence.
    """
    m = _NUMBER_RE.match(line)
    if not m:
        return None
    opened, number, punct, rest = m.group(1), m.group(2), m.group(3), m.group(4).strip()
    if opened and punct != ")":
        return None
    in_step = expected is None or ("." not in number and int(number) == expected)
    bare = punct.isspace() or punct == ""
    # "1.1 Scope" is a marker; "100 days" only when it keeps the count
    if bare and (not rest[:1].isupper() or ("." not in number and not (in_step and expected is not None))):
        return None
    if "." not in number and _YEAR_RE.match(number) and (expected is None or int(number) != expected):
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


def _read_marked(lines: list[tuple[int, str]], widths: dict[int, int], keyword_doc: bool) -> list[_Node]:
    points: list[_Node] = []
    category: str | None = None
    preamble = _Node(None, 1, "paragraph")
    stack: list[_Node] = []  # the open point and its open sub-points, outermost first
    last_top = 0

    def open_node(node: _Node, depth: int) -> None:
        del stack[depth:]
        if depth == 0:
            points.append(node)
        else:
            stack[depth - 1].children.append(node)
        stack.append(node)

    after_sentence = after_blank = True
    heading_before = False  # "PART I" over "SECURITY": one category "PART I — SECURITY"
    for lineno, line in lines:
        if not line:
            after_blank = True
            continue
        follows_heading, heading_before = heading_before, False
        blank_before, after_blank = after_blank or follows_heading, False
        sentence_before, after_sentence = after_sentence, _ends_sentence(line)
        md = _MARKDOWN_HEADING_RE.match(line)
        body = line[md.end():].strip() if md else line
        keyword = _keyword_marker(body)
        in_article = bool(stack) and stack[0].kind == "keyword"
        expected_top = last_top + 1 if points else None
        if keyword:
            number, rest = keyword
            open_node(_Node(number, lineno, "keyword", category), 0)
            last_top = int(number) if number.isdigit() else last_top
            if rest:
                stack[0].add(rest, widths[lineno])
            continue
        numeric = _numeric_marker(body, _expected(stack) if in_article else expected_top)
        if numeric is not None and (md is None or not keyword_doc):
            number, rest = numeric
            if in_article:  # a numbered paragraph of an article, as in statutes
                open_node(_Node(number, lineno, "number"), 1)
            else:
                open_node(_Node(number, lineno, "number", category), 0)
                if "." not in number:
                    last_top = int(number)
            if rest:
                stack[-1].add(rest, widths[lineno])
            continue
        sub = _SUB_RE.match(body)
        if sub and stack and md is None:
            owner = len(stack) if stack[-1].kind in ("keyword", "number") else len(stack) - 1
            open_node(_Node(sub.group(1), lineno, "sub"), owner)
            stack[-1].add(sub.group(2).strip(), widths[lineno])
            continue
        bullet = _BULLET_RE.match(body)
        if bullet and stack and md is None:
            owner = len(stack) if stack[-1].kind in ("keyword", "number", "sub") else len(stack) - 1
            open_node(_Node(None, lineno, "bullet"), owner)
            stack[-1].add(bullet.group(1).strip(), widths[lineno])
            continue
        heading = _heading(line, sentence_before, blank_before, follows_heading)
        if heading is not None and (not stack or stack[-1].lines or stack[-1].children):
            category = f"{category} — {heading}" if follows_heading and category else heading
            stack.clear()
            heading_before = True
            continue
        if not stack and points:  # text under a heading, before the next point: a point of its own
            open_node(_Node(None, lineno, "paragraph", category), 0)
        if stack:
            stack[-1].add(body, widths[lineno])
        else:
            preamble.add(body, widths[lineno])
    return ([preamble] if preamble.lines else []) + points


def _expected(stack: list[_Node]) -> int:
    """The number the next numbered paragraph of the open article would carry."""
    paragraphs = [c for c in stack[0].children if c.kind == "number"]
    if paragraphs and paragraphs[-1].number is not None and paragraphs[-1].number.isdigit():
        return int(paragraphs[-1].number) + 1
    return 1


def _read_paragraphs(lines: list[tuple[int, str]], widths: dict[int, int]) -> list[_Node]:
    """No markers: one provision per paragraph or bullet, numbered in reading order."""
    nodes: list[_Node] = []
    current: _Node | None = None
    category: str | None = None
    for lineno, line in lines:
        bullet = _BULLET_RE.match(line)
        if not line:
            current = None
            continue
        heading = _heading(line, True, True) if current is None else None
        if heading is not None:
            category = heading
            continue
        if bullet or current is None:
            current = _Node(None, lineno, "paragraph", category)
            nodes.append(current)
            line = bullet.group(1).strip() if bullet else line
        current.add(line, widths[lineno])
    for i, node in enumerate(nodes, start=1):
        node.number = str(i)
    return nodes


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


def _qualify_restarts(points: list[_Node]) -> None:
    """Numbering that restarts under each chapter heading becomes "II.1", "II.2" ...

    Only when every repeated number is explained by a new chapter: a number
    repeated within one chapter stays an error.
    """
    numbers = [n.number for n in points if n.number is not None]
    if len(numbers) == len(set(numbers)):
        return
    chapters: dict[str | None, list[str]] = {}
    for node in points:
        chapters.setdefault(node.category, [])
        if node.number is not None:
            chapters[node.category].append(node.number)
    if len(chapters) < 2 or any(len(nums) != len(set(nums)) for nums in chapters.values()):
        return
    labels: dict[str | None, str] = {}
    for ordinal, category in enumerate(chapters, start=1):
        m = _HEADING_WORD_RE.match(category or "")
        labels[category] = m.group(1) if m else str(ordinal)
    for node in points:
        if node.number is not None and node.category is not None:
            node.number = f"{labels[node.category]}.{node.number}"


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


def load_text(path: str | os.PathLike[str], version_id: str | None = None, **metadata: Any) -> Version:
    """Read a UTF-8 numbered plain-text or Markdown file as a Version (id defaults to the file stem).

    The title is the document's own title line when it has one, else the file name.
    """
    p = Path(path)
    name = shown(p)
    try:
        data = read_document(p)
    except FileProblem as exc:
        raise PlainTextError(str(exc)) from None
    text, bad = decode_utf8(data)
    if bad is not None:
        _offset, line, col, reason = bad
        raise PlainTextError(f"{name}:{line}:{col}: {reason}\n    fix: {iconv_hint(reason)}")
    assert text is not None
    vid = version_id or re.sub(r"[^a-z0-9._-]+", "-", p.stem.lower()).strip("-._") or "document"
    version = parse_text(text, vid, source=str(p), **metadata)
    if "title" not in metadata and version.title == vid:
        version = attrs.evolve(version, title=p.name)
    return version
