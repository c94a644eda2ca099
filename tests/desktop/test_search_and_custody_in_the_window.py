"""The person's evidence is searched in the window, and the custody log is read there."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.qtbot import QtBot

from desktop import search_tab
from desktop.custody_dialog import CustodyDialog
from dossier import search as search_module
from dossier.services.vault_admin import CustodyRecord
from tests.desktop.helpers import TIMEOUT, open_person, wait_idle


def test_a_word_found_in_the_evidence_opens_its_document_at_the_page(
    qtbot: QtBot, tmp_path: Path, corpus: Path
) -> None:
    _controller, window, page = open_person(qtbot, tmp_path / "vault")
    page.documents.import_paths([corpus / "articles", corpus / "pdf" / "minimal-document.pdf"])
    qtbot.waitUntil(lambda: page.documents.list.count() == 4, timeout=TIMEOUT)
    wait_idle(qtbot, window)
    search = page.search
    page.setCurrentWidget(search)
    search.query.setText("Heath")  # typed in Latin; found in the article's text
    search.search()
    qtbot.waitUntil(lambda: search.results.count() > 0, timeout=TIMEOUT)
    first = search.results.item(0)
    hit = first.data(Qt.ItemDataRole.UserRole)
    assert hit.kind == "document" and "Heath" in first.text()
    search.results.itemActivated.emit(first)
    assert page.currentWidget() is page.documents
    qtbot.waitUntil(
        lambda: (
            "Samuel Heath" in page.documents.page_text.toPlainText()
            or "Samuel Heath" in page.documents.text.toPlainText()
        ),
        timeout=TIMEOUT,
    )
    shown = page.documents.list.current()
    assert shown is not None
    assert shown.ref == hit.ref and page.documents.page.value() == (hit.page or 1)
    search.query.setText("nothingofthiskindanywhere")
    search.search()
    qtbot.waitUntil(lambda: search.summary.text() == "Nothing found.", timeout=TIMEOUT)
    assert search.results.count() == 0


def test_the_custody_log_is_shown_read_only_latest_first(qtbot: QtBot, tmp_path: Path) -> None:
    _controller, window, _page = open_person(qtbot, tmp_path / "vault")
    wait_idle(qtbot, window)
    window.show_custody_log()
    qtbot.waitUntil(lambda: hasattr(window, "custody_dialog"), timeout=TIMEOUT)
    table = window.custody_dialog.table
    model = table.model()
    rows = range(model.rowCount())
    actions = [model.index(row, 2).data() for row in rows]
    assert actions[-1] == "vault created" and "person added" in actions
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert not model.flags(model.index(0, 4)) & Qt.ItemFlag.ItemIsEditable
    # Details in words, not the JSON they are kept in.
    details = [model.index(row, 4).data() for row in rows]
    created = details[actions.index("vault created")]
    assert created == "format: 1" and not any("{" in text for text in details)
    window.custody_dialog.close()


def test_the_window_says_when_too_many_texts_match_to_rank_them(
    qtbot: QtBot, tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two shown and ranked at most: the corpus's articles hold "Kloop" on more pages than that.
    monkeypatch.setattr(search_module, "RANKED_AT_MOST", 2)
    monkeypatch.setattr(search_tab, "RANKED_AT_MOST", 2)
    monkeypatch.setattr(search_tab.SearchTab, "SHOWN", 2)
    _controller, window, page = open_person(qtbot, tmp_path / "vault")
    page.documents.import_paths([corpus / "articles"])
    qtbot.waitUntil(lambda: page.documents.list.count() == 3, timeout=TIMEOUT)
    wait_idle(qtbot, window)
    search = page.search
    page.setCurrentWidget(search)
    search.query.setText("Kloop")
    search.search()
    qtbot.waitUntil(lambda: search.results.count() > 0, timeout=TIMEOUT)
    assert search.summary.text().startswith("Over 2 texts match: the 2 most recently added")
    assert "put a phrase in quotes" in search.summary.text()
    search.query.setText('"Kloop Media"')
    search.search()
    qtbot.waitUntil(
        lambda: search.summary.text().endswith("found, the most recently added first."),
        timeout=TIMEOUT,
    )
    assert all("[kloop media]" in search.results.item(row).text().lower()
               for row in range(search.results.count()))  # fmt: skip


def test_a_custody_log_of_an_organisation_is_shown_without_building_every_row(
    qtbot: QtBot,
) -> None:
    # 30,000 entries (a vault of some thousands of documents): the dialog shows the latest
    # first and makes the text of the rows it shows, not of every row.
    records = [
        CustodyRecord(seq, f"2025-11-20T10:{seq % 60:02d}:00Z", "document imported",
                      f"D{seq}", '{"file": "ruling.pdf"}', "0" * 64)
        for seq in range(1, 30_001)
    ]  # fmt: skip
    dialog = CustodyDialog(records)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    model = dialog.table.model()
    assert model.rowCount() == 30_000
    assert model.index(0, 0).data() == "30000"  # the latest first
    assert model.index(29_999, 4).data() == "file: ruling.pdf"
    assert dialog.model.cells_made < 30_000 // 10, dialog.model.cells_made
