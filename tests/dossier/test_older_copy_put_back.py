"""An older copy of a whole vault put back (database and key file alike: a disk image taken
at a border, a backup copied over the folder) is noticed by this computer, said as what it
is, and opened only on the lawyer's word, which the custody log keeps."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dossier.services import vault_access, vault_admin
from storage.errors import VaultOlderThanLastSeen
from storage.keys import KdfParams
from tests.conftest import PASSPHRASE


def _copy_back(image: Path, folder: Path) -> None:
    for name in ("vault.db", "vault.header"):
        shutil.copy2(image / name, folder / name)


@pytest.fixture
def image_then_more(tmp_path: Path) -> tuple[Path, Path]:
    folder, image = tmp_path / "vault", tmp_path / "image"
    vault = vault_access.create_vault(folder, PASSPHRASE, kdf=KdfParams.floor())
    vault.store_bytes(b"the first statement", label="first.txt")
    vault.lock()
    shutil.copytree(folder, image)  # taken at the border
    vault = vault_access.unlock_with_passphrase(folder, PASSPHRASE)
    vault.store_bytes(b"the second statement", label="second.txt")
    vault.lock()
    return folder, image


def test_an_older_copy_of_the_whole_vault_is_refused_and_said_as_what_it_is(
    image_then_more: tuple[Path, Path],
) -> None:
    folder, image = image_then_more
    _copy_back(image, folder)
    with pytest.raises(VaultOlderThanLastSeen) as raised:
        vault_access.unlock_with_passphrase(folder, PASSPHRASE)
    said = str(raised.value)
    assert "older than the one this computer last opened" in said
    assert "stopped in between" not in said
    assert f"change {raised.value.recorded}, which this copy does not hold" in said


def test_an_older_copy_opens_on_the_lawyers_word_and_the_log_says_so(
    image_then_more: tuple[Path, Path],
) -> None:
    folder, image = image_then_more
    _copy_back(image, folder)
    vault = vault_access.unlock_with_passphrase(folder, PASSPHRASE, accept_older_database=True)
    actions = [entry.action for entry in vault_admin.custody_log(vault)]
    assert actions[-1] == "older copy of the vault accepted"
    assert [f.label for f in vault.files()] == ["first.txt"]
    # The file added since is kept, encrypted (its key was only in the newer database).
    assert len(vault.unrecorded_files()) == 1
    vault.lock()
    vault_access.unlock_with_passphrase(folder, PASSPHRASE).lock()  # accepted: asked once


def test_a_vault_this_computer_never_saw_opens_without_a_word(
    image_then_more: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, image = image_then_more
    monkeypatch.setenv("DOSSIER_SETTINGS", str(tmp_path / "another computer" / "settings.json"))
    _copy_back(image, folder)
    vault_access.unlock_with_passphrase(folder, PASSPHRASE).lock()


def test_a_backup_restored_on_purpose_is_not_taken_for_an_older_copy(
    image_then_more: tuple[Path, Path], tmp_path: Path
) -> None:
    folder, _image = image_then_more
    vault = vault_access.unlock_with_passphrase(folder, PASSPHRASE)
    vault_admin.backup_to(vault, tmp_path / "b.edbackup")
    vault.store_bytes(b"after the backup", label="third.txt")
    vault.lock()
    restored = vault_admin.restore(tmp_path / "b.edbackup", tmp_path / "restored", PASSPHRASE)
    restored.vault.lock()
    vault_access.unlock_with_passphrase(tmp_path / "restored", PASSPHRASE).lock()


def test_the_original_still_opens_after_a_backup_of_it_was_restored_elsewhere(
    image_then_more: tuple[Path, Path], tmp_path: Path
) -> None:
    folder, _image = image_then_more
    vault = vault_access.unlock_with_passphrase(folder, PASSPHRASE)
    vault_admin.backup_to(vault, tmp_path / "b.edbackup")
    vault.lock()
    vault_admin.restore(tmp_path / "b.edbackup", tmp_path / "copy", PASSPHRASE).vault.lock()
    vault_access.unlock_with_passphrase(folder, PASSPHRASE).lock()  # not an older copy
