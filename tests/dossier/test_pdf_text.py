"""A PDF's text is read through pdfium's own calls (issue 23: pypdfium2's page objects were a
tenth of reading a PDF): the text must be the one pypdfium2's ``get_text_bounded`` gives,
page for page, for real-world PDFs and for the letters this program's sources use."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from dossier.importers.pdf import PdfImporter

FONT = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "DejaVuSans.ttf"


def _as_pypdfium2_reads(path: Path, password: str | None = None) -> list[str]:
    document = pdfium.PdfDocument(str(path), password=password)
    try:
        return [
            document[index].get_textpage().get_text_bounded().replace("\r\n", "\n")
            for index in range(len(document))
        ]
    finally:
        document.close()


def _kyrgyz_and_kazakh(path: Path) -> None:
    """Cyrillic with Kyrgyz and Kazakh letters, a rotated page, and words drawn off the page
    (which a bounded reading leaves out)."""
    pdfmetrics.registerFont(TTFont("DejaVuSans", str(FONT)))
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.setFont("DejaVuSans", 12)
    pdf.drawString(56, 780, "Бишкек шаарынын Биринчи май райондук соту: ң ө ү")
    pdf.drawString(56, 760, "Қазақстан Республикасы: ә ғ қ ұ һ і")
    pdf.drawString(700, 700, "off the page")
    pdf.showPage()
    pdf.setPageRotation(90)
    pdf.setFont("DejaVuSans", 12)
    pdf.drawString(56, 500, "Первомайский районный суд города Бишкек")
    pdf.showPage()
    pdf.save()


def test_a_pdfs_text_is_what_pypdfium2_reads_page_for_page(tmp_path: Path) -> None:
    made = tmp_path / "ky-kk.pdf"
    _kyrgyz_and_kazakh(made)
    pages = PdfImporter().extract(made).pages
    assert pages == _as_pypdfium2_reads(made)
    assert "ң ө ү" in pages[0] and "ә ғ қ ұ һ і" in pages[0]
    assert "off the page" not in pages[0]
    assert "Первомайский" in pages[1]


def test_real_world_pdfs_read_as_pypdfium2_reads_them(corpus: Path) -> None:
    read = 0
    for path in sorted((corpus / "pdf").glob("*.pdf")):
        password = "openpassword" if "password" in path.name else None
        assert PdfImporter().extract(path, password).pages == _as_pypdfium2_reads(path, password), (
            path.name
        )
        read += 1
    assert read >= 5
