"""The command line with documents: Word out (--format docx), --encoding, and bad documents in.

Every bad document is answered with exit status 2 and a message that names the file and the
fix (two lines: what is wrong, then "fix: ..."), never a traceback, and at once: a 300 MB file
is refused by its size, never read.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import peacediff
from peacediff.cli import main

OLD = "1. The parties agree to a ceasefire within 30 days.\n2. Elections are held within 100 days.\n"
NEW = "1. The parties agree to a ceasefire within 60 days.\n2. Elections are held as soon as possible.\n"


def _user_error(capsys: pytest.CaptureFixture[str], status: int, *needles: str) -> str:
    err = capsys.readouterr().err
    assert status == 2, err
    assert "Traceback" not in err and "internal error" not in err, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 or (len(lines) == 2 and lines[1].startswith("    fix: ")), err
    for needle in needles:
        assert needle in err, (needle, err)
    return err


# --------------------------------------------------------------------------- Word out


def test_diff_writes_a_word_document_chosen_by_suffix_or_format(tmp_path: Path, capsys) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    out = tmp_path / "redline.docx"
    assert main(["diff", str(old), str(new), "-o", str(out)]) == 0
    assert "wrote" in capsys.readouterr().err
    expected = peacediff.compare(peacediff.load(old), peacediff.load(new)).to_docx()
    assert out.read_bytes() == expected
    named = tmp_path / "redline.bin"
    assert main(["diff", str(old), str(new), "--format", "docx", "-o", str(named)]) == 0
    assert named.read_bytes() == expected
    with zipfile.ZipFile(io.BytesIO(expected)) as z:
        document = z.read("word/document.xml").decode("utf-8")
    assert "<w:delText xml:space=\"preserve\">30</w:delText>" in document


def test_diff_docx_to_a_pipe_is_the_bytes_and_to_a_terminal_is_refused(tmp_path: Path) -> None:
    r = subprocess.run([sys.executable, "-m", "peacediff", "diff", "us-russia-28", "us-ua-20", "--format", "docx"],
                       capture_output=True, check=False)
    assert r.returncode == 0, r.stderr
    c = peacediff.compare(peacediff.load("us-russia-28"), peacediff.load("us-ua-20"))
    assert r.stdout == c.to_docx()
    pty = pytest.importorskip("pty")
    main_fd, terminal = pty.openpty()
    try:
        r = subprocess.run([sys.executable, "-m", "peacediff", "diff", "us-russia-28", "us-ua-20", "--format", "docx"],
                           stdout=terminal, stderr=subprocess.PIPE, check=False, timeout=120)
    finally:
        os.close(terminal)
        os.close(main_fd)
    assert r.returncode == 2
    assert b"binary and standard output is a terminal" in r.stderr and b"-o FILE.docx" in r.stderr


def test_docx_asked_of_a_command_that_has_no_word_view_is_a_user_error(tmp_path: Path, capsys) -> None:
    status = main(["compare3", "us-russia-28", "e3-counter-28", "us-ua-20", "--format", "docx"])
    _user_error(capsys, status, "cannot be written as docx", "choose one of")
    status = main(["matrix", "-o", str(tmp_path / "m.docx")])
    _user_error(capsys, status, "cannot be written as docx")
    assert not (tmp_path / "m.docx").exists()


def test_show_writes_a_version_as_word_that_imports_back(tmp_path: Path, capsys) -> None:
    pytest.importorskip("lxml")
    out = tmp_path / "us-ua-20.docx"
    assert main(["show", "us-ua-20", "-o", str(out)]) == 0
    assert capsys.readouterr().err.startswith("wrote ")
    back = peacediff.load(out)
    original = peacediff.load("us-ua-20")
    shape = [(p.number, p.text, [(s.number, s.text) for s in p.subpoints]) for p in original.provisions]
    assert [(p.number, p.text, [(s.number, s.text) for s in p.subpoints]) for p in back.provisions] == shape
    status = main(["show", "us-ua-20", "-o", str(tmp_path / "v.html")])
    _user_error(capsys, status, "show writes text, md, json, docx, not html")


# --------------------------------------------------------------------------- --encoding


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_diff_and_show_read_other_encodings_with_encoding(tmp_path: Path, capsys, codec: str) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_bytes("1. Le café ouvre à 8 h.\n2. Straße gesperrt.\n".encode(codec))
    new.write_bytes("1. Le café ouvre à 9 h.\n2. Straße gesperrt.\n".encode(codec))
    status = main(["diff", str(old), str(new)])
    err = _user_error(capsys, status, "old.txt:1:10", "offset 9", "--encoding")
    assert "--encoding cp1252" in err
    assert main(["diff", str(old), str(new), "--encoding", codec, "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert "café" in out and "Straße" in out
    assert main(["show", str(old), "--encoding", codec]) == 0
    assert "Le café ouvre à 8 h." in capsys.readouterr().out


def test_a_wrong_or_unknown_encoding_names_the_byte_offset_or_the_codec(tmp_path: Path, capsys) -> None:
    path = tmp_path / "d.txt"
    path.write_bytes("1. A ceasefire.\n2. Café \u20ac.\n".encode("utf-8"))
    status = main(["show", str(path), "--encoding", "ascii"])
    _user_error(capsys, status, "d.txt:2", "not valid ascii", "offset 22", "--encoding")
    status = main(["diff", str(path), str(path), "--encoding", "no-such-codec"])
    _user_error(capsys, status, "unknown encoding 'no-such-codec'")


# --------------------------------------------------------------------------- bad documents in


def _encrypted_docx(path: Path) -> Path:
    """An OLE compound file holding EncryptionInfo and EncryptedPackage: what Word saves with a password."""
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    directory = bytearray(512)
    for k, name in enumerate(("Root Entry", "EncryptionInfo", "EncryptedPackage")):
        raw = name.encode("utf-16-le") + b"\x00\x00"
        directory[k * 128: k * 128 + len(raw)] = raw
        directory[k * 128 + 64] = len(raw)
    path.write_bytes(bytes(header) + bytes(directory) + b"\x00" * 4096)
    return path


def test_a_password_protected_docx_says_so(tmp_path: Path, capsys) -> None:
    status = main(["diff", str(_encrypted_docx(tmp_path / "secret.docx")), "us-ua-20"])
    _user_error(capsys, status, "secret.docx", "password-protected", "unprotected copy")
    status = main(["import", str(_encrypted_docx(tmp_path / "locked.docx"))])
    _user_error(capsys, status, "locked.docx", "password-protected")


def test_a_corrupt_or_truncated_docx(tmp_path: Path, capsys) -> None:
    whole = tmp_path / "whole.docx"
    whole.write_bytes(peacediff.compare(peacediff.load("us-russia-28"), peacediff.load("us-ua-20")).to_docx())
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes(whole.read_bytes()[: len(whole.read_bytes()) // 2])
    _user_error(capsys, main(["show", str(truncated)]), "truncated.docx", "damaged")
    garbage = tmp_path / "garbage.docx"
    garbage.write_bytes(b"PK\x03\x04" + b"word/" + bytes(range(256)) * 20)
    _user_error(capsys, main(["diff", str(garbage), str(whole)]), "garbage.docx", "damaged")


def test_a_scanned_pdf_without_a_text_layer(tmp_path: Path, capsys) -> None:
    fpdf = pytest.importorskip("fpdf")
    pytest.importorskip("pypdf")
    pdf = fpdf.FPDF()
    for _ in range(2):
        pdf.add_page()
        pdf.rect(15, 15, 180, 260, style="F")
    scan = tmp_path / "scan.pdf"
    pdf.output(str(scan))
    _user_error(capsys, main(["diff", str(scan), "us-ua-20"]), "scan.pdf",
                "no text layer: this PDF is an image; run OCR first")


def test_empty_documents_of_every_kind(tmp_path: Path, capsys) -> None:
    empty_docx = tmp_path / "empty.docx"
    with zipfile.ZipFile(empty_docx, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", '<w:document xmlns:w="http://schemas.openxmlformats.org/'
                   'wordprocessingml/2006/main"><w:body><w:p/></w:body></w:document>')
    files = {"empty.txt": b"", "blank.md": b" \n\n\t\n", "empty.html": b"<!DOCTYPE html><html><body></body></html>"}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    for name in ["empty.docx", *files]:
        status = main(["diff", str(tmp_path / name), "us-ua-20"])
        err = _user_error(capsys, status, name)
        assert "no text" in err or "empty" in err or "no numbered" in err or "no provisions" in err, err


@pytest.mark.parametrize("name", ["huge.txt", "huge.docx", "huge.pdf", "huge.html"])
def test_a_300_mb_document_is_refused_by_its_size(tmp_path: Path, capsys, name: str) -> None:
    path = tmp_path / name
    heads = {".docx": b"PK\x03\x04word/", ".pdf": b"%PDF-1.7\n", ".html": b"<!DOCTYPE html><html>", ".txt": b"1. "}
    with path.open("wb") as handle:  # sparse: 300 MB on paper, no disk used
        handle.write(heads[path.suffix])
        handle.truncate(300 * 1024 * 1024)
    status = main(["diff", str(path), "us-ua-20"])
    err = _user_error(capsys, status, name)
    assert "MB" in err or "bytes" in err or "damaged" in err, err
