"""Vaults made by older versions upgrade on open, after a backup of their database."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from storage import database
from storage.vault import Vault

FIXTURE = Path(__file__).parents[1] / "fixtures" / "vault-schema-0001"
FIXTURE_PASSPHRASE = "fixture passphrase 0001"


@pytest.fixture
def old_vault(tmp_path: Path) -> Path:
    copy = tmp_path / "old-vault"
    shutil.copytree(FIXTURE, copy)
    return copy


def test_first_schema_vault_upgrades_and_keeps_everything(old_vault: Path) -> None:
    with Vault.unlock(old_vault, FIXTURE_PASSPHRASE) as vault:
        assert database.current_revision(vault._engine) == database.head_revision()  # type: ignore[arg-type]
        labels = {record.label: vault.read_bytes(record.id) for record in vault.files()}
        assert labels["Ринат Тухватшин — statement.txt"].decode().startswith("Мы отклонили")
        assert len(labels) == 2
        report = vault.verify()
        assert report.ok, report.problems()
        assert all(record.last_verify_ok for record in vault.files())


def test_upgrade_keeps_a_backup_of_the_old_database(old_vault: Path) -> None:
    original = (old_vault / "vault.db").read_bytes()
    Vault.unlock(old_vault, FIXTURE_PASSPHRASE).lock()
    backups = list((old_vault / "backups").glob("vault-before-upgrade-from-0001-*.db"))
    assert len(backups) == 1
    assert backups[0].read_bytes() == original


def test_upgrade_happens_once(old_vault: Path) -> None:
    Vault.unlock(old_vault, FIXTURE_PASSPHRASE).lock()
    Vault.unlock(old_vault, FIXTURE_PASSPHRASE).lock()
    assert len(list((old_vault / "backups").iterdir())) == 1


def test_the_committed_fixture_is_still_at_the_first_schema(old_vault: Path) -> None:
    # Guards against someone regenerating the fixture with today's schema.
    from storage.header import VaultHeader
    from storage.keys import VaultKeys, derive_kek, unwrap

    header = VaultHeader.read(old_vault)
    key = unwrap(
        derive_kek(FIXTURE_PASSPHRASE, header.kdf), header.passphrase_wrap, header.passphrase_aad()
    )
    keys = VaultKeys(key, header.vault_id)
    engine = database.open_engine(old_vault / "vault.db", keys.subkey("sqlcipher"))
    try:
        assert database.current_revision(engine) == "0001"
    finally:
        engine.dispose()
