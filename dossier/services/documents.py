"""Importing documents (one file, many files, folders) and editing what describes them."""

from __future__ import annotations

import json
import logging
import os
import stat
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from dossier import dates, language_guess, refs, search
from dossier.clean_text import TITLE_LIMIT, one_line, without_controls
from dossier.errors import DossierError, NotFound, PasswordNeeded
from dossier.i18n import t
from dossier.importers.base import Extracted
from dossier.services import reading
from dossier.services.people import get_person
from dossier.services.writing_ahead import WritingAhead, Written, open_source
from dossier.views import DocumentView as DocumentView
from dossier.vocabulary import DOCUMENT_EDITABLE as EDITABLE
from dossier.vocabulary import DOCUMENT_KINDS as DOCUMENT_KINDS
from dossier.vocabulary import DOCUMENT_LANGUAGES
from storage.blobs import CancelCheck
from storage.custody import utc_now
from storage.errors import (
    Cancelled,
    DatabaseDamaged,
    DiskFull,
    VaultError,
    VaultLocked,
)
from storage.models import Document, DocumentPage, DocumentPerson, StoredFile
from storage.vault import FileRecord, StoreResult, Vault

log = logging.getLogger(__name__)


_DATE_FIELDS = ("date_published", "date_accessed")
# Applied at import without asking: what the source says of itself, and its language as its
# letters tell it (shown in the details, where the lawyer can change it).
_FROM_THE_SOURCE = ("title", "date_published", "date_created", "language")

# Progress over a batch: (files done, files in all, name of the current file).
BatchProgress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class AlreadyStored:
    """A file imported again: where it already is, so that it can be linked, not lost."""

    file: str
    ref: str  # D12
    title: str
    people: list[str]  # the names of those it is evidence of
    linked: bool  # already linked to every person this import was for

    @property
    def sentence(self) -> str:
        if self.linked:
            return t("{file} is already in the vault as {ref} ({title}).",
                     file=self.file, ref=self.ref, title=self.title)  # fmt: skip
        if not self.people:
            return t("{file} is already in the vault as {ref} ({title}), linked to no one.",
                     file=self.file, ref=self.ref, title=self.title)  # fmt: skip
        return t(
            "{file} is already in the vault as {ref} ({title}), evidence of {people}.",
            file=self.file, ref=self.ref, title=self.title, people=", ".join(self.people),
        )  # fmt: skip


@dataclass
class ImportReport:
    imported: list[DocumentView] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (file name, existing ref)
    already: list[AlreadyStored] = field(default_factory=list)  # the same, said in full
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file name, reason)
    cancelled: bool = False
    # Protected PDFs skipped for want of their password: the caller may ask for it (again,
    # for those in ``wrong_password``).
    needs_password: list[Path] = field(default_factory=list)
    wrong_password: list[Path] = field(default_factory=list)


def view_of(
    vault: Vault, document: Document, people: list[int], record: FileRecord | None = None
) -> DocumentView:
    # Inside an open transaction the caller passes the record: reading it through a second
    # connection would not see the uncommitted row.
    record = record or vault.file(document.file_id)
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
        document.ocr_state,
        document.ocr_problem,
        document.title_translated,
    )


@dataclass(frozen=True)
class ImportPlan:
    """What a batch import will read, and what it will not, with the reason (nothing written)."""

    files: list[Path]
    in_folders: set[Path]  # files found by walking a folder (links there are never followed)
    skipped: list[tuple[str, str]]


def plan_import(paths: Iterable[Path], vault_folder: Path | None = None) -> ImportPlan:
    """Files as given, and every file inside given folders (sorted, hidden files skipped).

    Inside folders, links are listed as skipped and never followed: a link to a private key
    or to another client's folder must not become an exhibit.
    """
    files: list[Path] = []
    in_folders: set[Path] = set()
    skipped: list[tuple[str, str]] = []
    for path in paths:
        path = Path(path)
        if path.is_dir() and not path.is_symlink():
            for root, dirs, names in os.walk(path):
                links = [d for d in dirs if (Path(root) / d).is_symlink()]
                skipped += [(d, t(reading.LINK_REASON)) for d in links if not d.startswith(".")]
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in links)
                for name in sorted(names):
                    found = Path(root) / name
                    if name.startswith("."):
                        continue
                    if found.is_symlink() or not stat.S_ISREG(found.lstat().st_mode):
                        skipped.append((name, t(reading.LINK_REASON) if found.is_symlink() else
                                        t("it is not a regular file")))  # fmt: skip
                        continue
                    files.append(found)
                    in_folders.add(found)
        else:
            files.append(path)
    if vault_folder is not None:
        inside = [f for f in files if f.resolve().is_relative_to(vault_folder.resolve())]
        skipped += [(f.name, "it is part of the vault itself") for f in inside]
        files = [f for f in files if f not in inside]
    return ImportPlan(files, in_folders, skipped)


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
    plan = plan_import(paths, vault.folder)
    files = plan.files
    report = ImportReport(skipped=list(plan.skipped))
    # Files are read (in worker processes, for a batch) ahead of their storing here.
    # Stored in batches (one commit for many documents, each still all or nothing): what the
    # report says was imported is committed when it is returned.
    # Each file is encrypted and written (its fsyncs waited for) in a thread while the one
    # before it is recorded here (WritingAhead).
    readers = reading.Readers(files, password, lambda path: path not in plan.in_folders)
    ahead = WritingAhead(vault, lambda path: path not in plan.in_folders, cancelled)
    with readers, ahead, vault.batch():
        for index, (path, read, written) in enumerate(ahead.over(readers)):
            if cancelled is not None and cancelled():
                report.cancelled = True
                break
            if progress is not None:
                progress(index, len(files), path.name)
            if not _stored_or_said(vault, path, read, people, report, kind=kind,
                                   password=password, accept_suggestions=accept_suggestions,
                                   cancelled=cancelled, follow_links=path not in plan.in_folders,
                                   written=written):  # fmt: skip
                break
    if progress is not None:
        progress(len(files), len(files), "")
    return report


def _stored_or_said(
    vault: Vault,
    path: Path,
    read: reading.Read | Exception,
    people: list[int],
    report: ImportReport,
    *,
    kind: str,
    password: str | None,
    accept_suggestions: bool,
    cancelled: CancelCheck | None,
    follow_links: bool,
    written: Written | None = None,
) -> bool:
    """Stores one file read, or says in the report why not; False: the batch stops."""
    try:
        if isinstance(read, Exception):
            raise read
        outcome = store_read(
            vault, path, read, kind=kind, person_ids=people, password=password,
            accept_suggestions=accept_suggestions, cancelled=cancelled, follow_links=follow_links,
            written=written,
        )  # fmt: skip
    except Cancelled:
        report.cancelled = True
        return False
    except (DiskFull, VaultLocked, DatabaseDamaged):
        raise  # the vault itself cannot take more: the rest of the batch would fail too
    except PasswordNeeded as error:
        report.skipped.append((path.name, str(error)))
        report.needs_password.append(path)
        if error.wrong:
            report.wrong_password.append(path)
        return True
    except VaultError as error:
        report.skipped.append((path.name, str(error)))
        return True
    except OSError as error:
        report.skipped.append(
            (path.name, t("it could not be read ({reason})", reason=error.strerror))
        )
        return True
    except Exception as error:
        # The type only: a message could quote the file's contents (evidence).
        name = str(error) if isinstance(error, reading.Unreadable) else type(error).__name__
        log.warning("import: %s from the %s reader", name, path.suffix)
        report.skipped.append((path.name, t(_UNREADABLE)))
        return True
    if isinstance(outcome, str):
        vault.commit_batch()  # the document it repeats may be in this batch: read it committed
        report.duplicates.append((path.name, outcome))
        report.already.append(_already_stored(vault, path.name, outcome, people))
    else:
        report.imported.append(outcome)
    return True


def _already_stored(vault: Vault, file: str, ref: str, person_ids: list[int]) -> AlreadyStored:
    from storage.models import Person

    document_id = refs.parse(ref, "D")
    with vault.session() as session:
        document = _get(session, document_id)
        linked = _people(session, document_id)
        names = [
            person.name for person in session.scalars(select(Person).where(Person.id.in_(linked)))
        ]
        return AlreadyStored(file, ref, document.title, names, all(p in linked for p in person_ids))


_UNREADABLE = (
    "it is unreadable: the file is damaged or built in a way this app does not understand. "
    "Nothing was stored."
)


def import_one(
    vault: Vault,
    path: Path,
    *,
    kind: str = "other",
    person_ids: list[int] | None = None,
    password: str | None = None,
    accept_suggestions: bool = False,
    cancelled: CancelCheck | None = None,
    follow_links: bool = True,
) -> DocumentView | str:
    """Import one file; returns its view, or the ref of the document it duplicates."""
    read = reading.read_file(path, password, follow_links)
    return store_read(
        vault, path, read, kind=kind, person_ids=person_ids, password=password,
        accept_suggestions=accept_suggestions, cancelled=cancelled, follow_links=follow_links,
    )  # fmt: skip


def store_read(
    vault: Vault,
    path: Path,
    read: reading.Read,
    *,
    kind: str = "other",
    person_ids: list[int] | None = None,
    password: str | None = None,
    accept_suggestions: bool = False,
    cancelled: CancelCheck | None = None,
    follow_links: bool = True,
    written: Written | None = None,
) -> DocumentView | str:
    """Store a file read (``reading.read_file``): its bytes, encrypted, and its document.
    ``written``: the file's bytes were (or are being) written already (``WritingAhead``)."""
    mime, extracted = read.mime, read.extracted
    with _stored_file(vault, path, mime, follow_links, cancelled, written) as (session, stored):
        # One transaction: the file's record, the document, its pages, its search index and
        # the custody entries commit together, or none of them does.
        if stored.duplicate:
            existing = session.scalars(
                select(Document).where(Document.file_id == stored.record.id)
            ).first()
            if existing is not None:
                return refs.make("D", existing.id)
        title = one_line(path.stem, TITLE_LIMIT) or path.name
        # The title and date the source itself gives (a page's headline, a PDF's title, a
        # photo's date) are better than a file name; the rest waits for the user's word.
        wanted = extracted.suggestions.keys() if accept_suggestions else _FROM_THE_SOURCE
        document = record_document(
            session, stored.record.id, title, kind, mime, extracted,
            language_guessed=True, folded_pages=read.folded_pages, taken=wanted,
        )  # fmt: skip
        if password and mime == "application/pdf":
            # Kept in the encrypted database: the bundle must open the PDF to copy its pages.
            document.pdf_password = password
        for person_id in person_ids or []:
            session.add(DocumentPerson(document_id=document.id, person_id=person_id))
        vault.record_custody(
            session,
            "document imported",
            refs.make("D", document.id),
            {"file": path.name, "sha256": stored.record.sha256, "mime": mime},
        )
        session.flush()
        return view_of(vault, document, person_ids or [], stored.record)


@contextmanager
def _stored_file(
    vault: Vault,
    path: Path,
    mime: str,
    follow_links: bool,
    cancelled: CancelCheck | None,
    written: Written | None,
) -> Iterator[tuple[Session, StoreResult]]:
    if written is not None:
        with vault.recording_file(
            written(), label=path.name, media_type=mime, cancelled=cancelled
        ) as recorded:
            yield recorded
        return
    with (
        open_source(path, follow_links) as (source, size),
        vault.adding_file(source, size, label=path.name, media_type=mime, cancelled=cancelled) as (
            recorded
        ),
    ):
        yield recorded


def preview(vault: Vault, document_id: int, page: int = 1) -> bytes:
    """What the viewer shows of a document's file: a photo as an upright PNG (HEIC decoded),
    any other file as it is. Read and converted in memory only."""
    with vault.session() as session:
        document = _get(session, document_id)
        file_id, mime = document.file_id, document.mime_type
        # A photo OCR found turned (a document shot sideways) is shown as it was read.
        turn = next((p.ocr_rotation or 0 for p in document.pages if p.page == page), 0)
    data = vault.read_bytes(file_id)
    if mime.startswith("image/"):
        from dossier.images import preview_png

        return preview_png(data, turn=turn, page=page)
    return data


def upright_page(vault: Vault, document_id: int, page: int) -> bytes:
    """A scanned PDF page as the viewer shows it once read: a PNG, turned upright as OCR
    found it needed (a page filed sideways reads sideways in the PDF viewer). Rendered in
    memory only."""
    with vault.session() as session:
        document = _get(session, document_id)
        file_id, password = document.file_id, document.pdf_password
        turn = next((p.ocr_rotation or 0 for p in document.pages if p.page == page), 0)
    from dossier.images import pdf_page_png

    return pdf_page_png(vault.read_bytes(file_id), page, password, turn=turn)


def pdf_passwords(vault: Vault, document_ids: list[int]) -> dict[int, str]:
    """The passwords protected PDFs were imported with, by document id (others are absent)."""
    with vault.session() as session:
        rows = session.execute(
            select(Document.id, Document.pdf_password).where(
                Document.id.in_(document_ids), Document.pdf_password.is_not(None)
            )
        )
        return {document_id: password for document_id, password in rows if password}


def record_document(
    session: Session,
    file_id: int,
    title: str,
    kind: str,
    mime: str,
    extracted: Extracted,
    *,
    language_guessed: bool = False,  # by reading.read_file: not guessed twice
    folded_pages: list[str] | None = None,  # the pages as indexed, when read.read_file folded them
    taken: Iterable[str] = (),  # suggestions taken at once: indexed as taken, not replaced
) -> Document:
    """A document row with its pages, indexed for search, in the caller's transaction."""
    suggestions = dict(extracted.suggestions)
    if (
        not language_guessed
        and "language" not in suggestions
        and (found := language_guess.of_pages(extracted.pages))
    ):
        suggestions["language"] = found
    document = Document(
        file_id=file_id,
        kind=kind,
        title=title,
        mime_type=mime,
        page_count=len(extracted.pages),
        confidential=False,
        suggestions=json.dumps(suggestions, ensure_ascii=False),
        warnings=json.dumps(extracted.warnings, ensure_ascii=False),
        created_at=utc_now(),
    )
    from dossier.services.ocr import needs_reading

    _apply(document, suggestions, taken)
    if needs_reading(mime, extracted.pages):
        document.ocr_state = "pending"  # its scanned pages wait for text recognition
    session.add(document)
    session.flush()
    # The pages as rows in one statement: the unit of work made an object of each page and
    # sorted them, a tenth of storing a document in the importing process.
    if extracted.pages:
        session.execute(
            insert(DocumentPage),
            [
                {"document_id": document.id, "page": number, "text": page}
                for number, page in enumerate(extracted.pages, 1)
            ],
        )
    texts: list[tuple[int | None, str, str | None]] = [
        (number, page_text, folded_pages[number - 1] if folded_pages is not None else None)
        for number, page_text in enumerate(extracted.pages, start=1)
        if page_text.strip()
    ]
    search.index_texts(session, "document", document.id, [*texts, (None, document.title, None)])
    return document


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
        return view_of(vault, document, people)


def update_document(vault: Vault, document_id: int, **fields: str | bool | None) -> DocumentView:
    """Change a document's details; None leaves a field as it is, "" clears it."""
    with vault.transaction() as session:
        document = _get(session, document_id)
        changed: dict[str, object] = {}
        for name, value in fields.items():
            if value is None:
                continue
            if name == "confidential":
                document.confidential = bool(value)
            elif name in EDITABLE:
                if isinstance(value, str):
                    value = without_controls(value)
                if (
                    name in ("title", "title_translated")
                    and isinstance(value, str)
                    and len(value) > TITLE_LIMIT
                ):
                    raise DossierError(
                        t(
                            "A title can be at most {limit} characters (this one has {count}): "
                            "shorten it, and put the rest in the description. It was not "
                            "changed.",
                            limit=TITLE_LIMIT,
                            count=len(value),
                        )
                    )
                if isinstance(value, str) and not value.strip():
                    if name == "title":
                        raise DossierError(t("A document needs a title; it was not changed."))
                    if name == "kind":
                        raise DossierError(t("A document needs a kind; it was not changed."))
                    value = None  # an emptied field is cleared, not ignored
                if name == "kind" and value not in DOCUMENT_KINDS:
                    raise DossierError(t('"{value}" is not a kind of document.', value=value))
                if name == "language" and value is not None and value not in DOCUMENT_LANGUAGES:
                    raise DossierError(
                        t(
                            '"{value}" is not a language this app knows. Known: {known}.',
                            value=value,
                            known=", ".join(f"{c} ({n})" for c, n in DOCUMENT_LANGUAGES.items()),
                        )
                    )
                if name in _DATE_FIELDS and isinstance(value, str):
                    value = dates.to_edtf(value)
                setattr(document, name, value)
            else:
                raise DossierError(f'A document has no field "{name}".')
            changed[name] = value
        vault.record_custody(session, "document changed", refs.make("D", document_id), changed)
        _reindex_title(session, document)
        return view_of(vault, document, _people(session, document_id))


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
        return view_of(vault, document, _people(session, document_id))


def list_documents(
    vault: Vault, person_id: int | None = None, *, only: Collection[int] | None = None
) -> list[DocumentView]:
    """Every document (or a person's, or ``only`` those), read in one session with three
    statements whatever their number: a session and two queries per document made a vault
    of 100,000 slow."""
    with vault.session() as session:
        query = (
            select(Document, StoredFile)
            .join(StoredFile, StoredFile.id == Document.file_id)
            .order_by(Document.id)
        )
        if person_id is not None:
            query = query.join(DocumentPerson).where(DocumentPerson.person_id == person_id)
        if only is not None:
            query = query.where(Document.id.in_(list(only)))
        rows = session.execute(query).all()
        people: dict[int, list[int]] = {}
        linked = select(DocumentPerson.document_id, DocumentPerson.person_id)
        if person_id is not None:
            mine = select(DocumentPerson.document_id).where(DocumentPerson.person_id == person_id)
            linked = linked.where(DocumentPerson.document_id.in_(mine))
        if only is not None:
            linked = linked.where(DocumentPerson.document_id.in_(list(only)))
        for document_id, linked_person in session.execute(linked):
            people.setdefault(document_id, []).append(linked_person)
        return [
            view_of(vault, document, sorted(people.get(document.id, [])), FileRecord.of(stored))
            for document, stored in rows
        ]


def show_document(vault: Vault, document_id: int) -> DocumentView:
    with vault.session() as session:
        return view_of(vault, _get(session, document_id), _people(session, document_id))


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
    search.unindex_page(session, "document", document.id, None)
    search.index_text(session, "document", document.id, None, document.title)


@dataclass(frozen=True)
class DeletionPlan:
    """What deleting a document takes with it: said in the confirmation, by name."""

    document: DocumentView
    quotes: list[str]  # Q refs taken from it
    translations: int
    events: list[str]  # E refs whose citations of it go (the events stay)
    cases: list[str]  # C refs it is an annex of

    @property
    def sentence(self) -> str:
        parts = [f'{self.document.ref} "{self.document.title}" (the file '
                 f"{self.document.original_name}, destroyed beyond recovery)"]  # fmt: skip
        if self.quotes:
            parts.append(f"its {len(self.quotes)} quote(s) ({', '.join(self.quotes)})")
        if self.translations:
            parts.append(f"its {self.translations} translation(s)")
        if self.events:
            parts.append(f"its citations in {', '.join(self.events)} (the events stay)")
        if self.cases:
            parts.append(f"its place among the annexes of {', '.join(self.cases)}")
        return "Deleting removes " + "; ".join(parts) + "."


def deletion_plan(vault: Vault, document_id: int) -> DeletionPlan:
    from storage.models import CaseExhibit, Citation, Event, Quote, Translation

    with vault.session() as session:
        document = _get(session, document_id)
        people = list(
            session.scalars(
                select(DocumentPerson.person_id).where(DocumentPerson.document_id == document_id)
            )
        )
        view = view_of(vault, document, people)
        quote_ids = list(session.scalars(select(Quote.id).where(Quote.document_id == document_id)))
        translations = len(
            session.scalars(
                select(Translation.id).where(Translation.document_id == document_id)
            ).all()
        )
        events = sorted(
            {
                event_id
                for event_id in session.scalars(
                    select(Citation.event_id).where(Citation.document_id == document_id)
                )
            }
        )
        known = set(session.scalars(select(Event.id).where(Event.id.in_(events))))
        cases = list(
            session.scalars(
                select(CaseExhibit.case_id).where(CaseExhibit.document_id == document_id)
            )
        )
    return DeletionPlan(
        view,
        [refs.make("Q", q) for q in quote_ids],
        translations,
        [refs.make("E", e) for e in events if e in known],
        [refs.make("C", c) for c in cases],
    )


def delete_document(vault: Vault, document_id: int) -> DeletionPlan:
    """Delete a document at the user's word: its record, quotes, translations, citations and
    annex places, its search entries, and its file (crypto-shredded: its key is destroyed).
    One transaction, recorded in the custody log with what went."""
    from storage.models import CaseExhibit, Citation, GroundLink, Quote

    plan = deletion_plan(vault, document_id)

    def records(session: Session) -> None:
        document = _get(session, document_id)
        quote_ids = list(session.scalars(select(Quote.id).where(Quote.document_id == document_id)))
        for citation in session.scalars(
            select(Citation).where(
                (Citation.document_id == document_id) | Citation.quote_id.in_(quote_ids)
            )
        ):
            session.delete(citation)
        links = (GroundLink.target_kind == "document") & (GroundLink.target_id == document_id)
        links |= (GroundLink.target_kind == "quote") & GroundLink.target_id.in_(quote_ids)
        for link in session.scalars(select(GroundLink).where(links)):
            session.delete(link)
        for quote_id in quote_ids:
            search.unindex(session, "quote", quote_id)
            quote = session.get(Quote, quote_id)
            if quote is not None:
                session.delete(quote)
        for annex in session.scalars(
            select(CaseExhibit).where(CaseExhibit.document_id == document_id)
        ):
            session.delete(annex)
        search.unindex(session, "document", document_id)
        session.delete(document)
        session.flush()
        vault.record_custody(
            session,
            "document deleted",
            refs.make("D", document_id),
            {
                "title": plan.document.title,
                "sha256": plan.document.sha256,
                "quotes": plan.quotes,
                "events": plan.events,
                "cases": plan.cases,
            },
        )

    vault.delete_file(plan.document.file_id, "document deleted by the user", also=records)
    return plan
