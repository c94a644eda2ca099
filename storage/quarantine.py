"""Files stored but never recorded: what a crash (or, on a network folder, another program)
left in the vault's file folders. Set aside, still encrypted, in ``quarantine/``; listed with
the name their note gives; read back to be recovered; deleted only on the user's word."""

from __future__ import annotations

import base64
import contextlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from storage.blobs import BlobFiles
from storage.errors import BlobTampered, UnrecordedFileUnrecoverable
from storage.keys import UnwrapFailed, unwrap
from storage.stream import StreamCorrupt

# What a file's note (its wrapped key and name, written before it is published) is bound to.
NOTE_AAD = b"pending|"


@dataclass(frozen=True)
class UnrecordedFile:
    """A file found in the vault without a record (a crash between writing and recording it).

    It waits, still encrypted, in the quarantine folder until the user recovers or discards it.
    """

    name: str  # the file's random name: its identity in the quarantine folder
    label: str  # the original file name, when its note survived
    media_type: str | None
    size: int  # encrypted size on disk
    recoverable: bool


class Quarantine:
    """The vault's quarantine folder; the vault records in the custody log what it does."""

    def __init__(self, files: BlobFiles, note_key: Callable[[], bytes]) -> None:
        self._files, self._note_key = files, note_key

    def set_aside(self, known: set[str], locks_not_shared: bool) -> int:
        """Move the files that have no record aside; returns how many. Never fails an unlock:
        a file that cannot be moved stays and is tried again next time."""
        files = self._files
        # A recorded file found set aside (another process, on a folder whose locks it did
        # not see, took it for a crash's leftover before its record was committed): back.
        for name in files.quarantined_names():
            if name in known and not files.path_of(name).exists():
                with contextlib.suppress(OSError):
                    files.unquarantine(name)
                    files.recorded(name)
        # Where locks are not shared, a note written moments ago may be another computer's
        # import about to commit: its file is left where it is (locally, the lock on the
        # database rules that out, and every note is a crash's leftover).
        fresh = files.freshly_pending() if locks_not_shared else set()
        for name in files.pending_names():
            if name in fresh:
                continue  # a writer may be about to record it
            if name in known or not files.path_of(name).exists():
                with contextlib.suppress(OSError):  # tried again at the next unlock
                    files.recorded(name)  # committed, or never published: nothing to keep
        set_aside = 0
        for name in sorted(files.all_file_names() - known - fresh):
            try:
                files.quarantine(name)
            except OSError:
                continue  # left in place and tried again at the next unlock; verify names it
            set_aside += 1
        return set_aside

    def unrecorded_files(self) -> list[UnrecordedFile]:
        found = []
        for name in self._files.quarantined_names():
            note = self.note(name)
            size = self._files.quarantined_path(name).stat().st_size
            if note is None:
                found.append(UnrecordedFile(name, f"unnamed file {name[:8]}", None, size, False))
            else:
                found.append(
                    UnrecordedFile(name, note["label"], note.get("media_type"), size, True)
                )
        return found

    def note(self, name: str) -> dict[str, str] | None:
        """The file's note (its key, name and type), or None when it has none or it is bad."""
        raw = self._files.quarantined_note(name)
        if raw is None:
            return None
        try:
            body = unwrap(self._note_key(), raw, NOTE_AAD + name.encode())
            note: dict[str, str] = json.loads(body)
            return note
        except (UnwrapFailed, ValueError):
            return None

    def read(self, name: str) -> Iterator[bytes]:
        note = self.note(name)
        if note is None:
            raise UnrecordedFileUnrecoverable(f"unnamed file {name[:8]}")
        key = base64.b64decode(note["key"])
        try:
            yield from self._files.read_quarantined(name, key)
        except StreamCorrupt as error:
            raise BlobTampered(note["label"], str(error)) from error

    def discard(self, name: str) -> None:
        """Only ever on the user's confirmed word."""
        self._files.discard_quarantined(name)
