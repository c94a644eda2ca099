"""An import writes each file (encrypted, fsynced) in a thread while it records the one
before. A file written ahead that is never recorded — the batch cancelled, or stopped by
the vault — is removed: the vault holds exactly the files it has records of, no note is
left pending, and the next unlock finds nothing to set aside."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from dossier.services import documents
from storage.errors import DiskFull
from storage.vault import Vault
from tests.conftest import PASSPHRASE


def _statements(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    paths = []
    for number in range(count):
        path = folder / f"statement-{number:02d}.txt"
        path.write_text(f"Statement {number}: the newsroom of Kloop was searched at dawn.")
        paths.append(path)
    return paths


def _blob_files(vault: Vault) -> list[Path]:
    return [path for path in (vault.folder / "blobs").rglob("*") if path.is_file()]


def _pending_notes(vault: Vault) -> list[Path]:
    return list((vault.folder / "pending").iterdir())


def _assert_only_recorded_files(vault: Vault) -> None:
    assert len(_blob_files(vault)) == len(vault.files())
    assert _pending_notes(vault) == []
    folder = vault.folder
    vault.lock()
    with Vault.unlock(folder, PASSPHRASE) as again:
        assert again.unrecorded_files() == []
        assert len(_blob_files(again)) == len(again.files())


def test_a_cancelled_import_leaves_no_file_written_ahead(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _statements(tmp_path / "statements", 12)
    write = vault.write_file
    writes: list[int] = []
    fifth_written, stop = threading.Event(), threading.Event()

    def counted(*args: Any, **kwargs: Any) -> Any:
        written = write(*args, **kwargs)
        writes.append(1)
        if len(writes) == 5:
            fifth_written.set()
        return written

    def progress(done: int, total: int, name: str) -> None:
        if done == 3:  # the fourth is about to be stored; the fifth is written: cancel now
            assert fifth_written.wait(30)
            stop.set()

    monkeypatch.setattr(vault, "write_file", counted)
    report = documents.import_files(vault, paths, progress=progress, cancelled=stop.is_set)
    monkeypatch.undo()
    assert report.cancelled and len(report.imported) == 3
    assert len(vault.files()) == 3
    _assert_only_recorded_files(vault)


def test_an_import_the_vault_stops_leaves_no_file_written_ahead(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _statements(tmp_path / "statements", 12)
    recording = vault.recording_file
    calls: list[int] = []

    @contextmanager
    def full_at_the_sixth(*args: Any, **kwargs: Any) -> Iterator[Any]:
        calls.append(1)
        with recording(*args, **kwargs) as recorded:
            if len(calls) == 6:
                raise DiskFull()
            yield recorded

    monkeypatch.setattr(vault, "recording_file", full_at_the_sixth)
    with pytest.raises(DiskFull):
        documents.import_files(vault, paths)
    monkeypatch.undo()
    assert len(vault.files()) == 5  # the batch keeps what it recorded before
    _assert_only_recorded_files(vault)


def test_files_written_ahead_are_the_files_recorded(vault: Vault, tmp_path: Path) -> None:
    paths = _statements(tmp_path / "statements", 12)
    report = documents.import_files(vault, paths)
    assert len(report.imported) == 12
    texts = {documents.document_pages(vault, d.id)[0] for d in report.imported}
    assert texts == {path.read_text() for path in paths}
    stored = {vault.read_bytes(d.file_id) for d in report.imported}
    assert stored == {path.read_bytes() for path in paths}
    _assert_only_recorded_files(vault)
