"""The export's child process: ``python -P -m dossier.export.child FD``, or in the packaged
(frozen) program, the program itself started with ``CHILD_FLAG FD`` (its entry points call
``run_if_asked`` first).

Not through multiprocessing: its spawn re-imports the parent's main module in the child —
for the window, the whole program with Qt (measured: the child began at 124 MB, the
database machinery and the window's modules loaded for nothing). This module imports
nothing of the program before it is told where the parent finds its modules.
"""

from __future__ import annotations

import sys
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
    from dossier.export.separate_process import child_main

    child_main(connection)


if __name__ == "__main__":
    main(int(sys.argv[1]))
