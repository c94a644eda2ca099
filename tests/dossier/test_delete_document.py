"""Only the user deletes evidence, knowing what goes: the document, its quotes, translations,
citations and annex places, its search entries and its file (whose key is destroyed)."""

from __future__ import annotations

from dossier.search import Searcher
from dossier.services import cases, documents, events, exhibits, quotes, translations
from dossier.services.documents import ImportReport
from dossier.services.people import PersonView
from storage.vault import Vault
from tests.dossier.conftest import by_name

ARTICLE = "interpol-rejects-kyrgyz-request-tukhvatshin.txt"


def test_deleting_a_document_names_and_removes_everything_that_depends_on_it(
    vault: Vault, journalist: PersonView, corpus_import: ImportReport
) -> None:
    article = by_name(corpus_import, ARTICLE)
    quote = quotes.add_quote(vault, article.id, "so we rejected this request")
    translations.add_translation(vault, article.id, language="fr", text="Nous avons rejeté.")
    event = events.add_event(vault, journalist.id, "30 October 2025", "Refusal",
                             cite=[f"{article.ref}:1", quote.ref])  # fmt: skip
    case = cases.add_case(vault, journalist.id, "ccf-deletion")
    cases.link_evidence(vault, cases.grounds(vault, case.id)[0].id, quote.ref)
    plan = documents.deletion_plan(vault, article.id)
    assert plan.quotes == [quote.ref] and plan.events == [event.ref] and plan.cases == [case.ref]
    assert article.original_name in plan.sentence and "destroyed beyond recovery" in plan.sentence
    files_before = len(vault.files())

    documents.delete_document(vault, article.id)

    assert article.ref not in {d.ref for d in documents.list_documents(vault)}
    assert quotes.list_quotes(vault, article.id) == []
    assert events.chronology(vault, journalist.id)[0].citations == []  # the event stays
    assert exhibits.list_exhibits(vault, case.id) == []
    assert cases.grounds(vault, case.id)[0].evidence == []
    assert len(vault.files()) == files_before - 1
    assert not Searcher(vault).search("rejected this request")
    log = vault.custody_log()
    assert [e.action for e in log[-2:]] == ["document deleted", "file deleted"]
    assert vault.verify().ok
