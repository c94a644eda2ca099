"""Whether a form holds typed, unsaved text, said in words beside its Save button.

Shared by the tabs that edit (profile, documents, pleading): a change typed by the user marks
the form unsaved; filling it from the vault does not; a failed save keeps it unsaved.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel


class EditState(QObject):
    def __init__(self, label: QLabel, *, say_saved: bool = True) -> None:
        super().__init__(label)
        self.label = label
        self.say_saved = say_saved  # a form that says "Saved." once saved, or nothing
        self.dirty = False
        self._filling = False

    @contextmanager
    def filling(self) -> Iterator[None]:
        """Fill the form from the vault: what changes now was not typed by the user."""
        self._filling = True
        try:
            yield
        finally:
            self._filling = False

    @property
    def is_filling(self) -> bool:
        return self._filling

    def edited(self, *_args: object) -> None:
        if not self._filling:
            self.mark(True)

    def mark(self, dirty: bool) -> None:
        self.dirty = dirty
        if dirty:
            self.label.setText(self.tr("Unsaved changes"))
        else:
            self.label.setText(self.tr("Saved.") if self.say_saved else "")

    def saved(self) -> None:
        self.label.setText(self.tr("Saved.") if self.say_saved else "")

    def failed(self, message: str) -> None:
        """The save failed: the text stays unsaved, and the reason is shown."""
        self.dirty = True
        self.label.setText(message)
