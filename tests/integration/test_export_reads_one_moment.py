"""An export's content is read as the vault stood at one moment (issue 23): an edit saved
while it is gathered is in all of it or in none, and it is read over one connection."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import event

from dossier.export import templates
from dossier.export.gathering import gather
from dossier.services import cases, documents, events, people, quotes
from storage.vault import Vault


def test_an_edit_saved_while_the_export_reads_is_in_none_of_it(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    person = people.add_person(vault, "Rinat Tukhvatshin")
    note = tmp_path / "statement.txt"
    note.write_text("The newsroom was searched at dawn by officers of the GKNB.")
    [document] = documents.import_files(vault, [note], person_ids=[person.id]).imported
    case = cases.add_case(vault, person.id, "ccf-deletion")
    # The moment: after the export has read the person, before it reads the quotes, another
    # thread (the window's, say) saves an edit.
    original = events.chronology

    def edit_meanwhile(*args: object, **kwargs: object) -> object:
        def edit() -> None:
            people.update_person(vault, person.id, name="Renamed Meanwhile")
            quotes.add_quote(vault, document.id, "searched at dawn")

        editor = threading.Thread(target=edit)
        editor.start()
        editor.join()
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(events, "chronology", edit_meanwhile)
    checkouts = [0]

    def checkout(*_args: object) -> None:
        checkouts[0] += 1

    event.listen(vault._engine, "checkout", checkout)
    try:
        content = gather(vault, case.id, templates.for_case("ccf-deletion"),
                         export_time=datetime.now(UTC), draft=True)  # fmt: skip
    finally:
        event.remove(vault._engine, "checkout", checkout)
    assert content.person.name == "Rinat Tukhvatshin"
    assert content.quotes == {}  # the quote saved meanwhile is not half in it
    assert checkouts[0] == 1 + 2  # the export's one connection; one for each of the two saves
    assert people.show_person(vault, person.id).name == "Renamed Meanwhile"  # it was saved
