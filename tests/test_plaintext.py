"""Numbered plain-text import."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import peacediff
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
    with pytest.raises(PlainTextError, match=r"bad.txt:2:7: the file is not valid UTF-8 \(byte 0xe9 at offset 12\); "
                       "it looks like Windows-1252") as info:
        load_text(path)
    assert "iconv -f WINDOWS-1252 -t UTF-8" in str(info.value)


def _shape(v) -> list:
    def one(p):
        return (p.number, p.text, p.category, [one(s) for s in p.subpoints])

    return [one(p) for p in v.provisions]


def test_wrapped_lines_that_start_with_figures_or_references_stay_in_their_point() -> None:
    v = parse_text(
        "1. Elections are held within\n"
        "100 days after signing.\n"
        "2. Sanctions are lifted in stages and end in\n"
        "2026. The rest follows.\n"
        "3. The fund holds USD\n"
        "1.5 billion, as provided in\n"
        "Article 5 of the Charter and in\n"
        "part of the annex and\n"
        "Title II of the Act.\n",
        "d",
    )
    assert [p.number for p in v.provisions] == ["1", "2", "3"]
    assert v.provisions[0].text == "Elections are held within 100 days after signing."
    assert v.provisions[1].text.endswith("end in 2026. The rest follows.")
    assert v.provisions[2].text == ("The fund holds USD 1.5 billion, as provided in Article 5 of the Charter "
                                    "and in part of the annex and Title II of the Act.")


def test_a_bare_number_starts_a_point_only_when_it_keeps_the_count() -> None:
    v = parse_text("1. First point.\n2 Second point, no full stop after the number.\n7 days later.", "d")
    assert [(p.number, p.text) for p in v.provisions] == [
        ("1", "First point."),
        ("2", "Second point, no full stop after the number. 7 days later."),
    ]



def test_a_numbered_clause_that_opens_with_a_quoted_defined_term_is_a_clause() -> None:
    """Contracts open definitions with the term in quotes: '1.1 "Goods" means ...' is clause 1.1,
    not words folded into clause 1 (whose figure "1.1" a diff then reports as changed)."""
    v = parse_text(
        "1. DEFINITIONS\n"
        '1.1 "Goods" means the products listed in Schedule 1.\n'
        "1.2 \u201cPrice\u201d means EUR 120 per unit.\n"
        "1.3 (Order) A written purchase order.\n"
        "2. DELIVERY\n"
        "2.1 The Supplier delivers within\n"
        '30 "working" days.\n',
        "d",
    )
    assert [(p.number, p.text) for p in v.provisions] == [
        ("1", "DEFINITIONS"),
        ("1.1", '"Goods" means the products listed in Schedule 1.'),
        ("1.2", "\u201cPrice\u201d means EUR 120 per unit."),
        ("1.3", "(Order) A written purchase order."),
        ("2", "DELIVERY"),
        ("2.1", 'The Supplier delivers within 30 "working" days.'),
    ]


def test_statute_layout_articles_paragraphs_letters_and_chapters() -> None:
    v = parse_text(
        "The parties, recalling their commitments,\n"
        "\n"
        "CHAPTER I\n"
        "GENERAL PROVISIONS\n"
        "\n"
        "Article 1\n"
        "Subject matter\n"
        "1. This agreement lays down rules.\n"
        "2. It protects:\n"
        "(a) civilians;\n"
        "(b) prisoners of war.\n"
        "Article 2 – Scope\n"
        "It applies to the whole territory.\n"
        "- including the coast\n"
        "\n"
        "CHAPTER II — GUARANTEES\n"
        "The guarantors undertake the following.\n"
        "Article III\n"
        "Guarantees last 10 years.\n",
        "treaty",
    )
    chapter_one = "CHAPTER I — GENERAL PROVISIONS"
    assert _shape(v) == [
        (None, "The parties, recalling their commitments,", None, []),
        ("1", "Subject matter", chapter_one, [
            ("1", "This agreement lays down rules.", None, []),
            ("2", "It protects:", None, [("a", "civilians;", None, []), ("b", "prisoners of war.", None, [])]),
        ]),
        ("2", "Scope — It applies to the whole territory.", chapter_one, [(None, "including the coast", None, [])]),
        (None, "The guarantors undertake the following.", "CHAPTER II — GUARANTEES", []),
        ("III", "Guarantees last 10 years.", "CHAPTER II — GUARANTEES", []),
    ]


def test_numbering_that_restarts_per_chapter_is_qualified_by_the_chapter() -> None:
    v = parse_text("Part 1\n1. Ceasefire.\n2. Prisoners.\n\nPart 2\n1. Elections.\n", "d")
    assert [p.number for p in v.provisions] == ["1.1", "1.2", "2.1"]
    with pytest.raises(PlainTextError, match=r"<text>:4: point number 1 appears twice \(first on line 2\)"):
        parse_text("Part 1\n1. a.\n2. b.\n1. c.\nPart 2\n1. d.\n", "d")


def test_markdown_headings_bold_markers_and_bullets() -> None:
    v = parse_text("# The plan\n\n## 1. Ceasefire\n**Both sides** stop firing.\n\n**2.** Elections follow.\n", "md")
    # The opening "# The plan" titles the document; it is no point's category.
    assert v.title == "The plan"
    assert _shape(v) == [
        ("1", "Ceasefire — Both sides stop firing.", None, []),
        ("2", "Elections follow.", None, []),
    ]
    bullets = parse_text("KEY POINTS\n\n- Ceasefire now.\n- Elections\n  later.\n\nA closing paragraph.", "b")
    assert bullets.title == "KEY POINTS"
    # A document that bullets its points numbers none of them: the reader invents no numbers.
    assert _shape(bullets) == [
        (None, "Ceasefire now.", None, []),
        (None, "Elections later.", None, []),
        (None, "A closing paragraph.", None, []),
    ]
    assert "2 bulleted items were read as unnumbered provisions" in (bullets.note or "")


def test_roman_and_heading_only_article_markers() -> None:
    v = parse_text("Article I\nThe ceasefire.\nARTICLE II.\nElections.\nSection 3: Amnesty.\n§ 4 Sanctions.", "d")
    assert [(p.number, p.text) for p in v.provisions] == [
        ("I", "The ceasefire."), ("II", "Elections."), ("3", "Amnesty."), ("4", "Sanctions."),
    ]


_WORDS = st.sampled_from([
    "the", "parties", "agree", "within", "100 days", "600,000", "personnel", "2026.", "Ukraine",
    "USD 1.5 billion", "50%", "shall", "may", "(see annex)", "NATO", "elections", "part of", "Article 5 of",
    "sanctions;", "Title II of", "guarantee,", "Russia.",
])


@settings(max_examples=int(os.environ.get("PD_WRAP_EXAMPLES", "150")), deadline=None)
@given(
    texts=st.lists(st.lists(_WORDS, min_size=1, max_size=40).map(" ".join), min_size=1, max_size=25),
    width=st.integers(min_value=12, max_value=90),
)
def test_hard_wrapped_numbered_text_reads_back_exactly(texts: list[str], width: int) -> None:
    # Whatever column a document was wrapped at, every point keeps its number and its text.
    assume(all(not t.split()[0][:1].isdigit() and t.split()[0][:1] != "(" for t in texts))
    body = "\n".join(
        textwrap.fill(f"{i}. {t}", width=width, break_long_words=False, break_on_hyphens=False)
        for i, t in enumerate(texts, start=1)
    )
    v = parse_text(body, "wrapped")
    assert [(p.number, p.text) for p in v.provisions] == [(str(i), t) for i, t in enumerate(texts, start=1)]


def test_pdf_copies_lose_page_furniture_and_rejoin_hyphenated_words() -> None:
    v = parse_text(
        "1. The recon-\nstruction fund is well-\nknown.\n\n- 2 -\n\nPage 2 of 3\n2. Elections follow.\n", "pdf"
    )
    assert [(p.number, p.text) for p in v.provisions] == [
        ("1", "The recon-struction fund is well-known."),
        ("2", "Elections follow."),
    ]


def test_regulation_titles_and_two_line_chapter_headings() -> None:
    v = parse_text(
        "CHAPTER II\n"
        "OBLIGATIONS\n"
        "\n"
        "Article 3\n"
        "Definitions\n"
        "For the purposes of this Regulation, the following definitions apply.\n"
        "Article 4\n"
        "Member States report\n"
        "Annually to the Commission.\n",
        "reg",
    )
    assert _shape(v) == [
        ("3", "Definitions — For the purposes of this Regulation, the following definitions apply.",
         "CHAPTER II — OBLIGATIONS", []),
        # a long line broken where the next word would not fit is a wrap, not a title
        ("4", "Member States report Annually to the Commission.",
         "CHAPTER II — OBLIGATIONS", []),
    ]


def test_a_wrapped_proper_noun_is_not_a_title() -> None:
    v = parse_text("1. Sanctions return at once if Ukraine invades\nRussia.\n2. Peace holds.\n", "d")
    assert v.provisions[0].text == "Sanctions return at once if Ukraine invades Russia."
    # a single word in capitals is a heading only right under another heading
    v = parse_text("1. The parties agree.\n\nNATO\n2. Peace holds.\n", "d")
    assert [(p.number, p.category) for p in v.provisions] == [("1", None), ("2", None)]
    assert v.provisions[0].text == "The parties agree. NATO"


# --------------------------------------------------------------------------- title line, hostile bytes, limits

@pytest.mark.parametrize(
    ("document", "title", "categories"),
    [
        ("TWENTY-POINT PEACE FRAMEWORK\n\n1. Ceasefire.\n2. Elections.\n", "TWENTY-POINT PEACE FRAMEWORK",
         [None, None]),
        ("# Draft treaty\n\n1. Ceasefire.\n2. Elections.\n", "Draft treaty", [None, None]),
        ("Framework for Peace in the Region\n\n1. Ceasefire.\n2. Elections.\n", "Framework for Peace in the Region",
         [None, None]),
        ("# Draft treaty\n\n## Security\n\n1. Ceasefire.\n\n## Economy\n\n2. Trade.\n", "Draft treaty",
         ["Security", "Economy"]),
        ("JOINT PLAN\n\nSECURITY MATTERS\n\n1. Ceasefire.\n\nECONOMIC MATTERS\n\n2. Trade.\n", "JOINT PLAN",
         ["SECURITY MATTERS", "ECONOMIC MATTERS"]),
    ],
)
def test_opening_title_line_is_the_title(document: str, title: str, categories: list[str | None]) -> None:
    v = parse_text(document, "d")
    assert v.title == title
    assert [p.category for p in v.provisions] == categories
    assert all(p.number is not None for p in v.provisions), "the title is no preamble point"


@pytest.mark.parametrize(
    "document",
    [
        "SECURITY MATTERS\n\n1. Ceasefire.\n\nECONOMIC MATTERS\n\n2. Trade.\n",  # the first of several sections
        "## Security\n\n1. Ceasefire.\n2. Elections.\n",  # a section heading, not a document title
        "CHAPTER I\n\n1. Ceasefire.\n2. Elections.\n",  # a division heading
        "The parties agree as follows:\n\n1. Ceasefire.\n2. Elections.\n",  # a preamble sentence
    ],
)
def test_section_headings_and_preambles_are_not_titles(document: str) -> None:
    assert parse_text(document, "d").title == "d"


def test_explicit_title_wins_and_file_name_is_the_fallback(tmp_path: Path) -> None:
    assert parse_text("# Plan\n\n1. A.\n2. B.\n", "d", title="Mine").title == "Mine"
    path = tmp_path / "draft-3.txt"
    path.write_text("1. Ceasefire.\n2. Elections.\n", encoding="utf-8")
    assert load_text(path).title == "draft-3.txt"
    path.write_text("# Third draft\n\n1. Ceasefire.\n2. Elections.\n", encoding="utf-8")
    assert load_text(path).title == "Third draft"


def test_nul_byte_is_refused_at_its_line() -> None:
    with pytest.raises(PlainTextError, match=r"^d.txt:2:5: the text contains a NUL byte"):
        parse_text("1. A.\n2. B\x00.\n", "d", source="d.txt")


def test_oversized_text_file_is_refused(tmp_path: Path) -> None:
    from peacediff.plaintext import MAX_TEXT_BYTES

    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.truncate(MAX_TEXT_BYTES + 1)
    with pytest.raises(PlainTextError, match=r"over the .*-byte limit"):
        load_text(path)


def test_control_characters_in_the_file_name_are_shown(tmp_path: Path) -> None:
    path = tmp_path / "a\x1b[2J.txt"
    path.write_bytes(b"1. \xff\n")
    with pytest.raises(PlainTextError) as info:
        load_text(path)
    assert "\x1b" not in str(info.value) and "⟨U+001B⟩" in str(info.value)


@settings(max_examples=40)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_any_text_is_a_version_or_a_plain_text_error(text: str) -> None:
    try:
        parse_text(text, "d")
    except PlainTextError as exc:
        assert str(exc).startswith("<text>:")


@pytest.mark.parametrize(
    "line",
    [
        "Article 1" + " " * 50_000 + "x",
        "Article 1." + " " * 50_000 + "-" + " " * 50_000,
        "1" + " " * 50_000 + "x",
        "1." * 50_000 + "x",
        "(" + "11." * 50_000,
        "page 1" + " " * 50_000 + "of" + " " * 50_000 + "x",
        "- " + "1" * 50_000 + " " * 50_000,
        "CHAPTER " + "I" * 50_000 + " " * 50_000,
        "**" * 50_000,
        "#" * 50_000 + " " * 50_000,
        "[" * 50_000 + " " * 50_000 + "]" * 50_000,
        '"' * 50_000 + "'" * 50_000,
        "[a" * 50_000 + "](" + "x" * 50_000,
        "[" + "a" * 50_000 + "](" + "x " * 50_000,
        "> " * 50_000 + "x",
        "|---" * 50_000,
        "x" + "`" * 50_000 + "x",
        "_" * 50_000 + "a" + " _" * 50_000,
        "*a" * 50_000 + " *",
        "ARTICLE " + "ONE " * 25_000 + "x",
        "Article " + "twenty-" * 25_000 + "one",
        "<sup>" * 50_000,
        "I." * 50_000 + " x",
        "(a)" * 50_000 + " x",
    ],
)
def test_long_hostile_lines_are_read_in_one_pass(line: str) -> None:
    """Each line would take minutes with a backtracking pattern; read once, it is instant."""
    v = parse_text(line + "\n\n2. The last point.\n", "d")
    assert "The last point." in [p.text for p in v.walk_all(v.provisions)]


def test_point_numbers_in_other_scripts_are_read_as_the_numbers_they_are():
    arabic = parse_text("١. وقف إطلاق النار خلال ٢٥ يوما.\n٢. تجرى الانتخابات.\n", "ar")
    fullwidth = parse_text("１. Ceasefire.\n２. Elections.\n", "fw")
    devanagari = parse_text("Article १\nThe parties agree.\nArticle २\nElections follow.\n", "hi")
    assert [p.number for p in arabic.provisions] == ["1", "2"]
    assert [p.number for p in fullwidth.provisions] == ["1", "2"]
    assert [p.number for p in devanagari.provisions] == ["1", "2"]
    assert arabic.provisions[0].text == "وقف إطلاق النار خلال ٢٥ يوما."  # the text keeps its own digits
    assert "non-ASCII digits" in (arabic.note or "")
    later = parse_text("١. وقف إطلاق النار خلال ٥ يوما.\n٢. تجرى الانتخابات.\n", "ar2")
    change = peacediff.compare(arabic, later).changes[0]
    assert change.kind == "modified" and change.label == "1"
    assert [(pc.name, pc.old, pc.new) for pc in change.parameter_changes] == [("number", "٢٥", "٥")]
