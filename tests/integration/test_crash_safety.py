"""kill -9 at random moments and a full disk: the vault always opens, verifies, loses nothing."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from storage.keys import KdfParams
from storage.vault import Vault
from tests.conftest import PASSPHRASE

CHILD = Path(__file__).with_name("vault_child.py")
ROOT = Path(__file__).parents[2]


def _start(mode: str, folder: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(CHILD), mode, str(folder), PASSPHRASE],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )


@pytest.mark.slow
def test_kill_9_while_importing_never_loses_a_committed_item(
    vault_folder: Path, fast_kdf: KdfParams
) -> None:
    Vault.create(vault_folder, PASSPHRASE, kdf=fast_kdf).lock()
    rng = random.Random(20261122)
    committed: dict[int, str] = {}
    kills = 0
    for _ in range(24):
        child = _start("loop", vault_folder)
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "OPENED", (
            child.stderr.read() if child.stderr else ""
        )
        time.sleep(rng.uniform(0.02, 0.6))
        child.send_signal(signal.SIGKILL)
        out, _err = child.communicate(timeout=30)
        assert child.returncode == -signal.SIGKILL
        kills += 1
        for line in out.splitlines():
            if line.startswith("COMMITTED "):
                _, file_id, sha256 = line.split()
                committed[int(file_id)] = sha256
        with Vault.unlock(vault_folder, PASSPHRASE) as vault:
            stored = {record.id: record.sha256 for record in vault.files()}
            missing = {i: s for i, s in committed.items() if stored.get(i) != s}
            assert not missing, f"reported committed but missing after kill {kills}: {missing}"
            report = vault.verify()
            assert report.ok, report.problems()
        assert list((vault_folder / "tmp").iterdir()) == []
    assert kills >= 20
    assert len(committed) >= 20, "the child should have committed items between kills"


def test_disk_full_keeps_what_was_stored_and_leaves_nothing_half_written(
    vault_folder: Path, fast_kdf: KdfParams
) -> None:
    Vault.create(vault_folder, PASSPHRASE, kdf=fast_kdf).lock()
    child = _start("diskfull", vault_folder)
    out, err = child.communicate(timeout=120)
    assert child.returncode == 0, err
    lines = out.splitlines()
    assert "STORED before" in lines
    for case in ("big-file", "big-record"):
        line = next(line for line in lines if case in line)
        assert line.startswith("DISKFULL"), line
        assert "disk is full" in line and "nothing already in the vault was changed" in line
    with Vault.unlock(vault_folder, PASSPHRASE) as vault:
        assert [record.label for record in vault.files()] == ["before"]
        assert vault.read_bytes(1) == b"stored before the disk filled"
        assert vault.verify().ok
    blobs = [path for path in (vault_folder / "blobs").rglob("*") if path.is_file()]
    assert len(blobs) == 1
    assert list((vault_folder / "tmp").iterdir()) == []
