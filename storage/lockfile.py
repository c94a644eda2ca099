"""One process at a time per vault: an exclusive lock on ``vault.lock``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO

from storage.errors import VaultInUse

LOCK_NAME = "vault.lock"


class VaultLock:
    def __init__(self, folder: Path) -> None:
        self._path = folder / LOCK_NAME
        self._handle: IO[bytes] | None = None

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

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()  # closing the descriptor releases the lock
            self._handle = None
