"""PDF in: reading order, running headers and page numbers dropped, hyphens rejoined, columns, scans."""

from __future__ import annotations

from pathlib import Path

import pytest

import peacediff
from peacediff.importers import DocumentError
from peacediff.importers.pdf_in import pdf_to_text


# Imported by fixtures, not at the top: fpdf2 takes a third of a second to import, and every
# pytest worker collects this file whether or not it runs these tests.
@pytest.fixture(scope="module", autouse=True)
def _pdf_reader() -> None:
    pytest.importorskip("pypdf")


@pytest.fixture(scope="module")
def fpdf():
    return pytest.importorskip("fpdf")


_LONG = ("The parties shall cooperate in good faith on the management of the shared river, its tributaries "
         "and its banks, and shall report to the joint commission every year on point {n}.")


def _paged(fpdf):
    """A PDF with a running header and "Page N of M" footers, as word processors print drafts."""

    class Paged(fpdf.FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", size=9)
            self.cell(0, 8, "Joint River Treaty - negotiating draft of 3 March", align="C")
            self.ln(14)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Helvetica", size=9)
            self.cell(0, 8, f"Page {self.page_no()} of {{nb}}", align="C")

    return Paged()


def _line(pdf, text: str) -> None:
    pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")


def _treaty_pdf(fpdf, path: Path) -> Path:
    pdf = _paged(fpdf)
    pdf.set_auto_page_break(True, 25)
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    _line(pdf, "Article 1")
    _line(pdf, "The well-known principles of the recon-")
    _line(pdf, "struction fund apply, as do the well-")
    _line(pdf, "known rules of navigation.")
    for n in range(2, 40):
        _line(pdf, f"Article {n}")
        _line(pdf, _LONG.format(n=n))
    pdf.output(str(path))
    return path


def test_running_headers_page_numbers_and_hyphens(fpdf, tmp_path: Path) -> None:
    path = _treaty_pdf(fpdf, tmp_path / "treaty.pdf")
    v = peacediff.load(path)
    assert [p.number for p in v.provisions] == [str(n) for n in range(1, 40)]
    assert v.provisions[0].text == ("The well-known principles of the reconstruction fund apply, "
                                    "as do the well-known rules of navigation.")
    assert all(p.text == _LONG.format(n=p.number) for p in v.provisions[1:])
    assert "Joint River Treaty" in (v.note or "") and "Rejoined" in (v.note or "")
    text = pdf_to_text(path)[0]
    assert "negotiating draft" not in text and "Page 2 of" not in text


def test_a_two_column_layout_is_read_column_by_column_and_reported(fpdf, tmp_path: Path) -> None:
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=14)
    pdf.cell(0, 10, "JOINT RIVER TREATY BETWEEN THE TWO RIPARIAN STATES OF THE VALLEY", align="C",
             new_x="LMARGIN", new_y="NEXT")  # a title across both columns
    pdf.set_font("Helvetica", size=10)
    with pdf.text_columns(ncols=2, gutter=12) as columns:
        for n in range(1, 41):
            columns.write(f"{n}. " + _LONG.format(n=n) + "\n")
    path = tmp_path / "columns.pdf"
    pdf.output(str(path))
    v = peacediff.load(path)
    assert {p.category for p in v.provisions} == {"JOINT RIVER TREATY BETWEEN THE TWO RIPARIAN STATES OF THE VALLEY"}
    assert [p.number for p in v.provisions] == [str(n) for n in range(1, 41)]
    assert all(p.text == _LONG.format(n=p.number) for p in v.provisions)
    assert "two columns on page 1" in (v.note or "")


def test_a_table_is_not_mistaken_for_two_columns(fpdf, tmp_path: Path) -> None:
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    _line(pdf, "1. The quotas are:")
    with pdf.table(borders_layout="NONE") as table:
        for species, tonnes in [("Salmon", "10"), ("Trout", "20"), ("Eel", "5"), ("Pike", "7"), ("Carp", "9"),
                                ("Perch", "3"), ("Zander", "4")]:
            row = table.row()
            row.cell(species)
            row.cell(tonnes)
    _line(pdf, "2. The commission reviews them.")
    path = tmp_path / "table.pdf"
    pdf.output(str(path))
    v = peacediff.load(path)
    assert v.provisions[0].text.startswith("The quotas are: Salmon 10 Trout 20")
    assert "columns" not in (v.note or "")


def test_a_scan_without_a_text_layer_and_a_damaged_pdf(fpdf, tmp_path: Path) -> None:
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 150, style="F")  # a page of ink and no text, as a scanner makes
    scan = tmp_path / "scan.pdf"
    pdf.output(str(scan))
    with pytest.raises(DocumentError, match=r"scan\.pdf: no text layer: this PDF is an image; run OCR first"):
        peacediff.load(scan)
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    with pytest.raises(DocumentError, match=r"damaged\.pdf: the PDF is damaged|damaged\.pdf: no text layer"):
        peacediff.load(damaged)


def test_a_huge_pdf_gets_a_size_message_at_once(tmp_path: Path) -> None:
    huge = tmp_path / "huge.pdf"
    with huge.open("wb") as handle:
        handle.write(b"%PDF-1.7\n")
        handle.truncate(300 * 1024 * 1024)  # sparse: no disk used
    with pytest.raises(DocumentError, match=r"huge\.pdf: the file is 300 MB, more than the 200 MB"):
        peacediff.load(huge)
