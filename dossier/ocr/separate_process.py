"""A scan read in a child process that holds nothing but Tesseract, pdfium and the scan.

Why a child (issue 23): read in the program's own process, a 50-page scan took it from 98 MB
(Python, the vault, the database machinery, and in the window Qt) to 361 MB. The child
starts at about 30 MB and gives everything back when it ends, and the scan is sent to it a
segment at a time as it is decrypted, so the program never holds it whole.

The child parses files that may come from the persecuting state: what it says back is read as
JSON and checked, never unpickled — a child taken over by a hostile PDF could otherwise run
code in the process that holds the vault's key. It is sent the scan, the pages wanted and the
languages, never a key. A cancel stops it where it is: it has written nothing.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from dossier import children, diagnostics, i18n
from dossier.errors import DossierError
from dossier.ocr.engine import PageReading, Word

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

_POLL_SECONDS = 0.05


def running_children() -> set[int]:
    """The process ids of the children reading scans now."""
    return children.running("ocr")


class ReadingCancelled(Exception):
    """The reading was stopped on the user's word; the child was stopped with it."""


class NotRead(Exception):
    """The child could not read the scan: it failed, or stopped (a crash, the system's
    memory). Carries no word of the failure's own (it could quote the scan)."""


@dataclass(frozen=True)
class ScanRead:
    engine: str  # "Tesseract 5.5.4"
    readings: dict[int, PageReading]
    peak_memory_mb: float = 0.0  # of the child that read it (for bench/ocr_accuracy.py)


@dataclass(frozen=True)
class _Job:
    mime: str
    password: str | None
    wanted: list[int]
    languages: str | None
    language: str  # the window's, for whatever the child says


def read_in_child(
    scan: Iterable[bytes],
    mime: str,
    password: str | None,
    wanted: list[int],
    languages: str | None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ScanRead:
    """The wanted pages of the scan (given segment by segment, as the vault decrypts it)
    read in a child. Raises ``ReadingCancelled``, ``NotRead``, or ``DossierError`` with
    the child's sentence (Tesseract's data not installed, say)."""
    child, ours = children.start("ocr")
    try:
        try:
            ours.send(_Job(mime, password, wanted, languages, i18n.language()))
            for segment in scan:
                _check(cancelled)
                ours.send_bytes(segment)
            ours.send_bytes(b"")  # the end of the scan
        except (BrokenPipeError, ConnectionResetError) as error:
            raise NotRead from error  # it stopped before it had the scan
        while True:
            _check(cancelled)
            if not ours.poll(_POLL_SECONDS):
                if child.poll() is not None:
                    raise NotRead
                continue
            try:
                message = json.loads(ours.recv_bytes())
            except (EOFError, OSError, ValueError) as error:
                raise NotRead from error
            kind = message[0] if isinstance(message, list) and message else None
            if kind == "progress":
                done, total = _counts(message)
                if progress is not None:
                    progress(done, total)
            elif kind == "done":
                return _scan_read(message, wanted)
            elif kind == "refused" and len(message) == 2:
                raise DossierError(str(message[1]))
            elif kind == "failed":
                with contextlib.suppress(TypeError, ValueError, IndexError):
                    diagnostics.add(diagnostics.Entry(*(str(part) for part in message[1])))
                raise NotRead
            else:
                raise NotRead
    finally:
        # Stopped at once: a reading whose result nobody waits for is work for nothing.
        children.end(child, ours, at_once=True)


def _check(cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise ReadingCancelled


def _counts(message: list[Any]) -> tuple[int, int]:
    """Pages read and to read, as the child said them."""
    try:
        _kind, done, total = message
        return int(done), int(total)
    except (TypeError, ValueError) as error:
        raise NotRead from error


def _scan_read(message: list[Any], wanted: list[int]) -> ScanRead:
    """What the child said it read, checked to be the pages wanted and only readings."""
    try:
        _kind, engine, pages, peak = message
        readings = {int(number): _reading(value) for number, value in pages}
        peak = float(peak)
    except (TypeError, ValueError) as error:
        raise NotRead from error
    if not isinstance(engine, str) or sorted(readings) != sorted(wanted):
        raise NotRead
    return ScanRead(engine, readings, peak)


def _reading(value: list[Any]) -> PageReading:
    text, confidence, languages, rotation, skew, words = value
    if not (isinstance(text, str) and isinstance(languages, str) and rotation in (0, 90, 180, 270)):
        raise ValueError("not a page's reading")
    return PageReading(
        text,
        float(confidence),
        languages,
        int(rotation),
        float(skew),
        [_word(word) for word in words],
    )


def _word(value: list[Any]) -> Word:
    text, left, top, right, bottom = value
    if not isinstance(text, str):
        raise ValueError("not a word")
    return Word(text, float(left), float(top), float(right), float(bottom))


def _as_json(reading: PageReading) -> list[Any]:
    words = [[w.text, w.left, w.top, w.right, w.bottom] for w in reading.words]
    said = reading
    return [said.text, said.confidence, said.languages, said.rotation, said.skew, words]


# The child's side.


def child_main(connection: Connection) -> None:
    """Receive the job and the scan, read, say what was read. Never prints (a traceback could
    quote evidence); a failure is told by its kind and place only."""
    from dossier import crash_dumps

    crash_dumps.turn_off()  # it holds the scan, and parses a hostile file
    _one_heap_for_all_threads()

    def say(*message: Any) -> None:
        connection.send_bytes(json.dumps(message, ensure_ascii=False).encode())

    try:
        job: _Job = connection.recv()  # from the parent only: its own anonymous pipe
        i18n.use(job.language)
        scan = _received(connection)
        from dossier.ocr import engine
        from dossier.ocr.pages import read_pages

        readings = read_pages(
            scan, job.mime, job.password, job.wanted, job.languages,
            lambda done, total: say("progress", done, total),
        )  # fmt: skip
        del scan
        pages = [[number, _as_json(reading)] for number, reading in sorted(readings.items())]
        reply: tuple[Any, ...] = ("done", engine.version(), pages, children.peak_memory_mb())
    except DossierError as error:
        reply = ("refused", str(error))
    except BaseException as error:
        entry = diagnostics.describe(error, "reading a scan (its child)")
        reply = ("failed", [entry.at, entry.during, entry.kind, entry.where, entry.ours])
    with contextlib.suppress(OSError):  # the parent is gone, or has stopped waiting
        say(*reply)


def _received(connection: Connection) -> bytes:
    from io import BytesIO

    scan = BytesIO()
    while segment := connection.recv_bytes():
        scan.write(segment)
    return scan.getvalue()  # handed over without a copy


def _one_heap_for_all_threads() -> None:
    """Both reading threads allocate from one heap, not a heap each.

    glibc gives each thread a heap of its own (an arena) and keeps in each what was freed
    there, for that thread's next allocation: two threads reading pages of 9 MB pictures each
    kept their own peak. With one heap, a 50-page scan was read in 262–274 MB where it took
    291–308, for 1–2 % more processor time (three readings of each, in turns; the other ways
    tried: fixing the size from which blocks are mapped alone, 1 MB: 258 MB at 5 % more)."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").mallopt(-8, 1)  # M_ARENA_MAX
