"""Help ▸ About: the version, that nothing leaves the computer, every bundled part's licence."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dossier.about import Component


class AboutDialog(QDialog):
    def __init__(
        self, version: str, parts: list[Component], notices: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Evidence Dossier"))
        self.resize(760, 560)
        self.notices = notices
        heading = QLabel(f"<h2>Evidence Dossier {version}</h2>")
        summary = QLabel(
            self.tr(
                "Keeps evidence about persecuted people in an encrypted vault on this computer "
                "and exports dossiers for courts and commissions. It never connects to the "
                "network and sends nothing anywhere.\n\n"
                "Evidence Dossier is free software under the Apache License 2.0. It is built "
                "with the parts below, each under its own licence."
            )
        )
        summary.setWordWrap(True)
        self.table = QTableWidget(len(parts), 4)
        self.table.setAccessibleName(self.tr("Bundled parts and their licences"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Part"), self.tr("Version"), self.tr("Licence"), self.tr("Inside")]
        )
        # Read-only: a list of facts about this copy of the program.
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        for row, part in enumerate(parts):
            for column, value in enumerate((part.name, part.version, part.licence, part.inside)):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)
                self.table.setItem(row, column, cell)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.texts_button = QPushButton(self.tr("Licence texts…"))
        self.texts_button.clicked.connect(self.show_texts)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.texts_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(summary)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.texts: QDialog | None = None

    def show_texts(self) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Licence texts"))
        dialog.resize(820, 640)
        text = QPlainTextEdit(self.notices)
        text.setReadOnly(True)
        text.setAccessibleName(self.tr("Licence texts"))
        text.setFont(QFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(text)
        layout.addWidget(close)
        self.texts = dialog
        dialog.open()
