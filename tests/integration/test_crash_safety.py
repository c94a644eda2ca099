"""kill -9 at random moments and a full disk: the vault always opens, verifies, loses nothing."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dossier.services import documents, recovery
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
    """Every reported import survives; a file without its document is never left; whatever was
    written but not committed is set aside and can be recovered as a document."""
    Vault.create(vault_folder, PASSPHRASE, kdf=fast_kdf).lock()
    rng = random.Random(20261122)
    committed: dict[int, str] = {}
    kills = set_aside = waited_for = 0
    for _ in range(24):
        child = _start("loop", vault_folder)
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "OPENED", (
            child.stderr.read() if child.stderr else ""
        )
        # The kill comes after a number of commits the test chose (so that items are committed
        # between kills however slow the machine), then somewhere in the work that follows.
        lines: list[str] = []
        for _commit in range(rng.choice([0, 1, 1, 2])):
            lines.append(child.stdout.readline())
            assert lines[-1].startswith("COMMITTED "), child.stderr.read() if child.stderr else ""
            waited_for += 1
        time.sleep(rng.uniform(0, 0.3))  # where the kill lands; any moment must be safe
        child.send_signal(signal.SIGKILL)
        out, err = child.communicate(timeout=30)
        assert child.returncode == -signal.SIGKILL, err
        kills += 1
        for line in lines + out.splitlines():
            if line.startswith("COMMITTED "):
                _, file_id, sha256, _ref = line.split()
                committed[int(file_id)] = sha256
        with Vault.unlock(vault_folder, PASSPHRASE) as vault:
            stored = {record.id: record.sha256 for record in vault.files()}
            missing = {i: s for i, s in committed.items() if stored.get(i) != s}
            assert not missing, f"reported committed but missing after kill {kills}: {missing}"
            with_document = {d.file_id for d in documents.list_documents(vault)}
            assert set(stored) == with_document, f"a file without its document after {kills}"
            report = vault.verify()
            assert report.files and all(check.ok for check in report.files)
            assert not report.database_problems and not report.custody_problems
            assert all(found.recoverable for found in report.unrecorded)
            for found in report.unrecorded:
                recovered = recovery.recover(vault, found.name)
                assert not isinstance(recovered, str)
                assert recovered.original_name == found.label
                assert recovered.page_count >= 1
                set_aside += 1
            assert vault.verify().ok
        assert list((vault_folder / "tmp").iterdir()) == []
    assert len(committed) >= waited_for >= 20
    print(f"[figure] kill -9 ×{kills}: {len(committed)} committed, {set_aside} set aside, all kept")


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


def test_kill_9_inside_a_batch_leaves_its_files_recoverable(
    vault_folder: Path, fast_kdf: KdfParams
) -> None:
    """A batch killed before its commit records nothing, and loses nothing: each file it
    added is set aside and recovered."""
    Vault.create(vault_folder, PASSPHRASE, kdf=fast_kdf).lock()
    child = subprocess.Popen(
        [sys.executable, str(CHILD), "batch", str(vault_folder), PASSPHRASE],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        cwd=ROOT,
    )  # fmt: skip
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "OPENED"
    assert child.stdout.readline().strip() == "ADDED", child.stderr.read() if child.stderr else ""
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=30)
    with Vault.unlock(vault_folder, PASSPHRASE) as vault:
        assert vault.files() == []
        report = vault.verify()
        assert sorted(found.label for found in report.unrecorded) == [
            "protocol 0.txt", "protocol 1.txt", "protocol 2.txt"
        ]  # fmt: skip
        assert all(found.recoverable for found in report.unrecorded)
        for found in report.unrecorded:
            assert not isinstance(recovery.recover(vault, found.name), str)
        assert len(vault.files()) == 3 and vault.verify().ok
