"""One process at a time per vault: an exclusive lock on ``vault.lock``, and (POSIX) on the
vault folder itself and its database file, so that deleting ``vault.lock`` (a sync tool, a
careless clean-up) does not let a second process in beside the first.

The folder is what cannot be swapped: the key file and the database are replaced by rename
(a lock on the file renamed away would guard nothing), and a second program that got past
``vault.lock`` would otherwise read the key file or finish a key rotation it found half done
(the first one's, in progress) before it reached the database's lock.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

from storage.errors import VaultInUse

LOCK_NAME = "vault.lock"


class VaultLock:
    def __init__(self, folder: Path) -> None:
        self._path = folder / LOCK_NAME
        self._handle: IO[bytes] | None = None
        self._held: list[IO[bytes]] = []
        self._folder_fd: int | None = None

    def acquire(self) -> None:
        handle = open(self._path, "a+b")  # noqa: SIM115 - held open for the vault's lifetime
        try:
            if sys.platform == "win32":
                import msvcrt

                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            handle.close()
            raise VaultInUse() from error
        self._handle = handle
        try:
            self._lock_folder()
        except BaseException:
            self.release()
            raise

    def _lock_folder(self) -> None:
        """POSIX: flock the folder itself (Windows opens no folder as a file; there a file
        another process holds open cannot be deleted, so vault.lock stays)."""
        if sys.platform == "win32":
            return
        import fcntl

        fd = os.open(self._path.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            os.close(fd)
            raise VaultInUse() from error
        self._folder_fd = fd

    def hold(self, path: Path) -> None:
        """Also lock ``path`` (the database) for as long as the vault is open. POSIX only:
        Windows' byte-range locks would bar this process's own reads of it, and Windows
        refuses to delete a file another process holds open in any case."""
        if sys.platform == "win32" or not path.exists():
            return
        import fcntl

        handle = open(path, "rb")  # noqa: SIM115 - held open for the vault's lifetime
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            handle.close()
            raise VaultInUse() from error
        self._held.append(handle)

    def release(self) -> None:
        for handle in self._held:
            handle.close()
        self._held.clear()
        if self._folder_fd is not None:
            os.close(self._folder_fd)
            self._folder_fd = None
        if self._handle is not None:
            self._handle.close()  # closing the descriptor releases the lock
            self._handle = None


# File systems whose locks another computer does not see (or that do not lock at all).
_NETWORK_TYPES = {
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "ceph", "glusterfs", "9p",
    "davfs", "fuse.sshfs", "fuse.rclone", "fuse.s3fs", "fuse.gcsfuse", "fuse.davfs",
}  # fmt: skip


def file_system_type(folder: Path) -> str | None:
    """The type of the file system ``folder`` is on, where the system says (Linux)."""
    try:
        mounts = Path("/proc/self/mountinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    target = str(folder.resolve())
    best, best_type = "", None
    for line in mounts.splitlines():
        fields, _, rest = line.partition(" - ")
        parts = fields.split()
        if len(parts) < 5 or not rest:
            continue
        point = parts[4].replace("\\040", " ")
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, best_type = point, rest.split()[0]
    return best_type


def locks_may_not_be_shared(folder: Path) -> bool:
    """Whether another computer's program could open this vault beside ours unseen: a
    network file system, or a Windows share."""
    if sys.platform == "win32":
        return str(folder.resolve()).startswith("\\\\")
    kind = file_system_type(folder)
    return kind is not None and kind in _NETWORK_TYPES
