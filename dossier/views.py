"""What the services give out: plain, frozen values of the vault's rows.

They hold no session and need no database, so any part of the program can keep and pass
them — the export's child process among them, which renders from them without loading
SQLAlchemy, SQLCipher or the vault (``tests/integration/test_export_child_is_light.py``).
Each service builds them from its rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dossier import dates
from dossier.i18n import t
from dossier.vocabulary import LANGUAGES


@dataclass(frozen=True)
class CaseView:
    id: int
    ref: str
    person_ref: str
    kind: str
    kind_title: str
    requesting_country: str | None
    notice_type: str | None
    notice_reference: str | None
    representative_name: str | None
    representative_firm: str | None
    representative_address: str | None
    representative_bar_number: str | None
    status: str
    summary: str
    arguments: str
    facts: str | None = None
    relief: str | None = None
    notice_known_how: str | None = None
    representative_phone: str | None = None
    representative_email: str | None = None
    signatory_name: str | None = None
    signatory_capacity: str | None = None
    signed_place: str | None = None
    signed_date: str | None = None  # EDTF
    served_on: str | None = None
    working_language: str | None = None
    particulars: dict[str, str] = field(default_factory=dict)  # the forum's own, by name

    @property
    def represented(self) -> bool:
        return bool(self.representative_name)


@dataclass(frozen=True)
class GroundView:
    id: int
    ref: str
    code: str
    title: str
    explanation: str
    evidence: list[str]  # D3, Q2, E5
    argument: str = ""

    @property
    def missing_evidence(self) -> bool:
        return not self.evidence


@dataclass(frozen=True)
class DocumentView:
    id: int
    ref: str
    title: str
    kind: str
    outlet: str | None
    author: str | None
    url: str | None
    date_published: str | None  # EDTF
    date_accessed: str | None
    language: str | None
    mime_type: str
    page_count: int
    confidential: bool
    sha256: str
    size: int
    file_id: int
    original_name: str
    people: list[str]
    suggestions: dict[str, str]
    warnings: list[str]
    ocr_state: str | None = None  # None, "pending", "done", "failed"
    ocr_problem: str | None = None
    title_translated: str | None = None  # in the filings' working language

    @property
    def date_display(self) -> str:
        return dates.shown(self.date_published) if self.date_published else ""


@dataclass(frozen=True)
class CitationView:
    document_ref: str
    quote_ref: str | None
    page: int | None

    @property
    def text(self) -> str:
        base = self.quote_ref or self.document_ref
        return base + (f", p. {self.page}" if self.page else "")


@dataclass(frozen=True)
class EventView:
    id: int
    ref: str
    person_ref: str
    date: str  # EDTF
    date_display: str
    precision: str
    title: str
    description: str
    kind: str
    citations: list[CitationView]
    date_note: str = ""  # why this date stands, when sources disagreed


@dataclass(frozen=True)
class PersonView:
    id: int
    ref: str
    name: str
    native_name: str | None
    aliases: list[str]
    role: str | None
    birth_date: str | None  # as a lawyer writes it, in the reader's language
    nationality: str | None
    notes: str
    birth_place: str | None = None
    identity_document: str | None = None
    correspondence_address: str | None = None
    birth_date_edtf: str | None = None  # as stored: the export writes it in its own language

    def spellings(self) -> list[str]:
        return [self.name, *([self.native_name] if self.native_name else []), *self.aliases]


@dataclass(frozen=True)
class QuoteView:
    id: int
    ref: str
    document_ref: str
    text: str
    page: int | None
    found_in_document: bool
    speaker: str | None
    date_said: str | None
    translation: str | None
    people: list[str]
    matched_ocr: bool = False  # found in text read from a scan, allowing for OCR errors

    @property
    def warning(self) -> str | None:
        if self.matched_ocr:
            return t(
                "Found on page {page} of {ref} in text read from a scan (OCR), allowing for "
                "misread letters: compare the words with the scan before citing them.",
                page=self.page,
                ref=self.document_ref,
            )
        if self.found_in_document:
            return None
        return (
            f"This quote was not found in {self.document_ref}: check the wording against the "
            "document (or its translation) before citing it."
        )


@dataclass(frozen=True)
class TranslationView:
    id: int
    ref: str
    document_ref: str
    language: str
    text: str
    translator: str | None
    translator_address: str | None
    translator_phone: str | None
    qualifications: str | None
    date: str | None  # EDTF
    certification: str | None

    @property
    def language_name(self) -> str:
        return LANGUAGES.get(self.language, self.language)

    @property
    def date_display(self) -> str | None:
        return dates.shown(self.date) if self.date else None
