"""The whole path in the window: create vault → person → import → quote → event → export."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dossier.services import exhibits
from dossier.services import quotes as quote_service
from tests.conftest import PASSPHRASE
from tests.desktop.helpers import TIMEOUT, open_app, open_person, select_text, wait_idle

ARTICLE = "interpol-rejects-kyrgyz-request-tukhvatshin.txt"


def test_whole_path_from_new_vault_to_exported_pdf(
    qtbot: QtBot, tmp_path: Path, corpus: Path
) -> None:
    controller = open_app(qtbot, tmp_path / "vault")
    window = controller.window
    assert window is not None and window.windowTitle() == "Evidence Dossier"

    window.add_person("Rinat Tukhvatshin", "Ринат Тухватшин")
    qtbot.waitUntil(lambda: window.people.count() == 1, timeout=TIMEOUT)
    window.search.setText("Тухватшин")  # live search by another script
    qtbot.waitUntil(lambda: window.people.count() == 1, timeout=TIMEOUT)
    window.people.setCurrentRow(0)
    page = window.person_page
    assert page is not None

    page.documents.import_paths([corpus / "articles", corpus / "pdf" / "minimal-document.pdf"])
    qtbot.waitUntil(lambda: page.documents.list.count() == 4, timeout=TIMEOUT)
    assert len(page.documents.last_report.imported) == 4

    row = next(
        i
        for i in range(page.documents.list.count())
        if "Interpol Rejects" in page.documents.list.text(i)
    )
    page.documents.list.setCurrentRow(row)
    qtbot.waitUntil(
        lambda: "Samuel Heath" in page.documents.page_text.toPlainText(), timeout=TIMEOUT
    )
    select_text(page.documents.page_text, "so we rejected this request")
    assert page.documents.selected_text() == "so we rejected this request"
    page.documents.add_quote(page.documents.selected_text(), "Samuel Heath")
    qtbot.waitUntil(lambda: hasattr(page.documents, "last_quote"), timeout=TIMEOUT)
    quote = page.documents.last_quote
    assert quote.found_in_document and quote.page == 1

    chronology = page.chronology
    page.setCurrentWidget(chronology)  # a hidden tab shows a change when it is next shown
    chronology.date.setText("Aug 2025")
    assert chronology.date_preview.text() == "August 2025"
    chronology.title.setText("Four former Kloop staff tried")
    chronology.kind.setCurrentText("charge")
    qtbot.waitUntil(lambda: chronology.source_picker.findData(quote.ref) >= 0, timeout=TIMEOUT)
    chronology.source_picker.setCurrentIndex(chronology.source_picker.findData(quote.document_ref))
    chronology.source_page.setValue(1)
    chronology.cite_picked()
    chronology.source_picker.setCurrentIndex(chronology.source_picker.findData(quote.ref))
    chronology.cite_picked()
    assert chronology.cite.text() == f"{quote.document_ref}:1 {quote.ref}"
    chronology.add_event()
    qtbot.waitUntil(lambda: chronology.model.rowCount() == 1, timeout=TIMEOUT)
    assert chronology.model.index(0, 0).data() == "August 2025"
    chronology.date.setText("c. 2021")
    chronology.title.setText("Investigation opened")
    chronology.add_event()
    qtbot.waitUntil(lambda: chronology.model.rowCount() == 2, timeout=TIMEOUT)
    assert chronology.model.index(0, 0).data() == "c. 2021"
    qtbot.waitUntil(lambda: not chronology.timeline.pixmap().isNull(), timeout=TIMEOUT)

    page.grounds.kind.setCurrentIndex(page.grounds.kind.findData("general"))
    page.grounds.open_case()
    page.setCurrentWidget(page.export)
    qtbot.waitUntil(lambda: page.export.case.count() == 1, timeout=TIMEOUT)
    annexes = page.export.annexes
    # The case starts with what its chronology cites; the other documents are offered.
    qtbot.waitUntil(lambda: annexes.document.count() == 3, timeout=TIMEOUT)
    assert annexes.list.count() == 1 and quote.document_ref in annexes.list.text(0)
    for expected in (2, 3, 4):
        annexes.document.setCurrentIndex(0)
        annexes.add_selected()
        qtbot.waitUntil(lambda n=expected: annexes.list.count() == n, timeout=TIMEOUT)
    annexes.list.setCurrentRow(3)
    annexes.move_selected(-3)  # the last annex becomes the first
    case_id = int(page.export.case.currentData())
    last = annexes.list.record(3).document_ref
    qtbot.waitUntil(
        lambda: exhibits.list_exhibits(window.vault, case_id)[0].document_ref == last,
        timeout=TIMEOUT,
    )
    qtbot.waitUntil(lambda: annexes.checks.count() > 0, timeout=TIMEOUT)
    out = tmp_path / "dossier.pdf"
    exported: list[object] = []
    page.export.exported.connect(exported.append)
    page.export.out.setText(str(out))
    page.export.export()
    qtbot.waitUntil(lambda: bool(exported), timeout=TIMEOUT)
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    for expected in (
        "Rinat Tukhvatshin",
        "Ринат Тухватшин",
        "August 2025",
        "Four former Kloop staff tried",
        "Lorem ipsum",
    ):
        assert expected in text

    # The same vault, read through the services, holds what the window did.
    assert [q.text for q in quote_service.list_quotes(window.vault)] == [
        "so we rejected this request"
    ]
    wait_idle(qtbot, window)
    controller.lock()
    assert controller.window is None and controller.vault is None
    assert controller.dialog is not None and not controller.dialog.creating


def test_wrong_passphrase_says_so_and_keeps_the_dialog(qtbot: QtBot, tmp_path: Path) -> None:
    controller = open_app(qtbot, tmp_path / "vault")
    controller.lock()
    dialog = controller.dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.passphrase.setText("not the passphrase")
    dialog.submit()
    qtbot.waitUntil(lambda: "not correct" in dialog.message.text(), timeout=TIMEOUT)
    assert controller.window is None
    dialog.passphrase.setText(PASSPHRASE)
    dialog.submit()
    qtbot.waitUntil(lambda: controller.window is not None, timeout=TIMEOUT)
    controller.lock()


def test_idle_time_locks_the_vault(qtbot: QtBot, tmp_path: Path) -> None:
    controller = open_app(qtbot, tmp_path / "vault")
    vault = controller.vault
    assert vault is not None
    controller.idle.setInterval(200)
    controller.idle.start()
    qtbot.waitUntil(lambda: controller.vault is None, timeout=5_000)
    assert vault.is_locked and controller.window is None


def test_the_idle_lock_waits_for_an_export_then_locks(qtbot: QtBot, tmp_path: Path) -> None:
    import threading

    controller = open_app(qtbot, tmp_path / "vault")
    window = controller.window
    assert window is not None
    release = threading.Event()
    results: list[object] = []

    def long_work(_progress: object, cancelled: object) -> str:
        release.wait(10)  # an export the user waits for
        return "written"

    controller.idle.setInterval(200)
    controller.idle.start()
    window.jobs.work(window, long_work, results.append, progress_text="Exporting…")  # type: ignore[arg-type]
    qtbot.wait(700)  # more than the idle time: locking now would cancel the work
    assert controller.vault is not None and not controller.idle.isActive()
    release.set()
    qtbot.waitUntil(lambda: results == ["written"], timeout=5_000)
    qtbot.waitUntil(lambda: controller.vault is None, timeout=5_000)  # idle again: locked
    assert controller.window is None


@pytest.mark.parametrize("text", ["ң ө ү ә ғ қ ұ һ і"])
def test_kyrgyz_and_kazakh_letters_have_glyphs_in_the_interface_font(text: str) -> None:
    from PySide6.QtGui import QFontMetrics

    from desktop import fonts

    app = QApplication.instance()
    family = fonts.install(app)  # type: ignore[arg-type]
    assert family.startswith("DejaVu")
    metrics = QFontMetrics(app.font())  # type: ignore[union-attr]
    assert all(metrics.inFontUcs4(ord(char)) for char in text.replace(" ", ""))


def test_edit_details_link_evidence_back_up_and_restore(
    qtbot: QtBot, tmp_path: Path, corpus: Path
) -> None:
    from dossier.services import cases as case_service
    from dossier.services import documents as document_service
    from storage.backup import create_backup

    controller, window, page = open_person(qtbot, tmp_path / "vault")
    page.documents.import_paths(
        [corpus / "articles" / "media-action-platform-kloop-2025-05-30.txt"]
    )
    qtbot.waitUntil(lambda: page.documents.list.count() == 1, timeout=TIMEOUT)
    page.documents.list.setCurrentRow(0)
    qtbot.waitUntil(lambda: page.documents.fields["date_published"].text() != "", timeout=TIMEOUT)
    assert page.documents.fields["date_published"].text() == "30 May 2025"  # found in the file
    page.documents.fields["title"].setText("Statement of the Media Action Platform")
    page.documents.fields["outlet"].setText("Media Action Platform of Kyrgyzstan")
    page.documents.save_details()
    qtbot.waitUntil(lambda: "saved" in page.documents.report.text(), timeout=TIMEOUT)
    saved = document_service.show_document(window.vault, 1)
    assert saved.title == "Statement of the Media Action Platform"
    assert saved.outlet == "Media Action Platform of Kyrgyzstan"
    assert saved.date_published == "2025-05-30"

    page.grounds.kind.setCurrentIndex(page.grounds.kind.findData("asylum-uk"))
    page.grounds.open_case()
    qtbot.waitUntil(lambda: page.grounds.list.count() == 4, timeout=TIMEOUT)
    page.grounds.list.setCurrentRow(0)
    page.grounds.evidence.setText("D1")
    page.grounds.link_evidence()
    qtbot.waitUntil(lambda: "D1" in page.grounds.list.item(0).text(), timeout=TIMEOUT)
    assert case_service.grounds(window.vault, 1)[0].evidence == ["D1"]

    create_backup(window.vault, tmp_path / "vault.edbackup")
    notices: list[str] = []
    import desktop.main_window as main_window_module

    original_notify = main_window_module.notify
    main_window_module.notify = lambda _owner, _title, text: notices.append(text)  # type: ignore[assignment,misc,return-value]
    try:
        window.restore_to(tmp_path / "vault.edbackup", tmp_path / "copy", PASSPHRASE)
        qtbot.waitUntil(lambda: bool(notices), timeout=TIMEOUT)
    finally:
        main_window_module.notify = original_notify
    assert "passed" in notices[0]
    assert (tmp_path / "copy" / "vault.header").is_file()
    controller.lock()


def test_dropping_files_on_the_documents_tab_imports_them(
    qtbot: QtBot, tmp_path: Path, corpus: Path
) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    controller, _window, page = open_person(qtbot, tmp_path / "vault")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(corpus / "articles"))])
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    page.documents.dropEvent(drop)
    qtbot.waitUntil(lambda: page.documents.list.count() == 3, timeout=TIMEOUT)
    assert "Imported" in page.documents.report.text()
    controller.lock()
