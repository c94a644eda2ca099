"""Entry point of the desktop application (a placeholder window until the GUI issue lands)."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


def build_window() -> QMainWindow:
    window = QMainWindow()
    window.setWindowTitle("Evidence Dossier")
    label = QLabel(
        "Evidence Dossier\n\nThe desktop interface is being built.\n"
        "Use the `dossier` command to create, verify and back up a vault."
    )
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    window.setCentralWidget(label)
    window.resize(640, 400)
    return window


def main() -> int:
    app = QApplication(sys.argv)
    app.setApplicationName("Evidence Dossier")
    window = build_window()
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
