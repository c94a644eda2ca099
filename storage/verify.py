"""Verifying a vault: every stored file decrypted and checked against its SHA-256, the
database's pages and the custody log's chain checked, what was set aside or left by others
listed; each file's last check recorded."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import select

from storage import custody
from storage.blobs import CancelCheck, Progress
from storage.errors import BlobMissing, BlobTampered, Cancelled, DatabaseDamaged
from storage.models import StoredFile

if TYPE_CHECKING:
    from storage.quarantine import UnrecordedFile
    from storage.vault import Vault

CONTENT_CHANGED = "its content no longer matches the fingerprint recorded at import"


@dataclass(frozen=True)
class FileCheck:
    file_id: int
    label: str
    ok: bool
    problem: str | None = None
    # The problem's sentence as (template, values), for a face to say in its own language.
    said: tuple[str, dict[str, str]] | None = None


@dataclass(frozen=True)
class VerifyReport:
    files: list[FileCheck]
    database_problems: list[str]
    custody_problems: list[str]
    custody_entries: int
    unrecorded: list[UnrecordedFile] = field(default_factory=list)
    # Files the vault did not write, found in its folders (a .DS_Store, say): left alone.
    foreign: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return (
            all(check.ok for check in self.files)
            and not self.database_problems
            and not self.custody_problems
            and not self.unrecorded
        )

    def problems(self) -> list[str]:
        found = [f'"{c.label}": {c.problem}' for c in self.files if not c.ok]
        if self.unrecorded:
            found.append(unrecorded_sentence(len(self.unrecorded)))
        return found + self.database_problems + self.custody_problems

    def notes(self) -> list[str]:
        """What is worth knowing but harms nothing."""
        if not self.foreign:
            return []
        return [foreign_files_sentence(self.foreign)]


def foreign_files_sentence(paths: list[str]) -> str:
    shown = ", ".join(paths[:5]) + (f" and {len(paths) - 5} more" if len(paths) > 5 else "")
    return (
        f"Found in the vault's folder but not written by the program, and left as they are: "
        f"{shown}. Another program (a file manager, say) put them there; they do no harm."
    )


def unrecorded_sentence(count: int) -> str:
    files = "1 file was" if count == 1 else f"{count} files were"
    return (
        f"{files} stored but never recorded (the program stopped in between, or an older copy of "
        "the database was put back). They are kept, encrypted, until you recover or discard "
        "them."
    )


def verify(
    vault: Vault, progress: Progress | None = None, cancelled: CancelCheck | None = None
) -> VerifyReport:
    """Decrypt every file and check its SHA-256; check the database and the custody chain."""
    database_problems = vault.integrity_problems()
    try:
        with vault.session() as session:
            items = [
                (row.id, row.label, row.sha256, row.size)
                for row in session.scalars(select(StoredFile).order_by(StoredFile.id))
            ]
    except DatabaseDamaged as error:
        # The list of files itself is unreadable: report what the page check found.
        return VerifyReport([], database_problems or [str(error)], [], 0)
    total = sum(item[3] for item in items)
    done = 0
    checks: list[FileCheck] = []
    for file_id, label, sha256, size in items:
        if cancelled is not None and cancelled():
            raise Cancelled("Verification cancelled.")
        digest = hashlib.sha256()
        problem: str | None = None
        said: tuple[str, dict[str, str]] | None = None
        try:
            for segment in vault.read_file(file_id):
                digest.update(segment)
            if digest.hexdigest() != sha256:
                problem = CONTENT_CHANGED
                said = (CONTENT_CHANGED, {})
        except (BlobTampered, BlobMissing, DatabaseDamaged) as error:
            problem = str(error)
            said = (error.template, {k: str(v) for k, v in error.values.items()})
        checks.append(FileCheck(file_id, label, problem is None, problem, said))
        done += size
        if progress is not None:
            progress(done, total)
    try:
        with vault.session() as session:
            chain = custody.check_chain(session)
    except DatabaseDamaged as error:
        return VerifyReport(checks, database_problems or [str(error)], [], 0)
    custody_problems = chain.problems + vault.header_problems()
    report = VerifyReport(
        checks,
        database_problems,
        custody_problems,
        chain.entries,
        vault.unrecorded_files(),
        vault.foreign_files(),
    )
    if database_problems:
        return report  # writing into a damaged database could spread the damage
    now = custody.utc_now()
    with vault.transaction() as session:
        for check in checks:
            row = session.get(StoredFile, check.file_id)
            if row is not None:
                row.last_verified_at = now
                row.last_verify_ok = check.ok
        custody.append(
            session,
            "vault verified",
            "vault",
            {"files": len(checks), "problems": len(report.problems())},
        )
    return report
