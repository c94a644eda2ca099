"""Create a vault or unlock one: passphrase (twice when creating), strength, remember here."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.jobs import Jobs
from dossier.services import vault_access
from storage.header import HEADER_NAME
from storage.keys import KdfParams
from storage.keystore import DeviceKeyStore, best_available
from storage.vault import Vault


def strength(passphrase: str) -> int:
    """0–100: a rough guide (length and variety), shown as a bar while typing."""
    if not passphrase:
        return 0
    variety = len(set(passphrase)) / max(len(passphrase), 1)
    score = min(len(passphrase), 30) * 3 + int(variety * 10)
    return min(100, score if vault_access.passphrase_problem(passphrase) is None else score // 3)


class UnlockDialog(QDialog):
    unlocked = Signal(object)  # the open Vault

    def __init__(
        self,
        folder: Path,
        parent: QWidget | None = None,
        *,
        keystore: DeviceKeyStore | None = None,
        kdf: KdfParams | None = None,
    ) -> None:
        super().__init__(parent)
        self._jobs = Jobs()
        self._keystore = keystore
        self._kdf = kdf  # tests pass small Argon2id parameters; None calibrates
        self.setWindowTitle(self.tr("Evidence Dossier"))
        self.folder_edit = QLineEdit(str(folder))
        self.folder_edit.setAccessibleName(self.tr("Vault folder"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder_edit)
        row.addWidget(browse)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Repeat the passphrase"))
        self.meter = QProgressBar()
        self.meter.setRange(0, 100)
        self.meter.setTextVisible(False)
        self.meter.setAccessibleName(self.tr("Passphrase strength"))
        self.remember = QCheckBox(self.tr("Remember on this device"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        form = QFormLayout()
        form.addRow(self.tr("Vault folder"), row)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        self.repeat_label = QLabel(self.tr("Repeat"))
        form.addRow(self.repeat_label, self.repeat)
        self.meter_label = QLabel(self.tr("Strength"))
        form.addRow(self.meter_label, self.meter)
        form.addRow("", self.remember)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.folder_edit.textChanged.connect(self._update_mode)
        self.passphrase.textChanged.connect(lambda text: self.meter.setValue(strength(text)))
        self._update_mode()
        self.passphrase.setFocus()

    @property
    def creating(self) -> bool:
        return not (Path(self.folder_edit.text()) / HEADER_NAME).exists()

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Vault folder"))
        if chosen:
            self.folder_edit.setText(chosen)

    def _update_mode(self) -> None:
        creating = self.creating
        for widget in (self.repeat, self.repeat_label, self.meter, self.meter_label):
            widget.setVisible(creating)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Create vault") if creating else self.tr("Unlock"))
        self.remember.setVisible(creating)

    def submit(self) -> None:
        folder = Path(self.folder_edit.text()).expanduser()
        passphrase = self.passphrase.text()
        creating = self.creating
        if creating:
            if passphrase != self.repeat.text():
                self.message.setText(self.tr("The two passphrases differ."))
                return
            problem = vault_access.passphrase_problem(passphrase)
            if problem:
                self.message.setText(problem)
                return
        self.buttons.setEnabled(False)
        self.message.setText(self.tr("Creating the vault…") if creating else self.tr("Unlocking…"))
        remember, keystore, kdf = self.remember.isChecked(), self._keystore, self._kdf

        def job(_progress: object, _cancelled: object) -> Vault:
            if creating:
                # The keyring is touched only when the user asks to be remembered.
                store = (keystore or best_available()) if remember else None
                return vault_access.create_vault(
                    folder, passphrase, remember=remember, keystore=store, kdf=kdf
                )
            return Vault.unlock(folder, passphrase)

        self._jobs.run_job(self, job, self._done, on_failed=self._failed)

    def _done(self, vault: Vault) -> None:
        self.passphrase.clear()
        self.repeat.clear()
        self.unlocked.emit(vault)
        self.accept()

    def _failed(self, message: str) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(message)
        self.passphrase.selectAll()
        self.passphrase.setFocus()
