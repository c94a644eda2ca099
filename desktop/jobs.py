"""A mixin for views: run a service call in the pool, then hand the result back to the view."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from desktop.worker import Task, start


def notify(owner: QWidget, title: str, text: str) -> QMessageBox:
    """A message that does not block the window (work in other tabs goes on)."""
    box = QMessageBox(
        QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, owner
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


class Jobs(QObject):
    """Keeps running tasks alive and shows their errors; used by every view touching the vault.

    A query reads (``run_job``); an operation changes the vault (``change``) and, once done,
    says so with ``vault_changed``, which every view that shows vault data listens to.
    """

    vault_changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._tasks: set[Task] = set()

    def change(
        self,
        owner: QWidget,
        job: Callable[[Callable[[int, int], None], Callable[[], bool]], Any],
        on_done: Callable[[Any], object],
        **options: Any,
    ) -> Task:
        """Run an operation; after ``on_done``, every view refreshes what it shows."""

        def done(result: Any) -> None:
            on_done(result)
            self.vault_changed.emit()

        return self.run_job(owner, job, done, **options)

    def run_job(
        self,
        owner: QWidget,
        job: Callable[[Callable[[int, int], None], Callable[[], bool]], Any],
        on_done: Callable[[Any], object],
        *,
        progress_text: str | None = None,
        on_failed: Callable[[str], object] | None = None,
    ) -> Task:
        task = Task(job)
        self._tasks.add(task)
        dialog: QProgressDialog | None = None
        if progress_text is not None:
            dialog = QProgressDialog(progress_text, owner.tr("Cancel"), 0, 0, owner)
            dialog.setWindowTitle(owner.tr("Working"))
            dialog.setMinimumDuration(300)
            dialog.setAccessibleName(progress_text)
            dialog.canceled.connect(task.cancel)

            def show_progress(done: int, total: int) -> None:
                assert dialog is not None
                dialog.setMaximum(max(total, 1))
                dialog.setValue(min(done, max(total, 1)))

            task.signals.progress.connect(show_progress)

        def finish(result: Any) -> None:
            self._tasks.discard(task)
            if dialog is not None and shiboken6.isValid(dialog):
                dialog.reset()
                dialog.deleteLater()
            if shiboken6.isValid(owner):  # the view may have closed (locked) meanwhile
                on_done(result)

        def fail(message: str) -> None:
            self._tasks.discard(task)
            if dialog is not None and shiboken6.isValid(dialog):
                dialog.reset()
                dialog.deleteLater()
            if not shiboken6.isValid(owner):
                return
            if on_failed is not None:
                on_failed(message)
            else:
                notify(owner, owner.tr("Evidence Dossier"), message)

        task.signals.finished.connect(finish)
        task.signals.failed.connect(fail)
        return start(task)

    def running(self) -> int:
        return len(self._tasks)

    def cancel_all(self, wait_ms: int = 30_000) -> None:
        """Ask every running task to stop and wait for them (before the vault is locked)."""
        for task in list(self._tasks):
            task.cancel()
        QThreadPool.globalInstance().waitForDone(wait_ms)
