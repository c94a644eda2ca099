"""A page is taken for a scan when one image covers most of it, drawn on the page or inside
forms the page draws. Told by pdfium's own calls (a Python object for each of a page's
objects was a tenth of reading a PDF): the same answer as pypdfium2's object walk."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from dossier.importers.pdf import _SCAN_COVERS, _scanned


def _walked(page: pdfium.PdfPage) -> bool:
    """The answer as pypdfium2's walk over the page's objects gives it (forms 3 levels)."""
    width, height = page.get_size()
    for image in page.get_objects(filter=(pdfium_raw.FPDF_PAGEOBJ_IMAGE,), max_depth=3):
        left, bottom, right, top = image.get_bounds()
        if (right - left) * (top - bottom) >= width * height * _SCAN_COVERS:
            return True
    return False


def _pages(path: Path) -> None:
    """Pages with an image of each size, on the page and in forms 1–3 deep, and with text."""
    picture = io.BytesIO()
    Image.new("L", (40, 56), 200).save(picture, "PNG")
    drawn = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4

    def image(share: float) -> None:  # a picture covering ``share`` of the page
        side = share**0.5
        reader = ImageReader(io.BytesIO(picture.getvalue()))
        drawn.drawImage(reader, 10, 10, width * side, height * side)

    for share in (0.95, 0.5):
        for deep in range(4):
            for level in range(deep, 0, -1):  # the innermost form first: it is drawn by the next
                drawn.beginForm(f"f{share}-{deep}-{level}")
                if level == deep:
                    image(share)
                else:
                    drawn.doForm(f"f{share}-{deep}-{level + 1}")
                drawn.endForm()
            drawn.drawString(72, 800, "A line of text on the page.")
            if deep == 0:
                image(share)
            else:
                drawn.doForm(f"f{share}-{deep}-1")
            drawn.showPage()
    drawn.drawString(72, 800, "Only text.")
    drawn.showPage()
    drawn.save()


def test_a_scan_is_told_as_pypdfium2s_walk_tells_it(tmp_path: Path) -> None:
    path = tmp_path / "pages.pdf"
    _pages(path)
    document = pdfium.PdfDocument(str(path))
    try:
        pages = [document[i] for i in range(len(document))]  # held: a page dropped is closed
        told = [(_scanned(page.raw), _walked(page)) for page in pages]
    finally:
        document.close()
    assert [ours for ours, _ in told] == [theirs for _, theirs in told]
    # Covering images on the page and in forms up to two deep are found; three deep is not
    # looked into; half-page pictures and text are no scan.
    assert [ours for ours, _ in told] == [True, True, True, False] + [False] * 4 + [False]
