"""Numbered plain-text import."""

from __future__ import annotations

from pathlib import Path

import pytest

from peacediff.plaintext import PlainTextError, load_text, parse_text


def test_points_subpoints_and_continuations() -> None:
    v = parse_text(
        "Preamble text becomes an unnumbered point.\n"
        "1. Ukraine's sovereignty is confirmed.\n"
        "2) A guarantee is given:\n"
        "   a) the U.S. is paid;\n"
        "   (b) it lapses if Ukraine invades\n"
        "       Russia.\n"
        "Article 3 - Elections within 100 days.\n",
        "draft",
    )
    assert [p.number for p in v.provisions] == [None, "1", "2", "3"]
    assert v.provisions[0].text.startswith("Preamble")
    guarantee = v.provisions[2]
    assert [s.number for s in guarantee.subpoints] == ["a", "b"]
    assert guarantee.subpoints[1].text == "it lapses if Ukraine invades Russia."
    assert v.provisions[3].text == "Elections within 100 days."


def test_paragraphs_without_numbers_are_numbered_in_order() -> None:
    v = parse_text("First paragraph\ncontinues.\n\nSecond paragraph.\n", "p")
    assert [(p.number, p.text) for p in v.provisions] == [("1", "First paragraph continues."),
                                                         ("2", "Second paragraph.")]


def test_duplicate_numbers_and_empty_documents_are_errors() -> None:
    with pytest.raises(PlainTextError, match="point number 1 appears twice"):
        parse_text("1. a\n1. b\n", "d")
    with pytest.raises(PlainTextError, match="the document is empty"):
        parse_text(" \n\n", "d")


def test_non_utf8_file_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"1. ok\n2. caf\xe9\n")
    with pytest.raises(PlainTextError, match=r"bad.txt:2: the file is not valid UTF-8"):
        load_text(path)
