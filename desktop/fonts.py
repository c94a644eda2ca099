"""Bundled fonts for the interface, so Kyrgyz and Kazakh letters render on any system."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from dossier.resources import SANS, SERIF


def install(app: QApplication) -> str:
    family = ""
    for path in [*SANS.values(), *SERIF.values()]:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0 and not family and path in SANS.values():
            family = QFontDatabase.applicationFontFamilies(font_id)[0]
    if family:
        app.setFont(QFont(family, 10))
    return family
