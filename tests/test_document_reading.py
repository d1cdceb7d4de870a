"""Every document format is read through one path: the file is opened once, with the same checks."""

from __future__ import annotations

import builtins
import io
import os
from pathlib import Path
from typing import Any

import pytest

from peacediff.importers import DocumentError, read_document

HTML = "<!doctype html><html><head><title>Border accord</title></head><body><ol>" \
       "<li>The border is demarcated along the river.</li><li>Crossings reopen within 30 days.</li></ol></body></html>"
TEXT = "Border accord\n\n1. The border is demarcated along the river.\n2. Crossings reopen within 30 days.\n"


def _count_opens(monkeypatch: pytest.MonkeyPatch, target: Path) -> list[str]:
    opened: list[str] = []
    real_open = builtins.open
    real_io_open = io.open

    def counting(real: Any) -> Any:
        def open_(file: Any, *args: Any, **kwargs: Any) -> Any:
            if isinstance(file, (str, os.PathLike)) and Path(file) == target:
                opened.append(str(file))
            return real(file, *args, **kwargs)

        return open_

    monkeypatch.setattr(builtins, "open", counting(real_open))
    monkeypatch.setattr(io, "open", counting(real_io_open))
    return opened


@pytest.mark.parametrize(("name", "body"), [("accord.txt", TEXT), ("accord.md", TEXT), ("accord.html", HTML)])
def test_a_document_is_opened_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, body: str) -> None:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    opened = _count_opens(monkeypatch, path)
    version = read_document(path)
    assert [p.text for p in version.provisions][-1] == "Crossings reopen within 30 days."
    assert len(opened) == 1, opened


def test_a_word_file_is_opened_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("lxml")
    pytest.importorskip("docx")
    from docx_fixtures import WordDoc

    doc = WordDoc()
    points = doc.new_list([("decimal", "%1.")])
    doc.para("The border is demarcated along the river.", points, 0)
    doc.para("Crossings reopen within 30 days.", points, 0)
    path = doc.save(tmp_path / "accord.docx")
    opened = _count_opens(monkeypatch, path)
    assert [p.number for p in read_document(path).provisions] == ["1", "2"]
    assert len(opened) == 1, opened


@pytest.mark.parametrize("name", ["page.html", "notes.txt", "draft.docx", "scan.pdf"])
def test_a_folder_is_refused_the_same_way_whatever_its_name(tmp_path: Path, name: str) -> None:
    folder = tmp_path / name
    folder.mkdir()
    with pytest.raises(DocumentError, match=r"is a folder, not a file\n    fix: "):
        read_document(folder)


def test_a_web_page_over_the_text_limit_but_within_its_own_is_read(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import peacediff.importers as importers

    path = tmp_path / "page.html"
    path.write_text(HTML + "<!--" + "x" * 2000 + "-->", encoding="utf-8")
    monkeypatch.setattr(importers, "MAX_DOCUMENT_BYTES", 1000)  # the plain-text limit, made small
    assert read_document(path).title == "Border accord"
    text = tmp_path / "notes.txt"
    text.write_text(TEXT + "\n" * 2000, encoding="utf-8")
    with pytest.raises(DocumentError, match=r"over the 1,000-byte limit for one text document"):
        read_document(text)
