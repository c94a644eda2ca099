"""Changing the passphrase in the window asks for the new one twice, with its strength, and
offers to rotate the keys right after."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.app import DossierApp
from desktop.change_passphrase_dialog import ChangePassphraseDialog
from desktop.main_window import MainWindow
from dossier.services import vault_access, vault_admin
from tests.conftest import PASSPHRASE
from tests.desktop.helpers import TIMEOUT, open_app, wait_idle

NEW = "gallop siren oboe pinwheel lagoon"


def _changing(
    qtbot: QtBot, tmp_path: Path
) -> tuple[DossierApp, MainWindow, ChangePassphraseDialog]:
    """A new vault open in the window, its Change passphrase dialog open."""
    controller = open_app(qtbot, tmp_path / "vault")
    window = controller.window
    assert window is not None
    window.change_passphrase()
    return controller, window, window.change_passphrase_dialog


def test_a_slip_in_the_repeated_passphrase_changes_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    controller, window, dialog = _changing(qtbot, tmp_path)
    dialog.current.setText(PASSPHRASE)
    dialog.new.setText(NEW)
    qtbot.waitUntil(lambda: dialog.strength.words.text() != "", timeout=TIMEOUT)
    assert dialog.strength.words.text() in ("strong", "very strong")  # the meter is there
    dialog.repeat.setText(NEW + "x")
    dialog.submit()
    assert "differ" in dialog.message.text()
    wait_idle(qtbot, window)
    controller.lock()
    vault_access.unlock_with_passphrase(tmp_path / "vault", PASSPHRASE).lock()  # unchanged


def test_a_weak_new_passphrase_is_refused_with_the_reason(qtbot: QtBot, tmp_path: Path) -> None:
    controller, _window, dialog = _changing(qtbot, tmp_path)
    dialog.current.setText(PASSPHRASE)
    dialog.new.setText("password12")
    dialog.repeat.setText("password12")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=TIMEOUT)
    assert "one of the most common passwords" in dialog.message.text()
    controller.lock()


def test_a_changed_passphrase_opens_the_vault_and_key_rotation_is_offered(
    qtbot: QtBot, tmp_path: Path
) -> None:
    controller, window, dialog = _changing(qtbot, tmp_path)
    dialog.current.setText(PASSPHRASE)
    dialog.new.setText(NEW)
    dialog.repeat.setText(NEW)
    dialog.submit()
    qtbot.waitUntil(lambda: hasattr(window, "rotation_offer"), timeout=TIMEOUT)
    offer = window.rotation_offer
    assert "Rotate" in offer.button(QMessageBox.StandardButton.Yes).text()
    offer.button(QMessageBox.StandardButton.Yes).click()
    wait_idle(qtbot, window)
    rotations = [e for e in vault_admin.custody_log(window.vault) if "rotat" in e.action]
    assert rotations
    controller.lock()
    vault_access.unlock_with_passphrase(tmp_path / "vault", NEW).lock()


def test_a_wrong_current_passphrase_is_said_in_the_dialog(qtbot: QtBot, tmp_path: Path) -> None:
    controller, _window, dialog = _changing(qtbot, tmp_path)
    dialog.current.setText("not the passphrase")
    dialog.new.setText(NEW)
    dialog.repeat.setText(NEW)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=TIMEOUT)
    assert "passphrase" in dialog.message.text() and dialog.isVisible()
    controller.lock()
