"""The Export tab writes the CCF portal's set into a new folder and says what to upload."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from dossier.services import cases, documents, exhibits, people
from tests.desktop.helpers import TIMEOUT, open_person, wait_idle


def test_the_export_tab_writes_the_portals_files_into_a_new_folder(
    qtbot: QtBot, tmp_path: Path, corpus: Path
) -> None:
    _controller, window, page = open_person(qtbot, tmp_path / "vault")
    vault = window.vault
    person = people.list_people(vault)[0]
    case = cases.add_case(vault, person.id, "ccf-deletion", requesting_country="Kyrgyzstan")
    article = corpus / "articles" / "interpol-rejects-kyrgyz-request-tukhvatshin.txt"
    document = documents.import_files(vault, [article], person_ids=[person.id]).imported[0]
    exhibits.add_exhibit(vault, case.id, document.id)
    export = page.export
    export.refresh()
    qtbot.waitUntil(lambda: export.case.count() == 1, timeout=TIMEOUT)
    export.out.setText(str(tmp_path / "ccf-request.pdf"))
    export.format.setCurrentIndex(export.format.findData("portal"))
    folder = tmp_path / "ccf-request"
    assert export.out.text() == str(folder)  # a folder: no file extension
    export.draft.setChecked(True)  # the case is not complete yet
    done: list[object] = []
    export.exported.connect(done.append)
    export.export()
    qtbot.waitUntil(lambda: bool(done), timeout=TIMEOUT)
    wait_idle(qtbot, window)
    assert sorted(p.name for p in folder.iterdir()) == [
        "01_Request.pdf",
        "02_Annex_1_Interpol_Rejects_Kyrgyzstans_Request_to_Add_Kloop_Co.pdf",
        "portal-answers.txt",
    ]
    assert export.last_message is not None
    said = export.last_message.text()
    assert said.startswith(f"Wrote 2 files for the portal in {folder} (")
    assert "the answers to the portal's form are in portal-answers.txt" in said
    assert "Draft — still missing:" in said
