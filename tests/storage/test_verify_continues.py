"""A verification stopped before its end keeps what it found and can be continued: the files
it found intact are not read again, the others are, and the custody log says so."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import storage.verify
from storage.errors import Cancelled
from storage.models import StoredFile
from storage.vault import Vault


def _blob(vault: Vault, file_id: int) -> Path:
    with vault.session() as session:
        row = session.get(StoredFile, file_id)
        assert row is not None
        return vault.folder / "blobs" / row.file_name[:2] / row.file_name


@pytest.fixture
def eight_files(vault: Vault, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    # Each file handed to a thread alone, so that the cancel lands between two files.
    monkeypatch.setattr(storage.verify, "_GROUP_BYTES", 1)
    return [
        vault.store_bytes(os.urandom(50_000 + n), label=f"Annex {n}.pdf").record.id
        for n in range(8)
    ]


def _stopped_after(vault: Vault, files: int) -> None:
    """A verification cancelled once ``files`` files were reported checked."""
    seen: list[int] = []
    with pytest.raises(Cancelled):
        vault.verify(
            progress=lambda done, total: seen.append(done), cancelled=lambda: len(seen) >= files
        )


def test_a_stopped_verification_keeps_what_it_found_and_is_continued(
    vault: Vault, eight_files: list[int]
) -> None:
    assert vault.unfinished_verification() is None
    _stopped_after(vault, 3)
    stopped = vault.unfinished_verification()
    assert stopped is not None and (stopped.intact, stopped.files) == (3, 8)
    first_three = set(eight_files[:3])
    assert {f.id for f in vault.files() if f.last_verify_ok} == first_three
    # Damaged meanwhile: one the stopped verification had found intact, one it had not reached.
    for file_id in (eight_files[0], eight_files[5]):
        raw = bytearray(_blob(vault, file_id).read_bytes())
        raw[-20] ^= 0x01
        _blob(vault, file_id).write_bytes(raw)
    read: list[int] = []
    report = vault.verify(progress=lambda done, total: read.append(done), resume=True)
    assert report.continued == 3 and len(report.files) == 8
    assert len(read) == 5  # the other five were read, not the three found intact
    bad = {check.file_id for check in report.files if not check.ok}
    assert bad == {eight_files[5]}  # the continued verification trusts what it had found
    assert vault.unfinished_verification() is None
    entry = vault.custody_log()[-1]
    assert entry.action == "vault verified"
    assert '"found intact before it was stopped": 3' in entry.details
    # Started again from the beginning, it reads every file and finds both.
    again = vault.verify(resume=True)
    assert again.continued == 0
    assert {check.file_id for check in again.files if not check.ok} == {
        eight_files[0],
        eight_files[5],
    }


def test_a_file_found_damaged_is_read_again_when_the_verification_is_continued(
    vault: Vault, eight_files: list[int]
) -> None:
    raw = bytearray(_blob(vault, eight_files[1]).read_bytes())
    raw[-20] ^= 0x01
    _blob(vault, eight_files[1]).write_bytes(raw)
    _stopped_after(vault, 4)
    stopped = vault.unfinished_verification()
    assert stopped is not None and stopped.intact == 3  # the damaged one is not "intact"
    _blob(vault, eight_files[1]).write_bytes(
        bytes(raw[:-20]) + bytes([raw[-20] ^ 0x01]) + raw[-19:]
    )
    report = vault.verify(resume=True)
    assert report.ok and report.continued == 3


def test_a_verification_not_asked_to_continue_reads_every_file(
    vault: Vault, eight_files: list[int]
) -> None:
    _stopped_after(vault, 3)
    read: list[int] = []
    report = vault.verify(progress=lambda done, total: read.append(done))
    assert report.ok and report.continued == 0 and len(read) == 8
