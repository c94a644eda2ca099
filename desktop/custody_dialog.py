"""The custody log, read-only: who did what to the evidence, and when."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dossier.services.vault_admin import CustodyRecord, details_in_words


class CustodyDialog(QDialog):
    def __init__(self, records: list[CustodyRecord], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Custody log"))
        self.resize(900, 500)
        self.table = QTableWidget(len(records), 5)
        self.table.setAccessibleName(self.tr("Custody log"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("No."), self.tr("When (UTC)"), self.tr("What"), self.tr("Record"),
             self.tr("Details")]
        )  # fmt: skip
        # Read-only: the log is evidence of custody; nothing in it can be edited.
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        for row, record in enumerate(reversed(records)):  # the latest first
            details = details_in_words(record.details)  # words, not the JSON kept
            for column, value in enumerate(
                (str(record.seq), record.at.replace("T", " "), record.action, record.subject,
                 details)
            ):  # fmt: skip
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)  # long details are cut in the column; whole here
                self.table.setItem(row, column, cell)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
