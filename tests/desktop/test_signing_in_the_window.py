"""Signing in the window: the vault's certificate made once (Vault menu), an export signed
with it and carrying its originals, then checked with Work ▸ Verify a bundle."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from desktop import file_dialogs
from dossier.export.verification import verify_bundle
from dossier.services import cases, documents, exhibits, people, signing_certificates
from tests.desktop.helpers import TIMEOUT, open_person, wait_idle


def test_an_export_signed_in_the_window_is_verified_in_the_window(
    qtbot: QtBot, tmp_path: Path, corpus: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    _controller, window, page = open_person(qtbot, tmp_path / "vault")
    vault = window.vault
    person = people.list_people(vault)[0]
    case = cases.add_case(vault, person.id, "ccf-deletion")
    article = corpus / "articles" / "interpol-rejects-kyrgyz-request-tukhvatshin.txt"
    document = documents.import_files(vault, [article], person_ids=[person.id]).imported[0]
    exhibits.add_exhibit(vault, case.id, document.id)

    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("Jane Advocate", True))
    window.signing_certificate()  # none yet: it asks the name and makes one
    qtbot.waitUntil(lambda: signing_certificates.current(vault) is not None, timeout=TIMEOUT)
    wait_idle(qtbot, window)
    assert "Jane Advocate" in window.certificate_message.text()

    export = page.export
    export.refresh()
    qtbot.waitUntil(lambda: export.case.count() == 1, timeout=TIMEOUT)
    out = tmp_path / "signed.pdf"
    export.out.setText(str(out))
    export.draft.setChecked(True)
    export.sign.setCurrentIndex(export.sign.findData("vault"))
    export.attach.setChecked(True)
    done: list[object] = []
    export.exported.connect(done.append)
    export.export()
    qtbot.waitUntil(lambda: bool(done), timeout=TIMEOUT)
    wait_idle(qtbot, window)
    check = verify_bundle(out)
    assert check.sound and check.signatures[0].signer == "Jane Advocate"
    assert any("original file inside matches" in said for said in check.checked)

    monkeypatch.setattr(file_dialogs, "open_file", lambda *_a, **_k: str(out))
    window.verify_a_bundle()
    qtbot.waitUntil(lambda: getattr(window, "verify_message", None) is not None, timeout=TIMEOUT)
    said = window.verify_message.text()
    assert "Signed by Jane Advocate" in said and "The file is as it was made." in said
