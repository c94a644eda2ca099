"""The export's child process, started as ``python -P -m dossier.export.child FD``.

Not through multiprocessing: its spawn re-imports the parent's main module in the child —
for the window, the whole program with Qt (measured: the child began at 124 MB, the
database machinery and the window's modules loaded for nothing). This module imports
nothing of the program before it is told where the parent finds its modules.
"""

from __future__ import annotations

import sys
from multiprocessing.connection import Connection


def main() -> None:
    connection = Connection(int(sys.argv[1]))
    # The parent's own search path first (a test's helpers, a checkout): as multiprocessing
    # would give it, without importing the parent's main module.
    parent_path: list[str] = connection.recv()
    sys.path[:] = [*parent_path, *(entry for entry in sys.path if entry not in parent_path)]
    from dossier.export.separate_process import child_main

    child_main(connection)


if __name__ == "__main__":
    main()
