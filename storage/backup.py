"""Backup and restore: the whole vault as one encrypted, self-verifying archive file.

Layout: ``MAGIC``, a 4-byte length, the vault header (with no device key, so the backup opens
with the passphrase alone), then a STREAM-encrypted tar holding ``vault.db``, every stored file
and, last, ``manifest.json`` with the SHA-256 of each member. The stream's authentication makes
any change or truncation fail; the manifest proves nothing is missing.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import struct
import tarfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from storage.blobs import BLOBS_DIR, CancelCheck, Progress
from storage.durable import create_private, fsync_dir, is_out_of_space, publish, temp_path
from storage.errors import (
    BackupDamaged,
    Cancelled,
    DiskFull,
    HeaderDamaged,
    NotABackup,
    VaultAlreadyExists,
    VaultError,
    WrongPassphrase,
)
from storage.header import HEADER_NAME, VaultHeader
from storage.keys import UnwrapFailed, derive_kek, derive_subkey, unwrap
from storage.stream import DecryptingReader, EncryptingWriter, StreamCorrupt
from storage.vault import Vault, VerifyReport

MAGIC = b"EDBACKUP\x00\x01"
MANIFEST = "manifest.json"
_MEMBER = re.compile(r"^(vault\.db|blobs/[0-9a-f]{2}/[0-9a-f]{32}|manifest\.json)$")
_COPY_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    files: int
    bytes_written: int


def _tar_info(name: str, size: int) -> tarfile.TarInfo:
    # Fixed metadata: the archive reveals nothing about when or by whom files were made.
    info = tarfile.TarInfo(name)
    info.size = size
    info.mode = 0o600
    info.mtime = 0
    return info


class _HashingReader:
    def __init__(self, source: BinaryIO) -> None:
        self._source = source
        self.digest = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self._source.read(size)
        self.digest.update(data)
        return data


def create_backup(
    vault: Vault,
    destination: Path,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> BackupSummary:
    """Write the backup next to ``destination`` and move it into place only when complete."""
    destination = Path(destination)
    temp = temp_path(destination.parent, ".edbackup.part")
    manifest: dict[str, str] = {}
    try:
        # A consistent snapshot: the database as committed, exactly the files it records, and
        # the header of that moment. Writes go on as soon as the snapshot is taken.
        with vault.snapshot() as snap, create_private(temp) as sink:
            stored = snap.files
            header_bytes = snap.header.to_bytes()
            members = [("vault.db", snap.database)]
            members += [(f"{BLOBS_DIR}/{n[:2]}/{n}", vault.file_path(n)) for n, _ in stored]
            total = sum(path.stat().st_size for _, path in members)
            sink.write(MAGIC + struct.pack(">I", len(header_bytes)) + header_bytes)
            writer = EncryptingWriter(snap.backup_key, sink)
            done = 0
            with tarfile.open(fileobj=writer, mode="w|", format=tarfile.PAX_FORMAT) as archive:  # type: ignore[call-overload]
                for name, path in members:
                    if cancelled is not None and cancelled():
                        raise Cancelled("Backup cancelled; no backup file was written.")
                    with open(path, "rb") as source:
                        hashing = _HashingReader(source)
                        archive.addfile(_tar_info(name, path.stat().st_size), hashing)
                    manifest[name] = hashing.digest.hexdigest()
                    done += path.stat().st_size
                    if progress is not None:
                        progress(done, total)
                body = json.dumps({"members": manifest}, sort_keys=True).encode()
                archive.addfile(_tar_info(MANIFEST, len(body)), io.BytesIO(body))
            writer.finish()
            sink.flush()
            os.fsync(sink.fileno())
        publish(temp, destination)
    except BaseException as error:
        temp.unlink(missing_ok=True)
        if is_out_of_space(error):
            raise DiskFull("The disk is full: the backup was not written.") from error
        raise
    with vault.transaction() as session:
        vault.record_custody(
            session, "backup made", "vault", {"files": len(stored), "members": len(manifest)}
        )
    return BackupSummary(destination, len(stored), destination.stat().st_size)


def _read_backup_header(source: BinaryIO) -> VaultHeader:
    if source.read(len(MAGIC)) != MAGIC:
        raise NotABackup()
    length_bytes = source.read(4)
    if len(length_bytes) != 4:
        raise BackupDamaged()
    (length,) = struct.unpack(">I", length_bytes)
    if length > 64 * 1024:
        raise BackupDamaged()
    try:
        return VaultHeader.from_bytes(source.read(length))
    except HeaderDamaged as error:
        raise BackupDamaged() from error


def _backup_key(header: VaultHeader, passphrase: str) -> bytes:
    try:
        vault_key = unwrap(
            derive_kek(passphrase, header.kdf), header.passphrase_wrap, header.passphrase_aad()
        )
    except UnwrapFailed as error:
        raise WrongPassphrase(
            "The passphrase is not correct for this backup (it is the vault's passphrase at "
            "the time the backup was made). Nothing was written."
        ) from error
    mac_key = derive_subkey(vault_key, header.vault_id, "header-mac")
    if not header.mac_valid(mac_key):
        raise BackupDamaged()
    return derive_subkey(vault_key, header.vault_id, "backup")


def _extract(
    source: BinaryIO, key: bytes, target: Path | None, progress: Progress | None, total: int
) -> int:
    """Decrypt and check every member; write them under ``target`` unless it is None."""
    reader = DecryptingReader(key, source)
    seen: dict[str, str] = {}
    manifest: dict[str, str] | None = None
    try:
        with tarfile.open(fileobj=reader, mode="r|") as archive:  # type: ignore[call-overload]
            for member in archive:
                if not member.isfile() or not _MEMBER.match(member.name) or member.name in seen:
                    raise BackupDamaged()
                handle = archive.extractfile(member)
                assert handle is not None
                digest = hashlib.sha256()
                if member.name == MANIFEST:
                    body = handle.read()
                    digest.update(body)
                    manifest = json.loads(body)["members"]
                else:
                    sink: BinaryIO | None = None
                    if target is not None:
                        path = target / member.name
                        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
                        sink = create_private(path)
                    try:
                        while chunk := handle.read(_COPY_CHUNK):
                            digest.update(chunk)
                            if sink is not None:
                                sink.write(chunk)
                        if sink is not None:
                            sink.flush()
                            os.fsync(sink.fileno())
                    finally:
                        if sink is not None:
                            sink.close()
                seen[member.name] = digest.hexdigest()
                if progress is not None:
                    progress(min(source.tell(), total), total)
        # tar pads its end to a whole record; past that the stream must end, authenticated.
        padding = reader.read(64 * 1024)
        if padding.strip(b"\0") or not reader.at_end():
            raise BackupDamaged()
    except (StreamCorrupt, tarfile.TarError, ValueError, KeyError, TypeError) as error:
        raise BackupDamaged() from error
    seen.pop(MANIFEST, None)
    if manifest is None or manifest != seen or "vault.db" not in seen:
        raise BackupDamaged()
    return len(seen) - 1


def check_backup(archive: Path, passphrase: str) -> int:
    """Decrypt and check the whole backup without writing anything; returns its file count."""
    with open(archive, "rb") as source:
        header = _read_backup_header(source)
        key = _backup_key(header, passphrase)
        return _extract(source, key, None, None, archive.stat().st_size)


def restore_backup(
    archive: Path,
    target: Path,
    passphrase: str,
    progress: Progress | None = None,
) -> tuple[Vault, VerifyReport]:
    """Rebuild a vault in the new folder ``target`` and verify it; on any failure nothing stays."""
    archive, target = Path(archive), Path(target)
    if target.exists() and not target.is_dir():
        raise VaultAlreadyExists("Restore into a new, empty folder; the place given is a file.")
    if target.exists() and any(target.iterdir()):
        raise VaultAlreadyExists("Restore into a new, empty folder; this one is not empty.")
    created = not target.exists()
    target.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        with open(archive, "rb") as source:
            header = _read_backup_header(source)
            key = _backup_key(header, passphrase)
            _extract(source, key, target, progress, archive.stat().st_size)
        with open(target / HEADER_NAME, "wb") as handle:
            handle.write(header.to_bytes())
            handle.flush()
            os.fsync(handle.fileno())
        fsync_dir(target)
        vault = Vault.unlock(target, passphrase)
        report = vault.verify()
        with vault.transaction() as session:
            vault.record_custody(session, "restored from backup", "vault", {"ok": report.ok})
        return vault, report
    except BaseException as error:
        if created:
            shutil.rmtree(target, ignore_errors=True)
        else:
            for child in target.iterdir():
                shutil.rmtree(child) if child.is_dir() else child.unlink()
        if is_out_of_space(error):
            raise DiskFull("The disk is full: the backup was not restored.") from error
        if isinstance(error, VaultError | KeyboardInterrupt):
            raise
        raise BackupDamaged() from error


def restored_as_of(vault: Vault) -> str:
    """When the restored vault's newest change before the restore was recorded (UTC, ISO).

    A backup holds the vault as it was then: anything recorded later is not in it, and the
    user is told so plainly whenever a backup is restored.
    """
    restore_steps = ("vault verified", "restored from backup")
    entries = [e for e in vault.custody_log() if e.action not in restore_steps]
    return entries[-1].at[:16].replace("T", " ") + " UTC" if entries else ""
