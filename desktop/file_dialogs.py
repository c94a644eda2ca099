"""File dialogs that leave no trace: no history, no recent files, no last folder on disk.

Qt's own dialog saves its history and last folder to ~/.config/QtProject.conf when it closes,
and the desktop's native dialogs (GTK) add each chosen file to recently-used.xbel: both put a
client's folder names in plaintext outside the vault. So every dialog of the app is Qt's
widget dialog, and the settings file Qt would write it to lies where nothing can be created.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

# A path below a device file: no folder can ever be made there, so QSettings writes nothing.
_NOWHERE = str(Path(os.devnull) / "evidence-dossier-no-settings")


def forbid_qt_settings_files() -> None:
    """Qt keeps nothing of ours in its own settings files (the app keeps its settings itself)."""
    for form in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(form, QSettings.Scope.UserScope, _NOWHERE)


def _run(dialog: QFileDialog) -> list[str]:
    forbid_qt_settings_files()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setHistory([])
    try:
        return dialog.selectedFiles() if dialog.exec() else []
    finally:
        dialog.setHistory([])
        dialog.deleteLater()


def _dialog(parent: QWidget | None, title: str, name_filter: str) -> QFileDialog:
    dialog = QFileDialog(parent, title)
    if name_filter:
        dialog.setNameFilter(name_filter)
    return dialog


def open_files(parent: QWidget | None, title: str, name_filter: str = "") -> list[str]:
    dialog = _dialog(parent, title, name_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return _run(dialog)


def open_file(parent: QWidget | None, title: str, name_filter: str = "") -> str:
    dialog = _dialog(parent, title, name_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return next(iter(_run(dialog)), "")


def save_file(parent: QWidget | None, title: str, name_filter: str = "", name: str = "") -> str:
    dialog = _dialog(parent, title, name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if name:
        dialog.selectFile(name)
    return next(iter(_run(dialog)), "")


def existing_folder(parent: QWidget | None, title: str) -> str:
    dialog = _dialog(parent, title, "")
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    return next(iter(_run(dialog)), "")
