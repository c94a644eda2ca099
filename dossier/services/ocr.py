"""Reading scanned pages (OCR): a scan's pages become text that is searched, quoted and laid
under the page in the bundle, each page saying where its text came from.

The file's own text is never replaced: only pages without any (a scan in a PDF, a photo) are
read. Nothing is written until every page is read, so a cancel or a failure leaves the
document as it was; the images are made and read in memory, in a process of its own
(``dossier.ocr.separate_process``), which is sent the scan and sends back what it read.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dossier import language_guess, refs, search
from dossier.errors import DossierError
from dossier.i18n import t
from dossier.vocabulary import IMAGE_TYPES
from storage.models import Document, DocumentPage
from storage.vault import Vault

if TYPE_CHECKING:  # the engine (Tesseract) loads when a scan is read, not with the CLI
    from dossier.ocr.engine import PageReading

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

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
    rotation: int = 0  # degrees OCR turned the page clockwise to read it upright


@dataclass(frozen=True)
class OcrReport:
    ref: str
    pages: list[int]  # the pages read
    languages: str
    confidence: float  # mean over the pages read, 0–100
    turned: list[int]  # pages that were turned to stand upright
    found_text: bool = True
    reader_memory_mb: float = 0.0  # the peak of the process that read them (for bench/)

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
                row.ocr_rotation or 0,
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
    from dossier.ocr.separate_process import NotRead, ReadingCancelled, read_in_child

    try:
        # The scan goes to the child as it is decrypted: the program never holds it whole.
        read = read_in_child(
            vault.read_file(file_id), mime, password, wanted, chosen, progress, cancelled
        )
    except ReadingCancelled:
        raise DossierError(cancelled_sentence()) from None
    except NotRead:  # a page the engine cannot take, or a crash: said, and recorded
        problem = t(
            "The scan of {ref} could not be read; the document is as it was. Try again in "
            "another language, or import a clearer scan.",
            ref=ref,
        )
        _set_state(vault, document_id, "failed", problem)
        raise DossierError(problem) from None
    readings = read.readings
    _record(vault, document_id, readings, read.engine)
    used = ", ".join(sorted({reading.languages for reading in readings.values()}))
    mean = sum(reading.confidence for reading in readings.values()) / len(readings)
    turned = [number for number, reading in readings.items() if reading.rotation]
    found = any(reading.text for reading in readings.values())
    return OcrReport(ref, wanted, used, mean, turned, found, read.peak_memory_mb)


def _record(vault: Vault, document_id: int, readings: dict[int, PageReading], version: str) -> None:
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
