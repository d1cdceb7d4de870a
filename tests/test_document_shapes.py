"""Documents people write by hand, in the shapes peacediff's own writers now use to read back unchanged.

Bullets between numbered points, nesting by indentation (spaces, tabs, Markdown nested lists,
nested html lists, Word list levels), numbers with a prefix, and the sentences that only look
like any of these.  Every text here is made up for the test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from peacediff.importers import read_document
from peacediff.plaintext import parse_text


def _shape(provisions) -> list:
    return [(p.number, p.text, _shape(p.subpoints)) for p in provisions]


# --------------------------------------------------------------------------- bullets between numbers


def test_a_bullet_between_numbered_points_is_an_unnumbered_provision_of_its_own() -> None:
    v = parse_text(
        "1. The river is shared.\n"
        "2. Fishing is allowed in spring.\n"
        "- The ferry keeps running.\n"
        "- Tolls are frozen.\n"
        "3. The commission meets yearly.\n",
        "river",
    )
    assert _shape(v.provisions) == [
        ("1", "The river is shared.", []),
        ("2", "Fishing is allowed in spring.", []),
        (None, "The ferry keeps running.", []),
        (None, "Tolls are frozen.", []),
        ("3", "The commission meets yearly.", []),
    ]
    assert "2 bulleted items level with the numbered points" in (v.note or "")


def test_a_bullet_under_a_line_that_opens_a_list_or_indented_is_a_sub_point() -> None:
    v = parse_text(
        "1. The parties exchange:\n"
        "- prisoners of war;\n"
        "- the remains of the fallen.\n"
        "2. Monitoring is done by\n"
        "   - the commission, and\n"
        "   - two observers.\n"
        "\n"
        "- A closing item stands alone.\n",
        "exchange",
    )
    assert _shape(v.provisions) == [
        ("1", "The parties exchange:", [(None, "prisoners of war;", []), (None, "the remains of the fallen.", [])]),
        ("2", "Monitoring is done by", [(None, "the commission, and", []), (None, "two observers.", [])]),
        (None, "A closing item stands alone.", []),
    ]
    assert "bullets right under point 1, level with it, as its sub-points" in (v.note or "")


def test_a_plain_paragraph_after_a_numbered_point_stays_its_continuation() -> None:
    v = parse_text("1. The dam is inspected.\n\nThe report is public.\n- The bridge reopens.\n", "dam")
    assert _shape(v.provisions) == [
        ("1", "The dam is inspected. The report is public.", []),
        (None, "The bridge reopens.", []),
    ]


def test_bullets_before_the_first_point_are_provisions_or_the_preamble_s_list() -> None:
    loose = parse_text("- The lake is clean.\n1. Boats are electric.\n", "lake")
    assert _shape(loose.provisions) == [(None, "The lake is clean.", []), ("1", "Boats are electric.", [])]
    listed = parse_text("The parties recall:\n- the 1990 accord;\n- the 2004 accord.\n1. Boats are electric.\n",
                        "lake")
    assert _shape(listed.provisions) == [
        (None, "The parties recall:", [(None, "the 1990 accord;", []), (None, "the 2004 accord.", [])]),
        ("1", "Boats are electric.", []),
    ]


def test_a_document_of_bullets_numbers_none_and_one_of_paragraphs_numbers_them_in_order() -> None:
    bullets = parse_text("- The wells are shared.\n  - Each village has one.\n- The pumps are repaired.\n", "w")
    assert _shape(bullets.provisions) == [
        (None, "The wells are shared.", [(None, "Each village has one.", [])]),
        (None, "The pumps are repaired.", []),
    ]
    paragraphs = parse_text("The wells are shared.\n\nThe pumps are repaired.\n", "w")
    assert [p.number for p in paragraphs.provisions] == ["1", "2"]
    assert "numbered 1–2 in reading order" in (paragraphs.note or "")


# --------------------------------------------------------------------------- nesting by indentation


def test_a_tab_indented_three_level_list_nests_by_its_indentation() -> None:
    v = parse_text(
        "1. The border is demarcated:\n"
        "\t(a) in the north:\n"
        "\t\t(i) by the river;\n"
        "\t\t(ii) by the ridge;\n"
        "\t(b) in the south by the road.\n"
        "2. Maps are annexed.\n"
        "\t- Each party keeps a copy.\n"
        "\t\t- Copies are sealed.\n",
        "border",
    )
    assert _shape(v.provisions) == [
        ("1", "The border is demarcated:", [
            ("a", "in the north:", [("i", "by the river;", []), ("ii", "by the ridge;", [])]),
            ("b", "in the south by the road.", []),
        ]),
        ("2", "Maps are annexed.", [(None, "Each party keeps a copy.", [(None, "Copies are sealed.", [])])]),
    ]


def test_space_indented_levels_and_a_wrapped_sub_point() -> None:
    v = parse_text(
        "1. Forces withdraw:\n"
        "    a) from the plain,\n"
        "       within 30 days;\n"
        "        i. heavy arms first;\n"
        "    b) from the hills.\n",
        "withdraw",
    )
    assert _shape(v.provisions) == [
        ("1", "Forces withdraw:", [
            ("a", "from the plain, within 30 days;", [("i", "heavy arms first;", [])]),
            ("b", "from the hills.", []),
        ]),
    ]


def test_a_markdown_nested_list_nests() -> None:
    v = parse_text(
        "# Water accord\n"
        "\n"
        "1. The canal is shared.\n"
        "   1. Each side maintains its bank.\n"
        "   2. Dredging is joint.\n"
        "      - The costs are split.\n"
        "2. Disputes go to the commission.\n"
        "   - It rules within 60 days.\n"
        "- Fees are waived for farmers.\n",
        "canal",
    )
    assert v.title == "Water accord"
    assert _shape(v.provisions) == [
        ("1", "The canal is shared.", [
            ("1", "Each side maintains its bank.", []),
            ("2", "Dredging is joint.", [(None, "The costs are split.", [])]),
        ]),
        ("2", "Disputes go to the commission.", [(None, "It rules within 60 days.", [])]),
        (None, "Fees are waived for farmers.", []),
    ]


# --------------------------------------------------------------------------- prefixed numbers


def test_numbers_with_a_prefix_used_through_the_document_are_numbers() -> None:
    v = parse_text(
        "EU-1. The mission is civilian.\n"
        "EU-2 - It has 200 staff.\n"
        "  (a) Staff rotate yearly.\n"
        "EU-3: It reports to the Council.\n",
        "mission",
    )
    assert _shape(v.provisions) == [
        ("EU-1", "The mission is civilian.", []),
        ("EU-2", "It has 200 staff.", [("a", "Staff rotate yearly.", [])]),
        ("EU-3", "It reports to the Council.", []),
    ]
    assert "the prefix 'EU-' numbers 3 points in sequence" in (v.note or "")
    single = parse_text("A-1. The annex is binding.\n", "one")
    assert [p.number for p in single.provisions] == ["A-1"]


def test_point_n_is_a_number_and_a_sentence_that_starts_with_point_is_not() -> None:
    v = parse_text(
        "Point 1: The truce holds.\n"
        "Point 2 - Aid flows.\n"
        "Point 3 of the old plan is dropped from this one.\n"
        "Point taken by both sides.\n"
        "Point 3. Talks resume.\n",
        "points",
    )
    assert _shape(v.provisions) == [
        ("1", "The truce holds.", []),
        ("2", "Aid flows. Point 3 of the old plan is dropped from this one. Point taken by both sides.", []),
        ("3", "Talks resume.", []),
    ]


def test_a_word_with_a_number_in_it_is_not_a_prefixed_number() -> None:
    v = parse_text(
        "1. Vaccines are shared.\n"
        "COVID-19 cases are reported weekly.\n"
        "2. Borders stay open.\n"
        "G-7 Members fund the programme.\n"
        "SG-4 Units stand by.\n",
        "health",
    )
    assert _shape(v.provisions) == [
        ("1", "Vaccines are shared. COVID-19 cases are reported weekly.", []),
        ("2", "Borders stay open. G-7 Members fund the programme. SG-4 Units stand by.", []),
    ]
    assert "prefix" not in (v.note or "")


def test_a_wrapped_line_out_of_step_with_the_prefix_count_is_not_a_point() -> None:
    v = parse_text("SG-1 The guarantor deploys\nSG-12 Units within a week.\nSG-2 The mission ends.\n", "sg")
    assert _shape(v.provisions) == [
        ("SG-1", "The guarantor deploys SG-12 Units within a week.", []),
        ("SG-2", "The mission ends.", []),
    ]


# --------------------------------------------------------------------------- web pages and Word files


def test_a_web_page_with_nested_ordered_and_bulleted_lists(tmp_path: Path) -> None:
    page = tmp_path / "accord.html"
    page.write_text(
        "<html><head><title>Accord</title></head><body><h1>Accord</h1>"
        "<ol><li>The valley is demilitarised."
        "<ol type='a'><li>Troops leave:<ol type='i'><li>first the tanks;</li><li>then the guns.</li></ol></li>"
        "<li>Mines are cleared.</li></ol></li>"
        "<li>Refugees return.<ul><li>Homes are rebuilt.<ul><li>Schools first.</li></ul></li></ul></li></ol>"
        "<ul><li>Observers stay a year.</li></ul>"
        "<ol start='3'><li>The accord is registered.</li></ol>"
        "</body></html>",
        encoding="utf-8",
    )
    v = read_document(page)
    assert _shape(v.provisions) == [
        ("1", "The valley is demilitarised.", [
            ("a", "Troops leave:", [("i", "first the tanks;", []), ("ii", "then the guns.", [])]),
            ("b", "Mines are cleared.", []),
        ]),
        ("2", "Refugees return.", [(None, "Homes are rebuilt.", [(None, "Schools first.", [])])]),
        (None, "Observers stay a year.", []),
        ("3", "The accord is registered.", []),
    ]


def test_a_web_page_with_typed_numbers_in_unmarked_lists(tmp_path: Path) -> None:
    page = tmp_path / "sg.html"
    page.write_text(
        "<p>SG-1. The framework applies.</p>"
        "<ul style='list-style-type: none'><li>(a) On land.<ul style='list-style:none'><li>(i) At the border."
        "</li></ul></li><li>- At sea.</li></ul>"
        "<p>SG-2. It lasts ten years.</p>",
        encoding="utf-8",
    )
    assert _shape(read_document(page).provisions) == [
        ("SG-1", "The framework applies.", [
            ("a", "On land.", [("i", "At the border.", [])]),
            (None, "At sea.", []),
        ]),
        ("SG-2", "It lasts ten years.", []),
    ]


def test_a_word_file_with_bullets_and_three_numbering_levels(tmp_path: Path) -> None:
    pytest.importorskip("lxml")
    pytest.importorskip("docx")
    from docx_fixtures import WordDoc

    d = WordDoc()
    points = d.new_list([("decimal", "%1."), ("lowerLetter", "(%2)"), ("lowerRoman", "(%3)")])
    bullets = d.new_list([("bullet", "•"), ("bullet", "o"), ("bullet", "▪")])
    d.para("The ports reopen.", points, 0)
    d.para("Grain ships sail:", points, 1)
    d.para("from Odesa;", points, 2)
    d.para("from Mykolaiv.", points, 2)
    d.para("Inspections are joint.", points, 1)
    d.para("Crews are not searched.", bullets, 2)
    d.para("Insurance is pooled.", bullets, 1)
    d.para("The corridor is patrolled.", bullets, 0)
    d.para("Patrols are unarmed.", bullets, 1)
    d.para("Fees are shared.", points, 0)
    v = read_document(d.save(tmp_path / "ports.docx"))
    assert _shape(v.provisions) == [
        ("1", "The ports reopen.", [
            ("a", "Grain ships sail:", [("i", "from Odesa;", []), ("ii", "from Mykolaiv.", [])]),
            ("b", "Inspections are joint.", [(None, "Crews are not searched.", [])]),
            (None, "Insurance is pooled.", []),  # level with (b), as Word shows it
        ]),
        (None, "The corridor is patrolled.", [(None, "Patrols are unarmed.", [])]),
        ("2", "Fees are shared.", []),
    ]


def test_bullets_under_a_heading_after_the_articles_are_that_heading_s_provisions() -> None:
    v = parse_text("The parties, recalling the accord,\nhave agreed:\nArticle 1\nScope.\n\nANNEX I\n"
                   "- The map of the valley.\n- The list of crossings.\n", "annexed")
    assert [(p.number, p.text, p.category, len(p.subpoints)) for p in v.provisions] == [
        (None, "The parties, recalling the accord, have agreed:", None, 0),
        ("1", "Scope.", None, 0),
        (None, "The map of the valley.", "ANNEX I", 0),
        (None, "The list of crossings.", "ANNEX I", 0),
    ]


def test_word_s_own_leveled_list_styles_nest_as_word_indents_them(tmp_path: Path) -> None:
    pytest.importorskip("lxml")
    pytest.importorskip("docx")
    from docx_fixtures import WordDoc

    d = WordDoc()
    d.para("The ceasefire holds.", style="List Number")
    d.para("Artillery moves back.", style="List Bullet 2")
    d.para("Drones are grounded.", style="List Bullet 3")
    d.para("Observers are invited.", style="List Bullet")
    d.para("Talks resume.", style="List Number")
    v = read_document(d.save(tmp_path / "styles.docx"))
    assert _shape(v.provisions) == [
        ("1", "The ceasefire holds.", [(None, "Artillery moves back.", [(None, "Drones are grounded.", [])])]),
        (None, "Observers are invited.", []),
        ("2", "Talks resume.", []),
    ]


def test_numbered_lists_nested_in_numbered_items_nest_with_their_numbers(tmp_path: Path) -> None:
    page = tmp_path / "nested.html"
    page.write_text("<ol><li>The zone is set up.<ol><li>Its width is 15 km.</li><li>Its length is 100 km."
                    "</li></ol></li><li>The zone is patrolled.</li></ol>", encoding="utf-8")
    text = parse_text("1. The zone is set up.\n   1.1 Its width is 15 km.\n   1.2. Its length is 100 km.\n"
                      "2. The zone is patrolled.\n1.3 Unindented, it is a point of its own.\n", "zone")
    expected = [
        ("1", "The zone is set up.", [("1.1", "Its width is 15 km.", []), ("1.2", "Its length is 100 km.", [])]),
        ("2", "The zone is patrolled.", []),
    ]
    assert _shape(read_document(page).provisions) == expected
    assert _shape(text.provisions) == [*expected, ("1.3", "Unindented, it is a point of its own.", [])]
