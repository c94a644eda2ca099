"""A scan is read in a process of its own (issue 23: the program peaked at 361 MB reading a
50-page scan in its own process), which holds nothing of the vault, says back only plain
readings, and never outlives the program."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from dossier.errors import DossierError
from dossier.ocr import separate_process
from dossier.search import Searcher
from dossier.services import documents, ocr
from storage.vault import Vault
from tests.helpers import imported_scan as _scan


def test_a_reading_process_that_dies_is_said_and_recorded_and_nothing_is_lost(
    vault: Vault, tmp_path: Path
) -> None:
    """A native crash on a hostile scan (Leptonica, PDFium), or the system ending a process
    that took too much memory, ends the reading process, never the program."""
    scan = _scan(vault, tmp_path, "rus", "kir", "eng")
    before = len(vault.custody_log())

    def dies(_done: int, _total: int) -> None:
        (child,) = separate_process.running_children()
        os.kill(child, signal.SIGKILL)

    with pytest.raises(DossierError, match="could not be read; the document is as it was"):
        ocr.read_scanned_pages(vault, scan.id, progress=dies)
    shown = documents.show_document(vault, scan.id)
    assert shown.ocr_state == "failed"
    assert [page.origin for page in ocr.document_text(vault, scan.id)] == ["file"] * 3
    assert len(vault.custody_log()) == before and Searcher(vault).search("ходатайство") == []
    ocr.read_scanned_pages(vault, scan.id)  # read again, it is read
    assert documents.show_document(vault, scan.id).ocr_state == "done"


def test_the_scan_is_read_in_a_process_that_never_loads_the_vault(
    vault: Vault, tmp_path: Path
) -> None:
    """The reading process parses a file that may come from the persecuting state: it has no
    database, no cipher, no key — only Tesseract, PDFium and the scan."""
    scan = _scan(vault, tmp_path, "rus", "eng")
    libraries: list[str] = []
    limits: list[str] = []

    def look(_done: int, _total: int) -> None:
        if not libraries:
            (child,) = separate_process.running_children()
            libraries.extend(Path(f"/proc/{child}/maps").read_text().split())
            limits.extend(Path(f"/proc/{child}/limits").read_text().splitlines())

    ocr.read_scanned_pages(vault, scan.id, progress=look)
    loaded = {Path(entry).name for entry in libraries if entry.startswith("/")}
    assert any("tesseract" in name for name in loaded)  # it is the reading process
    assert any("pdfium" in name for name in loaded)
    assert not [name for name in loaded if "sqlcipher" in name or "sqlite" in name], loaded
    assert not [name for name in loaded if "Qt" in name], loaded
    (core,) = [line.split() for line in limits if line.startswith("Max core")]
    assert core[4:6] == ["0", "0"], core  # it holds the scan: a crash leaves no core file


@pytest.mark.parametrize(
    "said",
    [
        ["done", "Tesseract 5", [[2, ["text", 90.0, "rus", 45, 0.0, []]]], 200.0],  # a turn
        ["done", "Tesseract 5", [[2, ["text", 90.0, "rus", 0, 0.0, [[7, 0, 0, 1, 1]]]]], 0],
        ["done", "Tesseract 5", [[2, {"text": "..."}]], 0],
        ["done", {"__reduce__": "os.system"}, [], 0],
        ["done", "Tesseract 5", [], 0],  # not the page asked for
        ["done", "Tesseract 5"],
    ],
)
def test_what_the_reading_process_says_is_believed_only_if_it_is_a_reading(said: Any) -> None:
    with pytest.raises(separate_process.NotRead):
        separate_process._scan_read(said, [2])
    with pytest.raises(separate_process.NotRead):  # nor is a count of pages anything else
        separate_process._counts(["progress", *said[1:3]])
    readable = ["done", "Tesseract 5", [[2, ["ходатайство", 91.5, "rus+eng", 90, 0.4, []]]], 1]
    assert separate_process._scan_read(readable, [2]).readings[2].text == "ходатайство"


# A program that reads a scan and is killed as soon as the first page is read, as the window
# may be (by the system, or the lawyer ending it): its reading process must end with it.
PROGRAM = textwrap.dedent(
    """
    import os
    import signal
    import sys
    from pathlib import Path

    from dossier.ocr import separate_process
    from dossier.services import ocr
    from storage.keys import KdfParams
    from storage.vault import Vault

    folder = Path(sys.argv[1])
    vault = Vault.unlock(folder / "vault", "a passphrase of test")

    def killed(_done, _total):
        (child,) = separate_process.running_children()
        (folder / "child").write_text(str(child))
        os.kill(child, signal.SIGSTOP)  # it cannot end by itself now: only if it is ended
        os.kill(os.getpid(), signal.SIGKILL)

    ocr.read_scanned_pages(vault, int(sys.argv[2]), progress=killed)
    """
)


def test_the_reading_process_ends_with_the_program(tmp_path: Path) -> None:
    from storage.keys import KdfParams

    vault = Vault.create(tmp_path / "vault", "a passphrase of test", kdf=KdfParams.floor())
    scan = _scan(vault, tmp_path, "rus", "kir", "kaz", "eng")
    vault.lock()
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM, str(tmp_path), str(scan.id)],
        capture_output=True, text=True, check=False, cwd=Path(__file__).parents[2],
    )  # fmt: skip
    assert done.returncode == -signal.SIGKILL, done.stderr[-2000:]
    child = int((tmp_path / "child").read_text())
    try:
        handle = os.pidfd_open(child)
    except ProcessLookupError:
        return  # already gone
    try:
        # Readable once the process has ended. Stopped, it could only end by being ended as
        # its parent ended: the bound only guards a failure, it times nothing.
        assert select.select([handle], [], [], 60)[0], "the reading process outlived the program"
    finally:
        if not _ended(handle):  # left stopped: not left behind
            signal.pidfd_send_signal(handle, signal.SIGKILL)
        os.close(handle)


def _ended(handle: int) -> bool:
    return bool(select.select([handle], [], [], 0)[0])
