"""Files another program leaves in the vault's folder (Finder's .DS_Store, the ._ twins a Mac
writes on a FAT or exFAT stick, Windows' Thumbs.db, a folder) never stop it opening, and are
never moved or deleted: the vault lists them and leaves them where they are."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.vault import Vault
from tests.conftest import PASSPHRASE

STRAY = [
    "blobs/.DS_Store",
    "blobs/._.DS_Store",
    "blobs/Thumbs.db",
    "pending/.DS_Store",
    "quarantine/desktop.ini",
    "tmp/.DS_Store",
]


def _stored_fan_out(vault_folder: Path) -> str:
    return next(p.name for p in (vault_folder / "blobs").iterdir() if p.is_dir())


@pytest.fixture
def vault_with_strays(vault: Vault, vault_folder: Path) -> tuple[int, list[Path]]:
    stored = vault.store_bytes(b"the court's ruling", label="ruling.pdf")
    vault.lock()
    fan_out = _stored_fan_out(vault_folder)
    strays = [vault_folder / name for name in STRAY]
    strays.append(vault_folder / "blobs" / fan_out / ".DS_Store")
    strays.append(vault_folder / "blobs" / fan_out / ("._" + "a" * 32))
    for path in strays:
        path.write_bytes(b"\x00\x05\x16\x07 Finder's own bytes")
    folder = vault_folder / "tmp" / "Some Folder"  # a folder inside tmp/
    folder.mkdir()
    (folder / "inside.txt").write_bytes(b"not ours")
    strays.append(folder / "inside.txt")
    return stored.record.id, strays


def test_a_vault_with_finder_and_windows_files_in_it_opens(
    vault_folder: Path, vault_with_strays: tuple[int, list[Path]]
) -> None:
    file_id, _strays = vault_with_strays
    with Vault.unlock(vault_folder, PASSPHRASE) as vault:
        assert vault.read_bytes(file_id) == b"the court's ruling"
        assert vault.unrecorded_files() == []  # a stray file is not one of ours set aside


def test_stray_files_are_left_where_they_are(
    vault_folder: Path, vault_with_strays: tuple[int, list[Path]]
) -> None:
    _file_id, strays = vault_with_strays
    for _ in range(2):  # opened twice: the second sweep finds what the first left
        Vault.unlock(vault_folder, PASSPHRASE).lock()
    assert all(path.read_bytes() for path in strays)
    assert not list((vault_folder / "quarantine").glob(".DS_Store*"))


def test_verify_names_stray_files_and_still_finds_the_vault_intact(
    vault_folder: Path, vault_with_strays: tuple[int, list[Path]]
) -> None:
    with Vault.unlock(vault_folder, PASSPHRASE) as vault:
        report = vault.verify()
    assert report.ok
    assert "blobs/.DS_Store" in report.foreign
    assert "tmp/Some Folder" in report.foreign
    assert any(".DS_Store" in note and "left as they are" in note for note in report.notes())


def test_a_file_that_cannot_be_set_aside_does_not_stop_the_vault_opening(
    vault: Vault, vault_folder: Path
) -> None:
    # An unrecorded file of ours whose place in quarantine/ is taken by a folder (root may
    # write anywhere, so a mode could not make the move fail): it stays, the vault opens.
    vault.store_bytes(b"kept", label="kept.pdf")
    vault.lock()
    name = "ff" + "0" * 30
    (vault_folder / "blobs" / "ff").mkdir(exist_ok=True)
    (vault_folder / "blobs" / "ff" / name).write_bytes(b"an unrecorded file")
    (vault_folder / "quarantine" / name).mkdir()
    (vault_folder / "quarantine" / name / "x").write_bytes(b"in the way")
    with Vault.unlock(vault_folder, PASSPHRASE) as opened:
        assert [record.label for record in opened.files()] == ["kept.pdf"]
    assert (vault_folder / "blobs" / "ff" / name).read_bytes() == b"an unrecorded file"
