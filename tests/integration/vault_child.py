"""Child process for crash and disk-full tests: does real vault work until stopped.

python vault_child.py loop VAULT PASSPHRASE      store files forever, printing each commit
python vault_child.py diskfull VAULT PASSPHRASE  store under a file-size limit
"""

from __future__ import annotations

import hashlib
import os
import resource
import signal
import sys
from pathlib import Path

from storage.errors import DiskFull
from storage.vault import Vault


def loop(vault: Vault) -> None:
    index = 0
    while True:
        # Sizes vary from a few bytes to several segments, so kills land in every phase.
        size = [10, 70_000, 1_100_000, 2_600_000][index % 4] + index
        data = hashlib.sha256(str(index).encode()).digest() * (size // 32 + 1)
        result = vault.store_bytes(data[:size], label=f"item {os.getpid()}-{index}")
        print(f"COMMITTED {result.record.id} {result.record.sha256}", flush=True)
        index += 1


def disk_full(vault: Vault) -> None:
    vault.store_bytes(b"stored before the disk filled", label="before")
    print("STORED before", flush=True)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # get EFBIG, as a full disk gives ENOSPC
    limit = 4 * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    for case, label, size in (
        ("big-file", "big video.mp4", 12 * 1024 * 1024),
        ("big-record", "x" * (6 * 1024 * 1024), 10),
    ):
        try:
            vault.store_bytes(os.urandom(size), label=label)
            print(f"NOERROR {case}", flush=True)
        except DiskFull as error:
            print(f"DISKFULL {case} {error}", flush=True)
    vault.lock()


def main() -> None:
    mode, folder, passphrase = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    vault = Vault.unlock(folder, passphrase)
    print("OPENED", flush=True)
    {"loop": loop, "diskfull": disk_full}[mode](vault)


if __name__ == "__main__":
    main()
