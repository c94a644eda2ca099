"""An export is plaintext outside the vault: it and its part file are the owner's alone, and a
part a killed export left is removed the next time the vault is opened."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

import pytest

from dossier.export.case_export import export_case, parse_time
from dossier.services import cases, documents, exhibits, exports_in_progress, people, vault_access
from storage.vault import Vault
from tests.conftest import PASSPHRASE

AT = parse_time("2025-11-20T10:00:00Z")


def _case(vault: Vault, tmp_path: Path) -> int:
    person = people.add_person(vault, "Rinat Tukhvatshin")
    case = cases.add_case(vault, person.id, "general")
    source = tmp_path / "ruling.txt"
    source.write_text("The court's ruling.", encoding="utf-8")
    (document,) = documents.import_files(vault, [source], person_ids=[person.id]).imported
    exhibits.add_exhibit(vault, case.id, document.id)
    return case.id


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_an_export_and_its_part_are_readable_by_their_owner_only(
    vault: Vault, tmp_path: Path, kind: str
) -> None:
    case_id = _case(vault, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    result = export_case(vault, case_id, out / f"bundle.{kind}", at=AT, draft=True, format=kind)
    assert stat.S_IMODE(result.path.stat().st_mode) == 0o600


def test_a_part_file_is_made_readable_by_its_owner_only(tmp_path: Path) -> None:
    from dossier.export.output import writing

    with writing(tmp_path / "bundle.pdf") as part:
        assert stat.S_IMODE(part.stat().st_mode) == 0o600  # before the renderer writes
        part.write_bytes(b"%PDF-1.7")
    assert stat.S_IMODE((tmp_path / "bundle.pdf").stat().st_mode) == 0o600


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_part_left_by_a_killed_export_is_removed_when_the_vault_is_next_opened(
    vault: Vault, vault_folder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "stick"
    out.mkdir()
    # As a killed export leaves it: recorded as started, never ended, its part written.
    killed = exports_in_progress.exporting_into(vault, out)
    killed.__enter__()  # and never left (held, so that collecting it does not end it)
    part = out / f".evidence-dossier-export-{_dead_pid()}-0123456789ab.part"
    part.write_bytes(b"%PDF-1.7 the whole bundle, in plaintext")
    mine = out / "my notes.txt"
    mine.write_text("the lawyer's own file")
    vault.lock()
    vault_access.unlock_with_passphrase(vault_folder, PASSPHRASE).lock()
    assert not part.exists()
    assert mine.exists()  # only our part files go
    del killed


def test_a_folder_not_there_at_unlock_is_swept_when_it_is_back(
    vault: Vault, vault_folder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "stick"
    out.mkdir()
    killed = exports_in_progress.exporting_into(vault, out)
    killed.__enter__()
    part = out / f".evidence-dossier-export-{_dead_pid()}-0123456789ab.part"
    part.write_bytes(b"%PDF-1.7 the whole bundle")
    vault.lock()
    out.rename(tmp_path / "unplugged")
    vault_access.unlock_with_passphrase(vault_folder, PASSPHRASE).lock()
    assert (tmp_path / "unplugged" / part.name).exists()  # not there, so not forgotten
    (tmp_path / "unplugged").rename(out)
    vault_access.unlock_with_passphrase(vault_folder, PASSPHRASE).lock()
    assert not part.exists()
    del killed
