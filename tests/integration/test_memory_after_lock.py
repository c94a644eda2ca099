"""After locking, what a memory scan of the process finds of the vault's keys (Linux)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from storage.header import VaultHeader
from storage.keys import VaultKeys, derive_kek, unwrap
from tests.helpers import memory_counts

CHILD = Path(__file__).with_name("memory_child.py")
ROOT = Path(__file__).parents[2]
PASSPHRASE = "memory test passphrase"


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux /proc")
def test_a_locked_process_keeps_no_copy_of_the_database_key(tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(folder), PASSPHRASE],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
    )  # fmt: skip
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "LOCKED", (
            child.stderr.read() if child.stderr else ""
        )
        header = VaultHeader.read(folder)
        key = unwrap(
            derive_kek(PASSPHRASE, header.kdf), header.passphrase_wrap, header.passphrase_aad()
        )
        keys = VaultKeys(key, header.vault_id)
        sqlcipher = keys.subkey("sqlcipher")
        found = memory_counts(
            child.pid,
            {
                "vault key": key,
                "database key": sqlcipher,
                "database key as hex": sqlcipher.hex().encode(),
                "file-wrapping key": keys.subkey("blob-wrap"),
            },
        )
    finally:
        child.kill()
        child.wait()
    print(
        "[figure] after lock, copies in memory: " + ", ".join(f"{k} {v}" for k, v in found.items())
    )
    assert found["database key as hex"] == 0
    assert found["database key"] == 0
