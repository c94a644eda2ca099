"""The vault never destroys evidence on its own: a missing database, files never recorded, an
older database put back and a backup taken beside a reader all keep every stored file."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from storage.backup import create_backup, restore_backup
from storage.errors import DatabaseMissing, DatabaseRolledBack
from storage.vault import Vault
from tests.conftest import PASSPHRASE


def _blob_files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (folder / "blobs").rglob("*") if p.is_file()}


@pytest.mark.parametrize("damage", ["missing", "empty", "fresh-schema-less"])
def test_a_vault_without_its_database_is_refused_and_no_file_is_touched(
    vault: Vault, vault_folder: Path, damage: str
) -> None:
    vault.store_bytes(b"the ruling", label="ruling.pdf")
    vault.store_bytes(b"the charge sheet", label="charges.pdf")
    vault.lock()
    db = vault_folder / "vault.db"
    for leftover in vault_folder.glob("vault.db-*"):
        leftover.unlink()
    if damage == "missing":
        db.unlink()
    elif damage == "empty":
        db.write_bytes(b"")
    else:  # a database with this vault's key but none of its tables (rebuilt by a tool)
        db.unlink()
        import sqlcipher3

        from storage.header import VaultHeader
        from storage.keys import VaultKeys, derive_kek, unwrap

        header = VaultHeader.read(vault_folder)
        key = unwrap(
            derive_kek(PASSPHRASE, header.kdf), header.passphrase_wrap, header.passphrase_aad()
        )
        raw = VaultKeys(key, header.vault_id).subkey("sqlcipher")
        connection = sqlcipher3.connect(str(db))
        connection.execute(f"PRAGMA key = \"x'{raw.hex()}'\"")
        connection.execute("CREATE TABLE unrelated (x)")
        connection.commit()
        connection.close()
    before = _blob_files(vault_folder)
    with pytest.raises(DatabaseMissing, match="restore the vault from a backup") as raised:
        Vault.unlock(vault_folder, PASSPHRASE)
    assert "2 encrypted files" in str(raised.value)
    assert _blob_files(vault_folder) == before
    assert (db.exists() and db.stat().st_size > 0) == (damage == "fresh-schema-less")


def test_an_unrecorded_file_is_set_aside_and_recovered_with_its_name(
    vault: Vault, vault_folder: Path
) -> None:
    # A crash between publishing a file and committing its record: reproduced by writing the
    # file (with its pending note) and never recording it.
    keys = vault._require_keys()
    from storage.keys import wrap

    def note(name: str, key: bytes) -> bytes:
        import base64
        import json

        body = {"key": base64.b64encode(key).decode(), "label": "обыск.jpg", "media_type": None}
        return wrap(
            keys.subkey("blob-wrap"), json.dumps(body).encode(), b"pending|" + name.encode()
        )

    import io

    written = vault._files.write(io.BytesIO(b"photo of the search"), 19, note=note)
    vault.lock()
    with Vault.unlock(vault_folder, PASSPHRASE) as reopened:
        assert _blob_files(vault_folder) == {}
        found = reopened.unrecorded_files()
        assert [(f.name, f.label, f.recoverable) for f in found] == [
            (written.file_name, "обыск.jpg", True)
        ]
        report = reopened.verify()
        assert not report.ok
        assert "1 file was stored but never recorded" in report.problems()[0]
        with reopened.recovering_file(written.file_name) as (_session, result):
            pass
        assert reopened.read_bytes(result.record.id) == b"photo of the search"
        assert reopened.file(result.record.id).label == "обыск.jpg"
        assert reopened.unrecorded_files() == []
        assert reopened.verify().ok
        assert "unrecorded file recovered" in [e.action for e in reopened.custody_log()]


def test_only_the_user_discards_an_unrecorded_file(vault: Vault, vault_folder: Path) -> None:
    stray = vault_folder / "blobs" / "ab" / ("ab" * 16)
    stray.parent.mkdir(exist_ok=True)
    stray.write_bytes(b"no note survives for this one")
    vault.lock()
    for _ in range(2):  # opening again and again never deletes it
        with Vault.unlock(vault_folder, PASSPHRASE) as reopened:
            [found] = reopened.unrecorded_files()
            assert not found.recoverable
    with Vault.unlock(vault_folder, PASSPHRASE) as reopened:
        reopened.discard_unrecorded(found.name)
        assert reopened.unrecorded_files() == []
        assert not (vault_folder / "quarantine" / found.name).exists()
        assert reopened.custody_log()[-1].action == "unrecorded file discarded"
        assert reopened.verify().ok


def test_an_older_database_put_back_is_refused_until_the_user_accepts_it(
    vault: Vault, vault_folder: Path, tmp_path: Path
) -> None:
    vault.store_bytes(b"first", label="first.pdf")
    vault.lock()
    old = tmp_path / "old"
    old.mkdir()
    for part in vault_folder.glob("vault.db*"):
        shutil.copy2(part, old / part.name)
    with Vault.unlock(vault_folder, PASSPHRASE) as reopened:
        reopened.store_bytes(b"second, added later", label="second.pdf")
    for part in vault_folder.glob("vault.db*"):
        part.unlink()
    for part in old.iterdir():
        shutil.copy2(part, vault_folder / part.name)
    with pytest.raises(DatabaseRolledBack, match="older than its key file") as raised:
        Vault.unlock(vault_folder, PASSPHRASE)
    assert raised.value.found < raised.value.recorded
    assert len(_blob_files(vault_folder)) == 2  # nothing was moved or deleted
    with Vault.unlock(vault_folder, PASSPHRASE, accept_older_database=True) as accepted:
        assert [f.label for f in accepted.files()] == ["first.pdf"]
        assert "older database accepted" in [e.action for e in accepted.custody_log()]
        assert len(accepted.unrecorded_files()) == 1  # the later file, kept aside
    with Vault.unlock(vault_folder, PASSPHRASE) as again:  # accepted once, then normal
        assert again.verify().custody_problems == []


def test_a_lost_wal_is_noticed(vault: Vault, vault_folder: Path) -> None:
    from storage import database

    vault.store_bytes(b"checkpointed", label="earlier.pdf")
    assert database.checkpoint(vault._require_engine())
    vault.store_bytes(b"committed into the WAL only", label="latest.pdf")
    assert (vault_folder / "vault.db-wal").stat().st_size > 0
    without_wal = (vault_folder / "vault.db").read_bytes()
    vault.lock()
    (vault_folder / "vault.db").write_bytes(without_wal)  # the WAL's commits are lost
    with pytest.raises(DatabaseRolledBack):
        Vault.unlock(vault_folder, PASSPHRASE)


def test_a_backup_beside_a_reader_holds_the_newest_file(
    vault: Vault, vault_folder: Path, tmp_path: Path
) -> None:
    from sqlalchemy import text

    vault.store_bytes(b"older file", label="older.pdf")
    with vault.session() as reader:
        # A read transaction open elsewhere (a view, a search) pins an older snapshot of the
        # WAL, so a checkpoint cannot fold the newest commit into vault.db.
        reader.execute(text("SELECT count(*) FROM stored_files")).scalar()
        newest = vault.store_bytes(b"the newest file", label="newest.pdf")
        create_backup(vault, tmp_path / "snap.edbackup")
        reader.execute(text("SELECT count(*) FROM stored_files")).scalar()
    restored, report = restore_backup(tmp_path / "snap.edbackup", tmp_path / "copy", PASSPHRASE)
    with restored:
        assert report.ok, report.problems()
        assert restored.read_bytes(newest.record.id) == b"the newest file"
        assert restored.unrecorded_files() == []


def test_every_vault_file_is_private_whatever_the_umask(tmp_path: Path, fast_kdf: object) -> None:
    previous = os.umask(0o022)
    try:
        folder = tmp_path / "shared-parent" / "vault"
        folder.parent.mkdir()
        folder.mkdir(mode=0o755)
        with Vault.create(folder, PASSPHRASE, kdf=fast_kdf) as vault:  # type: ignore[arg-type]
            vault.store_bytes(b"x" * 5000, label="a.pdf")
            create_backup(vault, tmp_path / "b.edbackup")
        with Vault.unlock(folder, PASSPHRASE):
            pass
    finally:
        os.umask(previous)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for path in folder.rglob("*"):
        wanted = 0o700 if path.is_dir() else 0o600
        assert stat.S_IMODE(path.stat().st_mode) == wanted, path.relative_to(folder)
    assert stat.S_IMODE((tmp_path / "b.edbackup").stat().st_mode) == 0o600
