"""The submission laid out in a copy of the process while the annexes are prepared.

reportlab (the layout) and pikepdf (opening and cleaning the annexes) both hold the
interpreter, so in one process each waits for the other: for 1,000 annexes, 1.1 s of
layout after 0.7 s of annexes. A copy of the process (a fork: it starts at once, with
everything already loaded) lays the submission out meanwhile, with each annex's pages as
import counted them. What depends on the annexes' real pages (their bundle pages in the
index, the fingerprint on the cover) is printed only after the layout (``narrative._Late``):
the copy is told the real counts just then, and lays out again only if a real number needs
more room than its guess had — exactly what the layout in turn does.

Only where a copy of the process is safe and worth it: on Linux, from a process with a
single thread (a fork keeps every lock another thread held, held for ever), and for
submissions long enough to repay a second process. Elsewhere, and whenever the copy fails
in any way, the submission is laid out in turn, as before. The copy never writes a file
nor prints; it ends without running the process's exit handlers (``os._exit``), so it
cannot touch the vault its parent has open.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path

from reportlab.platypus.doctemplate import LayoutError

from dossier import crash_dumps
from dossier.export.content import DossierContent, Exhibit
from dossier.export.pdf.narrative import Laid

# Below this many annexes the layout takes a few hundredths of a second: a second process
# would cost about as much as it saves.
AT_LEAST = 50

# (content, page size, counts_known) → the layout; counts_known is called once, before
# anything that depends on the annexes' pages is printed.
LayOut = Callable[[DossierContent, tuple[float, float], Callable[[], None]], Laid]

Counts = list[tuple[int, int, list[int]]]  # each annex: its pages, its original's, offsets


class NotLaidOut(Exception):
    """The copy found the submission cannot be laid out (reportlab's LayoutError)."""


def possible(content: DossierContent) -> bool:
    return (
        len(content.exhibits) >= AT_LEAST
        and sys.platform.startswith("linux")
        and threading.active_count() == 1
    )


class Aside:
    """The copy laying the submission out; ``finish`` gives its layout, ``stop`` ends it."""

    def __init__(self, pid: int, connection: Connection) -> None:
        self.pid, self.connection = pid, connection
        self.memory_mb = 0.0  # what the copy added to its share of the parent's memory
        self._ended = self._told = False

    def tell(self, content: DossierContent) -> None:
        """Tell the copy the annexes' real pages (``content``, now prepared) as soon as they
        are known: it waits for them before it prints (measured: 0.04 s of a 100-annex
        export, while the stamps were drawn here)."""
        if self._told or self._ended:
            return
        self._told = True
        try:
            self.connection.send(counts(content))
        except OSError:
            self.stop()  # finish then says the copy failed: the submission is laid out here

    def finish(self, content: DossierContent) -> Laid | None:
        """The copy's layout, once it is told the annexes' real pages (``content``, now
        prepared); None if the copy failed (lay the submission out in turn)."""
        self.tell(content)
        if self._ended:
            return None
        try:
            message = self.connection.recv()
        except (EOFError, OSError):
            return None
        finally:
            self.stop()
        if message[0] == "unlaid":
            raise NotLaidOut
        if message[0] != "laid":
            return None
        laid: Laid = message[1]
        self.memory_mb = float(message[2])
        return laid

    def stop(self) -> None:
        if self._ended:
            return
        self._ended = True
        self.connection.close()
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)  # it has nothing to finish: its result is in
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)


def start(content: DossierContent, page_size: tuple[float, float], lay_out: LayOut) -> Aside:
    """A copy of this process, laying the submission out (see ``possible``)."""
    ours, theirs = multiprocessing.Pipe()
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:  # the copy
        status = 1
        try:
            ours.close()
            # Nothing inherited is ever collected here: no finaliser of the parent's objects
            # (a database connection's, a file's) runs in the copy.
            gc.freeze()
            crash_dumps.turn_off()
            _end_with(parent)
            _lay_out_here(theirs, content, page_size, lay_out)
            status = 0
        except BaseException:  # noqa: S110 (never printed: it could quote the evidence)
            pass
        finally:
            os._exit(status)
    theirs.close()
    return Aside(pid, ours)


_PR_SET_PDEATHSIG = 1


def _end_with(parent: int) -> None:
    """The copy is killed if its parent ends first (the window may kill an export's child
    outright): it would otherwise lay out on, for no one, until it asked for the counts."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # it ended before the request was made
        os._exit(1)


def counts(content: DossierContent) -> Counts:
    return [(e.page_count, e.original_pages, list(e.translation_offsets)) for e in content.exhibits]


def _lay_out_here(
    connection: Connection, content: DossierContent, page_size: tuple[float, float], lay_out: LayOut
) -> None:
    for exhibit in content.exhibits:
        _guess(exhibit)

    def counts_known() -> None:
        known: Counts = connection.recv()
        for exhibit, (pages, original, offsets) in zip(content.exhibits, known, strict=True):
            exhibit.page_count, exhibit.original_pages = pages, original
            exhibit.translation_offsets = offsets

    before = _resident_mb()
    try:
        laid = lay_out(content, page_size, counts_known)
    except (LayoutError, ValueError):
        connection.send(("unlaid",))
        return
    connection.send(("laid", laid, max(0.0, _peak_mb() - before)))


# A translation is laid out as at least one page, then the translator's certificate.
_TRANSLATION_PAGES = 2


def _guess(exhibit: Exhibit) -> None:
    """The annex's pages as import counted them (a PDF's, a scan's): the stand-ins of the
    numbers that depend on them have the width the real ones will most often have."""
    original = max(1, exhibit.document.page_count)
    exhibit.original_pages = original
    exhibit.translation_offsets = [
        original + _TRANSLATION_PAGES * index for index in range(len(exhibit.translations))
    ]
    exhibit.page_count = original + _TRANSLATION_PAGES * len(exhibit.translations)


def _status(field: str) -> float:
    with contextlib.suppress(OSError, ValueError, StopIteration):
        lines = Path("/proc/self/status").read_text().splitlines()
        return int(next(line for line in lines if line.startswith(field)).split()[1]) / 1024
    return 0.0


def _resident_mb() -> float:
    return _status("VmRSS:")


def _peak_mb() -> float:
    return _status("VmHWM:")
