"""The custody log, read-only: who did what to the evidence, and when.

A model over the records, not a table of items: an organisation's log holds an entry for
every document imported and every change — 100,000 and more — and a QTableWidget built an
item per cell for all of them on the window's thread, and sized its columns by reading every
one. The view asks the model only for the rows it shows; the details are put into words as
they are shown."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dossier.services.vault_admin import CustodyRecord, details_in_words

# Columns are sized to what the first rows hold (sizing them to every row read them all).
_ROWS_FOR_WIDTHS = 200

Index = QModelIndex | QPersistentModelIndex


class CustodyModel(QAbstractTableModel):
    """The records, the latest first; each cell's text made when the view asks for it."""

    def __init__(self, records: list[CustodyRecord], headers: list[str]) -> None:
        super().__init__()
        self._records = records
        self._headers = headers
        self.cells_made = 0  # how many texts were asked for (the view's rows only)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,  # long details are cut in the column; whole here
        ):
            return None
        record = self._records[len(self._records) - 1 - index.row()]  # the latest first
        self.cells_made += 1
        column = index.column()
        if column == 0:
            return str(record.seq)
        if column == 1:
            return record.at.replace("T", " ")
        if column == 2:
            return record.action
        if column == 3:
            return record.subject
        return details_in_words(record.details)  # words, not the JSON kept

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        # Read-only: the log is evidence of custody; nothing in it can be edited.
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class CustodyDialog(QDialog):
    def __init__(self, records: list[CustodyRecord], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Custody log"))
        self.resize(900, 500)
        self.model = CustodyModel(
            records,
            [self.tr("No."), self.tr("When (UTC)"), self.tr("What"), self.tr("Record"),
             self.tr("Details")],
        )  # fmt: skip
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Custody log"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        # Every row as high as one line: the view then need not measure each row.
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(_ROWS_FOR_WIDTHS)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
