"""In the window, a scan is read by itself after its import, the lawyer working on meanwhile;
its state is shown, it can be read again in another language, and stopping loses nothing."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from dossier.search import Searcher
from dossier.services import documents, ocr
from tests.desktop.helpers import TIMEOUT, open_person
from tests.scans import TEXTS, page_image, scanned_pdf

READ_TIMEOUT = 120_000


def _scan_file(folder: Path, *languages: str) -> Path:
    path = folder / "search-protocol.pdf"
    path.write_bytes(scanned_pdf([page_image(TEXTS[language]) for language in languages]))
    return path


def test_a_scan_is_read_after_its_import_and_its_state_shown(qtbot: QtBot, tmp_path: Path) -> None:
    controller, window, page = open_person(qtbot, tmp_path / "vault")
    tab = page.documents
    tab.import_paths([_scan_file(tmp_path, "rus")])
    qtbot.waitUntil(lambda: tab.list.count() == 1, timeout=TIMEOUT)
    assert tab.reading_bar.isVisibleTo(tab)  # reading began by itself, in the tab
    qtbot.waitUntil(lambda: tab._reading_task is None, timeout=READ_TIMEOUT)
    assert "D1: text read from 1 scanned page(s)" in tab.reading.text()
    tab.list.setCurrentRow(0)
    qtbot.waitUntil(lambda: "Read by OCR" in tab.ocr_state.text(), timeout=TIMEOUT)
    assert "rus+eng" in tab.ocr_state.text() and "Tesseract" in tab.ocr_state.text()
    qtbot.waitUntil(lambda: "ходатайство" in tab.page_text.toPlainText(), timeout=TIMEOUT)
    assert [hit.ref for hit in Searcher(window.vault).search("hodataistvo")] == ["D1"]

    # Read again, in the language the lawyer chooses.
    tab.ocr_languages.setCurrentIndex(tab.ocr_languages.findData("kaz+rus+eng"))
    tab.read_button.click()
    qtbot.waitUntil(lambda: tab._reading_task is None, timeout=READ_TIMEOUT)
    assert ocr.document_text(window.vault, 1)[0].languages == "kaz+rus+eng"
    controller.lock()


def test_stopping_the_reading_leaves_the_scan_as_it_was(qtbot: QtBot, tmp_path: Path) -> None:
    controller, window, page = open_person(qtbot, tmp_path / "vault")
    tab = page.documents
    tab.import_paths([_scan_file(tmp_path, "rus", "eng", "kaz", "kir")])
    qtbot.waitUntil(lambda: tab._reading_task is not None, timeout=TIMEOUT)
    tab.stop_reading.click()
    qtbot.waitUntil(lambda: tab._reading_task is None, timeout=READ_TIMEOUT)
    assert "cancelled; the document is as it was" in tab.reading.text()
    (scan,) = documents.list_documents(window.vault)
    assert scan.ocr_state == "pending"
    assert all(not p.text for p in ocr.document_text(window.vault, scan.id))
    tab.list.setCurrentRow(0)
    qtbot.waitUntil(lambda: "not read yet" in tab.ocr_state.text(), timeout=TIMEOUT)
    assert tab.read_button.isEnabled()
    controller.lock()


def test_reading_left_unfinished_by_a_lock_goes_on_after_unlocking(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from tests.conftest import PASSPHRASE

    controller, window, page = open_person(qtbot, tmp_path / "vault")
    page.documents.import_paths([_scan_file(tmp_path, "rus", "eng", "kaz")])
    qtbot.waitUntil(lambda: page.documents._reading_task is not None, timeout=TIMEOUT)
    controller.lock()  # mid-reading: it stops, nothing half-read is kept
    dialog = controller.dialog
    assert dialog is not None
    dialog.passphrase.setText(PASSPHRASE)
    dialog.submit()
    qtbot.waitUntil(lambda: controller.window is not None, timeout=TIMEOUT)
    window = controller.window
    qtbot.waitUntil(lambda: window.people.count() == 1, timeout=TIMEOUT)
    window.people.setCurrentRow(0)
    tab = window.person_page.documents
    qtbot.waitUntil(lambda: tab._reading_task is not None, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: tab._reading_task is None, timeout=READ_TIMEOUT)
    (scan,) = documents.list_documents(window.vault)
    assert scan.ocr_state == "done"
    assert [p.origin for p in ocr.document_text(window.vault, scan.id)] == ["ocr"] * 3
    controller.lock()


def test_every_page_of_a_pdf_is_read_again_when_the_lawyer_asks(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from tests.scans import scanned_pdf_with_hidden_text

    poor = TEXTS["eng"].replace("laptops", "lapt0ps")
    path = tmp_path / "statement.pdf"
    path.write_bytes(scanned_pdf_with_hidden_text(page_image(TEXTS["eng"]), poor))
    controller, window, page = open_person(qtbot, tmp_path / "vault")
    tab = page.documents
    tab.import_paths([path])
    qtbot.waitUntil(lambda: tab.list.count() == 1, timeout=TIMEOUT)
    tab.list.setCurrentRow(0)
    qtbot.waitUntil(lambda: tab._current is not None, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: tab.read_button.isEnabled(), timeout=TIMEOUT)
    assert tab.every_page.isEnabled() and not tab.every_page.isChecked()
    tab.every_page.setChecked(True)
    tab.read_button.click()
    qtbot.waitUntil(lambda: tab._reading_task is None, timeout=READ_TIMEOUT)
    (read,) = ocr.document_text(window.vault, 1)
    assert read.origin == "ocr" and "laptops" in read.text
    controller.lock()


def test_stopping_before_the_reading_began_says_so(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Stop pressed before the worker took up the reading: it read nothing and said nothing
    # (an empty line where the lawyer looks for what happened). The moment is controlled:
    # the reading starts only once Stop has been pressed.
    controller, window, page = open_person(qtbot, tmp_path / "vault")
    tab = page.documents
    pressed = threading.Event()
    work = tab._jobs.work

    def after_stop(owner: object, job: Callable[..., object], *args: object, **kw: object) -> Any:
        if "read_scans" not in job.__qualname__:  # the import itself goes on as ever
            return work(owner, job, *args, **kw)  # type: ignore[arg-type]

        def gated(progress: object, cancelled: object) -> object:
            pressed.wait(30)
            return job(progress, cancelled)

        return work(owner, gated, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(tab._jobs, "work", after_stop)
    tab.import_paths([_scan_file(tmp_path, "rus")])  # its reading begins by itself, gated
    qtbot.waitUntil(lambda: tab._reading_task is not None, timeout=TIMEOUT)
    tab.stop_reading.click()
    pressed.set()
    qtbot.waitUntil(lambda: tab._reading_task is None, timeout=READ_TIMEOUT)
    assert tab.reading.text() == "Reading the scan was cancelled; the document is as it was."
    assert documents.list_documents(window.vault)[0].ocr_state == "pending"
    controller.lock()


def test_a_page_filed_sideways_is_shown_upright_once_read(qtbot: QtBot, tmp_path: Path) -> None:
    """The PDF viewer shows pages as filed: a page read turned is shown as it was read."""
    controller, _window, page = open_person(qtbot, tmp_path / "vault")
    tab = page.documents
    sideways = page_image(TEXTS["kir"]).rotate(90, expand=True, fillcolor=255)
    path = tmp_path / "protocol.pdf"
    path.write_bytes(scanned_pdf([page_image(TEXTS["rus"]), sideways]))
    tab.import_paths([path])
    qtbot.waitUntil(lambda: tab.list.count() == 1, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: tab._reading_task is None, timeout=READ_TIMEOUT)
    assert "Turned upright: page(s) 2" in tab.reading.text()
    tab.list.setCurrentRow(0)
    qtbot.waitUntil(lambda: "ходатайство" in tab.page_text.toPlainText(), timeout=TIMEOUT)
    assert tab.viewer.currentWidget() is tab.pdf_view  # page 1 stands upright as filed

    tab.page.setValue(2)
    qtbot.waitUntil(lambda: not tab.image.pixmap().isNull(), timeout=TIMEOUT)
    assert tab.viewer.currentWidget() is tab.image
    shown = tab.image.pixmap()
    assert shown.height() > shown.width()  # filed lying on its side, shown standing
    assert "көңүл" in tab.page_text.toPlainText()

    tab.page.setValue(1)
    assert tab.viewer.currentWidget() is tab.pdf_view
    controller.lock()
