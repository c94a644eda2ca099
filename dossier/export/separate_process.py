"""Rendering an export in a child process, so that the window never waits for it.

pikepdf holds Python's GIL for the whole of a save (measured: 55–80 ms for a 600-page bundle,
more for 1,000 pages), and no thread can shorten that: a window whose export ran in a thread
froze for as long. A child process has its own interpreter and GIL. It gets everything it
renders from the parent, in memory through a pipe (never a file): the gathered case and the
annexes' bytes. It holds no vault key and opens no database; the custody entry is written by
the parent once the file is whole.
"""

from __future__ import annotations

import contextlib
import dataclasses
import pickle
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from dossier import children, crash_dumps, diagnostics, i18n
from dossier.errors import DossierError
from dossier.export.child import Received
from dossier.export.content import DossierContent, Originals
from dossier.export.output import Unpublished
from dossier.export.pdf.narrative import SignaturePlace
from dossier.i18n import t
from dossier.views import DocumentView
from dossier.vocabulary import IMAGE_TYPES

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

_POLL_SECONDS = 0.05


def running_children() -> set[int]:
    """The process ids of the export children running now."""
    return children.running("export")


@dataclass
class PreloadedOriginals:
    """The annexes' files and texts, read from the vault before rendering (see ``preload``)."""

    files: dict[int, bytes] = field(default_factory=dict)
    pages: dict[int, list[str]] = field(default_factory=dict)
    # Annexes (by document id) whose files are read from the vault one at a time as they are
    # sent to the child (``preload(..., lazily=True)``): the window never holds them all.
    unread: list[int] = field(default_factory=list)

    def file_bytes(self, document: DocumentView) -> bytes:
        return self.files[document.id]

    def page_texts(self, document: DocumentView) -> list[str]:
        return self.pages[document.id]


def preload(
    originals: Originals,
    content: DossierContent,
    cancelled: Cancelled | None = None,
    every_file: bool = False,
    lazily: bool = False,
) -> PreloadedOriginals:
    """Exactly what the renderers will ask ``originals`` for: the file of a PDF or an image
    annex, the page texts of any other (and, ``every_file``, every annex's file, to attach).
    ``lazily``: the files are only named here, and read as they are sent to the child (whose
    ``render_in_child`` is then given ``originals``): a bundle of scans is never held whole
    by the window as well as by the child."""
    loaded = PreloadedOriginals()
    for exhibit in content.exhibits:
        if cancelled is not None and cancelled():
            raise DossierError(t("Export cancelled; nothing was written."))
        document = exhibit.document
        if (
            every_file
            or document.mime_type == "application/pdf"
            or (document.mime_type in IMAGE_TYPES)
        ):
            if lazily:
                loaded.unread.append(document.id)
            else:
                loaded.files[document.id] = originals.file_bytes(document)
        if document.mime_type != "application/pdf" and document.mime_type not in IMAGE_TYPES:
            loaded.pages[document.id] = originals.page_texts(document)
    return loaded


@dataclass(frozen=True)
class RenderJob:
    content: DossierContent
    out: Path
    format: str  # "pdf", "docx" or "portal" (``out`` is then a folder)
    paper: str
    split_mb: float | None = None
    files_named: tuple[str, ...] | None = None  # "portal": each file's name, in order
    owner: str | None = None  # whose parts these are (output.new_owner: the export's parent)
    attach_originals: bool = False  # each annex's original file inside the bundle
    pdfa: bool = False  # PDF/A-3b (see pdf.pdfa)


@dataclass(frozen=True)
class Rendered:
    pages: int | None  # PDF only
    parts: list[Unpublished]  # written, to be finished and published by the parent
    file_pages: list[int] = field(default_factory=list)  # PDF only: the pages of each file
    signature: SignaturePlace | None = None  # PDF only: the signature block's space
    fingerprint: str = ""  # PDF only: the bundle's, printed on its cover
    peak_memory_mb: float = 0.0  # of the child that rendered it (for bench/export.py)
    layout_memory_mb: float = 0.0  # added by the copy that laid the submission out, if any


def render(
    originals: Originals,
    job: RenderJob,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Rendered:
    """Write the PDF bundle or the Word submission, unpublished (in whichever process calls
    it; the parts are named for ``job.owner``, which publishes them)."""
    if job.format in ("pdf", "portal"):
        from dossier.export.pdf.bundle import write_bundle

        named = list(job.files_named) if job.files_named is not None else None
        result = write_bundle(
            originals, job.content, job.out, paper=job.paper, progress=progress,
            cancelled=cancelled, split_mb=job.split_mb, files_named=named, owner=job.owner,
            attach_originals=job.attach_originals, pdfa=job.pdfa,
        )  # fmt: skip
        return Rendered(
            result.pages, result.parts, result.file_pages, result.signature, result.fingerprint,
            layout_memory_mb=result.layout_memory_mb,
        )  # fmt: skip
    from dossier.export.docx import write_docx
    from dossier.export.pdf.bundle import number_pages

    pages = number_pages(originals, job.content, job.paper)
    item = write_docx(job.content, job.out, paper=job.paper, heading_pages=pages, owner=job.owner)
    return Rendered(None, [item])


def render_in_child(
    originals: PreloadedOriginals,
    job: RenderJob,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    source: Originals | None = None,
) -> Rendered:
    """``render`` in a child process; progress and cancel work as in-process. ``source``:
    where the files ``originals`` left unread are read from, one at a time."""
    child, ours = children.start("export")
    asked_to_stop = finished = False
    try:
        _send_payload(ours, originals, job, source, cancelled)
        while True:
            if cancelled is not None and cancelled() and not asked_to_stop:
                ours.send(("cancel",))
                asked_to_stop = True
            if not ours.poll(_POLL_SECONDS):
                if child.poll() is not None:
                    raise DossierError(t(_STOPPED))
                continue
            try:
                message = ours.recv()
            except EOFError as error:
                raise DossierError(t(_STOPPED)) from error
            if message[0] == "progress" and progress is not None:
                progress(message[1], message[2])
            elif message[0] == "done":
                rendered: Rendered = message[1]
                finished = True
                return rendered
            elif message[0] == "failed":
                if len(message) > 2:
                    diagnostics.add(message[2])
                raise DossierError(message[1])
    finally:
        children.end(child, ours)
        from dossier.export.output import discard_owned, sweep_stale_parts

        sweep_stale_parts(job.out.parent)  # a part the child left when it stopped
        if not finished and job.owner is not None:
            folder = job.out if job.format == "portal" else job.out.parent
            discard_owned(folder, job.owner)


_STOPPED = "The export stopped unexpectedly; nothing was written. Please try again."
_FAILED = "Something went wrong and the export was stopped; nothing was written."


def _send_payload(
    connection: Connection,
    originals: PreloadedOriginals,
    job: RenderJob,
    source: Originals | None,
    cancelled: Cancelled | None,
) -> None:
    # The files travel as out-of-band buffers: pickling them in-band would copy each (one
    # 200 MB annex: one long copy holding the GIL); send_bytes writes a view, in chunks.
    buffers: list[pickle.PickleBuffer] = []
    transported = dataclasses.replace(  # whatever kind of originals it is, with its fields
        originals,
        files={key: pickle.PickleBuffer(data) for key, data in originals.files.items()},  # type: ignore[misc]
        unread=[],
    )
    payload = (transported, job, i18n.language())
    header = pickle.dumps(payload, protocol=5, buffer_callback=buffers.append)
    connection.send((len(buffers), len(originals.unread), header))
    for buffer in buffers:
        connection.send_bytes(buffer.raw())
    documents = {exhibit.document.id: exhibit.document for exhibit in job.content.exhibits}
    for document_id in originals.unread:  # read, sent and let go, one at a time
        if cancelled is not None and cancelled():
            raise DossierError(t("Export cancelled; nothing was written."))
        assert source is not None, "files left unread need the originals to read them from"
        data = source.file_bytes(documents[document_id])
        connection.send(document_id)
        connection.send_bytes(data)
        del data


def _unpacked(received: Received) -> tuple[PreloadedOriginals, RenderJob]:
    # Only our own parent writes to this pipe (an anonymous pipe made for this child).
    originals, job, language = pickle.loads(received.header, buffers=received.buffers)  # noqa: S301
    originals.files.update(received.streamed)
    i18n.use(language)  # the parent's language, for whatever the renderers say
    return originals, job


def child_main(connection: Connection, received: Received) -> None:
    """The child, its payload received (``child.receive``): render, report. Never prints (a
    traceback could quote evidence)."""
    crash_dumps.turn_off()  # it holds the annexes, and parses hostile files (child.main too)
    stop = False

    def cancelled() -> bool:
        nonlocal stop
        if not stop and connection.poll():
            stop = connection.recv()[0] == "cancel"
        return stop

    def progress(done: int, total: int) -> None:
        connection.send(("progress", done, total))

    try:
        originals, job = _unpacked(received)
        rendered = render(originals, job, progress, cancelled)
        peak = children.peak_memory_mb()
        reply: tuple[Any, ...] = ("done", dataclasses.replace(rendered, peak_memory_mb=peak))
    except DossierError as error:
        reply = ("failed", str(error))
    except BaseException as error:
        # Its kind and place only (never its message) go to the parent's diagnostics.
        reply = ("failed", t(_FAILED), diagnostics.describe(error, "export (its child)"))
    with contextlib.suppress(OSError):  # the parent is gone: nothing to tell
        connection.send(reply)
