"""Structures real treaties and statutes use, read by the plain-text reader (and so by every importer)."""

from __future__ import annotations

import os

from hypothesis import given, settings
from hypothesis import strategies as st

from peacediff.plaintext import parse_text


def _numbers(v) -> list:
    return [p.number for p in v.provisions]


def test_suffixed_articles_are_articles_of_their_own() -> None:
    v = parse_text(
        "Article 4\nThe river is shared.\n"
        "Article 4bis\n1. Fishing is allowed.\n2. Quotas apply.\n"
        "Article 5 ter - Navigation\nBoats of every flag pass freely through the strait.\n"
        "Article 12quater\nLate insertion.\n"
        "Article 7a\nLower-case suffix.\n"
        "Article 7A\nUpper-case suffix.\n"
        "ARTICLE 9 BIS\nCapitals.\n"
        "Article 10-ter\nHyphenated.\n",
        "d",
    )
    assert _numbers(v) == ["4", "4bis", "5ter", "12quater", "7a", "7A", "9bis", "10ter"]
    bis = v.provisions[1]
    assert [(s.number, s.text) for s in bis.subpoints] == [("1", "Fishing is allowed."), ("2", "Quotas apply.")]
    assert v.provisions[2].text == "Navigation — Boats of every flag pass freely through the strait."


def test_suffixed_numbered_paragraphs_inside_an_article() -> None:
    v = parse_text("Article 3\n1. First.\n(1a) Inserted.\n2. Second.\n", "d")
    assert [s.number for s in v.provisions[0].subpoints] == ["1", "1a", "2"]


def test_lettered_articles_read_c_d_i_as_letters_and_say_so() -> None:
    v = parse_text(
        "Article A\n1. The parties agree.\n2. They cooperate.\n"
        "Article B\n1. Borders are fixed.\n"
        "Article C\n1. Troops withdraw.\n2. Observers stay.\n"
        "Article D\nThe commission meets.\n"
        "Article E\n1. Elections follow.\n",
        "lettered",
    )
    assert _numbers(v) == ["A", "B", "C", "D", "E"]
    assert [s.number for s in v.provisions[2].subpoints] == ["1", "2"]
    assert v.provisions[0].text == "Article A"  # its body starts with paragraphs: the heading is its text
    assert v.note is not None and "'Article C' as a letter" in v.note and "A–E" in v.note


def test_roman_articles_carry_no_letter_note() -> None:
    v = parse_text("Article I\nPeace.\nArticle II\nBorders.\nArticle III\nTroops.\n", "roman")
    assert _numbers(v) == ["I", "II", "III"]
    assert v.note is None


def test_headings_between_articles_are_categories_and_never_rename_articles() -> None:
    v = parse_text(
        "PART I\nINTRODUCTION\n\n"
        "SECTION 1. SCOPE\n\nArticle 1\nThis treaty applies to rivers.\n"
        "Article 2\nIt applies to lakes.\n\n"
        "SECTION 2. INTERPRETATION OF TREATIES\n\nArticle 3\nTerms have their ordinary meaning.\n\n"
        "PART II\n\nChapter 3\n\nArticle 4\nTreaties bind the parties.\n\n"
        "TITLE IV\n\nArticle 5\nThe end.\n",
        "vienna",
    )
    assert _numbers(v) == ["1", "2", "3", "4", "5"]
    assert [p.category for p in v.provisions] == [
        "PART I — INTRODUCTION — SECTION 1. SCOPE",
        "PART I — INTRODUCTION — SECTION 1. SCOPE",
        "PART I — INTRODUCTION — SECTION 2. INTERPRETATION OF TREATIES",
        "PART II — Chapter 3",
        "TITLE IV",
    ]
    assert "headings" in (v.note or "")


def test_sections_inside_articles_are_points_and_restart_under_each_article() -> None:
    v = parse_text(
        "Article I\nSection 1. Legislative power lies with the assembly.\nSection 2. The assembly is elected.\n"
        "Article II\nSection 1. Executive power lies with the council.\n",
        "constitution",
    )
    assert _numbers(v) == ["I.1", "I.2", "II.1"]
    assert "restarts" in (v.note or "")


def test_numbering_restarts_are_qualified_only_where_they_happen() -> None:
    v = parse_text(
        "Chapter I\n1. Ceasefire.\n2. Prisoners.\nChapter II\n3. Elections.\n4. Sanctions.\n"
        "Chapter III\n1. Review.\n2. Entry into force.\n",
        "d",
    )
    assert _numbers(v) == ["I.1", "I.2", "3", "4", "III.1", "III.2"]


def test_annexes_schedules_and_appendices_are_their_own_numbered_groups() -> None:
    v = parse_text(
        "Article 1\nThe parties agree.\nArticle 2\nThe maps are annexed.\n\n"
        "ANNEX I - MAPS\n\n1. The northern map.\n2. The southern map.\n\n"
        "Schedule 2\n\n1. First rate.\n(a) reduced rate.\n\n"
        "APPENDIX\n\nArticle 1\nA model clause.\n",
        "annexed",
    )
    assert _numbers(v) == ["1", "2", "Annex-I.1", "Annex-I.2", "Schedule-2.1", "Appendix.1"]
    assert v.provisions[4].subpoints[0].text == "reduced rate."
    assert [p.category for p in v.provisions[2:]] == ["ANNEX I - MAPS"] * 2 + ["Schedule 2", "APPENDIX"]
    assert "Numbering restarts in 'ANNEX I - MAPS': its points are numbered Annex-I.1, Annex-I.2" in (v.note or "")


def test_an_annex_that_continues_the_numbering_keeps_its_numbers() -> None:
    v = parse_text("1. First.\n2. Second.\n\nANNEX A\n\n3. Third.\n", "d")
    assert _numbers(v) == ["1", "2", "3"]
    assert v.provisions[2].category == "ANNEX A"


def test_preamble_and_recitals_are_one_unnumbered_preamble() -> None:
    v = parse_text(
        "THE HIGH CONTRACTING PARTIES,\n\nRecalling the Charter of the United Nations,\n"
        "Whereas the parties wish to live in peace,\n\nHave agreed as follows:\n\n"
        "Article 1\nScope\nThis treaty applies to rivers.\n",
        "treaty",
    )
    assert _numbers(v) == [None, "1"]
    assert v.provisions[0].text.startswith("THE HIGH CONTRACTING PARTIES, Recalling")
    assert v.provisions[0].text.endswith("Have agreed as follows:")


def test_numbered_recitals_before_article_one_join_the_preamble() -> None:
    v = parse_text(
        "(1) Whereas peace matters.\n(2) Whereas time passes.\n\n"
        "Article 1\nSubject matter\nThis regulation applies.\nArticle 2\n1. Definitions apply.\n",
        "regulation",
    )
    assert _numbers(v) == [None, "1", "2"]
    preamble = v.provisions[0]
    assert preamble.text == "Preamble"
    assert [(s.number, s.text) for s in preamble.subpoints] == [("1", "Whereas peace matters."),
                                                                ("2", "Whereas time passes.")]
    assert "recitals" in (v.note or "")
    # numbering that runs on from numbered points into articles is not a preamble
    v = parse_text("1. Ceasefire.\n2. Prisoners.\nArticle 3 - Elections within 100 days.\n", "d")
    assert _numbers(v) == ["1", "2", "3"]


def test_an_article_that_opens_with_paragraphs_keeps_its_heading_text() -> None:
    v = parse_text("Article 5\n1. The parties cooperate.\n2. They report.\nArt. 6\n1. Review.\n", "d")
    assert [p.text for p in v.provisions] == ["Article 5", "Art. 6"]


_TITLES = st.sampled_from(["PART I", "PART II", "SECTION 1. SCOPE", "Chapter 3", "TITLE IV", "CHAPTER V — PEACE",
                           "PART THREE"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.booleans(), _TITLES), min_size=2, max_size=12))
def test_headings_never_rename_articles_numbered_straight_through(layout: list[tuple[bool, str]]) -> None:
    lines = []
    for n, (headed, heading) in enumerate(layout, start=1):
        if headed:
            lines += ["", heading, ""]
        lines += [f"Article {n}", f"The parties agree on matter {n}."]
    v = parse_text("\n".join(lines), "d")
    assert _numbers(v) == [str(n) for n in range(1, len(layout) + 1)]
    assert all(p.text == f"The parties agree on matter {p.number}." for p in v.provisions)


def test_an_annex_with_its_own_articles() -> None:
    v = parse_text(
        "Article I\nThe Parties conduct their relations peacefully.\nArticle II\nThe annexes are agreed.\n\n"
        "ANNEX 1-A\nAGREEMENT ON THE MILITARY ASPECTS\n\n"
        "Article I\nGeneral Obligations\n1. The Parties recreate normal conditions.\n"
        "Article II\nCessation of Hostilities\n1. The Parties comply.\n",
        "accords",
    )
    assert _numbers(v) == ["I", "II", "Annex-1-A.I", "Annex-1-A.II"]
    assert v.provisions[2].category == "ANNEX 1-A — AGREEMENT ON THE MILITARY ASPECTS"
    assert v.provisions[2].text == "General Obligations"


def test_enacting_formula_and_division_titles_are_not_points() -> None:
    v = parse_text(
        "Whereas:\n(1) Peace matters.\n(2) Time passes.\nHAVE ADOPTED THIS REGULATION:\n\n"
        "CHAPTER I\nGeneral provisions\n\nArticle 1\nSubject matter\nThis regulation applies.\n\n"
        "Chapter 2\nEntry into Force\n\nArticle 2\n1. It enters into force.\n",
        "regulation",
    )
    assert _numbers(v) == [None, "1", "2"]
    assert v.provisions[0].text == "Whereas: HAVE ADOPTED THIS REGULATION:"
    assert [s.text for s in v.provisions[0].subpoints] == ["Peace matters.", "Time passes."]
    assert [p.category for p in v.provisions[1:]] == ["CHAPTER I — General provisions", "Chapter 2 — Entry into Force"]


def test_a_bill_with_sections_paragraphs_and_capital_subparagraphs() -> None:
    v = parse_text(
        "SECTION 1. SHORT TITLE.\nThis Act may be cited as the River Act.\n"
        "SEC. 2. DEFINITIONS.\nIn this Act:\n(1) AGENCY.—The term agency means\n(A) the river agency; or\n"
        "(B) its successor.\n(2) RIVER.—The term river means the main stream.\n\n"
        "TITLE I—GENERAL PROVISIONS\n\nSEC. 101. PURPOSE.\nThe purpose is peace.\n",
        "bill",
    )
    assert _numbers(v) == ["1", "2", "101"]
    definitions = v.provisions[1]
    assert [(s.number, [t.number for t in s.subpoints]) for s in definitions.subpoints] == [("1", ["A", "B"]),
                                                                                          ("2", [])]
    assert v.provisions[2].category == "TITLE I—GENERAL PROVISIONS"


_SENTENCES = st.sampled_from([
    "The parties shall cooperate in good faith.", "Each State reports every year to the commission.",
    "Disputes are settled by negotiation.", "This article applies from the date of signature.",
    "The commission meets twice a year.", "Nothing in this treaty affects other obligations.",
])
_HEADINGS = st.sampled_from(["PART I", "PART II — GENERAL", "SECTION 2. INTERPRETATION OF TREATIES", "Chapter 3",
                             "TITLE IV", "CHAPTER V\nFINAL PROVISIONS"])
_ARTICLE = st.tuples(
    st.sampled_from(["", "bis", " ter", "A"]),  # a suffix makes it an inserted article
    st.sampled_from(["", "Scope", "Definitions", "Entry into force"]),  # a title line or none
    st.lists(_SENTENCES, min_size=0, max_size=3),  # numbered paragraphs; none: one sentence of text
    st.one_of(st.none(), _HEADINGS),  # a heading above it
)


@settings(max_examples=int(os.environ.get("PD_TREATY_EXAMPLES", "100")), deadline=None)
@given(
    recitals=st.lists(_SENTENCES, max_size=3),
    articles=st.lists(_ARTICLE, min_size=1, max_size=8),
    annex=st.lists(_SENTENCES, max_size=3),
)
def test_any_treaty_layout_reads_with_its_printed_numbers(recitals, articles, annex) -> None:
    lines = ["THE HIGH CONTRACTING PARTIES,", ""]
    lines += [f"({n}) Whereas {s[0].lower()}{s[1:]}" for n, s in enumerate(recitals, start=1)]
    lines += ["Have agreed as follows:", ""]
    expected = []
    base = 0
    for suffix, title, paragraphs, heading in articles:
        if heading:
            lines += ["", heading, ""]
        if not suffix or not expected or "".join(f"{base}{suffix}".split()) in {n for n, _, _ in expected}:
            base += 1
            suffix = ""
        number = f"{base}{suffix}"
        expected.append(("".join(number.split()), title, paragraphs))
        lines.append(f"Article {number}")
        if title:
            lines.append(title)
        if paragraphs:
            lines += [f"{k}. {s}" for k, s in enumerate(paragraphs, start=1)]
        else:
            lines.append("The parties agree on this matter in every respect and without reservation.")
    if annex:
        lines += ["", "ANNEX I", ""] + [f"{k}. {s}" for k, s in enumerate(annex, start=1)]
    v = parse_text("\n".join(lines), "treaty")
    numbers = [p.number for p in v.provisions]
    assert numbers[0] is None  # the preamble, recitals and all
    assert [s.text for s in v.provisions[0].subpoints] == [f"Whereas {s[0].lower()}{s[1:]}" for s in recitals]
    assert numbers[1:len(expected) + 1] == [number for number, _, _ in expected]
    for provision, (number, title, paragraphs) in zip(v.provisions[1:], expected, strict=False):
        assert [s.text for s in provision.subpoints] == paragraphs, number
        if paragraphs:
            assert provision.text == (title or f"Article {number}")
    assert numbers[len(expected) + 1:] == [f"Annex-I.{k}" for k in range(1, len(annex) + 1)]


@settings(max_examples=50, deadline=None)
@given(st.lists(st.lists(_SENTENCES, min_size=1, max_size=3), min_size=2, max_size=15))
def test_lettered_articles_keep_their_letters_whatever_they_run_to(bodies: list[list[str]]) -> None:
    letters = [chr(ord("A") + k) for k in range(len(bodies))]
    text = "\n".join(f"Article {letter}\n" + "\n".join(f"{k}. {s}" for k, s in enumerate(body, start=1))
                     for letter, body in zip(letters, bodies, strict=True))
    v = parse_text(text, "lettered")
    assert [p.number for p in v.provisions] == letters
    assert [[s.text for s in p.subpoints] for p in v.provisions] == bodies
    assert ("as a letter" in (v.note or "")) == (len(letters) >= 3)  # from C on, a letter is also a numeral
