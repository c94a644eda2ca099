"""The invisible text of a scanned page: the words OCR read, laid over the scan where they are
seen, in PDF's invisible text mode, so that the court can search and select them.

Drawn by reportlab (the bundle's own font, which has every Cyrillic letter) as one form per
page, placed with a fixed resource name so that two exports of a case stay byte-identical.
A page that OCR had to turn is turned the same way in the bundle (its /Rotate), so that it is
read upright and its words lie where they are seen.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import Any

import pikepdf
from reportlab.pdfgen.canvas import Canvas

from dossier.export.pdf.fonts import SANS_NAME, register
from dossier.export.pdf.stamps import geometry

# A word as OCR gave it: [text, left, top, right, bottom], fractions of the upright page.
Words = Sequence[Sequence[Any]]
_NAME = pikepdf.Name("/EDocr")


def draw_words(
    canvas: Canvas, words: Words, x: float, y: float, width: float, height: float
) -> None:
    """Invisible words over the rectangle (x, y, width, height) the upright page fills."""
    for word, left, top, right, bottom in words:
        box_w, box_h = (right - left) * width, (bottom - top) * height
        if box_w <= 0 or box_h <= 0 or not str(word).strip():
            continue
        size = max(box_h * 0.9, 1.0)
        natural = canvas.stringWidth(str(word), SANS_NAME, size)
        text = canvas.beginText()
        text.setTextRenderMode(3)  # neither filled nor stroked: there, but not seen
        text.setFont(SANS_NAME, size)
        text.setHorizScale(100.0 * box_w / natural if natural else 100.0)
        text.setTextOrigin(x + left * width, y + (1 - bottom) * height + box_h * 0.2)
        text.textOut(str(word))
        canvas.drawText(text)


def _layer_form(bundle: pikepdf.Pdf, words: Words, width: float, height: float) -> pikepdf.Object:
    register()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height), invariant=1, initialFontName=SANS_NAME)
    draw_words(canvas, words, 0, 0, width, height)
    canvas.showPage()
    canvas.save()
    with pikepdf.open(io.BytesIO(buffer.getvalue())) as drawn:
        return bundle.copy_foreign(drawn.pages[0].as_form_xobject())


def add_text_layer(pdf: pikepdf.Pdf, layer: Mapping[int, tuple[int, Words]]) -> None:
    """Lay each read page's words over it (``layer``: page number → (quarter turns in degrees
    clockwise that stand it upright, words)), turning the page upright as OCR did."""
    for number, (rotation, words) in sorted(layer.items()):
        if not 1 <= number <= len(pdf.pages) or not words:
            continue
        page = pdf.pages[number - 1]
        drop_hidden_text(pdf, page)  # a scanner's own reading: replaced by ours, not doubled
        if rotation:
            page.obj.Rotate = (int(page.obj.get("/Rotate", 0)) + rotation) % 360
        x0, y0, width, height, rotate = geometry(page)
        shown_w, shown_h = (height, width) if rotate in (90, 270) else (width, height)
        form = _layer_form(pdf, words, shown_w, shown_h)
        # The form is drawn upright in the frame the reader sees (as the bundle's stamps are).
        turn = {
            0: "",
            90: f"0 1 -1 0 {width:.4f} 0 cm",
            180: f"-1 0 0 -1 {width:.4f} {height:.4f} cm",
            270: f"0 -1 1 0 0 {height:.4f} cm",
        }[rotate]
        page.add_resource(form, pikepdf.Name.XObject, _NAME)
        ops = f"\nQ q 1 0 0 1 {x0:.4f} {y0:.4f} cm {turn} {_NAME} Do Q\n"
        page.contents_add(pikepdf.Stream(pdf, b"q\n"), prepend=True)
        page.contents_add(pikepdf.Stream(pdf, ops.encode()))


_SHOWS = {"Tj", "TJ", "'", '"'}


def drop_hidden_text(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    """Remove the text a page shows in invisible mode (3 Tr) — a scanner's or an earlier
    OCR's reading laid under the picture — from the page and the forms it draws. What the
    page shows visibly is left as it is."""
    seen: set[tuple[int, int]] = set()
    new = _without_hidden(pdf, pikepdf.parse_content_stream(page), page.obj, 0, seen)
    if new is not None:
        page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(new))


def _without_hidden(
    pdf: pikepdf.Pdf,
    ops: list[Any],
    owner: pikepdf.Object,
    mode: int,
    seen: set[tuple[int, int]],
) -> list[Any] | None:
    """``ops`` without their invisible text (None when there was none), following the
    text render mode through q/Q, into the forms drawn with Do."""
    kept: list[Any] = []
    stack: list[int] = []
    changed = False
    for operands, operator in ops:
        name = str(operator)
        if name == "q":
            stack.append(mode)
        elif name == "Q" and stack:
            mode = stack.pop()
        elif name == "Tr" and operands:
            mode = int(operands[0])
        elif name == "Do" and operands:
            _forms_without_hidden(pdf, owner, operands[0], mode, seen)
        if name in _SHOWS and mode == 3:
            changed = True
            # The line moves that ' and " make still happen: later visible text stays put.
            if name == "'":
                kept.append(pikepdf.ContentStreamInstruction([], pikepdf.Operator("T*")))
            elif name == '"':
                kept.append(pikepdf.ContentStreamInstruction([operands[0]], pikepdf.Operator("Tw")))
                kept.append(pikepdf.ContentStreamInstruction([operands[1]], pikepdf.Operator("Tc")))
                kept.append(pikepdf.ContentStreamInstruction([], pikepdf.Operator("T*")))
            continue
        kept.append(pikepdf.ContentStreamInstruction(operands, operator))
    return kept if changed else None


def _forms_without_hidden(
    pdf: pikepdf.Pdf,
    owner: pikepdf.Object,
    name: pikepdf.Object,
    mode: int,
    seen: set[tuple[int, int]],
) -> None:
    resources = owner.get("/Resources")
    xobjects = resources.get("/XObject") if isinstance(resources, pikepdf.Dictionary) else None
    key = str(name)
    if not isinstance(xobjects, pikepdf.Dictionary) or key not in xobjects:
        return
    form = xobjects[key]
    if not isinstance(form, pikepdf.Stream) or form.get("/Subtype") != pikepdf.Name.Form:
        return
    if form.objgen in seen or len(seen) > 200:  # each form once; no endless nesting
        return
    seen.add(form.objgen)
    new = _without_hidden(pdf, pikepdf.parse_content_stream(form), form, mode, seen)
    if new is not None:
        form.write(pikepdf.unparse_content_stream(new))
