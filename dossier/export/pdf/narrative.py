"""The narrative part of the bundle: cover, contents, summary, profile, chronology, grounds,
exhibit index and integrity annex, typeset with reportlab in the shipped fonts."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, NamedTuple
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
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
from dossier.export.pdf.plain_cell import PlainCell, plain
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
    paginated,
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
    pages: int
    # Every word printed late (``Span.later``, the contents' page numbers) fitted the room
    # its stand-in was given: the body is the one to file. False: lay out again, paginated
    # as this layout found (a number grew a digit and its cell a line).
    fits: bool = True


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

        self.pages = 0
        self.late = _Late()
        self.at_end: Callable[[], None] = lambda: None

    def afterFlowable(self, flowable: Any) -> None:
        if isinstance(flowable, _Heading):
            self.headings.append(Heading(flowable.plain, flowable.toc_level, self.page))

    def afterPage(self) -> None:
        self.pages = self.page
        self.late.show(self.canv)

    def _endBuild(self) -> None:
        # The last page is ended, then what is printed late is drawn, then the file saved.
        self._doSave = 0
        super()._endBuild()
        self.at_end()
        self.canv.save()


@dataclass
class _LateCell:
    key: str  # what ``paginated`` names
    stand_in: str  # the words laid out in its place
    style: ParagraphStyle
    box: tuple[float, float, float, float]  # x, y (bottom left, on the page), width, height


@dataclass
class _LatePage:
    index: int  # of the heading in the contents
    style: ParagraphStyle
    at: tuple[float, float]  # where its entry's text ends, on the page
    free: float  # the room from there to the right margin
    dotted: bool


class _Late:
    """Words drawn after the layout, once the narrative's length is known. Their stand-ins
    — the same words as a guessed length makes them — are laid out in their place; each
    page that has some shows a form (a PDF XObject) that is filled in at the end with the
    real words. The layout holds as long as those take no more room than the stand-ins."""

    def __init__(self) -> None:
        self.pages: dict[int, list[_LateCell | _LatePage]] = {}

    def add(self, canvas: Any, item: _LateCell | _LatePage) -> None:
        self.pages.setdefault(canvas.getPageNumber(), []).append(item)

    def show(self, canvas: Any) -> None:
        """At the end of a page: its form, if it has late words."""
        if canvas.getPageNumber() in self.pages:
            canvas.doForm(f"late{canvas.getPageNumber()}")

    def draw(
        self, canvas: Any, submission: Submission, headings: list[Heading], final: bool
    ) -> bool:
        """Fills in every page's form; whether every word fitted its stand-in's room.
        ``final`` False (a layout only measured): the stand-ins are printed."""
        fits = True
        for page, items in self.pages.items():
            canvas.beginForm(f"late{page}")
            for item in items:
                if isinstance(item, _LateCell):
                    text = paginated(submission.content, item.key) if final else item.stand_in
                    fits = _draw_cell(canvas, item, text) and fits
                else:
                    _draw_page_number(canvas, item, headings)
            canvas.endForm()
        return fits


def _draw_cell(canvas: Any, cell: _LateCell, text: str) -> bool:
    x, y, width, height = cell.box
    words = _words_in_cell(text, cell.style)
    _, needed = words.wrap(width, 1e6)
    words.drawOn(canvas, x, y + height - needed)  # its first line where the stand-in's was
    return bool(needed <= height + 0.01)


def _words_in_cell(text: str, style: ParagraphStyle) -> Any:
    return PlainCell(text, style) if plain(text) else Paragraph(escape(text), style)


def _draw_page_number(canvas: Any, entry: _LatePage, headings: list[Heading]) -> None:
    """A contents entry's page number, right-aligned, after a line of dots if it has one.
    Where the title's last line leaves too little room, the number is set smaller, as
    reportlab's own contents does (laying out again would leave the same room)."""
    page = str(headings[entry.index].page) if entry.index < len(headings) else ""
    font, size = entry.style.fontName, entry.style.fontSize
    while stringWidth(page, font, size) > entry.free and size >= 1.0:
        size *= 0.9
    width, dot = stringWidth(page, font, size), stringWidth(_DOT, font, size)
    dots = max(0, int((entry.free - width) / dot)) if entry.dotted else 0
    text = canvas.beginText(entry.at[0] + entry.free - width - dots * dot, entry.at[1])
    text.setFont(font, size)
    text.textOut(_DOT * dots + page)
    canvas.drawText(text)


_DOT = " . "


class _LateWords(Flowable):  # type: ignore[misc]
    """A cell whose words are printed late (``_Late``): laid out as its stand-in, which is
    not drawn; where it falls is noted instead."""

    def __init__(self, text: str, style: ParagraphStyle, key: str, late: _Late) -> None:
        super().__init__()
        self.words = _words_in_cell(text, style)
        self.text, self.style, self.key, self.late = text, style, key, late

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = self.words.wrap(available_width, available_height)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Any]:
        return []

    def draw(self) -> None:
        x, y = self.canv.absolutePosition(0, 0)
        box = (x, y, self.width, self.height)
        self.late.add(self.canv, _LateCell(self.key, self.text, self.style, box))


class _Contents(TableOfContents):  # type: ignore[misc]
    """The contents: its entries (the submission's headings) are known before the layout,
    their pages after it, so each page number is printed late (``_Late``)."""

    def __init__(self, entries: list[tuple[int, str]], late: _Late, **kw: Any) -> None:
        super().__init__(**kw)
        # The page given to reportlab is the entry's index: the callback finds it by that.
        self._lastEntries = [
            (level, escape(text), index, None) for index, (level, text) in enumerate(entries)
        ]
        self.late = late

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        size = super().wrap(available_width, available_height)

        def entry_end(canvas: Any, _kind: str, label: str) -> None:
            index, level = (int(part) for part in label.split(",")[:2])
            x, y = canvas._curr_tx_info["cur_x"], canvas._curr_tx_info["cur_y"]
            dotted = level >= self.dotsMinLevel >= 0
            at = canvas.absolutePosition(x, y)
            entry = _LatePage(index, self.getLevelStyle(level), at, available_width - x, dotted)
            self.late.add(canvas, entry)

        self.canv.setNamedCB("drawTOCEntryEnd", entry_end)
        return size  # type: ignore[no-any-return]


def build(
    submission: Submission,
    page_size: tuple[float, float],
    paginate: Callable[[int], None] | None = None,
    drawn: bool = True,
) -> Laid:
    with RENDER_LOCK:  # reportlab is not safe in two threads at once
        return _build_unlocked(submission, page_size, paginate, drawn and paginate is not None)


def _build_unlocked(
    submission: Submission,
    page_size: tuple[float, float],
    paginate: Callable[[int], None] | None,
    drawn: bool,
) -> Laid:
    """The narrative PDF, in one reportlab pass; where its headings fell (for bookmarks and
    the contents) and where its signature space fell (for a visible signature).

    What depends on the narrative's own length — the annexes' bundle pages, the bundle's
    fingerprint, the contents' page numbers — is printed late: ``paginate`` is told the
    narrative's length once it is laid out, and the words are then filled in (``_Late``).
    Without ``paginate`` the words are printed as the submission has them. Not ``drawn``
    (only where things fall is wanted), tables are laid out and not drawn.
    """
    template = submission.content.template
    styles = _styles(template.font_size, template.leading)
    late = _Late()
    entries = [(block.level, block.text) for block in _headings(submission.blocks)]
    toc = _contents(template.font_size, entries, late)
    width = page_size[0] - 2 * _MARGIN
    drawing = chart(submission.content.chronology, width, submission.content.date)
    places: list[SignaturePlace] = []
    parts = {
        "contents": toc,
        "chart": [drawing, Spacer(1, 4 * mm)] if drawing else [],
        "signature": places,
        "measuring": not drawn,
        "late": late,
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
    document.late = late
    fitted: list[bool] = []

    def at_end() -> None:
        if paginate is not None:
            paginate(document.pages)
        fitted.append(late.draw(document.canv, submission, document.headings, paginate is not None))

    document.at_end = at_end
    document.build(story)
    return Laid(
        buffer.getvalue(),
        document.headings,
        places[-1] if places else None,
        document.pages,
        all(fitted),
    )


def _headings(blocks: list[Block]) -> list[HeadingBlock]:
    return [block for block in blocks if isinstance(block, HeadingBlock)]


def _contents(size: float, entries: list[tuple[int, str]], late: _Late) -> _Contents:
    toc = _Contents(entries, late)
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
            text = f'<a href="{link_uri(span.link)}" color="{LINK_COLOUR}">{text}</a>'
        elif span.url is not None:
            # A source's web address (checked by submission.web_address): a plain URI link.
            url = escape(span.url, {chr(34): "&quot;"})
            text = f'<a href="{url}" color="{LINK_COLOUR}">{text}</a>'
        out.append(text)
    return "".join(out)


def _plain_cell(spans: tuple[Span, ...], style: ParagraphStyle) -> PlainCell | None:
    """The cell as a PlainCell if its words are one span of plain text (two spans are two
    runs for a Paragraph, each its own link box: left to it)."""
    if len(spans) != 1:
        return None
    first = spans[0]
    text = first.text
    if first.bold or first.italic or first.later is not None or not plain(text):
        return None
    if first.link is not None:
        return PlainCell(text, style, LINK_COLOUR, link_uri(first.link))
    if first.url is not None:
        return PlainCell(text, style, LINK_COLOUR, first.url)
    return PlainCell(text, style)


LINK_COLOUR = "#1a3d7c"


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
    return [_table(block, s, width, parts["measuring"], parts["late"])]


class _UndrawnTable(ReportlabTable):  # type: ignore[misc]
    """A table laid out but not drawn. The measuring pass needs where things fall, not the
    ink: drawing the list of 1,000 annexes was 40 % of that pass. (Its parts, when it is
    split across pages, are made of its class, so they are not drawn either.)"""

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        return None


def _table(
    block: Table, s: dict[str, ParagraphStyle], width: float, measuring: bool, late: _Late
) -> Any:
    def cell(spans: tuple[Span, ...], column: int) -> Paragraph:
        if len(spans) == 1 and spans[0].later is not None:
            return _LateWords(spans[0].text, s["cell"], spans[0].later, late)
        if column == block.mono_column:
            digest = "".join(span.text for span in spans)
            return Paragraph("<br/>".join(fingerprint_lines(digest)), s["mono"])
        return _plain_cell(spans, s["cell"]) or Paragraph(_markup(spans), s["cell"])

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
