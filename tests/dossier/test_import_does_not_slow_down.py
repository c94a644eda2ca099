"""Importing a document costs the same whatever the size of the vault's search index: no
statement run for it reads the whole index. Told by SQLite's own count of the instructions it
runs (a progress handler called at each one), never by timing."""

from __future__ import annotations

from pathlib import Path

from dossier import search
from dossier.services import documents, people
from storage.vault import Vault
from tests.sqlite_steps import counting


def _fill_index(vault: Vault, texts: int) -> None:
    """A search index as large as a vault of ``texts`` pages (other people's documents)."""
    from sqlalchemy import text

    with vault.transaction() as session:
        for number in range(texts):
            page = f"Page {number} of a statement about the searches in Bishkek."
            search.index_text(session, "document", 100_000 + number, 1, page)
    with vault.transaction() as session:
        # Merged into one segment now: the next commit does not pay for merging these.
        session.execute(text("INSERT INTO search_index (search_index) VALUES ('optimize')"))


def _import_cost(vault: Vault, folder: Path, name: str) -> int:
    person = people.add_person(vault, f"Witness {name}")
    path = folder / f"{name}.txt"
    path.write_text(f"Statement {name}: the newsroom was searched at dawn. " * 20)
    with counting(vault) as steps:
        report = documents.import_files(vault, [path], person_ids=[person.id])
    assert len(report.imported) == 1
    return steps[0]


def test_importing_a_document_costs_the_same_in_a_small_and_a_large_vault(
    vault: Vault, tmp_path: Path
) -> None:
    _fill_index(vault, 200)
    small = _import_cost(vault, tmp_path, "first")
    _fill_index(vault, 4_000)  # twenty times the index
    large = _import_cost(vault, tmp_path, "second")
    # Before the fix the title's re-indexing read every row: ~20 times the work.
    assert large < small * 1.5, (small, large)


def test_replacing_one_pages_text_reads_only_that_pages_rows(vault: Vault) -> None:
    def cost() -> int:
        with counting(vault) as steps, vault.transaction() as session:
            search.unindex_page(session, "document", 100_000, 1)
            search.index_text(session, "document", 100_000, 1, "Read again.")
        return steps[0]

    _fill_index(vault, 200)
    small = cost()
    _fill_index(vault, 4_000)
    large = cost()
    assert large < small * 1.5, (small, large)


def test_a_new_documents_title_from_its_source_is_indexed_once(
    vault: Vault, tmp_path: Path
) -> None:
    # The title a PDF gives itself replaces the file's name: it used to be indexed as the
    # file's name, taken out of the index again and put back as the PDF's title.
    from reportlab.pdfgen import canvas
    from sqlalchemy import event

    path = tmp_path / "scan_0042.pdf"
    drawn = canvas.Canvas(str(path))
    drawn.setTitle("Ruling of the Pervomaisky District Court")
    drawn.drawString(72, 720, "The court ruled that the newsroom's equipment be seized.")
    drawn.save()
    statements: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        statements.append(statement)

    event.listen(vault._engine, "before_cursor_execute", seen)
    try:
        report = documents.import_files(vault, [path])
    finally:
        event.remove(vault._engine, "before_cursor_execute", seen)
    assert report.imported[0].title == "Ruling of the Pervomaisky District Court"
    assert not [s for s in statements if "DELETE FROM search_index" in s]
    assert search.Searcher(vault).find("Pervomaisky").hits[0].ref == report.imported[0].ref
    assert not search.Searcher(vault).find("scan_0042").hits
