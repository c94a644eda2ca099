"""The vault: create, unlock, lock; store, read and delete encrypted files; verify."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from sqlalchemy import Engine, select
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from storage import custody, database
from storage.blobs import BlobFiles, CancelCheck, Progress
from storage.durable import atomic_write, fsync_dir, is_out_of_space
from storage.errors import (
    BlobMissing,
    BlobTampered,
    Cancelled,
    DatabaseDamaged,
    DiskFull,
    HeaderDamaged,
    NotRemembered,
    SourceUnreadable,
    VaultAlreadyExists,
    VaultLocked,
    WrongPassphrase,
)
from storage.header import HEADER_NAME, VaultHeader
from storage.keys import (
    KdfParams,
    UnwrapFailed,
    VaultKeys,
    calibrate_kdf,
    derive_kek,
    keyed_tag,
    unwrap,
    wrap,
)
from storage.keystore import DeviceKeyStore
from storage.lockfile import VaultLock
from storage.models import CustodyEntry, StoredFile
from storage.stream import StreamCorrupt

BACKUPS_DIR = "backups"


@dataclass(frozen=True)
class FileRecord:
    """What the vault knows of one stored file (never its key)."""

    id: int
    label: str
    media_type: str | None
    size: int
    sha256: str
    created_at: str
    last_verified_at: str | None
    last_verify_ok: bool | None

    @classmethod
    def of(cls, row: StoredFile) -> FileRecord:
        return cls(
            row.id,
            row.label,
            row.media_type,
            row.size,
            row.sha256,
            row.created_at,
            row.last_verified_at,
            row.last_verify_ok,
        )


@dataclass(frozen=True)
class StoreResult:
    record: FileRecord
    duplicate: bool  # True: the same bytes were already stored; nothing new was written


@dataclass(frozen=True)
class CustodyRecord:
    seq: int
    at: str
    action: str
    subject: str
    details: str
    entry_hash: str


@dataclass(frozen=True)
class FileCheck:
    file_id: int
    label: str
    ok: bool
    problem: str | None = None


@dataclass(frozen=True)
class VerifyReport:
    files: list[FileCheck]
    database_problems: list[str]
    custody_problems: list[str]
    custody_entries: int

    @property
    def ok(self) -> bool:
        return (
            all(check.ok for check in self.files)
            and not self.database_problems
            and not self.custody_problems
        )

    def problems(self) -> list[str]:
        found = [f'"{c.label}": {c.problem}' for c in self.files if not c.ok]
        return found + self.database_problems + self.custody_problems


def _ensure_new_folder(folder: Path) -> None:
    if (folder / HEADER_NAME).exists():
        raise VaultAlreadyExists()
    if folder.exists() and any(folder.iterdir()):
        raise VaultAlreadyExists("This folder is not empty; choose an empty folder for the vault.")
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)


class Vault:
    """An unlocked vault. Pass it explicitly; ``lock()`` drops every key it holds."""

    def __init__(
        self, folder: Path, header: VaultHeader, keys: VaultKeys, process_lock: VaultLock
    ) -> None:
        self.folder = folder
        self._header = header
        self._keys: VaultKeys | None = keys
        self._process_lock = process_lock
        self._files = BlobFiles(folder)
        self._write_lock = threading.RLock()
        self._engine: Engine | None = database.open_engine(
            folder / database.DB_NAME, keys.subkey("sqlcipher")
        )
        self._sessions = sessionmaker(self._engine, expire_on_commit=False)

    # ----------------------------------------------------------------- create, unlock, lock
    @classmethod
    def create(cls, folder: Path, passphrase: str, *, kdf: KdfParams | None = None) -> Vault:
        folder = Path(folder)
        _ensure_new_folder(folder)
        process_lock = VaultLock(folder)
        process_lock.acquire()
        try:
            vault_id = os.urandom(16)
            vault_key = os.urandom(32)
            params = kdf or calibrate_kdf()
            header = VaultHeader(vault_id=vault_id, kdf=params, passphrase_wrap=b"")
            wrapped = wrap(derive_kek(passphrase, params), vault_key, header.passphrase_aad())
            keys = VaultKeys(vault_key, vault_id)
            header = replace(header, passphrase_wrap=wrapped).with_mac(keys.subkey("header-mac"))
            atomic_write(folder / HEADER_NAME, header.to_bytes())
            fsync_dir(folder)
            vault = cls(folder, header, keys, process_lock)
            vault._prepare_storage()
            with vault.transaction() as session:
                custody.append(session, "vault created", "vault", {"format": 1})
            return vault
        except BaseException:
            process_lock.release()
            raise

    @classmethod
    def unlock(cls, folder: Path, passphrase: str) -> Vault:
        folder = Path(folder)
        header = VaultHeader.read(folder)
        process_lock = VaultLock(folder)
        process_lock.acquire()
        try:
            try:
                kek = derive_kek(passphrase, header.kdf)
                vault_key = unwrap(kek, header.passphrase_wrap, header.passphrase_aad())
            except UnwrapFailed as error:
                raise WrongPassphrase() from error
            return cls._open(folder, header, vault_key, process_lock)
        except BaseException:
            process_lock.release()
            raise

    @classmethod
    def unlock_on_device(cls, folder: Path, keystore: DeviceKeyStore) -> Vault:
        """Unlock with the secret remembered in this device's keyring (no passphrase)."""
        folder = Path(folder)
        header = VaultHeader.read(folder)
        if header.device_wrap is None:
            raise NotRemembered()
        secret = keystore.get_secret(header.vault_id.hex())
        process_lock = VaultLock(folder)
        process_lock.acquire()
        try:
            try:
                vault_key = unwrap(secret, header.device_wrap, header.device_aad())
            except UnwrapFailed as error:
                raise NotRemembered() from error
            return cls._open(folder, header, vault_key, process_lock)
        except BaseException:
            process_lock.release()
            raise

    @classmethod
    def _open(
        cls, folder: Path, header: VaultHeader, vault_key: bytes, process_lock: VaultLock
    ) -> Vault:
        keys = VaultKeys(vault_key, header.vault_id)
        if not header.mac_valid(keys.subkey("header-mac")):
            keys.wipe()
            raise HeaderDamaged()
        vault = cls(folder, header, keys, process_lock)
        try:
            vault._prepare_storage()
        except BaseException:
            vault._close(release=False)
            raise
        return vault

    def _prepare_storage(self) -> None:
        """Bring the schema up to date (after a backup) and clean up what a crash left."""
        self._files.ensure_folders()
        engine = self._require_engine()
        if database.needs_upgrade(engine):
            previous = database.current_revision(engine)
            if previous is not None:
                self._backup_database_file(f"before-upgrade-from-{previous}")
            database.upgrade(engine)
        self._files.clear_temp()
        known = self._known_file_names()
        for orphan in self._files.all_file_names() - known:
            # Written but never committed (a crash between rename and commit): not evidence.
            self._files.remove(orphan)

    def _backup_database_file(self, reason: str) -> Path:
        engine = self._require_engine()
        database.checkpoint(engine)
        folder = self.folder / BACKUPS_DIR
        folder.mkdir(mode=0o700, exist_ok=True)
        stamp = custody.utc_now().replace(":", "").replace(".", "")
        target = folder / f"vault-{reason}-{stamp}.db"
        temp = folder / (target.name + ".part")
        with open(self.folder / database.DB_NAME, "rb") as source, open(temp, "wb") as sink:
            shutil.copyfileobj(source, sink, 1024 * 1024)
            sink.flush()
            os.fsync(sink.fileno())
        temp.replace(target)
        fsync_dir(folder)
        return target

    @property
    def is_locked(self) -> bool:
        return self._keys is None

    @property
    def vault_id(self) -> str:
        return self._header.vault_id.hex()

    def lock(self) -> None:
        """Close the database and overwrite every key this object holds."""
        self._close(release=True)

    def _close(self, *, release: bool) -> None:
        with self._write_lock:
            if self._engine is not None:
                self._engine.dispose()
            self._engine = None
            if self._keys is not None:
                self._keys.wipe()
            self._keys = None
            if release:
                self._process_lock.release()

    def __enter__(self) -> Vault:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.lock()

    def _require_keys(self) -> VaultKeys:
        if self._keys is None:
            raise VaultLocked()
        return self._keys

    def _require_engine(self) -> Engine:
        if self._engine is None:
            raise VaultLocked()
        return self._engine

    # ------------------------------------------------------------------ database sessions
    @contextmanager
    def session(self) -> Iterator[Session]:
        """A read session. Use ``transaction()`` for changes."""
        self._require_engine()
        with _damage_reported(), self._sessions() as session:
            yield session

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A write transaction; one writer at a time, committed on leaving, rolled back on error."""
        with self._write_lock:
            self._require_engine()
            with _damage_reported(), self._sessions.begin() as session:
                yield session

    def record_custody(
        self, session: Session, action: str, subject: str, details: Mapping[str, object]
    ) -> None:
        custody.append(session, action, subject, details)

    # ------------------------------------------------------------------------- files
    def store_file(
        self,
        path: Path,
        *,
        label: str | None = None,
        media_type: str | None = None,
        progress: Progress | None = None,
        cancelled: CancelCheck | None = None,
    ) -> StoreResult:
        path = Path(path)
        try:
            size = path.stat().st_size
            source = open(path, "rb")  # noqa: SIM115 - closed below
        except OSError as error:
            raise SourceUnreadable(path.name, error.strerror or str(error)) from error
        with source:
            return self.store_stream(
                source,
                size,
                label=label or path.name,
                media_type=media_type,
                progress=progress,
                cancelled=cancelled,
            )

    def store_bytes(self, data: bytes, *, label: str, media_type: str | None = None) -> StoreResult:
        return self.store_stream(io.BytesIO(data), len(data), label=label, media_type=media_type)

    def store_stream(
        self,
        source: BinaryIO,
        size: int,
        *,
        label: str,
        media_type: str | None = None,
        progress: Progress | None = None,
        cancelled: CancelCheck | None = None,
    ) -> StoreResult:
        """Encrypt and store; durable and recorded in the custody log when this returns."""
        keys = self._require_keys()
        try:
            written = self._files.write(source, size, progress, cancelled)
        except OSError as error:
            raise SourceUnreadable(label, error.strerror or str(error)) from error
        tag = keyed_tag(keys.subkey("dedup"), bytes.fromhex(written.sha256))
        try:
            with self.transaction() as session:
                existing = session.scalars(
                    select(StoredFile).where(StoredFile.dedup_tag == tag).limit(1)
                ).first()
                if existing is not None:
                    self._files.remove(written.file_name)
                    return StoreResult(FileRecord.of(existing), duplicate=True)
                if cancelled is not None and cancelled():
                    raise Cancelled()
                row = StoredFile(
                    file_name=written.file_name,
                    label=label,
                    media_type=media_type,
                    size=written.size,
                    sha256=written.sha256,
                    dedup_tag=tag,
                    wrapped_key=wrap(
                        keys.subkey("blob-wrap"), written.key, self._file_aad(written.file_name)
                    ),
                    created_at=custody.utc_now(),
                )
                session.add(row)
                session.flush()
                custody.append(
                    session,
                    "file stored",
                    f"file {row.id}",
                    {"label": label, "sha256": written.sha256, "size": written.size},
                )
                record = FileRecord.of(row)
        except BaseException as error:
            self._files.remove(written.file_name)
            if is_out_of_space(error) or _is_database_full(error):
                raise DiskFull() from error
            raise
        return StoreResult(record, duplicate=False)

    @staticmethod
    def _file_aad(file_name: str) -> bytes:
        return b"file|" + file_name.encode("ascii")

    def files(self) -> list[FileRecord]:
        with self.session() as session:
            rows = session.scalars(select(StoredFile).order_by(StoredFile.id))
            return [FileRecord.of(row) for row in rows]

    def file(self, file_id: int) -> FileRecord:
        with self.session() as session:
            return FileRecord.of(self._row(session, file_id))

    def find_by_sha256(self, sha256: str) -> FileRecord | None:
        tag = keyed_tag(self._require_keys().subkey("dedup"), bytes.fromhex(sha256))
        with self.session() as session:
            row = session.scalars(select(StoredFile).where(StoredFile.dedup_tag == tag)).first()
            return FileRecord.of(row) if row is not None else None

    def read_file(self, file_id: int) -> Iterator[bytes]:
        """The plaintext, segment by segment; raises BlobTampered naming the item if altered."""
        with self.session() as session:
            row = self._row(session, file_id)
            label, file_name, wrapped = row.label, row.file_name, row.wrapped_key
        key = self._unwrap_file_key(label, file_name, wrapped)
        if not self._files.path_of(file_name).is_file():
            raise BlobMissing(label)
        try:
            yield from self._files.read(file_name, key)
        except StreamCorrupt as error:
            raise BlobTampered(label, str(error)) from error

    def read_bytes(self, file_id: int) -> bytes:
        return b"".join(self.read_file(file_id))

    def copy_out(self, file_id: int, destination: Path) -> None:
        """Write the original bytes to ``destination`` (only where the user asked for it)."""
        with open(destination, "wb") as sink:
            for segment in self.read_file(file_id):
                sink.write(segment)

    def delete_file(self, file_id: int, reason: str = "") -> None:
        """Remove the record (and with it the only copy of the file's key), then the file."""
        with self.transaction() as session:
            row = self._row(session, file_id)
            file_name = row.file_name
            custody.append(
                session,
                "file deleted",
                f"file {file_id}",
                {"label": row.label, "sha256": row.sha256, "reason": reason},
            )
            session.delete(row)
        self._files.remove(file_name)

    def _row(self, session: Session, file_id: int) -> StoredFile:
        row = session.get(StoredFile, file_id)
        if row is None:
            raise KeyError(file_id)
        return row

    def _unwrap_file_key(self, label: str, file_name: str, wrapped: bytes) -> bytes:
        keys = self._require_keys()
        try:
            return unwrap(keys.subkey("blob-wrap"), wrapped, self._file_aad(file_name))
        except UnwrapFailed as error:
            raise BlobTampered(label, "its key record was altered") from error

    def _known_file_names(self) -> set[str]:
        with self.session() as session:
            return set(session.scalars(select(StoredFile.file_name)))

    # ----------------------------------------------------------------------- custody
    def custody_log(self) -> list[CustodyRecord]:
        with self.session() as session:
            rows = session.scalars(select(CustodyEntry).order_by(CustodyEntry.seq))
            return [
                CustodyRecord(r.seq, r.at, r.action, r.subject, r.details, r.entry_hash)
                for r in rows
            ]

    # ------------------------------------------------------------------------ verify
    def verify(
        self, progress: Progress | None = None, cancelled: CancelCheck | None = None
    ) -> VerifyReport:
        """Decrypt every file and check its SHA-256; check the database and the custody chain."""
        database_problems = database.integrity_problems(self._require_engine())
        try:
            with self.session() as session:
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
            try:
                for segment in self.read_file(file_id):
                    digest.update(segment)
                if digest.hexdigest() != sha256:
                    problem = "its content no longer matches the fingerprint recorded at import"
            except (BlobTampered, BlobMissing, DatabaseDamaged) as error:
                problem = str(error)
            checks.append(FileCheck(file_id, label, problem is None, problem))
            done += size
            if progress is not None:
                progress(done, total)
        try:
            with self.session() as session:
                chain = custody.check_chain(session)
        except DatabaseDamaged as error:
            return VerifyReport(checks, database_problems or [str(error)], [], 0)
        report = VerifyReport(checks, database_problems, chain.problems, chain.entries)
        if database_problems:
            return report  # writing into a damaged database could spread the damage
        now = custody.utc_now()
        with self.transaction() as session:
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

    # ---------------------------------------------------------------- passphrase, device
    def change_passphrase(self, old: str, new: str) -> None:
        """Rewrap the vault key only: instant and atomic whatever the vault's size."""
        keys = self._require_keys()
        header = self._header
        try:
            unwrap(derive_kek(old, header.kdf), header.passphrase_wrap, header.passphrase_aad())
        except UnwrapFailed as error:
            raise WrongPassphrase() from error
        params = KdfParams.fresh(header.kdf.iterations, header.kdf.memory_kib, header.kdf.lanes)
        updated = replace(header, kdf=params, passphrase_wrap=b"")
        updated = replace(
            updated,
            passphrase_wrap=wrap(derive_kek(new, params), keys.vault_key, updated.passphrase_aad()),
        )
        self._write_header(updated)
        with self.transaction() as session:
            custody.append(session, "passphrase changed", "vault", {})

    def remember_on_device(self, keystore: DeviceKeyStore) -> None:
        keys = self._require_keys()
        secret = keystore.create_secret(self.vault_id)
        device_wrap = wrap(secret, keys.vault_key, self._header.device_aad())
        self._write_header(replace(self._header, device_wrap=device_wrap))
        with self.transaction() as session:
            custody.append(session, "remembered on this device", "vault", {})

    def forget_on_device(self, keystore: DeviceKeyStore) -> None:
        """Remove both halves: the wrapped key in the header and the secret in the keyring."""
        self._write_header(replace(self._header, device_wrap=None))
        keystore.delete_secret(self.vault_id)
        with self.transaction() as session:
            custody.append(session, "forgotten on this device", "vault", {})

    @property
    def remembered_on_device(self) -> bool:
        return self._header.device_wrap is not None

    def _write_header(self, header: VaultHeader) -> None:
        keys = self._require_keys()
        with self._write_lock:
            header = header.with_mac(keys.subkey("header-mac"))
            atomic_write(self.folder / HEADER_NAME, header.to_bytes(), self._files.tmp)
            self._header = header

    # ------------------------------------------------------------- for backup.py only
    def _backup_material(self) -> tuple[VaultHeader, bytes, list[tuple[str, int]]]:
        """The header to embed (device wrap removed), the backup key, and the stored files."""
        keys = self._require_keys()
        header = replace(self._header, device_wrap=None).with_mac(keys.subkey("header-mac"))
        with self.session() as session:
            names = [
                (row.file_name, row.size)
                for row in session.scalars(select(StoredFile).order_by(StoredFile.id))
            ]
        return header, keys.subkey("backup"), names

    def _blob_path(self, file_name: str) -> Path:
        return self._files.path_of(file_name)

    def _checkpoint(self) -> None:
        database.checkpoint(self._require_engine())

    @contextmanager
    def _writes_paused(self) -> Iterator[None]:
        with self._write_lock:
            yield


@contextmanager
def _damage_reported() -> Iterator[None]:
    """Turn SQLite's low-level "malformed" errors into the message a lawyer can act on."""
    try:
        yield
    except SQLAlchemyDatabaseError as error:
        if database.is_damage(error):
            raise DatabaseDamaged() from error
        raise


def _is_database_full(error: BaseException) -> bool:
    # SQLite reports a lack of space as SQLITE_FULL ("database or disk is full"), and a write
    # refused by the system (quota, file size limit) as SQLITE_IOERR ("disk I/O error").
    text = str(error)
    return isinstance(error, OperationalError) and ("is full" in text or "disk I/O error" in text)
