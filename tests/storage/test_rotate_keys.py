"""Rotating the vault key: an old header copy or an old backup no longer opens today's data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from storage import database
from storage.backup import check_backup, create_backup
from storage.errors import DatabaseDamaged, WrongPassphrase
from storage.header import HEADER_NAME
from storage.vault import Vault
from tests.conftest import PASSPHRASE


def _with_header(vault_folder: Path, header: bytes, tmp_path: Path) -> Path:
    """The vault as it is now, but with an older copy of its key file put back."""
    copy = tmp_path / "with-old-header"
    shutil.copytree(vault_folder, copy)
    (copy / "vault.lock").unlink(missing_ok=True)
    (copy / HEADER_NAME).write_bytes(header)
    return copy


def test_an_old_header_opens_todays_data_after_a_passphrase_change(
    vault: Vault, vault_folder: Path, tmp_path: Path
) -> None:
    """What the README warns about: changing the passphrase alone does not help."""
    old_header = (vault_folder / HEADER_NAME).read_bytes()
    vault.change_passphrase(PASSPHRASE, "a completely new passphrase 2026")
    vault.store_bytes(b"added after the change", label="later.pdf")
    vault.lock()
    with Vault.unlock(
        _with_header(vault_folder, old_header, tmp_path), PASSPHRASE, accept_older_database=True
    ) as opened:
        assert any(f.label == "later.pdf" for f in opened.files())


def test_after_rotation_an_old_header_opens_nothing(
    vault: Vault, vault_folder: Path, tmp_path: Path
) -> None:
    first = vault.store_bytes(b"the ruling", label="ruling.pdf")
    old_header = (vault_folder / HEADER_NAME).read_bytes()
    create_backup(vault, tmp_path / "before.edbackup")
    blobs_before = {
        p.name: p.read_bytes() for p in (vault_folder / "blobs").rglob("*") if p.is_file()
    }
    seen: list[tuple[int, int]] = []
    assert vault.rotate_keys(PASSPHRASE, progress=lambda d, t: seen.append((d, t))) == 1
    assert seen == [(1, 1)]
    later = vault.store_bytes(b"added after the rotation", label="later.pdf")
    assert vault.read_bytes(first.record.id) == b"the ruling"
    assert vault.store_bytes(b"the ruling", label="again.pdf").duplicate  # dedup still works
    assert vault.verify().ok
    vault.lock()
    blobs_after = {
        p.name: p.read_bytes() for p in (vault_folder / "blobs").rglob("*") if p.is_file()
    }
    assert {n: b for n, b in blobs_after.items() if n in blobs_before} == blobs_before
    with pytest.raises(DatabaseDamaged):
        Vault.unlock(_with_header(vault_folder, old_header, tmp_path), PASSPHRASE)
    with Vault.unlock(vault_folder, PASSPHRASE) as reopened:
        assert reopened.read_bytes(later.record.id) == b"added after the rotation"
        assert "keys rotated" in [entry.action for entry in reopened.custody_log()]
    # An old backup still opens with the old passphrase, but holds only what it held.
    assert check_backup(tmp_path / "before.edbackup", PASSPHRASE) == 1


def test_rotation_needs_the_passphrase(vault: Vault) -> None:
    with pytest.raises(WrongPassphrase):
        vault.rotate_keys("not the passphrase at all")
    assert vault.verify().ok


def test_a_crash_after_the_new_header_finishes_the_rotation_at_open(
    vault: Vault, vault_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stored = vault.store_bytes(b"evidence", label="e.pdf")
    from storage import rotation

    def crash(folder: Path, key: bytes) -> None:
        raise KeyboardInterrupt  # the power goes between the header and the rename

    monkeypatch.setattr(rotation, "finish", crash)
    with pytest.raises(KeyboardInterrupt):
        vault.rotate_keys(PASSPHRASE)
    monkeypatch.undo()
    vault._process_lock.release()
    assert (vault_folder / (database.DB_NAME + ".next")).exists()
    with Vault.unlock(vault_folder, PASSPHRASE) as reopened:
        assert reopened.read_bytes(stored.record.id) == b"evidence"
        assert reopened.verify().ok
    assert not (vault_folder / (database.DB_NAME + ".next")).exists()


def test_an_unfinished_copy_from_before_the_header_changed_is_dropped(
    vault: Vault, vault_folder: Path
) -> None:
    stored = vault.store_bytes(b"evidence", label="e.pdf")
    vault.lock()
    (vault_folder / (database.DB_NAME + ".next")).write_bytes(b"half a rotated database")
    with Vault.unlock(vault_folder, PASSPHRASE) as reopened:
        assert reopened.read_bytes(stored.record.id) == b"evidence"
    assert not (vault_folder / (database.DB_NAME + ".next")).exists()
