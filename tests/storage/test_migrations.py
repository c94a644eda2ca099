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


def test_cases_made_before_annex_lists_annex_what_they_use(tmp_path: Path) -> None:
    """Upgrading to 0004 gives each case the documents its grounds and chronology use (in date
    order), not every document of the person, and never a confidential one."""
    from alembic import command
    from sqlalchemy import text

    from storage.keys import KdfParams

    with Vault.create(tmp_path / "v", "a passphrase for this test", kdf=KdfParams.floor()) as vault:
        engine = vault._require_engine()
        with engine.begin() as connection:
            command.downgrade(database._alembic_config(connection), "0003")
        with engine.begin() as connection:
            for statement, rows in _BEFORE_0004:
                connection.execute(text(statement), rows)
        database.upgrade(engine)
        with engine.connect() as connection:
            rows = connection.execute(
                text("SELECT document_id, position FROM case_exhibits ORDER BY position")
            ).all()
    assert [tuple(row) for row in rows] == [(2, 1), (1, 2)]  # document 3 unused, 4 confidential


_BEFORE_0004 = [
    ("INSERT INTO stored_files VALUES (1, 'f', 'l', 'text/plain', 1, 'h', 't', x'00', '',"
     " NULL, NULL)", [{}]),
    ("INSERT INTO documents (id, file_id, kind, title, date_published, mime_type, page_count,"
     " confidential, suggestions, warnings, created_at) VALUES (:id, 1, 'other', 't', :date,"
     " 'text/plain', 1, :secret, '{}', '[]', '')",
     [{"id": 1, "date": "2025-10-30", "secret": 0}, {"id": 2, "date": "2024-09-05", "secret": 0},
      {"id": 3, "date": "2020", "secret": 0}, {"id": 4, "date": "2021", "secret": 1}]),
    ("INSERT INTO people (id, name, notes, created_at) VALUES (1, 'P', '', '')", [{}]),
    ("INSERT INTO cases (id, person_id, kind, status, summary, arguments, created_at)"
     " VALUES (1, 1, 'ccf-deletion', 'draft', '', '', '')", [{}]),
    ("INSERT INTO grounds (id, case_id, code, title, explanation) VALUES (1, 1, 'c', 't', '')",
     [{}]),
    ("INSERT INTO ground_links VALUES (1, 'document', :d)", [{"d": 1}, {"d": 4}]),
    ("INSERT INTO events (id, person_id, date, sort_key, title, description, kind, created_at)"
     " VALUES (1, 1, '2024', '2024', 'e', '', 'other', '')", [{}]),
    ("INSERT INTO citations (event_id, document_id) VALUES (1, 2)", [{}]),
]  # fmt: skip
