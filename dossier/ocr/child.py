"""The child that reads a scan (see ``dossier.children``: how it is started;
``dossier.ocr.separate_process``: what it is told and says). This module imports nothing of
the program before it is told where the parent finds its modules.
"""

from __future__ import annotations

from multiprocessing.connection import Connection

from dossier import children


def main(fd: int) -> None:
    connection = Connection(fd)
    children.take_parents_path(connection)
    from dossier.ocr.separate_process import child_main

    child_main(connection)


if __name__ == "__main__":
    import sys

    main(int(sys.argv[1]))
