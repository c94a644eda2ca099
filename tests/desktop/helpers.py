"""Helpers for tests of the window: a new vault opened in the app, a person's page, idle."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.app import DossierApp
from desktop.main_window import MainWindow, PersonPage
from storage.keys import KdfParams
from tests.conftest import PASSPHRASE
from tests.desktop.conftest import OPEN

TIMEOUT = 30_000


def open_app(qtbot: QtBot, folder: Path) -> DossierApp:
    controller = DossierApp(
        QApplication.instance(),
        folder,
        kdf=KdfParams.floor(),  # type: ignore[arg-type]
    )
    OPEN.append(controller)
    dialog = controller.start()
    qtbot.addWidget(dialog)
    assert dialog.creating
    dialog.passphrase.setText(PASSPHRASE)
    dialog.repeat.setText(PASSPHRASE)
    dialog.submit()
    qtbot.waitUntil(lambda: controller.window is not None, timeout=TIMEOUT)
    return controller


def open_person(
    qtbot: QtBot, folder: Path, name: str = "Rinat Tukhvatshin", native: str | None = None
) -> tuple[DossierApp, MainWindow, PersonPage]:
    """A new vault with one person, whose page is open."""
    controller = open_app(qtbot, folder)
    window = controller.window
    assert window is not None
    window.add_person(name, native)
    qtbot.waitUntil(lambda: window.people.count() == 1, timeout=TIMEOUT)
    window.people.setCurrentRow(0)
    page = window.person_page
    assert page is not None
    return controller, window, page


def wait_idle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.jobs.running() == 0, timeout=TIMEOUT)


def select_text(edit: object, needle: str) -> None:
    text = edit.toPlainText()  # type: ignore[attr-defined]
    start = text.index(needle)
    cursor = edit.textCursor()  # type: ignore[attr-defined]
    cursor.setPosition(start)
    cursor.setPosition(start + len(needle), QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)  # type: ignore[attr-defined]
