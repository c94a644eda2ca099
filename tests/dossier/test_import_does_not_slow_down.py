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
