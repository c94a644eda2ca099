"""Shared fixtures: small real vaults with a fast (but real) Argon2id setting."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from storage.keys import KdfParams
from storage.vault import Vault

PASSPHRASE = "correct horse battery staple"
# ../shared/corpus beside the checkout (as in CI), or wherever DOSSIER_CORPUS points.
CORPUS = Path(
    os.environ.get("DOSSIER_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus")
)


@pytest.fixture(autouse=True)
def own_settings_file(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """No test reads or writes the user's own settings."""
    path = tmp_path_factory.mktemp("settings") / "settings.json"
    monkeypatch.setenv("DOSSIER_SETTINGS", str(path))
    return path


@pytest.fixture
def fast_kdf() -> KdfParams:
    # Real Argon2id at the lowest parameters a vault may have, so tests can open vaults often.
    return KdfParams.floor()


@pytest.fixture
def vault_folder(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def vault(vault_folder: Path, fast_kdf: KdfParams) -> Iterator[Vault]:
    opened = Vault.create(vault_folder, PASSPHRASE, kdf=fast_kdf)
    yield opened
    if not opened.is_locked:
        opened.lock()


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    return CORPUS
