"""A table cell of plain words is set without reportlab's Paragraph (whose parser and line
breaker took most of the layout of a long list of annexes), and prints the same page: the
same line breaks, glyphs, colour and link boxes, compared pixel for pixel as poppler draws
them. A word wider than its column is still cut between letters by a Paragraph."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from PIL import Image, ImageChops
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, SimpleDocTemplate, TableStyle
from reportlab.platypus import Table as ReportlabTable

from dossier.export.pdf import narrative
from dossier.export.pdf.fonts import SERIF_NAME
from dossier.export.pdf.plain_cell import PlainCell
from dossier.export.submission import Link, Span
from tests.integration.pdf_tools import tool

TITLE = "Decision of the Pervomaisky District Court of Bishkek on the arrest of the journalist"
# (spans of a cell, column width in points)
CELLS: list[tuple[tuple[Span, ...], float]] = [
    ((Span(TITLE),), 150),
    ((Span("Решение Первомайского районного суда: ңөүәғқұһі ҢӨҮӘҒҚҰҺІ"),), 120),
    ((Span("Exhibit 12", link=Link("D12", 3)),), 60),
    ((Span("Kloop: the raid on the newsroom", url="https://kloop.kg/a?b=1&c=2"),), 90),
    ((Span("   spaces   between    words  "),), 80),
    ((Span(""),), 50),
    ((Span("—"),), 40),
    ((Span("Verylongwordwithoutanyspaceatallthatcannotfit"),), 60),  # cut by a Paragraph
]


def _style() -> Any:
    return narrative._styles(11, 14)["cell"]


def _shrunk_width() -> float:
    """A column just too narrow for TITLE's first words unless their spaces shrink a little."""
    style = _style()
    words = TITLE.split()[:6]
    space = stringWidth(" ", style.fontName, style.fontSize)
    # (reportlab's tables pad a cell by 6 points on either side)
    return stringWidth(" ".join(words), style.fontName, style.fontSize) - 0.02 * space * 5 + 12


def _render(path: Path, plain: bool) -> list[Any]:
    style = _style()
    cells = [*CELLS, ((Span(TITLE),), _shrunk_width())]
    made: list[Any] = []
    rows = []
    for spans, _width in cells:
        cell = narrative._plain_cell(spans, style) if plain else None
        made.append(cell)
        rows.append([cell or Paragraph(narrative._markup(spans), style), Paragraph("x", style)])
    # Each cell in a table of its own, its column as wide as asked.
    tables = []
    for row, (_spans, width) in zip(rows, cells, strict=True):
        table = ReportlabTable([row], colWidths=[width, 30])
        table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), SERIF_NAME, 9),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("GRID", (0, 0), (-1, -1), 0.3, colors.grey)]))  # fmt: skip
        tables.append(table)
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build(tables)
    return made


def _pictures(path: Path) -> list[Image.Image]:
    prefix = path.with_suffix("")
    subprocess.run([tool("pdftoppm"), "-r", "110", "-png", str(path), str(prefix)], check=True)
    return [Image.open(p).convert("RGB") for p in sorted(path.parent.glob(f"{prefix.name}-*.png"))]


def _links(path: Path) -> list[tuple[list[float], str]]:
    with pikepdf.open(path) as pdf:
        return [
            ([round(float(v), 3) for v in annotation.Rect], str(annotation.A.URI))
            for page in pdf.pages
            for annotation in page.get("/Annots", [])
        ]


def test_a_plain_cell_prints_what_a_paragraph_prints(tmp_path: Path) -> None:
    (tmp_path / "plain").mkdir()
    (tmp_path / "paragraph").mkdir()
    made = _render(tmp_path / "plain" / "cells.pdf", plain=True)
    _render(tmp_path / "paragraph" / "cells.pdf", plain=False)

    # Every cell but the one with a word wider than its column was set without a Paragraph…
    assert all(isinstance(cell, PlainCell) for cell in made)
    assert [cell.stand_in is not None for cell in made] == [False] * 7 + [True, False]
    # …the line that fits only with its spaces shrunk among them…
    assert made[-1].lines[0][0] < 0
    # …and the pages are the same, to the pixel, with the same links in the same places.
    plain = _pictures(tmp_path / "plain" / "cells.pdf")
    paragraph = _pictures(tmp_path / "paragraph" / "cells.pdf")
    assert len(plain) == len(paragraph) >= 1
    for ours, theirs in zip(plain, paragraph, strict=True):
        assert ImageChops.difference(ours, theirs).getbbox() is None
    links = _links(tmp_path / "plain" / "cells.pdf")
    assert links == _links(tmp_path / "paragraph" / "cells.pdf")
    assert [uri for _, uri in links].count("https://kloop.kg/a?b=1&c=2") >= 2


@pytest.mark.parametrize(
    "spans",
    [
        (Span("bold", bold=True),),
        (Span("two "), Span("styles", italic=True)),
        (Span("a line\nand another"),),
        (Span("no\xa0break"),),
        (Span("Exhibit 1", link=Link("D1", None)), Span(" and more")),
        (Span("Kloop: ", url="https://kloop.kg/"), Span("the raid", url="https://kloop.kg/")),
    ],
)
def test_a_cell_of_mixed_words_is_left_to_a_paragraph(spans: tuple[Span, ...]) -> None:
    assert narrative._plain_cell(spans, _style()) is None


def test_reportlab_measures_and_writes_with_its_accelerator() -> None:
    # Without rl_accel reportlab measures every word and writes every number in Python.
    from reportlab.lib import rl_accel

    assert rl_accel.fp_str.__module__ == "_rl_accel"
    assert rl_accel.instanceStringWidthTTF.__module__ == "_rl_accel"
