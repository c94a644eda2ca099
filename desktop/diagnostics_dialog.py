"""Help ▸ Diagnostics: what went wrong, kept in memory only, to copy into a bug report."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dossier import diagnostics


class DiagnosticsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Diagnostics"))
        self.resize(760, 420)
        explanation = QLabel(
            self.tr(
                "What went wrong since the program started: the kind of error and where in "
                "the program it arose, never what it was reading. It is kept in memory only "
                "and is gone when the program closes. Copy it into a bug report."
            )
        )
        explanation.setWordWrap(True)
        self.text = QPlainTextEdit(diagnostics.report())
        self.text.setReadOnly(True)  # a record of what happened: nothing to edit
        self.text.setAccessibleName(self.tr("Diagnostics"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(self.tr("Copy"))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.text.toPlainText()))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
