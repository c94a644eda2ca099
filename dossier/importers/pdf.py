"""PDF: text per page with PDFium; encrypted files need their password."""

from __future__ import annotations

import codecs
import ctypes
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw

from dossier.errors import ImportRefused, PasswordNeeded
from dossier.i18n import t
from dossier.importers.base import Extracted
from dossier.pdf_safety import find_active
from dossier.text_fit import reads_as_words

_PASSWORD_ERROR = 4  # FPDF_ERR_PASSWORD
_SCAN_COVERS = 0.7  # an image over this share of a page makes it a scan
_FORMS_DEEP = 2  # forms inside forms looked into for a scan's image


def _pdf_date(value: str) -> str | None:
    match = re.match(r"D:(\d{4})(\d{2})?(\d{2})?", value or "")
    if not match:
        return None
    return "-".join(part for part in match.groups() if part)


def _check_bundle_ready(path: Path, password: str | None) -> list[str]:
    """The export copies pages with pikepdf (qpdf): a PDF it cannot read is refused now, at
    import, rather than stopping every later export of the case. Returns the warnings the
    lawyer should read (what the file carries that the bundle will leave out)."""
    try:
        with pikepdf.open(path, password=password or "") as pdf:
            if len(pdf.pages) == 0:
                raise ImportRefused(t('"{file}" has no pages.', file=path.name))
            if any(not _resources_sane(page.obj) for page in pdf.pages):
                raise pikepdf.PdfError("a page's resources are not a dictionary")
            active = find_active(pdf)
    except pikepdf.PasswordError as error:
        raise PasswordNeeded(path.name) from error
    except (pikepdf.PdfError, RecursionError) as error:
        raise ImportRefused(
            t(
                '"{file}" is damaged in a way that would stop it from going into a bundle, so '
                "it was not imported. Open it in a PDF reader and save or print it to a new PDF.",
                file=path.name,
            )
        ) from error
    if not active:
        return []
    return [
        t(
            "This PDF carries active content ({what}). It may have been made to act when "
            "opened; the bundle leaves it out and files the pages as they look.",
            what="; ".join(active.kinds()),
        )
    ]


def _page_texts(document: pdfium.PdfDocument) -> Iterator[tuple[str, bool]]:
    """Each page's text (as pypdfium2's ``get_text_bounded`` gives it) and whether it is one
    picture, through pdfium's own calls: pypdfium2's page and text-page objects (each with
    a finaliser, a weak reference and a parent) were a tenth of reading a PDF at import."""
    for index in range(len(document)):
        page = pdfium_raw.FPDF_LoadPage(document.raw, index)
        if not page:
            raise pdfium.PdfiumError("Failed to load page.")
        try:
            textpage = pdfium_raw.FPDFText_LoadPage(page)
            if not textpage:
                raise pdfium.PdfiumError("Failed to load text page.")
            try:
                text = _bounded_text(page, textpage)
            finally:
                pdfium_raw.FPDFText_ClosePage(textpage)
            # Asked only of a page with text: one without is read by OCR whatever it is.
            yield text, bool(text.strip()) and _scanned(page)
        finally:
            pdfium_raw.FPDF_ClosePage(page)


def _bounded_text(page: Any, textpage: Any) -> str:
    box = pdfium_raw.FS_RECTF()
    if not pdfium_raw.FPDF_GetPageBoundingBox(page, box):
        raise pdfium.PdfiumError("Failed to get page bounding box.")
    bounds = (box.left, box.top, box.right, box.bottom)
    count = pdfium_raw.FPDFText_GetBoundedText(textpage, *bounds, None, 0)
    if count <= 0:
        return ""
    buffer = (ctypes.c_ushort * count)()
    pdfium_raw.FPDFText_GetBoundedText(textpage, *bounds, buffer, count)
    return codecs.decode(buffer, "utf-16-le", errors="ignore")


def _scanned(page: Any) -> bool:
    """A page that is one picture (a scan or a photo): an image covers most of it (on the
    page, or in a form the page draws, two forms deep at most)."""
    area = pdfium_raw.FPDF_GetPageWidthF(page) * pdfium_raw.FPDF_GetPageHeightF(page)
    if area <= 0:
        return False
    return _covering_image(page, area * _SCAN_COVERS, inside_form=False, depth=0)


def _covering_image(parent: Any, at_least: float, *, inside_form: bool, depth: int) -> bool:
    # pdfium's own calls, not page.get_objects(): that made a Python object for each of a
    # page's objects (every run of text), a tenth of reading a PDF's text.
    if inside_form:
        count, get = pdfium_raw.FPDFFormObj_CountObjects, pdfium_raw.FPDFFormObj_GetObject
    else:
        count, get = pdfium_raw.FPDFPage_CountObjects, pdfium_raw.FPDFPage_GetObject
    bounds = [ctypes.c_float() for _ in range(4)]
    for index in range(max(count(parent), 0)):
        found = get(parent, index)
        if not found:
            continue
        kind = pdfium_raw.FPDFPageObj_GetType(found)
        if kind == pdfium_raw.FPDF_PAGEOBJ_IMAGE:
            if pdfium_raw.FPDFPageObj_GetBounds(found, *bounds):
                left, bottom, right, top = (value.value for value in bounds)
                if (right - left) * (top - bottom) >= at_least:
                    return True
        elif (
            kind == pdfium_raw.FPDF_PAGEOBJ_FORM
            and depth < _FORMS_DEEP
            and _covering_image(found, at_least, inside_form=True, depth=depth + 1)
        ):
            return True
    return False


def _resources_sane(page: pikepdf.Object) -> bool:
    """The bundle stamps each page through its /Resources: they must be dictionaries."""
    resources = page.get("/Resources")
    if resources is None:
        return True
    if not isinstance(resources, pikepdf.Dictionary):
        return False
    return all(
        isinstance(resources[key], pikepdf.Dictionary)
        for key in ("/XObject", "/Font", "/ExtGState")
        if key in resources
    )


class PdfImporter:
    def extract(self, path: Path, password: str | None = None) -> Extracted:
        try:
            document = pdfium.PdfDocument(str(path), password=password)
        except pdfium.PdfiumError as error:
            if getattr(error, "err_code", None) == _PASSWORD_ERROR:
                raise PasswordNeeded(path.name, wrong=bool(password)) from error
            raise ImportRefused(
                t('"{file}" is damaged or not a real PDF, so it cannot be read.', file=path.name)
            ) from error
        try:
            pages = []
            misread: list[int] = []
            for number, (text, scanned) in enumerate(_page_texts(document), 1):
                text = text.replace("\r\n", "\n")
                if scanned and not reads_as_words(text):
                    # A copier's reading in the wrong language: kept out of search, quotes
                    # and the bundle; the page waits to be read by OCR like any scan.
                    misread.append(number)
                    text = ""
                pages.append(text)
            try:
                metadata = document.get_metadata_dict()
            except UnicodeDecodeError:  # a damaged /Info string: the file's own title is lost
                metadata = {}
        except pdfium.PdfiumError as error:
            raise ImportRefused(f'"{path.name}" is damaged: a page cannot be read.') from error
        finally:
            document.close()
        warnings = _check_bundle_ready(path, password)
        if misread:
            warnings.append(
                t(
                    "The text this scan carries does not read as words on page(s) {pages} (a "
                    "scanner's reading in the wrong language?): it is left out, and the pages "
                    "are read again by text recognition.",
                    pages=", ".join(str(number) for number in misread),
                )
            )
        suggestions = {
            key: value.strip()
            for key, value in (("title", metadata.get("Title", "")),
                               ("author", metadata.get("Author", "")))
            if value and value.strip()
        }  # fmt: skip
        if created := _pdf_date(metadata.get("CreationDate", "")):
            suggestions["date_created"] = created
        # Pages without text of their own (a scan) are not a warning kept with the document:
        # they wait for OCR, and the document's OCR state says so until they are read.
        return Extracted(pages=pages or [""], suggestions=suggestions, warnings=warnings)
