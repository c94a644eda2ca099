"""Reading scanned pages (OCR): a scan's pages become text that is searched, quoted and laid
under the page in the bundle, each page saying where its text came from.

The file's own text is never replaced: only pages without any (a scan in a PDF, a photo) are
read. Nothing is written until every page is read, so a cancel or a failure leaves the
document as it was; the images are made and read in memory.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable, Generator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PIL import Image
from sqlalchemy import select
from sqlalchemy.orm import Session

from dossier import freed_memory, language_guess, refs, search
from dossier.errors import DossierError
from dossier.i18n import t
from dossier.vocabulary import IMAGE_TYPES
from storage.models import Document, DocumentPage
from storage.vault import Vault

if TYPE_CHECKING:  # the engine (Tesseract) loads when a scan is read, not with the CLI
    from dossier.ocr.engine import PageReading

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

DPI = 300  # Tesseract reads best at 300 dpi; a PDF page is rendered at that
_CANCELLED = "Reading the scan was cancelled; the document is as it was."


def cancelled_sentence() -> str:
    """What is said of a scan whose reading was stopped (before it began, or while it ran)."""
    return t(_CANCELLED)


@dataclass(frozen=True)
class PageText:
    page: int
    text: str
    origin: str  # "file" or "ocr"
    engine: str | None
    languages: str | None
    confidence: float | None


@dataclass(frozen=True)
class OcrReport:
    ref: str
    pages: list[int]  # the pages read
    languages: str
    confidence: float  # mean over the pages read, 0–100
    turned: list[int]  # pages that were turned to stand upright
    found_text: bool = True

    @property
    def sentence(self) -> str:
        if not self.found_text:
            return t("{ref}: no text was found on its scanned page(s).", ref=self.ref)
        pages = ", ".join(str(page) for page in self.pages)
        said = t(
            "{ref}: text read from {count} scanned page(s) ({pages}) in {languages}, "
            "mean confidence {confidence:.0f}%.",
            ref=self.ref,
            count=len(self.pages),
            pages=pages,
            languages=self.languages,
            confidence=self.confidence,
        )
        if self.turned:
            said += " " + t(
                "Turned upright: page(s) {pages}.",
                pages=", ".join(str(page) for page in self.turned),
            )
        return said


def needs_reading(mime_type: str, page_texts: list[str]) -> bool:
    """A photo or scan of a document, or a PDF with a page that has no text of its own."""
    if mime_type in IMAGE_TYPES:
        return True
    return mime_type == "application/pdf" and any(not page.strip() for page in page_texts)


def document_text(vault: Vault, document_id: int) -> list[PageText]:
    """Each page's text and where it came from, whatever its origin."""
    with vault.session() as session:
        _document(session, document_id)
        rows = session.scalars(
            select(DocumentPage)
            .where(DocumentPage.document_id == document_id)
            .order_by(DocumentPage.page)
        )
        return [
            PageText(
                row.page,
                row.text,
                row.origin,
                row.ocr_engine,
                row.ocr_languages,
                row.ocr_confidence,
            )
            for row in rows
        ]


def text_layers(
    vault: Vault, document_ids: list[int]
) -> dict[int, dict[int, tuple[int, list[list[Any]]]]]:
    """For the bundle: each document's pages read by OCR, with the quarter turns that stood
    them up and their words' places."""
    layers: dict[int, dict[int, tuple[int, list[list[Any]]]]] = {}
    with vault.session() as session:
        # Only a document ever given to OCR has such pages (its state says so). Asking every
        # page of every annex read each page's whole text from the disk, its origin being
        # stored after it: half of gathering a case of 100 text PDFs.
        read = select(Document.id).where(
            Document.id.in_(document_ids), Document.ocr_state.is_not(None)
        )
        rows = session.scalars(
            select(DocumentPage).where(
                DocumentPage.document_id.in_(read), DocumentPage.origin == "ocr"
            )
        )
        for row in rows:
            words = json.loads(row.ocr_words or "[]")
            layers.setdefault(row.document_id, {})[row.page] = (row.ocr_rotation or 0, words)
    return layers


def read_scanned_pages(
    vault: Vault,
    document_id: int,
    languages: str | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    every_page: bool = False,
) -> OcrReport:
    """Read the pages of a document that have no text of their own (again, if read before),
    in ``languages`` ("rus+eng"), else the document's language, else the one detected.
    ``every_page``: a PDF's pages with text of their own too (the lawyer judges it poor); what
    is read replaces it in search, quotes and the bundle."""
    from dossier.ocr import engine

    if languages:
        languages = engine.check_languages(languages)
    with vault.session() as session:
        document = _document(session, document_id)
        mime, file_id, password = document.mime_type, document.file_id, document.pdf_password
        language = document.language
        pages = [(page.page, page.text, page.origin) for page in document.pages]
    ref = refs.make("D", document_id)
    if mime in IMAGE_TYPES:
        wanted = [number for number, _body, _origin in pages]  # each page of a scanner's TIFF
    elif mime == "application/pdf":
        wanted = [
            number
            for number, body, origin in pages
            if every_page or origin == "ocr" or not body.strip()
        ]
    else:
        wanted = []
    if not wanted:
        raise DossierError(
            t(
                "{ref} has no scanned pages: its text comes from the file itself. To read it "
                "by text recognition all the same, ask for every page.",
                ref=ref,
            )
        )
    chosen = languages or engine.models_for(language)
    data = vault.read_bytes(file_id)
    try:
        readings = _read_all(data, mime, password, wanted, chosen, progress, cancelled)
    except DossierError:
        raise
    except Exception as error:  # a page the engine cannot take: said, and recorded
        problem = t(
            "The scan of {ref} could not be read; the document is as it was. Try again in "
            "another language, or import a clearer scan.",
            ref=ref,
        )
        _set_state(vault, document_id, "failed", problem)
        raise DossierError(problem) from error
    _record(vault, document_id, readings)
    used = ", ".join(sorted({reading.languages for reading in readings.values()}))
    mean = sum(reading.confidence for reading in readings.values()) / len(readings)
    turned = [number for number, reading in readings.items() if reading.rotation]
    found = any(reading.text for reading in readings.values())
    return OcrReport(ref, wanted, used, mean, turned, found)


def _read_all(
    data: bytes,
    mime: str,
    password: str | None,
    wanted: list[int],
    languages: str | None,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> dict[int, PageReading]:
    from dossier.ocr import engine

    reader = engine.Reader()
    workers = max(1, min(2, os.cpu_count() or 1))
    readings: dict[int, engine.PageReading] = {}
    # Without a language (given, or the document's), each page's is detected: a Russian
    # ruling may come with an English covering letter in the same scan.
    images = _page_images(data, mime, password, wanted)
    try:
        with ThreadPoolExecutor(workers, thread_name_prefix="ocr") as pool:
            running: dict[Future[engine.PageReading], int] = {}
            for number, image in images:  # rendered here, read two at a time in the pool
                _check(cancelled)
                running[pool.submit(reader.read, image, languages)] = number
                del image  # the page's picture goes once it is read
                # The next page is rendered when a thread is free, not before: a page
                # waiting its turn held 9 MB more for a scanner's picture decoded in 0.01 s.
                while len(running) >= workers:
                    _collect(running, readings, progress, len(wanted), cancelled)
            while running:
                _collect(running, readings, progress, len(wanted), cancelled)
    finally:
        images.close()
        reader.close()
        freed_memory.give_back()
    return readings


def _collect(
    running: dict[Future[PageReading], int],
    readings: dict[int, PageReading],
    progress: Progress | None,
    total: int,
    cancelled: Cancelled | None,
) -> None:
    """Waits for the next page read, whichever thread reads it."""
    done, _waiting = wait(running, return_when=FIRST_COMPLETED)
    for future in done:
        readings[running.pop(future)] = future.result()
        if progress is not None:
            progress(len(readings), total)
    _check(cancelled)


def _check(cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise DossierError(cancelled_sentence())


def _page_images(
    data: bytes, mime: str, password: str | None, wanted: list[int]
) -> Generator[tuple[int, Image.Image], None, None]:
    """The pages to read as images, one at a time (a 50-page scan is never all in memory)."""
    if mime in IMAGE_TYPES:
        from dossier.images import upright

        for number in wanted:
            yield number, upright(data, number)
        return
    import pypdfium2 as pdfium

    from dossier.ocr.scanned_page import page_image

    def rendered(number: int) -> Image.Image:
        page = document[number - 1]
        try:
            return page_image(page, DPI)
        finally:
            page.close()

    document = pdfium.PdfDocument(io.BytesIO(data), password=password)
    try:
        for number in wanted:
            # Not kept in a name here: this generator waits at ``yield`` until the next page
            # is wanted, and would hold the picture (9 MB) all that time.
            yield number, rendered(number)
    finally:
        document.close()


def _record(vault: Vault, document_id: int, readings: dict[int, PageReading]) -> None:
    from dossier.ocr import engine

    version = engine.version()
    with vault.transaction() as session:
        document = _document(session, document_id)
        for page in document.pages:
            reading = readings.get(page.page)
            if reading is None:
                continue
            page.text = reading.text
            page.origin = "ocr"
            page.ocr_engine = version
            page.ocr_languages = reading.languages
            page.ocr_confidence = round(reading.confidence, 1)
            page.ocr_rotation = reading.rotation
            page.ocr_words = json.dumps(
                [
                    [
                        w.text,
                        round(w.left, 5),
                        round(w.top, 5),
                        round(w.right, 5),
                        round(w.bottom, 5),
                    ]
                    for w in reading.words
                ],
                ensure_ascii=False,
            )
            search.unindex_page(session, "document", document_id, page.page)
            if reading.text.strip():
                search.index_text(session, "document", document_id, page.page, reading.text)
        document.ocr_state = "done"
        document.ocr_problem = None
        details: dict[str, object] = {
            "pages": sorted(readings),
            "engine": version,
            "languages": sorted({r.languages for r in readings.values()}),
        }
        if (found := _language_found(document)) is not None:
            details["language detected"] = found
        vault.record_custody(session, "text read by OCR", refs.make("D", document_id), details)


def _language_found(document: Document) -> str | None:
    """A document whose language is not set gets the one its text now shows (the lawyer can
    change it). A picture in which no words were found is only *offered* "no words": a
    handwritten note OCR cannot read still needs the lawyer's eye."""
    if document.language:
        return None
    texts = [page.text for page in document.pages]
    suggestions = json.loads(document.suggestions or "{}")
    found = language_guess.of_pages(texts)
    if found is not None:
        document.language = suggestions["language"] = found
    elif not any(body.strip() for body in texts) and document.mime_type.startswith("image/"):
        suggestions["language"] = language_guess.NO_WORDS
    document.suggestions = json.dumps(suggestions, ensure_ascii=False)
    return found


def _set_state(vault: Vault, document_id: int, state: str, problem: str | None) -> None:
    with vault.transaction() as session:
        document = _document(session, document_id)
        document.ocr_state = state
        document.ocr_problem = problem


def _document(session: Session, document_id: int) -> Document:
    document = session.get(Document, document_id)
    if document is None:
        raise DossierError(t("There is no document {ref}.", ref=refs.make("D", document_id)))
    return document
