"""After unlocking: files stored but never recorded are shown, to recover or discard.

The vault sets them aside after a crash and never deletes them; only the user does, after a
confirmation that names each one.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from desktop.jobs import Jobs, Touched, notify
from dossier.services import recovery
from dossier.services.vault_access import Vault


class UnrecordedFiles:
    """Asks about the vault's unrecorded files, if it has any; ``changed`` runs after a change."""

    def __init__(self, owner: QWidget, vault: Vault, jobs: Jobs, changed: Callable[[], None]):
        self.owner, self.vault, self.jobs, self.changed = owner, vault, jobs, changed
        self.box: QMessageBox | None = None

    def check(self) -> None:
        vault = self.vault
        self.jobs.query(self.owner, lambda: recovery.unrecorded(vault), self._ask)

    def _ask(self, found: list[recovery.UnrecordedFile]) -> None:
        if not found:
            return
        tr = self.owner.tr
        names = "\n".join(f"• {f.label}" for f in found)
        count = (
            tr(
                "1 file was stored but never recorded (the program stopped in between, or an "
                "older copy of the database was put back)."
            )
            if len(found) == 1
            else tr(
                "%1 files were stored but never recorded (the program stopped in between, or an "
                "older copy of the database was put back)."
            ).replace("%1", str(len(found)))
        )
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Unrecorded files"), "", parent=self.owner)
        box.setText(
            count + "\n\n" + names + "\n\n"
            + tr("They are kept, encrypted, until you recover or discard them.")
        )  # fmt: skip
        recover = box.addButton(tr("Recover"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(tr("Discard…"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(tr("Later"), QMessageBox.ButtonRole.RejectRole)
        self.box = box
        box.buttonClicked.connect(lambda button: self._chosen(button, recover, discard, found))
        box.open()

    def _chosen(
        self,
        button: object,
        recover: QPushButton,
        discard: QPushButton,
        found: list[recovery.UnrecordedFile],
    ) -> None:
        if button is recover:
            self.recover(found)
        elif button is discard:
            self.confirm_discard(found)

    def recover(self, found: list[recovery.UnrecordedFile]) -> None:
        vault = self.vault

        def job() -> tuple[int, int]:
            done = 0
            for item in found:
                if item.recoverable:
                    try:
                        result = recovery.recover(vault, item.name)
                    except recovery.FileAlreadyRecorded:
                        continue  # put back in place: nothing to recover, nothing to count
                    done += not isinstance(result, str)  # a duplicate was not recovered
            return done, sum(not item.recoverable for item in found)

        self.jobs.change(self.owner, job, self._recovered, touches=Touched.DOCUMENTS)

    def _recovered(self, counts: tuple[int, int]) -> None:
        tr = self.owner.tr
        text = tr("Recovered as documents: %1.").replace("%1", str(counts[0]))
        if counts[1]:
            text += " " + tr("%1 could not be recovered (their keys were never written down); "
                             "you may discard them.").replace("%1", str(counts[1]))  # fmt: skip
        notify(self.owner, tr("Unrecorded files"), text)
        self.changed()

    def confirm_discard(self, found: list[recovery.UnrecordedFile]) -> None:
        tr = self.owner.tr
        names = "\n".join(f"• {f.label}" for f in found)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            tr("Discard for good"),
            tr("Delete these files for good? This cannot be undone.") + "\n\n" + names,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self.owner,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        self.box = box
        box.finished.connect(
            lambda result: self.discard(found) if result == QMessageBox.StandardButton.Yes else None
        )
        box.open()

    def discard(self, found: list[recovery.UnrecordedFile]) -> None:
        vault = self.vault

        def job() -> None:
            for item in found:
                recovery.discard(vault, item.name)

        # A file never recorded leaves; nothing the views show changes.
        self.jobs.change(self.owner, job, lambda _r: self.changed(), touches=Touched(0))
