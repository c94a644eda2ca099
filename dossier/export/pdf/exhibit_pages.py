"""Each exhibit as PDF pages: PDFs as they are, photos upright without EXIF, texts typeset."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Mapping
from typing import Any
from xml.sax.saxutils import escape

import pikepdf
from PIL import Image
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

from dossier.errors import DossierError
from dossier.export.article_text import markup, tidy_links, without_site_lists
from dossier.export.content import DossierContent, Exhibit, Originals
from dossier.export.pdf.fonts import RENDER_LOCK, SANS_NAME, SERIF_NAME, register
from dossier.export.pdf.text_layer import Words, draw_words
from dossier.i18n import t
from dossier.images import page_count, upright
from dossier.views import TranslationView
from dossier.vocabulary import IMAGE_TYPES


class ExhibitUnusable(DossierError):
    """Exhibits that cannot go into the bundle; raised before anything is written."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(
            t("These exhibits cannot be put into the bundle, so nothing was written:")
            + "\n  "
            + "\n  ".join(problems)
        )
        self.problems = problems


def exhibit_pdf(
    originals: Originals,
    exhibit: Exhibit,
    page_size: tuple[float, float],
    content: DossierContent,
) -> pikepdf.Pdf:
    """The exhibit's pages as an open PDF (raises DossierError with a reason when
    impossible): a PDF as it was imported, once its fingerprint is checked; a picture or a
    text laid out on pages."""
    document = exhibit.document
    if document.mime_type == "application/pdf":
        return _original_pdf(originals.file_bytes(document), exhibit)
    with RENDER_LOCK:  # reportlab is not safe in two threads at once
        if document.mime_type in IMAGE_TYPES:
            data = _image_pages(originals.file_bytes(document), page_size, exhibit.text_layer)
        else:
            data = _text_pages(exhibit, originals.page_texts(document), page_size, content)
    return pikepdf.open(io.BytesIO(data))


def _original_pdf(data: bytes, exhibit: Exhibit) -> pikepdf.Pdf:
    document = exhibit.document
    try:
        pdf = pikepdf.open(io.BytesIO(data), password=exhibit.password or "")
        pages = len(pdf.pages)  # a damaged page tree fails here
    except pikepdf.PasswordError as error:
        raise DossierError(
            t(
                "{annex} ({title}): the PDF is password-protected and its password is not "
                "known; import it again giving its password",
                annex=exhibit.label,
                title=document.title,
            )
        ) from error
    except pikepdf.PdfError as error:
        # pikepdf's message names an in-memory stream, which means nothing to a lawyer.
        raise DossierError(
            t(
                "{annex} ({title}): the PDF is damaged and its pages cannot be copied into a "
                "bundle",
                annex=exhibit.label,
                title=document.title,
            )
        ) from error
    if pages == 0:
        pdf.close()
        raise DossierError(
            t("{annex} ({title}): the PDF has no pages", annex=exhibit.label, title=document.title)
        )
    if hashlib.sha256(data).hexdigest() != document.sha256:
        pdf.close()
        raise DossierError(
            t("{annex}: the file no longer matches its SHA-256", annex=exhibit.label)
        )
    return pdf


_PRINT_DPI = 300


def _image_pages(
    data: bytes, page_size: tuple[float, float], read: Mapping[int, tuple[int, Words]]
) -> bytes:
    """Each page of the picture (one for a photo, one a page for a scanner's TIFF) centred on
    a page of the bundle, upright, with the words OCR read laid over it."""
    register()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=page_size, invariant=1, initialFontName=SANS_NAME)
    with Image.open(io.BytesIO(data)) as opened:
        pages = page_count(opened)
    for number in range(1, pages + 1):
        _image_page(canvas, upright(data, number), page_size, read.get(number))
    canvas.save()
    return out.getvalue()


def _image_page(
    canvas: Canvas,
    image: Image.Image,
    page_size: tuple[float, float],
    read: tuple[int, Words] | None,
) -> None:
    if read and read[0]:  # OCR found the picture turned: shown upright, as it was read
        image = image.rotate(-read[0], expand=True)
    width, height = page_size
    margin = 20 * mm
    box_w, box_h = width - 2 * margin, height - 2 * margin - 10 * mm
    scale = min(box_w / image.width, box_h / image.height, 1.0 if image.width > 600 else 4.0)
    draw_w, draw_h = image.width * scale, image.height * scale
    # More than 300 dpi at the size it is printed adds nothing a court sees, and a phone
    # photo at full size (1.7 MB a page) soon passes an e-filing system's file limit.
    most = (round(draw_w / 72 * _PRINT_DPI), round(draw_h / 72 * _PRINT_DPI))
    if image.width > most[0] * 1.05:
        image = image.resize(most, Image.Resampling.LANCZOS)
    encoded = io.BytesIO()
    image.save(encoded, "JPEG", quality=90)  # saved without exif=: no metadata survives
    encoded.seek(0)
    from reportlab.lib.utils import ImageReader

    left, bottom = (width - draw_w) / 2, (height - draw_h) / 2 - 5 * mm
    canvas.drawImage(ImageReader(encoded), left, bottom, draw_w, draw_h)
    if read:
        draw_words(canvas, read[1], left, bottom, draw_w, draw_h)
    canvas.showPage()


# reportlab re-wraps the rest of a paragraph at every page break: time grows with the square
# of a paragraph's length (80,000 characters in one paragraph: 4.8 s; 160,000: 14 s). Pieces of
# at most this many characters typeset the same text in linear time.
_PIECE = 2000


def _bounded(block: str) -> list[str]:
    """The block's lines, grouped into pieces of at most _PIECE characters (long lines cut)."""
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for line in block.split("\n"):
        while len(line) > _PIECE:
            cut = line.rfind(" ", 0, _PIECE)
            cut = cut if cut > _PIECE // 2 else _PIECE
            pieces += ["\n".join(current)] if current else []
            current, size = [], 0
            pieces.append(line[:cut])
            line = line[cut:].lstrip(" ")
        if size + len(line) > _PIECE and current:
            pieces.append("\n".join(current))
            current, size = [], 0
        current.append(line)
        size += len(line) + 1
    if current:
        pieces.append("\n".join(current))
    return [piece for piece in pieces if piece.strip()]


def _text_pages(
    exhibit: Exhibit,
    pages: list[str],
    page_size: tuple[float, float],
    content: DossierContent,
) -> bytes:
    """A text exhibit typeset; its heading is redacted like the narrative, its text is not."""
    register()
    title = content.redact(exhibit.document.title)
    words = content.template
    body = ParagraphStyle("exhibit", fontName=SERIF_NAME, fontSize=10, leading=13.5)
    heading = ParagraphStyle("exhibit-title", fontName=SANS_NAME, fontSize=11, leading=15)
    note = ParagraphStyle("exhibit-note", parent=body, fontSize=8.5, leading=11, spaceBefore=6)
    story = [Paragraph(escape(title), heading), Spacer(1, 4 * mm)]
    left_out: list[tuple[str, int]] = []
    unwrapped = 0
    for page_text in pages:
        links = tidy_links(page_text)
        unwrapped += links.unwrapped
        article = without_site_lists(links.text)
        if article.left_out:
            left_out.append((article.left_out, article.left_out_lines))
        for block in article.text.split("\n\n"):
            if block.strip():
                for piece in _bounded(block.strip()):
                    story.append(Paragraph(markup(piece), body))
                story.append(Spacer(1, 2 * mm))
    if len(story) == 2:
        story.append(Paragraph(escape(words.word("no_text")), body))
    if unwrapped:  # said, never silent: the file itself keeps its links as they were
        story.append(
            Paragraph("<i>" + escape(words.word("links_unwrapped", count=unwrapped)) + "</i>", note)
        )
    for name, count in left_out:
        # Said, never silent: the annex is the article; the file itself is kept unchanged.
        story.append(
            Paragraph(
                "<i>"
                + escape(
                    words.word(
                        "site_list_left_out",
                        name=name,
                        count=count,
                        sha256=exhibit.document.sha256[:16],
                    )
                )
                + "</i>",
                note,
            )
        )
    out = io.BytesIO()
    SimpleDocTemplate(
        out,
        pagesize=page_size,
        topMargin=25 * mm,
        bottomMargin=22 * mm,
        leftMargin=22 * mm,
        rightMargin=22 * mm,
        invariant=1,
        initialFontName=SERIF_NAME,
        title=title,
    ).build(story)
    return out.getvalue()


def translation_pdf(
    content: DossierContent,
    exhibit: Exhibit,
    translation: TranslationView,
    page_size: tuple[float, float],
) -> bytes:
    with RENDER_LOCK:  # reportlab is not safe in two threads at once
        return _translation_pdf_unlocked(content, exhibit, translation, page_size)


def _translation_pdf_unlocked(
    content: DossierContent,
    exhibit: Exhibit,
    translation: TranslationView,
    page_size: tuple[float, float],
) -> bytes:
    """A translation typeset after its original, then the translator's certificate in the
    forum's words (on its own page, so it can be signed)."""
    register()
    template = content.template
    words = template.labels
    language = str(words.get(f"lang.{translation.language}", translation.language))
    source_code = exhibit.document.language or ""
    source = str(words.get(f"lang.{source_code}", source_code or "—"))
    body = ParagraphStyle("translation", fontName=SERIF_NAME, fontSize=10, leading=13.5)
    heading = ParagraphStyle("translation-title", fontName=SANS_NAME, fontSize=11, leading=15)
    small = ParagraphStyle("translation-note", parent=body, fontSize=9, leading=12)
    title = template.word("translation_heading", label=exhibit.label, language=language)
    original = content.redact(exhibit.document.title)
    story: list[Any] = [
        Paragraph(escape(title), heading),
        Paragraph(escape(template.word("translation_of", title=original)), small),
        Spacer(1, 4 * mm),
    ]
    for block in translation.text.split("\n\n"):
        for piece in _bounded(block.strip()):
            story.append(Paragraph(escape(piece).replace("\n", "<br/>"), body))
        story.append(Spacer(1, 2 * mm))
    story.append(PageBreak())
    story.append(
        Paragraph(escape(template.word("certificate_heading", label=exhibit.label)), heading)
    )
    story.append(Spacer(1, 4 * mm))
    blank = "______________________________"
    statement = template.translation_certificate.format(
        translator=translation.translator or blank,
        source=source,
        target=language,
        documents=f"{exhibit.label} ({original})",
        qualifications=translation.qualifications or blank,
        address=translation.translator_address or blank,
        phone=translation.translator_phone or blank,
    )
    story.append(Paragraph(escape(statement), body))
    story.append(Spacer(1, 8 * mm))
    date = content.date(translation.date) if translation.date else blank
    particulars = [
        (words.get("field.name", "Name"), translation.translator or blank),
        (words.get("field.address", "Address"), translation.translator_address or blank),
        (words.get("field.phone", "Telephone"), translation.translator_phone or blank),
        (words.get("column.date", "Date"), date),
    ]
    if translation.qualifications:
        particulars.insert(1, ("", translation.qualifications))
    for label, value in particulars:
        line = f"{label}: {value}" if label else str(value)
        story.append(Paragraph(escape(line), body))
    story.append(Spacer(1, 10 * mm))
    story.append(
        Paragraph(escape(translation.certification or template.word("signature_line")), body)
    )
    out = io.BytesIO()
    SimpleDocTemplate(
        out, pagesize=page_size, topMargin=25 * mm, bottomMargin=22 * mm, leftMargin=22 * mm,
        rightMargin=22 * mm, invariant=1, initialFontName=SERIF_NAME, title=title,
    ).build(story)  # fmt: skip
    return out.getvalue()
