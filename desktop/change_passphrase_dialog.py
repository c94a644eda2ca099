"""Change the vault's passphrase: the current one, the new one twice with its strength."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.jobs import Jobs
from desktop.passphrase_meter import StrengthMeter


def _secret_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    return field


class ChangePassphraseDialog(QDialog):
    """Asks as creating a vault does (twice, with the meter): one slip in a passphrase typed
    once, and only the slip would open the vault."""

    changed = Signal(str)  # the new passphrase, for the offer to rotate the keys with it

    def __init__(
        self, change: Callable[[str, str], object], jobs: Jobs, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._change, self._jobs = change, jobs
        self.setWindowTitle(self.tr("Change passphrase"))
        self.current = _secret_field(self.tr("Current passphrase"))
        self.new = _secret_field(self.tr("New passphrase"))
        self.repeat = _secret_field(self.tr("Repeat the new passphrase"))
        self.strength = StrengthMeter()
        self.new.textChanged.connect(self.strength.show_strength)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        form = QFormLayout()
        form.addRow(self.tr("Current passphrase"), self.current)
        form.addRow(self.tr("New passphrase"), self.new)
        form.addRow(self.tr("Repeat"), self.repeat)
        form.addRow(self.tr("Strength"), self.strength)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Change passphrase")
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.current.setFocus()

    def submit(self) -> None:
        old, new = self.current.text(), self.new.text()
        if not old:
            self.message.setText(self.tr("Enter the current passphrase."))
            return
        if problem := self.strength.problem(new, self.repeat.text()):
            self.message.setText(problem)
            return
        self.buttons.setEnabled(False)
        self.message.setText(self.tr("Changing the passphrase…"))
        self._jobs.change(
            self, lambda: self._change(old, new), lambda _r: self._done(new), on_failed=self._failed
        )

    def _done(self, new: str) -> None:
        for field in (self.current, self.new, self.repeat):
            field.clear()
        self.accept()
        self.changed.emit(new)

    def _failed(self, message: str) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(message)
        self.current.selectAll()
        self.current.setFocus()
