"""Everything an export shows, gathered once from the vault: the same for PDF and DOCX."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select

from dossier import dates, refs
from dossier.errors import DossierError
from dossier.export.templates import Template
from dossier.services import cases, documents, events, people, quotes
from dossier.services.cases import CaseView, GroundView
from dossier.services.documents import DocumentView
from dossier.services.events import EventView
from dossier.services.people import PersonView
from dossier.services.quotes import QuoteView
from storage.models import Translation
from storage.vault import Vault


class ExportIncomplete(DossierError):
    def __init__(self, missing: list[str]) -> None:
        super().__init__(
            "The export needs these fields first: "
            + ", ".join(missing)
            + ". Fill them in, or export a draft (--draft) marked DRAFT on every page."
        )
        self.missing = missing


@dataclass(frozen=True)
class TranslationView:
    language: str
    text: str
    translator: str | None
    certification: str | None


@dataclass
class Exhibit:
    label: str  # "Annex 3"
    document: DocumentView
    translations: list[TranslationView]
    first_page: int = 0  # in the bundle, 1-based; filled in when the bundle is laid out
    page_count: int = 0


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
    redactions: dict[str, str] = field(default_factory=dict)  # name → label
    missing: list[str] = field(default_factory=list)

    def exhibit_for(self, document_ref: str) -> Exhibit | None:
        return next((e for e in self.exhibits if e.document.ref == document_ref), None)

    def cite(self, document_ref: str, page: int | None, quote_ref: str | None = None) -> str:
        """ "Annex 4, p. 2" — or the document ref if it is not in this export."""
        exhibit = self.exhibit_for(document_ref)
        if exhibit is None:
            return "(confidential source, not annexed)"
        return exhibit.label + (f", p. {page}" if page else "")

    def profile_rows(self) -> list[tuple[str, str | None]]:
        """The person's profile as (label, value) rows, the same in the PDF and the DOCX."""
        person = self.person
        return [
            ("Name", person.name),
            ("Name in native script", person.native_name),
            ("Other spellings", ", ".join(person.aliases)),
            ("Date of birth", person.birth_date),
            ("Nationality", person.nationality),
            ("Role", person.role),
            ("Notes", person.notes),
        ]

    def redact(self, text: str | None) -> str:
        """The text with every redacted name replaced by its label."""
        result = text or ""
        for name, label in self.redactions.items():
            result = re.sub(re.escape(name), label, result, flags=re.IGNORECASE)
        return result


def _value(path: str, case: CaseView, person: PersonView) -> object:
    owner, _, name = path.partition(".")
    return getattr(case if owner == "case" else person, name, None)


def gather(
    vault: Vault,
    case_id: int,
    template: Template,
    *,
    export_time: datetime,
    draft: bool = False,
    redact: list[str] | None = None,
) -> DossierContent:
    """Collect the case; raise ExportIncomplete for missing required fields unless a draft."""
    case = cases.show_case(vault, case_id)
    person = people.show_person(vault, refs.parse(case.person_ref, "P"))
    missing = [path for path in template.required if not _value(path, case, person)]
    if missing and not draft:
        raise ExportIncomplete(missing)
    chronology = events.chronology(vault, person.id)
    grounds = cases.grounds(vault, case_id)
    all_quotes = {q.ref: q for q in quotes.list_quotes(vault)}
    linked_refs = {r for g in grounds for r in g.evidence}
    cited = {c.document_ref for e in chronology for c in e.citations}
    cited |= {q.document_ref for ref, q in all_quotes.items() if ref in linked_refs}
    cited |= {r for r in linked_refs if r.startswith("D")}
    person_documents = {d.ref for d in documents.list_documents(vault, person.id)}
    wanted = cited | person_documents
    chosen = [d for d in documents.list_documents(vault) if d.ref in wanted and not d.confidential]
    chosen.sort(key=lambda d: (dates.sort_key(d.date_published) if d.date_published else "9", d.id))
    exhibits = []
    with vault.session() as session:
        for index, document in enumerate(chosen):
            rows = session.scalars(
                select(Translation).where(Translation.document_id == document.id)
            ).all()
            translations = [
                TranslationView(t.language, t.text, t.translator, t.certification) for t in rows
            ]
            exhibits.append(Exhibit(template.label(index), document, translations))
    labels = {}
    for index, name in enumerate(redact or []):
        labels[name] = f"[Person {chr(ord('A') + index % 26)}]"
    return DossierContent(
        template=template,
        case=case,
        person=person,
        chronology=chronology,
        grounds=grounds,
        quotes=all_quotes,
        exhibits=exhibits,
        export_time=export_time,
        draft=draft,
        redactions=labels,
        missing=missing,
    )
