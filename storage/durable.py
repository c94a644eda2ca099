"""Crash-safe file writes: temp file inside the vault, fsync, rename, fsync the folder."""

from __future__ import annotations

import errno
import os
import secrets
from pathlib import Path
from typing import BinaryIO

from storage.errors import DiskFull

# ENOSPC: disk full; EDQUOT: quota; EFBIG: file size limit (RLIMIT_FSIZE or the file system's).
_NO_SPACE = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


def is_out_of_space(error: BaseException) -> bool:
    return isinstance(error, OSError) and error.errno in _NO_SPACE


def fsync_dir(folder: Path) -> None:
    if os.name != "posix":  # Windows has no directory handles to fsync; NTFS journals renames.
        return
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def create_private(path: Path) -> BinaryIO:
    """A new file only its owner can read (0600 whatever the umask); fails if it exists."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    return os.fdopen(os.open(path, flags, 0o600), "wb")


def temp_path(tmp_folder: Path, suffix: str = ".part") -> Path:
    return tmp_folder / (secrets.token_hex(16) + suffix)


def publish(temp: Path, final: Path) -> None:
    """Atomically move a fully written, fsynced temp file into place and persist the rename."""
    temp.replace(final)
    fsync_dir(final.parent)


def atomic_write(
    final: Path, data: bytes, tmp_folder: Path | None = None, *, sync_folder: bool = True
) -> None:
    """Replace ``final`` with ``data`` so that a crash leaves either the old or the new file.

    ``sync_folder=False`` skips persisting the rename itself, for writes where finding the old
    file after a power cut is harmless (it is still a whole, valid file).
    """
    folder = tmp_folder or final.parent
    temp = temp_path(folder, ".tmp")
    try:
        with create_private(temp) as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if sync_folder:
            publish(temp, final)
        else:
            temp.replace(final)
    except OSError as error:
        temp.unlink(missing_ok=True)
        if is_out_of_space(error):
            raise DiskFull() from error
        raise
