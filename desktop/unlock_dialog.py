"""Create a vault or unlock one: passphrase (twice when creating), strength, remember here."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import file_dialogs
from desktop.jobs import Jobs
from desktop.passphrase_meter import StrengthMeter
from dossier.i18n import say
from dossier.services import vault_access
from dossier.services.vault_access import (
    DatabaseRolledBack,
    KdfParams,
    PassphraseStrength,
    VaultOlderThanLastSeen,
    forget_secret_text,
)

if TYPE_CHECKING:  # loaded by the unlock job, after the dialog is shown (see vault_access)
    from dossier.services.vault_access import DeviceKeyStore, Vault


class UnlockDialog(QDialog):
    unlocked = Signal(object)  # the open Vault

    def __init__(
        self,
        folder: Path,
        parent: QWidget | None = None,
        *,
        keystore: DeviceKeyStore | None = None,
        kdf: KdfParams | None = None,
        was_open: bool = False,
    ) -> None:
        super().__init__(parent)
        self._jobs = Jobs()
        # After a lock: the folder of the vault that was open. Not found there (a USB stick
        # taken out), it is said so, never offered as a place for a new vault.
        self._was_open = folder.expanduser() if was_open else None
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
        self.strength = StrengthMeter()
        self.meter, self.meter_words = self.strength.bar, self.strength.words
        self.remember = QCheckBox(self.tr("Remember on this device"))
        self.use_device = QPushButton(self.tr("Open with this device's key"))
        self.use_device.clicked.connect(self.try_remembered)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        form = QFormLayout()
        form.addRow(self.tr("Vault folder"), row)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        self.repeat_label = QLabel(self.tr("Repeat"))
        form.addRow(self.repeat_label, self.repeat)
        self.meter_label = QLabel(self.tr("Strength"))
        form.addRow(self.meter_label, self.strength)
        form.addRow("", self.remember)
        form.addRow("", self.use_device)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        # The first run explains itself: what a vault is, and what a lost passphrase means.
        self.explanation = QLabel(
            self.tr(
                "A vault is an encrypted folder on this computer. Everything you collect for "
                "your clients — documents, quotes, the chronology, the cases — is kept in it "
                "and can be read only with its passphrase. Nothing leaves this computer.\n\n"
                "The passphrase cannot be recovered: if it is forgotten, no one can open the "
                "vault, not even us. Choose four or more unrelated words, write them down "
                "somewhere safe, and make backups (Vault ▸ Back up)."
            )
        )
        self.explanation.setWordWrap(True)
        self.explanation.setAccessibleName(self.tr("What a vault is"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.folder_edit.textChanged.connect(self._update_mode)
        self.passphrase.textChanged.connect(self.strength.show_strength)
        self._update_mode()
        self.passphrase.setFocus()

    @property
    def creating(self) -> bool:
        return not vault_access.is_vault(Path(self.folder_edit.text()))

    def _browse(self) -> None:
        chosen = file_dialogs.existing_folder(self, self.tr("Vault folder"))
        if chosen:
            self.folder_edit.setText(chosen)

    def _update_mode(self) -> None:
        creating = self.creating
        for widget in (self.repeat, self.repeat_label, self.strength, self.meter_label,
                       self.explanation):  # fmt: skip
            widget.setVisible(creating)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Create vault") if creating else self.tr("Unlock"))
        gone = creating and self._was_open is not None and self.folder == self._was_open
        ok.setEnabled(not gone)
        if gone:
            self.explanation.setVisible(False)
            self.message.setText(
                self.tr(
                    "The vault that was open is not found at %1 now (a USB stick taken out?). "
                    "Put it back, or choose another folder."
                ).replace("%1", str(self._was_open))
            )
        elif self._was_open is not None:
            self.message.clear()
        self.remember.setChecked(False)
        remembered = self.remembered
        self.remember.setVisible(creating or not remembered)
        self.use_device.setVisible(remembered)

    @property
    def remembered(self) -> bool:
        return not self.creating and vault_access.remembered_here(self.folder)

    @property
    def folder(self) -> Path:
        return Path(self.folder_edit.text()).expanduser()

    def try_remembered(self) -> None:
        """A vault remembered on this device opens without its passphrase (the passphrase
        remains the way in when the device's keyring cannot give the key)."""
        if not self.remembered:
            return
        folder, keystore = self.folder, self._keystore
        self.buttons.setEnabled(False)
        self.message.setText(self.tr("Opening with the key remembered on this device…"))

        def job() -> Vault | DatabaseRolledBack:
            try:
                return vault_access.unlock_remembered(folder, keystore)
            except DatabaseRolledBack as older:
                return older

        self._jobs.query(self, job, self._done, on_failed=self._remembered_failed)

    def _remembered_failed(self, message: str) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(
            self.tr("The key remembered on this device could not be used (%1). Enter the "
                    "passphrase.").replace("%1", message.rstrip("."))
        )  # fmt: skip
        self.passphrase.setFocus()

    def submit(self) -> None:
        folder = Path(self.folder_edit.text()).expanduser()
        passphrase = self.passphrase.text()
        creating = self.creating
        if creating:
            repeated = self.repeat.text()
            differ = passphrase != repeated
            forget_secret_text(repeated)
            if differ:
                forget_secret_text(passphrase)
                self.message.setText(self.strength.differ())
                return
        self.buttons.setEnabled(False)
        self.message.setText(self.tr("Creating the vault…") if creating else self.tr("Unlocking…"))
        remember, keystore, kdf, judge = (
            self.remember.isChecked(),
            self._keystore,
            self._kdf,
            self.strength.judge_now,
        )

        def job() -> Vault | DatabaseRolledBack | PassphraseStrength:
            try:
                if creating:
                    verdict = judge(passphrase)  # in the helper process, never here
                    if not verdict.acceptable:
                        return verdict
                    # The keyring is touched only when the user asks to be remembered.
                    return vault_access.create_vault(
                        folder, passphrase, remember=remember, keystore=keystore, kdf=kdf
                    )
                return vault_access.unlock_with_passphrase(
                    folder, passphrase, remember=remember, keystore=keystore
                )
            except DatabaseRolledBack as older:
                return older  # the user decides: restore a backup, or open the older copy
            finally:
                forget_secret_text(passphrase)  # no copy of it outlives its use

        self._jobs.query(self, job, self._done, on_failed=self._failed)

    def _ask_about_older_database(self, older: DatabaseRolledBack) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(say(older))
        text = (
            say(older)  # the whole vault is older than this computer last saw it
            if isinstance(older, VaultOlderThanLastSeen)
            else self.tr(
                "The vault's database is older than its key file: it ends at change %1, but %2 "
                "changes had been recorded. An older copy may have been put back, or the most "
                "recent changes were lost. Restore your latest backup instead, unless you put "
                "back this older copy on purpose."
            )
            .replace("%1", str(older.found))
            .replace("%2", str(older.recorded))
        )
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("An older database"),
            text,
            QMessageBox.StandardButton.Cancel,
            self,
        )
        self.older_box = box
        open_older = box.addButton(
            self.tr("Open this older copy"), QMessageBox.ButtonRole.DestructiveRole
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(
            lambda button: self.open_older_copy() if button is open_older else None
        )
        box.open()

    def open_older_copy(self) -> None:
        """The user chose to keep the older database (recorded in the custody log)."""
        folder = Path(self.folder_edit.text()).expanduser()
        passphrase = self.passphrase.text()
        self.buttons.setEnabled(False)

        def job() -> Vault:
            try:
                return vault_access.unlock_with_passphrase(
                    folder, passphrase, accept_older_database=True
                )
            finally:
                forget_secret_text(passphrase)

        self._jobs.query(self, job, self._done, on_failed=self._failed)

    def _done(self, vault: Vault | DatabaseRolledBack | PassphraseStrength) -> None:
        if isinstance(vault, PassphraseStrength):
            self.buttons.setEnabled(True)
            self.message.setText(self.strength.too_weak(vault) or "")
            self.passphrase.setFocus()
            return
        if isinstance(vault, DatabaseRolledBack):
            self._ask_about_older_database(vault)
            return
        self.passphrase.clear()
        self.repeat.clear()
        self.unlocked.emit(vault)
        self.accept()

    def _failed(self, message: str) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(message)
        self.passphrase.selectAll()
        self.passphrase.setFocus()
