"""The window's longest stall during a 200 MB import and a 1,000-page export, in the real app.

Each run is a fresh process, as a lawyer's session is: a vault with one person is made through
the services, then the window is unlocked and its own Import and Export run while a 10 ms timer
beats on the GUI thread. The longest gap between beats is the stall. Waiting is done by the
event loop itself (no test framework polling in Python beside it, which adds stalls of its own).

The reference, in the same process: the same timer beside a thread running plain Python (the
floor any threaded Python work can give on this machine). Prints milliseconds; asserts nothing.
Also while OCR reads a 10-page scan after its import.
Usage: python bench/responsiveness.py [runs, default 5]
"""

from __future__ import annotations

import importlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

PASSPHRASE = "correct horse battery staple"  # noqa: S105 (a throwaway vault)


class Heartbeat:
    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(10)
        self.last = 0.0
        self.longest = 0.0
        self.timer.timeout.connect(self._beat)

    def _beat(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def start(self) -> None:
        self.last = time.perf_counter()
        self.longest = 0.0
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        return self.longest * 1000


def _make_evidence(folder: Path) -> tuple[Path, Path]:
    import pikepdf
    from import_many import make_pdfs

    big = folder / "incoming" / "hearing-recording.pdf"
    big.parent.mkdir()
    pdf = pikepdf.new()  # one page carrying 200 MB that does not compress
    pdf.add_blank_page()
    blob = os.urandom(200 * 1024 * 1024)
    pdf.attachments["recording.bin"] = pikepdf.AttachedFileSpec(
        pdf, blob, description="", filename="rec.bin", mime_type="application/octet-stream",
        creation_date="", mod_date="",
    )  # fmt: skip
    pdf.save(big)
    rulings = folder / "rulings"
    rulings.mkdir()
    make_pdfs(rulings, 95)  # ~1,000 pages with the cover and the pleading
    return big, rulings


def one_run(folder: Path) -> dict[str, float]:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop import file_dialogs, fonts
    from desktop.app import DossierApp
    from dossier.services import cases, documents, exhibits, people
    from dossier.services.vault_access import KdfParams, Vault

    big, rulings = _make_evidence(folder)
    vault = Vault.create(folder / "vault", PASSPHRASE, kdf=KdfParams.floor())
    person = people.add_person(vault, "Rinat Tukhvatshin")
    documents.import_files(vault, [rulings], person_ids=[person.id])
    case = cases.add_case(vault, person.id, "general")
    vault.lock()

    app = QApplication(sys.argv)
    file_dialogs.forbid_qt_settings_files()
    fonts.install(app)
    controller = DossierApp(app, folder / "vault")
    dialog = controller.start()
    dialog.passphrase.setText(PASSPHRASE)
    loop = QEventLoop()

    def wait_for(condition: Callable[[], bool], seconds: float = 300) -> None:
        poll = QTimer()  # a check every 100 ms, not a Python loop beside the heartbeat
        poll.setInterval(100)

        def check() -> None:
            if condition():
                loop.quit()

        poll.timeout.connect(check)
        poll.start()
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()
        poll.stop()

    dialog.submit()
    wait_for(lambda: controller.window is not None)
    window = controller.window
    assert window is not None
    wait_for(lambda: window.people.count() == 1)
    window.people.setCurrentRow(0)
    page = window.person_page
    assert page is not None
    wait_for(lambda: window.jobs.running() == 0)

    ended: list[bool] = []
    window.jobs.working.connect(lambda running: None if running else ended.append(True))
    heartbeat = Heartbeat()
    heartbeat.start()
    page.documents.import_paths([big])
    wait_for(lambda: bool(ended))
    import_stall = heartbeat.stop()
    wait_for(lambda: window.jobs.running() == 0)

    for document in documents.list_documents(window.vault):
        exhibits.add_exhibit(window.vault, case.id, document.id)  # every document annexed
    page.export.refresh()
    wait_for(lambda: page.export.case.count() == 1 and window.jobs.running() == 0)
    page.export.out.setText(str(folder / "bundle.pdf"))
    exported: list[object] = []
    page.export.exported.connect(exported.append)
    ended.clear()
    heartbeat.start()
    started = time.perf_counter()
    page.export.export()
    wait_for(lambda: bool(ended))
    export_seconds = time.perf_counter() - started
    export_stall = heartbeat.stop()
    pages = getattr(exported[0], "pages", 0) if exported else 0

    # Scanned pages read by OCR after their import, in the background (both cores busy).
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    scans = importlib.import_module("tests.scans")
    scan = folder / "incoming" / "search-protocol.pdf"
    texts = list(scans.TEXTS.values())
    scan.write_bytes(scans.scanned_pdf([scans.page_image(texts[i % 4]) for i in range(10)]))
    tab = page.documents
    heartbeat.start()
    started = time.perf_counter()
    tab.import_paths([scan])
    wait_for(lambda: tab._reading_task is not None)
    wait_for(lambda: tab._reading_task is None)
    ocr_seconds = time.perf_counter() - started
    ocr_stall = heartbeat.stop()

    stop = threading.Event()

    def busy() -> None:
        while not stop.is_set():
            sum(range(1000))

    heartbeat.start()
    worker = threading.Thread(target=busy)
    worker.start()
    QTimer.singleShot(2000, loop.quit)
    loop.exec()
    stop.set()
    worker.join()
    reference = heartbeat.stop()
    controller.lock()
    return {
        "import_ms": import_stall,
        "export_ms": export_stall,
        "export_s": export_seconds,
        "pages": float(pages or 0),
        "ocr_ms": ocr_stall,
        "ocr_s": ocr_seconds,
        "reference_ms": reference,
    }


def main() -> None:
    if sys.argv[1:2] == ["--one"]:
        with tempfile.TemporaryDirectory() as folder:
            print(json.dumps(one_run(Path(folder))))
        return
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    results = []
    for number in range(1, runs + 1):
        done = subprocess.run(
            [sys.executable, __file__, "--one"], env=env, capture_output=True, text=True
        )
        if done.returncode != 0:
            print(done.stderr[-2000:])
            raise SystemExit(f"run {number} failed")
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        results.append(figures)
        print(
            f"run {number}: longest stall {figures['import_ms']:.0f} ms during a 200 MB import, "
            f"{figures['export_ms']:.0f} ms during the export ({figures['pages']:.0f} pages, "
            f"{figures['export_s']:.1f} s), {figures['ocr_ms']:.0f} ms while 10 scanned pages "
            f"were read ({figures['ocr_s']:.1f} s); reference {figures['reference_ms']:.0f} ms"
        )
    for key, label in (("import_ms", "import"), ("export_ms", "export"), ("ocr_ms", "OCR")):
        values = [r[key] for r in results]
        reference = statistics.median(r["reference_ms"] for r in results)
        print(
            f"{label}: median {statistics.median(values):.0f} ms, worst {max(values):.0f} ms "
            f"over {runs} runs ({statistics.median(values) / reference:.1f}× the reference "
            f"median {reference:.0f} ms)"
        )


if __name__ == "__main__":
    main()
