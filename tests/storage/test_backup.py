"""Backup and restore: one encrypted, self-verifying file that rebuilds the whole vault."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from storage.backup import check_backup, create_backup, restore_backup
from storage.errors import BackupDamaged, NotABackup, VaultAlreadyExists, WrongPassphrase
from storage.vault import Vault
from tests.conftest import PASSPHRASE


@pytest.fixture
def backup(vault: Vault, tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    contents = {
        "Решение суда.pdf": os.urandom(1_500_000),
        "Kloop statement.txt": "Жоомарт Дуулатов ң ө ү".encode(),
        "empty.bin": b"",
    }
    for label, data in contents.items():
        vault.store_bytes(data, label=label)
    path = tmp_path / "vault.edbackup"
    summary = create_backup(vault, path)
    assert summary.files == 3 and path.stat().st_size > 1_500_000
    return path, contents


def test_restore_rebuilds_every_file_and_verifies(
    backup: tuple[Path, dict[str, bytes]], tmp_path: Path
) -> None:
    path, contents = backup
    restored, report = restore_backup(path, tmp_path / "restored", PASSPHRASE)
    with restored:
        assert report.ok and len(report.files) == 3
        assert {r.label: restored.read_bytes(r.id) for r in restored.files()} == contents
        actions = [entry.action for entry in restored.custody_log()]
        assert actions[-1] == "restored from backup"


def test_backup_is_recorded_in_the_custody_log(
    vault: Vault, backup: tuple[Path, dict[str, bytes]]
) -> None:
    assert vault.custody_log()[-1].action == "backup made"


def test_backup_reveals_no_plaintext(backup: tuple[Path, dict[str, bytes]]) -> None:
    raw = backup[0].read_bytes()
    for text in ("Решение суда", "Kloop statement", "Дуулатов"):
        assert text.encode() not in raw and text.encode("utf-16-le") not in raw


def test_check_only_reads_everything_and_writes_nothing(
    backup: tuple[Path, dict[str, bytes]], tmp_path: Path
) -> None:
    before = sorted(tmp_path.rglob("*"))
    assert check_backup(backup[0], PASSPHRASE) == 3
    assert sorted(tmp_path.rglob("*")) == before


@pytest.mark.parametrize("where", [0.1, 0.5, 0.99])
def test_altered_backup_is_refused_and_leaves_nothing(
    backup: tuple[Path, dict[str, bytes]], tmp_path: Path, where: float
) -> None:
    raw = bytearray(backup[0].read_bytes())
    raw[int(len(raw) * where)] ^= 0x40
    damaged = tmp_path / "damaged.edbackup"
    damaged.write_bytes(raw)
    with pytest.raises((BackupDamaged, WrongPassphrase)):
        restore_backup(damaged, tmp_path / "out", PASSPHRASE)
    assert not (tmp_path / "out").exists()


def test_truncated_backup_is_refused(backup: tuple[Path, dict[str, bytes]], tmp_path: Path) -> None:
    truncated = tmp_path / "truncated.edbackup"
    truncated.write_bytes(backup[0].read_bytes()[:-2000])
    with pytest.raises(BackupDamaged, match="damaged, incomplete"):
        check_backup(truncated, PASSPHRASE)
    with pytest.raises(BackupDamaged):
        restore_backup(truncated, tmp_path / "out", PASSPHRASE)
    assert not (tmp_path / "out").exists()


def test_wrong_passphrase_for_backup_is_named(
    backup: tuple[Path, dict[str, bytes]], tmp_path: Path
) -> None:
    with pytest.raises(WrongPassphrase, match="backup"):
        restore_backup(backup[0], tmp_path / "out", "not the passphrase")
    assert not (tmp_path / "out").exists()


def test_a_file_that_is_not_a_backup_is_named_so(tmp_path: Path) -> None:
    other = tmp_path / "photo.jpg"
    other.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(100))
    with pytest.raises(NotABackup):
        check_backup(other, PASSPHRASE)


def test_restore_never_overwrites_a_folder_with_content(
    backup: tuple[Path, dict[str, bytes]], tmp_path: Path
) -> None:
    target = tmp_path / "busy"
    target.mkdir()
    (target / "keep.txt").write_text("mine")
    with pytest.raises(VaultAlreadyExists):
        restore_backup(backup[0], target, PASSPHRASE)
    assert (target / "keep.txt").read_text() == "mine"


def test_backup_after_a_passphrase_change_opens_with_the_new_one(
    vault: Vault, tmp_path: Path
) -> None:
    vault.store_bytes(b"x", label="x")
    vault.change_passphrase(PASSPHRASE, "the newer passphrase")
    create_backup(vault, tmp_path / "b.edbackup")
    restored, report = restore_backup(
        tmp_path / "b.edbackup", tmp_path / "r", "the newer passphrase"
    )
    restored.lock()
    assert report.ok


def test_empty_vault_backs_up_and_restores(vault: Vault, tmp_path: Path) -> None:
    # tar pads small archives to a whole record: that padding must not read as damage.
    create_backup(vault, tmp_path / "empty.edbackup")
    assert check_backup(tmp_path / "empty.edbackup", PASSPHRASE) == 0
    restored, report = restore_backup(tmp_path / "empty.edbackup", tmp_path / "r", PASSPHRASE)
    restored.lock()
    assert report.ok and report.files == []
