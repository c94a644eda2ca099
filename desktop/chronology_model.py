"""A person's chronology as a table model: each row an event (headed by its reference, E5),
its cells' texts made when the view paints them. A table of items made three objects per
event at every refresh, on the GUI thread, and sized its columns by reading every one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from dossier.views import EventView

Index = QModelIndex | QPersistentModelIndex


class ChronologyModel(QAbstractTableModel):
    def __init__(self, headers: list[str]) -> None:
        super().__init__()
        self._headers = headers
        self._events: list[EventView] = []

    def set_events(self, events: list[EventView]) -> None:
        self.beginResetModel()
        self._events = list(events)
        self.endResetModel()

    def event_at(self, row: int) -> EventView:
        return self._events[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,  # a long title or list of sources, read whole
        ):
            return None
        event = self._events[index.row()]
        column = index.column()
        if column == 0:
            return event.date_display
        if column == 1:
            return event.title
        return "; ".join(citation.text for citation in event.citations)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        # Each row headed by its reference (E5), which the pleading cites — not 1, 2, 3.
        return self._events[section].ref if section < len(self._events) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        # Shown, not edited here: a cell that looked editable would lose what was typed.
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
