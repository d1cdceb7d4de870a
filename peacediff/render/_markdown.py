"""Markdown output: escaping document text so it stays text, links, and redlines as ``~~del~~`` / ``**ins**``."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from peacediff.render._safetext import Styled, safe_url, visible_controls

_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


# Inline metacharacters: emphasis, code, links, raw HTML, entities, strike-through, table pipes.
_MD_ESCAPES = str.maketrans({c: "\\" + c for c in "\\`*_{}[]<>()#!|~&"})
# Block starters that could interrupt a paragraph at the start of a line (lists, quotes, setext).
_MD_LINE_START_RE = re.compile(r"^(\s*)([-+=>]|\d+[.)])", re.MULTILINE)
# GFM extended autolinks: "scheme://", "www." and e-mail addresses become links unless broken up.
_MD_AUTOLINK_RE = re.compile(r"(?i)(:)(?=//)|(?<=www)(\.)|(@)")


def md_escape(text: Any) -> Styled:
    """Escape Markdown metacharacters so document text stays text (no links, HTML, emphasis).

    Example::

        >>> str(md_escape("<b>[x](y)</b>"))
        '\\\\<b\\\\>\\\\[x\\\\]\\\\(y\\\\)\\\\</b\\\\>'
    """
    text = visible_controls(str(text)).translate(_MD_ESCAPES)
    if ":" in text or "@" in text or "www" in text.lower():
        text = _MD_AUTOLINK_RE.sub(lambda m: "\\" + m.group(), text)
    if "\n" in text or text[:1] in "-+=> \t0123456789":
        text = _MD_LINE_START_RE.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    return Styled(text)


def md_cell(text: Any) -> Styled:
    """Escape text for a Markdown table cell (one line, pipes escaped)."""
    return md_escape(" ".join(str(text).split()))


@functools.lru_cache(maxsize=1024)
def md_url(url: str | None) -> str | None:
    """A safe URL percent-encoded for a Markdown link destination, or None."""
    url = safe_url(url)
    if url is None:
        return None
    # Percent-encode what could end the destination; "&" stays (query strings) but is backslash-
    # escaped, or Markdown would decode an entity such as "&lt;" inside the URL.
    return quote(url, safe=":/?#@!$&'*+,;=%-._~[]").replace("&", "\\&")


def _md_punct(c: str) -> bool:
    return c in _ASCII_PUNCT or unicodedata.category(c)[0] in "PS"


def _md_can_open(prev: str, first: str) -> bool:
    # CommonMark left-flanking run: not before whitespace; before punctuation only after
    # whitespace or punctuation ("" is a line edge).
    return not first.isspace() and (not _md_punct(first) or not prev or prev.isspace() or _md_punct(prev))


def _md_can_close(last: str, nxt: str) -> bool:
    return not last.isspace() and (not _md_punct(last) or not nxt or nxt.isspace() or _md_punct(nxt))


def md_redline(segs: Sequence[tuple[str, str]]) -> Styled:
    """Segments as Markdown: deletions ``~~…~~``, insertions ``**…**``, one delimiter pair per line.

    Whitespace stays outside the delimiters (GFM ignores ``~~ x~~``).  Where the delimiters
    still could not open or close (``word~~.~~``: a run between a letter and punctuation),
    the change is written as ``<del>…</del>`` / ``<ins>…</ins>``, which GitHub renders the
    same way; the text inside is escaped either way.  A line break inside a provision is a
    hard break (``\\`` at line end) so sub-points stay on their own lines.
    """
    marks = {"del": "~~", "ins": "**"}
    lines: list[list[list[str]]] = [[]]  # per line: [kind, lead, escaped body, trail]
    for kind, text in segs:
        for i, part in enumerate(text.split("\n")):
            if i:
                lines.append([])
            if not part:
                continue
            stripped = part.strip()
            if kind == "eq" or not stripped:
                lines[-1].append(["eq", "", md_escape(part), ""])
                continue
            lead = part[: len(part) - len(part.lstrip())]
            trail = part[len(part.rstrip()):]
            lines[-1].append([kind, lead, md_escape(stripped), trail])
    out = []
    for pieces in lines:
        rendered: list[str] = []
        for n, (kind, lead, body, trail) in enumerate(pieces):
            if kind == "eq":
                rendered.append(body)
                continue
            prev = lead[-1:] or (rendered[-1][-1:] if rendered else "")
            following = pieces[n + 1] if n + 1 < len(pieces) else None
            if trail:
                nxt = trail[0]
            elif following is None:
                nxt = ""
            elif following[0] != "eq" and not following[1]:
                nxt = "~" if following[0] == "del" else "*"
            else:
                nxt = (following[1] or following[2])[:1]
            if _md_can_open(prev, body[0]) and _md_can_close(body[-1], nxt):
                mark = marks[kind]
                rendered.append(f"{lead}{mark}{body}{mark}{trail}")
            else:
                rendered.append(f"{lead}<{kind}>{body}</{kind}>{trail}")
        out.append("".join(rendered).rstrip())
    return Styled("\\\n".join(line for line in out if line))
