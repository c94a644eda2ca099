"""Gathering what an export shows from the vault, at one moment (see ``content``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime

from dossier import refs
from dossier.export.content import DossierContent, Exhibit
from dossier.export.templates import Template
from dossier.names import fold
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
from dossier.views import DocumentView
from storage.vault import Vault


@dataclass(frozen=True)
class VaultOriginals:
    vault: Vault
    _readers: list[Callable[[int], bytes]] = field(default_factory=list, compare=False, repr=False)

    def file_bytes(self, document: DocumentView) -> bytes:
        if self._readers:
            return self._readers[-1](document.file_id)
        return self.vault.read_bytes(document.file_id)

    @contextmanager
    def reading_many(self, documents: list[DocumentView]) -> Iterator[None]:
        """Meanwhile the files of ``documents`` are read with their records read at once."""
        self._readers.append(self.vault.reader(d.file_id for d in documents))
        try:
            yield
        finally:
            self._readers.pop()

    def page_texts(self, document: DocumentView) -> list[str]:
        return documents.document_pages(self.vault, document.id)


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
