"""The pleading is written in the window and nothing typed is lost: every field and each
ground's argument reach the vault through the services, also when the vault locks."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from dossier.services import cases
from storage.vault import Vault
from tests.conftest import PASSPHRASE
from tests.desktop.helpers import TIMEOUT, open_person, wait_idle


def _open_case(qtbot: QtBot, tmp_path: Path):  # type: ignore[no-untyped-def]
    controller, window, page = open_person(qtbot, tmp_path / "vault")
    page.grounds.kind.setCurrentIndex(page.grounds.kind.findData("ccf-deletion"))
    page.grounds.open_case()
    pleading = page.case
    page.setCurrentWidget(pleading)  # a hidden tab shows a change when it is next shown
    qtbot.waitUntil(lambda: pleading.grounds.count() == 4, timeout=TIMEOUT)
    return controller, window, page, pleading


def test_facts_fields_and_arguments_are_saved_through_the_services(
    qtbot: QtBot, tmp_path: Path
) -> None:
    _controller, window, page, pleading = _open_case(qtbot, tmp_path)
    page.setCurrentWidget(pleading)
    pleading.texts["facts"].setPlainText("The applicant is a journalist [D1:2].")
    pleading.lines["signatory_name"].setText("Jane Advocate")
    pleading.lines["signatory_name"].textEdited.emit("Jane Advocate")
    pleading.lines["signed_date"].setText("21 November 2025")
    pleading.lines["signed_date"].textEdited.emit("21 November 2025")
    pleading.notice_type.setCurrentIndex(pleading.notice_type.findData("red-notice"))
    pleading.notice_type.activated.emit(pleading.notice_type.currentIndex())
    pleading.status.setCurrentIndex(pleading.status.findData("ready"))
    pleading.status.activated.emit(pleading.status.currentIndex())
    pleading.working_language.setCurrentIndex(pleading.working_language.findData("fr"))
    pleading.working_language.activated.emit(pleading.working_language.currentIndex())
    pleading.grounds.setCurrentRow(0)
    pleading.argument.setPlainText("Article 3: the request is political [Q1].")
    pleading.grounds.setCurrentRow(1)  # moving on keeps the first ground's argument
    pleading.argument.setPlainText("Article 2: human rights.")
    assert pleading.dirty and pleading.state.text() == "Unsaved changes"
    page.setCurrentWidget(page.export)  # leaving the pleading saves it
    wait_idle(qtbot, window)
    case = cases.list_cases(window.vault)[0]
    assert case.facts == "The applicant is a journalist [D1:2]."
    assert (case.signatory_name, case.signed_date, case.notice_type) == (
        "Jane Advocate", "2025-11-21", "red-notice",
    )  # fmt: skip
    assert (case.status, case.working_language) == ("ready", "fr")
    arguments = [g.argument for g in cases.grounds(window.vault, case.id)]
    assert arguments[:2] == [
        "Article 3: the request is political [Q1].",
        "Article 2: human rights.",
    ]
    assert pleading.state.text() == "Saved."


def test_text_typed_just_before_locking_is_saved(qtbot: QtBot, tmp_path: Path) -> None:
    controller, _window, _page, pleading = _open_case(qtbot, tmp_path)
    pleading.texts["relief"].setPlainText("Delete the Red Notice.")
    assert pleading.dirty
    controller.lock()
    assert controller.vault is None
    with Vault.unlock(tmp_path / "vault", PASSPHRASE) as vault:
        assert cases.list_cases(vault)[0].relief == "Delete the Red Notice."


def test_a_refresh_from_another_tab_keeps_what_is_being_typed(qtbot: QtBot, tmp_path: Path) -> None:
    _controller, window, _page, pleading = _open_case(qtbot, tmp_path)
    pleading.texts["facts"].setPlainText("Typed, not yet saved.")
    pleading.refresh()  # as when a ground is linked in the Grounds tab
    wait_idle(qtbot, window)
    assert pleading.texts["facts"].toPlainText() == "Typed, not yet saved." and pleading.dirty


def test_a_case_is_deleted_only_after_a_confirmation(
    qtbot: QtBot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    _controller, window, page, pleading = _open_case(qtbot, tmp_path)
    monkeypatch.setattr(pleading, "confirm_delete", lambda name: False)
    pleading.delete_case()
    wait_idle(qtbot, window)
    assert len(cases.list_cases(window.vault)) == 1
    asked: list[str] = []
    monkeypatch.setattr(pleading, "confirm_delete", lambda name: asked.append(name) or True)
    pleading.delete_case()
    qtbot.waitUntil(lambda: cases.list_cases(window.vault) == [], timeout=TIMEOUT)
    assert "CCF request for deletion of data" in asked[0]
    qtbot.waitUntil(lambda: page.export.case.count() == 0, timeout=TIMEOUT)


def test_evidence_is_cited_by_picking_it_where_the_lawyer_was_typing(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QFocusEvent, QTextCursor
    from PySide6.QtWidgets import QApplication

    from dossier.services import documents, events, people
    from tests.scans import TEXTS, page_image, scanned_pdf

    _controller, window, _page, pleading = _open_case(qtbot, tmp_path)
    vault = window.vault
    person = people.list_people(vault)[0]
    ruling = tmp_path / "ruling.pdf"
    ruling.write_bytes(scanned_pdf([page_image(TEXTS["eng"]), page_image(TEXTS["rus"])]))
    documents.import_files(vault, [ruling], person_ids=[person.id])
    events.add_event(vault, person.id, "30 October 2025", "Court declares Kloop extremist")
    pleading.refresh()
    qtbot.waitUntil(lambda: pleading.cite.choice.count() == 2, timeout=TIMEOUT)
    wait_idle(qtbot, window)
    pleading.grounds.setCurrentRow(0)
    pleading.argument.setPlainText("The court ruled ")
    pleading.argument.moveCursor(QTextCursor.MoveOperation.End)
    # The argument had the focus last (the Cite button takes it when clicked).
    QApplication.sendEvent(pleading.argument, QFocusEvent(QEvent.Type.FocusIn))
    pleading.cite.choice.setCurrentIndex(0)  # D1, two pages
    assert pleading.cite.page.maximum() == 2 and pleading.cite.page.isEnabled()
    pleading.cite.page.setValue(2)
    pleading.cite.button.click()
    assert pleading.argument.toPlainText() == "The court ruled [D1:2]"
    pleading.cite.choice.setCurrentIndex(1)  # the event: no page
    assert not pleading.cite.page.isEnabled()
    pleading.cite.button.click()
    assert pleading.argument.toPlainText() == "The court ruled [D1:2][E1]"
    assert pleading.texts["facts"].toPlainText() == ""


def test_a_case_is_started_in_the_window_as_a_copy_of_another(qtbot: QtBot, tmp_path: Path) -> None:
    _controller, window, page, _pleading = _open_case(qtbot, tmp_path)
    vault = window.vault
    (ccf,) = cases.list_cases(vault, page.person_id)
    cases.update_case(vault, ccf.id, facts="The newsroom was searched on 28 May.")
    grounds = page.grounds
    grounds.refresh()
    qtbot.waitUntil(lambda: grounds.start_from.count() == 2, timeout=TIMEOUT)
    grounds.kind.setCurrentIndex(grounds.kind.findData("asylum-uk"))
    grounds.start_from.setCurrentIndex(grounds.start_from.findData(ccf.id))
    grounds.open_case()
    qtbot.waitUntil(lambda: len(cases.list_cases(vault, page.person_id)) == 2, timeout=TIMEOUT)
    wait_idle(qtbot, window)
    copy = cases.list_cases(vault, page.person_id)[1]
    assert copy.kind == "asylum-uk" and copy.facts == "The newsroom was searched on 28 May."


def test_the_forums_own_particulars_are_typed_in_the_pleading_tab(
    qtbot: QtBot, tmp_path: Path
) -> None:
    _controller, window, page = open_person(qtbot, tmp_path / "vault")
    vault = window.vault
    us = cases.add_case(vault, page.person_id, "asylum-us")
    pleading = page.case
    pleading.refresh()
    qtbot.waitUntil(lambda: "a-number" in pleading.particulars, timeout=TIMEOUT)
    assert pleading.particulars_box.isVisibleTo(pleading)
    assert set(pleading.particulars) == {"a-number", "immigration-judge", "hearing-date",
                                         "detained"}  # fmt: skip
    pleading.particulars["a-number"].setText("A123456789")
    pleading.particulars["a-number"].textEdited.emit("A123456789")
    pleading.save()
    wait_idle(qtbot, window)
    assert cases.show_case(vault, us.id).particulars == {"a-number": "A123456789"}
    # A CCF request shows the dates its Statute sets from the admissibility date.
    from PySide6.QtWidgets import QLabel

    ccf = cases.add_case(vault, page.person_id, "ccf-deletion")
    cases.set_particulars(vault, ccf.id, {"acknowledged-on": "31 May 2026"})
    pleading.refresh()
    qtbot.waitUntil(lambda: pleading.case.count() == 2, timeout=TIMEOUT)
    pleading.case.setCurrentIndex(pleading.case.findData(ccf.id))
    qtbot.waitUntil(lambda: "acknowledged-on" in pleading.particulars, timeout=TIMEOUT)
    notes = [label.text() for label in pleading.particulars_box.findChildren(QLabel)]
    assert any("Decision due (Statute art. 40, 9 months): 28 February 2027" in n for n in notes)
