"""Judging a new passphrase's strength in a process of its own, ended when judging is done.

zxcvbn, which judges it, is pure Python and makes copies of what it is given (lower-cased,
sliced, reversed) that nothing can overwrite: in the window's own process one such copy was
still there after the vault locked, in three runs of five. In a helper process they end with
it. The passphrase reaches the helper through a pipe, written from a buffer that is zeroed
after (multiprocessing's own framing would join it to its header in a new, unclearable
object); only the verdict comes back.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import struct
import threading
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

from dossier.services.vault_access import PassphraseStrength, passphrase_strength, problem_for
from storage.wipe import wipe_bytes


class PassphraseJudge:
    """One helper process, started on first use; ``close()`` ends it (and every copy)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: BaseProcess | None = None
        self._connection: Connection | None = None

    def judge(self, passphrase: str) -> PassphraseStrength:
        with self._lock:
            connection = self._started()
            encoded = passphrase.encode("utf-8")
            try:
                _write_all(connection.fileno(), struct.pack("!i", len(encoded)))
                _write_all(connection.fileno(), encoded)
            finally:
                wipe_bytes(encoded)
            score, reason = connection.recv()
            return PassphraseStrength(int(score), reason)

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()  # the helper reads the end of its input and stops
            if self._process is not None:
                self._process.join(timeout=5)
                if self._process.is_alive():
                    self._process.kill()
                    self._process.join()
            self._process = self._connection = None

    def _started(self) -> Connection:
        if self._connection is None:
            context = multiprocessing.get_context("spawn")  # never fork a process with Qt
            ours, theirs = context.Pipe()
            self._process = context.Process(target=_helper, args=(theirs,), daemon=True)
            self._process.start()
            theirs.close()
            self._connection = ours
        return self._connection


def problem_with(passphrase: str) -> str | None:
    """Why a new passphrase is too weak to accept, or None: judged once, in a helper process
    that ends before this returns (the command line's way; the window keeps one open while
    the lawyer types)."""
    judge = PassphraseJudge()
    try:
        return problem_for(judge.judge(passphrase))
    finally:
        judge.close()


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    try:
        while view:
            view = view[os.write(fd, view) :]
    finally:
        view.release()


def _helper(connection: Connection) -> None:
    from dossier import crash_dumps

    crash_dumps.turn_off()
    with contextlib.suppress(EOFError, OSError):
        while True:
            passphrase = connection.recv_bytes().decode("utf-8", errors="replace")
            verdict = passphrase_strength(passphrase)
            connection.send((verdict.score, verdict.reason))
