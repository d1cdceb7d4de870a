"""Real documents as a new user brings them: treaties, bills and contracts in every format in.

Each test reads a made-up document of a shape real texts use (a treaty's title over its
recitals, PART / SECTION headings as Word writes them, a contract's schedules ...) and checks
that nothing is lost, nothing is made up, and the numbers are the ones a reader sees.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import peacediff
import peacediff.importers
from peacediff.model import Provision
from peacediff.plaintext import parse_text

_TREATY = """\
AGREEMENT ON THE TAMSA RIVER BASIN

The High Contracting Parties,

Whereas the waters of the Tamsa river are shared by both States;

Have agreed as follows:

PART I
GENERAL PROVISIONS

Article 1
The purpose of this Agreement is the equitable use of the waters.

PART II
OBLIGATIONS

Article 2
Each Party shall be entitled to 45 per cent of the mean annual flow.
"""

_CONTRACT = """\
SUPPLY AGREEMENT

1. DEFINITIONS
1.1 "Goods" means the goods described in Schedule 1.
1.2 Headings do not affect interpretation.

2. PRICE
2.1 The price is EUR 12.50 per unit.

SCHEDULE 1
THE GOODS
1. Pallets of type A.
2. Pallets of type B.
"""


def _words(v: peacediff.Version) -> str:
    """Every word a version keeps: its title, categories and texts."""
    def walk(ps: tuple[Provision, ...]) -> list[str]:
        return [w for p in ps for w in [p.category or "", p.text, *walk(p.subpoints)]]
    return " ".join([v.title, *walk(v.provisions)])


def test_a_treaty_title_over_its_recitals_is_its_title() -> None:
    v = parse_text(_TREATY, "river")
    assert v.title == "AGREEMENT ON THE TAMSA RIVER BASIN"
    assert v.provisions[0].number is None and v.provisions[0].text.startswith("The High Contracting Parties,")
    assert [(p.number, p.category) for p in v.provisions[1:]] == [
        ("1", "PART I — GENERAL PROVISIONS"), ("2", "PART II — OBLIGATIONS")]


def test_a_heading_over_the_recitals_is_never_lost_when_the_title_is_given() -> None:
    v = parse_text(_TREATY, "river", title="River treaty, draft 2")
    assert v.provisions[0].category == "AGREEMENT ON THE TAMSA RIVER BASIN"
    assert "TAMSA RIVER BASIN" in _words(v)


def test_a_contract_title_rules_its_clauses_not_its_schedule() -> None:
    v = parse_text(_CONTRACT, "supply")
    assert v.title == "SUPPLY AGREEMENT"
    assert {p.category for p in v.provisions if not (p.number or "").startswith("Schedule")} == {None}
    assert [p.number for p in v.provisions][-2:] == ["Schedule-1.1", "Schedule-1.2"]


def _word_treaty(path: Path) -> Path:
    from docx_fixtures import WordDoc

    d = WordDoc()
    d.doc.add_paragraph("AGREEMENT ON THE TAMSA RIVER BASIN", style="Title")
    d.para("The High Contracting Parties,")
    d.para("Have agreed as follows:")
    arts = d.new_list([("decimal", "Article %1"), ("decimal", "%2.")])
    d.heading("PART I", 1)
    d.para("Purpose", arts, 0)
    d.para("The purpose of this Agreement is the equitable use of the waters.", arts, 1)
    d.heading("PART II", 1)
    d.heading("SECTION 1. WATER ALLOCATION", 2)
    d.para("Each Party shall be entitled to 45 per cent of the mean annual flow.", arts, 0)
    d.heading("SECTION 2. MONITORING", 2)
    d.para("The Parties shall install 12 gauging stations.", arts, 0)
    return d.save(path)


def test_word_title_style_is_the_title_and_sections_stay_under_their_part(tmp_path: Path) -> None:
    pytest.importorskip("docx")
    v = peacediff.load(_word_treaty(tmp_path / "river.docx"))
    assert v.title == "AGREEMENT ON THE TAMSA RIVER BASIN"
    assert [(p.number, p.category) for p in v.provisions] == [
        (None, None),
        ("1", "PART I"),
        ("2", "PART II — SECTION 1. WATER ALLOCATION"),
        ("3", "PART II — SECTION 2. MONITORING"),
    ]


_BILL = """\
Sec. 1. Short title.
This Act may be cited as the "Watershed Restoration Act".

Sec. 2. Grant program.
(a) In general.—The Administrator shall award grants.
(b) Amount.—
(1) In general.—A grant shall not exceed $5,000,000.
(2) Cost share.—The Federal share shall be not more than 75 percent.
(A) Waiver.—The Administrator may waive the cost share.
(i) for a tribal applicant; or
(ii) after a disaster.
(B) Limit.—No waiver exceeds 2 years.
(c) Reports.—Each recipient shall report within 90 days.
"""


def _tree(ps: tuple[Provision, ...]) -> list[object]:
    return [(p.number, _tree(p.subpoints)) if p.subpoints else p.number for p in ps]


def test_a_bill_nests_subsections_paragraphs_and_subparagraphs_by_their_form() -> None:
    v = parse_text(_BILL, "bill")
    assert _tree(v.provisions) == [
        "1", ("2", ["a", ("b", ["1", ("2", [("A", ["i", "ii"]), "B"])]), "c"])]
    assert "by their form" in (v.note or "")


def test_a_treaty_article_nests_points_and_letters_and_keeps_letter_i() -> None:
    letters = "\n".join(f"({c}) item {c};" for c in "ghij")
    v = parse_text(f"Article 1\n1. The Parties shall:\n(a) first;\n(i) one;\n(ii) two;\n(b) second.\n"
                   f"2. They shall also:\n{letters}\n3. Last.\n", "t")
    assert _tree(v.provisions) == [("1", [("1", [("a", ["i", "ii"]), "b"]), ("2", ["g", "h", "i", "j"]), "3"])]


def test_roman_chapters_over_restarting_points_are_headings_and_qualify_the_points() -> None:
    v = parse_text("I. Security\n1. The ceasefire holds.\n2. Troops withdraw 15 km.\n"
                   "II. Economy\n1. Trade resumes.\n2. Sanctions are lifted.\n", "plan")
    assert [(p.number, p.category) for p in v.provisions] == [
        ("I.1", "I. Security"), ("I.2", "I. Security"), ("II.1", "II. Economy"), ("II.2", "II. Economy")]
    assert "headings" in (v.note or "")


def test_points_numbered_with_capital_romans_or_letters_are_not_folded_into_one() -> None:
    v = parse_text("The stations are:\n\nI. Station Alpha at kilometre 12.\nII. Station Beta at kilometre 40.\n"
                   "III. Station Gamma at kilometre 77.\n", "stations")
    assert [(p.number, p.text) for p in v.provisions] == [
        (None, "The stations are:"), ("I", "Station Alpha at kilometre 12."),
        ("II", "Station Beta at kilometre 40."), ("III", "Station Gamma at kilometre 77.")]
    lettered = parse_text("A. Scope. This applies to all.\nB. Definitions. Terms.\nC. Final. The end.\n", "l")
    assert [p.number for p in lettered.provisions] == ["A", "B", "C"]


def test_a_lone_initial_or_an_out_of_step_capital_stays_text() -> None:
    v = parse_text("1. The envoy, A. Smith, reported.\nA. Smith signed for the mission.\n2. Done.\n", "t")
    assert [p.number for p in v.provisions] == ["1", "2"]
    assert "A. Smith signed" in v.provisions[0].text


def test_a_web_page_with_a_roman_list_reads_as_its_text_twin(tmp_path: Path) -> None:
    page = tmp_path / "annex.html"
    page.write_text("<html><body><nav><ol><li>Home</li></ol></nav><p>The stations are:</p><ol type='I'>"
                    "<li>Station Alpha at kilometre 12.</li><li>Station Beta at kilometre 40.</li></ol>"
                    "<script>document.write('1. x')</script></body></html>", encoding="utf-8")
    text = tmp_path / "annex.txt"
    text.write_text("The stations are:\n\nI. Station Alpha at kilometre 12.\nII. Station Beta at kilometre 40.\n",
                    encoding="utf-8")
    assert [(p.number, p.text) for p in peacediff.load(page).provisions] == [
        (p.number, p.text) for p in peacediff.load(text).provisions]
    assert [p.number for p in peacediff.load(page).provisions] == [None, "I", "II"]


_MARKDOWN_TREATY = """\
# Agreement on the River Basin

The High Contracting Parties, *Whereas* the river is _shared_ by both States,

## Part I — General provisions

### Article 1 — Definitions

1. For the purposes of this Agreement:
   1. "Basin" means the catchment area;
   2. "Commission" means the Joint Commission.
2. Terms not defined keep their ordinary meaning.

### Article 2bis — Transparency

Each Party shall publish its data.
"""


def test_a_markdown_treaty_nests_lists_in_paragraphs_and_drops_emphasis_marks() -> None:
    v = parse_text(_MARKDOWN_TREATY, "md")
    assert v.provisions[0].text == "The High Contracting Parties, Whereas the river is shared by both States,"
    definitions = v.provisions[1]
    assert _tree((definitions,)) == [("1", [("1", ["1", "2"]), "2"])]
    assert v.provisions[2].text == "Transparency — Each Party shall publish its data."


def test_emphasis_marks_in_identifiers_and_bullets_stay() -> None:
    v = parse_text("1. See file_name_v2 and 2 * 3 = 6.\n* A bullet point here.\n", "t")
    assert v.provisions[0].text == "See file_name_v2 and 2 * 3 = 6."
    assert v.provisions[1].text == "A bullet point here."


def test_a_title_wrapped_over_two_lines_is_one_title() -> None:
    v = parse_text("AGREEMENT ON THE TAMSA RIVER\nBASIN\n\nThe High Contracting Parties,\n\nHave agreed as follows:\n\n"
                   "PART I\nGENERAL\n\nArticle 1\nPurpose.\n", "t")
    assert v.title == "AGREEMENT ON THE TAMSA RIVER BASIN"
    assert v.provisions[1].category == "PART I — GENERAL"


def _shape(v: peacediff.Version) -> list[object]:
    """Numbers, texts and categories below the preamble: what must not depend on the format."""
    def walk(ps: tuple[Provision, ...]) -> list[object]:
        return [(p.number, p.text, walk(p.subpoints)) for p in ps]
    return [(p.number, p.category, p.text, walk(p.subpoints)) for p in v.provisions[1:]]


def test_a_pdf_printed_from_word_reads_as_the_word_file(tmp_path: Path) -> None:
    pytest.importorskip("docx")
    pytest.importorskip("pypdf")
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
    word = _word_treaty(tmp_path / "river.docx")
    run = subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation={(tmp_path / 'p').as_uri()}",
                          "--convert-to", "pdf", "--outdir", str(tmp_path), str(word)],
                         capture_output=True, text=True, timeout=300, check=False)
    assert run.returncode == 0, run.stderr
    from_word, from_pdf = peacediff.load(word), peacediff.load(tmp_path / "river.pdf")
    assert _shape(from_pdf) == _shape(from_word)
    assert from_pdf.provisions[0].text == from_word.provisions[0].text
    assert "AGREEMENT ON THE TAMSA RIVER BASIN" in _words(from_pdf)


def test_an_article_deleted_whole_as_a_tracked_change_leaves_the_count(tmp_path: Path) -> None:
    pytest.importorskip("docx")
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx_fixtures import WordDoc, delete_paragraph_mark

    stamp = 'w:author="Negotiator" w:date="2026-01-01T00:00:00Z"'
    d = WordDoc()
    arts = d.new_list([("decimal", "Article %1"), ("decimal", "%2.")])
    d.para("Scope", arts, 0)
    d.para("This Agreement applies to the Basin.", arts, 1)
    gone = d.para("", arts, 0)  # "Article 2 Obsolete", struck out with its paragraph mark
    gone._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="31" {stamp}><w:r><w:delText>Obsolete</w:delText>'
                             "</w:r></w:del>"))
    delete_paragraph_mark(gone)
    d.para("Allocation", arts, 0)
    d.para("Each Party receives 45 per cent.", arts, 1)
    v = peacediff.load(d.save(tmp_path / "tracked.docx"))
    assert _tree(v.provisions) == [("1", ["1"]), ("2", ["1"])]
    assert [p.text for p in v.provisions] == ["Scope", "Allocation"]
    assert "accepted" in (v.note or "")



def test_a_schedule_in_parts_that_restart_is_qualified_by_part() -> None:
    v = parse_text("1. Main clause.\n2. Second clause.\n\nSCHEDULE 1\nPart 1\n1. First item.\n2. Second item.\n"
                   "Part 2\n1. Other item.\n", "contract")
    assert [p.number for p in v.provisions] == ["1", "2", "Schedule-1.1.1", "Schedule-1.1.2", "Schedule-1.2.1"]
    assert v.provisions[-1].category == "SCHEDULE 1 — Part 2"


def test_an_article_title_set_off_by_a_dash_stays_a_title() -> None:
    v = parse_text("ARTICLE 1 - SCOPE\nThis applies.\nArticle 2: Elections\nThey are held.\n", "t")
    assert [p.text for p in v.provisions] == ["SCOPE — This applies.", "Elections — They are held."]


@pytest.mark.parametrize("name", ["draft.docx", "draft.pdf"])
def test_a_damaged_docx_or_pdf_is_called_damaged_not_badly_encoded(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(bytes(range(128, 256)) * 8)
    with pytest.raises(peacediff.importers.DocumentError) as err:
        peacediff.load(path)
    message = str(err.value)
    assert message.startswith(f"{path}: this is not") and "damaged" in message and "encoding" not in message


def test_a_text_file_named_docx_is_read_and_said_so(tmp_path: Path) -> None:
    path = tmp_path / "draft.docx"
    path.write_text("1. Peace.\n2. Quiet.\n", encoding="utf-8")
    v = peacediff.load(path)
    assert [p.text for p in v.provisions] == ["Peace.", "Quiet."]
    assert "plain-text file although it is named draft.docx" in (v.note or "")


def test_a_truncated_pdf_says_damaged_once_and_logs_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                           caplog: pytest.LogCaptureFixture) -> None:
    pytest.importorskip("pypdf")
    import fpdf

    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.cell(text="1. The ceasefire holds.")
    whole = bytes(pdf.output())
    path = tmp_path / "cut.pdf"
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(peacediff.importers.DocumentError, match="damaged"):
        peacediff.load(path)
    assert not [r for r in caplog.records if r.name.startswith("pypdf")]
    assert capsys.readouterr().err == ""


_SAVED_PAGE = """<html><head><title>Draft protocol</title><style>.x{}</style></head><body>
<div id="toc"><ul><li><a href="#a1">Article 1</a></li><li><a href="#a3">Article 3</a></li></ul></div>
<p><strong>Article&nbsp;1</strong><br>Scope</p>
<p>This Protocol applies to the Basin.<sup><a href="#fn1">1</a></sup>
It enters into force on the 1<sup>st</sup> day.</p>
<p><b>Article&#160;3</b> Final provisions</p>
<ol reversed><li>Three.</li><li>Two.</li><li>One.</li></ol>
<section class="footnotes" role="doc-endnotes"><ol><li id="fn1">As defined in the 1997 Convention.</li></ol>
</section></body></html>"""


def test_a_saved_web_page_leaves_out_its_contents_list_footnotes_and_reference_marks(tmp_path: Path) -> None:
    path = tmp_path / "protocol.html"
    path.write_text(_SAVED_PAGE, encoding="utf-8")
    v = peacediff.load(path)
    assert _tree(v.provisions) == ["1", ("3", ["3", "2", "1"])]
    assert v.provisions[0].text == ("Scope — This Protocol applies to the Basin. It enters into force on the 1st day.")
    assert [s.text for s in v.provisions[1].subpoints] == ["Three.", "Two.", "One."]
    assert "footnotes" in (v.note or "")


def _word_list_style(path: Path) -> Path:
    """A treaty numbered through a multilevel list style, as Word writes one applied from a template."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn
    from docx_fixtures import WordDoc

    d = WordDoc()
    real = d.new_list([("decimal", "Article %1"), ("decimal", "%2."), ("lowerLetter", "(%3)")])
    for abstract in d._numbering.findall(qn("w:abstractNum")):
        if abstract.get(qn("w:abstractNumId")) == str(d._abstract_of[real]):
            abstract.find(qn("w:multiLevelType")).addnext(parse_xml(f'<w:styleLink {nsdecls("w")} w:val="Treaty"/>'))
    style = d.doc.styles.add_style("Treaty", WD_STYLE_TYPE.PARAGRAPH)
    style.element.set(qn("w:type"), "numbering")
    style.element.get_or_add_pPr().append(parse_xml(f'<w:numPr {nsdecls("w")}><w:numId w:val="{real}"/></w:numPr>'))
    d._numbering.find(qn("w:num")).addprevious(parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="200"><w:multiLevelType w:val="multilevel"/>'
        '<w:numStyleLink w:val="Treaty"/></w:abstractNum>'))
    d._numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="300"><w:abstractNumId w:val="200"/></w:num>'))
    for text, level in [("Scope", 0), ("This applies.", 1), ("Definitions", 0), ("Terms:", 1), ("first;", 2),
                        ("second.", 2)]:
        d.para(text, 300, level)
    return d.save(path)


def test_word_numbering_through_a_list_style_shows_its_numbers(tmp_path: Path) -> None:
    pytest.importorskip("docx")
    v = peacediff.load(_word_list_style(tmp_path / "styled.docx"))
    assert _tree(v.provisions) == [("1", ["1"]), ("2", [("1", ["a", "b"])])]
    assert [p.text for p in v.provisions] == ["Scope", "Definitions"]


def test_a_roman_article_with_a_latin_suffix_is_an_article_of_its_own() -> None:
    v = parse_text("Article I\nScope.\nArticle I bis\nInserted.\nARTICLE II-TER\nAlso inserted.\nArticle III\nAims.\n",
                   "t")
    assert [(p.number, p.text) for p in v.provisions] == [
        ("I", "Scope."), ("Ibis", "Inserted."), ("IIter", "Also inserted."), ("III", "Aims.")]


def test_markdown_numbered_headings_over_their_own_lists_are_headings() -> None:
    v = parse_text("# Peace Plan\n\n## 1. Security\n\n1. Ceasefire.\n2. Withdrawal.\n\n## 2. Economy\n\n1. Trade.\n",
                   "md")
    assert [(p.number, p.category) for p in v.provisions] == [
        ("1.1", "1. Security"), ("1.2", "1. Security"), ("2.1", "2. Economy")]
    assert "numbered Markdown headings ('1. Security'" in (v.note or "")


def test_markdown_as_rendered_setext_headings_tables_quotes_links_and_rules() -> None:
    v = parse_text("Peace Plan\n==========\n\nSecurity\n--------\n\n1. Quotas, see [Annex](annex.md):\n\n"
                   "| Species | Tonnes |\n|:---|---:|\n| Salmon | 10 |\n\n> 2. Quoted point.\n\n---\n\n"
                   "Economy\n-------\n\n3. Trade.\n", "md")
    assert v.title == "Peace Plan"
    assert [(p.number, p.category, p.text) for p in v.provisions] == [
        ("1", "Security", "Quotas, see Annex: Species | Tonnes Salmon | 10"),
        ("2", "Security", "Quoted point."),
        ("3", "Economy", "Trade."),
    ]


def test_a_web_page_saved_in_the_encoding_it_declares_is_read_in_it(tmp_path: Path) -> None:
    path = tmp_path / "traite.html"
    path.write_bytes('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
                     "<title>Traité</title></head><body><ol><li>Le cessez-le-feu est respecté.</li>"
                     "<li>“Zone” démilitarisée.</li></ol></body></html>".encode("cp1252"))
    v = peacediff.load(path)
    assert v.title == "Traité"
    assert [p.text for p in v.provisions] == ["Le cessez-le-feu est respecté.", "“Zone” démilitarisée."]
    assert "windows-1252" in (v.note or "")
    undeclared = tmp_path / "plain.html"
    undeclared.write_bytes("<ol><li>Respecté.</li></ol>".encode("cp1252"))
    with pytest.raises(peacediff.importers.DocumentError, match="--encoding"):
        peacediff.load(undeclared)


def test_a_title_line_of_a_page_without_a_title_is_its_title_not_a_provision(tmp_path: Path) -> None:
    page = tmp_path / "protocol.html"
    page.write_text("<html><body><p>Protocol on Cultural Property</p><h2>Article A</h2><p>Scope.</p>"
                    "<h2>Article B</h2><p>Aims.</p></body></html>", encoding="utf-8")
    text = tmp_path / "protocol.txt"
    text.write_text("Protocol on Cultural Property\n\nArticle A\nScope.\n\nArticle B\nAims.\n", encoding="utf-8")
    from_page, from_text = peacediff.load(page), peacediff.load(text)
    assert from_page.title == from_text.title == "Protocol on Cultural Property"
    assert [(p.number, p.text) for p in from_page.provisions] == [("A", "Scope."), ("B", "Aims.")]
    from peacediff.importers import read_document

    assert read_document(page, title="Draft 3").provisions[0].text == "Protocol on Cultural Property"


def test_numbered_paragraphs_set_in_a_word_table_keep_their_numbers_and_the_count(tmp_path: Path) -> None:
    pytest.importorskip("docx")
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx_fixtures import WordDoc

    d = WordDoc()
    points = d.new_list([("decimal", "%1."), ("lowerLetter", "(%2)")])
    d.para("Quotas are set as follows:", points, 0)
    d.table([["Salmon", "10 t"], ["Trout", "20 t"]])
    d.para("The commission reviews them.", points, 0)
    boxed = d.doc.add_table(rows=2, cols=1)
    for row, text in enumerate(["Third point, in a box.", "Fourth point, in a box."]):
        p = boxed.cell(row, 0).paragraphs[0]
        p.text = text
        p._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/>'
                                               f'<w:numId w:val="{points}"/></w:numPr>'))
    d.para("Fifth point.", points, 0)
    v = peacediff.load(d.save(tmp_path / "boxes.docx"))
    assert [(p.number, p.text) for p in v.provisions] == [
        ("1", "Quotas are set as follows: Salmon | 10 t Trout | 20 t"), ("2", "The commission reviews them."),
        ("3", "Third point, in a box."), ("4", "Fourth point, in a box."), ("5", "Fifth point.")]


def test_an_article_moved_as_a_tracked_change_is_counted_where_it_arrives(tmp_path: Path) -> None:
    pytest.importorskip("docx")
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx_fixtures import WordDoc

    stamp = 'w:author="Negotiator" w:date="2026-01-01T00:00:00Z"'
    d = WordDoc()
    arts = d.new_list([("decimal", "Article %1")])
    d.para("Scope of the agreement.", arts, 0)
    for tag, ids in (("moveFrom", (41, 42)), (None, None), ("moveTo", (43, 44))):
        if tag is None:
            d.para("Allocation of water.", arts, 0)
            continue
        p = d.para("", arts, 0)
        p._p.append(parse_xml(f'<w:{tag} {nsdecls("w")} w:id="{ids[0]}" {stamp}><w:r><w:t>Final clauses.</w:t>'
                              f"</w:r></w:{tag}>"))
        p._p.get_or_add_pPr().append(parse_xml(f'<w:rPr {nsdecls("w")}><w:{tag} w:id="{ids[1]}" {stamp}/></w:rPr>'))
    v = peacediff.load(d.save(tmp_path / "moved.docx"))
    assert [(p.number, p.text) for p in v.provisions] == [
        ("1", "Scope of the agreement."), ("2", "Allocation of water."), ("3", "Final clauses.")]


def test_a_page_heading_that_repeats_its_title_is_not_a_category(tmp_path: Path) -> None:
    page = tmp_path / "river.html"
    page.write_text("<html><head><title>River Treaty</title></head><body><h1>River Treaty</h1>"
                    "<h2>PART I</h2><h3>Article 1</h3><p>Scope.</p><h2>PART II</h2><h3>Article 2</h3><p>Aims.</p>"
                    "</body></html>", encoding="utf-8")
    v = peacediff.load(page)
    assert v.title == "River Treaty"
    assert [(p.number, p.category) for p in v.provisions] == [("1", "PART I"), ("2", "PART II")]


def test_articles_numbered_in_words_are_articles() -> None:
    v = parse_text("ARTICLE ONE - SCOPE\n1. This applies.\nARTICLE TWO\nAims.\nArticle Twenty-One\nLate.\n", "t")
    assert [(p.number, p.text) for p in v.provisions] == [("1", "SCOPE"), ("2", "Aims."), ("21", "Late.")]
    assert "'ARTICLE ONE' as 1" in (v.note or "")
    french = parse_text("Article 1er\nObjet.\nArticle 2\nChamp.\n", "fr")
    assert [p.number for p in french.provisions] == ["1", "2"]
    prose = parse_text("1. Point one is that we agree.\nSection two of the Act applies.\n2. Done.\n", "p")
    assert [p.number for p in prose.provisions] == ["1", "2"]


def test_a_list_lettered_from_the_top_is_points_not_one_made_up_point() -> None:
    v = parse_text("(a) The ceasefire holds.\n(b) Troops withdraw 15 km.\n(c) Observers deploy.\n", "t")
    assert [(p.number, p.text) for p in v.provisions] == [
        ("a", "The ceasefire holds."), ("b", "Troops withdraw 15 km."), ("c", "Observers deploy.")]
    assert "lettered" in (v.note or "")
    introduced = parse_text("The Parties agree:\n(a) to stop firing;\n(b) to withdraw.\n", "t")
    assert [(s.number, s.text) for s in introduced.provisions[0].subpoints] == [
        ("a", "to stop firing;"), ("b", "to withdraw.")]


def test_a_markdown_code_block_is_text_not_points() -> None:
    v = parse_text("1. Use this form:\n\n```\n2. not a point\n# not a heading\n```\n\n2. Real point.\n", "md")
    assert [(p.number, p.category, p.text) for p in v.provisions] == [
        ("1", None, "Use this form: 2. not a point # not a heading"), ("2", None, "Real point.")]
    assert "\x00" not in "".join(p.text for p in v.provisions)
