"""Verifying a vault: every stored file decrypted and checked against its SHA-256, the
database's pages and the custody log's chain checked, what was set aside or left by others
listed; each file's last check recorded."""

from __future__ import annotations

import hashlib
import os
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from storage import custody
from storage.blobs import CancelCheck, Progress
from storage.errors import BlobMissing, BlobTampered, Cancelled, DatabaseDamaged
from storage.models import CustodyEntry, StoredFile

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
    # Files found intact by an earlier verification, stopped before its end, that this one
    # continued (they were not read again).
    continued: int = 0

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
        notes = []
        if self.continued:
            notes.append(
                f"This continued a verification stopped before its end: {self.continued} "
                "files it had found intact were not read again."
            )
        if self.foreign:
            notes.append(foreign_files_sentence(self.foreign))
        return notes


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


VERIFIED = "vault verified"  # the custody entry of a verification that reached its end
_RECORD_EVERY = 256  # files checked between two writes of their results
_RECORD_SECONDS = 2.0  # … or seconds


@dataclass(frozen=True)
class Unfinished:
    """A verification stopped before its end (cancelled, or the program closed)."""

    began: str  # when it checked its first file (UTC, ISO)
    intact: int  # files it found intact: a verification that continues it skips them
    files: int  # stored files in all


@dataclass(frozen=True)
class _Stored:
    id: int
    label: str
    file_name: str
    wrapped: bytes
    sha256: str
    size: int
    verified_at: str | None
    verified_ok: bool | None


def unfinished(vault: Vault) -> Unfinished | None:
    """The verification stopped before its end since the last one that reached it, if any."""
    with vault.session() as session:
        finished = _last_finished(session)
        query = select(func.min(StoredFile.last_verified_at), func.count()).where(
            StoredFile.last_verify_ok.is_(True), StoredFile.last_verified_at.is_not(None)
        )
        if finished is not None:
            query = query.where(StoredFile.last_verified_at > finished)
        began, intact = session.execute(query).one()
        if not intact:
            return None
        files = session.scalar(select(func.count()).select_from(StoredFile)) or 0
    return Unfinished(str(began), intact, files)


def _last_finished(session: Session) -> str | None:
    return session.scalar(select(func.max(CustodyEntry.at)).where(CustodyEntry.action == VERIFIED))


def verify(
    vault: Vault,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    *,
    resume: bool = False,
) -> VerifyReport:
    """Decrypt every file and check its SHA-256; check the database and the custody chain.

    Each file's result is written as the verification goes (every few hundred files or
    seconds), so one stopped before its end can be continued (``resume``): the files it
    found intact are not read again."""
    database_problems = vault.integrity_problems()
    try:
        with vault.session() as session:
            columns = (
                StoredFile.id, StoredFile.label, StoredFile.file_name, StoredFile.wrapped_key,
                StoredFile.sha256, StoredFile.size, StoredFile.last_verified_at,
                StoredFile.last_verify_ok,
            )  # fmt: skip
            # The columns only (no ORM objects: a fifth of the time for 4,000 small files).
            items = [
                _Stored(*row) for row in session.execute(select(*columns).order_by(StoredFile.id))
            ]
            finished = _last_finished(session) if resume else None
    except DatabaseDamaged as error:
        # The list of files itself is unreadable: report what the page check found.
        return VerifyReport([], database_problems or [str(error)], [], 0)
    skipped = {item.id for item in items if resume and _checked_since(item, finished)}
    total = sum(item.size for item in items)
    done = sum(item.size for item in items if item.id in skipped)
    found: dict[int, FileCheck] = {}
    unrecorded: list[FileCheck] = []
    last_written = time.monotonic()
    writing = not database_problems  # writing into a damaged database could spread the damage

    def stop() -> bool:
        return cancelled is not None and cancelled()

    try:
        for item, check in _checked(vault, [i for i in items if i.id not in skipped], stop):
            found[item.id] = check
            unrecorded.append(check)
            done += item.size
            if progress is not None:
                progress(done, total)
            if writing and (
                len(unrecorded) >= _RECORD_EVERY
                or time.monotonic() - last_written > _RECORD_SECONDS
            ):
                _record(vault, unrecorded)
                unrecorded, last_written = [], time.monotonic()
    except Cancelled:
        if writing:
            _record(vault, unrecorded)  # kept, for a verification that continues this one
        raise
    checks = [found.get(item.id) or FileCheck(item.id, item.label, True) for item in items]
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
        continued=len(skipped),
    )
    if not writing:
        return report
    with vault.transaction() as session:
        _write(session, unrecorded)
        details = {"files": len(checks), "problems": len(report.problems())}
        if skipped:
            details["found intact before it was stopped"] = len(skipped)
        custody.append(session, VERIFIED, "vault", details)
    return report


def _checked_since(item: _Stored, finished: str | None) -> bool:
    """Found intact by the verification stopped after ``finished`` (the last one that ended)."""
    if not item.verified_ok or item.verified_at is None:
        return False
    return finished is None or item.verified_at > finished


# Files read at once: AES-GCM and SHA-256 let go of Python's lock while they work, so each
# core decrypts and hashes a file of its own (one thread: 0.77 of the machine's rate for one
# core; see bench/verify.py).
_THREADS = max(1, min(4, os.cpu_count() or 1))


_GROUP_BYTES = 4 * 1024 * 1024  # small files go to a thread together: one task per ~4 MB


def _checked(
    vault: Vault, items: list[_Stored], stop: Callable[[], bool]
) -> Iterator[tuple[_Stored, FileCheck]]:
    """Each file checked, in order; Cancelled once ``stop`` says so (a file being read stops
    at its next segment). Large files go to threads, a few ahead; runs of small files are
    checked by the calling thread meanwhile — their Python work would only make the threads
    wait on each other (4,000 files of 40 kB: 0.45 s in one thread, 0.60 s in two)."""
    with ThreadPoolExecutor(_THREADS, thread_name_prefix="verify") as pool:
        ahead: deque[tuple[list[_Stored], Future[list[FileCheck]] | None]] = deque()
        groups = _groups(items)
        try:
            while True:
                while len(ahead) < 2 * _THREADS and (group := next(groups, None)) is not None:
                    large = group[0].size >= _GROUP_BYTES
                    ahead.append(
                        (group, pool.submit(_check_all, vault, group, stop) if large else None)
                    )
                if not ahead:
                    return
                if stop():
                    raise Cancelled("Verification cancelled.")
                group, future = ahead.popleft()
                checks = future.result() if future is not None else _check_all(vault, group, stop)
                yield from zip(group, checks, strict=True)
        finally:
            for _, pending in ahead:
                if pending is not None:
                    pending.cancel()


def _groups(items: list[_Stored]) -> Iterator[list[_Stored]]:
    """The files in runs of about _GROUP_BYTES (a large file alone): a task per small file
    cost more in handing over than in checking (4,000 files of 40 kB: 0.21 of the rate)."""
    group: list[_Stored] = []
    size = 0
    for item in items:
        group.append(item)
        size += item.size
        if size >= _GROUP_BYTES:
            yield group
            group, size = [], 0
    if group:
        yield group


def _check_all(vault: Vault, items: list[_Stored], stop: Callable[[], bool]) -> list[FileCheck]:
    return [_check(vault, item, stop) for item in items]


def _check(vault: Vault, item: _Stored, stop: Callable[[], bool]) -> FileCheck:
    digest = hashlib.sha256()
    try:
        for segment in vault.read_recorded(item.label, item.file_name, item.wrapped):
            if stop():
                raise Cancelled("Verification cancelled.")
            digest.update(segment)
    except (BlobTampered, BlobMissing, DatabaseDamaged) as error:
        said = (error.template, {k: str(v) for k, v in error.values.items()})
        return FileCheck(item.id, item.label, False, str(error), said)
    if digest.hexdigest() != item.sha256:
        return FileCheck(item.id, item.label, False, CONTENT_CHANGED, (CONTENT_CHANGED, {}))
    return FileCheck(item.id, item.label, True)


def _record(vault: Vault, checks: list[FileCheck]) -> None:
    if checks:
        with vault.transaction() as session:
            _write(session, checks)


def _write(session: Session, checks: list[FileCheck]) -> None:
    """Each file's result, in one statement for all of them."""
    if not checks:
        return
    now = custody.utc_now()
    session.execute(
        update(StoredFile),
        [{"id": c.file_id, "last_verified_at": now, "last_verify_ok": c.ok} for c in checks],
    )
