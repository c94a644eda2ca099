"""The vault's tables (SQLAlchemy 2 ORM). Changes to them go through an Alembic migration."""

from __future__ import annotations

from sqlalchemy import Float, ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class StoredFile(Base):
    """One encrypted file under ``blobs/``. Deleting the row crypto-shreds the file."""

    __tablename__ = "stored_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(String(32), unique=True)
    label: Mapped[str] = mapped_column(Text)
    media_type: Mapped[str | None] = mapped_column(String(255))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    # HMAC of the SHA-256 under a vault subkey: finds duplicates without a plain hash index.
    dedup_tag: Mapped[str] = mapped_column(String(64), index=True)
    # The file's own random key, wrapped by the vault's blob-wrap key, bound to file_name.
    wrapped_key: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[str] = mapped_column(String(32))
    last_verified_at: Mapped[str | None] = mapped_column(String(32))
    last_verify_ok: Mapped[bool | None]


class CustodyEntry(Base):
    """One entry of the append-only, hash-chained custody log (triggers forbid edits)."""

    __tablename__ = "custody_log"

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(64))
    subject: Mapped[str] = mapped_column(Text)
    details: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64))


class ExportInProgress(Base):
    """A folder an export is writing into (its part file is plaintext): removed when the
    export ends; one left behind means the export was killed, and its part is swept."""

    __tablename__ = "exports_in_progress"

    id: Mapped[int] = mapped_column(primary_key=True)
    folder: Mapped[str] = mapped_column(Text)
    started_at: Mapped[str] = mapped_column(String(32))


class SigningCertificate(Base):
    """The certificate and key the program made for the lawyer (PKCS#12, no password: the
    encrypted database is its lock). The latest one signs."""

    __tablename__ = "signing_certificates"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    pkcs12: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[str] = mapped_column(String(32))


# ------------------------------------------------------------------------ the evidence model
class Person(Base):
    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text)  # as used in filings
    native_name: Mapped[str | None] = mapped_column(Text)
    birth_date: Mapped[str | None] = mapped_column(String(64))  # EDTF
    nationality: Mapped[str | None] = mapped_column(Text)
    role: Mapped[str | None] = mapped_column(String(64))
    photo_file_id: Mapped[int | None] = mapped_column(ForeignKey("stored_files.id"))
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[str] = mapped_column(String(32))
    birth_place: Mapped[str | None] = mapped_column(Text)
    identity_document: Mapped[str | None] = mapped_column(Text)  # "Passport AC1234567, KG"
    correspondence_address: Mapped[str | None] = mapped_column(Text)

    aliases: Mapped[list[PersonAlias]] = relationship(
        back_populates="person", cascade="all, delete-orphan", order_by="PersonAlias.id"
    )


class PersonAlias(Base):
    __tablename__ = "person_aliases"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(Text)
    person: Mapped[Person] = relationship(back_populates="aliases")


class Organisation(Base):
    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(32))  # outlet, ngo, court, agency, other
    country: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str] = mapped_column(Text, default="")


class Case(Base):
    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    requesting_country: Mapped[str | None] = mapped_column(Text)
    notice_type: Mapped[str | None] = mapped_column(String(32))
    notice_reference: Mapped[str | None] = mapped_column(Text)
    representative_name: Mapped[str | None] = mapped_column(Text)
    representative_firm: Mapped[str | None] = mapped_column(Text)
    representative_address: Mapped[str | None] = mapped_column(Text)
    representative_bar_number: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(32), default="draft")
    summary: Mapped[str] = mapped_column(Text, default="")
    arguments: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[str] = mapped_column(String(32))
    # The forum's own particulars by name, as JSON (migration 0010; see dossier.forums).
    particulars: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")
    # The pleading: the lawyer's statement of facts and the relief sought, who signs it.
    facts: Mapped[str | None] = mapped_column(Text)
    relief: Mapped[str | None] = mapped_column(Text)
    notice_known_how: Mapped[str | None] = mapped_column(Text)
    representative_phone: Mapped[str | None] = mapped_column(Text)
    representative_email: Mapped[str | None] = mapped_column(Text)
    signatory_name: Mapped[str | None] = mapped_column(Text)
    signatory_capacity: Mapped[str | None] = mapped_column(Text)
    signed_place: Mapped[str | None] = mapped_column(Text)
    signed_date: Mapped[str | None] = mapped_column(Text)  # EDTF; the export day when empty
    served_on: Mapped[str | None] = mapped_column(Text)  # US: who the filing is served on
    working_language: Mapped[str | None] = mapped_column(Text)  # the request's language


class CaseExhibit(Base):
    """A document annexed to a case: its place in the case's own order, and its section."""

    __tablename__ = "case_exhibits"

    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
    )
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int]
    section: Mapped[str | None] = mapped_column(Text)


class Document(Base):
    """An exhibit: the original file as imported, its text per page and what describes it."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    file_id: Mapped[int] = mapped_column(ForeignKey("stored_files.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(Text)
    # The title in the filings' working language, for the list of annexes (migration 0008).
    title_translated: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    date_published: Mapped[str | None] = mapped_column(String(64))  # EDTF
    date_accessed: Mapped[str | None] = mapped_column(String(64))  # EDTF
    language: Mapped[str | None] = mapped_column(String(16))
    mime_type: Mapped[str] = mapped_column(String(128))
    page_count: Mapped[int]
    confidential: Mapped[bool] = mapped_column(default=False)
    # Metadata found in the file, offered to the user to confirm (JSON object).
    suggestions: Mapped[str] = mapped_column(Text, default="{}")
    warnings: Mapped[str] = mapped_column(Text, default="[]")
    created_at: Mapped[str] = mapped_column(String(32))
    # The password a protected PDF was imported with (the database is encrypted): the bundle
    # needs its pages.
    pdf_password: Mapped[str | None] = mapped_column(Text)
    # Reading scanned pages: None (not needed), "pending", "done", "failed" (ocr_problem says
    # so, in words).
    ocr_state: Mapped[str | None] = mapped_column(String(16))
    ocr_problem: Mapped[str | None] = mapped_column(Text)

    pages: Mapped[list[DocumentPage]] = relationship(
        cascade="all, delete-orphan", order_by="DocumentPage.page"
    )


class DocumentPage(Base):
    __tablename__ = "document_pages"

    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    page: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    # "file": the file's own text; "ocr": read from the page's image (engine, languages, the
    # mean word confidence 0–100, the quarter turns that stood it up, and each word's box as
    # fractions of the upright page, JSON [[word, left, top, right, bottom], …]).
    origin: Mapped[str] = mapped_column(String(16), default="file", server_default="file")
    ocr_engine: Mapped[str | None] = mapped_column(String(64))
    ocr_languages: Mapped[str | None] = mapped_column(String(64))
    ocr_confidence: Mapped[float | None] = mapped_column(Float)
    ocr_rotation: Mapped[int | None]
    ocr_words: Mapped[str | None] = mapped_column(Text)


class DocumentPerson(Base):
    __tablename__ = "document_people"

    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class OrganisationPerson(Base):
    """Someone of an organisation (a newsroom's journalist, an NGO's lawyer), with a role."""

    __tablename__ = "organisation_people"

    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str | None] = mapped_column(Text)


class DocumentOrganisation(Base):
    __tablename__ = "document_organisations"

    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True
    )


class Translation(Base):
    __tablename__ = "translations"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    language: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    translator: Mapped[str | None] = mapped_column(Text)
    certification: Mapped[str | None] = mapped_column(Text)  # a signature line, if certified
    date: Mapped[str | None] = mapped_column(String(64))
    translator_address: Mapped[str | None] = mapped_column(Text)
    translator_phone: Mapped[str | None] = mapped_column(Text)
    qualifications: Mapped[str | None] = mapped_column(Text)


class Quote(Base):
    __tablename__ = "quotes"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    page: Mapped[int | None]
    found_in_document: Mapped[bool] = mapped_column(default=False)
    # Found in text read from a scan, allowing for misread letters: to compare with the scan.
    matched_ocr: Mapped[bool] = mapped_column(default=False, server_default="0")
    speaker: Mapped[str | None] = mapped_column(Text)
    date_said: Mapped[str | None] = mapped_column(String(64))  # EDTF
    translation: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[str] = mapped_column(String(32))


class QuotePerson(Base):
    __tablename__ = "quote_people"

    quote_id: Mapped[int] = mapped_column(
        ForeignKey("quotes.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True
    )


class Event(Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    date: Mapped[str] = mapped_column(String(64))  # EDTF, exactly as precise as the source
    sort_key: Mapped[str] = mapped_column(String(32), index=True)
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[str] = mapped_column(String(32))
    # Why this date stands when sources disagreed (printed as a footnote).
    date_note: Mapped[str] = mapped_column(Text, default="")

    citations: Mapped[list[Citation]] = relationship(
        cascade="all, delete-orphan", order_by="Citation.id"
    )


class EventPerson(Base):
    __tablename__ = "event_people"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True
    )


class Citation(Base):
    """A pinpoint reference from an event to a document page or a quote."""

    __tablename__ = "citations"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"))
    quote_id: Mapped[int | None] = mapped_column(ForeignKey("quotes.id"))
    page: Mapped[int | None]


class Ground(Base):
    """A legal ground of a case (from its kind's template) and the evidence linked to it."""

    __tablename__ = "grounds"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(Text)
    explanation: Mapped[str] = mapped_column(Text, default="")
    argument: Mapped[str] = mapped_column(Text, default="")  # the lawyer's own argument


class GroundLink(Base):
    __tablename__ = "ground_links"

    ground_id: Mapped[int] = mapped_column(
        ForeignKey("grounds.id", ondelete="CASCADE"), primary_key=True
    )
    target_kind: Mapped[str] = mapped_column(String(16), primary_key=True)  # document/quote/event
    target_id: Mapped[int] = mapped_column(primary_key=True)
