"""A table cell of plain words, set as reportlab's Paragraph sets them, at a fraction of
its cost.

The list of 1,000 annexes has some 9,000 cells. As Paragraphs they took most of the
submission's layout: each one's text went through the markup parser, then through the
general line breaker (hyphenation, mixed fonts, right-to-left) and the general drawing
code, for a few words in one font. A cell whose words are all in one style, under one link
or none, is set here: the same greedy line breaking (with the same allowance for spaces
that shrink), the same baseline, glyphs, colour and link boxes, so the page is the one a
Paragraph makes (compared pixel for pixel in the tests). Anything else — a word wider
than the column, which Paragraph cuts between letters — is handed to a Paragraph.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

# Characters the Paragraph treats otherwise than a plain space or letter: a no-break space
# (not a place to break), a soft hyphen (a place to break, shown as "-").
_SPECIAL = ("\xa0", "\xad")


def plain(text: str) -> bool:
    """Whether ``text`` can be set as a plain cell (else: a Paragraph)."""
    return "\n" not in text and not any(char in text for char in _SPECIAL)


class PlainCell(Flowable):  # type: ignore[misc]
    """``text`` in ``style``, in ``color`` (the style's if None), linked to ``link`` (a URI)
    over each of its lines if given."""

    def __init__(
        self, text: str, style: ParagraphStyle, color: Any = None, link: str | None = None
    ) -> None:
        super().__init__()
        self.text = text
        self.words = text.split()
        self.style = style
        self.color = colors.HexColor(color) if isinstance(color, str) else color
        self.link = link
        self.lines: list[tuple[float, list[str]]] = []  # (room left, words) as Paragraph
        self.stand_in: Paragraph | None = None
        self.width = self.height = -1.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        # A long table is split page by page, and each split lays out every row left (the
        # list of 1,000 annexes wrapped its cells 3.5 times over): the lines are kept.
        if self.stand_in is None and self.lines and available_width == self.width:
            return self.width, self.height
        style = self.style
        font, size = style.fontName, style.fontSize
        space = stringWidth(" ", font, size)
        shrink = style.spaceShrinkage * space
        lines: list[tuple[float, list[str]]] = []
        line: list[str] = []
        used = -space  # no space before a line's first word
        for word in self.words:
            width = stringWidth(word, font, size)
            if width > available_width:
                return self._by_paragraph(available_width, available_height)
            reach = used + space + width
            if reach <= available_width + shrink * len(line) or not line:
                line.append(word)
                used = reach
            else:
                lines.append((available_width - used, line))
                line, used = [word], width
        if line:
            lines.append((available_width - used, line))
        self.lines = lines
        self.width = available_width
        self.height = len(lines) * style.leading
        return self.width, self.height

    def _by_paragraph(self, width: float, height: float) -> tuple[float, float]:
        markup = escape(self.text)
        if self.link is not None:
            color = self.color.hexval().replace("0x", "#") if self.color is not None else None
            shade = f' color="{color}"' if color else ""
            markup = f'<a href="{escape(self.link, {chr(34): "&quot;"})}"{shade}>{markup}</a>'
        self.stand_in = Paragraph(markup, self.style)
        self.width, self.height = self.stand_in.wrap(width, height)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Any]:
        return []  # a cell is not split: the table keeps its row whole

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        if self.stand_in is not None:
            self.stand_in.drawOn(canvas, x, y, _sW)
        else:
            super().drawOn(canvas, x, y, _sW)

    def draw(self) -> None:
        # As Paragraph.drawPara draws one run of text aligned left.
        if not self.lines:
            return
        canvas, style = self.canv, self.style
        font, size, leading = style.fontName, style.fontSize, style.leading
        canvas.saveState()
        top = self.height - size
        canvas.setFillColor(self.color if self.color is not None else style.textColor)
        text = canvas.beginText(0, top)
        text.preformatted = False
        text.direction = style.wordWrap
        text.setFont(font, size, leading)
        for number, (room, words) in enumerate(self.lines):
            line = " ".join(words)
            if room > -1e-8 or len(words) < 2:
                text._textOut(line, 1)
            else:  # a line held by shrinking its spaces
                text.setWordSpace(room / (len(words) - 1))
                text._textOut(line, 1)
                text.setWordSpace(0)
            if self.link is not None:
                low = top - number * leading - size / 8.0
                box = (0, low, canvas.stringWidth(line, font, size), low + leading)
                canvas.linkURL(self.link, box, relative=1, kind="URI")
        canvas.drawText(text)
        canvas.restoreState()
