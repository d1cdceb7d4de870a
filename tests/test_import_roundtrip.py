"""A version written out as numbered text, a web page or a Word file with automatic numbering reads back the same."""

from __future__ import annotations

import html
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peacediff.importers import read_document
from peacediff.plaintext import parse_text

_WORDS = st.sampled_from(["the", "parties", "agree", "within", "100 days", "600,000", "personnel", "Ukraine",
                          "USD 1.5 billion", "50%", "shall", "may", "NATO", "elections", "Article 5 of", "part of",
                          "sanctions;", "guarantee,", "Russia.", "<b>", "&", "café", "Title II of"])
_TEXT = st.lists(_WORDS, min_size=1, max_size=25).map(lambda ws: "The " + " ".join(ws))
_POINTS = st.lists(st.tuples(_TEXT, st.lists(_TEXT, max_size=3)), min_size=1, max_size=12)

Points = list[tuple[str, list[str]]]


def _expected(points: Points) -> list:
    return [(str(n), text, [(chr(96 + k), s) for k, s in enumerate(subs, start=1)])
            for n, (text, subs) in enumerate(points, start=1)]


def _shape(v) -> list:
    return [(p.number, p.text, [(s.number, s.text) for s in p.subpoints]) for p in v.provisions]


def _as_text(points: Points) -> str:
    lines = []
    for n, (text, subs) in enumerate(points, start=1):
        lines.append(f"{n}. {text}")
        lines += [f"   ({chr(96 + k)}) {s}" for k, s in enumerate(subs, start=1)]
    return "\n".join(lines)


def _as_html(points: Points) -> str:
    items = []
    for text, subs in points:
        inner = "".join(f"<li>{html.escape(s)}</li>" for s in subs)
        items.append(f"<li>{html.escape(text)}" + (f"<ol type='a'>{inner}</ol>" if subs else "") + "</li>")
    return f"<!DOCTYPE html><html><head><title>t</title></head><body><ol>{''.join(items)}</ol></body></html>"


@settings(max_examples=40, deadline=None)
@given(_POINTS)
def test_numbered_text_and_html_read_back_the_same(points: Points) -> None:
    assert _shape(parse_text(_as_text(points), "t")) == _expected(points)
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "page.html"
        page.write_text(_as_html(points), encoding="utf-8")
        assert _shape(read_document(page)) == _expected(points)


@settings(max_examples=15, deadline=None)
@given(_POINTS)
def test_word_automatic_numbering_reads_back_the_same(points: Points) -> None:
    pytest.importorskip("lxml")
    pytest.importorskip("docx")
    from docx_fixtures import WordDoc

    doc = WordDoc()
    numbering = doc.new_list([("decimal", "%1."), ("lowerLetter", "(%2)")])
    for text, subs in points:
        doc.para(text, numbering, 0)
        for sub in subs:
            doc.para(sub, numbering, 1)
    with tempfile.TemporaryDirectory() as folder:
        path = doc.save(Path(folder) / "draft.docx")
        assert _shape(read_document(path)) == _expected(points)
