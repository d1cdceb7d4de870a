"""A version written out as a plain document (numbered text, Markdown, HTML, Word) that reads back the same.

Unlike the report views of a version (header, parameters, evidence), these are the
draft itself: the title, then each provision as its number and text, sub-points nested
under their parent.  peacediff's own readers (:func:`peacediff.importers.read_document`)
read each one back as the same provisions: same numbers, same texts, same nesting.

What a document cannot carry is left out: keys, parameters, evidence, sources and
notes are curated data, and categories are not written.  A provision's text is written
with its runs of whitespace as single spaces, the way every reader gives text back.

What a plain line cannot say is marked: an unnumbered provision is a bullet item at any
depth ("- ", ``<ul>``, a typed "•" in Word), and each level of sub-points is indented (three
spaces, a nested list, a deeper Word list level), which the readers nest by.

Known limits of the round trip, where the readers decide by what a line looks like:
a provision whose text itself opens like a number or heading ("2. The parties",
"Article 5", "(a) ...", "- ") is read as a new provision; a text with a line break in it
reads back as one line; control characters cannot be written and are refused.
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Sequence
from typing import Protocol

from peacediff._numberwords import roman_value


# The model calls this module, so it names no model class: a version and a provision are what
# it reads of them (peacediff.model.Version and Provision have these).
class Point(Protocol):
    """What a document shows of a provision."""

    @property
    def number(self) -> str | None: ...
    @property
    def text(self) -> str: ...
    @property
    def subpoints(self) -> Sequence[Point]: ...


class Draft(Protocol):
    """What a document shows of a version."""

    @property
    def title(self) -> str: ...
    @property
    def provisions(self) -> Sequence[Point]: ...

__all__ = ["DOCUMENT_FORMATS", "document_bytes", "document_format"]

#: The formats a version can be written in as a document, by file suffix.
DOCUMENT_FORMATS = {".txt": "text", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
                    ".docx": "docx"}


def document_format(suffix: str) -> str | None:
    """The document format a file suffix asks for (``".md"`` → ``"md"``), or None."""
    return DOCUMENT_FORMATS.get(suffix.lower())


def _flat(text: str) -> str:
    return " ".join(text.split())


def _is_control(c: str) -> bool:
    return ord(c) < 32 or 0x7F <= ord(c) <= 0x9F


def _walk(provisions: Sequence[Point]) -> Iterator[Point]:
    for p in provisions:
        yield p
        yield from _walk(p.subpoints)


def _check(v: Draft) -> None:
    """Refuse control characters (other than white space): no document format carries them."""
    for p in _walk(v.provisions):
        bad = next((c for c in p.text if _is_control(c) and not c.isspace()), None)
        if bad is not None:
            where = p.number or repr(_flat(p.text)[:40])
            raise ValueError(f"provision {where} holds a control character (U+{ord(bad):04X}) that no "
                             "document can carry; remove it from the version")


def _text_label(p: Point, depth: int) -> str:
    """"6. ", "(a) ", or "- " for an unnumbered provision at any depth (a bare line would continue the one above)."""
    if p.number is None:
        return "- "
    return f"{p.number}. " if depth == 0 else f"({p.number}) "


def _text_lines(provisions: Sequence[Point], depth: int) -> Iterator[str]:
    for p in provisions:
        yield "   " * depth + _text_label(p, depth) + _flat(p.text)
        yield from _text_lines(p.subpoints, depth + 1)
        if depth == 0:
            yield ""


def version_text(v: Draft) -> str:
    """The version as numbered plain text: the title as a ``# Title`` line, then one paragraph per provision.

    Sub-points are indented three spaces a level under their parent; an unnumbered provision is a
    bullet item ("- ..."), level with its numbered neighbours, so the reader neither folds it into
    the point above nor numbers it.

    The title is marked as a heading because a bare first line is read as a provision or a
    preamble wherever the version's own points are unnumbered or the title reads like a sentence.
    """
    _check(v)
    return "\n".join([f"# {_flat(v.title)}", "", *_text_lines(v.provisions, 0)]).rstrip("\n") + "\n"


def _md_lines(provisions: Sequence[Point], depth: int) -> Iterator[str]:
    """Provisions as Markdown list items; a lettered sub-point is a line of its parent's item.

    Markdown has no lettered lists: "(a)" lines stay inside the parent's item, each after a
    hard line break (two trailing spaces), so a viewer shows them on lines of their own.
    Unnumbered sub-points are a nested bullet list.
    """
    for p in provisions:
        line = "   " * depth + _text_label(p, depth) + _flat(p.text)
        breaks = bool(p.subpoints) and p.subpoints[0].number is not None
        yield line + ("  " if breaks else "")
        for i, sub in enumerate(p.subpoints):
            nxt = p.subpoints[i + 1] if i + 1 < len(p.subpoints) else None
            lines = list(_md_lines((sub,), depth + 1))
            if nxt is not None and nxt.number is not None and not sub.subpoints:
                lines[-1] += "  "
            yield from lines
        if depth == 0:
            yield ""


def _end_bullet_lists(lines: Iterator[str]) -> Iterator[str]:
    """A blank line where a bullet item is followed by a lettered line no deeper than it.

    Without it Markdown would run "(b) ..." on into the bullet's paragraph (a lazy continuation).
    """
    before = ""
    for line in lines:
        bullet = before.lstrip().startswith("- ")
        depth = len(before) - len(before.lstrip())
        if bullet and line.strip() and not line.lstrip().startswith("- ") and len(line) - len(line.lstrip()) <= depth:
            yield ""
        yield line
        before = line


def version_markdown(v: Draft) -> str:
    """The version as Markdown: a ``#`` title, then the provisions as nested lists."""
    _check(v)
    body = _end_bullet_lists(_md_lines(v.provisions, 0))
    return "\n".join([f"# {_flat(v.title)}", "", *body]).rstrip("\n") + "\n"


_TYPED = '<ul class="typed" style="list-style-type:none">'


def _html_items(provisions: Sequence[Point]) -> Iterator[str]:
    """Numbered paragraphs, for numbers an HTML list cannot show ("SG-1", "4bis"); sub-points nested under each.

    The sub-points are lists that show no marker of their own (``list-style-type:none``), their
    numbers typed in front of their text: nested, so a browser indents them and a reader nests them.
    """
    for p in provisions:
        yield f"<p>{html.escape(_text_label(p, 0))}{html.escape(_flat(p.text))}</p>"
        if p.subpoints:
            yield "".join(_typed_list(p.subpoints, 1))


def _typed_list(provisions: Sequence[Point], depth: int) -> Iterator[str]:
    yield _TYPED
    for p in provisions:
        inner = "".join(_typed_list(p.subpoints, depth + 1)) if p.subpoints else ""
        yield f"<li>{html.escape(_text_label(p, depth))}{html.escape(_flat(p.text))}{inner}</li>"
    yield "</ul>"


def _list_kind(p: Point, depth: int) -> tuple[str, int | None] | None:
    """The list that shows ``p``'s number and the item's ``value``: ("ol", 6), ("ol-a", 2), ("ol-i", 4), ("ul", None).

    None for a number no list can show ("SG-1", "4bis", a sub-point numbered "1").
    """
    number = p.number
    if number is None:
        return "ul", None
    if depth == 0:
        ok = number.isascii() and number.isdigit() and not number.startswith("0")
        return ("ol", int(number)) if ok else None
    if len(number) == 1 and "a" <= number <= "z":  # "i" too: the ninth letter shows as "i" all the same
        return "ol-a", ord(number) - 96
    value = roman_value(number) if number.islower() else None  # "iv": a lower-case numeral
    return ("ol-i", value) if value is not None else None


def _listable(provisions: Sequence[Point], depth: int) -> bool:
    return all(_list_kind(p, depth) is not None and _listable(p.subpoints, depth + 1) for p in provisions)


_OPEN = {"ol": "<ol>", "ol-a": '<ol type="a">', "ol-i": '<ol type="i">', "ul": "<ul>"}


def _html_lists(provisions: Sequence[Point], depth: int) -> Iterator[str]:
    """Provisions as nested lists, each item carrying its number as ``value``; a new list where the kind changes."""
    open_kind: str | None = None
    for p in provisions:
        kind, value = _list_kind(p, depth) or ("ul", None)
        if kind != open_kind and open_kind is not None:
            yield f"</{open_kind[:2]}>"
            open_kind = None
        if open_kind is None:
            yield _OPEN[kind]
            open_kind = kind
        shown = f' value="{value}"' if value is not None else ""
        inner = "".join(_html_lists(p.subpoints, depth + 1))
        yield f"<li{shown}>{html.escape(_flat(p.text))}{inner}</li>"
    if open_kind is not None:
        yield f"</{open_kind[:2]}>"


def version_html(v: Draft) -> str:
    """The version as a web page: the title, then the provisions, all text escaped.

    Decimal numbers, lettered and roman sub-points are nested lists (``<ol>``, ``<ol type="a">``,
    ``<ol type="i">``, ``<ul>`` for unnumbered provisions at any depth), each item with its number
    as ``value``; a version with any other number ("SG-1", "4bis") is written as numbered
    paragraphs instead, their sub-points nested lists with the numbers typed.
    """
    _check(v)
    title = html.escape(_flat(v.title))
    listable = _listable(v.provisions, 0)
    body = "\n".join(_html_lists(v.provisions, 0) if listable else _html_items(v.provisions))
    return ('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{title}</title>\n</head>\n<body>\n<h1>{title}</h1>\n{body}\n</body>\n</html>\n")


def document_bytes(v: Draft, fmt: str) -> bytes:
    """The version as a document in ``fmt`` ("text", "md", "html" or "docx"), as the bytes of the file."""
    if fmt == "docx":  # the Word writer, reached through the format registry (it sits above the model)
        from peacediff._display import render_bytes

        _check(v)  # refused as in every other format, not dropped silently by the Word writer

        return render_bytes(v, "docx")
    writers = {"text": version_text, "md": version_markdown, "html": version_html}
    if fmt not in writers:
        raise ValueError(f"unknown document format {fmt!r}; choose one of text, md, html, docx")
    return writers[fmt](v).encode("utf-8")
