"""Every file dialog of the app, used in a folder named after a client, leaves nothing on disk."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit
from pytestqt.qtbot import QtBot

from desktop import file_dialogs

CLIENT = "Тухватшин Kloop case"
DESKTOP = Path(__file__).resolve().parents[2] / "desktop"


def _accept_when_shown(choose: Path) -> None:
    """Type the path into the dialog's name field and accept, as a person would."""

    def accept() -> None:
        dialog = next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog)
             and w.isVisible()), None,
        )  # fmt: skip
        if dialog is None:
            QTimer.singleShot(50, accept)
            return
        dialog.setDirectory(str(choose.parent))
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        name.setText(str(choose))
        dialog.accept()

    QTimer.singleShot(50, accept)


def _written_since(since: float) -> list[Path]:
    """Files changed in the places Qt and the desktop keep settings and recent files."""
    home = Path.home()
    config = Path(os.environ.get("XDG_CONFIG_HOME", home / ".config"))
    data = Path(os.environ.get("XDG_DATA_HOME", home / ".local" / "share"))
    found = [p for p in home.iterdir() if p.is_file()]
    for place in (config, data):
        if place.is_dir():
            found += [p for p in place.rglob("*") if p.is_file()]
    return [p for p in found if p.stat().st_mtime >= since]


@pytest.mark.parametrize("kind", ["open_files", "open_file", "save_file", "existing_folder"])
def test_a_file_dialog_leaves_no_history_or_last_folder(
    qtbot: QtBot, tmp_path: Path, kind: str
) -> None:
    client = tmp_path / CLIENT
    (client / "evidence").mkdir(parents=True)
    chosen = {"existing_folder": client / "evidence", "save_file": client / "new bundle.pdf"}.get(
        kind, client / "ruling.pdf"
    )
    if kind in ("open_files", "open_file"):
        chosen.touch()
    since = time.time() - 1
    run: Callable[[], object] = {
        "open_files": lambda: file_dialogs.open_files(None, "Import files"),
        "open_file": lambda: file_dialogs.open_file(None, "Backup file"),
        "save_file": lambda: file_dialogs.save_file(None, "Save as"),
        "existing_folder": lambda: file_dialogs.existing_folder(None, "Vault folder"),
    }[kind]
    _accept_when_shown(chosen)
    result = run()
    assert str(chosen) in str(result)
    QApplication.processEvents()
    QApplication.sendPostedEvents(None, 0)  # the dialog's deleteLater: it saves on destruction
    QApplication.processEvents()
    leaks = [
        str(path) for path in _written_since(since)
        if any(s.encode() in path.read_bytes() for s in (CLIENT, CLIENT.split()[0]))
    ]  # fmt: skip
    assert leaks == []
    assert not any("QtProject" in str(path) for path in _written_since(since))


def test_no_view_opens_a_file_dialog_of_its_own() -> None:
    for source in DESKTOP.glob("*.py"):
        if source.name == "file_dialogs.py":
            continue
        assert not re.search(r"QFileDialog\.get", source.read_text()), source.name
