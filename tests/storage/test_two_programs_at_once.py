"""Two programs on one vault: vault.lock deleted does not let a second one in; where locks may
not be shared, a file another program is importing is never set aside; a recorded file found
set aside is put back; nothing is said to be recovered that was not."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from dossier.services import recovery
from storage.errors import FileAlreadyRecorded, VaultInUse
from storage.vault import Vault
from tests.conftest import PASSPHRASE

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="Windows bars deleting it")


@posix_only
def test_deleting_vault_lock_does_not_let_a_second_program_in(
    vault: Vault, vault_folder: Path
) -> None:
    (vault_folder / "vault.lock").unlink()  # a sync tool, a clean-up
    with pytest.raises(VaultInUse):
        Vault.unlock(vault_folder, PASSPHRASE)


@posix_only
def test_a_second_program_past_a_deleted_vault_lock_touches_nothing_of_the_first_ones(
    vault: Vault, vault_folder: Path
) -> None:
    """The first program is rotating the keys (its new copy of the database half written):
    a second one let past a deleted vault.lock must not take that copy for a crash's leftover
    and delete it, nor read a key file being replaced."""
    (vault_folder / "vault.lock").unlink()
    in_progress = vault_folder / "vault.db.next"
    in_progress.write_bytes(b"the first program's new copy, half written")
    with pytest.raises(VaultInUse):
        Vault.unlock(vault_folder, PASSPHRASE)
    assert in_progress.read_bytes() == b"the first program's new copy, half written"
    in_progress.unlink()


def test_a_second_program_is_let_in_once_the_first_has_locked(
    vault: Vault, vault_folder: Path
) -> None:
    vault.lock()
    Vault.unlock(vault_folder, PASSPHRASE).lock()


def _set_aside_by_another_program(vault: Vault, vault_folder: Path) -> str:
    """As a second program on a network folder did: it moved the first one's new file (and
    its note) into quarantine just before the first committed its record."""
    from storage.blobs import BlobFiles

    with vault.adding_file(_source(), 9, label="statement.txt") as (_session, stored):
        name = next(p.name for p in (vault_folder / "pending").iterdir())
        BlobFiles(vault_folder).quarantine(name)
    assert stored.record.id == 1
    return name


def test_a_recorded_file_found_set_aside_is_put_back_at_unlock(
    vault: Vault, vault_folder: Path
) -> None:
    _set_aside_by_another_program(vault, vault_folder)
    vault.lock()
    with Vault.unlock(vault_folder, PASSPHRASE) as reopened:
        assert reopened.read_bytes(1) == b"their doc"
        assert reopened.unrecorded_files() == []
        assert reopened.verify().ok


def test_recovering_a_file_that_was_recorded_after_all_says_so(
    vault: Vault, vault_folder: Path
) -> None:
    name = _set_aside_by_another_program(vault, vault_folder)
    assert [found.name for found in vault.unrecorded_files()] == [name]
    with pytest.raises(FileAlreadyRecorded, match="Nothing was recovered"):
        recovery.recover(vault, name)
    assert vault.read_bytes(1) == b"their doc"  # put back where its record says
    assert [record.id for record in vault.files()] == [1] and vault.unrecorded_files() == []


def test_where_locks_are_not_shared_a_file_being_imported_elsewhere_is_not_set_aside(
    vault: Vault, vault_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another computer's import: its note and file written, its record not yet committed.
    vault.lock()
    writer = Vault.unlock(vault_folder, PASSPHRASE)
    with writer.adding_file(_source(), 9, label="theirs.txt") as (_session, _stored):
        name = next(p.name for p in (vault_folder / "pending").iterdir())
        writer._process_lock.release()  # as if on a share, where our lock is not seen
        monkeypatch.setattr("storage.vault.locks_may_not_be_shared", lambda _folder: True)
        other = Vault.unlock(vault_folder, PASSPHRASE)
        assert (vault_folder / "blobs" / name[:2] / name).exists()  # left where it is
        other.lock()
    assert writer.read_bytes(1) == b"their doc"
    writer.lock()


def _source():  # type: ignore[no-untyped-def]
    import io

    return io.BytesIO(b"their doc")


def test_a_vault_in_a_synced_folder_is_warned_about(tmp_path: Path) -> None:
    from dossier.services import vault_place

    dropbox = tmp_path / "Dropbox" / "cases" / "vault"
    dropbox.mkdir(parents=True)
    said = vault_place.warning(dropbox)
    assert said is not None and "Dropbox copies to other computers" in said
    syncthing = tmp_path / "shared" / "vault"
    syncthing.mkdir(parents=True)
    (tmp_path / "shared" / ".stfolder").mkdir()
    assert "Syncthing" in (vault_place.warning(syncthing) or "")
    plain = tmp_path / "own disk" / "vault"
    plain.mkdir(parents=True)
    assert vault_place.warning(plain) is None


def test_the_file_system_a_folder_is_on_is_read_from_the_system(tmp_path: Path) -> None:
    from storage.lockfile import file_system_type, locks_may_not_be_shared

    if not Path("/proc/self/mountinfo").exists():
        pytest.skip("Linux tells the file system type in /proc")
    assert file_system_type(tmp_path) not in (None, "")
    assert locks_may_not_be_shared(tmp_path) is False  # the test's own disk
