"""Help ▸ About names the version, that nothing leaves the computer, and every licence."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QAbstractItemView, QPlainTextEdit
from pytestqt.qtbot import QtBot

from dossier import about
from tests.desktop.helpers import TIMEOUT, open_person, wait_idle


def test_the_about_dialog_lists_every_bundled_part_read_only_with_the_licence_texts(
    qtbot: QtBot, tmp_path: Path
) -> None:
    _controller, window, _page = open_person(qtbot, tmp_path / "vault")
    wait_idle(qtbot, window)
    help_menu = next(a for a in window.menuBar().actions() if a.text() == "&Help").menu()
    names = [action.text() for action in help_menu.actions()]
    assert names == ["About Evidence Dossier…", "Diagnostics…", "About Qt…"]
    help_menu.actions()[0].trigger()
    qtbot.waitUntil(lambda: hasattr(window, "about_dialog"), timeout=TIMEOUT)
    dialog = window.about_dialog
    table = dialog.table
    rows = {table.item(row, 0).text(): table.item(row, 2).text() for row in range(table.rowCount())}
    assert rows["Qt"] == "LGPL-3.0-only" and rows["SQLCipher"] == "BSD-3-Clause"
    assert len(rows) >= len(about.python_packages())
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    dialog.texts_button.click()
    texts = dialog.texts.findChild(QPlainTextEdit)
    assert texts.isReadOnly() and "GNU LESSER GENERAL PUBLIC LICENSE" in texts.toPlainText()
    dialog.texts.close()
    dialog.close()
