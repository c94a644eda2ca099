"""Search by any spelling, in Latin or Cyrillic, with snippets, pages and filters."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from dossier import names
from dossier.search import Searcher
from dossier.services import people, quotes
from dossier.services.documents import ImportReport, import_files
from dossier.services.people import PersonView
from storage.vault import Vault
from tests.dossier.conftest import by_name
from tests.helpers import plaintext_found

STATEMENT = "media-action-platform-kloop-2025-05-30.txt"


def test_dulatov_finds_duulatov(vault: Vault, corpus_import: ImportReport) -> None:
    hits = Searcher(vault).search("Dulatov")
    statement = by_name(corpus_import, STATEMENT)
    hit = next(h for h in hits if h.ref == statement.ref)
    assert hit.page == 1 and "[Duulatov]" in hit.snippet


def test_cyrillic_query_finds_latin_text_and_the_person(
    vault: Vault, journalist: PersonView, corpus_import: ImportReport
) -> None:
    refs = [hit.ref for hit in Searcher(vault).search("Тухватшин")]
    assert journalist.ref in refs
    assert by_name(corpus_import, "interpol-rejects-kyrgyz-request-tukhvatshin.txt").ref in refs


def test_romanisation_variants_meet(vault: Vault, corpus_import: ImportReport) -> None:
    hits = Searcher(vault).search("Aleksandr Aleksandrov")
    assert by_name(corpus_import, STATEMENT).ref in [h.ref for h in hits]


def test_a_persons_alias_finds_documents_using_another_spelling(
    vault: Vault, corpus_import: ImportReport
) -> None:
    person = people.add_person(vault, "Zhumart Dulatov", native_name="Жоомарт Дуулатов")
    hits = Searcher(vault).search("Жоомарт Дуулатов")
    assert person.ref in [h.ref for h in hits]
    assert by_name(corpus_import, STATEMENT).ref in [h.ref for h in hits]
    found = people.find_people(vault, "Duulatov")
    assert [p.ref for p, _ in found] == [person.ref]


def test_quotes_are_searchable_with_their_page(vault: Vault, corpus_import: ImportReport) -> None:
    document = by_name(corpus_import, "interpol-rejects-kyrgyz-request-tukhvatshin.txt")
    quote = quotes.add_quote(vault, document.id, "so we rejected this request")
    hit = next(h for h in Searcher(vault).search("rejected") if h.kind == "quote")
    assert hit.ref == quote.ref and hit.page == 1


def test_filter_by_person(
    vault: Vault, journalist: PersonView, corpus_import: ImportReport, tmp_path: Path
) -> None:
    other = people.add_person(vault, "Bolot Temirov")
    note = tmp_path / "note.txt"
    note.write_text("Kloop and Temirov Live were both declared extremist.", encoding="utf-8")
    unrelated = import_files(vault, [note], person_ids=[other.id]).imported[0]
    everything = {h.ref for h in Searcher(vault).search("extremist", limit=50)}
    only_journalist = {h.ref for h in Searcher(vault).search("extremist", person_id=journalist.id)}
    assert unrelated.ref in everything and unrelated.ref not in only_journalist
    assert only_journalist


def test_nothing_found_is_an_empty_list(vault: Vault, corpus_import: ImportReport) -> None:
    assert Searcher(vault).search("Zyxwvut") == []
    assert Searcher(vault).search("  ") == []


def test_the_search_index_leaves_no_plaintext_on_disk(
    vault: Vault, corpus_import: ImportReport
) -> None:
    Searcher(vault).search("Duulatov")
    assert plaintext_found(vault.folder, ["Duulatov", "duulatov", "dulatov", "Tukhvatshin"]) == []


def test_a_pages_text_is_kept_once_and_its_snippet_cut_from_the_page(
    vault: Vault, tmp_path: Path
) -> None:
    """The index holds a page's folded words, not a second copy of its text (a third of the
    database, issue 23); a hit still shows the page's own words around the one found."""
    page = "Первомайский районный суд города Бишкек признал Kloop экстремистским."
    note = tmp_path / "ruling.txt"
    note.write_text(page, encoding="utf-8")
    document = import_files(vault, [note]).imported[0]
    with vault.session() as session:
        kept = session.execute(
            text("SELECT page, text FROM search_index WHERE kind = 'document' AND ref_id = :id"),
            {"id": document.id},
        ).all()
    assert sorted(kept, key=lambda row: row.page or 0) == [(None, "ruling"), (1, "")]
    hit = next(h for h in Searcher(vault).search("Pervomaiskii") if h.ref == document.ref)
    assert hit.page == 1 and "[Первомайский]" in hit.snippet


def test_a_vault_indexed_with_the_pages_text_in_the_index_still_shows_it(
    vault: Vault, tmp_path: Path
) -> None:
    """Vaults indexed before keep each page's text in the index too: their hits read it."""
    with vault.transaction() as session:
        session.execute(
            text(
                "INSERT INTO search_index (kind, ref_id, page, text, folded) "
                "VALUES ('document', 999, 3, :body, :folded)"
            ),
            {"body": "Бишкек шаары", "folded": names.fold("Бишкек шаары")},
        )
    hit = next(h for h in Searcher(vault).search("Bishkek") if h.ref == "D999")
    assert hit.page == 3 and "[Бишкек]" in hit.snippet
