"""Encrypted files under ``blobs/``: each with its own random key, streamed in segments."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import secrets
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from storage.durable import (
    atomic_write,
    create_private,
    fsync_dir,
    is_out_of_space,
    publish,
    temp_path,
)
from storage.errors import Cancelled, DiskFull
from storage.stream import DEFAULT_SEGMENT, EncryptingWriter, decrypt_segments

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]

BLOBS_DIR = "blobs"
# Files larger than this are hashed and encrypted-and-written on two threads at once (hashlib,
# AES-GCM and file writes release the GIL), with a few segments in flight to bound memory.
_PIPELINE_FROM = 4 * DEFAULT_SEGMENT
_IN_FLIGHT = 6
# Flushing to disk as we go spreads the cost of the final fsync over the whole write.
_SYNC_EVERY = 32 * 1024 * 1024
TMP_DIR = "tmp"
# A file's key, wrapped, waits here from the moment the file is written until its record is
# committed: a crash in between leaves a file that can still be decrypted and recovered.
PENDING_DIR = "pending"
# Files found without a record are moved here, still encrypted; only the user discards them.
QUARANTINE_DIR = "quarantine"
NOTE_SUFFIX = ".pending"
# A note younger than this is a write still going on elsewhere, not a crash's leftover.
PENDING_FRESH_SECONDS = 3600.0
# Every file the vault writes is named by 16 random bytes in hex (a temp file adds a suffix).
# Anything else in its folders was put there by someone else (Finder's .DS_Store, the ._ files
# a Mac writes on a FAT or exFAT stick, Windows' Thumbs.db): listed, never moved or deleted.
_OUR_NAME = re.compile(r"[0-9a-f]{32}")
_FAN_OUT = re.compile(r"[0-9a-f]{2}")
_OUR_TEMP_NAME = re.compile(r"[0-9a-f]{32}\.(part|tmp|snapshot)")


def file_key_aad(file_name: str) -> bytes:
    """What a file's wrapped key is bound to: its own name (a key moved to another file's
    record does not unwrap)."""
    return b"file|" + file_name.encode("ascii")


def is_our_name(name: str) -> bool:
    return _OUR_NAME.fullmatch(name) is not None


# Given the file's name and key, what to write down before the file is published.
PendingNote = Callable[[str, bytes], bytes]


@dataclass(frozen=True)
class WrittenBlob:
    file_name: str
    key: bytes
    sha256: str
    size: int


class _Chunks:
    """Reads ``source`` in segments, reporting progress and honouring cancel."""

    def __init__(
        self,
        source: BinaryIO,
        size: int,
        total: int,
        progress: Progress | None,
        cancelled: CancelCheck | None,
    ) -> None:
        self._source, self._size, self._total = source, size, total
        self._progress, self._cancelled = progress, cancelled
        self.done = 0

    def __iter__(self) -> Iterator[bytes]:
        while chunk := self._source.read(self._size):
            if self._cancelled is not None and self._cancelled():
                raise Cancelled()
            yield chunk
            self.done += len(chunk)
            if self._progress is not None:
                self._progress(self.done, max(self._total, self.done))


def _pipelined(chunks: _Chunks, digest: Any, writer: EncryptingWriter, fd: int) -> None:
    synced = 0

    def encrypt_and_write(chunk: bytes) -> None:
        nonlocal synced
        writer.write(chunk)
        if writer.bytes_in - synced >= _SYNC_EVERY:
            os.fdatasync(fd) if hasattr(os, "fdatasync") else os.fsync(fd)
            synced = writer.bytes_in

    in_flight: deque[Future[None]] = deque()
    with (
        ThreadPoolExecutor(1, "blob-hash") as hasher,
        ThreadPoolExecutor(1, "blob-write") as sink,
    ):
        try:
            for chunk in chunks:
                in_flight.append(hasher.submit(digest.update, chunk))
                in_flight.append(sink.submit(encrypt_and_write, chunk))
                while len(in_flight) > _IN_FLIGHT:
                    in_flight.popleft().result()
            while in_flight:
                in_flight.popleft().result()
        finally:
            for future in in_flight:
                future.cancel()


class BlobFiles:
    """The file side of stored files; the vault keeps their keys and records in the database."""

    def __init__(self, vault_folder: Path) -> None:
        self.root = vault_folder / BLOBS_DIR
        self.tmp = vault_folder / TMP_DIR
        self.pending = vault_folder / PENDING_DIR
        self.quarantine_folder = vault_folder / QUARANTINE_DIR

    def ensure_folders(self) -> None:
        for folder in (self.root, self.tmp, self.pending, self.quarantine_folder):
            folder.mkdir(mode=0o700, exist_ok=True)

    def path_of(self, file_name: str) -> Path:
        # Two-character fan-out keeps folders small in vaults with many thousands of files.
        return self.root / file_name[:2] / file_name

    def write(
        self,
        source: BinaryIO,
        total: int,
        progress: Progress | None = None,
        cancelled: CancelCheck | None = None,
        segment_size: int = DEFAULT_SEGMENT,
        note: PendingNote | None = None,
    ) -> WrittenBlob:
        """Encrypt ``source`` into a new blob file; durable on return, nothing left on failure.

        With ``note``, what it returns is written down durably (under ``pending/``) before the
        file is published, so that a file without a record can always be decrypted again.
        """
        key = secrets.token_bytes(32)
        file_name = secrets.token_hex(16)
        temp = temp_path(self.tmp)
        digest = hashlib.sha256()
        try:
            with create_private(temp) as sink:
                writer = EncryptingWriter(key, sink, segment_size)
                chunks = _Chunks(source, segment_size, total, progress, cancelled)
                if total <= _PIPELINE_FROM:
                    for chunk in chunks:
                        digest.update(chunk)
                        writer.write(chunk)
                else:
                    _pipelined(chunks, digest, writer, sink.fileno())
                writer.finish()
                sink.flush()
                os.fsync(sink.fileno())
            if note is not None:
                atomic_write(self.note_of(file_name), note(file_name, key), self.tmp)
            final = self.path_of(file_name)
            if not final.parent.exists():
                # Two writers (an import writes ahead in two threads) may make it at once.
                final.parent.mkdir(mode=0o700, exist_ok=True)
                fsync_dir(self.root)
            publish(temp, final)
        except BaseException as error:
            temp.unlink(missing_ok=True)
            self.note_of(file_name).unlink(missing_ok=True)
            if is_out_of_space(error):
                raise DiskFull() from error
            raise
        return WrittenBlob(file_name, key, digest.hexdigest(), chunks.done)

    def read(self, file_name: str, key: bytes) -> Iterator[bytes]:
        with open(self.path_of(file_name), "rb") as source:
            yield from decrypt_segments(key, source)

    def remove(self, file_name: str) -> None:
        """Remove a file this operation wrote and did not record (never a recorded one)."""
        self.path_of(file_name).unlink(missing_ok=True)
        self.note_of(file_name).unlink(missing_ok=True)

    # ------------------------------------------------ pending notes and the quarantine folder
    def note_of(self, file_name: str) -> Path:
        return self.pending / file_name

    def recorded(self, file_name: str) -> None:
        """The file's record is committed: its pending note is no longer needed."""
        self.note_of(file_name).unlink(missing_ok=True)

    def pending_names(self) -> set[str]:
        if not self.pending.exists():
            return set()
        return {
            path.name
            for path in self.pending.iterdir()
            if is_our_name(path.name) and path.is_file()
        }

    def freshly_pending(self, within_seconds: float = PENDING_FRESH_SECONDS) -> set[str]:
        """Files whose note was written moments ago: a writer in another process (on a folder
        whose locks are not shared: a network or cloud folder, or vault.lock deleted) may be
        about to commit their record. Never set aside."""
        now = time.time()
        found = set()
        for name in self.pending_names():
            with contextlib.suppress(OSError):
                if now - self.note_of(name).stat().st_mtime < within_seconds:
                    found.add(name)
        return found

    def quarantine(self, file_name: str) -> None:
        """Move a file without a record (and its note, if any) aside; nothing is deleted."""
        self.quarantine_folder.mkdir(mode=0o700, exist_ok=True)
        note = self.note_of(file_name)
        if note.exists():
            note.replace(self.quarantine_folder / (file_name + NOTE_SUFFIX))
        self.path_of(file_name).replace(self.quarantine_folder / file_name)
        fsync_dir(self.quarantine_folder)
        fsync_dir(self.pending)
        fsync_dir(self.path_of(file_name).parent)

    def quarantined_names(self) -> list[str]:
        if not self.quarantine_folder.exists():
            return []
        return sorted(
            path.name
            for path in self.quarantine_folder.iterdir()
            if is_our_name(path.name) and path.is_file()
        )

    def quarantined_path(self, file_name: str) -> Path:
        return self.quarantine_folder / file_name

    def quarantined_note(self, file_name: str) -> bytes | None:
        note = self.quarantine_folder / (file_name + NOTE_SUFFIX)
        return note.read_bytes() if note.is_file() else None

    def read_quarantined(self, file_name: str, key: bytes) -> Iterator[bytes]:
        with open(self.quarantined_path(file_name), "rb") as source:
            yield from decrypt_segments(key, source)

    def unquarantine(self, file_name: str) -> None:
        """Put a quarantined file back in place, its note back under ``pending/``."""
        final = self.path_of(file_name)
        final.parent.mkdir(mode=0o700, exist_ok=True)
        note = self.quarantine_folder / (file_name + NOTE_SUFFIX)
        if note.exists():
            note.replace(self.note_of(file_name))
        publish(self.quarantined_path(file_name), final)
        fsync_dir(self.quarantine_folder)

    def discard_quarantined(self, file_name: str) -> None:
        """Only ever on the user's word."""
        self.quarantined_path(file_name).unlink(missing_ok=True)
        (self.quarantine_folder / (file_name + NOTE_SUFFIX)).unlink(missing_ok=True)
        fsync_dir(self.quarantine_folder)

    def all_file_names(self) -> set[str]:
        """The names of the vault's own files under ``blobs/``, each in its own fan-out folder."""
        # os.scandir, not pathlib: at each unlock this lists every file (1.4 s for 100,000
        # files with glob and Path objects).
        names: set[str] = set()
        try:
            with os.scandir(self.root) as fans:
                folders = [fan for fan in fans if len(fan.name) == 2 and fan.is_dir()]
        except OSError:  # no blobs/ folder yet
            return names
        for fan in folders:
            with contextlib.suppress(OSError), os.scandir(fan.path) as listed:
                names.update(
                    entry.name
                    for entry in listed
                    if entry.name[:2] == fan.name and is_our_name(entry.name) and entry.is_file()
                )
        return names

    def foreign_files(self) -> list[str]:
        """What lies in the vault's file folders that the vault did not write, as paths
        relative to the vault folder: left where it is, and said by verify."""
        found: list[str] = []
        base = self.root.parent
        for entry in sorted(self.root.iterdir()) if self.root.exists() else []:
            if not (_FAN_OUT.fullmatch(entry.name) and entry.is_dir()):
                found.append(entry.relative_to(base).as_posix())  # a foreign folder: not entered
                continue
            found += [
                path.relative_to(base).as_posix()
                for path in sorted(entry.iterdir())
                if not (is_our_name(path.name) and path.name[:2] == entry.name and path.is_file())
            ]
        for folder, ours in (
            (self.pending, is_our_name),
            (self.quarantine_folder, _is_quarantine_name),
            (self.tmp, lambda name: _OUR_TEMP_NAME.fullmatch(name) is not None),
        ):
            if folder.exists():
                found += [
                    path.relative_to(base).as_posix()
                    for path in sorted(folder.iterdir())
                    if not (ours(path.name) and path.is_file())
                ]
        return found

    def clear_temp(self) -> int:
        """Remove half-written files of ours left by a crash; returns how many. Nothing else in
        ``tmp/`` is touched, and a file that cannot be removed is left for the next time: a
        sweep must never stop a vault from opening."""
        removed = 0
        if self.tmp.exists():
            for leftover in self.tmp.iterdir():
                if _OUR_TEMP_NAME.fullmatch(leftover.name) is None or not leftover.is_file():
                    continue
                try:
                    leftover.unlink(missing_ok=True)
                except OSError:
                    continue
                removed += 1
        return removed


def _is_quarantine_name(name: str) -> bool:
    return is_our_name(name) or (
        name.endswith(NOTE_SUFFIX) and is_our_name(name[: -len(NOTE_SUFFIX)])
    )
