"""Page stamps of the bundle: "n / N" at the foot, the exhibit label at the top, DRAFT marks.

Every piece is drawn once by reportlab as a form XObject — one per character of "n / N", one
per exhibit label, one DRAFT mark per page size — and each page gets a few lines of content
placing them. Drawing one reportlab page per bundle page cost more than merging the exhibits.
Resource names are fixed, so two exports of the same case are byte-identical (pikepdf's own
add_overlay names resources at random).
"""

from __future__ import annotations

import io

import pikepdf
from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from dossier.export.pdf.fonts import RENDER_LOCK, SANS_NAME, register

FONT_SIZE = 8
CHARACTERS = "0123456789/"


def geometry(page: pikepdf.Page) -> tuple[float, float, float, float, int]:
    """The media box's origin and size, and the page's /Rotate (0, 90, 180 or 270)."""
    box = [float(v) for v in page.mediabox]
    rotate = int(page.obj.get("/Rotate", 0)) % 360
    return box[0], box[1], box[2] - box[0], box[3] - box[1], rotate if rotate % 90 == 0 else 0


def visual_size(page: pikepdf.Page) -> tuple[float, float]:
    """The page's size as displayed (a page turned a quarter is as wide as it is high)."""
    _, _, width, height, rotate = geometry(page)
    return (height, width) if rotate in (90, 270) else (width, height)


def size_key(width: float, height: float) -> tuple[float, float]:
    """A page size as the DRAFT marks know it: to a hundredth of a point, so that the paper
    size asked for (A4: 595.2755… pt) meets the submission's pages as the file records them
    (595.2756)."""
    return round(width, 2), round(height, 2)


class StampForms:
    """The stamps' pieces drawn once for an export (reportlab, a page each): every file of
    it (one bundle, the parts of a split one, a portal's files) takes the ones it uses.
    Made while the submission is laid out aside; drawn again for each part, they were a
    tenth of a split export."""

    def __init__(
        self,
        labels: set[str],
        draft_sizes: set[tuple[float, float]],
        draft_line: str = "DRAFT — NOT FOR FILING",
        draft_mark: str = "DRAFT",
    ) -> None:
        with RENDER_LOCK:  # reportlab is not safe in two threads at once
            self._make(labels, draft_sizes, draft_line, draft_mark)

    def _make(
        self,
        labels: set[str],
        draft_sizes: set[tuple[float, float]],
        draft_line: str,
        draft_mark: str,
    ) -> None:
        register()
        buffer = io.BytesIO()
        canvas = Canvas(buffer, invariant=1, initialFontName=SANS_NAME)
        order: list[tuple[str, object]] = []
        self.advance: dict[str, float] = {}
        for char in CHARACTERS:
            width = canvas.stringWidth(char, SANS_NAME, FONT_SIZE)
            self.advance[char] = width
            canvas.setPageSize((width, 12))
            canvas.setFont(SANS_NAME, FONT_SIZE)
            canvas.drawString(0, 3, char)
            canvas.showPage()
            order.append(("char", char))
        self.space = canvas.stringWidth(" ", SANS_NAME, FONT_SIZE)
        self.label_width: dict[str, float] = {}
        for label in sorted(labels):
            width = canvas.stringWidth(label, SANS_NAME + "-Bold", 9) + 12
            self.label_width[label] = width
            canvas.setPageSize((width, 15))
            canvas.setFillColor(colors.white)
            canvas.setStrokeColor(colors.black)
            canvas.rect(0.5, 0.5, width - 1, 14, fill=1)
            canvas.setFillColor(colors.black)
            canvas.setFont(SANS_NAME + "-Bold", 9)
            canvas.drawString(6, 4, label)
            canvas.showPage()
            order.append(("label", label))
        for width, height in sorted({size_key(*size): size for size in draft_sizes}.values()):
            canvas.setPageSize((width, height))
            canvas.setFillColor(colors.red)
            canvas.setFont(SANS_NAME + "-Bold", 9)
            canvas.drawString(20, height - 22, draft_line)
            canvas.setFillColor(colors.Color(0.85, 0.1, 0.1, alpha=0.25))
            canvas.setFont(SANS_NAME + "-Bold", 64)
            canvas.translate(width / 2, height / 2)
            canvas.rotate(45)
            canvas.drawCentredString(0, -20, draft_mark)
            canvas.showPage()
            order.append(("draft", size_key(width, height)))
        canvas.save()
        self.pdf = pikepdf.open(io.BytesIO(buffer.getvalue()))
        self.index = {key: index for index, key in enumerate(order)}


class StampKit:
    """The stamps of one file: each piece of ``forms`` copied into it when first placed."""

    def __init__(self, bundle: pikepdf.Pdf, forms: StampForms) -> None:
        self.bundle, self.pieces = bundle, forms
        self.advance, self.space = forms.advance, forms.space
        self.label_width = forms.label_width
        # Opens every page's own content in a saved graphics state: one stream, shared (a
        # content stream may belong to many pages; one each was 10,000 objects more to write).
        self.opening = bundle.make_stream(b"q\n")
        self.forms = _Copied(self)

    def place(
        self,
        bundle: pikepdf.Pdf,
        page: pikepdf.Page,
        number: int,
        total: int,
        label: str | None,
        draft: bool,
    ) -> None:
        x0, y0, width, height, rotate = geometry(page)
        used: dict[pikepdf.Name, pikepdf.Object] = {}
        ops = [f"Q q 1 0 0 1 {x0:.4f} {y0:.4f} cm"]
        # A page shown turned (/Rotate) gets its stamps in the frame the reader sees: drawn
        # upright at the foot and the top of the page as displayed.
        if rotate == 90:
            ops.append(f"0 1 -1 0 {width:.4f} 0 cm")
        elif rotate == 180:
            ops.append(f"-1 0 0 -1 {width:.4f} {height:.4f} cm")
        elif rotate == 270:
            ops.append(f"0 -1 1 0 0 {height:.4f} cm")
        if rotate in (90, 270):
            width, height = height, width
        text = f"{number} / {total}"
        text_width = sum(self.advance.get(char, self.space) for char in text)
        left = (width - text_width) / 2
        ops.append(f"q 1 g {left - 4:.4f} 10 {text_width + 8:.4f} 12 re f Q")
        for char in text:
            if char != " ":
                name, form = self.forms[("char", char)]
                used[name] = form
                ops.append(f"q 1 0 0 1 {left:.4f} 10 cm {name} Do Q")
            left += self.advance.get(char, self.space)
        if label:
            name, form = self.forms[("label", label)]
            used[name] = form
            ops.append(
                f"q 1 0 0 1 {width - self.label_width[label] - 20:.4f} {height - 26:.4f} cm "
                f"{name} Do Q"
            )
        if draft:
            name, form = self.forms[("draft", size_key(width, height))]
            used[name] = form
            ops.append(f"{name} Do")
        ops.append("Q")
        names = self._add_forms(page, used)
        if names:  # the page had names of its own like ours: the stamp uses others
            ops = [_renamed(op, names) for op in ops]
        # The page's own content is wrapped in q … Q so its graphics state cannot move the stamp.
        page.contents_add(self.opening, prepend=True)
        page.contents_add(pikepdf.Stream(bundle, ("\n" + "\n".join(ops) + "\n").encode()))

    @staticmethod
    def _add_forms(page: pikepdf.Page, used: dict[pikepdf.Name, pikepdf.Object]) -> dict[str, str]:
        """Put the forms in the page's resources under their names (pikepdf's add_resource,
        once for each, was a third of the stamping). A name the page already gives to
        something else — an earlier bundle of ours filed again as an exhibit, whose own
        stamps use these very names — is left to the page; the stamp's form is named
        apart. Returns such renamings."""
        resources = page.resources
        xobjects = resources.get("/XObject")
        if not isinstance(xobjects, pikepdf.Dictionary):
            resources["/XObject"] = pikepdf.Dictionary()
            xobjects = resources["/XObject"]
        taken = {
            str(name) for name, form in used.items()
            if name in xobjects and xobjects[name].objgen != form.objgen
        }  # fmt: skip
        renamed: dict[str, str] = {}
        if taken:
            mark = 1
            while any(f"{name}r{mark}" in xobjects for name in used):
                mark += 1
            renamed = {str(name): f"{name}r{mark}" for name in used}
        for name, form in used.items():
            xobjects[renamed.get(str(name), name)] = form
        return renamed


def _renamed(op: str, names: dict[str, str]) -> str:
    for old, new in names.items():
        op = op.replace(f"{old} Do", f"{new} Do")
    return op


class _Copied(dict[tuple[str, object], tuple[pikepdf.Name, pikepdf.Object]]):
    """A piece's form in the file, by its key: copied in when first asked for, under a name
    fixed by its place among the export's pieces (two exports of a case are the same
    bytes)."""

    def __init__(self, kit: StampKit) -> None:
        super().__init__()
        self.kit = kit

    def __missing__(self, key: tuple[str, object]) -> tuple[pikepdf.Name, pikepdf.Object]:
        index = self.kit.pieces.index[key]
        page = self.kit.pieces.pdf.pages[index]
        form = self.kit.bundle.copy_foreign(page.as_form_xobject())
        copied = self[key] = (pikepdf.Name(f"/EDs{index}"), form)
        return copied
