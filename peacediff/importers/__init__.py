"""Documents in any format as versions: plain text, Markdown, Word (.docx), web pages (.html) and PDF.

Every importer turns its format into numbered plain text, the lines a reader
sees (Word's automatic numbers written out, headings as Markdown headings,
table rows as lines), and hands it to one structure reader,
:func:`peacediff.plaintext.parse_text`, so articles, annexes, recitals and
headings are read the same way whatever the file was.  What an importer had
to decide on its own (tracked changes accepted, a two-column layout, running
headers dropped) goes into the version's ``note``.

The format is told by the file's content, then by its suffix: a Word file
saved as ``.txt`` is still read as Word.

Example::

    >>> from peacediff.importers import read_document
    >>> v = read_document("draft.docx")          # doctest: +SKIP
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from peacediff._documents import FORMATS, MAX_BYTES, DocumentError, decode_text, extra_missing, sniff, version_id_for
from peacediff._files import MAX_DOCUMENT_BYTES, FileProblem
from peacediff._files import read_document as read_document_bytes
from peacediff.model import Version

__all__ = ["FORMATS", "MAX_BYTES", "DocumentError", "decode_text", "extra_missing", "read_document", "sniff"]


def read_document(path: str | os.PathLike[str], version_id: str | None = None, *, encoding: str | None = None,
                  **metadata: Any) -> Version:
    """Read a plain-text, Markdown, .docx, .html or .pdf file as a Version (id defaults to the file stem).

    ``encoding`` applies to text and HTML files; ``metadata`` takes other
    :class:`Version` fields (``title``, ``date``, ``parents`` ...).  The file is read once,
    with the same checks whatever its format (a regular file, within its size limit).
    """
    p = Path(path)
    data = _read(p)
    kind = sniff(data[:65536], p)
    if kind == "text" and len(data) > MAX_DOCUMENT_BYTES:
        raise DocumentError(f"{p} is {len(data):,} bytes, over the {MAX_DOCUMENT_BYTES:,}-byte limit for one "
                            "text document\n    fix: split the document into several versions")
    vid = version_id or version_id_for(p)
    if kind == "text":
        from peacediff.plaintext import version_from_bytes

        return version_from_bytes(data, p, vid, encoding, _named_as_binary(data, p, encoding, metadata))
    given = metadata.get("title")
    if kind == "html":
        from peacediff.importers.html_in import decode_page, html_to_text

        page, declared = decode_page(data, p, encoding)
        text, notes, title = html_to_text(page, indent=True)
        if declared:
            notes.insert(0, f"Read as {declared}, the encoding the page declares (it is not UTF-8).")
    elif kind == "docx":
        from peacediff.importers.docx_in import docx_to_text

        text, notes, title = docx_to_text(p, data, indent=True)
    else:
        from peacediff.importers.pdf_in import pdf_to_text

        text, notes = pdf_to_text(p, data)
        title = None
    if given is None and title:
        metadata["title"] = title
    named = FORMATS.get(p.suffix.lower())
    if named is not None and named != kind:  # say so: the user thinks of it as the other format
        notes.insert(0, f"Read as .{kind}: this is a .{kind} file although it is named {p.name}.")
    return _parse(text, vid, p, notes, metadata)


def _named_as_binary(data: bytes, path: Path, encoding: str | None, metadata: dict[str, Any]) -> dict[str, Any]:
    """``metadata``, noting a text file named .docx or .pdf; a damaged one of those is an error, not bad text."""
    named = FORMATS.get(path.suffix.lower())
    if named not in ("docx", "pdf"):
        return metadata
    try:
        decode_text(data, path, encoding)
    except DocumentError:
        what = ("a .docx file: it is not the zip archive every .docx is" if named == "docx"
                else "a PDF: it does not start with '%PDF-' as every PDF does")
        app = "Word or LibreOffice" if named == "docx" else "a PDF viewer"
        raise DocumentError(f"{path}: this is not {what}, nor is it text; the file is damaged\n"
                            f"    fix: open the original in {app} and save it again") from None
    note = f"Read as text: this is a plain-text file although it is named {path.name}."
    return {**metadata, "note": f"{metadata['note']} {note}" if metadata.get("note") else note}


def _read(path: Path) -> bytes:
    """The file's bytes, with the checks every document gets (a regular file, at most :data:`MAX_BYTES`)."""
    size = path.stat().st_size
    if size > MAX_BYTES and path.is_file():  # said at once, before reading a byte
        raise DocumentError(f"{path}: the file is {size / 2**20:,.0f} MB, more than the {MAX_BYTES // 2**20} MB a "
                            "document is read up to\n    fix: split it, or give the part to compare")
    try:
        return read_document_bytes(path, limit=MAX_BYTES)
    except FileProblem as exc:
        raise DocumentError(str(exc)) from None


def _parse(text: str, vid: str, path: Path, notes: list[str], metadata: dict[str, Any]) -> Version:
    from peacediff.plaintext import parse_lines

    if not text.strip():
        raise DocumentError(f"{path}: the document has no text\n    fix: give a document with numbered points")
    if notes:
        metadata["note"] = " ".join([metadata["note"], *notes] if metadata.get("note") else notes)
    # Named nowhere else, the title is a title line that would otherwise be lost or become a
    # provision of its own (as its text twin reads it), else the file name.
    title = metadata.pop("title", None)
    return parse_lines(text, vid, title, str(path), path.name, metadata, headings_title=False)
