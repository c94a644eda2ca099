"""Rotating a vault's key: the database re-encrypted under a new key, every file key
rewrapped, written beside the old database as ``vault.db.next``; the vault then puts the new
header in place and ``finish`` renames the copy over the old one (or the next open does, after
a crash in between)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sqlalchemy import Engine

from storage import database
from storage.blobs import Progress, file_key_aad
from storage.durable import fsync_dir
from storage.errors import BlobTampered, DatabaseDamaged
from storage.header import VaultHeader
from storage.keys import KdfParams, UnwrapFailed, VaultKeys, derive_kek, keyed_tag, unwrap, wrap

NEXT = ".next"


def rekeyed_copy(
    folder: Path,
    engine: Engine,
    header: VaultHeader,
    old: VaultKeys,
    new: VaultKeys,
    passphrase: str,
    device_secret: bytes | None,
    progress: Progress | None,
) -> tuple[int, VaultHeader]:
    """Write ``vault.db.next`` under the new key with every file key rewrapped; returns the
    number of files and the header that names the new key. Nothing in place is changed."""
    next_db = folder / (database.DB_NAME + NEXT)
    next_db.unlink(missing_ok=True)
    database.export_rekeyed(engine, next_db, new.database_key())
    rows = database.query_copy(
        next_db, new.database_key(), "SELECT id, file_name, wrapped_key, sha256 FROM stored_files"
    )
    changes = []
    for done, (file_id, file_name, wrapped, sha256) in enumerate(rows, 1):
        aad = file_key_aad(file_name)
        try:
            file_key = unwrap(old.subkey("blob-wrap"), wrapped, aad)
        except UnwrapFailed as error:
            raise BlobTampered(file_name, "its key record was altered") from error
        changes.append((
            wrap(new.subkey("blob-wrap"), file_key, aad),
            keyed_tag(new.subkey("dedup"), bytes.fromhex(sha256)),
            file_id,
        ))  # fmt: skip
        if progress is not None:
            progress(done, len(rows))
    database.change_copy(
        next_db, new.database_key(),
        "UPDATE stored_files SET wrapped_key = ?, dedup_tag = ? WHERE id = ?", changes,
    )  # fmt: skip
    params = KdfParams.fresh(header.kdf.iterations, header.kdf.memory_kib, header.kdf.lanes)
    updated = replace(header, kdf=params, passphrase_wrap=b"", device_wrap=None)
    new_key = new.vault_key
    updated = replace(
        updated,
        passphrase_wrap=wrap(derive_kek(passphrase, params), new_key, updated.passphrase_aad()),
        device_wrap=(
            wrap(device_secret, new_key, updated.device_aad())
            if device_secret is not None
            else None
        ),
    ).with_mac(new.subkey("header-mac"))
    return len(rows), updated


def drop_copy(folder: Path) -> None:
    (folder / (database.DB_NAME + NEXT)).unlink(missing_ok=True)


def finish(folder: Path, sqlcipher_key: bytes | bytearray) -> None:
    """Complete a key rotation a crash interrupted, or drop its unfinished copy.

    ``vault.db.next`` that opens with the header's key is the database the header names: it
    replaces the old one (whose WAL was folded in before the header changed). One that does
    not was written before the header changed, and ``vault.db`` is still the real one.
    """
    next_db = folder / (database.DB_NAME + NEXT)
    if not next_db.exists():
        return
    try:
        database.query_copy(next_db, sqlcipher_key, "SELECT count(*) FROM sqlite_master")
    except DatabaseDamaged:
        next_db.unlink()
        return
    for suffix in ("-wal", "-shm"):
        (folder / (database.DB_NAME + suffix)).unlink(missing_ok=True)
    next_db.replace(folder / database.DB_NAME)
    fsync_dir(folder)
