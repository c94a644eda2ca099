"""What the vault sets aside or refuses is shown in the window, and only the user decides."""

from __future__ import annotations

import base64
import io
import json
import shutil
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.app import DossierApp
from dossier.services import documents
from storage.keys import KdfParams, wrap
from storage.vault import Vault
from tests.conftest import PASSPHRASE
from tests.desktop.conftest import OPEN

TIMEOUT = 30_000


def _unlock(qtbot: QtBot, folder: Path) -> DossierApp:
    controller = DossierApp(QApplication.instance(), folder, kdf=KdfParams.floor())  # type: ignore[arg-type]
    OPEN.append(controller)
    dialog = controller.start()
    qtbot.addWidget(dialog)
    dialog.passphrase.setText(PASSPHRASE)
    dialog.submit()
    return controller


def _interrupted_import(folder: Path, tmp_path: Path) -> None:
    """A vault where an import was killed after the file was written, before its record: the
    file and its pending note are written, and the record never is."""
    source = tmp_path / "протокол обыска.txt"
    source.write_text("Протокол обыска в редакции Kloop.")
    with Vault.create(folder, PASSPHRASE, kdf=KdfParams.floor()) as vault:
        keys = vault._require_keys()

        def note(name: str, key: bytes) -> bytes:
            body = {"key": base64.b64encode(key).decode(), "label": source.name}
            aad = b"pending|" + name.encode()
            return wrap(keys.subkey("blob-wrap"), json.dumps(body).encode(), aad)

        data = source.read_bytes()
        vault._files.write(io.BytesIO(data), len(data), note=note)


def test_unrecorded_files_are_offered_for_recovery_after_unlocking(
    qtbot: QtBot, tmp_path: Path
) -> None:
    folder = tmp_path / "vault"
    _interrupted_import(folder, tmp_path)
    controller = _unlock(qtbot, folder)
    qtbot.waitUntil(lambda: controller.window is not None, timeout=TIMEOUT)
    window = controller.window
    assert window is not None
    qtbot.waitUntil(lambda: window.unrecorded.box is not None, timeout=TIMEOUT)
    box = window.unrecorded.box
    assert box is not None
    assert "протокол обыска.txt" in box.text() and "never recorded" in box.text()
    recover = next(b for b in box.buttons() if b.text() == "Recover")
    recover.click()
    qtbot.waitUntil(lambda: window.jobs.running() == 0, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: bool(documents.list_documents(controller.vault)), timeout=TIMEOUT)  # type: ignore[arg-type]
    [document] = documents.list_documents(controller.vault)  # type: ignore[arg-type]
    assert document.original_name == "протокол обыска.txt"
    assert "Kloop" in documents.document_pages(controller.vault, document.id)[0]  # type: ignore[arg-type]
    controller.lock()


def test_discarding_asks_with_the_names_and_defaults_to_no(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    _interrupted_import(folder, tmp_path)
    controller = _unlock(qtbot, folder)
    qtbot.waitUntil(lambda: controller.window is not None, timeout=TIMEOUT)
    window = controller.window
    assert window is not None
    qtbot.waitUntil(lambda: window.unrecorded.box is not None, timeout=TIMEOUT)
    found = controller.vault.unrecorded_files()  # type: ignore[union-attr]
    window.unrecorded.confirm_discard(found)
    confirm = window.unrecorded.box
    assert confirm is not None and "протокол обыска.txt" in confirm.text()
    assert confirm.defaultButton() is confirm.button(QMessageBox.StandardButton.No)
    confirm.button(QMessageBox.StandardButton.No).click()
    qtbot.wait(200)
    assert len(controller.vault.unrecorded_files()) == 1  # type: ignore[union-attr]
    window.unrecorded.confirm_discard(found)
    window.unrecorded.box.button(QMessageBox.StandardButton.Yes).click()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: controller.vault.unrecorded_files() == [], timeout=TIMEOUT)  # type: ignore[union-attr]
    controller.lock()


def test_an_older_database_is_explained_and_opened_only_on_request(
    qtbot: QtBot, tmp_path: Path
) -> None:
    folder = tmp_path / "vault"
    with Vault.create(folder, PASSPHRASE, kdf=KdfParams.floor()) as vault:
        vault.store_bytes(b"first", label="first.pdf")
    saved = tmp_path / "saved"
    saved.mkdir()
    for part in folder.glob("vault.db*"):
        shutil.copy2(part, saved / part.name)
    with Vault.unlock(folder, PASSPHRASE) as vault:
        vault.store_bytes(b"second", label="second.pdf")
    for part in folder.glob("vault.db*"):
        part.unlink()
    for part in saved.iterdir():
        shutil.copy2(part, folder / part.name)
    controller = _unlock(qtbot, folder)
    dialog = controller.dialog
    qtbot.waitUntil(lambda: getattr(dialog, "older_box", None) is not None, timeout=TIMEOUT)
    assert "older than its key file" in dialog.older_box.text()
    assert controller.window is None  # nothing opened on its own
    dialog.open_older_copy()
    qtbot.waitUntil(lambda: controller.window is not None, timeout=TIMEOUT)
    assert [f.label for f in controller.vault.files()] == ["first.pdf"]  # type: ignore[union-attr]
    controller.lock()


def test_locking_returns_to_the_vault_that_was_open_and_says_when_it_is_gone(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """A vault on a USB stick, opened by choosing its folder: locking showed "Create vault"
    at the default folder, as if the vault were gone."""
    stick = tmp_path / "stick" / "Case files"
    Vault.create(stick, PASSPHRASE, kdf=KdfParams.floor()).lock()
    controller = DossierApp(
        QApplication.instance(),
        tmp_path / "default",
        kdf=KdfParams.floor(),  # type: ignore[arg-type]
    )
    OPEN.append(controller)
    dialog = controller.start()
    qtbot.addWidget(dialog)
    assert dialog.creating  # the default folder holds no vault
    dialog.folder_edit.setText(str(stick))
    dialog.passphrase.setText(PASSPHRASE)
    dialog.submit()
    qtbot.waitUntil(lambda: controller.window is not None, timeout=TIMEOUT)
    controller.lock()
    after = controller.dialog
    assert after is not None and after is not dialog
    qtbot.addWidget(after)
    assert after.folder == stick and not after.creating
    assert after.buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "Unlock"
    after.close()
    # The stick taken out while locked: said so, never offered as a place for a new vault.
    shutil.move(stick, tmp_path / "elsewhere")
    controller.start()
    gone = controller.dialog
    assert gone is not None
    qtbot.addWidget(gone)
    ok = gone.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and "not found at" in gone.message.text()
    gone.folder_edit.setText(str(tmp_path / "elsewhere"))  # another folder: usable again
    assert ok.isEnabled() and ok.text() == "Unlock" and gone.message.text() == ""
