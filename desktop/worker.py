"""Runs any service call off the GUI thread, reporting progress and honouring cancel."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from dossier import diagnostics
from dossier.errors import VaultError
from dossier.i18n import say

PROGRESS_INTERVAL = 0.05  # seconds between two progress reports shown

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
        # Which view's work it was (a function's name, never data), for Help ▸ Diagnostics.
        self._during = "window: " + getattr(job, "__qualname__", "a task").replace(".<locals>", "")
        self._cancel = threading.Event()
        self._reported = 0.0
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._cancel.set()

    def _progress(self, done: int, total: int) -> None:
        # At most one report per 50 ms reaches the window: each one is a Python call on the GUI
        # thread that must wait for the GIL while the job runs, and thousands of them (one per
        # page or segment) stalled the window by tens of milliseconds.
        now = time.monotonic()
        if done < total and now - self._reported < PROGRESS_INTERVAL:
            return
        self._reported = now
        self.signals.progress.emit(done, total)

    def run(self) -> None:
        try:
            result = self._job(self._progress, self._cancel.is_set)
        except VaultError as error:
            self.signals.failed.emit(say(error))  # storage's English, in the window's language
        except Exception as error:
            # The sentence for the lawyer; what a developer needs, in memory (Help ▸ Diagnostics).
            diagnostics.record(error, self._during)
            self.signals.failed.emit(
                QCoreApplication.translate(
                    "Task",
                    "Something went wrong and the operation was stopped. Nothing already "
                    "stored was changed.",
                )
            )
        else:
            self.signals.finished.emit(result)


# Every task started and not yet finished. The pool does not own our tasks (auto-delete is
# off), and the Jobs object that started one goes when its view goes (an unlock dialog that
# closes while it calibrates Argon2id, say): held here, a running task is never freed.
_RUNNING: set[Task] = set()


def start(task: Task) -> Task:
    _RUNNING.add(task)
    task.signals.finished.connect(lambda _result: _RUNNING.discard(task))
    task.signals.failed.connect(lambda _message: _RUNNING.discard(task))
    QThreadPool.globalInstance().start(task)
    return task
