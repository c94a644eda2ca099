"""A mixin for views: run a service call in the pool, then hand the result back to the view."""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from desktop.worker import Cancel, Progress, Task, start

T = TypeVar("T")


def notify(owner: QWidget, title: str, text: str) -> QMessageBox:
    """A message that does not block the window (work in other tabs goes on)."""
    box = QMessageBox(
        QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, owner
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


class Touched(enum.Flag):
    """What a change touched, said with it: only the views that show that refresh (as Anki's
    operations return the changes they made). Refreshing every view after every change
    read the whole case again — and laid out the pleading for the Export tab's check — after
    an alias was saved."""

    PEOPLE = enum.auto()  # names, aliases, particulars
    DOCUMENTS = enum.auto()  # documents, their pages, translations, OCR
    QUOTES = enum.auto()
    EVENTS = enum.auto()
    CASES = enum.auto()  # cases, grounds, arguments, annexes
    ORGANISATIONS = enum.auto()
    SIGNING = enum.auto()  # the vault's signing certificate


EVERYTHING = ~Touched(0)


class Jobs(QObject):
    """Runs the views' calls into the core off the GUI thread, keeps them alive, shows errors.

    Three kinds: a ``query`` reads; a ``change`` writes and then says what it touched with
    ``vault_changed`` (a ``Touched``), which the views that show vault data listen to;
    ``work`` is a long job that reports progress and can be cancelled (import, export,
    verify, back up).
    """

    vault_changed = Signal(object)  # Touched
    # True when long work the user waits for (with its progress dialog) starts, False when
    # the last such work ends: the vault's idle clock pauses meanwhile.
    working = Signal(bool)

    def __init__(self) -> None:
        super().__init__()
        self._tasks: set[Task] = set()
        self._long: set[Task] = set()

    def query(
        self, owner: QWidget, read: Callable[[], T], on_done: Callable[[T], object], **options: Any
    ) -> Task:
        return self._run(owner, lambda _progress, _cancelled: read(), on_done, **options)

    def change(
        self,
        owner: QWidget,
        write: Callable[[], T],
        on_done: Callable[[T], object],
        *,
        touches: Touched = EVERYTHING,
        **options: Any,
    ) -> Task:
        """Run an operation; after ``on_done``, the views showing what it touched refresh."""
        return self.work(
            owner, lambda _progress, _cancelled: write(), on_done, touches=touches, **options
        )

    def work(
        self,
        owner: QWidget,
        job: Callable[[Progress, Cancel], T],
        on_done: Callable[[T], object],
        *,
        touches: Touched | None = None,  # None: the job changes nothing stored
        **options: Any,
    ) -> Task:
        if touches is None:
            return self._run(owner, job, on_done, **options)

        def done(result: T) -> None:
            on_done(result)
            self.vault_changed.emit(touches)

        return self._run(owner, job, done, **options)

    def _run(
        self,
        owner: QWidget,
        job: Callable[[Progress, Cancel], Any],
        on_done: Callable[[Any], object],
        *,
        progress_text: str | None = None,
        on_failed: Callable[[str], object] | None = None,
    ) -> Task:
        task = Task(job)
        self._tasks.add(task)
        dialog: QProgressDialog | None = None
        if progress_text is not None:
            self._long.add(task)
            if len(self._long) == 1:
                self.working.emit(True)
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

        def ended() -> None:
            self._tasks.discard(task)
            if task in self._long:
                self._long.discard(task)
                if not self._long:
                    self.working.emit(False)

        def finish(result: Any) -> None:
            ended()
            if dialog is not None and shiboken6.isValid(dialog):
                dialog.reset()
                dialog.deleteLater()
            if shiboken6.isValid(owner):  # the view may have closed (locked) meanwhile
                on_done(result)

        def fail(message: str) -> None:
            ended()
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
