"""PDF documents as numbered text: reading order, running headers and page numbers gone, words rejoined.

A PDF holds positioned glyphs, not paragraphs.  Each page is laid out as
fixed-width text (pypdf's layout mode, the ``pdf`` extra), so columns keep
their place; a page whose lines all leave the same vertical band blank, with
text on both sides, is set in two columns and is read left column first
(the notes say which pages).  Lines that repeat at the top or bottom of many
pages (running headers, footers, "Page 3 of 12" with the number varying) are
dropped, as are bare page numbers, and a word hyphenated at a line end is
joined back (without the hyphen, unless the document spells it with one
elsewhere).  A PDF without a text layer is a scan: it has to go through OCR.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from peacediff._documents import DocumentError, extra_missing

__all__ = ["pdf_to_text"]

_PAGE_NUMBER_RE = re.compile(r"^(?:page\s+)?[-–—]?\s*\d+\s*[-–—]?(?:\s*(?:of|/)\s*\d+)?$", re.IGNORECASE)
_POINT_RE = re.compile(r"^(?:\(?\d+[.)]|article|section|§|part|chapter|title|annex|schedule)\s", re.IGNORECASE)
_EDGE = 2  # lines at the top and the bottom of a page that may be running headers or footers
_GUTTER = 3  # blank characters a column gap must span


def pdf_to_text(path: str | Path, data: bytes | None = None) -> tuple[str, list[str]]:
    """A PDF's text in reading order, one layout line per line, and notes on how it was read.

    ``data`` is the file's bytes when they have been read already (``path`` then only names the
    file in messages).
    """
    p = Path(path)
    pages = _page_lines(p, data)
    notes: list[str] = []
    two_columns = []
    columns: list[list[str]] = []
    for number, lines in enumerate(pages, start=1):
        split = _split_columns(lines)
        if split is not None:
            two_columns.append(number)
            lines = split
        columns.append([" ".join(line.split()) for line in lines])
    if two_columns:
        notes.append(f"The PDF is set in two columns on {_pages(two_columns)}; each such page was read "
                     "left column first, then right.")
    body, dropped = _drop_furniture(columns)
    if dropped:
        shown = "; ".join(f"'{line}'" for line in dropped[:3])
        notes.append(f"Dropped running headers, footers and page numbers repeated across pages ({shown}).")
    joined, rejoined = _rejoin_hyphens(body)
    if rejoined:
        notes.append(f"Rejoined {rejoined} word{'s' if rejoined != 1 else ''} hyphenated at line ends.")
    return "\n".join(joined), notes


def _page_lines(path: Path, data: bytes | None) -> list[list[str]]:
    try:
        import pypdf
    except ImportError:
        raise extra_missing("pdf", "pypdf", path) from None
    log = logging.getLogger("pypdf")
    level = log.level
    log.setLevel(logging.ERROR)  # "EOF marker not found" and the like: the error below says it, once
    try:
        reader = pypdf.PdfReader(io.BytesIO(data) if data is not None else path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(f"{path}: the PDF is password-protected\n"
                                "    fix: open it with the password and save an unprotected copy")
        pages = [(page.extract_text(extraction_mode="layout") or "").splitlines() for page in reader.pages]
    except DocumentError:
        raise
    except Exception as exc:  # a malformed PDF can fail anywhere inside the parser
        raise DocumentError(f"{path}: the PDF is damaged ({exc})\n"
                            "    fix: open it in a PDF viewer and save or print it to a new PDF") from None
    finally:
        log.setLevel(level)
    if not any(line.strip() for lines in pages for line in lines):
        raise DocumentError(f"{path}: no text layer: this PDF is an image; run OCR first "
                            "(e.g. ocrmypdf in.pdf out.pdf), then read the OCRed file")
    return pages


def _split_columns(lines: list[str]) -> list[str] | None:
    """The page's lines read column by column when it is set in two columns, else None.

    Two columns leave a vertical band in the middle half of the page blank on
    nearly every line (a title or a running header may span both), with text
    on both sides of it on at least a third of the lines.  A line that spans
    the band ends a block: the block is read left column, then right, then
    the spanning line.
    """
    text_lines = [line.rstrip() for line in lines if line.strip()]
    if len(text_lines) < 6:
        return None
    width = max(len(line) for line in text_lines)
    band = _gutter(text_lines, width)
    if band is None:
        return None
    cut = (band[0] + band[1]) // 2
    right = [line for line in text_lines if line[cut:].strip() and not _spans(line, band)]
    left = [line for line in text_lines if line[:cut].strip() and not _spans(line, band)]
    if len(right) < len(text_lines) / 3 or len(left) < len(text_lines) / 3:
        return None
    if min(_mean_length(line[cut:] for line in right), _mean_length(line[:cut] for line in left)) < 25:
        return None  # short cells side by side are a table, read row by row, not columns of prose
    out: list[str] = []
    block: list[str] = []
    for line in [*lines, None]:
        if line is None or (line.strip() and _spans(line, band)):
            out += [part[:cut] for part in block] + [""] + [part[cut:] for part in block]
            block = []
            if line is not None:
                out += ["", line, ""]
        else:
            block.append(line)
    return out


def _mean_length(parts: Iterable[str]) -> float:
    lengths = [len(part.strip()) for part in parts]
    return sum(lengths) / len(lengths) if lengths else 0.0


def _spans(line: str, band: tuple[int, int]) -> bool:
    return bool(line[band[0]:band[1]].strip())


def _gutter(text_lines: list[str], width: int) -> tuple[int, int] | None:
    """The widest band of columns in the middle half left blank by nearly every line (85 %)."""
    needed = 0.85 * len(text_lines)
    clear = [sum(1 for line in text_lines if line[c:c + 1] in ("", " ")) >= needed
             for c in range(width + 1)]
    best: tuple[int, int] | None = None
    c = width // 4
    while c <= 3 * width // 4:
        if not clear[c]:
            c += 1
            continue
        end = c
        while end < width and clear[end]:
            end += 1
        if end - c >= _GUTTER and (best is None or end - c > best[1] - best[0]):
            best = (c, end)
        c = end + 1
    if best is None:
        return None
    # the band must be blank on the same lines all across: a ragged right edge is not a gutter
    spanning = [line for line in text_lines if _spans(line, best)]
    return best if len(spanning) <= len(text_lines) - needed else None


def _furniture_key(line: str) -> str:
    """Page furniture matches across pages with its numbers varying, unless it reads like a numbered point."""
    if _POINT_RE.match(line):
        return line.lower()
    return re.sub(r"\d+", "#", line.lower())


def _edges(lines: list[str]) -> dict[int, str]:
    """Index -> position ("top0", "bottom1" ...) of the lines that may be running headers or footers.

    Those are at most two lines at the top or the bottom of the page, set off
    from the body by a blank line, as page margins set them off.
    """
    filled = [i for i, line in enumerate(lines) if line]
    if not filled:
        return {}
    edges: dict[int, str] = {}
    top = [i for i in range(filled[0], filled[0] + _EDGE) if i < len(lines)]
    for end in range(len(top)):
        if all(lines[i] for i in top[: end + 1]) and (top[end] + 1 >= len(lines) or not lines[top[end] + 1]):
            edges.update({i: f"top{k}" for k, i in enumerate(top[: end + 1])})
            break
    bottom = [i for i in range(filled[-1], filled[-1] - _EDGE, -1) if i >= 0]
    for end in range(len(bottom)):
        if all(lines[i] for i in bottom[: end + 1]) and (bottom[end] == 0 or not lines[bottom[end] - 1]):
            edges.update({i: f"bottom{k}" for k, i in enumerate(bottom[: end + 1])})
            break
    return edges


def _drop_furniture(pages: list[list[str]]) -> tuple[list[str], list[str]]:
    """All pages' lines without running headers, footers and page numbers; and what was dropped."""
    counts: Counter[tuple[str, str]] = Counter()
    for lines in pages:
        counts.update({(where, _furniture_key(lines[i])) for i, where in _edges(lines).items()})
    threshold = max(2, (len(pages) + 1) // 2)
    repeated = {key for key, n in counts.items() if n >= threshold}
    body: list[str] = []
    dropped: list[str] = []
    for lines in pages:
        edges = _edges(lines)
        for i, line in enumerate(lines):
            if i in edges and ((edges[i], _furniture_key(line)) in repeated or _PAGE_NUMBER_RE.match(line)):
                if line not in dropped and _furniture_key(line) not in {_furniture_key(d) for d in dropped}:
                    dropped.append(line)
                continue
            body.append(line)
    return body, dropped


def _rejoin_hyphens(lines: list[str]) -> tuple[list[str], int]:
    """Join "recon-" / "struction" into "reconstruction"; keep the hyphen where the text uses one."""
    words = set(re.findall(r"\w+(?:-\w+)+", " ".join(lines).lower()))
    out = list(lines)
    rejoined = 0
    for i in range(len(out) - 1):
        line, following = out[i], out[i + 1]
        m = re.search(r"(\w+)-$", line)
        if not m or not following[:1].islower():
            continue
        head, _, rest = following.partition(" ")
        bare = re.match(r"\w+", head)
        compound = f"{m.group(1)}-{bare.group(0) if bare else head}".lower()
        glue = "-" if compound in words else ""  # "well-known" written whole elsewhere keeps its hyphen
        out[i] = line[:-1] + glue + head
        out[i + 1] = rest
        rejoined += 1
    return out, rejoined


def _pages(numbers: list[int]) -> str:
    if len(numbers) == 1:
        return f"page {numbers[0]}"
    runs: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        runs.append(f"{start}" if start == prev else f"{start}–{prev}")
        if n is not None:
            start = prev = n
    return "pages " + ", ".join(runs)
