"""Child process for crash and disk-full tests: does real vault work until stopped.

python vault_child.py loop VAULT PASSPHRASE      import documents forever, printing each commit
python vault_child.py diskfull VAULT PASSPHRASE  store under a file-size limit
python vault_child.py batch VAULT PASSPHRASE     add three files in a batch, say ADDED, wait
"""

from __future__ import annotations

import os
import resource
import signal
import sys
import tempfile
from pathlib import Path

from dossier.services.documents import import_one
from storage.errors import DiskFull
from storage.vault import Vault


def loop(vault: Vault, scratch: Path) -> None:
    index = 0
    while True:
        # Sizes vary from a few bytes to several segments, so kills land in every phase.
        size = [40, 70_000, 1_100_000, 2_600_000][index % 4] + index
        line = f"{os.getpid()}-{index} Протокол ң ө ү\n".encode()
        source = scratch / f"item {os.getpid()}-{index}.txt"
        source.write_bytes((line * (size // len(line) + 1))[:size])
        result = import_one(vault, source)
        assert not isinstance(result, str)
        print(f"COMMITTED {result.file_id} {result.sha256} {result.ref}", flush=True)
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
    if mode == "batch":
        with vault.batch(at_most=1_000, seconds=3_600):
            for index in range(3):
                vault.store_bytes(f"Протокол {index}".encode(), label=f"protocol {index}.txt")
            print("ADDED", flush=True)
            sys.stdin.readline()  # killed here, before the batch commits
    elif mode == "loop":
        with tempfile.TemporaryDirectory() as scratch:
            loop(vault, Path(scratch))
    else:
        disk_full(vault)


if __name__ == "__main__":
    main()
