"""The strength meter of a new vault says its verdict in words, in the interface's language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.unlock_dialog import UnlockDialog

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"


def test_the_meter_speaks_russian_in_the_russian_interface(qtbot: QtBot, tmp_path: Path) -> None:
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / "dossier_ru.qm")), "make builds the .qm files"
    QApplication.installTranslator(translator)
    try:
        dialog = UnlockDialog(tmp_path / "new-vault")
        qtbot.addWidget(dialog)
        dialog.passphrase.setText("password12")
        qtbot.waitUntil(lambda: dialog.meter_words.text() != "", timeout=30_000)
        assert dialog.meter_words.text() == "слабый: один из самых распространённых паролей"
    finally:
        QApplication.removeTranslator(translator)
