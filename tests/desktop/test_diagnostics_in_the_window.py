"""An unexpected error in the window: a sentence for the lawyer, and Help ▸ Diagnostics keeps
its kind and place (never its message, which can quote evidence), in memory only."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.desktop.helpers import TIMEOUT, open_app


def test_an_unexpected_error_is_a_sentence_and_its_place_is_in_diagnostics(
    qtbot: QtBot, tmp_path: Path
) -> None:
    controller = open_app(qtbot, tmp_path / "vault")
    window = controller.window
    assert window is not None
    said: list[str] = []

    def choke() -> None:
        raise ValueError("Secret Street 5, flat 12")

    window.jobs.query(window, choke, lambda _r: None, on_failed=said.append)
    qtbot.waitUntil(lambda: bool(said), timeout=TIMEOUT)
    assert "went wrong" in said[0] and "Secret Street" not in said[0]
    window.show_diagnostics()
    text = window.diagnostics_dialog.text.toPlainText()
    assert "ValueError at tests/desktop/test_diagnostics_in_the_window.py" in text
    assert "choke" in text and "Secret Street" not in text
    assert window.diagnostics_dialog.text.isReadOnly()
    controller.lock()
