"""Verifying a vault against the machine's own rate: every stored file read, decrypted
(AES-GCM, 1 MiB segments) and hashed (SHA-256) by `verify`, and the same bytes read,
put through AES-GCM and SHA-256 by plain code in one thread, in the same run.
Usage: python bench/verify.py [MB of large files, default 600] [small files, default 3000]
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
import time
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from storage.blobs import BLOBS_DIR
from storage.keys import KdfParams
from storage.stream import DEFAULT_SEGMENT
from storage.vault import Vault

PASSPHRASE = "bench"  # noqa: S105 (a throwaway vault of random files)


def fill(vault: Vault, megabytes: int, small: int) -> int:
    """Files of 8 MB (scans, recordings) and of 40 kB (articles); returns the bytes."""
    total = 0
    large = os.urandom(8 * 1024 * 1024)
    for index in range(megabytes // 8):
        data = large[index:] + large[:index]  # each file its own content
        vault.store_bytes(data, label=f"large {index}")
        total += len(data)
    for index in range(small):
        data = os.urandom(40_000)
        vault.store_bytes(data, label=f"small {index}")
        total += len(data)
    return total


def decrypt_and_hash(files: list[Path]) -> float:
    """The machine's rate: read each file, AES-GCM over each segment, SHA-256 of the result
    (the same work as decrypting, with a key of its own)."""
    aead = AESGCM(AESGCM.generate_key(256))
    nonce = bytes(12)
    start = time.perf_counter()
    for path in files:
        digest = hashlib.sha256()
        with open(path, "rb") as source:
            while segment := source.read(DEFAULT_SEGMENT + 16):
                digest.update(aead.encrypt(nonce, segment[:-16] or segment, None))
        digest.hexdigest()
    return time.perf_counter() - start


def main() -> None:
    megabytes = int(sys.argv[1]) if len(sys.argv) > 1 else 600
    small = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as scratch:
        folder = Path(scratch) / "vault"
        with Vault.create(folder, PASSPHRASE, kdf=KdfParams.floor()) as vault:
            stored = fill(vault, megabytes, small)
            files = sorted(path for path in (folder / BLOBS_DIR).glob("??/*") if path.is_file())
            decrypt_and_hash(files)  # both read from the page cache, not the disk
            reference = decrypt_and_hash(files)
            start = time.perf_counter()
            report = vault.verify()
            ours = time.perf_counter() - start
        assert report.ok
        rate = stored / 1_000_000
        print(f"vault:                 {len(files)} files, {rate:.0f} MB")
        print(f"decrypt + hash only:   {reference:8.2f} s ({rate / reference:.0f} MB/s)")
        print(f"dossier verify:        {ours:8.2f} s ({rate / ours:.0f} MB/s)")
        print(f"ratio (rate):          {reference / ours:8.2f}× the machine's (target >= 0.8)")


if __name__ == "__main__":
    main()
