"""Terminal output: redlines and text wrapped to a width, with ``[-del-]{+ins+}`` marks or ANSI colour."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from peacediff.render._safetext import Styled, visible_controls

# ANSI styles for render_text(color=True): red + strike-through for deletions, blue + underline
# for insertions, so the marks survive a colour-blind reader and a monochrome terminal.
_ANSI = {"del": "\x1b[31;9m", "ins": "\x1b[34;4m", "head": "\x1b[1m", "dim": "\x1b[2m"}
_ANSI_RESET = "\x1b[0m"
_PLAIN_MARKS = {"del": ("[-", "-]"), "ins": ("{+", "+}"), "eq": ("", "")}


def _wrap_runs(runs: Sequence[tuple[str, str]], width: int, indent: str, color: bool,
               first: str | None = None) -> str:
    """Wrap styled runs to ``width`` columns, counting only visible characters.

    Every line starts with ``indent`` except the first, which starts with ``first`` when given.
    """
    pieces: list[tuple[str, str]] = []  # (style, text) with line breaks as ("nl", "")
    for style, text in runs:
        text = visible_controls(text)
        if not color:
            start, end = _PLAIN_MARKS.get(style, ("", ""))
            text = f"{start}{text}{end}" if start else text
        for i, part in enumerate(text.split("\n")):
            if i:
                pieces.append(("nl", ""))
            pieces.extend((style, tok) for tok in re.findall(r"\s+|\S+", part))
    lines: list[list[tuple[str, str]]] = [[]]
    used = 0
    avail = max(20, width - len(indent))
    for style, tok in pieces:
        if style == "nl":
            lines.append([])
            used = 0
            continue
        if tok.isspace():
            if used == 0:
                continue
            lines[-1].append((style, tok))
            used += len(tok)
            continue
        if used and used + len(tok) > avail:
            while lines[-1] and lines[-1][-1][1].isspace() and lines[-1][-1][0] == "eq":
                lines[-1].pop()
            lines.append([])
            used = 0
        lines[-1].append((style, tok))
        used += len(tok)
    out = []
    for number, line in enumerate(lines):
        merged: list[list[str]] = []
        for style, tok in line:
            if merged and merged[-1][0] == style:
                merged[-1][1] += tok
            else:
                merged.append([style, tok])
        text = "".join(
            f"{_ANSI[style]}{tok}{_ANSI_RESET}" if color and style in _ANSI else tok for style, tok in merged
        )
        lead = first if number == 0 and first is not None else indent
        out.append((lead + text).rstrip() if not color else lead + text)
    return "\n".join(out)


def text_redline(segs: Sequence[tuple[str, str]], width: int = 100, indent: str = "",
                  color: bool = False) -> Styled:
    return Styled(_wrap_runs(segs, width, indent, color))


def text_wrap(text: Any, width: int = 100, indent: str = "", first: str | None = None) -> Styled:
    return Styled(_wrap_runs((("eq", str(text)),), width, indent, False, first))


def styled(text: Any, style: str, color: bool) -> Styled:
    text = visible_controls(str(text))
    return Styled(f"{_ANSI[style]}{text}{_ANSI_RESET}" if color else text)
