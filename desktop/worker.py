"""Runs any service call off the GUI thread, reporting progress and honouring cancel."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from dossier.errors import VaultError

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


class TaskSignals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)


class Task(QRunnable):
    """``job(progress, cancelled)`` runs in the thread pool; views only connect to signals.

    Errors meant for users arrive as their message; anything else as a generic sentence, so a
    traceback (which could quote evidence) never reaches the screen.
    """

    def __init__(
        self, job: Callable[[Callable[[int, int], None], Callable[[], bool]], Any]
    ) -> None:
        super().__init__()
        self.signals = TaskSignals()
        self._job = job
        self._cancel = threading.Event()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            result = self._job(self.signals.progress.emit, self._cancel.is_set)
        except VaultError as error:
            self.signals.failed.emit(str(error))
        except Exception:
            self.signals.failed.emit(
                "Something went wrong and the operation was stopped. Nothing already stored "
                "was changed."
            )
        else:
            self.signals.finished.emit(result)


def start(task: Task) -> Task:
    QThreadPool.globalInstance().start(task)
    return task
