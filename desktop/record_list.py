"""A list of records (people, documents, quotes…) shown one line each, as a model the view
reads row by row: an organisation's vault lists thousands, and a QListWidget made an item
object per row — a C++ item and its Python wrapper each, on the GUI thread, at every refill.
Here a refill hands the view a Python list; a line's text is made when it is painted."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractListModel,
    QItemSelection,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

Record = TypeVar("Record")
Index = QModelIndex | QPersistentModelIndex


_ROW = "application/x-evidence-dossier-row"  # a line dragged within its own list


class RecordModel(QAbstractListModel, Generic[Record]):
    """The records, in order; each line's text made by ``label`` when the view asks.
    ``movable``: a line can be dragged to another place (``rowsMoved`` says where)."""

    def __init__(
        self,
        label: Callable[[Record], str],
        parent: QWidget | None = None,
        *,
        movable: bool = False,
    ) -> None:
        super().__init__(parent)
        self._label = label
        self._movable = movable
        self._records: list[Record] = []
        self.lines_made = 0  # how many texts were asked for (the rows painted, not all)

    def set_records(self, records: list[Record]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record(self, row: int) -> Record:
        return self._records[row]

    def records(self) -> list[Record]:
        return list(self._records)

    def replace(self, row: int, record: Record) -> None:
        """One record changed (a name edited): its line only is repainted."""
        self._records[row] = record
        index = self.index(row)
        self.dataChanged.emit(index, index)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.ToolTipRole,  # a line cut at the list's edge, read whole
        ):
            self.lines_made += 1
            return self._label(record)
        if role == Qt.ItemDataRole.UserRole:
            return record
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        # Read-only lines: a record is edited in its own form, never in the list.
        if not index.isValid():  # between lines: where a dragged line may be dropped
            return Qt.ItemFlag.ItemIsDropEnabled if self._movable else Qt.ItemFlag.NoItemFlags
        shown = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return shown | Qt.ItemFlag.ItemIsDragEnabled if self._movable else shown

    # ------------------------------------------------ dragging a line to another place
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction if self._movable else Qt.DropAction.IgnoreAction

    def mimeTypes(self) -> list[str]:
        return [_ROW]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        # Which line, never its words: a drag's data can reach other programs.
        data = QMimeData()
        data.setData(_ROW, str(indexes[0].row() if indexes else -1).encode())
        return data

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: Index,
    ) -> bool:
        """A line put down before ``row`` (-1: at the end). The list moves it with moveRows
        itself where Qt's list view does; this is the way other drops come."""
        if action != Qt.DropAction.MoveAction or parent.isValid() or not data.hasFormat(_ROW):
            return False
        try:
            source = int(bytes(data.data(_ROW).data()).decode())
        except ValueError:
            return False
        target = len(self._records) if row < 0 else row
        return self.moveRows(QModelIndex(), source, 1, QModelIndex(), target)

    def moveRows(
        self,
        source_parent: Index,
        source_row: int,
        count: int,
        destination_parent: Index,
        destination_child: int,
    ) -> bool:
        """Moves the lines (as the list shows them: the vault is told by whoever listens
        to ``rowsMoved``, and the list is then filled again from it)."""
        last = source_row + count - 1
        if (
            not self._movable
            or source_parent.isValid()
            or destination_parent.isValid()
            or count < 1
            or not 0 <= source_row <= last < len(self._records)
            or not 0 <= destination_child <= len(self._records)
            or source_row <= destination_child <= last + 1
        ):
            return False
        self.beginMoveRows(QModelIndex(), source_row, last, QModelIndex(), destination_child)
        moved = self._records[source_row : last + 1]
        del self._records[source_row : last + 1]
        at = destination_child if destination_child < source_row else destination_child - count
        self._records[at:at] = moved
        self.endMoveRows()
        return True


class RecordList(QListView, Generic[Record]):
    """A list of records, one chosen at a time. ``chosen`` says which (None: none) when the
    user or the program moves the choice; refilling keeps the chosen record, silently."""

    chosen = Signal(object)

    def __init__(
        self,
        label: Callable[[Record], str],
        parent: QWidget | None = None,
        *,
        movable: bool = False,
    ) -> None:
        super().__init__(parent)
        self.model_: RecordModel[Record] = RecordModel(label, self, movable=movable)
        self.setModel(self.model_)
        self.setUniformItemSizes(True)  # one line each: the view need not measure every row
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._quiet = False
        self.selectionModel().currentChanged.connect(self._current_changed)
        self.selectionModel().selectionChanged.connect(self._selection_changed)

    # ------------------------------------------------------------------ what is listed
    def set_records(self, records: list[Record], keep: Callable[[Record], bool]) -> None:
        """Lists ``records``, the one ``keep`` accepts chosen (none: none), without saying so:
        a refill never opens or closes what the chosen record shows."""
        self._quiet = True
        try:
            self.model_.set_records(records)
            row = next((row for row, record in enumerate(records) if keep(record)), None)
            if row is not None:
                self.setCurrentIndex(self.model_.index(row))
        finally:
            self._quiet = False

    def count(self) -> int:
        return self.model_.rowCount()

    def record(self, row: int) -> Record:
        return self.model_.record(row)

    def records(self) -> list[Record]:
        return self.model_.records()

    def text(self, row: int) -> str:
        return str(self.model_.data(self.model_.index(row)))

    def replace(self, row: int, record: Record) -> None:
        self.model_.replace(row, record)

    # ------------------------------------------------------------------ the choice
    def current(self) -> Record | None:
        row = self.currentRow()
        return None if row < 0 else self.model_.record(row)

    def currentRow(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def setCurrentRow(self, row: int) -> None:
        if row < 0:
            self.setCurrentIndex(QModelIndex())
            self.selectionModel().clearSelection()
        else:
            self.setCurrentIndex(self.model_.index(row))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._quiet:
            self.chosen.emit(self.model_.record(current.row()) if current.isValid() else None)

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        # A line selected without being made current (a screen reader's or a test's click):
        # it becomes the chosen one, as a click on it would make it.
        rows = [index.row() for index in selected.indexes()]
        if rows and rows[0] != self.currentRow() and not self._quiet:
            self.setCurrentRow(rows[0])
