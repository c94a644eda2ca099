"""A PDF page as the picture to read: the scanner's own pixels when the page is nothing else.

A copier's "scan to PDF" makes each page one picture drawn over the whole page. Rendering such
a page at 300 dpi decodes the picture and draws it again, pixel for pixel: 0.096 s a page
(measured), a quarter of the time Tesseract takes to read it. The picture decoded alone takes
0.010 s. It is taken only when it is exactly what the page shows: one picture, filling the
page, drawn upright at the resolution the page would be rendered at, with no annotation over
it — and a small rendering of the page agrees with it everywhere. The last test is what makes
it safe: a document from the persecuting state may draw its picture through a mask, a hidden
layer or a blend that shows something else than the picture's own pixels, and the text read
must be what a reader of the page sees. Any other page is rendered whole, as before.
"""

from __future__ import annotations

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
from PIL import Image, ImageChops

_CHECK_DPI = 25  # the small rendering compared with the picture: a line of text is 4 pixels
# Averaged over the same squares, the picture and a rendering of it differ by at most 14 grey
# levels (pdfium's smoothing); a line of text hidden by a mask differs by 160 (measured).
_AGREE_WITHIN = 48
_RESOLUTION_WITHIN = 0.05  # the picture's own resolution as a share of the one asked for
_POINTS = 1.0  # how far from the page's edges the picture may be drawn (a rounding)


def page_image(page: pdfium.PdfPage, dpi: int) -> Image.Image:
    """The page in grey at ``dpi``, as a reader sees it."""
    try:
        own = _scanners_picture(page, dpi)
    except pdfium.PdfiumError:  # a picture pdfium cannot give alone: the page is rendered
        own = None
    if own is not None:
        return own
    bitmap = page.render(scale=dpi / 72, grayscale=True)
    image: Image.Image = bitmap.to_pil().convert("L")  # a copy: the bitmap is freed below
    bitmap.close()
    return image


def _scanners_picture(page: pdfium.PdfPage, dpi: int) -> Image.Image | None:
    picture = _only_picture(page, dpi)
    if picture is None:
        return None
    bitmap = picture.get_bitmap(render=False)
    # A copy in grey; pdfium's own buffer is freed with the last reference to it (closing it
    # by hand is what pypdfium2 warns against), here.
    image = bitmap.to_pil().convert("L")
    del bitmap
    return image if _shows_as(page, image) else None


def _only_picture(page: pdfium.PdfPage, dpi: int) -> pdfium.PdfImage | None:
    """The page's one picture, when it fills the page upright at ``dpi``; else None."""
    if page.get_rotation() or pdfium_raw.FPDFPage_GetAnnotCount(page.raw) > 0:
        return None
    box = page.get_cropbox()
    if box != page.get_mediabox():
        return None
    objects = []
    for found in page.get_objects(max_depth=1):
        objects.append(found)
        if len(objects) > 1:
            return None
    if len(objects) != 1 or not isinstance(objects[0], pdfium.PdfImage):
        return None
    picture = objects[0]
    a, b, c, d, e, f = picture.get_matrix().get()
    left, bottom, right, top = box
    width, height = right - left, top - bottom
    if not (
        abs(b) < 1e-3
        and abs(c) < 1e-3
        and abs(a - width) <= _POINTS
        and abs(d - height) <= _POINTS  # a positive height: the picture is not mirrored
        and abs(e - left) <= _POINTS
        and abs(f - bottom) <= _POINTS
    ):
        return None
    pixels_wide, pixels_high = picture.get_px_size()
    wanted_wide, wanted_high = width / 72 * dpi, height / 72 * dpi
    if (
        abs(pixels_wide - wanted_wide) > wanted_wide * _RESOLUTION_WITHIN
        or abs(pixels_high - wanted_high) > wanted_high * _RESOLUTION_WITHIN
    ):
        return None
    return picture


def _shows_as(page: pdfium.PdfPage, image: Image.Image) -> bool:
    """Whether the page, rendered small, shows ``image`` (averaged over the same squares)."""
    bitmap = page.render(scale=_CHECK_DPI / 72, grayscale=True)
    shown = bitmap.to_pil().convert("L")
    bitmap.close()
    ours = image.resize(shown.size, Image.Resampling.BOX)
    differences = ImageChops.difference(ours, shown).histogram()  # squares by difference
    return not any(differences[_AGREE_WITHIN + 1 :])
