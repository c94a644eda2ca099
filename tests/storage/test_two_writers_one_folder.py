"""Files are kept in folders by the first two letters of their random names. An import
writes two files at once (dossier.services.writing_ahead): two of them may find their
folder missing and both make it. The second must not fail (before: FileExistsError, and
the file was reported unreadable)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from storage import blobs
from storage.blobs import BlobFiles


def test_a_folder_made_by_the_other_writer_meanwhile_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = BlobFiles(tmp_path)
    files.ensure_folders()
    made = iter(range(1000))  # every random name begins "ab": both files go in one folder
    monkeypatch.setattr(blobs.secrets, "token_hex", lambda _n=16: f"ab{next(made):030d}")
    first = files.write(io.BytesIO(b"the first statement"), 19)
    # The second writer looked for the folder just before the first made it.
    real_exists = Path.exists
    monkeypatch.setattr(
        Path, "exists", lambda self: False if self.name == "ab" else real_exists(self)
    )
    second = files.write(io.BytesIO(b"the second statement"), 20)
    monkeypatch.undo()
    assert b"".join(files.read(first.file_name, first.key)) == b"the first statement"
    assert b"".join(files.read(second.file_name, second.key)) == b"the second statement"
