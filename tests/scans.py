"""Scanned pages made here: known texts in Russian, Kyrgyz, Kazakh and English, rendered to page
images as a scanner or a phone would give them (resolution, noise, tilt, a page turned)."""

from __future__ import annotations

import io
import random
import textwrap
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONTS = Path(__file__).resolve().parents[1] / "resources" / "fonts"

TEXTS = {
    "rus": (
        "Октябрьский районный суд города Бишкек признал материалы издания экстремистскими. "
        "Следователь провёл обыск в редакции и изъял ноутбуки сотрудников. Адвокат заявил, "
        "что решение суда нарушает право на свободу выражения мнений и право на защиту. "
        "Суд отклонил ходатайство защиты об отложении заседания и о вызове свидетелей. "
        "Журналист Тухватшин находится за пределами страны с двадцать второго года."
    ),
    "kir": (
        "Бишкек шаарынын Октябрь райондук соту басылманын материалдарын экстремисттик деп "
        "тапты. Журналисттер өз укуктарын коргоо үчүн эл аралык уюмдарга кайрылышты. "
        "Мамлекеттик органдар эч кандай түшүндүрмө берген жок. Өкмөт бул чечимди колдоду, "
        "бирок коомчулук аны сынга алды жана көңүл бурду. Соттун жыйынында күбөлөр угулган жок."
    ),
    "kaz": (
        "Алматы қаласының соты журналистің ісін қарады. Қорғаушы үкімнің заңсыз екенін "
        "айтты. Әділет министрлігі ұсыныс жасады, ал халықаралық ұйымдар мен құқық "
        "қорғаушылар өз пікірін білдірді. Сот отырысында куәгерлер тыңдалмады, тергеу "
        "материалдары қорғаушыға берілмеді. Іс бойынша шешім алдағы айда шығады."
    ),
    "eng": (
        "The Oktyabrsky District Court of Bishkek declared the outlet's materials extremist. "
        "Investigators searched the newsroom and seized the journalists' laptops. The lawyer "
        "said the ruling breaches the right to freedom of expression and to a fair hearing. "
        "The court refused the defence's request to adjourn and to call witnesses. The "
        "journalist has lived outside the country since the spring of that year."
    ),
}


def page_image(text: str, dpi: int = 300, *, font: str = "DejaVuSerif.ttf") -> Image.Image:
    """An A4 page with the text set in 12 pt, as a clean scan at ``dpi``."""
    width, height = int(8.27 * dpi), int(11.69 * dpi)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    face = ImageFont.truetype(str(FONTS / font), int(12 * dpi / 72))
    y = dpi
    for line in textwrap.wrap(text, 70):
        draw.text((dpi, y), line, font=face, fill=0)
        y += int(18 * dpi / 72)
    return image


def worn(image: Image.Image, *, tilt: float, seed: int = 1) -> Image.Image:
    """A poorer copy: a little blur, speckle noise, and tilted by ``tilt`` degrees."""
    rng = random.Random(seed)
    image = image.filter(ImageFilter.GaussianBlur(0.6))
    pixels = image.load()
    assert pixels is not None
    width, height = image.size
    for _ in range(width * height // 200):  # 0.5 % of pixels flipped to grey or dark
        x, y = rng.randrange(width), rng.randrange(height)
        pixels[x, y] = rng.choice((0, 96, 160))
    return image.rotate(tilt, expand=False, fillcolor=255, resample=Image.Resampling.BICUBIC)


def scanned_pdf(images: list[Image.Image], dpi: int = 300) -> bytes:
    """An image-only PDF, one scan a page (as a copier's "scan to PDF" makes)."""
    buffer = io.BytesIO()
    first, *rest = [
        image if image.mode in ("L", "RGB") else image.convert("RGB") for image in images
    ]
    first.save(buffer, "PDF", resolution=float(dpi), save_all=True, append_images=rest)
    return buffer.getvalue()


# Cyrillic letters as a scanner reading in the wrong language takes them (by their shape).
_SHAPES = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ",
    ["a", "6", "B", "r", "g", "e", "e", "x", "3", "u", "u", "k", "n", "M", "H", "o", "n", "p",
     "c", "T", "y", "o", "x", "u", "4", "w", "w", "b", "bl", "b", "3", "io", "R",
     "A", "6", "B", "r", "D", "E", "E", "X", "3", "U", "U", "K", "N", "M", "H", "O", "N", "P",
     "C", "T", "Y", "O", "X", "U", "4", "W", "W", "B", "bl", "b", "3", "IO", "R"],
    strict=True,
))  # fmt: skip


def misread(text: str) -> str:
    """``text`` as a copier's OCR set to English reads a Russian page: "npu3Han" for "признал"."""
    return "".join(_SHAPES.get(c, c) for c in text)


def scanned_pdf_with_hidden_text(image: Image.Image, hidden: str, dpi: int = 300) -> bytes:
    """A scan with a text layer of its own under the picture, invisible (3 Tr), as copiers
    that "make searchable PDFs" write it."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    width, height = image.width * 72 / dpi, image.height * 72 / dpi
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height), invariant=1)
    canvas.drawImage(ImageReader(image.convert("RGB")), 0, 0, width, height)
    text = canvas.beginText(40, height - 60)
    text.setTextRenderMode(3)
    text.setFont("Helvetica", 11)
    for line in textwrap.wrap(hidden, 70):
        text.textLine(line)
    canvas.drawText(text)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def character_error_rate(expected: str, found: str) -> float:
    """Edits needed to turn what was read into the text, per character of the text (spacing
    and line breaks not counted)."""
    from rapidfuzz.distance import Levenshtein

    expected, found = " ".join(expected.split()), " ".join(found.split())
    return Levenshtein.distance(expected, found) / max(1, len(expected))
