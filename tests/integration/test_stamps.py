"""The bundle's stamps (page numbers, annex labels) are forms named in each page's
resources. A page that already names something the same way — a bundle of ours filed
again as an exhibit, whose own stamps use the very same names — keeps what it had: the new
stamp is named apart, and the page shows both."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
from reportlab.pdfgen.canvas import Canvas

from dossier.export.pdf.stamps import StampForms, StampKit
from tests.integration.pdf_tools import text


def _page_drawing(words: str) -> pikepdf.Pdf:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(300, 200), invariant=1)
    canvas.drawString(40, 100, words)
    canvas.showPage()
    canvas.save()
    return pikepdf.open(io.BytesIO(buffer.getvalue()))


def _exhibit_with_a_form_named(pdf: pikepdf.Pdf, name: str, words: str) -> pikepdf.Page:
    """A page whose only content is a form of its own called ``name``, showing ``words``."""
    source = _page_drawing(words)  # kept open while its page is copied
    form = pdf.copy_foreign(source.pages[0].as_form_xobject())
    pdf.add_blank_page(page_size=(300, 200))
    page = pdf.pages[-1]
    page.obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary({name: form}))
    page.obj.Contents = pdf.make_stream(f"q {name} Do Q".encode())
    return page


def test_a_page_with_names_like_the_stamps_keeps_what_it_showed(tmp_path: Path) -> None:
    pdf = pikepdf.new()
    # An earlier bundle's label was its form /EDs11: the first label form after the eleven
    # characters of the page numbers, as ours is.
    page = _exhibit_with_a_form_named(pdf, "/EDs11", "Exhibit 7 of the earlier bundle")
    kit = StampKit(pdf, StampForms({"Annex 1"}, set()))
    kit.place(pdf, page, 3, 12, "Annex 1", False)
    pdf.save(tmp_path / "stamped.pdf")

    shown = text(tmp_path / "stamped.pdf", mode="-raw")
    assert "Exhibit 7 of the earlier bundle" in shown  # before: replaced by "Annex 1"
    assert "Annex 1" in shown and "3 / 12" in shown.replace("\n", " ").replace("  ", " ")


def test_pages_sharing_their_resources_share_the_stamps_forms(tmp_path: Path) -> None:
    pdf = _page_drawing("first")
    pdf.pages.append(pdf.pages[0])
    shared = pdf.pages[0].obj.Resources
    pdf.pages[1].obj.Resources = shared
    kit = StampKit(pdf, StampForms({"Annex 2"}, set()))
    for number, page in enumerate(pdf.pages, start=1):
        kit.place(pdf, page, number, 2, "Annex 2", False)
    pdf.save(tmp_path / "stamped.pdf")

    with pikepdf.open(tmp_path / "stamped.pdf") as stamped:
        names = [sorted(str(k) for k in page.Resources.XObject) for page in stamped.pages]
    assert names[0] == names[1]
    assert not any("r1" in name for name in names[0])  # nothing renamed: no page's own names
    assert "1 / 2" in text(tmp_path / "stamped.pdf", 1, 1, "-raw").replace("\n", " ")
