"""Cite without typing references: pick a document (and its page), a quote or an event, and
its citation — [D3:2], [Q4], [E5] — is put where the lawyer was typing, in whichever of the
long text fields it watches had the focus last."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)


@dataclass(frozen=True)
class Citable:
    ref: str  # D3, Q4, E5
    label: str  # what the list shows: "D3  Ruling of the district court"
    pages: int = 0  # a document's pages (a page can be chosen); 0 for quotes and events


class CitePicker(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._watched: list[QPlainTextEdit] = []
        self._last: QPlainTextEdit | None = None
        self.choice = QComboBox()
        self.choice.setAccessibleName(self.tr("Evidence to cite"))
        self.choice.setMinimumContentsLength(24)
        self.choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.choice.currentIndexChanged.connect(self._chosen)
        self.page = QSpinBox()
        self.page.setAccessibleName(self.tr("Page"))
        self.page.setSpecialValueText(self.tr("whole"))  # 0: the document, no page
        self.button = QPushButton(self.tr("Cite"))
        self.button.clicked.connect(self.insert)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Cite")))
        row.addWidget(self.choice, 1)
        row.addWidget(QLabel(self.tr("page")))
        row.addWidget(self.page)
        row.addWidget(self.button)
        self._chosen()

    def watch(self, *edits: QPlainTextEdit) -> None:
        """Insert into whichever of ``edits`` had the focus last."""
        for edit in edits:
            self._watched.append(edit)
            edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and watched in self._watched:
            self._last = watched
        return False

    def set_choices(self, choices: list[Citable]) -> None:
        kept = self.choice.currentData()
        self.choice.clear()
        for choice in choices:
            self.choice.addItem(choice.label, choice)
        index = next((i for i in range(self.choice.count()) if self.choice.itemData(i) == kept), 0)
        self.choice.setCurrentIndex(index)
        self._chosen()

    def _chosen(self) -> None:
        choice: Citable | None = self.choice.currentData()
        pages = choice.pages if choice is not None else 0
        self.page.setRange(0, pages)
        self.page.setValue(0)
        self.page.setEnabled(pages > 0)
        self.button.setEnabled(choice is not None)

    def token(self) -> str:
        choice: Citable | None = self.choice.currentData()
        if choice is None:
            return ""
        page = self.page.value() if choice.pages else 0
        return f"[{choice.ref}:{page}]" if page else f"[{choice.ref}]"

    def insert(self) -> None:
        target = self._last or (self._watched[0] if self._watched else None)
        token = self.token()
        if target is None or not token:
            return
        target.insertPlainText(token)
        target.setFocus()
