"""Import a numbered plain-text document as a :class:`~peacediff.model.Version`.

Recognised point markers at the start of a line: ``1.``, ``1)``, ``(1)``,
``Point 1:``, ``Article 1 -``, ``§ 1``; sub-point markers ``a)``, ``(a)``,
``a.`` (single letters or roman numerals) nest under the point before them.
Lines without a marker continue the point above.  A document with no
markers at all becomes one provision per paragraph, numbered 1, 2, 3 ...

Example::

    >>> from peacediff.plaintext import parse_text
    >>> v = parse_text("1. Ceasefire.\\n2. Elections within 100 days.\\n  a) Observers.", "draft")
    >>> [p.number for p in v.provisions], v.provisions[1].subpoints[0].text
    (['1', '2'], 'Observers.')
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from peacediff.model import Provision, Version

__all__ = ["PlainTextError", "load_text", "parse_text"]

_POINT_RE = re.compile(
    r"^\s*(?:(?:point|article|art\.|section|clause|§)\s*)?\(?(\d+(?:\.\d+)*)[.):]?(?:\s+[-–—:]\s*|\s+|$)(.*)$",
    re.IGNORECASE,
)
_SUB_RE = re.compile(r"^\s*\(?([a-z]|[ivx]{1,5})[.)]\s+(.*)$")


class PlainTextError(ValueError):
    """A plain-text document could not be turned into a version."""


def parse_text(text: str, version_id: str, *, title: str | None = None, source: str = "<text>",
               **metadata: Any) -> Version:
    """Parse numbered plain text into a Version without lineage keys."""
    if not text.strip():
        raise PlainTextError(f"{source}:1:1: the document is empty\n    fix: give a file with one numbered point "
                             "per line, e.g. '1. First point'")
    points: list[dict[str, Any]] = []
    saw_marker = False
    for line in text.splitlines():
        if not line.strip():
            if points and not saw_marker:
                points.append({"number": None, "lines": [], "subs": []})
            continue
        point = _POINT_RE.match(line)
        sub = _SUB_RE.match(line)
        if point and point.group(2).strip():
            saw_marker = True
            points.append({"number": point.group(1), "lines": [point.group(2).strip()], "subs": []})
        elif sub and points and points[-1]["lines"]:
            points[-1]["subs"].append([sub.group(1), [sub.group(2).strip()]])
        elif points and points[-1]["subs"]:
            points[-1]["subs"][-1][1].append(line.strip())
        elif points:
            points[-1]["lines"].append(line.strip())
        else:
            points.append({"number": None, "lines": [line.strip()], "subs": []})
    points = [p for p in points if p["lines"]]
    if not saw_marker:  # paragraphs, numbered in reading order
        for i, p in enumerate(points, start=1):
            p["number"] = str(i)
    seen: dict[str, int] = {}
    provisions = []
    for p in points:
        number = p["number"]  # None: text before the first numbered point (a preamble)
        if number is not None and number in seen:
            raise PlainTextError(f"{source}: point number {number} appears twice\n    fix: renumber one of them "
                                 "so each point has its own number")
        if number is not None:
            seen[number] = 1
        subs = [Provision(text=" ".join(lines), number=label) for label, lines in _unique_subs(p["subs"])]
        provisions.append(Provision(text=" ".join(p["lines"]), number=number, subpoints=subs))
    return Version(id=version_id, title=title or version_id, provisions=tuple(provisions), **metadata)


def _unique_subs(subs: list[list[Any]]) -> list[list[Any]]:
    labels: set[str] = set()
    out = []
    for label, lines in subs:
        base, n = label, 1
        while label in labels:  # a repeated letter: keep every sub-point, tell them apart
            n += 1
            label = f"{base}{n}"
        labels.add(label)
        out.append([label, lines])
    return out


def load_text(path: str | os.PathLike[str], version_id: str | None = None, **metadata: Any) -> Version:
    """Read a UTF-8 numbered plain-text file as a Version (id defaults to the file stem)."""
    p = Path(path)
    data = p.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise PlainTextError(f"{p}:{line}: the file is not valid UTF-8\n    fix: re-save it as UTF-8") from None
    vid = version_id or re.sub(r"[^a-z0-9._-]+", "-", p.stem.lower()).strip("-._") or "document"
    metadata.setdefault("title", p.name)
    return parse_text(text, vid, source=str(p), **metadata)
