"""What looks editable saves, or is read-only; each person's page shows that person's work."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from dossier.services import documents, events, people, quotes
from tests.desktop.test_whole_path import TIMEOUT, open_person, wait_idle


def test_chronology_cells_cannot_be_edited_and_lose_what_was_typed(
    qtbot: QtBot, tmp_path: Path
) -> None:
    _controller, window, page = open_person(qtbot, tmp_path / "vault")
    person = people.list_people(window.vault)[0]
    events.add_event(window.vault, person.id, "30 October 2025", "Court declares Kloop extremist")
    page.chronology.refresh()
    table = page.chronology.table
    qtbot.waitUntil(lambda: table.rowCount() == 1, timeout=TIMEOUT)
    for column in range(table.columnCount()):
        assert not table.item(0, column).flags() & Qt.ItemFlag.ItemIsEditable
    table.editItem(table.item(0, 1))
    assert table.state() != table.State.EditingState


def test_the_quotes_tab_lists_the_persons_quotes_only(
    qtbot: QtBot, tmp_path: Path, corpus: Path
) -> None:
    _controller, window, page = open_person(qtbot, tmp_path / "vault")
    vault = window.vault
    mine = people.list_people(vault)[0]
    other = people.add_person(vault, "Bolot Temirov")
    article = corpus / "articles" / "interpol-rejects-kyrgyz-request-tukhvatshin.txt"
    statement = corpus / "articles" / "hrw-joint-statement-kloop-liquidation-2024-09-05.txt"
    own = documents.import_files(vault, [article], person_ids=[mine.id]).imported[0]
    theirs = documents.import_files(vault, [statement], person_ids=[other.id]).imported[0]
    quotes.add_quote(vault, own.id, "so we rejected this request")
    quotes.add_quote(vault, theirs.id, "Kloop")
    page.quotes.refresh()
    wait_idle(qtbot, window)
    shown = [page.quotes.list.item(i).text() for i in range(page.quotes.list.count())]
    assert len(shown) == 1 and "so we rejected this request" in shown[0]
