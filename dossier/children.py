"""The program's child processes: an export rendered, a scan read, each in a process of its own.

A child is a new interpreter (``python -P -m MODULE FD``), or in the packaged (frozen) program
the program itself started with ``FLAG KIND FD`` (its entry points call ``run_if_asked``
first). Never forked: forking a process with Qt's threads is unsafe. Not through
multiprocessing either: its spawn re-imports the parent's main module in the child — for the
window, the whole program with Qt (measured: an export's child began at 124 MB, the database
machinery and the window's modules loaded for nothing).

A child is told nothing on its command line but where its end of the pipe is, and its output
goes nowhere (a traceback could quote evidence). Its first message is the parent's search
path (a test's helpers, a checkout), as multiprocessing would give it.

This module imports nothing of the program: a child imports it before it knows where the
program's modules are.
"""

from __future__ import annotations

import contextlib
import ctypes
import importlib
import multiprocessing
import os
import signal
import subprocess
import sys
from multiprocessing.connection import Connection
from pathlib import Path

FLAG = "--evidence-dossier-child"
# Each kind of child, by the module whose ``main(fd)`` it runs.
_MODULES = {"export": "dossier.export.child", "ocr": "dossier.ocr.child"}
_running: dict[int, str] = {}  # the children of this process running now: their kinds


def command(kind: str, fd: int) -> list[str]:
    """How to start a child of this kind, its end of the pipe being the descriptor ``fd``."""
    if getattr(sys, "frozen", False):  # a PyInstaller program: its executable is the program
        return [sys.executable, FLAG, kind, str(fd)]
    return [sys.executable, "-P", "-m", _MODULES[kind], str(fd)]


def run_if_asked() -> None:
    """In the packaged program's entry points: be a child if started as one."""
    if len(sys.argv) == 4 and sys.argv[1] == FLAG and sys.argv[2] in _MODULES:
        importlib.import_module(_MODULES[sys.argv[2]]).main(int(sys.argv[3]))
        sys.exit(0)


def start(kind: str) -> tuple[subprocess.Popen[bytes], Connection]:
    """A child of this kind started, and the parent's end of its pipe."""
    ours, theirs = multiprocessing.Pipe()
    child = subprocess.Popen(
        command(kind, theirs.fileno()),
        pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    theirs.close()
    _running[child.pid] = kind
    with contextlib.suppress(OSError):  # it could not start: the caller finds it stopped
        ours.send((os.getpid(), sys.path))
    return child, ours


_PR_SET_PDEATHSIG = 1


def take_parents_path(connection: Connection) -> None:
    """In the child: ended with its parent, and the parent's search path first, before
    anything of the program loads.

    A child whose parent is gone (the window killed, or closed while a scan was read) would
    otherwise work on for no one, holding the scan or the annexes, until it found its pipe
    closed."""
    parent, parent_path = connection.recv()
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != parent:  # it ended before the request was made
            os._exit(1)
    sys.path[:] = [*parent_path, *(entry for entry in sys.path if entry not in parent_path)]


def end(child: subprocess.Popen[bytes], connection: Connection, *, at_once: bool = False) -> None:
    """The pipe closed and the child gone: waited for (it finishes once its pipe closes), or
    ``at_once``, stopped where it is."""
    connection.close()
    if at_once:
        child.kill()
    try:
        child.wait(timeout=10)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()
    _running.pop(child.pid, None)


def running(kind: str) -> set[int]:
    """The process ids of this process's children of this kind running now."""
    return {pid for pid, its_kind in list(_running.items()) if its_kind == kind}


def peak_memory_mb() -> float:
    """This process's peak memory in MB, since it began (ru_maxrss would count the parent's
    memory at the fork before the child's interpreter was started)."""
    with contextlib.suppress(OSError, ValueError, StopIteration):
        status = Path("/proc/self/status").read_text().splitlines()
        return int(next(line for line in status if line.startswith("VmHWM:")).split()[1]) / 1024
    return 0.0
