"""The editable narrative as a Word document: headings, contents field, page numbers, tables.

Exhibits stay in the PDF bundle; the document says so. Opens in LibreOffice and Word without a
repair prompt (only python-docx's own building blocks and standard fields are used).
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Sequence
from pathlib import Path

from docx import Document as new_document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from dossier.errors import DossierError
from dossier.export.content import DossierContent
from dossier.export.output import writing
from dossier.export.pdf.exhibit_pages import IMAGE_TYPES, clean_image
from dossier.export.pdf.timeline import chart, chart_png
from storage.vault import Vault

FONT = "DejaVu Serif"
HEADING_FONT = "DejaVu Sans"
PAPER = {"a4": (Mm(210), Mm(297)), "letter": (Mm(215.9), Mm(279.4))}


def _field(paragraph: object, instruction: str, placeholder: str = "") -> None:
    """A Word field (TOC, PAGE…) that Word and LibreOffice fill in when the file is opened."""
    run = paragraph.add_run()  # type: ignore[attr-defined]
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    begin.set(qn("w:dirty"), "true")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = instruction
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    shown = OxmlElement("w:t")
    shown.text = placeholder
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, text, separate, shown, end):
        run._r.append(element)


def _set_fonts(document: object) -> None:
    styles = document.styles  # type: ignore[attr-defined]
    for name in ("Normal", "Table Grid", "Quote", "Title"):
        try:
            style = styles[name]
        except KeyError:
            continue
        style.font.name = FONT
        fonts = style.element.rPr.rFonts if style.element.rPr is not None else None
        if fonts is not None:
            for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
                fonts.set(qn(attribute), FONT)
    styles["Normal"].font.size = Pt(10.5)
    for level in (1, 2):
        style = styles[f"Heading {level}"]
        style.font.name = HEADING_FONT
        style.element.rPr.rFonts.set(qn("w:cs"), HEADING_FONT)


def write_docx(vault: Vault, content: DossierContent, out: Path, *, paper: str = "a4") -> str:
    """Writes the DOCX and returns its SHA-256."""
    document = new_document()
    _set_fonts(document)
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAPER[paper]
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.2))
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    _field(footer, "PAGE", "1")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES", "1")
    if content.draft:
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
        header.add_run("DRAFT — NOT FOR FILING").bold = True

    template, case, person = content.template, content.case, content.person
    properties = document.core_properties
    properties.title = f"{template.title} — {content.redact(person.name)}"
    properties.author = case.representative_name or "Evidence Dossier"
    properties.subject = case.kind_title
    properties.created = content.export_time.replace(tzinfo=None)
    properties.modified = content.export_time.replace(tzinfo=None)
    properties.last_modified_by = properties.author
    properties.revision = 1

    document.add_heading(template.title, level=0)
    if content.draft:
        document.add_paragraph("DRAFT — NOT FOR FILING").runs[0].bold = True
    if template.addressee:
        document.add_paragraph(f"To: {template.addressee}")
    document.add_paragraph().add_run(f"Concerning {content.redact(person.name)}").bold = True
    if person.native_name:
        document.add_paragraph(content.redact(person.native_name))
    facts = [
        ("Type of request", case.kind_title),
        ("Requesting country", case.requesting_country),
        ("Notice", " ".join(x for x in (case.notice_type, case.notice_reference) if x)),
        (
            "Represented by",
            ", ".join(x for x in (case.representative_name, case.representative_firm) if x),
        ),
        ("Prepared", content.export_time.strftime("%d %B %Y, %H:%M UTC")),
    ]
    _table(document, None, [(k, v) for k, v in facts if v], content)

    sections = template.sections
    document.add_heading(sections["contents"], level=1)
    _field(
        document.add_paragraph(),
        'TOC \\o "1-2" \\h \\z \\u',
        "Right-click and choose Update Field to show the contents.",
    )

    document.add_heading(sections["summary"], level=1)
    for block in (case.summary or "(No summary yet.)").split("\n\n"):
        document.add_paragraph(content.redact(block))
    for block in case.arguments.split("\n\n") if case.arguments else []:
        document.add_paragraph(content.redact(block))

    document.add_heading(sections["profile"], level=1)
    profile = content.profile_rows()
    _table(document, None, [(k, v) for k, v in profile if v], content)

    document.add_heading(sections["chronology"], level=1)
    drawing = chart(content.chronology, 460)
    if drawing is not None:
        document.add_picture(chart_png(drawing), width=Cm(16))
    rows = [
        (
            e.date_display,
            e.title + (f" — {e.description}" if e.description else ""),
            "; ".join(content.cite(c.document_ref, c.page) for c in e.citations) or "—",
        )
        for e in content.chronology
    ]
    _table(document, ("Date", "Event", "Sources"), rows, content)

    if content.grounds:
        document.add_heading(sections["grounds"], level=1)
    for ground in content.grounds:
        document.add_heading(ground.title, level=2)
        document.add_paragraph(content.redact(ground.explanation))
        if not ground.evidence:
            document.add_paragraph("No evidence has been linked to this ground yet.").runs[
                0
            ].italic = True
        for ref in ground.evidence:
            quote = content.quotes.get(ref)
            if quote is not None and content.exhibit_for(quote.document_ref) is not None:
                document.add_paragraph(content.redact(f"“{quote.text}”"), style="Quote")
                speaker = f"{quote.speaker}, " if quote.speaker else ""
                document.add_paragraph(
                    f"— {content.redact(speaker)}{content.cite(quote.document_ref, quote.page)}"
                )
            elif ref.startswith("D") and (exhibit := content.exhibit_for(ref)) is not None:
                document.add_paragraph(f"{exhibit.label}: {content.redact(exhibit.document.title)}")
            elif ref.startswith("E"):
                event = next((e for e in content.chronology if e.ref == ref), None)
                if event is not None:
                    document.add_paragraph(content.redact(f"{event.date_display}: {event.title}"))
    if template.closing:
        document.add_paragraph(content.redact(template.closing))

    document.add_heading(sections["exhibit_index"], level=1)
    document.add_paragraph(
        "The exhibits themselves are in the PDF bundle exported with this document; their "
        "fingerprints below prove that they are the files as collected."
    )
    _table(
        document,
        ("No.", "Title", "Date", "Kind", "SHA-256"),
        [
            (
                e.label,
                e.document.title,
                e.document.date_display or "—",
                e.document.kind.replace("-", " "),
                e.document.sha256,
            )
            for e in content.exhibits
        ],
        content,
        small_last=True,
        widths_cm=(1.8, 4.6, 2.4, 2.2, 5.6),
    )
    photos = [e for e in content.exhibits if e.document.mime_type in IMAGE_TYPES]
    if photos:
        document.add_heading("Photographs", level=2)
        for exhibit in photos:
            image = clean_image(vault.read_bytes(exhibit.document.file_id))
            image.thumbnail((1200, 1200))
            buffer = io.BytesIO()
            image.save(buffer, "JPEG", quality=85)  # re-encoded: no EXIF, no GPS
            buffer.seek(0)
            document.add_picture(buffer, width=Cm(8))
            document.add_paragraph(f"{exhibit.label}: {content.redact(exhibit.document.title)}")

    try:
        with writing(out) as part:
            document.save(str(part))
    except OSError as error:
        raise DossierError(f"The document could not be written to {out}: {error}.") from error
    return hashlib.sha256(out.read_bytes()).hexdigest()


def _table(
    document: object,
    header: tuple[str, ...] | None,
    rows: Sequence[Sequence[str | None]],
    content: DossierContent,
    small_last: bool = False,
    widths_cm: Sequence[float] = (),
) -> None:
    if not rows:
        return
    columns = len(header) if header else len(rows[0])
    table = document.add_table(rows=0, cols=columns)  # type: ignore[attr-defined]
    table.style = "Table Grid"
    if header:
        cells = table.add_row().cells
        for cell, title in zip(cells, header, strict=True):
            cell.text = ""
            cell.paragraphs[0].add_run(title).bold = True
    for row in rows:
        cells = table.add_row().cells
        for index, (cell, value) in enumerate(zip(cells, row, strict=True)):
            raw = value or ""
            cell.text = raw if (small_last and index == columns - 1) else content.redact(raw)
            if small_last and index == columns - 1:
                for run in cell.paragraphs[0].runs:
                    run.font.size = Pt(6.5)
    for column, width in zip(table.columns, widths_cm, strict=False):
        for cell in column.cells:
            cell.width = Cm(width)
