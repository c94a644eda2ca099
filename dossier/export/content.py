"""Everything an export shows, as gathered from the vault (``gathering``): the same for PDF
and DOCX. Plain values only — the export's child process renders from them without the
vault or its database machinery."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any, Protocol

from dossier import dates
from dossier.export.templates import Template
from dossier.redaction import Redactor
from dossier.views import (
    CaseView,
    DocumentView,
    EventView,
    GroundView,
    PersonView,
    QuoteView,
    TranslationView,
)


class Originals(Protocol):
    """The one way a renderer reads evidence: a document's file, or its text page by page."""

    def file_bytes(self, document: DocumentView) -> bytes: ...

    def page_texts(self, document: DocumentView) -> list[str]: ...


@dataclass
class Exhibit:
    label: str  # "Annex 3"
    document: DocumentView
    translations: list[TranslationView]
    section: str | None = None
    first_page: int = 0  # in the bundle, 1-based; filled in when the bundle is laid out
    page_count: int = 0  # all its pages: the original, then each translation and certificate
    original_pages: int = 0
    translation_offsets: list[int] = field(default_factory=list)  # from the exhibit's start
    password: str | None = None  # of a protected PDF, as given at import
    # Pages read by OCR: page → (degrees turned clockwise to stand upright, the words and
    # their places), laid invisibly over the scan in the bundle.
    text_layer: dict[int, tuple[int, list[list[Any]]]] = field(default_factory=dict)

    def bundle_page(self, page: int | None) -> int:
        """The bundle page of the original's page ``page`` (its first page when None)."""
        if not page or not self.original_pages:
            return self.first_page
        return self.first_page + min(page, self.original_pages) - 1


@dataclass
class DossierContent:
    template: Template
    case: CaseView
    person: PersonView
    chronology: list[EventView]
    grounds: list[GroundView]
    quotes: dict[str, QuoteView]  # by ref
    exhibits: list[Exhibit]
    export_time: datetime
    draft: bool
    # Each label ("[Person A]") with every spelling it hides (see dossier.redaction).
    redactions: dict[str, list[str]] = field(default_factory=dict)
    # The bundle's fingerprint (bundle.annexes_record), set as the bundle is laid out.
    fingerprint: str = ""

    def exhibit_for(self, document_ref: str) -> Exhibit | None:
        return next((e for e in self.exhibits if e.document.ref == document_ref), None)

    def date(self, edtf: str | None) -> str:
        """A date in the template's language ("30 October 2025", "30 octobre 2025")."""
        return dates.display(edtf, self.template.months) if edtf else ""

    def redact(self, text: str | None) -> str:
        """The text with every redacted name, in any spelling or disguise, replaced by its
        label."""
        return self._redactor(text)

    @cached_property
    def _redactor(self) -> Redactor:
        return Redactor(self.redactions)
