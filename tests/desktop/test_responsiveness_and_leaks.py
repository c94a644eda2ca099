"""The window stays responsive during a 200 MB import and a large export, and nothing about
the evidence is left outside the vault (settings, temp folder, home folder)."""

from __future__ import annotations

import gc
import os
import tempfile
import time
from pathlib import Path

import pikepdf
import pytest
from PySide6.QtCore import QSettings, QStandardPaths, QTimer
from pytestqt.qtbot import QtBot

from dossier.services import documents, exhibits
from tests.desktop.helpers import TIMEOUT, open_person, select_text, wait_idle
from tests.scans import TEXTS, page_image, scanned_pdf

SECRETS = [
    "Rinat Tukhvatshin", "Ринат Тухватшин", "so we rejected this request", "Kloop",
    "ходатайство",  # only on a scanned page: known once OCR has read it
]  # fmt: skip


class Heartbeat:
    """A 10 ms timer on the GUI thread; the longest gap between beats is the worst stall."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.last = time.perf_counter()
        self.gaps: list[float] = []
        self.timer.timeout.connect(self._beat)

    def _beat(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self.last)
        self.last = now

    def start(self) -> None:
        self.last = time.perf_counter()
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        return max(self.gaps, default=0.0) * 1000


def many_pages(folder: Path, files: int, pages: int) -> None:
    from reportlab.pdfgen.canvas import Canvas

    for index in range(files):
        canvas = Canvas(str(folder / f"ruling-{index:03d}.pdf"))
        for page in range(pages):
            for line in range(40):
                canvas.drawString(60, 780 - 18 * line, f"Ruling {index}, page {page}, line {line}")
            canvas.showPage()
        canvas.save()


def big_pdf(path: Path, megabytes: int) -> None:
    """A one-page PDF carrying an incompressible attachment of the given size."""
    pdf = pikepdf.new()
    pdf.add_blank_page()
    blob = os.urandom(megabytes * 1024 * 1024)
    pdf.attachments["recording.bin"] = pikepdf.AttachedFileSpec(pdf, blob, filename="rec.bin")
    pdf.save(path)


@pytest.mark.slow
def test_gui_thread_keeps_beating_during_big_import_and_export(
    qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = tmp_path / "incoming" / "hearing-recording.pdf"
    big.parent.mkdir()
    big_pdf(big, 200)
    rulings = tmp_path / "rulings"
    rulings.mkdir()
    many_pages(rulings, files=40, pages=25)  # with the cover and pleading: over 1,000 pages
    controller, window, page = open_person(qtbot, tmp_path / "vault")
    wait_idle(qtbot, window)  # opening the person's page is not part of the import

    heartbeat = Heartbeat()
    heartbeat.start()
    started = time.perf_counter()
    page.documents.import_paths([big])
    qtbot.waitUntil(lambda: page.documents.list.count() == 1, timeout=120_000)
    import_seconds = time.perf_counter() - started
    import_stall = heartbeat.stop()

    page.documents.import_paths([rulings])
    qtbot.waitUntil(lambda: page.documents.list.count() == 41, timeout=120_000)
    page.grounds.kind.setCurrentIndex(page.grounds.kind.findData("general"))
    page.grounds.open_case()
    page.setCurrentWidget(page.export)
    qtbot.waitUntil(lambda: page.export.case.count() == 1, timeout=TIMEOUT)
    case_id = int(page.export.case.currentData())
    for document in documents.list_documents(window.vault):
        exhibits.add_exhibit(window.vault, case_id, document.id)  # every document annexed
    done: list[object] = []
    page.export.exported.connect(done.append)
    page.export.out.setText(str(tmp_path / "bundle.pdf"))
    heartbeat = Heartbeat()
    heartbeat.start()
    started = time.perf_counter()
    page.export.export()
    qtbot.waitUntil(lambda: bool(done), timeout=120_000)
    export_seconds = time.perf_counter() - started
    export_stall = heartbeat.stop()
    with capsys.disabled():
        print(
            f"\n[figure] GUI thread: longest stall {import_stall:.0f} ms during a 200 MB import "
            f"({import_seconds:.1f} s), {export_stall:.0f} ms during its export "
            f"({export_seconds:.1f} s, {pikepdf.open(tmp_path / 'bundle.pdf').pages.__len__()} "
            "pages)"
        )
    reference = _stall_beside_a_busy_thread(qtbot)
    with capsys.disabled():
        print(
            f"[figure] reference: {reference:.0f} ms beside a thread running plain Python for "
            f"2 s (this machine's floor); import {import_stall / reference:.1f}×, export "
            f"{export_stall / reference:.1f}× the reference"
        )
    controller.lock()


def _stall_beside_a_busy_thread(qtbot: QtBot) -> float:
    """The longest stall any threaded job could give here: the GIL handed back and forth."""
    import threading

    stop = threading.Event()

    def busy() -> None:
        while not stop.is_set():
            sum(range(1000))

    heartbeat = Heartbeat()
    worker = threading.Thread(target=busy)
    heartbeat.start()
    worker.start()
    qtbot.wait(2000)
    stop.set()
    worker.join()
    return heartbeat.stop()


def test_a_full_collection_walks_only_what_the_work_made_not_the_whole_program(
    qtbot: QtBot, tmp_path: Path
) -> None:
    # Each full collection walked every object the program holds (~200,000 once the window
    # is up): measured 150–170 ms holding the GIL, a freeze of the window mid-import.
    controller, _window, _page = open_person(qtbot, tmp_path / "vault")
    walked, set_aside = len(gc.get_objects()), gc.get_freeze_count()
    assert walked < (walked + set_aside) / 10
    controller.lock()
    assert gc.get_freeze_count() == 0  # the closed window's objects can be collected again


def _files_changed_since(folder: Path, since: float, skip: list[Path]) -> list[Path]:
    found = []
    for root, dirs, names in os.walk(folder):
        root_path = Path(root)
        dirs[:] = [d for d in dirs if not any((root_path / d) == s for s in skip)]
        for name in names:
            path = root_path / name
            try:
                if path.is_file() and path.stat().st_mtime >= since:
                    found.append(path)
            except OSError:
                continue
    return found


def test_nothing_about_the_evidence_is_left_outside_the_vault(
    qtbot: QtBot, tmp_path: Path, corpus: Path
) -> None:
    since = time.time() - 1
    controller, _window, page = open_person(qtbot, tmp_path / "vault", native="Ринат Тухватшин")
    scan = tmp_path / "incoming" / "protocol.pdf"
    scan.parent.mkdir()
    scan.write_bytes(scanned_pdf([page_image(TEXTS["rus"])]))
    page.documents.import_paths(
        [
            corpus / "articles" / "interpol-rejects-kyrgyz-request-tukhvatshin.txt",
            corpus / "pdf" / "minimal-document.pdf",
            corpus / "images" / "gps-DSCN0010.jpg",
            scan,
        ]
    )
    qtbot.waitUntil(lambda: page.documents.list.count() == 4, timeout=TIMEOUT)
    scan.unlink()  # the scan's words must come from OCR, not from the file left here
    # The photo and the scan are read by OCR (Tesseract, in memory).
    qtbot.waitUntil(lambda: page.documents._reading_task is None, timeout=120_000)
    said = page.documents.reading.text()
    assert "text read from 1 scanned page" in said  # the scan
    assert "no text was found" in said  # the photo of a street: nothing made up
    for row in range(4):  # view each: PDF, photo, scan and text viewers all run
        page.documents.list.setCurrentRow(row)
        qtbot.wait(200)
    row = next(i for i in range(4) if "interpol" in page.documents.list.text(i).lower())
    page.documents.list.setCurrentRow(row)
    qtbot.waitUntil(
        lambda: "Samuel Heath" in page.documents.page_text.toPlainText(), timeout=TIMEOUT
    )
    select_text(page.documents.page_text, "so we rejected this request")
    page.documents.add_quote(page.documents.selected_text(), "Samuel Heath")
    qtbot.waitUntil(lambda: hasattr(page.documents, "last_quote"), timeout=TIMEOUT)
    controller.lock()
    QSettings().sync()

    vault_folder = (tmp_path / "vault").resolve()
    places = {
        Path(QSettings().fileName()).parent,
        Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.ConfigLocation)),
        Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)),
        Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)),
        Path(tempfile.gettempdir()),
        Path.home(),
    }
    repository = Path(__file__).resolve().parents[2]
    skip = [vault_folder, repository, tmp_path.resolve().parent.parent]  # pytest's own folders
    leaks = []
    for place in places:
        if not place.exists():
            continue
        for path in _files_changed_since(place, since, skip):
            if path.resolve().is_relative_to(vault_folder):
                continue
            try:
                data = path.read_bytes()
            except OSError:
                continue
            for secret in SECRETS:
                for encoded in (secret.encode(), secret.encode("utf-16-le")):
                    if encoded in data:
                        leaks.append(f"{secret!r} in {path}")
    assert leaks == []
