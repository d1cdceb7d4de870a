"""What a document file is and how its bytes become text: the format sniffer, the decoder, the errors.

Shared by the plain-text reader and every importer, below both, so that neither imports the
other to learn a file's kind or to decode it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from peacediff._files import decode_utf8, guess_encoding, iconv_hint

__all__ = ["FORMATS", "MAX_BYTES", "DocumentError", "PlainTextError", "decode_text", "extra_missing", "sniff",
           "version_id_for"]


class PlainTextError(ValueError):
    """A plain-text document could not be turned into a version."""


#: What each format is read as, by suffix.
FORMATS = {".txt": "text", ".text": "text", ".md": "text", ".markdown": "text", ".docx": "docx",
           ".html": "html", ".htm": "html", ".xhtml": "html", ".pdf": "pdf"}


#: Largest PDF, web page or Word file read (plain text stops at ``_files.MAX_DOCUMENT_BYTES``): page
#: images and embedded fonts make these formats several times larger than their text.  A .docx is
#: also bounded part by part when unpacked.
MAX_BYTES = 200 * 1024 * 1024


class DocumentError(PlainTextError):
    """A document could not be read: the message names the file, the problem and the fix."""


def sniff(data: bytes, path: str | os.PathLike[str] = "") -> str:
    """The format of a document's bytes: "docx", "pdf", "html" or "text".

    Formats that cannot be read (a legacy or encrypted Word file, RTF, other
    zip archives) raise :class:`DocumentError` saying what the file is and
    how to get a readable one.
    """
    name = Path(path).name or "<document>"
    if data.startswith(b"PK\x03\x04"):
        if b"word/" in data[:65536] or b"[Content_Types].xml" in data[:65536]:
            return "docx"
        raise DocumentError(f"{name}: this is a zip archive, not a Word document or text\n"
                            "    fix: unpack it and give the document inside")
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        # Word saves a password-protected .docx as an OLE container around an encrypted package.
        if "EncryptedPackage".encode("utf-16-le") in data or Path(path).suffix.lower() == ".docx":
            raise DocumentError(f"{name}: this .docx is password-protected (encrypted), so it cannot be read\n"
                                "    fix: save an unprotected copy (in Word: File > Info > Protect Document > "
                                "Encrypt with Password, clear it) and give that")
        raise DocumentError(f"{name}: this is an encrypted Word file or an old binary .doc file, which cannot be read\n"
                            "    fix: open it in Word or LibreOffice, remove the password if any, and save it as .docx")
    if data.startswith(b"{\\rtf"):
        raise DocumentError(f"{name}: this is an RTF file\n"
                            "    fix: open it in Word or LibreOffice and save it as .docx")
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 text: look at its characters, not its bytes
        head = head[: len(head) // 2 * 2].decode("utf-16", errors="replace").encode("utf-8")
    head = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")) or (
        Path(path).suffix.lower() in (".html", ".htm", ".xhtml") and head.startswith(b"<")
    ):
        return "html"
    return "text"


def decode_text(data: bytes, path: str | os.PathLike[str] = "<document>", encoding: str | None = None) -> str:
    """Text from bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM, or the ``encoding`` given.

    Anything else is a :class:`DocumentError` naming the line and byte offset
    of the first undecodable byte and suggesting ``--encoding`` / ``encoding=``.
    """
    if encoding is not None:
        codec = encoding
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        codec = "utf-16"
    else:
        codec = "utf-8-sig"
    try:
        return data.decode(codec)
    except LookupError:
        raise DocumentError(f"{path}: unknown encoding {encoding!r}\n"
                            "    fix: give a Python codec name such as utf-8, cp1252, latin-1 or utf-16") from None
    except UnicodeDecodeError as exc:
        if encoding is None and codec == "utf-8-sig":
            # The one UTF-8 decoder with positions and a guess at the real encoding.
            _text, bad = decode_utf8(data)
            assert bad is not None
            _offset, line, col, reason = bad
            guess = guess_encoding(data)
            codec_name = {"Windows-1252": "cp1252", "UTF-16": "utf-16"}.get(guess or "", "latin-1")
            raise DocumentError(
                f"{path}:{line}:{col}: {reason}\n"
                f"    fix: give its encoding, e.g. --encoding {codec_name} (command line) or "
                f"encoding='{codec_name}' (load), or {iconv_hint(reason)}"
            ) from None
        line = data.count(b"\n", 0, exc.start) + 1
        raise DocumentError(
            f"{path}:{line}: the file is not valid {codec} (byte 0x{data[exc.start]:02x} at offset {exc.start})\n"
            "    fix: give the file's real encoding with --encoding (command line) or encoding= (load)"
        ) from None


def extra_missing(extra: str, module: str, path: Path) -> DocumentError:
    """The error for a format whose optional dependency is not installed."""
    return DocumentError(f"{path}: reading this {extra} file needs the optional '{module}' package\n"
                         f"    fix: pip install 'peacediff[{extra}]'")


def version_id_for(path: Path) -> str:
    """The version id a document gets from its file name ("Draft 3.docx" → "draft-3")."""
    return re.sub(r"[^a-z0-9._-]+", "-", path.stem.lower()).strip("-._") or "document"
