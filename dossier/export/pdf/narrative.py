"""The narrative part of the bundle: cover, contents, summary, profile, chronology, grounds,
exhibit index and integrity annex, typeset with reportlab in the shipped fonts."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from dossier.export.content import DossierContent
from dossier.export.pdf.fonts import SANS_NAME, SERIF_NAME, register
from dossier.export.pdf.timeline import chart


@dataclass(frozen=True)
class Heading:
    title: str
    level: int
    page: int  # 1-based within the narrative (= within the bundle: the narrative comes first)


def _styles() -> dict[str, ParagraphStyle]:
    register()
    base = ParagraphStyle("body", fontName=SERIF_NAME, fontSize=10.5, leading=14.5, spaceAfter=5)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10, spaceAfter=0),
        "mono": ParagraphStyle("mono", parent=base, fontName=SANS_NAME, fontSize=6.5, leading=8),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=11.5, spaceAfter=0),
        "quote": ParagraphStyle(
            "quote",
            parent=base,
            leftIndent=12 * mm,
            rightIndent=8 * mm,
            fontName=SERIF_NAME,
            textColor=colors.HexColor("#222222"),
            borderPadding=(2, 0, 2, 6),
        ),
        "cite": ParagraphStyle("cite", parent=base, leftIndent=12 * mm, fontSize=9, spaceAfter=9),
        "h1": ParagraphStyle(
            "h1",
            fontName=SANS_NAME + "-Bold",
            fontSize=15,
            leading=19,
            spaceBefore=4,
            spaceAfter=10,
        ),
        "h2": ParagraphStyle(
            "h2",
            fontName=SANS_NAME + "-Bold",
            fontSize=11.5,
            leading=15,
            spaceBefore=8,
            spaceAfter=4,
        ),
        "title": ParagraphStyle(
            "title",
            fontName=SANS_NAME + "-Bold",
            fontSize=20,
            leading=26,
            alignment=TA_CENTER,
            spaceAfter=8,
        ),
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
        "draft": ParagraphStyle(
            "draft", parent=base, alignment=TA_CENTER, textColor=colors.red, fontSize=14
        ),
    }


class _Heading(Paragraph):  # type: ignore[misc]
    def __init__(self, text: str, style: ParagraphStyle, level: int) -> None:
        super().__init__(escape(text), style)
        self.toc_level = level
        self.plain = text


class _NarrativeDoc(BaseDocTemplate):  # type: ignore[misc]
    def __init__(self, buffer: io.BytesIO, page_size: tuple[float, float], **kw: Any) -> None:
        super().__init__(buffer, pagesize=page_size, invariant=1, initialFontName=SERIF_NAME, **kw)
        frame = Frame(22 * mm, 22 * mm, page_size[0] - 44 * mm, page_size[1] - 47 * mm, id="f")
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        self.headings: list[Heading] = []

    def afterFlowable(self, flowable: Any) -> None:
        if isinstance(flowable, _Heading):
            self.notify("TOCEntry", (flowable.toc_level, flowable.plain, self.page))
            self.headings.append(Heading(flowable.plain, flowable.toc_level, self.page))


def build(
    content: DossierContent,
    page_size: tuple[float, float],
    headings: list[Heading] | None = None,
) -> tuple[bytes, list[Heading]]:
    """The narrative PDF and where its headings fell (for bookmarks and the contents).

    Given the headings of an earlier layout of the same narrative, the table of contents is
    filled from them and one reportlab pass suffices; without them, the pass only lays out
    (the contents page is left empty) so its result is for measuring, not for filing.
    """
    styles = _styles()
    toc = _contents()
    for heading in headings or []:
        toc.addEntry(heading.level, heading.title, heading.page)
    story = _story(content, styles, page_size, toc)
    buffer = io.BytesIO()
    template = content.template
    document = _NarrativeDoc(
        buffer,
        page_size,
        title=template.title,
        author=content.case.representative_name or "",
    )
    if headings is None:
        document.build(story)
    else:
        document.multiBuild(story)
    return buffer.getvalue(), document.headings


def _contents() -> TableOfContents:
    toc = TableOfContents()
    toc.tableStyle = TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), SERIF_NAME, 10),  # else Helvetica, which is not embedded
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ]
    )
    toc.levelStyles = [
        ParagraphStyle("toc1", fontName=SERIF_NAME, fontSize=10.5, leading=15, leftIndent=0),
        ParagraphStyle("toc2", fontName=SERIF_NAME, fontSize=9.5, leading=13, leftIndent=8 * mm),
    ]
    return toc


def _p(text: str | None, style: ParagraphStyle, content: DossierContent) -> Paragraph:
    return Paragraph(escape(content.redact(text)).replace("\n", "<br/>"), style)


def _story(
    content: DossierContent,
    s: dict[str, ParagraphStyle],
    page_size: tuple[float, float],
    toc: TableOfContents,
) -> list[Any]:
    template, case, person = content.template, content.case, content.person
    sections = template.sections
    width = page_size[0] - 44 * mm
    story: list[Any] = []

    # --- cover
    story += [Spacer(1, 30 * mm), Paragraph(escape(template.title), s["title"])]
    if content.draft:
        story.append(Paragraph("DRAFT — NOT FOR FILING", s["draft"]))
    if template.addressee:
        story.append(Paragraph("To: " + escape(template.addressee), s["center"]))
    story += [Spacer(1, 10 * mm), Paragraph("<b>Concerning</b>", s["center"])]
    story.append(_p(person.name, s["title"], content))
    if person.native_name:
        story.append(_p(person.native_name, s["center"], content))
    facts = [
        ("Type of request", case.kind_title),
        ("Requesting country", case.requesting_country),
        ("Notice", " ".join(x for x in (case.notice_type, case.notice_reference) if x)),
        (
            "Represented by",
            ", ".join(x for x in (case.representative_name, case.representative_firm) if x),
        ),
        ("Bar number", case.representative_bar_number),
        ("Address", case.representative_address),
        ("Exhibits", f"{len(content.exhibits)}"),
        ("Prepared", content.export_time.strftime("%d %B %Y, %H:%M UTC")),
    ]
    rows = [[Paragraph(f"<b>{k}</b>", s["cell"]), _p(v, s["cell"], content)] for k, v in facts if v]
    story += [Spacer(1, 12 * mm), _table(rows, [45 * mm, width - 45 * mm], header=False)]
    story.append(PageBreak())

    # --- contents
    story += [Paragraph(escape(sections["contents"]), s["h1"]), toc, PageBreak()]

    # --- summary and arguments
    story.append(_Heading(sections["summary"], s["h1"], 0))
    for block in (case.summary or "(No summary yet.)").split("\n\n"):
        story.append(_p(block, s["body"], content))
    if case.arguments:
        for block in case.arguments.split("\n\n"):
            story.append(_p(block, s["body"], content))

    # --- profile
    story.append(_Heading(sections["profile"], s["h1"], 0))
    profile = content.profile_rows()
    rows = [
        [Paragraph(f"<b>{k}</b>", s["cell"]), _p(v, s["cell"], content)] for k, v in profile if v
    ]
    story.append(_table(rows, [45 * mm, width - 45 * mm], header=False))

    # --- chronology
    story.append(_Heading(sections["chronology"], s["h1"], 0))
    drawing = chart(content.chronology, width)
    if drawing is not None:
        story += [drawing, Spacer(1, 4 * mm)]
    rows = [[Paragraph(f"<b>{h}</b>", s["cell"]) for h in ("Date", "Event", "Sources")]]
    for event in content.chronology:
        sources = "; ".join(
            content.cite(c.document_ref, c.page, c.quote_ref) for c in event.citations
        )
        description = event.title + (f"\n{event.description}" if event.description else "")
        rows.append(
            [
                Paragraph(escape(event.date_display), s["cell"]),
                _p(description, s["cell"], content),
                Paragraph(escape(sources or "—"), s["cell"]),
            ]
        )
    if len(rows) == 1:
        story.append(Paragraph("No events have been recorded.", s["body"]))
    else:
        story.append(_table(rows, [32 * mm, width - 82 * mm, 50 * mm]))

    # --- grounds
    if content.grounds:
        story.append(_Heading(sections["grounds"], s["h1"], 0))
    for ground in content.grounds:
        story.append(_Heading(ground.title, s["h2"], 1))
        story.append(_p(ground.explanation, s["body"], content))
        if not ground.evidence:
            story.append(
                Paragraph("<i>No evidence has been linked to this ground yet.</i>", s["body"])
            )
        for ref in ground.evidence:
            story += _evidence(content, ref, s)

    # --- closing
    if content.template.closing:
        story += [Spacer(1, 4 * mm), _p(content.template.closing, s["body"], content)]

    # --- exhibit index
    story.append(PageBreak())
    story.append(_Heading(sections["exhibit_index"], s["h1"], 0))
    rows = [
        [
            Paragraph(f"<b>{h}</b>", s["cell"])
            for h in ("No.", "Title", "Date", "Kind", "Lang.", "Pages")
        ]
    ]
    for exhibit in content.exhibits:
        d = exhibit.document
        last = exhibit.first_page + exhibit.page_count - 1
        pages = f"{exhibit.first_page}–{last}" if exhibit.page_count > 1 else str(last)
        rows.append(
            [
                Paragraph(escape(exhibit.label), s["cell"]),
                _p(d.title, s["cell"], content),
                Paragraph(escape(d.date_display or "—"), s["cell"]),
                Paragraph(escape(d.kind.replace("-", " ")), s["cell"]),
                Paragraph(escape(d.language or "—"), s["cell"]),
                Paragraph(pages, s["cell"]),
            ]
        )
    story.append(_table(rows, [20 * mm, width - 110 * mm, 26 * mm, 28 * mm, 14 * mm, 22 * mm]))

    # --- integrity annex
    story.append(_Heading(sections["integrity"], s["h1"], 0))
    story.append(
        Paragraph(
            "Each exhibit below is the file exactly as it was imported into the evidence vault. "
            "Its SHA-256 fingerprint was recorded at import and checked again at export "
            f"({content.export_time.strftime('%Y-%m-%d %H:%M:%S UTC')}). The same list is attached "
            "to this PDF as the machine-readable file manifest.json.",
            s["body"],
        )
    )
    rows = [[Paragraph(f"<b>{h}</b>", s["cell"]) for h in ("No.", "Original file", "SHA-256")]]
    for exhibit in content.exhibits:
        rows.append(
            [
                Paragraph(escape(exhibit.label), s["cell"]),
                _p(exhibit.document.original_name, s["cell"], content),
                Paragraph(exhibit.document.sha256, s["mono"]),
            ]
        )
    story.append(_table(rows, [20 * mm, width - 108 * mm, 88 * mm]))
    return story


def _evidence(content: DossierContent, ref: str, s: dict[str, ParagraphStyle]) -> list[Any]:
    if ref.startswith("Q") and ref in content.quotes:
        quote = content.quotes[ref]
        if content.exhibit_for(quote.document_ref) is None:
            return []  # from a confidential document: left out
        cite = content.cite(quote.document_ref, quote.page)
        speaker = f"{quote.speaker}, " if quote.speaker else ""
        items = [_p(f"“{quote.text}”", s["quote"], content)]
        if quote.translation:
            items.append(_p(f"[Translation] {quote.translation}", s["quote"], content))
        items.append(_p(f"— {speaker}{cite}", s["cite"], content))
        return [KeepTogether(items)]
    if ref.startswith("E"):
        event = next((e for e in content.chronology if e.ref == ref), None)
        if event is not None:
            sources = "; ".join(content.cite(c.document_ref, c.page) for c in event.citations)
            text = f"{event.date_display}: {event.title}" + (f" ({sources})" if sources else "")
            return [_p(text, s["body"], content)]
    if ref.startswith("D"):
        exhibit = content.exhibit_for(ref)
        if exhibit is not None:
            return [_p(f"{exhibit.label}: {exhibit.document.title}", s["body"], content)]
    return []


def _table(rows: list[list[Any]], widths: list[float], header: bool = True) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0)
    style = [
        # Tables reset the font to their own default (Helvetica, not embedded) unless told.
        ("FONT", (0, 0), (-1, -1), SERIF_NAME, 9),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")))
    table.setStyle(TableStyle(style))
    return table
