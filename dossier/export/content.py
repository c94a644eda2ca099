"""Everything an export shows, gathered once from the vault: the same for PDF and DOCX."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import cached_property
from typing import Any, Protocol

from dossier import dates, refs
from dossier.export.templates import Template
from dossier.names import fold
from dossier.redaction import Redactor
from dossier.services import (
    cases,
    documents,
    events,
    exhibits,
    ocr,
    people,
    quotes,
    translations,
)  # fmt: skip
from dossier.services.cases import CaseView, GroundView
from dossier.services.documents import DocumentView
from dossier.services.events import EventView
from dossier.services.people import PersonView
from dossier.services.quotes import QuoteView
from dossier.services.translations import TranslationView
from storage.vault import Vault


class Originals(Protocol):
    """The one way a renderer reads evidence: a document's file, or its text page by page."""

    def file_bytes(self, document: DocumentView) -> bytes: ...

    def page_texts(self, document: DocumentView) -> list[str]: ...


@dataclass(frozen=True)
class VaultOriginals:
    vault: Vault

    def file_bytes(self, document: DocumentView) -> bytes:
        return self.vault.read_bytes(document.file_id)

    def page_texts(self, document: DocumentView) -> list[str]:
        return documents.document_pages(self.vault, document.id)


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


def gather(
    vault: Vault,
    case_id: int,
    template: Template,
    *,
    export_time: datetime,
    draft: bool = False,
    redact: list[str] | None = None,
) -> DossierContent:
    """Collect the case and its own annexes, in the case's order, with their translations,
    as they stood at one moment (an edit saved meanwhile is in all of it or none)."""
    with vault.reading():
        return _gather(vault, case_id, template, export_time=export_time, draft=draft,
                       redact=redact)  # fmt: skip


def _gather(
    vault: Vault,
    case_id: int,
    template: Template,
    *,
    export_time: datetime,
    draft: bool,
    redact: list[str] | None,
) -> DossierContent:
    case = cases.show_case(vault, case_id)
    person = people.show_person(vault, refs.parse(case.person_ref, "P"))
    chronology = events.chronology(vault, person.id)
    grounds = cases.grounds(vault, case_id)
    all_quotes = {q.ref: q for q in quotes.list_quotes(vault)}
    annexed = [e for e in exhibits.list_exhibits(vault, case_id) if not e.confidential]
    ids = [refs.parse(entry.document_ref, "D") for entry in annexed]
    # The case's annexes only, not every document of the vault.
    by_ref = {d.ref: d for d in documents.list_documents(vault, only=ids)}
    translated = translations.translations_of(vault, ids)
    passwords = documents.pdf_passwords(vault, ids)
    layers = ocr.text_layers(vault, ids)
    chosen = [
        Exhibit(
            template.label(index),
            by_ref[entry.document_ref],
            translated[document_id],
            entry.section,
            password=passwords.get(document_id),
            text_layer=layers.get(document_id, {}),
        )
        for index, (entry, document_id) in enumerate(zip(annexed, ids, strict=True))
    ]
    content = DossierContent(
        template=template,
        case=case,
        person=person,
        chronology=chronology,
        grounds=grounds,
        quotes=all_quotes,
        exhibits=chosen,
        export_time=export_time,
        draft=draft,
        redactions=_every_spelling(vault, redact or []),
    )
    if content.redactions:
        # Text drawn outside the submission's paragraphs (the chart, sections' titles in the
        # list of annexes and the bookmarks) is hidden at the source.
        content.chronology = [
            replace(
                event, title=content.redact(event.title),
                description=content.redact(event.description),
                date_note=content.redact(event.date_note),
            )
            for event in chronology
        ]  # fmt: skip
        for exhibit in chosen:
            exhibit.section = content.redact(exhibit.section) if exhibit.section else None
    return content


def _every_spelling(vault: Vault, names: list[str]) -> dict[str, list[str]]:
    """Each name to hide with a label, and with every spelling recorded for whoever bears it
    (so that hiding "Rinat Tukhvatshin" hides "Ринат Тухватшин" and his aliases too)."""
    everyone = people.list_people(vault) if names else []
    hidden: dict[str, list[str]] = {}
    for index, name in enumerate(names):
        spellings = [name]
        for person in everyone:
            known = [s for s in (person.name, person.native_name, *person.aliases) if s]
            if any(fold(name) == fold(spelling) for spelling in known):
                spellings += known
        hidden[f"[Person {chr(ord('A') + index % 26)}]"] = list(dict.fromkeys(spellings))
    return hidden
