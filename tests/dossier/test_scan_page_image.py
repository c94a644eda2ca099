"""A scanned PDF page becomes the picture OCR reads: the scanner's own pixels when the page is
that picture and nothing else, else the page as rendered — what a reader sees in every case."""

from __future__ import annotations

import io
import zlib

import pikepdf
import pypdfium2 as pdfium
from PIL import Image, ImageStat

from dossier.ocr.scanned_page import page_image
from tests import scans

DPI = 300
_BAND = (0, 900, 2480, 1300)  # rows of the page that hold lines of text


def _text_page(dpi: int = DPI) -> Image.Image:
    return scans.page_image(" ".join([scans.TEXTS["kaz"]] * 4), dpi)


def _picture_pdf(
    image: Image.Image,
    dpi: int = DPI,
    *,
    mask: Image.Image | None = None,
    drawn_over: bytes = b"",
    rotate: int = 0,
) -> bytes:
    """A page that is ``image`` (grey, kept losslessly) drawn over the whole page."""
    pdf = pikepdf.new()
    width, height = image.width * 72 / dpi, image.height * 72 / dpi
    picture = pikepdf.Stream(pdf, zlib.compress(image.tobytes()))
    picture.Type, picture.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    picture.Width, picture.Height = image.width, image.height
    picture.ColorSpace, picture.BitsPerComponent = pikepdf.Name.DeviceGray, 8
    picture.Filter = pikepdf.Name.FlateDecode
    if mask is not None:
        soft = pikepdf.Stream(pdf, zlib.compress(mask.tobytes()))
        soft.Type, soft.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
        soft.Width, soft.Height = mask.width, mask.height
        soft.ColorSpace, soft.BitsPerComponent = pikepdf.Name.DeviceGray, 8
        soft.Filter = pikepdf.Name.FlateDecode
        picture.SMask = soft
    content = f"q {width:.4f} 0 0 {height:.4f} 0 0 cm /Scan Do Q\n".encode() + drawn_over
    page = pikepdf.Dictionary(
        Type=pikepdf.Name.Page,
        MediaBox=[0, 0, width, height],
        Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(Scan=picture)),
        Contents=pikepdf.Stream(pdf, content),
    )
    if rotate:
        page.Rotate = rotate
    pdf.pages.append(pikepdf.Page(page))
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


def _read(data: bytes) -> Image.Image:
    document = pdfium.PdfDocument(data)
    try:
        page = document[0]
        try:
            return page_image(page, DPI)
        finally:
            page.close()
    finally:
        document.close()


def _ink(image: Image.Image, box: tuple[int, int, int, int]) -> float:
    """How dark a part of the page is, 0 (white) to 255."""
    return 255 - float(ImageStat.Stat(image.crop(box)).mean[0])


def test_a_scanners_page_is_read_from_the_scanners_own_pixels() -> None:
    scan = _text_page()
    found = _read(_picture_pdf(scan))
    # Rendered, the page would be 2482 pixels wide and smoothed; this is the scan itself.
    assert found.size == scan.size
    assert found.tobytes() == scan.tobytes()


def test_a_fax_coded_scan_is_read_from_its_own_pixels_black_on_white() -> None:
    scan = _text_page().point(lambda value: 0 if value < 128 else 255).convert("1")
    buffer = io.BytesIO()
    scan.save(buffer, "PDF", resolution=float(DPI))  # CCITT G4, "BlackIs1", as a copier's
    found = _read(buffer.getvalue())
    assert found.size == scan.size
    assert found.tobytes() == scan.convert("L").tobytes()


def test_text_a_mask_hides_is_not_read() -> None:
    """A picture drawn through a mask shows white where the mask hides it: the text under
    the mask is on the picture, and must not be read as if it were on the page."""
    scan = _text_page()
    mask = Image.new("L", scan.size, 255)
    mask.paste(0, _BAND)
    assert _ink(scan, _BAND) > 10  # the picture has lines of text there
    found = _read(_picture_pdf(scan, mask=mask))
    assert _ink(found, _BAND) < 1
    elsewhere = (0, 1500, 2480, 1900)
    assert abs(_ink(found, elsewhere) - _ink(scan, elsewhere)) < 1  # the rest is read


def test_a_mark_drawn_over_the_scan_is_read_with_it() -> None:
    scan = _text_page()
    found = _read(_picture_pdf(scan, drawn_over=b"0 g 100 100 200 60 re f\n"))
    box = (round(110 / 72 * DPI), found.height - round(150 / 72 * DPI))
    assert found.getpixel(box) == 0  # the black box drawn over the picture


def test_a_scan_of_another_resolution_is_rendered_at_300_dpi() -> None:
    scan = _text_page(200)
    found = _read(_picture_pdf(scan, 200))
    assert abs(found.width - scan.width * 300 / 200) <= 2


def test_a_page_turned_by_the_file_is_read_turned() -> None:
    scan = _text_page()
    found = _read(_picture_pdf(scan, rotate=90))
    assert found.width > found.height


def test_a_scan_whose_picture_is_damaged_is_read_as_the_page_renders() -> None:
    """A damaged (or hostile) picture stream: no failure, and the page taken as pdfium
    renders it (the program's viewer shows it so too)."""
    scan = _text_page()
    pdf = pikepdf.open(io.BytesIO(_picture_pdf(scan)))
    picture = pdf.pages[0].Resources.XObject.Scan
    picture.write(b"not a compressed picture", filter=pikepdf.Name.FlateDecode)
    buffer = io.BytesIO()
    pdf.save(buffer)
    found = _read(buffer.getvalue())
    document = pdfium.PdfDocument(buffer.getvalue())
    shown = document[0].render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
    document.close()
    small = (found.width // 8, found.height // 8)
    assert (
        abs(_ink(found.resize(small), (0, 0, *small)) - _ink(shown.resize(small), (0, 0, *small)))
        < 1
    )
