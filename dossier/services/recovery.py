"""Files stored but never recorded (a crash in between): list, recover as documents, discard.

The vault never deletes them on its own; it sets them aside, encrypted, in its quarantine
folder. Recovering one records the file again and rebuilds its document (text included); only
the user discards one, after a confirmation that names it.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import select

from dossier import refs
from dossier.importers import Extracted, detect_mime, importer_for
from dossier.services.documents import DocumentView, record_document, view_of
from storage.errors import FileAlreadyRecorded
from storage.models import Document
from storage.vault import UnrecordedFile, Vault, unrecorded_sentence

log = logging.getLogger(__name__)

__all__ = [
    "FileAlreadyRecorded", "UnrecordedFile", "discard", "recover", "unrecorded",
    "unrecorded_sentence",
]  # fmt: skip


def unrecorded(vault: Vault) -> list[UnrecordedFile]:
    return vault.unrecorded_files()


def recover(vault: Vault, name: str, *, kind: str = "other") -> DocumentView | str:
    """Record a set-aside file again as a document; returns it, or the ref it duplicates."""
    found = next((f for f in vault.unrecorded_files() if f.name == name), None)
    if found is None:
        raise KeyError(name)
    mime, extracted = _extract(vault, name, found.label)
    with vault.recovering_file(name) as (session, stored):
        existing = session.scalars(
            select(Document).where(Document.file_id == stored.record.id)
        ).first()
        if existing is not None:
            return refs.make("D", existing.id)
        document = record_document(
            session, stored.record.id, Path(found.label).stem or found.label, kind, mime, extracted
        )
        vault.record_custody(
            session,
            "document recovered",
            refs.make("D", document.id),
            {"file": found.label, "sha256": stored.record.sha256},
        )
        session.flush()
        return view_of(vault, document, [], stored.record)


def discard(vault: Vault, name: str) -> None:
    """Delete a set-aside file for good (the caller has confirmed it by its name)."""
    vault.discard_unrecorded(name)


def _extract(vault: Vault, name: str, label: str) -> tuple[str, Extracted]:
    with _in_memory_copy(vault, name) as path:
        if path is None:
            return "application/octet-stream", Extracted(
                [], warnings=["Its text could not be read back on this system."]
            )
        mime = detect_mime(path)
        importer = importer_for(mime)
        if importer is None:
            return mime, Extracted([], warnings=["This kind of file has no text to read."])
        try:
            return mime, importer.extract(path, None)
        except Exception as error:
            log.warning("recovery: %s while reading the text", type(error).__name__)
            return mime, Extracted([], warnings=["Its text could not be read."])


@contextmanager
def _in_memory_copy(vault: Vault, name: str) -> Iterator[Path | None]:
    """The plaintext as a file that exists only in memory (Linux memfd), never on disk."""
    if not hasattr(os, "memfd_create"):
        yield None
        return
    fd = os.memfd_create("recovered", os.MFD_CLOEXEC)
    try:
        with os.fdopen(fd, "wb", closefd=False) as sink:
            for segment in vault.read_unrecorded(name):
                sink.write(segment)
        os.lseek(fd, 0, os.SEEK_SET)
        yield Path(f"/proc/self/fd/{fd}")
    finally:
        os.close(fd)
