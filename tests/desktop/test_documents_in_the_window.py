"""The Documents tab stays on the document the lawyer is working on."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dossier.services.documents import DocumentView
from tests.desktop.helpers import TIMEOUT, open_person, wait_idle


def _shown(tab: object) -> str:
    view = tab.list.current()  # type: ignore[attr-defined]
    return "" if view is None else view.ref  # type: ignore[no-any-return]


def test_saving_a_documents_details_keeps_the_list_viewer_and_form_on_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Saving D2 used to move the form to a neighbour with nothing selected: the next
    translation or quote would then go to the wrong document."""
    _controller, window, page = open_person(qtbot, tmp_path / "vault")
    tab = page.documents
    files = []
    for number, body in enumerate(("The first statement.", "The second.", "The third."), 1):
        path = tmp_path / f"statement-{number}.txt"
        path.write_text(body * 10)
        files.append(path)
    tab.import_paths(files)
    qtbot.waitUntil(lambda: tab.list.count() == 3, timeout=TIMEOUT)
    wait_idle(qtbot, window)
    tab.list.setCurrentRow(1)
    middle: DocumentView = tab.list.record(1)
    qtbot.waitUntil(lambda: tab._current is not None and tab._current.id == middle.id,
                    timeout=TIMEOUT)  # fmt: skip
    wait_idle(qtbot, window)
    tab.fields["title"].setText("Statement of the witness")
    tab.fields["title"].textEdited.emit("Statement of the witness")
    tab.save_details()
    qtbot.waitUntil(lambda: "saved" in tab.report.text(), timeout=TIMEOUT)
    wait_idle(qtbot, window)
    QApplication.processEvents()  # any queued selection change lands
    wait_idle(qtbot, window)
    assert _shown(tab) == middle.ref
    assert tab._current is not None and tab._current.id == middle.id
    assert tab.fields["title"].text() == "Statement of the witness"
    assert tab.list.text(tab.list.currentRow()) == f"{middle.ref}  Statement of the witness"
    assert "The second." in tab.text.toPlainText()
    # Deleted, it leaves the form and the viewer: nothing of it is left to be edited.
    tab.confirm_delete = lambda sentence: True  # type: ignore[method-assign]
    tab.delete_current()
    qtbot.waitUntil(lambda: tab.list.count() == 2, timeout=TIMEOUT)
    wait_idle(qtbot, window)
    assert tab._current is None and _shown(tab) == ""
    assert tab.fields["title"].text() == "" and tab.text.toPlainText() == ""


def test_a_file_already_in_the_vault_is_offered_to_link_not_lost(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from dossier.services import documents, people

    _controller, window, page = open_person(qtbot, tmp_path / "vault", name="Zhoomart Duulatov")
    vault = window.vault
    other = people.add_person(vault, "Rinat Tukhvatshin")
    statement = tmp_path / "statement.txt"
    statement.write_text("The search of the newsroom began at dawn. " * 5)
    (first,) = documents.import_files(vault, [statement], person_ids=[other.id]).imported
    tab = page.documents
    offered: list[str] = []

    def offer(unlinked: list[documents.AlreadyStored]) -> bool:
        offered.extend(already.sentence for already in unlinked)
        return True

    tab.offer_links = offer  # type: ignore[method-assign]
    tab.import_paths([statement])
    qtbot.waitUntil(lambda: tab.list.count() == 1, timeout=TIMEOUT)
    assert offered == [
        f"statement.txt is already in the vault as {first.ref} (statement), evidence of "
        "Rinat Tukhvatshin."
    ]
    assert sorted(documents.show_document(vault, first.id).people) == ["P1", other.ref]
    assert "Linked to this person: D1." in tab.report.text()


def test_thousands_of_documents_and_people_are_listed_by_the_lines_shown(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """An organisation's vault: a client with 20,000 documents, 20,000 people. The lists
    hold the records and make the text of the lines on screen, not an item per row (a
    QListWidget made a C++ item and its Python wrapper for each, on the GUI thread, at
    every refill); what is open stays chosen."""
    _controller, window, page = open_person(qtbot, tmp_path / "vault")
    window.show()
    qtbot.waitExposed(window)
    tab = page.documents
    path = tmp_path / "statement.txt"
    path.write_text("The first statement. " * 10)
    tab.import_paths([path])
    qtbot.waitUntil(lambda: tab.list.count() == 1, timeout=TIMEOUT)
    tab.list.setCurrentRow(0)
    qtbot.waitUntil(lambda: tab._current is not None, timeout=TIMEOUT)
    wait_idle(qtbot, window)
    own = tab.list.record(0)
    others = [
        replace(own, id=own.id + n, ref=f"D{own.id + n}", title=f"Ruling {n}")
        for n in range(1, 20_000)
    ]
    tab._fill([*others[:5_000], own, *others[5_000:]])
    QApplication.processEvents()
    assert tab.list.count() == 20_000
    assert tab.list.current() == own and tab.list.currentRow() == 5_000  # still the one shown
    assert tab.list.text(19_999) == f"D{own.id + 19_999}  Ruling 19999"
    assert tab.list.model_.lines_made < 2_000, tab.list.model_.lines_made

    person = window.people.record(0)
    crowd = [replace(person, id=person.id + n, name=f"Client {n}") for n in range(1, 20_000)]
    window._fill_people([*crowd, person])
    QApplication.processEvents()
    assert window.people.count() == 20_000 and window.people.current() == person
    assert window.person_page is page  # refilling the list neither closed nor reopened it
    assert window.people.model_.lines_made < 2_000, window.people.model_.lines_made


def test_a_chronology_of_thousands_of_events_is_a_model_the_table_reads(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """20,000 events: the table holds them as a model (a table of items made three per
    event, on the GUI thread, and sized its columns by reading them all); rows keep their
    references and a row chosen far down is the event edited."""
    from PySide6.QtCore import QItemSelectionModel, Qt

    from dossier.services import events, people

    _controller, window, page = open_person(qtbot, tmp_path / "vault")
    window.show()
    qtbot.waitExposed(window)
    person = people.list_people(window.vault)[0]
    events.add_event(window.vault, person.id, "30 October 2025", "Court declares Kloop extremist")
    tab = page.chronology
    tab.refresh()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=TIMEOUT)
    wait_idle(qtbot, window)
    one = tab.model.event_at(0)
    many = [
        replace(one, id=one.id + n, ref=f"E{one.id + n}", title=f"Hearing {n}")
        for n in range(20_000)
    ]
    page.setCurrentWidget(tab)
    tab._fill((many, [], None))
    QApplication.processEvents()
    assert tab.model.rowCount() == 20_000
    assert tab.model.headerData(19_999, Qt.Orientation.Vertical) == f"E{one.id + 19_999}"
    tab.table.selectionModel().select(
        tab.model.index(15_000, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert [event.title for event in tab.selected_events()] == ["Hearing 15000"]
