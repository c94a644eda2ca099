"""The chronology chart: events on a time axis, labelled with their dates and titles."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date

import pypdfium2 as pdfium
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String
from reportlab.lib import colors

from dossier import dates
from dossier.export.pdf.fonts import RENDER_LOCK, SANS_NAME, register
from dossier.views import EventView


def _span(event: EventView) -> tuple[date, date] | None:
    bounds = dates.bounds(event.date)
    if not bounds.earliest:
        return None
    latest = bounds.latest or bounds.earliest
    return date.fromisoformat(bounds.earliest), date.fromisoformat(min(latest, "9999-12-31"))


_LABEL_CHARACTERS = 48


def chart(
    events: list[EventView], width: float, date_text: Callable[[str], str] = dates.display
) -> Drawing | None:
    with RENDER_LOCK:  # reportlab is not safe in two threads at once
        return _chart_unlocked(events, width, date_text)


def _chart_unlocked(
    events: list[EventView], width: float, date_text: Callable[[str], str] = dates.display
) -> Drawing | None:
    """None when fewer than two events have a known year. ``date_text`` writes a date in the
    export's language."""
    placed = [(event, span) for event in events if (span := _span(event)) is not None]
    if len(placed) < 2:
        return None
    start = min(span[0] for _, span in placed)
    # Open intervals ("since 2020") end where the last known date ends: never at "today",
    # so that the same export is the same file whenever it is made.
    end = max([span[1] for _, span in placed if span[1].year < 9000] + [start])
    first_year, last_year = start.year, max(end.year, start.year) + 1
    total = (date(last_year, 1, 1) - date(first_year, 1, 1)).days or 1
    height = 70 + 14 * min(len(placed), 8)
    drawing = Drawing(width, height)
    axis_y = 30
    left, right = 10, width - 10

    def x_of(day: date) -> float:
        day = min(max(day, date(first_year, 1, 1)), date(last_year, 1, 1))
        return left + (right - left) * (day - date(first_year, 1, 1)).days / total

    drawing.add(Line(left, axis_y, right, axis_y, strokeColor=colors.black, strokeWidth=0.8))
    step = max(1, (last_year - first_year) // 10)
    for year in range(first_year, last_year + 1, step):
        x = x_of(date(year, 1, 1))
        drawing.add(Line(x, axis_y - 3, x, axis_y + 3, strokeWidth=0.6))
        drawing.add(
            String(x, axis_y - 14, str(year), fontName=SANS_NAME, fontSize=7, textAnchor="middle")
        )
    for index, (event, (low, high)) in enumerate(placed):
        lane = axis_y + 14 + 14 * (index % 8)
        x_low, x_high = x_of(low), x_of(high if high.year < 9000 else date(last_year, 1, 1))
        if x_high - x_low > 3:  # a month, a year or an interval: a bar as long as the doubt
            drawing.add(
                Rect(
                    x_low,
                    lane - 2.5,
                    x_high - x_low,
                    5,
                    fillColor=colors.lightgrey,
                    strokeColor=colors.grey,
                    strokeWidth=0.4,
                )
            )
        else:
            drawing.add(Circle(x_low, lane, 2.6, fillColor=colors.black, strokeWidth=0))
        drawing.add(
            Line(x_low, axis_y, x_low, lane - 2.5, strokeColor=colors.grey, strokeWidth=0.3)
        )
        label = f"{date_text(event.date)}: {event.title}"
        if len(label) > _LABEL_CHARACTERS:
            label = label[: _LABEL_CHARACTERS - 1].rstrip() + "…"
        anchor = "start" if x_low < width * 0.7 else "end"
        offset = 5 if anchor == "start" else -5
        drawing.add(
            String(
                x_low + offset,
                lane - 2.5,
                label,
                fontName=SANS_NAME,
                fontSize=6.5,
                textAnchor=anchor,
            )
        )
    return drawing


def chart_png(drawing: Drawing, scale: float = 3) -> io.BytesIO:
    with RENDER_LOCK:  # reportlab is not safe in two threads at once
        return _chart_png_unlocked(drawing, scale)


def _chart_png_unlocked(drawing: Drawing, scale: float = 3) -> io.BytesIO:
    """The chart as a PNG, drawn as PDF by reportlab and rasterised by PDFium (no Cairo)."""
    register()
    pdf = pdfium.PdfDocument(renderPDF.drawToString(drawing))
    try:
        image = pdf[0].render(scale=scale).to_pil()
    finally:
        pdf.close()
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    buffer.seek(0)
    return buffer
