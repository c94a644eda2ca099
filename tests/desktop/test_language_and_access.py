"""Russian interface, and every input control has an accessible name (screen readers, tests)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
)
from pytestqt.qtbot import QtBot

from dossier.resources import ROOT
from tests.desktop.helpers import TIMEOUT, open_app, open_person


def test_interface_switches_to_russian_and_back(qtbot: QtBot, tmp_path: Path) -> None:
    assert (ROOT / "translations" / "dossier_ru.qm").is_file(), "make builds the .qm files"
    controller = open_app(qtbot, tmp_path / "vault")
    controller.set_language("ru")
    window = controller.window
    assert window is not None
    menus = [action.text() for action in window.menuBar().actions()]
    assert "&Хранилище" in menus and "&Язык" in menus
    assert window.search.placeholderText() == "Поиск человека по любому написанию…"
    # Qt's own words too: a standard button (Close, Cancel) was left in English.
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    assert buttons.button(QDialogButtonBox.StandardButton.Close).text() == "Закрыть"
    controller.set_language("en")
    assert controller.window is not None
    assert "&Vault" in [a.text() for a in controller.window.menuBar().actions()]
    controller.lock()


def test_every_input_has_an_accessible_name_or_a_label(qtbot: QtBot, tmp_path: Path) -> None:
    controller, window, page = open_person(qtbot, tmp_path / "vault")
    qtbot.waitUntil(lambda: window.jobs.running() == 0, timeout=TIMEOUT)
    unnamed = []
    for kind in (QLineEdit, QComboBox, QPlainTextEdit, QSpinBox):
        for widget in {*page.findChildren(kind), *window.findChildren(kind)}:
            if isinstance(widget.parentWidget(), QComboBox | QSpinBox):
                continue  # the line edit inside a combo box or spin box is part of it
            if not widget.accessibleName():
                unnamed.append(type(widget).__name__)
    buttons = [b for b in page.findChildren(QAbstractButton) if not b.text() and b.isVisible()]
    assert unnamed == [] and buttons == []
    controller.lock()


def test_every_interface_text_has_a_russian_translation() -> None:
    import xml.etree.ElementTree as ET

    tree = ET.parse(ROOT / "translations" / "dossier_ru.ts")  # noqa: S314 - our own file
    unfinished = [
        message.findtext("source")
        for message in tree.iter("message")
        if (message.find("translation") is not None)
        and message.find("translation").get("type") in ("unfinished", None)  # type: ignore[union-attr]
        and not (message.find("translation").text or list(message.find("translation")))  # type: ignore[union-attr]
    ]
    assert unfinished == []


def test_every_text_in_the_window_code_is_extracted_and_translated(tmp_path: Path) -> None:
    """Fails on a new window text nobody translated: the sources are scanned afresh (as
    `pyside6-lupdate` does) into a copy of the Russian file, which must then be complete."""
    import shutil
    import subprocess
    import sys
    import xml.etree.ElementTree as ET

    copy = tmp_path / "dossier_ru.ts"
    shutil.copy(ROOT / "translations" / "dossier_ru.ts", copy)
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    sources = sorted(str(p) for p in (ROOT.parent / "desktop").glob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(copy)], check=True, capture_output=True)
    tree = ET.parse(copy)  # noqa: S314 - our own file
    untranslated = [
        message.findtext("source")
        for message in tree.iter("message")
        if (found := message.find("translation")) is not None and found.get("type") == "unfinished"
    ]
    assert untranslated == []


def test_the_forum_check_in_the_export_tab_speaks_russian(qtbot: QtBot, tmp_path: Path) -> None:
    from dossier.services import cases, people

    controller, window, _page = open_person(qtbot, tmp_path / "vault")
    person = people.list_people(window.vault)[0]
    cases.add_case(window.vault, person.id, "ccf-deletion")
    controller.set_language("ru")
    window = controller.window
    assert window is not None
    window.people.setCurrentRow(0)
    qtbot.waitUntil(lambda: window.people.count() == 1, timeout=TIMEOUT)
    window.people.setCurrentRow(0)
    page = window.person_page
    assert page is not None
    checks = page.export.annexes.checks
    qtbot.waitUntil(lambda: checks.count() > 10, timeout=TIMEOUT)
    shown = [checks.item(i).text() for i in range(checks.count())]
    assert any("Копия документа, удостоверяющего личность заявителя" in line for line in shown)
    assert not any("applicant" in line for line in shown)


def test_a_person_selected_as_a_screen_reader_does_is_opened(qtbot: QtBot, tmp_path: Path) -> None:
    controller = open_app(qtbot, tmp_path / "vault")
    window = controller.window
    assert window is not None
    window.add_person("Rinat Tukhvatshin", None)
    qtbot.waitUntil(lambda: window.people.count() == 1, timeout=TIMEOUT)
    window.people.setCurrentRow(-1)
    window.close_person()
    # AT-SPI's Selection.selectChild selects the row without making it current.
    window.people.selectionModel().select(
        window.people.model().index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    qtbot.waitUntil(lambda: window.person_page is not None, timeout=TIMEOUT)
    qtbot.waitUntil(
        lambda: window.person_page.profile.lines["name"].text() == "Rinat Tukhvatshin",
        timeout=TIMEOUT,
    )
    controller.lock()


def test_switching_the_language_keeps_the_persons_page_and_tab(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from tests.desktop.helpers import open_person, wait_idle

    controller, window, page = open_person(qtbot, tmp_path / "vault")
    page.setCurrentWidget(page.chronology)
    person_id = page.person_id
    controller.set_language("ru")
    window = controller.window
    assert window is not None and window.person_page is not None
    assert window.person_page.person_id == person_id
    assert window.person_page.currentWidget() is window.person_page.chronology
    assert window.person_page.tabText(window.person_page.currentIndex()) == "Хронология"
    wait_idle(qtbot, window)
    assert window.people.current() is not None  # the person stays marked in the list
    controller.set_language("en")
    controller.lock()


def test_quit_is_in_the_vault_menu_with_ctrl_q_and_locks_first(
    qtbot: QtBot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    controller = open_app(qtbot, tmp_path / "vault")
    window = controller.window
    assert window is not None
    vault = controller.vault
    quit_action = next(
        action for menu in window.menuBar().actions() for action in menu.menu().actions()
        if action.shortcut().toString() == "Ctrl+Q"
    )  # fmt: skip
    assert quit_action.text() == "Quit"
    ended: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda *_args: ended.append(True))
    quit_action.trigger()
    assert ended == [True] and controller.vault is None and vault is not None and vault.is_locked
