"""Opening a large vault: unlock (beyond the passphrase's key derivation) and the person list,
with 10,000 and 100,000 stored files, against the key derivation alone in the same run.
The files' records and encrypted files are written directly (a real import of 100,000
documents takes half an hour); unlock reads neither their content nor their keys.
Usage: python bench/open_vault.py [numbers of files, default 10000 100000]
"""

from __future__ import annotations

import hashlib
import os
import secrets
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert

from dossier.services import people
from storage.blobs import BLOBS_DIR
from storage.header import VaultHeader
from storage.keys import KdfParams, derive_kek
from storage.models import StoredFile
from storage.vault import Vault

PASSPHRASE = "bench"  # noqa: S105 (a throwaway vault of generated records)


def fill(vault: Vault, folder: Path, count: int) -> None:
    blob = os.urandom(2_000)
    rows = []
    for index in range(count):
        name = secrets.token_hex(16)
        fan = folder / BLOBS_DIR / name[:2]
        fan.mkdir(mode=0o700, exist_ok=True)
        path = fan / name
        path.write_bytes(blob)
        path.chmod(0o600)
        digest = hashlib.sha256(name.encode()).hexdigest()
        rows.append({
            "file_name": name, "label": f"document {index}.pdf", "media_type": "application/pdf",
            "size": len(blob), "sha256": digest, "dedup_tag": digest,
            "wrapped_key": os.urandom(40), "created_at": "2025-11-20T10:00:00.000000Z",
        })  # fmt: skip
    with vault.transaction() as session:
        session.execute(insert(StoredFile), rows)
    for index in range(300):
        people.add_person(vault, f"Person {index}", native_name=f"Человек {index}")


def main() -> None:
    counts = [int(arg) for arg in sys.argv[1:]] or [10_000, 100_000]
    for count in counts:
        with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as scratch:
            folder = Path(scratch) / "vault"
            with Vault.create(folder, PASSPHRASE, kdf=KdfParams.floor()) as vault:
                fill(vault, folder, count)
            header = VaultHeader.read(folder)
            start = time.perf_counter()
            derive_kek(PASSPHRASE, header.kdf)
            kdf = time.perf_counter() - start
            start = time.perf_counter()
            with Vault.unlock(folder, PASSPHRASE) as vault:
                unlocked = time.perf_counter() - start
                start = time.perf_counter()
                listed = people.list_people(vault)
                listing = time.perf_counter() - start
            assert len(listed) == 300
        beyond = unlocked - kdf
        unlock = f"{unlocked:8.3f} s ({beyond:.3f} s beyond the key derivation)"
        print(f"== {count} stored files, 300 people")
        print(f"key derivation alone:  {kdf:8.3f} s")
        print(f"unlock:                {unlock}")
        print(f"person list:           {listing:8.3f} s")
        print(f"unlock + list, beyond the key derivation: {beyond + listing:.3f} s (target < 2)")


if __name__ == "__main__":
    main()
