"""The vault: create, unlock, lock; store, read and delete encrypted files; verify."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import io
import json
import os
import shutil
import stat
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from sqlalchemy import Engine, select
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from storage import custody, database, last_seen, rotation
from storage.blobs import BlobFiles, CancelCheck, Progress, WrittenBlob, file_key_aad
from storage.durable import atomic_write, create_private, fsync_dir, is_out_of_space
from storage.errors import (
    BlobMissing,
    BlobTampered,
    Cancelled,
    DatabaseDamaged,
    DatabaseMissing,
    DatabaseRolledBack,
    DiskFull,
    FileAlreadyRecorded,
    HeaderDamaged,
    NotRemembered,
    SourceUnreadable,
    UnrecordedFileUnrecoverable,
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
from storage.lockfile import VaultLock, locks_may_not_be_shared
from storage.models import CustodyEntry, StoredFile
from storage.quarantine import NOTE_AAD, Quarantine
from storage.quarantine import UnrecordedFile as UnrecordedFile
from storage.stream import StreamCorrupt
from storage.verify import FileCheck as FileCheck
from storage.verify import Unfinished as Unfinished
from storage.verify import VerifyReport as VerifyReport
from storage.verify import unrecorded_sentence as unrecorded_sentence

# A rotated database waits under this suffix until the header that names it is in place.
# Binds a pending note (a file's wrapped key and name) to the file it belongs to.

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
class Snapshot:
    """A consistent copy of the database and the header and files that go with it."""

    database: Path  # an encrypted copy, under the vault's tmp folder
    header: VaultHeader
    backup_key: bytearray  # zeroed when the snapshot is left
    files: list[tuple[str, int]]  # (file name, size) of every file the copy records


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
        self._quarantine = Quarantine(self._files, lambda: self._require_keys().subkey("blob-wrap"))
        self._write_lock = threading.RLock()
        self._batch: _Batch | None = None
        self._readings: dict[int, Session] = {}  # reading(), by thread
        self._before_lock: list[Callable[[], object]] = []
        self._engine: Engine | None = database.open_engine(
            folder / database.DB_NAME, keys.database_key()
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
            if not params.is_sane():
                raise ValueError("Argon2id parameters below RFC 9106's floor or above the caps")
            header = VaultHeader(vault_id=vault_id, kdf=params, passphrase_wrap=b"")
            wrapped = wrap(derive_kek(passphrase, params), vault_key, header.passphrase_aad())
            keys = VaultKeys(vault_key, vault_id)
            header = replace(header, passphrase_wrap=wrapped).with_mac(keys.subkey("header-mac"))
            atomic_write(folder / HEADER_NAME, header.to_bytes())
            # SQLite gives its -wal and -shm files the database file's permissions.
            create_private(folder / database.DB_NAME).close()
            fsync_dir(folder)
            process_lock.hold(folder / database.DB_NAME)
            vault = cls(folder, header, keys, process_lock)
            vault._prepare_storage(creating=True)
            with vault.transaction() as session:
                custody.append(session, "vault created", "vault", {"format": 1})
            return vault
        except BaseException:
            process_lock.release()
            raise

    @classmethod
    def unlock(cls, folder: Path, passphrase: str, *, accept_older_database: bool = False) -> Vault:
        """Open with the passphrase.

        ``accept_older_database``: the user knowingly put back an older copy of the database;
        open it as it is and record that (otherwise DatabaseRolledBack is raised).
        """
        folder = Path(folder)
        VaultHeader.read(folder)  # not a vault: said before a lock file is written into it
        process_lock = VaultLock(folder)
        process_lock.acquire()  # the key file is read again once no other program can change it
        try:
            header = VaultHeader.read(folder)
            try:
                kek = derive_kek(passphrase, header.kdf)
                vault_key = unwrap(kek, header.passphrase_wrap, header.passphrase_aad())
            except UnwrapFailed as error:
                raise WrongPassphrase() from error
            return cls._open(folder, header, vault_key, process_lock, accept_older_database)
        except BaseException:
            process_lock.release()
            raise

    @classmethod
    def unlock_on_device(
        cls, folder: Path, keystore: DeviceKeyStore, *, accept_older_database: bool = False
    ) -> Vault:
        """Unlock with the secret remembered in this device's keyring (no passphrase)."""
        folder = Path(folder)
        VaultHeader.read(folder)  # not a vault: said before a lock file is written into it
        process_lock = VaultLock(folder)
        process_lock.acquire()  # the key file is read again once no other program can change it
        try:
            header = VaultHeader.read(folder)
            if header.device_wrap is None:
                raise NotRemembered()
            secret = keystore.get_secret(header.vault_id.hex())
            try:
                vault_key = unwrap(secret, header.device_wrap, header.device_aad())
            except UnwrapFailed as error:
                raise NotRemembered() from error
            return cls._open(folder, header, vault_key, process_lock, accept_older_database)
        except BaseException:
            process_lock.release()
            raise

    @classmethod
    def _open(
        cls,
        folder: Path,
        header: VaultHeader,
        vault_key: bytes,
        process_lock: VaultLock,
        accept_older_database: bool,
    ) -> Vault:
        keys = VaultKeys(vault_key, header.vault_id)
        if not header.mac_valid(keys.subkey("header-mac")):
            keys.wipe()
            raise HeaderDamaged()
        db_file = folder / database.DB_NAME
        rotation.finish(folder, keys.database_key())
        if not db_file.is_file() or db_file.stat().st_size == 0:
            # Checked before connecting: SQLite would create a new, empty database here.
            keys.wipe()
            raise DatabaseMissing(len(BlobFiles(folder).all_file_names()))
        try:
            process_lock.hold(db_file)  # vault.lock deleted would not let a second one in
        except BaseException:
            keys.wipe()
            raise
        vault = cls(folder, header, keys, process_lock)
        try:
            vault._prepare_storage(accept_older_database=accept_older_database)
        except BaseException:
            vault._close(release=False)
            raise
        return vault

    def _prepare_storage(
        self, *, creating: bool = False, accept_older_database: bool = False
    ) -> None:
        """Check the database is this vault's and current, bring its schema up to date (after a
        backup), and set aside what a crash left. Nothing stored is ever deleted here."""
        self._files.ensure_folders()
        _tighten_permissions(self.folder)
        engine = self._require_engine()
        previous = database.current_revision(engine)
        if previous is None and not creating:
            raise DatabaseMissing(len(self._files.all_file_names()))
        if not creating:
            self._check_not_rolled_back(accept_older_database)
        if database.needs_upgrade(engine):
            if previous is not None:
                self._backup_database_file(f"before-upgrade-from-{previous}")
            database.upgrade(engine)
        self._files.clear_temp()
        self._set_aside_unrecorded()

    def _check_not_rolled_back(self, accept: bool) -> None:
        """The database must hold the custody entry the header last saw, with the same hash."""
        recorded, expected = self._header.custody_seq, self._header.custody_hash
        try:
            with self.session() as session:
                head = session.scalars(
                    select(CustodyEntry).order_by(CustodyEntry.seq.desc()).limit(1)
                ).first()
                seen = session.get(CustodyEntry, recorded) if recorded is not None else None
                found = (head.seq, head.entry_hash) if head is not None else (0, "")
                matches = recorded is None or (seen is not None and seen.entry_hash == expected)
        except DatabaseDamaged:
            return  # the log's pages are damaged: the vault opens, and verify says so
        if not matches:
            assert recorded is not None
            if not accept:
                raise DatabaseRolledBack(recorded, found[0])
            with self.transaction() as session:
                custody.append(
                    session,
                    "older database accepted",
                    "vault",
                    {"recorded_changes": recorded, "database_changes": found[0]},
                )
        elif found[0] and (recorded is None or found[0] > recorded):
            self._header_follows(*found)  # a crash came between a commit and the header

    def _set_aside_unrecorded(self) -> None:
        try:
            known = self._known_file_names()
        except DatabaseDamaged:
            return  # without the list of records nothing can be judged unrecorded: verify
        set_aside = self._quarantine.set_aside(known, locks_may_not_be_shared(self.folder))
        if set_aside:
            with self.transaction() as session:
                custody.append(session, "unrecorded files set aside", "vault", {"files": set_aside})

    def _backup_database_file(self, reason: str) -> Path:
        folder = self.folder / BACKUPS_DIR
        folder.mkdir(mode=0o700, exist_ok=True)
        stamp = custody.utc_now().replace(":", "").replace(".", "")
        target = folder / f"vault-{reason}-{stamp}.db"
        temp = folder / (target.name + ".part")
        # At open nothing else reads the database, so the WAL folds in whole and the file
        # itself is a faithful copy; should a checkpoint be held back, take a snapshot instead.
        try:
            if database.checkpoint(self._require_engine()):
                source_path = self.folder / database.DB_NAME
                with open(source_path, "rb") as source, create_private(temp) as sink:
                    shutil.copyfileobj(source, sink, 1024 * 1024)
                    sink.flush()
                    os.fsync(sink.fileno())
            else:
                key = self._require_keys().database_key()
                database.snapshot(self._require_engine(), temp, key)
            temp.replace(target)
        finally:
            temp.unlink(missing_ok=True)
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
        for call in self._before_lock:
            with contextlib.suppress(Exception):  # nothing may stop a lock
                call()
        self._before_lock.clear()
        self._close(release=True)

    def before_lock(self, call: Callable[[], object]) -> None:
        """Run ``call`` while the vault is still open, just before it locks."""
        self._before_lock.append(call)

    # -------------------------------------------------------------------- last seen here
    def last_seen_tag(self) -> str:
        return last_seen.tag(self._require_keys().subkey(last_seen.PURPOSE), self.folder)

    def sealed_head(self) -> str:
        """How far the custody log reaches now, sealed under this vault's key."""
        with self.session() as session:
            now = last_seen.head(session, custody.utc_now())
        return last_seen.seal(self._require_keys().subkey(last_seen.PURPOSE), now)

    def custody_length(self) -> int:
        with self.session() as session:
            return custody.head_seq(session)

    def older_than(self, sealed: str) -> last_seen.SeenHead | None:
        """The head once seen, when this database no longer holds it (an older copy of the
        vault was put back); None when it does, or when ``sealed`` is not this vault's."""
        seen = last_seen.unseal(self._require_keys().subkey(last_seen.PURPOSE), sealed)
        if seen is None:
            return None
        with self.session() as session:
            return None if last_seen.holds(session, seen) else seen

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
        shared = self._readings.get(threading.get_ident())
        if shared is not None:  # inside reading(): the same moment of the vault
            yield shared
            return
        with _damage_reported(), self._sessions() as session:
            yield session

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Reads on this thread meanwhile share one session and one read transaction: what
        they see is one moment of the vault, whatever is committed meanwhile (an export's
        content was read over a dozen sessions, each a later moment)."""
        self._require_engine()
        ident = threading.get_ident()
        if ident in self._readings:
            yield
            return
        with _damage_reported(), self._sessions() as session, session.begin():
            self._readings[ident] = session
            try:
                yield
            finally:
                del self._readings[ident]

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A write transaction; one writer at a time, committed on leaving, rolled back on error.

        After a commit that added to the custody log, the header records the new head of the
        log, so that an older database put back later is recognised.
        """
        batch = self._batch
        if batch is not None and batch.thread == threading.get_ident():
            # Inside a batch (this thread's): a savepoint of its transaction, all or nothing
            # as before; committed with the batch.
            head = batch.session.info.get(custody.HEAD)
            try:
                with _damage_reported(), batch.session.begin_nested():
                    yield batch.session
            except BaseException:
                # Its custody entries are undone with it: so is the head they moved to (else
                # the header, written at the batch's commit, would run ahead of the log and
                # the next unlock take this database for an older copy put back).
                if head is None:
                    batch.session.info.pop(custody.HEAD, None)
                else:
                    batch.session.info[custody.HEAD] = head
                raise
            return
        with self._write_lock:
            self._require_engine()
            with _damage_reported():
                with self._sessions.begin() as session:
                    yield session
                head = session.info.pop(custody.HEAD, None)
            if head is not None:
                self._header_follows(*head)

    @contextmanager
    def batch(self, *, at_most: int = 32, seconds: float = 1.0) -> Iterator[None]:
        """What this thread writes meanwhile commits in batches: one transaction (its fsyncs,
        one header write) for up to ``at_most`` changes or ``seconds``, each change still all
        or nothing (a savepoint). Files added are durable before their records, as always: a
        batch lost to a crash leaves them recoverable (``unrecorded_files``), never lost.
        Other threads' writes wait at most one batch. Leaving commits what was done, also
        when an error ends it (the error is raised after)."""
        if self._batch is not None and self._batch.thread == threading.get_ident():
            yield  # already batching: joins it
            return
        self._open_batch(at_most, seconds)
        try:
            yield
        except BaseException:
            with contextlib.suppress(Exception):  # the error that ended it is the one said
                self._close_batch()
            raise
        self._close_batch()

    def commit_batch(self) -> None:
        """Commit what this thread's batch holds now (before reading it on another connection)."""
        batch = self._batch
        if batch is not None and batch.thread == threading.get_ident():
            self._close_batch()
            self._open_batch(batch.at_most, batch.seconds)

    def _open_batch(self, at_most: int, seconds: float) -> None:
        stack = contextlib.ExitStack()
        session = stack.enter_context(self.transaction())
        self._batch = _Batch(
            threading.get_ident(), stack, session, at_most, seconds, time.monotonic()
        )

    def _close_batch(self) -> None:
        batch, self._batch = self._batch, None
        assert batch is not None
        try:
            batch.stack.close()  # the commit, then the header follows the custody log
        except BaseException:
            for name in batch.kept:
                self._files.remove(name)  # their records were never committed
            raise
        for name in batch.kept:
            self._files.recorded(name)

    def _batch_due(self) -> None:
        batch = self._batch
        if batch is None or batch.thread != threading.get_ident():
            return
        batch.changes += 1
        if batch.changes >= batch.at_most or time.monotonic() - batch.started >= batch.seconds:
            self.commit_batch()

    def _header_follows(self, seq: int, entry_hash: str) -> None:
        # The database is committed first: after a crash the header may lag behind (harmless,
        # caught up at the next open), never run ahead. So the rename need not be persisted.
        header = replace(self._header, custody_seq=seq, custody_hash=entry_hash)
        self._write_header(header, sync_folder=False)

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
        with self.adding_file(
            source, size, label=label, media_type=media_type, progress=progress,
            cancelled=cancelled,
        ) as (_session, result):  # fmt: skip
            return result

    @contextmanager
    def adding_file(
        self,
        source: BinaryIO,
        size: int,
        *,
        label: str,
        media_type: str | None = None,
        progress: Progress | None = None,
        cancelled: CancelCheck | None = None,
    ) -> Iterator[tuple[Session, StoreResult]]:
        """Store a file and record it in the same transaction as whatever the caller adds.

        The file is written (with its key noted under ``pending/``) before the transaction; its
        record, the caller's rows and their custody entries commit together or not at all.
        """
        written = self.write_file(
            source, size, label=label, media_type=media_type, progress=progress,
            cancelled=cancelled,
        )  # fmt: skip
        with self.recording_file(written, label=label, media_type=media_type,
                                 cancelled=cancelled) as recorded:  # fmt: skip
            yield recorded

    def write_file(
        self,
        source: BinaryIO,
        size: int,
        *,
        label: str,
        media_type: str | None = None,
        progress: Progress | None = None,
        cancelled: CancelCheck | None = None,
    ) -> WrittenBlob:
        """The first half of ``adding_file``: the file encrypted and written, durably, its key
        noted under ``pending/`` — not yet in the vault. Safe in another thread than the one
        that records it (an import writes the next file while it records this one). Hand it
        to ``recording_file``, or to ``discard_written`` if it will not be recorded."""
        keys = self._require_keys()

        def note(file_name: str, key: bytes) -> bytes:
            body = json.dumps(
                {"key": base64.b64encode(key).decode(), "label": label, "media_type": media_type}
            ).encode()
            return wrap(keys.subkey("blob-wrap"), body, NOTE_AAD + file_name.encode())

        try:
            return self._files.write(source, size, progress, cancelled, note=note)
        except OSError as error:
            raise SourceUnreadable(label, error.strerror or str(error)) from error

    def discard_written(self, written: WrittenBlob) -> None:
        """A file written and never recorded (``write_file``) removed, with its note."""
        self._files.remove(written.file_name)

    @contextmanager
    def recording_file(
        self,
        written: WrittenBlob,
        *,
        label: str,
        media_type: str | None = None,
        cancelled: CancelCheck | None = None,
    ) -> Iterator[tuple[Session, StoreResult]]:
        """The second half of ``adding_file``: a file written by ``write_file`` recorded in
        one transaction with whatever the caller adds (removed if it is not)."""
        keep = False
        try:
            with self.transaction() as session:
                result = self._record(session, written, label, media_type, cancelled)
                yield session, result
            keep = not result.duplicate
        except BaseException as error:
            if is_out_of_space(error) or _is_database_full(error):
                raise DiskFull() from error
            raise
        finally:
            batch = self._batch
            if not keep:
                self._files.remove(written.file_name)  # never recorded: not in the vault
            elif batch is not None and batch.thread == threading.get_ident():
                batch.kept.append(written.file_name)  # its note goes once the batch commits
            else:
                self._files.recorded(written.file_name)
        self._batch_due()

    def _record(
        self,
        session: Session,
        written: WrittenBlob,
        label: str,
        media_type: str | None,
        cancelled: CancelCheck | None = None,
    ) -> StoreResult:
        keys = self._require_keys()
        tag = keyed_tag(keys.subkey("dedup"), bytes.fromhex(written.sha256))
        existing = session.scalars(
            select(StoredFile).where(StoredFile.dedup_tag == tag).limit(1)
        ).first()
        if existing is not None:
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
                keys.subkey("blob-wrap"), written.key, file_key_aad(written.file_name)
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
        return StoreResult(FileRecord.of(row), duplicate=False)

    # --------------------------------------------------------- files stored, never recorded
    def unrecorded_files(self) -> list[UnrecordedFile]:
        return self._quarantine.unrecorded_files()

    def read_unrecorded(self, name: str) -> Iterator[bytes]:
        """The plaintext of a quarantined file (to look at it or recover it)."""
        return self._quarantine.read(name)

    @contextmanager
    def recovering_file(self, name: str) -> Iterator[tuple[Session, StoreResult]]:
        """Record a quarantined file again, in one transaction with what the caller adds.

        Its content is decrypted and fingerprinted first: a damaged file is not recorded.
        """
        if name not in self._files.quarantined_names():
            raise KeyError(name)
        note = self._quarantine.note(name)
        if note is None:
            raise UnrecordedFileUnrecoverable(f"unnamed file {name[:8]}")
        if name in self._known_file_names():
            # Its record was committed after it was set aside: the file goes back, and
            # nothing is "recovered" (no second record, no second document).
            self._files.unquarantine(name)
            self._files.recorded(name)
            raise FileAlreadyRecorded(note["label"])
        digest, size = hashlib.sha256(), 0
        for segment in self.read_unrecorded(name):
            digest.update(segment)
            size += len(segment)
        written = WrittenBlob(name, base64.b64decode(note["key"]), digest.hexdigest(), size)
        self._files.unquarantine(name)
        recorded = False
        try:
            with self.transaction() as session:
                result = self._record(session, written, note["label"], note.get("media_type"))
                if not result.duplicate:
                    custody.append(
                        session, "unrecorded file recovered", f"file {result.record.id}",
                        {"label": note["label"], "sha256": written.sha256},
                    )  # fmt: skip
                yield session, result
            recorded = not result.duplicate
        finally:
            if recorded:
                self._files.recorded(name)
            else:
                self._files.quarantine(name)  # back where it was; the user still decides

    def discard_unrecorded(self, name: str) -> None:
        """Delete a quarantined file: only ever on the user's confirmed word."""
        label = next((f.label for f in self.unrecorded_files() if f.name == name), None)
        if label is None:
            raise KeyError(name)
        with self.transaction() as session:
            custody.append(session, "unrecorded file discarded", "vault", {"label": label})
        self._quarantine.discard(name)

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
        yield from self.read_recorded(label, file_name, wrapped)

    def read_recorded(self, label: str, file_name: str, wrapped: bytes) -> Iterator[bytes]:
        """``read_file`` of a record already read (verify reads every record at once)."""
        key = self._unwrap_file_key(label, file_name, wrapped)
        if not self._files.path_of(file_name).is_file():
            raise BlobMissing(label)
        try:
            yield from self._files.read(file_name, key)
        except StreamCorrupt as error:
            raise BlobTampered(label, str(error)) from error

    def read_bytes(self, file_id: int) -> bytes:
        return _gathered(self.read_file(file_id))

    def reader(self, file_ids: Iterable[int]) -> Callable[[int], bytes]:
        """``read_bytes`` for many files, their records read at once, now (a session and a
        query for each file cost ten times the decryption of a small one: an export of 1,000
        annexes spent 0.28 s only finding their records). A file not among them is read as
        by ``read_bytes``."""
        wanted = list(dict.fromkeys(file_ids))
        records: dict[int, tuple[str, str, bytes]] = {}
        columns = (StoredFile.id, StoredFile.label, StoredFile.file_name, StoredFile.wrapped_key)
        with self.session() as session:
            for start in range(0, len(wanted), _IDS_AT_ONCE):
                chunk = wanted[start : start + _IDS_AT_ONCE]
                for row in session.execute(select(*columns).where(StoredFile.id.in_(chunk))):
                    records[row.id] = (row.label, row.file_name, row.wrapped_key)

        def read(file_id: int) -> bytes:
            record = records.get(file_id)
            if record is None:
                return self.read_bytes(file_id)
            return _gathered(self.read_recorded(*record))

        return read

    def copy_out(self, file_id: int, destination: Path) -> None:
        """Write the original bytes to ``destination`` (only where the user asked for it)."""
        with open(destination, "wb") as sink:
            for segment in self.read_file(file_id):
                sink.write(segment)

    def delete_file(
        self,
        file_id: int,
        reason: str = "",
        also: Callable[[Session], None] | None = None,
    ) -> None:
        """Remove the record (and with it the only copy of the file's key), then the file.

        ``also`` runs in the same transaction first: the records that describe the file go
        with it, or nothing goes.
        """
        with self.transaction() as session:
            if also is not None:
                also(session)
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
            return unwrap(keys.subkey("blob-wrap"), wrapped, file_key_aad(file_name))
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
        self,
        progress: Progress | None = None,
        cancelled: CancelCheck | None = None,
        *,
        resume: bool = False,
    ) -> VerifyReport:
        """Decrypt every file and check its SHA-256; check the database and the custody chain
        (storage.verify). ``resume``: continue a verification stopped before its end."""
        from storage import verify

        return verify.verify(self, progress, cancelled, resume=resume)

    def unfinished_verification(self) -> Unfinished | None:
        """A verification stopped before its end, to be continued (storage.verify)."""
        from storage import verify

        return verify.unfinished(self)

    def integrity_problems(self) -> list[str]:
        """What SQLite's own check of the database's pages finds (empty: none)."""
        return database.integrity_problems(self._require_engine())

    def foreign_files(self) -> list[str]:
        """Files in the vault's folders it did not write (a .DS_Store): left where they are."""
        return self._files.foreign_files()

    def header_problems(self) -> list[str]:
        """Whether the database still holds the custody entry the key file last saw."""
        recorded, expected = self._header.custody_seq, self._header.custody_hash
        if recorded is None:
            return []
        with self.session() as session:
            seen = session.get(CustodyEntry, recorded)
            if seen is None or seen.entry_hash != expected:
                return [str(DatabaseRolledBack(recorded, custody.head_seq(session)))]
        return []

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

    def rotate_keys(
        self,
        passphrase: str,
        *,
        keystore: DeviceKeyStore | None = None,
        progress: Progress | None = None,
    ) -> int:
        """Replace the vault key: the database is re-encrypted, every file key rewrapped.

        Changing the passphrase only rewraps the vault key, so an old copy of the header (or
        an old backup) still opens the current database with the old passphrase. After this,
        it does not: the database is under a new key. Files keep their own keys (they are not
        rewritten); only their wrapped keys in the database change. Returns the file count.

        Crash-safe: the new database is written beside the old one as ``vault.db.next``; the
        new header is then put in place, and the rename finishes the switch (or the next open
        does, see ``storage.rotation.finish``).
        """
        old = self._require_keys()
        header = self._header
        try:
            unwrap(
                derive_kek(passphrase, header.kdf), header.passphrase_wrap, header.passphrase_aad()
            )
        except UnwrapFailed as error:
            raise WrongPassphrase() from error
        new = VaultKeys(os.urandom(32), header.vault_id)
        device_secret = None
        if header.device_wrap is not None and keystore is not None:
            device_secret = keystore.get_secret(self.vault_id)
        with self._write_lock:
            engine = self._require_engine()
            try:
                files, updated = rotation.rekeyed_copy(
                    self.folder, engine, header, old, new, passphrase, device_secret, progress
                )
                database.checkpoint(engine)
                engine.dispose()
                self._engine = None
            except BaseException:
                rotation.drop_copy(self.folder)
                new.wipe()
                if self._engine is None:
                    self._reopen_engine(old)
                raise
            # From here the new header names the new database: the switch completes even
            # after a crash (at the next open).
            atomic_write(self.folder / HEADER_NAME, updated.to_bytes(), self._files.tmp)
            rotation.finish(self.folder, new.database_key())
            old.wipe()
            self._keys, self._header = new, updated
            self._reopen_engine(new)
            self._process_lock.hold(self.folder / database.DB_NAME)  # the new file's
        with self.transaction() as session:
            custody.append(
                session, "keys rotated", "vault",
                {"files": files, "remembered": device_secret is not None},
            )  # fmt: skip
        return files

    def _check_passphrase(self, passphrase: str) -> None:
        header = self._header
        try:
            kek = derive_kek(passphrase, header.kdf)
            unwrap(kek, header.passphrase_wrap, header.passphrase_aad())
        except UnwrapFailed as error:
            raise WrongPassphrase() from error

    def _reopen_engine(self, keys: VaultKeys) -> None:
        self._engine = database.open_engine(self.folder / database.DB_NAME, keys.database_key())
        self._sessions = sessionmaker(self._engine, expire_on_commit=False)

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

    def _write_header(self, header: VaultHeader, *, sync_folder: bool = True) -> None:
        keys = self._require_keys()
        with self._write_lock:
            header = header.with_mac(keys.subkey("header-mac"))
            atomic_write(
                self.folder / HEADER_NAME, header.to_bytes(), self._files.tmp,
                sync_folder=sync_folder,
            )  # fmt: skip
            self._header = header

    # ------------------------------------------------------------------------ snapshot
    @contextmanager
    def snapshot(self) -> Iterator[Snapshot]:
        """A consistent copy of the database, with the header and the files it records.

        Taken with SQLite's online backup API, which reads through the WAL and so sees every
        committed change even while another session holds an older read transaction (copying
        the file after a checkpoint did not). Writers wait while it is taken; the copy is
        encrypted with the same key and removed on leaving.
        """
        keys = self._require_keys()
        copy = self._files.tmp / (os.urandom(16).hex() + ".snapshot")
        backup_key = keys.subkey_copy("backup")
        try:
            with self._write_lock:
                database.snapshot(self._require_engine(), copy, keys.database_key())
                header = replace(self._header, device_wrap=None).with_mac(keys.subkey("header-mac"))
            rows = database.query_copy(
                copy, keys.database_key(), "SELECT file_name, size FROM stored_files"
            )
            files = [(str(name), int(size)) for name, size in rows]
            yield Snapshot(copy, header, backup_key, files)
        finally:
            backup_key[:] = bytes(len(backup_key))  # the raw backup key, found after backups
            copy.unlink(missing_ok=True)

    def file_path(self, file_name: str) -> Path:
        """Where a stored file's encrypted bytes are (for the backup's archive)."""
        return self._files.path_of(file_name)


def _tighten_permissions(folder: Path) -> None:
    """Folders 0700, files 0600, whoever created them and whatever the umask was.

    With os.scandir and plain strings: at each unlock this looks at every file of the vault,
    and pathlib's objects made it 2.4 s for 100,000 files (bench/open_vault.py)."""
    if os.name != "posix":
        return
    waiting = [os.fspath(folder)]
    while waiting:
        try:
            with os.scandir(waiting.pop()) as listed:
                entries = list(listed)
        except OSError:
            continue
        for entry in entries:
            # Another program's file, a stick's file system without modes, a file gone since
            # the listing: none of them may stop the vault from opening.
            with contextlib.suppress(OSError):
                mode = entry.stat(follow_symlinks=False).st_mode
                if stat.S_ISLNK(mode):
                    continue
                wanted = 0o700 if stat.S_ISDIR(mode) else 0o600
                if stat.S_IMODE(mode) != wanted:
                    os.chmod(entry.path, wanted)  # noqa: PTH101 (a string: see above)
                if stat.S_ISDIR(mode):
                    waiting.append(entry.path)
    with contextlib.suppress(OSError):
        if stat.S_IMODE(folder.stat().st_mode) != 0o700:
            folder.chmod(0o700)


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


@dataclass
class _Batch:
    """An open batch of writes (``Vault.batch``): its transaction and the files it added."""

    thread: int
    stack: contextlib.ExitStack
    session: Session
    at_most: int
    seconds: float
    started: float
    changes: int = 0
    kept: list[str] = field(default_factory=list)


_IDS_AT_ONCE = 500  # ids in one query's IN (…), well under SQLite's limit on parameters


def _gathered(segments: Iterable[bytes]) -> bytes:
    # Grown segment by segment and handed over without a copy: ``b"".join`` of a 200 MB
    # file copied it in one call holding the GIL for ~0.4 s, freezing the window meanwhile.
    buffer = io.BytesIO()
    for segment in segments:
        buffer.write(segment)
    return buffer.getvalue()
