"""Importing documents (one file, many files, folders) and editing what describes them."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from dossier import dates, refs, search
from dossier.errors import DossierError, ImportRefused, NotFound
from dossier.importers import detect_mime, importer_for
from dossier.services.people import get_person
from storage.blobs import CancelCheck
from storage.custody import utc_now
from storage.errors import Cancelled, VaultError
from storage.models import Document, DocumentPage, DocumentPerson
from storage.vault import Vault

DOCUMENT_KINDS = (
    "court-decision", "charge-sheet", "news-article", "ngo-statement", "official-letter",
    "identity-document", "photo", "witness-statement", "expert-report", "email", "other",
)  # fmt: skip
EDITABLE = ("title", "kind", "outlet", "author", "url", "date_published", "date_accessed",
            "language")  # fmt: skip
_DATE_FIELDS = ("date_published", "date_accessed")

# Progress over a batch: (files done, files in all, name of the current file).
BatchProgress = Callable[[int, int, str], None]


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

    @property
    def date_display(self) -> str:
        return dates.display(self.date_published) if self.date_published else ""


@dataclass
class ImportReport:
    imported: list[DocumentView] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (file name, existing ref)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file name, reason)
    cancelled: bool = False


def _view(vault: Vault, document: Document, people: list[int]) -> DocumentView:
    record = vault.file(document.file_id)
    return DocumentView(
        document.id,
        refs.make("D", document.id),
        document.title,
        document.kind,
        document.outlet,
        document.author,
        document.url,
        document.date_published,
        document.date_accessed,
        document.language,
        document.mime_type,
        document.page_count,
        document.confidential,
        record.sha256,
        record.size,
        record.id,
        record.label,
        [refs.make("P", p) for p in people],
        json.loads(document.suggestions),
        json.loads(document.warnings),
    )


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and every file inside given folders (sorted, hidden files skipped)."""
    files: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                files += [Path(root) / n for n in sorted(names) if not n.startswith(".")]
        else:
            files.append(path)
    return files


def import_files(
    vault: Vault,
    paths: Iterable[Path],
    *,
    kind: str = "other",
    person_ids: Iterable[int] = (),
    password: str | None = None,
    accept_suggestions: bool = False,
    progress: BatchProgress | None = None,
    cancelled: CancelCheck | None = None,
) -> ImportReport:
    """Import each file; a bad file is reported with the reason and skipped, the rest go on."""
    if kind not in DOCUMENT_KINDS:
        raise DossierError(f'"{kind}" is not a kind of document: {", ".join(DOCUMENT_KINDS)}')
    people = list(person_ids)
    with vault.session() as session:
        for person_id in people:
            get_person(session, person_id)
    files = expand_paths(paths)
    report = ImportReport()
    vault_folder = vault.folder.resolve()
    inside_vault = [f for f in files if f.resolve().is_relative_to(vault_folder)]
    report.skipped += [(f.name, "it is part of the vault itself") for f in inside_vault]
    files = [f for f in files if f not in inside_vault]
    for index, path in enumerate(files):
        if cancelled is not None and cancelled():
            report.cancelled = True
            break
        if progress is not None:
            progress(index, len(files), path.name)
        try:
            outcome = import_one(
                vault, path, kind=kind, person_ids=people, password=password,
                accept_suggestions=accept_suggestions, cancelled=cancelled,
            )  # fmt: skip
        except Cancelled:
            report.cancelled = True
            break
        except VaultError as error:
            report.skipped.append((path.name, str(error)))
            continue
        except OSError as error:
            report.skipped.append((path.name, f"it could not be read ({error.strerror})"))
            continue
        if isinstance(outcome, str):
            report.duplicates.append((path.name, outcome))
        else:
            report.imported.append(outcome)
    if progress is not None:
        progress(len(files), len(files), "")
    return report


def import_one(
    vault: Vault,
    path: Path,
    *,
    kind: str = "other",
    person_ids: list[int] | None = None,
    password: str | None = None,
    accept_suggestions: bool = False,
    cancelled: CancelCheck | None = None,
) -> DocumentView | str:
    """Import one file; returns its view, or the ref of the document it duplicates."""
    if not path.is_file():
        raise ImportRefused(f'"{path.name}" is not a file.')
    mime = detect_mime(path)
    importer = importer_for(mime)
    if importer is None:
        raise ImportRefused(
            f'"{path.name}" is a kind of file this app cannot read ({mime}). Supported: PDF, '
            "Word (.docx), text, web pages (.html), e-mail (.eml), JPEG, PNG, TIFF, HEIC."
        )
    extracted = importer.extract(path, password)  # before storing: a bad file stores nothing
    stored = vault.store_file(path, media_type=mime, cancelled=cancelled)
    with vault.transaction() as session:
        if stored.duplicate:
            existing = session.scalars(
                select(Document).where(Document.file_id == stored.record.id)
            ).first()
            if existing is not None:
                return refs.make("D", existing.id)
        suggestions = dict(extracted.suggestions)
        document = Document(
            file_id=stored.record.id,
            kind=kind,
            title=path.stem,
            mime_type=mime,
            page_count=len(extracted.pages),
            confidential=False,
            suggestions=json.dumps(suggestions, ensure_ascii=False),
            warnings=json.dumps(extracted.warnings, ensure_ascii=False),
            created_at=utc_now(),
        )
        if accept_suggestions:
            _apply(document, suggestions, suggestions.keys())
        document.pages = [
            DocumentPage(page=number, text=text)
            for number, text in enumerate(extracted.pages, start=1)
        ]
        session.add(document)
        session.flush()
        for person_id in person_ids or []:
            session.add(DocumentPerson(document_id=document.id, person_id=person_id))
        for number, text in enumerate(extracted.pages, start=1):
            if text.strip():
                search.index_text(session, "document", document.id, number, text)
        search.index_text(session, "document", document.id, None, document.title)
        vault.record_custody(
            session,
            "document imported",
            refs.make("D", document.id),
            {"file": path.name, "sha256": stored.record.sha256, "mime": mime},
        )
        return _view(vault, document, person_ids or [])


def _apply(document: Document, values: dict[str, str], keys: Iterable[str]) -> dict[str, str]:
    applied = {}
    for key in keys:
        if key == "date_created" and "date_published" not in values:
            target = "date_published"
        else:
            target = key
        if target not in EDITABLE or key not in values:
            continue
        value = values[key]
        if target in _DATE_FIELDS:
            try:
                value = dates.to_edtf(value[:10] if len(value) >= 10 else value)
            except DossierError:
                continue
        setattr(document, target, value)
        applied[target] = value
    return applied


def accept_suggestions(
    vault: Vault, document_id: int, keys: list[str] | None = None
) -> DocumentView:
    """Confirm metadata found in the file (all of it, or the named fields)."""
    with vault.transaction() as session:
        document = _get(session, document_id)
        suggestions = json.loads(document.suggestions)
        applied = _apply(document, suggestions, keys or list(suggestions))
        vault.record_custody(session, "document changed", refs.make("D", document_id), applied)
        _reindex_title(session, document)
        people = _people(session, document_id)
        return _view(vault, document, people)


def update_document(vault: Vault, document_id: int, **fields: str | bool | None) -> DocumentView:
    with vault.transaction() as session:
        document = _get(session, document_id)
        changed: dict[str, object] = {}
        for name, value in fields.items():
            if value is None:
                continue
            if name == "confidential":
                document.confidential = bool(value)
            elif name in EDITABLE:
                if name == "kind" and value not in DOCUMENT_KINDS:
                    raise DossierError(f'"{value}" is not a kind of document.')
                if name in _DATE_FIELDS and isinstance(value, str):
                    value = dates.to_edtf(value)
                setattr(document, name, value)
            else:
                raise DossierError(f'A document has no field "{name}".')
            changed[name] = value
        vault.record_custody(session, "document changed", refs.make("D", document_id), changed)
        _reindex_title(session, document)
        return _view(vault, document, _people(session, document_id))


def link_person(vault: Vault, document_id: int, person_id: int) -> DocumentView:
    with vault.transaction() as session:
        document = _get(session, document_id)
        get_person(session, person_id)
        if session.get(DocumentPerson, (document_id, person_id)) is None:
            session.add(DocumentPerson(document_id=document_id, person_id=person_id))
        vault.record_custody(
            session, "document linked", refs.make("D", document_id),
            {"person": refs.make("P", person_id)},
        )  # fmt: skip
        session.flush()
        return _view(vault, document, _people(session, document_id))


def list_documents(vault: Vault, person_id: int | None = None) -> list[DocumentView]:
    with vault.session() as session:
        query = select(Document).order_by(Document.id)
        if person_id is not None:
            query = query.join(DocumentPerson).where(DocumentPerson.person_id == person_id)
        return [_view(vault, d, _people(session, d.id)) for d in session.scalars(query)]


def show_document(vault: Vault, document_id: int) -> DocumentView:
    with vault.session() as session:
        return _view(vault, _get(session, document_id), _people(session, document_id))


def document_pages(vault: Vault, document_id: int) -> list[str]:
    with vault.session() as session:
        return [page.text for page in _get(session, document_id).pages]


def _get(session: Session, document_id: int) -> Document:
    document = session.get(Document, document_id)
    if document is None:
        raise NotFound(refs.make("D", document_id))
    return document


def _people(session: Session, document_id: int) -> list[int]:
    return list(
        session.scalars(
            select(DocumentPerson.person_id).where(DocumentPerson.document_id == document_id)
        )
    )


def _reindex_title(session: Session, document: Document) -> None:
    session.execute(
        text("DELETE FROM search_index WHERE kind = 'document' AND ref_id = :id AND page IS NULL"),
        {"id": document.id},
    )
    search.index_text(session, "document", document.id, None, document.title)
