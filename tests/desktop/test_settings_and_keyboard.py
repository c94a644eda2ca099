"""Settings persist with declared defaults and nothing of a client; the keyboard reaches
every action."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.app import DossierApp
from dossier import settings
from tests.desktop.conftest import OPEN
from tests.desktop.test_whole_path import open_person


def test_language_and_idle_minutes_persist_and_nothing_else_is_written(
    qtbot: QtBot, tmp_path: Path, own_settings_file: Path
) -> None:
    controller, _window, _page = open_person(qtbot, tmp_path / "vault", name="Rinat Tukhvatshin")
    controller.set_idle_minutes(3)
    assert controller.idle.interval() == 180_000
    controller.choose_language("ru")
    saved = json.loads(own_settings_file.read_text(encoding="utf-8"))
    assert saved == {"language": "ru", "idle_minutes": 3.0}
    text = own_settings_file.read_text(encoding="utf-8")
    assert "Tukhvatshin" not in text and str(tmp_path) not in text
    later = DossierApp(QApplication.instance(), tmp_path / "vault")  # type: ignore[arg-type]
    OPEN.append(later)
    assert later.settings == settings.Settings("ru", 3.0)
    assert later.idle.interval() == 180_000


def test_a_damaged_settings_file_gives_the_defaults(own_settings_file: Path) -> None:
    own_settings_file.write_text('{"language": "xx", "idle_minutes": "soon", "folder": "/x"}')
    assert settings.load() == settings.Settings("", 10.0)
    own_settings_file.write_text("not json at all")
    assert settings.load() == settings.Settings()


def test_shortcuts_reach_lock_import_search_and_export(qtbot: QtBot, tmp_path: Path) -> None:
    _controller, window, page = open_person(qtbot, tmp_path / "vault")
    shortcuts = {
        action.shortcut().toString(): action.text()
        for menu in window.menuBar().findChildren(type(window.menuBar().actions()[0].menu()))
        for action in menu.actions()
        if not action.shortcut().isEmpty()
    }
    for keys in ("Ctrl+L", "Ctrl+F", "Ctrl+I", "Ctrl+E", "Ctrl+N", "Ctrl+S"):
        assert keys in shortcuts, keys
    window.show()
    qtbot.waitExposed(window)
    export = next(a for m in window.menuBar().actions() for a in m.menu().actions()
                  if a.shortcut().toString() == "Ctrl+E")  # fmt: skip
    export.trigger()
    assert page.currentWidget() is page.export


def test_the_create_vault_dialog_tabs_in_reading_order(qtbot: QtBot, tmp_path: Path) -> None:
    from desktop.unlock_dialog import UnlockDialog

    dialog = UnlockDialog(tmp_path / "new-vault")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    order: list[QWidget] = []
    widget: QWidget = dialog.passphrase
    for _ in range(12):
        order.append(widget)
        widget = widget.nextInFocusChain()
    from PySide6.QtWidgets import QDialogButtonBox

    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "Create vault"
    positions = [order.index(w) for w in (dialog.passphrase, dialog.repeat, dialog.remember, ok)]
    assert positions == sorted(positions)


def test_the_first_run_explains_the_vault_and_the_unrecoverable_passphrase(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from desktop.unlock_dialog import UnlockDialog

    dialog = UnlockDialog(tmp_path / "new-vault")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.explanation.isVisible()
    assert "cannot be recovered" in dialog.explanation.text()
    dialog.passphrase.setText("password12")
    assert dialog.meter_words.text() == "weak: one of the most common passwords"
