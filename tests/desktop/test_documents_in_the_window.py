"""The Documents tab stays on the document the lawyer is working on."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dossier.services.documents import DocumentView
from tests.desktop.helpers import TIMEOUT, open_person, wait_idle


def _shown(tab: object) -> str:
    item = tab.list.currentItem()  # type: ignore[attr-defined]
    return "" if item is None else item.data(Qt.ItemDataRole.UserRole).ref  # type: ignore[no-any-return]


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
    middle: DocumentView = tab.list.item(1).data(Qt.ItemDataRole.UserRole)
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
    assert tab.list.currentItem().text() == f"{middle.ref}  Statement of the witness"
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
