"""Photos as people see them: turned upright by their EXIF orientation, HEIC decoded, and with
no metadata (EXIF, GPS) carried along — for the bundle and for the window's viewer alike."""

from __future__ import annotations

import io

from pi_heif import register_heif_opener
from PIL import Image, ImageOps

register_heif_opener()


def upright(data: bytes, page: int = 1) -> Image.Image:
    """Upright (EXIF orientation applied) and without EXIF, GPS or other metadata. ``page``:
    of a multi-page scan (a TIFF from a document scanner), 1-based."""
    with Image.open(io.BytesIO(data)) as opened:
        opened.seek(page - 1)
        turned = ImageOps.exif_transpose(opened)
        return turned.convert("RGB") if turned.mode not in ("RGB", "L") else turned.copy()


def page_count(image: Image.Image) -> int:
    """The pages of an opened image: a scanner's TIFF holds one a page; a photo, one."""
    return int(getattr(image, "n_frames", 1) or 1)


def preview_png(data: bytes, longest_side: int = 1600, *, turn: int = 0, page: int = 1) -> bytes:
    """A PNG for the screen, upright, at most ``longest_side`` pixels, decoded in memory;
    ``turn``: degrees clockwise more (what OCR found it needed)."""
    return _screen_png(upright(data, page), longest_side, turn)


def pdf_page_png(
    data: bytes, page: int, password: str | None, *, turn: int, longest_side: int = 1600
) -> bytes:
    """A PDF's page (1-based) as a PNG for the screen, turned ``turn`` degrees clockwise: a
    scanned page OCR found turned, shown as it was read (the PDF viewer shows pages only as
    filed)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(io.BytesIO(data), password=password)
    try:
        shown = document[page - 1]
        try:
            width, height = shown.get_size()
            image = shown.render(scale=longest_side / max(width, height, 1)).to_pil()
        finally:
            shown.close()
    finally:
        document.close()
    return _screen_png(image, longest_side, turn)


def _screen_png(image: Image.Image, longest_side: int, turn: int) -> bytes:
    if turn:
        image = image.rotate(-turn, expand=True)
    image.thumbnail((longest_side, longest_side))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()
