"""The export's child process (see ``dossier.children``: how it is started, and why not
through multiprocessing). This module imports nothing of the program before it is told where
the parent finds its modules.
"""

from __future__ import annotations

import importlib
import threading
from dataclasses import dataclass, field
from multiprocessing.connection import Connection

from dossier import children


def main(fd: int) -> None:
    connection = Connection(fd)
    children.take_parents_path(connection)
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
    import sys

    main(int(sys.argv[1]))
