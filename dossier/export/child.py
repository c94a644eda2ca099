"""The export's child process: ``python -P -m dossier.export.child FD``, or in the packaged
(frozen) program, the program itself started with ``CHILD_FLAG FD`` (its entry points call
``run_if_asked`` first).

Not through multiprocessing: its spawn re-imports the parent's main module in the child —
for the window, the whole program with Qt (measured: the child began at 124 MB, the
database machinery and the window's modules loaded for nothing). This module imports
nothing of the program before it is told where the parent finds its modules.
"""

from __future__ import annotations

import importlib
import sys
import threading
from dataclasses import dataclass, field
from multiprocessing.connection import Connection

CHILD_FLAG = "--evidence-dossier-export-child"


def command(fd: int) -> list[str]:
    """How to start the child, its end of the pipe being the descriptor ``fd``."""
    if getattr(sys, "frozen", False):  # a PyInstaller program: its executable is the program
        return [sys.executable, CHILD_FLAG, str(fd)]
    return [sys.executable, "-P", "-m", "dossier.export.child", str(fd)]


def run_if_asked() -> None:
    """In the packaged program's entry points: be the export's child if started as one."""
    if len(sys.argv) == 3 and sys.argv[1] == CHILD_FLAG:
        main(int(sys.argv[2]))
        sys.exit(0)


def main(fd: int) -> None:
    connection = Connection(fd)
    # The parent's own search path first (a test's helpers, a checkout): as multiprocessing
    # would give it, without importing the parent's main module.
    parent_path: list[str] = connection.recv()
    sys.path[:] = [*parent_path, *(entry for entry in sys.path if entry not in parent_path)]
    from dossier import crash_dumps

    crash_dumps.turn_off()  # before any annex comes: it holds them, and parses hostile files
    # The renderers load (0.25 s: reportlab, pikepdf, the fonts) while the parent reads the
    # annexes out of the vault and sends them; loaded first, the parent waited meanwhile.
    loading = threading.Thread(target=_load_renderers, name="loading renderers", daemon=True)
    loading.start()
    received = receive(connection)
    loading.join()
    from dossier.export.separate_process import child_main

    child_main(connection, received)


def _load_renderers() -> None:
    try:
        for module in ("dossier.export.separate_process", "dossier.export.pdf.bundle"):
            importlib.import_module(module)
        from dossier.export.pdf.fonts import register

        register()
    except BaseException:  # noqa: S110 (loaded again where it is used, and said there)
        pass


@dataclass
class Received:
    """What the parent sent, as it came: the job pickled, its annexes' bytes beside it."""

    header: bytes
    buffers: list[bytes]
    streamed: dict[int, bytes] = field(default_factory=dict)


def receive(connection: Connection) -> Received:
    """The payload's bytes, read without the program's classes (they may be loading)."""
    count, streamed, header = connection.recv()  # two numbers and bytes: nothing to import
    received = Received(header, [connection.recv_bytes() for _ in range(count)])
    for _ in range(streamed):
        document_id: int = connection.recv()
        received.streamed[document_id] = connection.recv_bytes()
    return received


if __name__ == "__main__":
    main(int(sys.argv[1]))
