"""After the window locks, a scan of its memory finds neither passphrase typed into it (the one
it was opened with, the one it was changed to) nor the vault's key, any subkey or the raw
backup key — through the real window, typed key by key, a backup made (Linux)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from storage.header import VaultHeader
from storage.keys import VaultKeys, derive_kek, unwrap
from tests.helpers import memory_counts

CHILD = Path(__file__).with_name("window_memory_child.py")
ROOT = Path(__file__).parents[2]
FIRST = "tundra gallop siren oboe 42"
SECOND = "lagoon muffin tractor ёлка 7"  # Cyrillic too: a two-byte string in Python and Qt


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux /proc")
def test_a_locked_window_keeps_no_passphrase_and_no_key(tmp_path: Path) -> None:
    codes = [str(ord(c)) for c in FIRST] + ["--"] + [str(ord(c)) for c in SECOND]
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(tmp_path / "vault"), str(tmp_path / "b.edbackup"),
         *codes],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        cwd=ROOT, env={**os.environ, "DOSSIER_SETTINGS": str(tmp_path / "settings.json"),
                       "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    try:
        assert child.stdout is not None
        said = child.stdout.readline().strip()
        assert said == "LOCKED", child.stderr.read() if child.stderr else ""
        header = VaultHeader.read(tmp_path / "vault")
        key = unwrap(derive_kek(SECOND, header.kdf), header.passphrase_wrap,
                     header.passphrase_aad())  # fmt: skip
        keys = VaultKeys(key, header.vault_id)
        needles = {"vault key": key, "database key as hex": keys.subkey("sqlcipher").hex().encode()}
        needles |= {f"{purpose} key": keys.subkey(purpose) for purpose in VaultKeys.PURPOSES}
        for name, passphrase in (("first passphrase", FIRST), ("second passphrase", SECOND)):
            needles[f"{name} (UTF-8)"] = passphrase.encode("utf-8")
            needles[f"{name} (UTF-16, as Qt keeps text)"] = passphrase.encode("utf-16-le")
        found = memory_counts(child.pid, needles)
    finally:
        child.kill()
        child.wait()
    print("[figure] the window after lock, copies in memory: "
          + ", ".join(f"{k} {v}" for k, v in found.items()))  # fmt: skip
    assert {name: count for name, count in found.items() if count} == {}
