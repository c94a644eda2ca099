"""The submission as an editable Word document: numbered paragraphs, contents, tables.

Annexes stay in the PDF bundle. Opens in LibreOffice and Word without a
repair prompt (only python-docx's own building blocks and standard fields are used).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx import Document as new_document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

from dossier.export import submission
from dossier.export.content import DossierContent
from dossier.export.output import Unpublished, write_unpublished
from dossier.export.pdf.timeline import chart, chart_png
from dossier.export.submission import (
    Block,
    Chart,
    Contents,
    Group,
    Heading,
    PageBreak,
    Para,
    SignatureSpace,
    Table,
    fingerprint_lines,
)

FONT = "DejaVu Serif"
HEADING_FONT = "DejaVu Sans"
MONO_FONT = "DejaVu Sans Mono"
PAPER = {"a4": (Mm(210), Mm(297)), "letter": (Mm(215.9), Mm(279.4))}
PAPER_WIDTH_CM = {"a4": 21.0, "letter": 21.59}
MARGIN_CM = 2.2


def _field(
    paragraph: object, instruction: str, placeholder: str = "", *, dirty: bool = True
) -> None:
    """A Word field (PAGE, PAGEREF…) that Word and LibreOffice fill in. ``dirty``: Word
    computes it on opening; otherwise it shows ``placeholder`` until fields are updated (F9,
    printing) — LibreOffice always shows the page it lays out."""
    run = paragraph.add_run()  # type: ignore[attr-defined]
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    if dirty:
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


def _set_fonts(document: object, size: float) -> None:
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
    styles["Normal"].font.size = Pt(size)
    for name in ("Heading 1", "Heading 2", "Title"):
        style = styles[name]
        style.font.name = HEADING_FONT
        style.font.color.rgb = RGBColor(0, 0, 0)  # filings are printed in black
        style.element.rPr.rFonts.set(qn("w:cs"), HEADING_FONT)


def write_docx(
    content: DossierContent,
    out: Path,
    *,
    paper: str = "a4",
    heading_pages: list[int] | None = None,
    owner: str | None = None,
) -> Unpublished:
    """Writes the DOCX of the submission (the annexes stay in the PDF), unpublished.
    ``heading_pages``: where each heading falls in the PDF laid out on the same paper, shown
    in the contents until the word processor counts its own."""
    built = submission.build(content, medium="docx")
    document = new_document()
    _set_fonts(document, content.template.font_size)
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAPER[paper]
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(MARGIN_CM))
    text_width = PAPER_WIDTH_CM[paper] - 2 * MARGIN_CM
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(footer, "PAGE", "1")
    footer.add_run(" / ")
    _field(footer, "NUMPAGES", "1")
    template, case = content.template, content.case
    if content.draft:
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
        header.add_run(template.word("draft")).bold = True

    properties = document.core_properties
    properties.title = f"{template.title} — {content.redact(content.person.name)}"
    properties.author = case.representative_name or "Evidence Dossier"
    properties.subject = case.kind_title
    properties.created = content.export_time.replace(tzinfo=None)
    properties.modified = content.export_time.replace(tzinfo=None)
    properties.last_modified_by = properties.author
    properties.revision = 1
    properties.language = template.language

    headings = [b for b in built.blocks if isinstance(b, Heading)]
    writer = _Writer(document, content, text_width, headings, heading_pages or [])
    for block in built.blocks:
        writer.write(block)
    return write_unpublished(
        out, owner, lambda part: document.save(str(part)),
        "The document could not be written to {folder}: {reason}.",
    )  # fmt: skip


class _Writer:
    def __init__(
        self,
        document: Any,
        content: DossierContent,
        width_cm: float,
        headings: list[Heading],
        heading_pages: list[int],
    ) -> None:
        self.document = document
        self.heading_pages = heading_pages
        self.content = content
        self.width_cm = width_cm
        self.headings = headings
        self.bookmarks: dict[int, str] = {}  # heading index → bookmark name
        self.heading_count = 0
        self.size = content.template.font_size

    def write(self, block: Block) -> None:
        document = self.document
        if isinstance(block, Heading):
            paragraph = document.add_heading(block.text, level=block.level + 1)
            paragraph.paragraph_format.keep_with_next = True
            _bookmark(paragraph, f"part{self.heading_count}", self.heading_count)
            self.heading_count += 1
            if block.level == 0 and block.text == self.content.template.word("annex_index"):
                # The annexes themselves are filed in the PDF bundle, paginated as listed here.
                note = document.add_paragraph(self.content.template.word("docx_exhibits_note"))
                note.runs[0].italic = True
        elif isinstance(block, Para):
            self._para(block)
        elif isinstance(block, Group):
            for index, para in enumerate(block.blocks):
                written = self._para(para) if isinstance(para, Para) else self._room_to_sign()
                written.paragraph_format.keep_with_next = index < len(block.blocks) - 1
        elif isinstance(block, PageBreak):
            document.add_page_break()
        elif isinstance(block, Contents):
            self._contents()
        elif isinstance(block, Chart):
            drawing = chart(self.content.chronology, 460, self.content.date)
            if drawing is not None:
                document.add_picture(chart_png(drawing), width=Cm(min(16, self.width_cm)))
        elif isinstance(block, Table):
            self._table(block)
        elif isinstance(block, SignatureSpace):
            self._room_to_sign()

    def _room_to_sign(self) -> Any:
        paragraph = self.document.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(36)
        return paragraph

    def _contents(self) -> None:
        """The contents as real entries linked to their headings, each with its page: a
        reference to the heading's bookmark that LibreOffice counts as it lays the file out,
        and Word shows as the PDF's page (the same paper, margins and fonts) until its fields
        are updated. No field is updated on opening: Word would ask first."""
        for index, heading in enumerate(self.headings):
            paragraph = self.document.add_paragraph()
            paragraph.paragraph_format.left_indent = Cm(0.8 * heading.level)
            paragraph.paragraph_format.space_after = Pt(2)
            paragraph.paragraph_format.tab_stops.add_tab_stop(
                Cm(self.width_cm), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
            )
            _internal_link(paragraph, f"part{index}", heading.text)
            paragraph.add_run("\t")
            page = self.heading_pages[index] if index < len(self.heading_pages) else ""
            _field(paragraph, f"PAGEREF part{index} \\h", str(page), dirty=False)

    def _para(self, block: Para) -> Any:
        style = {"quote": "Quote", "title": "Title"}.get(block.style)
        paragraph = self.document.add_paragraph(style=style)
        fmt = paragraph.paragraph_format
        if block.number is not None:
            fmt.left_indent = Cm(1.0)
            fmt.first_line_indent = Cm(-1.0)
            fmt.tab_stops.add_tab_stop(Cm(1.0))
            paragraph.add_run(f"{block.number}.\t")
        if block.style in ("center", "name", "draft", "title"):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if block.style == "banner":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if block.style in ("item", "cite"):
            fmt.left_indent = Cm(1.4)
        if block.style == "signature":
            fmt.space_after = Pt(0)
        for span in block.spans:
            run = paragraph.add_run(span.text)
            run.bold = span.bold or block.style in ("name", "draft", "h1", "banner") or None
            run.italic = span.italic or None
            if block.style == "name":
                run.font.size = Pt(18)
            if block.style == "draft":
                run.font.color.rgb = RGBColor(0xC0, 0, 0)
            if block.style in ("note", "cite"):
                run.font.size = Pt(self.size * 0.82)
        return paragraph

    def _table(self, block: Table) -> None:
        columns = len(block.widths)
        table = self.document.add_table(rows=0, cols=columns)
        table.style = "Table Grid"
        table.autofit = False
        if block.header:
            cells = table.add_row().cells
            for cell, title in zip(cells, block.header, strict=True):
                # The cells' own size: at the body's, "Language" broke mid-word in its column.
                run = cell.paragraphs[0].add_run(title)
                run.bold = True
                run.font.size = Pt(self.size * 0.82)
            _repeat_header(table.rows[0])
        for index, row in enumerate(block.rows):
            cells = table.add_row().cells
            if index in block.section_rows:
                merged = cells[0].merge(cells[-1])
                merged.paragraphs[0].add_run("".join(s.text for s in row[0])).bold = True
                continue
            for column, (cell, spans) in enumerate(zip(cells, row, strict=True)):
                paragraph = cell.paragraphs[0]
                if column == block.mono_column:
                    lines = fingerprint_lines("".join(span.text for span in spans))
                    for number, line in enumerate(lines):
                        run = paragraph.add_run(line)
                        run.font.name = MONO_FONT
                        run.font.size = Pt(7)
                        if number < len(lines) - 1:
                            run.add_break()
                    continue
                for span in spans:
                    if span.url is not None:
                        _external_link(paragraph, span.url, span.text, self.size * 0.82)
                        continue
                    run = paragraph.add_run(span.text)
                    run.bold = span.bold or None
                    run.italic = span.italic or None
                    run.font.size = Pt(self.size * 0.82)
        # Word reads the cells' widths, LibreOffice the grid's: set both.
        for column, fraction in zip(table.columns, block.widths, strict=True):
            column.width = Cm(fraction * self.width_cm)
            for cell in column.cells:
                cell.width = Cm(fraction * self.width_cm)
        self.document.add_paragraph().paragraph_format.space_after = Pt(2)


def _bookmark(paragraph: Any, name: str, number: int) -> None:
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(number))
    paragraph._p.insert(0, start)
    paragraph._p.append(end)


def _internal_link(paragraph: Any, anchor: str, text: str) -> None:
    _link(paragraph, (qn("w:anchor"), anchor), text, ())


def _external_link(paragraph: Any, url: str, text: str, size: float) -> None:
    """A hyperlink to a web address (a country report's source), blue and underlined."""
    from docx.opc.constants import RELATIONSHIP_TYPE

    relation = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    looks = (("w:color", "1A3D7C"), ("w:u", "single"), ("w:sz", str(round(size * 2))))
    _link(paragraph, (qn("r:id"), relation), text, looks)


def _link(
    paragraph: Any, target: tuple[str, str], text: str, looks: tuple[tuple[str, str], ...]
) -> None:
    """A w:hyperlink run at the end of ``paragraph``, to ``target`` (an anchor or a
    relationship), drawn with ``looks`` (run properties)."""
    link = OxmlElement("w:hyperlink")
    link.set(*target)
    run = OxmlElement("w:r")
    if looks:
        properties = OxmlElement("w:rPr")
        for tag, value in looks:
            element = OxmlElement(tag)
            element.set(qn("w:val"), value)
            properties.append(element)
        run.append(properties)
    shown = OxmlElement("w:t")
    shown.set(qn("xml:space"), "preserve")
    shown.text = text
    run.append(shown)
    link.append(run)
    paragraph._p.append(link)


def _repeat_header(row: Any) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)
