"""Benchmark: reading documents in: a 3,000-provision .docx and a 100-page PDF.

Prints figures; asserts nothing (targets from issue 15: a 3,000-provision .docx
in ≤ 2 s, a 100-page PDF in ≤ 5 s).  The documents are generated in a
temporary folder: the .docx with python-docx and Word's automatic numbering
(articles numbered "Article %1", paragraphs "%2.", points "(%3)"), the PDF
with fpdf2, with a running header and page numbers on every page.

    python benchmarks/bench_import.py        # needs the test extra (python-docx, fpdf2, lxml, pypdf)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests"))

from timing import best_of  # noqa: E402

_SENTENCE = ("The parties shall cooperate in good faith on matter {n}, report to the joint commission "
             "every year and settle any dispute about it by negotiation.")


def make_docx(path: Path, articles: int = 1000) -> int:
    """A treaty of ``articles`` articles, each with two numbered paragraphs: 3 provisions an article."""
    from docx_fixtures import WordDoc

    doc = WordDoc()
    numbering = doc.new_list([("decimal", "Article %1"), ("decimal", "%2."), ("lowerLetter", "(%3)")])
    for n in range(1, articles + 1):
        doc.para("Obligations", numbering, 0)
        doc.para(_SENTENCE.format(n=n), numbering, 1)
        doc.para(_SENTENCE.format(n=n + 0.5), numbering, 1)
    doc.save(path)
    return articles * 3


def make_pdf(path: Path, pages: int = 100) -> None:
    import fpdf

    class Paged(fpdf.FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", size=9)
            self.cell(0, 8, "Joint River Treaty - draft", align="C")
            self.ln(14)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Helvetica", size=9)
            self.cell(0, 8, f"Page {self.page_no()}", align="C")

    pdf = Paged()
    pdf.set_auto_page_break(True, 25)
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    n = 1
    while pdf.page_no() < pages or pdf.get_y() < 200:
        pdf.multi_cell(0, 6, f"{n}. " + _SENTENCE.format(n=n), new_x="LMARGIN", new_y="NEXT")
        n += 1
    pdf.output(str(path))


def main() -> None:
    from peacediff.importers import read_document

    with tempfile.TemporaryDirectory() as folder:
        docx_path = Path(folder) / "treaty.docx"
        provisions = make_docx(docx_path)
        best, median = best_of(3, lambda: read_document(docx_path))
        print(f"import .docx, {provisions:,} provisions (1,000 articles x 2 paragraphs, automatic numbering): "
              f"best {best:.2f} s, median {median:.2f} s  (target <= 2 s)")
        pdf_path = Path(folder) / "treaty.pdf"
        make_pdf(pdf_path)
        best, median = best_of(3, lambda: read_document(pdf_path))
        points = len(read_document(pdf_path).provisions)
        print(f"import .pdf, 100 pages ({points:,} points, running header and page numbers): "
              f"best {best:.2f} s, median {median:.2f} s  (target <= 5 s)")


if __name__ == "__main__":
    main()
