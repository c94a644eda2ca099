"""Vault ▸ Verify in the window: a verification stopped before its end is offered to be
continued, and the report says what was not read again."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

import storage.verify
from dossier.services import vault_admin
from storage.errors import Cancelled
from tests.desktop.helpers import TIMEOUT, open_person, wait_idle


def test_a_stopped_verification_is_offered_to_be_continued(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _controller, window, _page = open_person(qtbot, tmp_path / "vault")
    vault = window.vault
    for n in range(6):
        vault.store_bytes(os.urandom(30_000), label=f"Annex {n}.pdf")
    monkeypatch.setattr(storage.verify, "_GROUP_BYTES", 1)  # a file at a time
    seen: list[int] = []
    with pytest.raises(Cancelled):
        vault_admin.verify(vault, lambda d, t: seen.append(d), lambda: len(seen) >= 2)

    window.verify()
    qtbot.waitUntil(lambda: getattr(window, "verify_question", None) is not None, timeout=TIMEOUT)
    question: QMessageBox = window.verify_question
    assert "was stopped after 2 of 6 files" in question.text()
    (go_on,) = [b for b in question.buttons() if b.text() == "Continue it"]
    go_on.click()
    qtbot.waitUntil(lambda: getattr(window, "verify_report", None) is not None, timeout=TIMEOUT)
    wait_idle(qtbot, window)
    said = window.verify_report.text()
    assert said.startswith("Everything is intact.")
    assert "2 files it had found intact were not read again" in said
    assert vault_admin.unfinished_verification(vault) is None
