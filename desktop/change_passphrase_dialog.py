"""Change the vault's passphrase: the current one, the new one twice with its strength."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.jobs import Jobs, Touched
from desktop.passphrase_meter import StrengthMeter
from dossier.services.vault_access import PassphraseStrength, forget_secret_text


def _secret_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    return field


class ChangePassphraseDialog(QDialog):
    """Asks as creating a vault does (twice, with the meter): one slip in a passphrase typed
    once, and only the slip would open the vault."""

    def __init__(
        self,
        change: Callable[[str, str], object],
        jobs: Jobs,
        changed: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        """``changed`` gets the new passphrase (to rotate the keys with): called directly, not
        through a Qt signal, which would copy it into a string of Qt's that no one clears."""
        super().__init__(parent)
        self._change, self._jobs, self._changed = change, jobs, changed
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
        repeated = self.repeat.text()
        differ = new != repeated
        forget_secret_text(repeated)
        if differ:
            for secret in (old, new):
                forget_secret_text(secret)
            self.message.setText(self.strength.differ())
            return
        self.buttons.setEnabled(False)
        self.message.setText(self.tr("Changing the passphrase…"))
        judge = self.strength.judge_now

        def change() -> PassphraseStrength | None:
            try:
                verdict = judge(new)  # in the helper process, never here
                if not verdict.acceptable:
                    forget_secret_text(new)
                    return verdict
                self._change(old, new)
                return None
            except BaseException:
                forget_secret_text(new)  # not changed: it will be typed again
                raise
            finally:
                forget_secret_text(old)  # the new one is still wanted, for rotating the keys

        self._jobs.change(
            self, change, lambda weak: self._done(new, weak), on_failed=self._failed,
            touches=Touched(0),  # the key file, not the evidence
        )  # fmt: skip

    def _done(self, new: str, weak: PassphraseStrength | None) -> None:
        if weak is not None:
            self.buttons.setEnabled(True)
            self.message.setText(self.strength.too_weak(weak) or "")
            self.new.setFocus()
            return
        for field in (self.current, self.new, self.repeat):
            field.clear()
        self.accept()
        self._changed(new)

    def _failed(self, message: str) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(message)
        self.current.selectAll()
        self.current.setFocus()
