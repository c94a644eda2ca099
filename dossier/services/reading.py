"""Reading the files of an import — their type, text and what they say of themselves — in
worker processes, while the importing process stores the ones already read (issue 23).

Reading is most of an import's work and needs nothing from the vault: done in one process, a
batch used one core of two and stored nothing while it read. A file that crashes its reader
(a hostile PDF can) takes down a worker, not the program: it is read again alone, and named
unreadable if it crashes that one too; the rest of the batch goes on.

A worker speaks the program's language (its refusals are shown as they are) and sends back
only text and the file's type — never an exception, which could quote the file's contents.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from dossier import i18n, language_guess, names
from dossier.errors import ImportRefused, PasswordNeeded
from dossier.i18n import t
from dossier.importers import detect_mime, importer_for
from dossier.importers.base import Extracted

# Below this many files, starting the workers (each loads the readers: ~0.5 s) costs more
# than it saves.
IN_WORKERS_FROM = 8
# Files read ahead of the one being stored, per worker: enough to keep the workers busy while
# the storing process waits for a commit's flush to the disk (at two a worker, the machine
# stood idle 8 % of an import of 1,000 PDFs; at six, 1 %), few enough that a cancelled batch
# stops soon and holds little text.
_AHEAD_PER_WORKER = 6

LINK_REASON = (
    "it is a link to another file or folder; links inside a folder are not followed (import "
    "the file it points to directly, if you mean to)"
)


@dataclass(frozen=True)
class Read:
    mime: str
    extracted: Extracted
    # Each page's text as the search index holds it (names.fold), folded where it was read.
    folded_pages: list[str]


@dataclass(frozen=True)
class NotRead:
    """Why a file could not be read, in a form that crosses processes."""

    kind: str  # "refused" (message said), "password", "os" (strerror), "unreadable"
    message: str = ""
    wrong_password: bool = False
    reader_error: str = ""  # the exception's type only, for the log

    def error(self, path: Path) -> Exception:
        """The exception the import would have met reading the file itself."""
        if self.kind == "password":
            return PasswordNeeded(path.name, wrong=self.wrong_password)
        if self.kind == "refused":
            return ImportRefused(self.message)
        if self.kind == "os":
            return OSError(0, self.message)
        return Unreadable(self.reader_error)


class Unreadable(Exception):
    """A reader failed on the file (its type named, never its message)."""


def read_file(path: Path, password: str | None, follow_links: bool) -> Read:
    """A file's type and cleaned text, its language guessed; raises as the importer does."""
    if not follow_links and path.is_symlink():
        raise ImportRefused(t(LINK_REASON))
    if not path.is_file():
        raise ImportRefused(t('"{file}" is not a file.', file=path.name))
    mime = detect_mime(path)
    importer = importer_for(mime)
    if importer is None:
        raise ImportRefused(
            t(
                '"{file}" is a kind of file this app cannot read ({type}). Supported: PDF, Word '
                "(.docx), text, web pages (.html), e-mail (.eml), JPEG, PNG, TIFF, HEIC.",
                file=path.name,
                type=mime,
            )
        )
    # Before storing: a bad file stores nothing. What it says about itself is cleaned first.
    extracted = importer.extract(path, password).cleaned()
    if "language" not in extracted.suggestions and (
        found := language_guess.of_pages(extracted.pages)
    ):
        extracted.suggestions["language"] = found
    return Read(mime, extracted, [names.fold(page) for page in extracted.pages])


def _read_in_worker(path: Path, password: str | None, follow_links: bool) -> Read | NotRead:
    try:
        return read_file(path, password, follow_links)
    except PasswordNeeded as error:
        return NotRead("password", wrong_password=error.wrong)
    except ImportRefused as error:
        return NotRead("refused", str(error))
    except OSError as error:
        return NotRead("os", error.strerror or "")
    except Exception as error:  # a reader's own failure: its type only (see the module)
        return NotRead("unreadable", reader_error=type(error).__name__)


Reader = Callable[[Path, str | None, bool], Read | NotRead]


def _start_worker(language: str) -> None:
    i18n.use(language)


class Readers:
    """The files read in order, ahead of their storing: ``for path, read in readers``, where
    ``read`` is a ``Read`` or the exception reading met."""

    def __init__(
        self,
        files: list[Path],
        password: str | None,
        follow_links: Callable[[Path], bool],
        *,
        workers: int | None = None,
        reader: Reader | None = None,  # tests give one that crashes, as a hostile file can
    ) -> None:
        self._reader = reader or _read_in_worker
        self._files = files
        self._password = password
        self._follow_links = follow_links
        self._workers = workers or min(os.cpu_count() or 1, 4)
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Readers:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._stop()

    def __iter__(self) -> Iterator[tuple[Path, Read | Exception]]:
        if len(self._files) < IN_WORKERS_FROM or self._workers < 2:
            for path in self._files:
                yield path, self._read_here(path)
            return
        waiting = deque(self._files)
        in_flight: deque[tuple[Path, Future[Read | NotRead]]] = deque()
        while waiting or in_flight:
            while waiting and len(in_flight) < self._workers * _AHEAD_PER_WORKER:
                try:
                    in_flight.append((waiting[0], self._submit(waiting[0])))
                except BrokenProcessPool:  # broke meanwhile: told by the files in flight
                    if not in_flight:
                        self._stop()
                        continue
                    break
                waiting.popleft()
            path, future = in_flight.popleft()
            try:
                outcome = future.result()
            except (BrokenProcessPool, CancelledError):
                # A worker died (some file crashed its reader): this one is read again
                # alone, then the ones in flight, by new workers.
                self._stop()
                waiting.extendleft(reversed([p for p, _ in in_flight]))
                in_flight.clear()
                outcome = self._read_alone(path)
            yield path, outcome.error(path) if isinstance(outcome, NotRead) else outcome

    def _read_here(self, path: Path) -> Read | Exception:
        outcome = self._reader(path, self._password, self._follow_links(path))
        return outcome.error(path) if isinstance(outcome, NotRead) else outcome

    def _submit(self, path: Path) -> Future[Read | NotRead]:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                self._workers,
                # never fork a process with Qt's threads
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(i18n.language(),),
            )
        return self._pool.submit(self._reader, path, self._password, self._follow_links(path))

    def _read_alone(self, path: Path) -> Read | NotRead:
        try:
            return self._submit(path).result()
        except BrokenProcessPool:
            self._stop()
            return NotRead("unreadable", reader_error="reader crashed")

    def _stop(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
