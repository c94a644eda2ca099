"""Store a large file in a vault: MB/s and peak RSS, against plain SHA-256 + AES-GCM.

The reference reads the same file in the same process and does only what any encrypted store
must do (hash and encrypt every byte); the ratio shows what our format, fsyncs and bookkeeping
cost on top. Usage: python bench/import_throughput.py [size in MB, default 1024]
"""

from __future__ import annotations

import hashlib
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from storage.keys import KdfParams
from storage.stream import DEFAULT_SEGMENT
from storage.vault import Vault


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_file(path: Path, size: int) -> None:
    block = os.urandom(DEFAULT_SEGMENT)
    with open(path, "wb") as sink:
        written = 0
        while written < size:
            # Vary each block cheaply so nothing downstream can shortcut repeated data.
            piece = block[: min(len(block), size - written)]
            sink.write(written.to_bytes(8, "big") + piece[8:])
            written += len(piece)
        # Flushed now, so its write-back does not compete with the runs measured below.
        sink.flush()
        os.fsync(sink.fileno())


def reference(path: Path) -> float:
    aead = AESGCM(os.urandom(32))
    nonce = os.urandom(12)
    digest = hashlib.sha256()
    start = time.perf_counter()
    with open(path, "rb") as source:
        while chunk := source.read(DEFAULT_SEGMENT):
            digest.update(chunk)
            aead.encrypt(nonce, chunk, None)
    return time.perf_counter() - start


def disk_floor(path: Path, scratch: Path) -> float:
    """Copy the file with a final fsync: the least any durable store of it can take."""
    block = os.urandom(DEFAULT_SEGMENT)
    start = time.perf_counter()
    with open(path, "rb") as source, open(scratch / "copy.bin", "wb") as sink:
        while chunk := source.read(DEFAULT_SEGMENT):
            sink.write(block[: len(chunk)])
        sink.flush()
        os.fsync(sink.fileno())
    seconds = time.perf_counter() - start
    (scratch / "copy.bin").unlink()
    return seconds


def ours(path: Path, folder: Path) -> float:
    with Vault.create(folder, "benchmark passphrase", kdf=KdfParams.floor()) as vault:
        start = time.perf_counter()
        vault.store_file(path)
        return time.perf_counter() - start


def main() -> None:
    size_mb = int(sys.argv[1]) if len(sys.argv) > 1 else 1024
    size = size_mb * 1024 * 1024
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as scratch:
        source = Path(scratch) / "input.bin"
        make_file(source, size)
        reference(source)  # warm the page cache for both runs alike
        rss_before = peak_rss_mb()
        ref_seconds = min(reference(source) for _ in range(2))
        our_seconds = ours(source, Path(scratch) / "vault")
        floor_seconds = disk_floor(source, Path(scratch))
        mb = size / 1e6
        print(f"file size:            {size_mb} MiB")
        print(f"reference sha256+GCM: {mb / ref_seconds:8.1f} MB/s ({ref_seconds:.2f} s)")
        print(f"disk floor (copy+fsync): {mb / floor_seconds:5.1f} MB/s ({floor_seconds:.2f} s)")
        print(f"vault store_file:     {mb / our_seconds:8.1f} MB/s ({our_seconds:.2f} s)")
        print(f"ratio ours/reference: {ref_seconds / our_seconds:8.2f} (target >= 0.70)")
        print(f"peak RSS:             {peak_rss_mb():8.1f} MB (before the runs {rss_before:.1f})")


if __name__ == "__main__":
    main()
