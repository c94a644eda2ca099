"""Listing documents costs a fixed number of statements and sessions, not some for each
document: a session and two queries per row made the list of a 100,000-document vault slow.
Counted with SQLAlchemy's own events, never timed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event

from dossier.services import documents, people
from storage.vault import Vault


@contextmanager
def statements(vault: Vault) -> Iterator[list[str]]:
    run: list[str] = []

    def before(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        run.append(statement)

    engine = vault._engine  # this vault's own SQLite
    event.listen(engine, "before_cursor_execute", before)
    try:
        yield run
    finally:
        event.remove(engine, "before_cursor_execute", before)


def _documents(vault: Vault, folder: Path, count: int, person_id: int) -> None:
    paths = []
    for number in range(count):
        path = folder / f"statement-{number}.txt"
        path.write_text(f"Statement {folder.name}-{number}: the newsroom was searched at dawn.")
        paths.append(path)
    documents.import_files(vault, paths, person_ids=[person_id])


def test_listing_documents_runs_the_same_statements_for_3_or_30(
    vault: Vault, tmp_path: Path
) -> None:
    person = people.add_person(vault, "Rinat Tukhvatshin")
    other = people.add_person(vault, "Bolot Temirov")
    _documents(vault, tmp_path, 3, person.id)
    with statements(vault) as few:
        listed = documents.list_documents(vault)
    (tmp_path / "more").mkdir()
    _documents(vault, tmp_path / "more", 27, other.id)
    with statements(vault) as many:
        everyone = documents.list_documents(vault)
        theirs = documents.list_documents(vault, other.id)
    assert len(listed) == 3 and len(everyone) == 30 and len(theirs) == 27
    assert len(many) == 2 * len(few)  # two listings, each as costly as the first
    assert everyone[0].people == [person.ref] and theirs[0].people == [other.ref]
    assert everyone[0].sha256 and everyone[0].size > 0


def test_an_export_reads_its_annexes_not_every_document_of_the_vault(
    vault: Vault, tmp_path: Path
) -> None:
    from datetime import UTC, datetime

    from dossier.export import templates
    from dossier.export.gathering import gather
    from dossier.services import cases, exhibits
    from tests.sqlite_steps import counting

    person = people.add_person(vault, "Rinat Tukhvatshin")
    (tmp_path / "case").mkdir()
    _documents(vault, tmp_path / "case", 1, person.id)
    case = cases.add_case(vault, person.id, "ccf-deletion")
    exhibits.add_exhibit(vault, case.id, 1)

    def cost() -> int:
        with counting(vault) as steps:
            gather(vault, case.id, templates.for_case("ccf-deletion"),
                   export_time=datetime.now(UTC), draft=True)  # fmt: skip
        return steps[0]

    other = people.add_person(vault, "Somebody Else")
    (tmp_path / "few").mkdir()
    _documents(vault, tmp_path / "few", 3, other.id)
    few = cost()
    (tmp_path / "many").mkdir()
    _documents(vault, tmp_path / "many", 40, other.id)
    many = cost()
    # Before, every document of the vault was read: 43 others cost about ten times 3.
    assert many < few * 1.2, (few, many)


def test_listing_quotes_runs_the_same_statements_for_3_or_30(vault: Vault, tmp_path: Path) -> None:
    # An export's gathering lists the vault's quotes: a query per quote for the people it
    # concerns made that list grow with every quote ever recorded.
    from dossier.services import quotes

    person = people.add_person(vault, "Rinat Tukhvatshin")
    _documents(vault, tmp_path, 1, person.id)
    (document,) = documents.list_documents(vault)
    for number in range(3):
        quotes.add_quote(vault, document.id, f"the newsroom was searched {number}")
    with statements(vault) as few:
        listed = quotes.list_quotes(vault)
    for number in range(27):
        quotes.add_quote(
            vault, document.id, f"at dawn {number}", person_ids=[person.id] if number % 2 else []
        )
    with statements(vault) as many:
        everyone = quotes.list_quotes(vault)
    assert len(listed) == 3 and len(everyone) == 30
    assert len(many) == len(few)
    assert everyone[4].people == [person.ref] and everyone[3].people == []


def test_a_chronology_of_3_or_30_events_runs_the_same_statements(
    vault: Vault, tmp_path: Path
) -> None:
    # The chronology is read by every export and the Chronology tab: one query per event for
    # its sources made it grow with the person's events.
    from dossier.services import events

    person = people.add_person(vault, "Rinat Tukhvatshin")
    _documents(vault, tmp_path, 1, person.id)
    (document,) = documents.list_documents(vault)
    for number in range(3):
        events.add_event(vault, person.id, f"{2001 + number}", "Raid", cite=[f"{document.ref}:1"])
    with statements(vault) as few:
        listed = events.chronology(vault, person.id)
    for number in range(27):
        events.add_event(vault, person.id, f"{1950 + number}", "Trial", cite=[document.ref])
    with statements(vault) as many:
        everyone = events.chronology(vault, person.id)
    assert len(listed) == 3 and len(everyone) == 30
    assert len(many) == len(few)
    assert everyone[-1].citations[0].page == 1 and everyone[0].citations[0].page is None


def test_a_bundle_of_3_or_30_annexes_runs_the_same_statements_to_read_their_files(
    vault: Vault, tmp_path: Path
) -> None:
    from dossier.export import templates
    from dossier.export.case_export import parse_time
    from dossier.export.gathering import VaultOriginals, gather
    from dossier.export.pdf.bundle import write_bundle
    from dossier.services import cases, exhibits
    from tests.helpers import rulings_pdfs

    person = people.add_person(vault, "Rinat Tukhvatshin")

    def statements_to_write(count: int) -> int:
        folder = tmp_path / f"rulings-{count}"
        folder.mkdir()
        rulings_pdfs(folder, count, 1)
        imported = documents.import_files(vault, [folder], person_ids=[person.id]).imported
        case = cases.add_case(vault, person.id, "general", summary="Rulings.")
        for document in imported:
            exhibits.add_exhibit(vault, case.id, document.id)
        content = gather(vault, case.id, templates.for_case("general"),
                         export_time=parse_time("2025-11-20T10:00:00Z"))  # fmt: skip
        with statements(vault) as run:
            write_bundle(VaultOriginals(vault), content, tmp_path / f"bundle-{count}.pdf")
        return len(run)

    # Before, each annex's file record was looked up in a session of its own: 3 against 30.
    assert statements_to_write(3) == statements_to_write(30) > 0


def _pdf(path: Path, pages: int) -> Path:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path))
    for number in range(pages):
        canvas.drawString(72, 720, f"{path.stem}, page {number + 1}: the ruling of the court.")
        canvas.showPage()
    canvas.save()
    return path


def test_looking_for_pages_read_by_ocr_does_not_read_the_pages_of_text_pdfs(
    vault: Vault, tmp_path: Path
) -> None:
    """The bundle asks which annex pages OCR read (to lay their words under them). Every page
    of every annex was read for it — each page's whole text, its origin being stored after
    it; now only the pages of documents ever given to OCR are."""
    from dossier.services import ocr
    from tests.sqlite_steps import counting

    def cost(pages: int) -> int:
        folder = tmp_path / f"pages-{pages}"
        folder.mkdir()
        paths = [_pdf(folder / f"ruling-{pages}-{n}.pdf", pages) for n in range(5)]
        imported = documents.import_files(vault, paths).imported
        with counting(vault) as steps:
            assert ocr.text_layers(vault, [d.id for d in imported]) == {}
        return steps[0]

    few, many = cost(2), cost(40)
    assert many < few * 1.5, (few, many)  # before: ~20 times the work
