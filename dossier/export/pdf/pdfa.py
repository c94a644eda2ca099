"""PDF/A-3b: an export that will still render the same in twenty years.

Part 3, because every bundle carries its manifest (JSON) and may carry its originals, and only
PDF/A-3 holds files that are not PDF/A themselves (each as an associated file with its
relationship). What this module makes sure of, each clause checked by the tests with pikepdf
and qpdf (veraPDF, which cannot be installed on our machines, runs in the GitHub workflow):

- XMP metadata naming the part and conformance (pdfaid), in step with the document info;
- an output intent with an sRGB ICC profile (made by LittleCMS through Pillow, no file);
- every annotation printable and not hidden (PDF/A 6.3.2);
- no encryption, no JavaScript or other actions (the exhibits were cleaned before), no LZW;
- every font embedded — an exhibit whose fonts are not is *named*, never altered silently.
"""

from __future__ import annotations

import io
from functools import cache

import pikepdf

from dossier.export.content import DossierContent, Exhibit
from dossier.i18n import t

PART, CONFORMANCE = "3", "B"
_PRINT = 4
_HIDING = 1 | 2 | 32 | 256  # Invisible, Hidden, NoView, ToggleNoView


def obstacles(exhibit: Exhibit, pdf: pikepdf.Pdf) -> list[str]:
    """What in an exhibit's pages a PDF/A file cannot hold as it is, in words."""
    missing: set[str] = set()
    lzw = False
    for page in pdf.pages:
        for font in _visible_fonts(page.obj):
            if not _embedded(font):
                missing.add(str(font.get("/BaseFont", "?")).lstrip("/"))
        lzw = lzw or _uses_lzw(page.obj)
    said = []
    if missing:
        said.append(
            t(
                "{annex} ({title}) uses fonts that are not inside the file ({fonts}): a PDF/A "
                "file cannot hold it as it is. Export without PDF/A, or replace the annex with "
                "a copy whose fonts are embedded (print it to PDF).",
                annex=exhibit.label,
                title=exhibit.document.title,
                fonts=", ".join(sorted(missing)[:5]),
            )
        )
    if lzw:
        said.append(
            t(
                "{annex} ({title}) is compressed in a way PDF/A forbids (LZW). Export without "
                "PDF/A, or replace the annex with a copy saved again as PDF.",
                annex=exhibit.label,
                title=exhibit.document.title,
            )
        )
    return said


def make_pdfa(pdf: pikepdf.Pdf, content: DossierContent) -> None:
    """Make an assembled export (or one of its files) PDF/A-3b, in memory, before saving."""
    for page in pdf.pages:
        for annotation in page.obj.get("/Annots", []):
            flags = int(annotation.get("/F", 0))
            annotation.F = (flags | _PRINT) & ~_HIDING
    profile = pdf.make_stream(_srgb())
    profile.N = 3
    pdf.Root.OutputIntents = pikepdf.Array(
        [
            pikepdf.Dictionary(
                Type=pikepdf.Name.OutputIntent,
                S=pikepdf.Name.GTS_PDFA1,
                OutputConditionIdentifier=pikepdf.String("sRGB IEC61966-2.1"),
                Info=pikepdf.String("sRGB IEC61966-2.1"),
                DestOutputProfile=profile,
            )
        ]
    )
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        meta.load_from_docinfo(pdf.docinfo)
        meta["pdfaid:part"] = PART
        meta["pdfaid:conformance"] = CONFORMANCE
        meta["dc:language"] = [content.template.language]


def conforms(pdf: pikepdf.Pdf) -> list[str]:
    """The clauses above a saved file breaks (empty: none), for the tests and the check."""
    broken = []
    if pdf.is_encrypted:
        broken.append("encrypted")
    meta = pdf.open_metadata()
    if meta.get("pdfaid:part") != PART or meta.get("pdfaid:conformance") != CONFORMANCE:
        broken.append("no pdfaid in XMP")
    intents: pikepdf.Object = pdf.Root.get("/OutputIntents", pikepdf.Array())
    if not any(i.get("/S") == "/GTS_PDFA1" and "/DestOutputProfile" in i for i in intents):
        broken.append("no PDF/A output intent")
    for number, page in enumerate(pdf.pages, 1):
        for annotation in page.obj.get("/Annots", []):
            flags = int(annotation.get("/F", 0))
            if not flags & _PRINT or flags & _HIDING:
                broken.append(f"page {number}: an annotation not printable")
        if any(not _embedded(font) for font in _visible_fonts(page.obj)):
            broken.append(f"page {number}: a font not embedded")
        if _uses_lzw(page.obj):
            broken.append(f"page {number}: LZW")
    for spec in pdf.attachments.values():
        if "/AFRelationship" not in spec.obj:
            broken.append(f"attachment {spec.filename}: no AFRelationship")
    if "/JavaScript" in pdf.Root.get("/Names", {}) or "/OpenAction" in pdf.Root:
        broken.append("JavaScript or an open action")
    return broken


@cache
def _srgb() -> bytes:
    from PIL import ImageCms

    return bytes(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())


def _fonts(obj: pikepdf.Object, seen: set[tuple[int, int]] | None = None) -> list[pikepdf.Object]:
    """Every font a page (or form XObject) uses, through its resources, forms included."""
    seen = set() if seen is None else seen
    found = []
    resources: pikepdf.Object = obj.get("/Resources", pikepdf.Dictionary())
    for font in resources.get("/Font", pikepdf.Dictionary()).values():
        if font.is_indirect and font.objgen in seen:
            continue
        if font.is_indirect:
            seen.add(font.objgen)
        found.append(font)
        for descendant in font.get("/DescendantFonts", []):
            found.append(descendant)
    for xobject in resources.get("/XObject", pikepdf.Dictionary()).values():
        if xobject.get("/Subtype") != "/Form" or (xobject.is_indirect and xobject.objgen in seen):
            continue
        if xobject.is_indirect:
            seen.add(xobject.objgen)
        found += _fonts(xobject, seen)
    return found


_SHOW = {"Tj", "TJ", "'", '"'}


def _visible_fonts(obj: pikepdf.Object, depth: int = 0) -> list[pikepdf.Object]:
    """The fonts a page (or form) draws visible text with. PDF/A asks those to be embedded,
    not the fonts of invisible text (render mode 3: a scanner's or OCR's words under a scan)
    nor fonts a resource dictionary lists but nothing uses."""
    resources: pikepdf.Object = obj.get("/Resources", pikepdf.Dictionary())
    fonts = resources.get("/Font", pikepdf.Dictionary())
    xobjects = resources.get("/XObject", pikepdf.Dictionary())
    used: dict[str, pikepdf.Object] = {}
    font_name, mode = None, 0
    saved: list[tuple[str | None, int]] = []
    try:
        instructions = pikepdf.parse_content_stream(obj)
    except pikepdf.PdfError:
        return [font for font in _fonts(obj)]  # unreadable: judged by what it lists
    for instruction in instructions:
        if not isinstance(instruction, pikepdf.ContentStreamInstruction):
            continue  # an inline image: no text
        operands, name = instruction.operands, str(instruction.operator)
        if name == "q":
            saved.append((font_name, mode))
        elif name == "Q" and saved:
            font_name, mode = saved.pop()
        elif name == "Tf" and operands:
            font_name = str(operands[0])
        elif name == "Tr" and operands:
            mode = int(operands[0])
        elif name in _SHOW and mode != 3 and font_name is not None and font_name in fonts:
            used[font_name] = fonts[font_name]
        elif name == "Do" and operands and depth < 8:
            form = xobjects.get(str(operands[0]))
            if form is not None and form.get("/Subtype") == "/Form":
                for font in _visible_fonts(form, depth + 1):
                    used[str(font.objgen)] = font
    found = list(used.values())
    for font in list(found):
        found += list(font.get("/DescendantFonts", []))
    return found


def _embedded(font: pikepdf.Object) -> bool:
    subtype = font.get("/Subtype")
    if subtype in ("/Type3", "/Type0"):
        return True  # glyphs drawn in the file; a Type0's descendant is checked itself
    descriptor = font.get("/FontDescriptor")
    if descriptor is None:
        return False  # a standard-14 font, left to the reader's machine
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def _uses_lzw(obj: pikepdf.Object) -> bool:
    def lzw(stream: pikepdf.Object) -> bool:
        filters = stream.get("/Filter")
        names = list(filters) if isinstance(filters, pikepdf.Array) else [filters]
        return any(name == "/LZWDecode" for name in names if name is not None)

    contents = obj.get("/Contents")
    streams = list(contents) if isinstance(contents, pikepdf.Array) else [contents]
    if any(lzw(s) for s in streams if isinstance(s, pikepdf.Stream)):
        return True
    resources: pikepdf.Object = obj.get("/Resources", pikepdf.Dictionary())
    for xobject in resources.get("/XObject", pikepdf.Dictionary()).values():
        if isinstance(xobject, pikepdf.Stream) and lzw(xobject):
            return True
    return False


def check_bytes(data: bytes) -> list[str]:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return conforms(pdf)
