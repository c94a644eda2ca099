"""What went wrong, kept in memory only, to copy into a bug report (Help ▸ Diagnostics,
``dossier --debug``).

An unexpected error is told to the lawyer as a sentence; what a developer needs to find it
(the kind of error, and where in the program it arose) is kept here: never on disk, never the
error's own message, which can quote the evidence it choked on (a paragraph of a hostile
file, a client's name). Dangerzone's log window and Picard's bounded in-memory log do the
same.
"""

from __future__ import annotations

import threading
import traceback
from collections import deque
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import PurePath

_KEPT = 200
_OUR_PACKAGES = ("dossier", "storage", "desktop")


@dataclass(frozen=True)
class Entry:
    at: str  # UTC, to the second
    during: str  # what the program was doing: "export", "import", "dossier verify"…
    kind: str  # the exception's class, with its module unless a built-in one
    where: str  # the innermost frame: package-relative file, line, function
    ours: str  # the innermost frame in this program's own code ("" when it is the same)

    def line(self) -> str:
        found = f"{self.at} {self.during}: {self.kind} at {self.where}"
        return found + (f" (from {self.ours})" if self.ours else "")


_entries: deque[Entry] = deque(maxlen=_KEPT)
_lock = threading.Lock()


def record(error: BaseException, during: str) -> Entry:
    """Keep what is needed to find ``error`` (never its message); returns the entry."""
    entry = describe(error, during)
    with _lock:
        _entries.append(entry)
    return entry


def describe(error: BaseException, during: str) -> Entry:
    frames = traceback.extract_tb(error.__traceback__)
    kind = type(error).__qualname__
    module = type(error).__module__
    if module not in ("builtins", "__main__"):
        kind = f"{module}.{kind}"
    where = _frame(frames[-1]) if frames else "unknown"
    own = [frame for frame in frames if _package_path(frame.filename)[0] in _OUR_PACKAGES]
    ours = _frame(own[-1]) if own else ""
    at = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    return Entry(at, during, kind, where, "" if ours == where else ours)


def add(entry: Entry) -> None:
    """Keep an entry made elsewhere (the export's child sends its own)."""
    with _lock:
        _entries.append(entry)


def entries() -> list[Entry]:
    with _lock:
        return list(_entries)


def report() -> str:
    """Everything kept, as text to paste into a bug report."""
    from dossier import about, crash_dumps

    lines = [f"Evidence Dossier {about.version()}", f"crash dumps off: {crash_dumps.are_off()}"]
    lines += [entry.line() for entry in entries()] or ["No errors were recorded."]
    return "\n".join(lines)


def _frame(frame: traceback.FrameSummary) -> str:
    return f"{'/'.join(_package_path(frame.filename))}:{frame.lineno} in {frame.name}"


def _package_path(filename: str) -> tuple[str, ...]:
    """The file's path from the program's folder or its package on (never the user's folders:
    their names can say whose they are)."""
    path = PurePath(filename)
    if path.is_relative_to(_PROGRAM):
        return path.relative_to(_PROGRAM).parts
    parts = path.parts
    for index in range(len(parts) - 1, -1, -1):
        if parts[index] in ("site-packages", "dist-packages", "lib-dynload"):
            return parts[index + 1 :]
    return parts[-1:]


_PROGRAM = PurePath(__file__).parents[1]  # the folder holding dossier/, storage/, desktop/
