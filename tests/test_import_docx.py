"""Word documents in: automatic numbering as displayed, headings, tables, tracked changes, bad files."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

pytest.importorskip("lxml")
pytest.importorskip("docx")

from docx_fixtures import WordDoc, delete_paragraph_mark, link_style, moved

import peacediff
from peacediff.importers import DocumentError, read_document
from peacediff.importers.docx_in import docx_to_text
from peacediff.plaintext import PlainTextError, load_text


def _shape(v) -> list:
    def one(p):
        return (p.number, p.text, [one(s) for s in p.subpoints])

    return [one(p) for p in v.provisions]


def _treaty(tmp_path: Path) -> Path:
    d = WordDoc()
    articles = d.new_list([("decimal", "Article %1"), ("decimal", "%2."), ("lowerLetter", "(%3)")])
    d.para("The parties, recalling their friendship, have agreed as follows:")
    d.heading("PART I GENERAL PROVISIONS", 1)
    d.para("Scope", articles, 0)
    d.para("This treaty applies to the river, to its tributaries and to its banks in every season.")
    d.para("Definitions", articles, 0)
    d.para("For this treaty:", articles, 1)
    d.para("river means the main stream;", articles, 2)
    d.para("bank means the shore.", articles, 2)
    d.para("Terms have their ordinary meaning.", articles, 1)
    d.heading("PART II FISHING", 1)
    d.para("Quotas", articles, 0)
    d.para("The commission fixes the quotas every year after hearing both parties.")
    return d.save(tmp_path / "treaty.docx")


def test_automatic_numbering_comes_out_as_the_numbers_a_reader_sees(tmp_path: Path) -> None:
    v = read_document(_treaty(tmp_path))
    assert _shape(v) == [
        (None, "The parties, recalling their friendship, have agreed as follows:", []),
        ("1", "Scope — This treaty applies to the river, to its tributaries and to its banks in every season.", []),
        ("2", "Definitions", [
            ("1", "For this treaty:", [("a", "river means the main stream;", []), ("b", "bank means the shore.", [])]),
            ("2", "Terms have their ordinary meaning.", []),
        ]),
        ("3", "Quotas — The commission fixes the quotas every year after hearing both parties.", []),
    ]
    # heading styles are categories, and never rename the articles under them
    assert [p.category for p in v.provisions[1:]] == ["PART I GENERAL PROVISIONS"] * 2 + ["PART II FISHING"]
    assert v.id == "treaty" and v.title == "treaty.docx"  # no title in the document's properties


def test_the_title_in_the_document_properties_is_the_version_title(tmp_path: Path) -> None:
    d = WordDoc()
    d.doc.core_properties.title = "River Treaty, draft 3"
    d.para("1. The parties agree.")
    v = read_document(d.save(tmp_path / "t.docx"))
    assert v.title == "River Treaty, draft 3"
    assert read_document(tmp_path / "t.docx", title="Mine").title == "Mine"


def test_list_formats_levels_starts_and_restarts(tmp_path: Path) -> None:
    d = WordDoc()
    d.para("First by style.", style="List Number")
    d.para("Second by style.", style="List Number")
    d.para("A bullet.", style="List Bullet")
    lettered = d.new_list([("upperLetter", "Article %1"), ("lowerRoman", "(%2)")])
    d.para("Alpha", lettered)
    d.para("sub one", lettered, 1)
    d.para("sub two", lettered, 1)
    d.para("Beta", lettered)
    d.para("sub again", lettered, 1)
    legal = d.new_list([("decimal", "%1."), ("decimal", "%1.%2")], start=5)
    d.para("five", legal)
    d.para("five one", legal, 1)
    d.para("six", legal)
    restarted = d.new_list([], restart_of=legal, start=1)
    d.para("restarted", restarted)
    bare = d.new_list([("decimal", "%1"), ("lowerLetter", "%2")])  # numbers shown bare, a tab after them
    d.para("bare one", bare)
    d.para("bare letter", bare, 1)
    text, notes, _ = docx_to_text(d.save(tmp_path / "lists.docx"))
    assert [line for line in text.splitlines() if line] == [
        "1. First by style.", "2. Second by style.", "- A bullet.",
        "Article A Alpha", "(i) sub one", "(ii) sub two", "Article B Beta", "(i) sub again",
        "5. five", "5.1. five one", "6. six", "1. restarted", "1. bare one", "a) bare letter",
    ]
    assert notes == []


def test_tables_read_as_text_and_tracked_changes_as_accepted(tmp_path: Path) -> None:
    d = WordDoc()
    points = d.new_list([("decimal", "%1.")])
    d.para("Fishing quotas are fixed as follows:", points)
    d.table([["Species", "Tonnes"], ["Salmon", "10"]])
    d.para("placeholder", points)
    d.doc.paragraphs[-1]._p.getparent().remove(d.doc.paragraphs[-1]._p)
    d.tracked("Fishing is ", "forbidden", "allowed", " in spring.")
    v = read_document(d.save(tmp_path / "changes.docx"))
    assert v.provisions[0].text == "Fishing quotas are fixed as follows: Species | Tonnes Salmon | 10 " \
                                   "Fishing is allowed in spring."
    assert "forbidden" not in v.provisions[0].text
    assert v.note is not None and "tracked changes (1 insertions, 1 deletions" in v.note
    assert "accepted" in v.note


def test_numbering_through_a_paragraph_style_and_heading_styles_as_articles(tmp_path: Path) -> None:
    d = WordDoc()
    articles = d.new_list([("upperRoman", "ARTICLE %1"), ("decimal", "%2.")])
    link_style(d, "Article Heading", articles, 0)
    link_style(d, "Heading 2", articles, 1)
    d.heading("CHAPTER ONE", 1)
    d.para("Borders", style="Article Heading")
    d.para("The border follows the river along its whole length, as drawn on the maps of the annex.")
    d.heading("Demarcation", 2)  # a numbered heading style: paragraph "1." of the article, not a category
    d.para("Elections", style="Article Heading")
    v = read_document(d.save(tmp_path / "styled.docx"))
    assert [(p.number, p.category) for p in v.provisions] == [("I", "CHAPTER ONE"), ("II", "CHAPTER ONE")]
    assert [(s.number, s.text) for s in v.provisions[0].subpoints] == [("1", "Demarcation")]
    assert v.provisions[0].text.startswith("Borders — The border follows the river")


def test_deleted_paragraph_marks_and_moves_read_as_accepted(tmp_path: Path) -> None:
    d = WordDoc()
    points = d.new_list([("decimal", "%1.")])
    delete_paragraph_mark(d.para("The ceasefire starts", points))
    delete_paragraph_mark(d.para("at dawn"))
    d.para("on the day after signing.")
    p = d.para("Prisoners are exchanged", points)
    moved(p, " within 30 days", " all for all")
    v = read_document(d.save(tmp_path / "marks.docx"))
    assert [(x.number, x.text) for x in v.provisions] == [
        ("1", "The ceasefire starts at dawn on the day after signing."),
        ("2", "Prisoners are exchanged all for all"),
    ]
    assert "accepted" in (v.note or "")


def test_a_docx_named_txt_is_read_by_load_and_refused_by_the_text_reader(tmp_path: Path) -> None:
    disguised = tmp_path / "draft.txt"
    disguised.write_bytes(_treaty(tmp_path).read_bytes())
    v = peacediff.load(disguised)
    assert [p.number for p in v.provisions] == [None, "1", "2", "3"]
    assert "this is a .docx file although it is named draft.txt" in (v.note or "")
    with pytest.raises(PlainTextError, match=r"draft.txt: this is a \.docx file, not plain text"):
        load_text(disguised)


def test_damaged_encrypted_and_empty_word_files_get_clear_errors(tmp_path: Path) -> None:
    corrupt = tmp_path / "corrupt.docx"
    corrupt.write_bytes(b"PK\x03\x04word/" + b"\x00" * 100)
    with pytest.raises(DocumentError, match=r"corrupt.docx: the .docx is damaged"):
        read_document(corrupt)
    encrypted = tmp_path / "secret.docx"
    encrypted.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500)
    with pytest.raises(DocumentError, match=r"secret.docx: this .docx is password-protected"):
        read_document(encrypted)
    not_word = tmp_path / "other.docx"
    with zipfile.ZipFile(not_word, "w") as z:
        z.writestr("word/other.xml", "<x/>")
    with pytest.raises(DocumentError, match=r"no word/document\.xml"):
        read_document(not_word)
    empty = WordDoc().save(tmp_path / "empty.docx")
    with pytest.raises(DocumentError, match=r"empty\.docx: the document has no text"):
        read_document(empty)
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes(_treaty(tmp_path).read_bytes()[:3000])
    with pytest.raises(DocumentError, match=r"truncated\.docx: the \.docx is damaged"):
        read_document(truncated)
    bad_xml = tmp_path / "badxml.docx"
    with zipfile.ZipFile(bad_xml, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document><unclosed>")
    with pytest.raises(DocumentError, match=r"badxml.docx: the .docx is damaged \(word/document.xml"):
        read_document(bad_xml)


def test_entities_in_a_docx_are_not_expanded(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xml = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
           f'<w:document xmlns:w="{w}"><w:body><w:p><w:r><w:t>1. Safe &b;</w:t></w:r></w:p></w:body></w:document>')
    with zipfile.ZipFile(bomb, "w") as z:
        z.writestr("word/document.xml", xml)
    try:
        text = docx_to_text(bomb)[0]
    except DocumentError:
        return  # refusing the file is as good as not expanding it
    assert "aaaaaaaaaa" not in text
