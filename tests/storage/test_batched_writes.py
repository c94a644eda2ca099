"""Writes in a batch (issue 23: import commits many documents at once): each change is still
all or nothing, nothing is visible or final before the batch commits, and leaving — also by
an error — commits what was done."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from storage.vault import Vault
from tests.conftest import PASSPHRASE


def _seen_elsewhere(vault: Vault) -> list[str]:
    """The files another thread's connection sees (committed ones only)."""
    seen: list[str] = []
    reader = threading.Thread(target=lambda: seen.extend(r.label for r in vault.files()))
    reader.start()
    reader.join()
    return seen


def test_files_added_in_a_batch_are_committed_together_when_it_ends(vault: Vault) -> None:
    with vault.batch(at_most=100, seconds=3_600):
        for index in range(3):
            vault.store_bytes(f"statement {index}".encode(), label=f"s{index}.txt")
        assert _seen_elsewhere(vault) == []
        # Until then each keeps the note that makes it recoverable after a crash.
        assert len(vault._files.pending_names()) == 3
    assert sorted(_seen_elsewhere(vault)) == ["s0.txt", "s1.txt", "s2.txt"]
    assert vault._files.pending_names() == set()
    assert vault.verify().ok


def test_a_batch_commits_when_it_holds_enough(vault: Vault) -> None:
    with vault.batch(at_most=2, seconds=3_600):
        for index in range(3):
            vault.store_bytes(f"statement {index}".encode(), label=f"s{index}.txt")
        assert sorted(_seen_elsewhere(vault)) == ["s0.txt", "s1.txt"]
        vault.commit_batch()
        assert len(_seen_elsewhere(vault)) == 3


class Refused(Exception):
    pass


def _undone_change(vault: Vault) -> None:
    """A change that adds to the custody log, then fails: undone."""
    with pytest.raises(Refused), vault.transaction() as session:
        vault.record_custody(session, "note added", "file 1", {"note": "undone"})
        raise Refused


def test_a_change_that_fails_in_a_batch_is_undone_alone(vault: Vault) -> None:
    with vault.batch(at_most=100, seconds=3_600):
        vault.store_bytes(b"kept before", label="before.txt")
        _undone_change(vault)
        vault.store_bytes(b"kept after", label="after.txt")
    assert sorted(_seen_elsewhere(vault)) == ["after.txt", "before.txt"]
    assert "note added" not in [entry.action for entry in vault.custody_log()]
    assert vault.verify().ok


def test_an_error_ending_a_batch_keeps_what_was_done(vault: Vault) -> None:
    with pytest.raises(KeyboardInterrupt), vault.batch(at_most=100, seconds=3_600):
        vault.store_bytes(b"stored", label="stored.txt")
        raise KeyboardInterrupt
    assert _seen_elsewhere(vault) == ["stored.txt"]
    assert vault._files.pending_names() == set()


def test_a_change_undone_last_in_a_batch_leaves_the_header_at_the_log_kept(
    vault: Vault, vault_folder: Path
) -> None:
    # The header notes the newest custody entry when a batch commits (to tell an older
    # database put back). A change undone at the batch's end had moved that note to its own
    # entry, gone with it: the header ran ahead of the log, and the next unlock took the
    # vault's own database for an older copy.
    with vault.batch(at_most=100, seconds=3_600):
        vault.store_bytes(b"kept", label="kept.txt")
        _undone_change(vault)
    newest = vault.custody_log()[-1]
    assert newest.action != "note added"
    vault.lock()
    reopened = Vault.unlock(vault_folder, PASSPHRASE)  # no "older database" refusal
    try:
        assert reopened.custody_log()[-1].seq == newest.seq
    finally:
        reopened.lock()
