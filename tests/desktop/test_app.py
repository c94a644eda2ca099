"""The desktop entry point starts and shows its window (offscreen)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.app import build_window


def test_main_window_opens_with_a_neutral_title(qtbot: QtBot) -> None:
    window = build_window()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    # The title is what the OS task switcher shows: never a person's or a vault's name.
    assert window.windowTitle() == "Evidence Dossier"
