"""Web pages (.html saved from a browser) as numbered text for the shared structure reader.

Ordered lists come out with the numbers the browser shows (``start``,
``type`` 1/a/A/i/I, ``value`` on an item, ``reversed``), nested lists nest
(letters and roman numerals as sub-points, numbers under numbers as "2.1"; read
through :func:`peacediff.importers.read_document`, every list item is indented
a level per list it sits in, so bullets and deeper levels nest too), a list
styled ``list-style-type: none`` shows no marker (its items' typed numbers are read),
headings become Markdown headings (categories, or articles when they read
"Article 5"), table rows become lines, and scripts, styles, navigation,
headers, footers, forms and hidden elements are left out.  Standard library
only.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import attrs

from peacediff._documents import DocumentError, decode_text
from peacediff._numberwords import list_number

__all__ = ["decode_page", "html_to_text"]

#: Elements whose content is never the document's text.
_SKIP = frozenset({"script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
                   "button", "select", "svg", "iframe", "object", "head", "menu", "dialog"})
_BLOCK = frozenset({"p", "div", "section", "article", "main", "blockquote", "dd", "dt", "dl", "figure",
                    "figcaption", "address", "center", "caption", "summary", "details", "hr", "body", "html"})
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track",
                   "wbr", "param"})
_TYPES = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}
#: Class or id words of page furniture that is not marked up as such: tables of contents, cookie banners.
_FURNITURE_WORDS = frozenset({"toc", "table-of-contents", "breadcrumb", "breadcrumbs", "sidebar", "cookie-banner",
                              "skip-link", "menu"})
#: Class, id or role words of a page's footnotes, left out (and said so in the notes).
_FOOTNOTE_WORDS = frozenset({"footnotes", "endnotes", "doc-endnotes", "doc-footnotes", "references"})
#: A footnote reference set as a superscript ("Basin.<sup>1</sup>", "<sup>[2]</sup>", "<sup>*</sup>").
_FOOTNOTE_MARK_RE = re.compile(r"^\s*\[?(?:\d{1,3}|[*†‡§])\]?\s*$")


@attrs.define
class _List:
    ordered: bool
    fmt: str = "decimal"
    next: int = 1
    step: int = 1
    label: str | None = None  # the label of the item that holds this list ("2" for a list inside item 2)
    current: str | None = None  # the label of this list's open item
    shown: bool = True  # False under "list-style: none": the browser shows no number or bullet
    #: ``reversed`` without ``start``: counts down from the number of items, known only at the end
    count_down: bool = False
    items: int = 0
    first_line: int = 0  # where the list's lines begin in the output
    serial: int = 0  # which placeholders are this list's


class _Reader(HTMLParser):
    def __init__(self, indent: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.indent = indent
        self.lines: list[str] = []
        self.buffer: list[str] = []
        self.prefix = ""
        self.skipping: list[str] = []
        self.lists: list[_List] = []
        self.cells: list[str] | None = None
        self.in_pre = 0
        self.in_title = False
        self.title_parts: list[str] = []
        self.footnotes = 0  # footnote sections left out
        self.sup: list[str] | None = None  # the text of an open <sup>, held until it is known to be a mark
        self.serials = 0

    # text being gathered -------------------------------------------------------------------
    def flush(self, blank: bool = True) -> None:
        if self.sup is not None:  # a <sup> never closed before the block ends: its text is text
            self.buffer.extend(self.sup)
            self.sup = None
        text = "".join(self.buffer)
        self.buffer = []
        if self.cells is not None:
            if text.strip():
                self.cells.append(" ".join(text.split()))
            return
        lines = text.split("\n") if self.in_pre else [text]
        for raw in lines:
            line = " ".join(raw.split())
            if line:
                self.lines.append(f"{self.prefix}{line}" if self.prefix else line)
                self.prefix = ""
        if blank and self.lines and self.lines[-1] != "":
            self.lines.append("")

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs_)
        if tag == "title":  # inside <head>, which is otherwise skipped
            self.in_title = True
            return
        if self.skipping:
            if tag not in _VOID:
                self.skipping.append(tag)
            return
        style = (attributes.get("style") or "").replace(" ", "").lower()
        hidden = ("hidden" in attributes or attributes.get("aria-hidden") == "true"
                  or "display:none" in style or "visibility:hidden" in style)
        words = set(f"{attributes.get('class') or ''} {attributes.get('id') or ''} {attributes.get('role') or ''}"
                    .lower().split())
        furniture = bool(words & _FURNITURE_WORDS) and tag not in ("body", "main", "article")
        if words & _FOOTNOTE_WORDS and tag not in _VOID and tag not in ("body", "main", "article"):
            self.footnotes += 1
            furniture = True
        if (tag in _SKIP or attributes.get("role") == "navigation" or (hidden and tag not in _VOID)
                or furniture):
            if tag not in _VOID:
                self.skipping.append(tag)
            return
        if tag == "sup":
            self.sup = []
            return
        if tag in ("ol", "ul"):
            self.flush()
            self.open_list(tag, attributes)
        elif tag == "li":
            self.flush()
            depth = "   " * len(self.lists) if self.indent else ""  # a browser indents each nested list
            self.prefix = depth + self.item(attributes)
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.flush()
            self.prefix = "#" * int(tag[1]) + " "
        elif tag == "tr":
            self.flush()
            self.cells = []
        elif tag in ("td", "th") and self.cells is not None:
            self.flush()
        elif tag == "br":
            self.flush(blank=False)
        elif tag == "pre":
            self.flush()
            self.in_pre += 1
        elif tag in _BLOCK:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
            return
        if tag == "sup" and self.sup is not None and not self.skipping:
            text, self.sup = "".join(self.sup), None
            if not _FOOTNOTE_MARK_RE.match(text):  # "1<sup>st</sup>" is text; "Basin.<sup>1</sup>" a reference
                self.buffer.append(text)
            return
        if self.skipping:
            if self.skipping[-1] == tag or tag in self.skipping:
                while self.skipping and self.skipping.pop() != tag:
                    pass
            return
        if tag in ("ol", "ul"):
            self.flush()
            if self.lists:
                self.close_list(self.lists.pop())
        elif tag in ("td", "th") and self.cells is not None:
            self.flush()
        elif tag == "tr" and self.cells is not None:
            self.flush()
            cells, self.cells = self.cells, None
            if cells:
                self.lines.append(" | ".join(cells))
        elif tag == "table":
            self.flush()
        elif tag == "pre":
            self.flush()
            self.in_pre = max(0, self.in_pre - 1)
        elif tag in _BLOCK or tag in ("li", "h1", "h2", "h3", "h4", "h5", "h6", "p"):
            self.flush()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        elif not self.skipping:
            (self.sup if self.sup is not None else self.buffer).append(data)

    # lists --------------------------------------------------------------------------------
    def open_list(self, tag: str, attributes: dict[str, str | None]) -> None:
        ordered = tag == "ol"
        fmt = _TYPES.get(attributes.get("type") or "1", "decimal")
        start = _int(attributes.get("start"))
        step = -1 if ordered and "reversed" in attributes else 1
        holder = self.lists[-1].current if self.lists else None
        style = (attributes.get("style") or "").replace(" ", "").lower()
        shown = not ("list-style:none" in style or "list-style-type:none" in style)
        self.serials += 1
        self.lists.append(_List(ordered, fmt, start if start is not None else 1, step, holder, shown=shown,
                                count_down=step == -1 and start is None, first_line=len(self.lines),
                                serial=self.serials))

    def close_list(self, lst: _List) -> None:
        """A list counting down from its length: its items' numbers, now that the length is known."""
        if not lst.count_down:
            return
        # One pass over the list's lines, whatever its length (a replace per item was quadratic).
        mark = re.compile(f"\x01{lst.serial}:(\\d+)\x01")

        def label(m: re.Match[str]) -> str:
            return list_number(lst.items - int(m.group(1)), lst.fmt)

        for i in range(lst.first_line, len(self.lines)):
            if "\x01" in self.lines[i]:
                self.lines[i] = mark.sub(label, self.lines[i])

    def item(self, attributes: dict[str, str | None]) -> str:
        if not self.lists:
            return "- "
        lst = self.lists[-1]
        if not lst.shown:  # the item's own text carries whatever number it has ("SG-1. ...")
            return ""
        if not lst.ordered:
            return "- "
        value = _int(attributes.get("value"))
        number = value if value is not None else lst.next
        lst.next = number + lst.step
        label = list_number(number, lst.fmt)
        if lst.count_down and value is None:
            label = f"\x01{lst.serial}:{lst.items}\x01"  # settled when the list closes
        lst.items += 1
        lst.current = label
        if lst.fmt == "decimal":
            nested_in_number = lst.label is not None and lst.label[:1].isdigit()
            return f"{lst.label}.{label}. " if nested_in_number else f"{label}. "
        if len(self.lists) == 1 and lst.fmt in ("upperLetter", "upperRoman"):
            return f"{label}. "  # as shown: "II. ..." in a run counting from I is a point (or a heading)
        return f"({label}) "

    def text(self) -> str:
        self.flush()
        return "\n".join(self.lines)


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def html_to_text(html: str, *, indent: bool = False) -> tuple[str, list[str], str | None]:
    """A page's text as numbered lines, notes on the reading, and the page's ``<title>`` (None if absent).

    With ``indent``, each list item is indented three spaces for every list it sits in, as a
    browser shows it, so the structure reader nests "(i)" under "(a)" and a bullet under its point.
    """
    reader = _Reader(indent)
    reader.feed(html)
    reader.close()
    text = reader.text()
    title = " ".join("".join(reader.title_parts).split()) or None
    notes = [f"Left out the page's footnotes ({reader.footnotes} section{'s' if reader.footnotes > 1 else ''})."
             ] if reader.footnotes else []
    return text, notes, title


#: The encoding a web page declares: <meta charset="..."> or <meta http-equiv=... content="...; charset=...">.
_DECLARED_RE = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)


def decode_page(data: bytes, path: Path, encoding: str | None) -> tuple[str, str | None]:
    """A web page's text, and the encoding it declares when that, not UTF-8, was needed to read it.

    As a browser does, a page saved in windows-1252 that says so in a ``<meta>`` is read in it; a page
    that decodes as UTF-8 is read as UTF-8 whatever it declares (the commoner mislabel).
    """
    try:
        return decode_text(data, path, encoding), None
    except DocumentError:
        declared = _DECLARED_RE.search(data[:4096])
        if encoding is not None or declared is None:
            raise
        codec = declared.group(1).decode("ascii")
        try:
            return data.decode(codec), codec
        except (LookupError, UnicodeDecodeError):
            raise DocumentError(f"{path}: the page declares the encoding {codec!r} but does not decode in it\n"
                                "    fix: give the encoding, e.g. --encoding cp1252 (command line) or "
                                "encoding='cp1252' (load)") from None
