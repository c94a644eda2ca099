"""Settings persist with declared defaults and nothing of a client; the keyboard reaches
every action."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.app import DossierApp
from dossier import settings
from tests.desktop.conftest import OPEN
from tests.desktop.helpers import open_person


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
    _drop_wrappers_of_the_focus_chain()


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
    qtbot.waitUntil(lambda: dialog.meter_words.text() != "", timeout=30_000)
    assert dialog.meter_words.text() == "weak: one of the most common passwords"


def _drop_wrappers_of_the_focus_chain() -> None:
    """Walking the focus chain makes Python wrappers of Qt's own widgets (a button box's
    buttons); collected later, after the window was deleted, one crashed the next test's
    QDialog (seen: a segfault in UnlockDialog.__init__). Collect them while it still lives."""
    import gc

    gc.collect()


def _reading_order_problems(tab: QWidget) -> list[str]:
    """Where Tab, from the tab's first field, does not go down the page (left to right on a
    row): each pair of fields visited in the wrong order is named."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QComboBox

    def takes_tab(widget: QWidget) -> bool:
        if not widget.isVisible() or not widget.isEnabled():
            return False
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            return False
        parent = widget.parentWidget()  # the line edit inside a spin box or combo box
        if isinstance(parent, (QAbstractSpinBox, QComboBox)):
            return False
        return not (parent is not None and isinstance(parent.parentWidget(), QAbstractScrollArea)
                    and parent is parent.parentWidget().viewport())  # fmt: skip

    fields = [w for w in tab.findChildren(QWidget) if takes_tab(w)]

    def place(widget: QWidget) -> tuple[int, int]:
        corner = widget.mapTo(tab, QPoint(0, 0))
        middle = corner.y() + widget.height() // 2
        return middle // 12, corner.x()  # widgets of one row share a middle line, roughly

    visited: list[QWidget] = []
    widget = min(fields, key=place)
    for _ in range(len(fields) * 4):
        if widget in fields and widget not in visited:
            visited.append(widget)
        widget = widget.nextInFocusChain()
    name = lambda w: w.accessibleName() or w.objectName() or type(w).__name__  # noqa: E731
    problems = [f"{len(fields) - len(visited)} field(s) never reached"] if len(visited) < len(
        fields
    ) else []  # fmt: skip
    for before, after in itertools.pairwise(visited):
        if place(after) < place(before):
            problems.append(f"{name(before)} → {name(after)}")
    del widget, visited, fields
    _drop_wrappers_of_the_focus_chain()
    return problems


def test_the_forms_tab_in_reading_order(qtbot: QtBot, tmp_path: Path) -> None:
    """Profile, chronology, pleading and export: Tab goes down the page as it reads."""
    _controller, window, page = open_person(qtbot, tmp_path / "vault")
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    page.grounds.kind.setCurrentIndex(page.grounds.kind.findData("ccf-deletion"))
    page.grounds.open_case()
    page.setCurrentWidget(page.export)
    qtbot.waitUntil(lambda: page.export.case.count() == 1, timeout=30_000)
    found = {}
    for tab in (page.profile, page.chronology, page.export):
        page.setCurrentWidget(tab)
        qtbot.wait(50)
        found[type(tab).__name__] = _reading_order_problems(tab)
    assert found == {name: [] for name in found}
    # The pleading has two columns: the case's fields down the left, then the grounds.
    pleading = page.case
    page.setCurrentWidget(pleading)
    expected = [pleading.case, pleading.status, pleading.notice_type, pleading.working_language,
                *pleading.lines.values(), *pleading.texts.values(), pleading.grounds,
                pleading.argument, pleading.save_button]  # fmt: skip
    reached: list[QWidget] = []
    widget: QWidget = pleading.case
    for _ in range(len(expected) * 4):
        if widget in expected and widget not in reached:
            reached.append(widget)
        widget = widget.nextInFocusChain()
    label = lambda w: w.accessibleName() or w.text()  # type: ignore[attr-defined]  # noqa: E731
    assert [label(w) for w in reached] == [label(w) for w in expected]
    del widget, reached
    _drop_wrappers_of_the_focus_chain()
