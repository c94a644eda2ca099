"""The narrative part of the bundle: cover, contents, summary, profile, chronology, grounds,
exhibit index and integrity annex, typeset with reportlab in the shipped fonts."""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from typing import Any, NamedTuple
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Table as ReportlabTable
from reportlab.platypus.tableofcontents import TableOfContents

from dossier.export.pdf.fonts import MONO_NAME, RENDER_LOCK, SANS_NAME, SERIF_NAME, register
from dossier.export.pdf.timeline import chart
from dossier.export.submission import (
    Block,
    Chart,
    Contents,
    Group,
    Link,
    Para,
    SignatureSpace,
    Span,
    Submission,
    Table,
    fingerprint_lines,
)
from dossier.export.submission import Heading as HeadingBlock
from dossier.export.submission import PageBreak as PageBreakBlock

_MARGIN = 22 * mm


@dataclass(frozen=True)
class Heading:
    title: str
    level: int
    page: int  # 1-based within the narrative (= within the bundle: the narrative comes first)


@dataclass(frozen=True)
class SignaturePlace:
    """Where the signature block's space fell: a page (0-based, the narrative's = the
    bundle's) and a box in PDF points (x1, y1, x2, y2)."""

    page: int
    box: tuple[float, float, float, float]


class Laid(NamedTuple):
    body: bytes  # the narrative's PDF
    headings: list[Heading]
    signature: SignaturePlace | None


_SIGNATURE_HEIGHT = 24 * mm
_SIGNATURE_WIDTH = 80 * mm


class _SignatureSpace(Flowable):  # type: ignore[misc]
    """Empty room for a signature; records where it is drawn."""

    def __init__(self, places: list[SignaturePlace]) -> None:
        super().__init__()
        self.places = places

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return available_width, _SIGNATURE_HEIGHT

    def draw(self) -> None:
        x, y = self.canv.absolutePosition(0, 0)
        page = self.canv.getPageNumber() - 1
        self.places.append(
            SignaturePlace(page, (x, y, x + _SIGNATURE_WIDTH, y + _SIGNATURE_HEIGHT))
        )


def _styles(size: float, leading: float) -> dict[str, ParagraphStyle]:
    register()
    base = ParagraphStyle(
        "body", fontName=SERIF_NAME, fontSize=size, leading=leading, spaceAfter=size * 0.5
    )
    small = size * 0.82
    return {
        "body": base,
        "numbered": ParagraphStyle(
            "numbered", parent=base, leftIndent=10 * mm, bulletIndent=0, bulletFontName=SERIF_NAME
        ),
        "note": ParagraphStyle("note", parent=base, fontSize=small, leading=small * 1.3),
        "cell": ParagraphStyle(
            "cell", parent=base, fontSize=small, leading=small * 1.28, spaceAfter=0
        ),
        "mono": ParagraphStyle(
            "mono", parent=base, fontName=MONO_NAME, fontSize=6.6, leading=8.4, spaceAfter=0
        ),
        "quote": ParagraphStyle(
            "quote", parent=base, leftIndent=14 * mm, rightIndent=8 * mm,
            textColor=colors.HexColor("#222222"), spaceAfter=size * 0.3,
        ),
        "cite": ParagraphStyle(
            "cite", parent=base, leftIndent=14 * mm, fontSize=small, spaceAfter=size * 0.8
        ),
        "item": ParagraphStyle("item", parent=base, leftIndent=14 * mm),
        "signature": ParagraphStyle("signature", parent=base, spaceAfter=1),
        "h1": ParagraphStyle(
            "h1", fontName=SANS_NAME + "-Bold", fontSize=size + 3.5, leading=(size + 3.5) * 1.3,
            spaceBefore=size, spaceAfter=size * 0.7, keepWithNext=1,
        ),
        "h2": ParagraphStyle(
            "h2", fontName=SANS_NAME + "-Bold", fontSize=size + 0.5, leading=(size + 0.5) * 1.35,
            spaceBefore=size * 0.7, spaceAfter=size * 0.35, keepWithNext=1,
        ),
        "title": ParagraphStyle(
            "title", fontName=SANS_NAME + "-Bold", fontSize=19, leading=25,
            alignment=TA_CENTER, spaceBefore=30 * mm, spaceAfter=8,
        ),
        "name": ParagraphStyle(
            "name", fontName=SANS_NAME + "-Bold", fontSize=19, leading=25,
            alignment=TA_CENTER, spaceAfter=4,
        ),
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
        # A forum's mark at the top of the first page ("DETAINED", EOIR Practice Manual).
        "banner": ParagraphStyle(
            "banner", parent=base, fontName=SANS_NAME + "-Bold", fontSize=14, leading=18,
            alignment=TA_RIGHT,
        ),
        "draft": ParagraphStyle(
            "draft", parent=base, alignment=TA_CENTER, textColor=colors.red, fontSize=14
        ),
    }  # fmt: skip


class _Heading(Paragraph):  # type: ignore[misc]
    def __init__(self, text: str, style: ParagraphStyle, level: int) -> None:
        super().__init__(escape(text), style)
        self.toc_level = level
        self.plain = text


class _NarrativeDoc(BaseDocTemplate):  # type: ignore[misc]
    def __init__(self, buffer: io.BytesIO, page_size: tuple[float, float], **kw: Any) -> None:
        super().__init__(buffer, pagesize=page_size, invariant=1, initialFontName=SERIF_NAME, **kw)
        frame = Frame(
            _MARGIN,
            _MARGIN,
            page_size[0] - 2 * _MARGIN,
            page_size[1] - 2 * _MARGIN - 3 * mm,
            id="f",
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        self.headings: list[Heading] = []

    def afterFlowable(self, flowable: Any) -> None:
        if isinstance(flowable, _Heading):
            self.notify("TOCEntry", (flowable.toc_level, flowable.plain, self.page))
            self.headings.append(Heading(flowable.plain, flowable.toc_level, self.page))


def build(
    submission: Submission,
    page_size: tuple[float, float],
    headings: list[Heading] | None = None,
) -> Laid:
    with RENDER_LOCK:  # reportlab is not safe in two threads at once
        return _build_unlocked(submission, page_size, headings)


def _build_unlocked(
    submission: Submission,
    page_size: tuple[float, float],
    headings: list[Heading] | None = None,
) -> Laid:
    """The narrative PDF, where its headings fell (for bookmarks and the contents) and where
    its signature space fell (for a visible signature).

    Given the headings of an earlier layout of the same narrative, the table of contents is
    filled from them and one reportlab pass suffices; without them, the pass only lays out
    (the contents page is left empty) so its result is for measuring, not for filing.
    """
    template = submission.content.template
    styles = _styles(template.font_size, template.leading)
    toc = _contents(template.font_size)
    for heading in headings or []:
        toc.addEntry(heading.level, heading.title, heading.page)
    width = page_size[0] - 2 * _MARGIN
    drawing = chart(submission.content.chronology, width, submission.content.date)
    places: list[SignaturePlace] = []
    parts = {
        "contents": toc,
        "chart": [drawing, Spacer(1, 4 * mm)] if drawing else [],
        "signature": places,
        "measuring": headings is None,
    }
    story = [item for block in submission.blocks for item in _flow(block, styles, width, parts)]
    buffer = io.BytesIO()
    content = submission.content
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
    # multiBuild draws every pass: the last place drawn is where the filed page has it.
    return Laid(buffer.getvalue(), document.headings, places[-1] if places else None)


def _contents(size: float) -> TableOfContents:
    toc = TableOfContents()
    toc.tableStyle = TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), SERIF_NAME, size),  # else Helvetica, never embedded
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ]
    )
    toc.levelStyles = [
        ParagraphStyle("toc1", fontName=SERIF_NAME, fontSize=size, leading=size * 1.45),
        ParagraphStyle(
            "toc2", fontName=SERIF_NAME, fontSize=size - 1, leading=(size - 1) * 1.4,
            leftIndent=8 * mm,
        ),
    ]  # fmt: skip
    return toc


def _markup(spans: tuple[Span, ...]) -> str:
    out = []
    for span in spans:
        text = escape(span.text).replace("\n", "<br/>")
        if span.bold:
            text = f"<b>{text}</b>"
        if span.italic:
            text = f"<i>{text}</i>"
        if span.link is not None:
            # A private URI the bundle turns into a jump to the annex's page (bundle.py).
            text = f'<a href="{link_uri(span.link)}" color="#1a3d7c">{text}</a>'
        elif span.url is not None:
            # A source's web address (checked by submission.web_address): a plain URI link.
            text = f'<a href="{escape(span.url, {chr(34): "&quot;"})}" color="#1a3d7c">{text}</a>'
        out.append(text)
    return "".join(out)


def link_uri(link: Link) -> str:
    return f"{LINK_SCHEME}{link.document_ref}/{link.page or 0}"


LINK_SCHEME = "dossier-annex:"


# reportlab re-wraps the rest of a paragraph at every page it splits across: one paragraph
# of 200,000 characters took 5.9 s, the same text in paragraphs of 700 characters 0.5 s. A
# long paragraph is set as pieces of about this many characters, one after the other.
_PIECE = 3000


def _pieces(spans: tuple[Span, ...]) -> list[tuple[Span, ...]]:
    """The spans in runs of at most about _PIECE characters, a long span cut at a space."""
    pieces: list[tuple[Span, ...]] = []
    current: list[Span] = []
    size = 0
    for span in spans:
        text = span.text
        while size + len(text) > _PIECE:
            room = _PIECE - size
            cut = text.rfind(". ", 0, room) + 1 or text.rfind(" ", 0, room)
            if cut <= room // 2:
                if current:  # start the span on a fresh piece rather than cut it short
                    pieces.append(tuple(current))
                    current, size = [], 0
                    continue
                cut = room
            current.append(replace(span, text=text[:cut]))
            pieces.append(tuple(current))
            current, size = [], 0
            text = text[cut:]
        if text:
            current.append(replace(span, text=text))
            size += len(text)
    if current or not pieces:
        pieces.append(tuple(current))
    return pieces


def _flow(
    block: Block, s: dict[str, ParagraphStyle], width: float, parts: dict[str, Any]
) -> list[Any]:
    """The reportlab flowables of one block; ``parts`` holds the contents list and the chart."""
    if isinstance(block, HeadingBlock):
        return [_Heading(block.text, s["h1" if block.level == 0 else "h2"], block.level)]
    if isinstance(block, Para):
        style = s["numbered"] if block.number is not None else s.get(block.style, s["body"])
        pieces = _pieces(block.spans)
        first = {"bulletText": f"{block.number}."} if block.number is not None else {}
        if len(pieces) == 1:
            return [Paragraph(_markup(pieces[0]), style, **first)]
        # The pieces read as one paragraph: no space between them, each cut at a sentence.
        joined = [
            ParagraphStyle(f"{style.name}-piece", parent=style,
                           spaceBefore=style.spaceBefore if index == 0 else 0,
                           spaceAfter=style.spaceAfter if index == len(pieces) - 1 else 0)
            for index in range(len(pieces))
        ]  # fmt: skip
        return [
            Paragraph(_markup(piece), joined[index], **(first if index == 0 else {}))
            for index, piece in enumerate(pieces)
        ]
    if isinstance(block, Group):
        return [
            KeepTogether([item for para in block.blocks for item in _flow(para, s, width, parts)])
        ]
    if isinstance(block, PageBreakBlock):
        return [PageBreak()]
    if isinstance(block, Contents):
        return [parts["contents"]]
    if isinstance(block, Chart):
        return list(parts["chart"])
    if isinstance(block, SignatureSpace):
        return [_SignatureSpace(parts["signature"])]
    assert isinstance(block, Table)
    return [_table(block, s, width, parts["measuring"])]


class _UndrawnTable(ReportlabTable):  # type: ignore[misc]
    """A table laid out but not drawn. The measuring pass needs where things fall, not the
    ink: drawing the list of 1,000 annexes was 40 % of that pass. (Its parts, when it is
    split across pages, are made of its class, so they are not drawn either.)"""

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        return None


def _table(block: Table, s: dict[str, ParagraphStyle], width: float, measuring: bool) -> Any:
    def cell(spans: tuple[Span, ...], column: int) -> Paragraph:
        if column == block.mono_column:
            digest = "".join(span.text for span in spans)
            return Paragraph("<br/>".join(fingerprint_lines(digest)), s["mono"])
        return Paragraph(_markup(spans), s["cell"])

    rows: list[list[Any]] = []
    if block.header:
        rows.append([Paragraph(f"<b>{escape(h)}</b>", s["cell"]) for h in block.header])
    rows += [[cell(spans, i) for i, spans in enumerate(row)] for row in block.rows]
    table = (_UndrawnTable if measuring else ReportlabTable)(
        rows, colWidths=[f * width for f in block.widths], repeatRows=1 if block.header else 0
    )
    style = [
        # Tables reset the font to their own default (Helvetica, not embedded) unless told.
        ("FONT", (0, 0), (-1, -1), SERIF_NAME, 9),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if block.header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")))
    offset = 1 if block.header else 0
    for row in block.section_rows:
        style += [
            ("SPAN", (0, row + offset), (-1, row + offset)),
            ("BACKGROUND", (0, row + offset), (-1, row + offset), colors.HexColor("#f3f3f3")),
        ]
    table.setStyle(TableStyle(style))
    return table
