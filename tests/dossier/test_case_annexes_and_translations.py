"""A case's annexes are its own (chosen, ordered, grouped); translations carry their
translator; every detail of a case and a person can be changed after creation."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from dossier.errors import DossierError
from dossier.services import cases, events, exhibits, people, quotes, translations
from dossier.services.documents import DocumentView, ImportReport
from dossier.services.people import PersonView
from storage.models import Base
from storage.vault import Vault
from tests.dossier.conftest import by_name

ARTICLE = "interpol-rejects-kyrgyz-request-tukhvatshin.txt"
HRW = "hrw-joint-statement-kloop-liquidation-2024-09-05.txt"
MEDIA = "media-action-platform-kloop-2025-05-30.txt"


def _refs(vault: Vault, case_id: int) -> list[str]:
    return [e.document_ref for e in exhibits.list_exhibits(vault, case_id)]


def test_the_migrated_schema_matches_the_models(vault: Vault) -> None:
    with vault._require_engine().connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    # The full-text index is SQLite virtual tables that the ORM does not model, with the
    # plain table (and its index) that says where each text is (migration 0009).
    unmodelled = [
        d for d in differences
        if (d[0] == "remove_table" and "search_" in d[1].name)
        or (d[0] == "remove_index" and d[1].table.name == "search_rows")
    ]  # fmt: skip
    assert [d for d in differences if d not in unmodelled] == []


def test_a_new_case_annexes_what_its_chronology_cites_not_every_document(
    vault: Vault, journalist: PersonView, corpus_import: ImportReport
) -> None:
    article = by_name(corpus_import, ARTICLE)
    events.add_event(
        vault, journalist.id, "30 October 2025", "INTERPOL refuses the request",
        cite=[f"{article.ref}:1"],
    )  # fmt: skip
    case = cases.add_case(vault, journalist.id, "ccf-deletion")
    assert len(corpus_import.imported) > 5  # the person has many documents…
    assert _refs(vault, case.id) == [article.ref]  # …the case annexes the one it relies on


def test_evidence_linked_to_a_ground_is_annexed_once(
    vault: Vault, journalist: PersonView, corpus_import: ImportReport
) -> None:
    case = cases.add_case(vault, journalist.id, "ccf-deletion")
    ground = cases.grounds(vault, case.id)[0]
    hrw = by_name(corpus_import, HRW)
    quote = quotes.add_quote(vault, hrw.id, "Kloop")
    cases.link_evidence(vault, ground.id, quote.ref)
    cases.link_evidence(vault, ground.id, hrw.ref)
    assert _refs(vault, case.id) == [hrw.ref]


def _three(vault: Vault, case_id: int, report: ImportReport) -> list[DocumentView]:
    chosen = [by_name(report, name) for name in (ARTICLE, HRW, MEDIA)]
    for document in chosen:
        exhibits.add_exhibit(vault, case_id, document.id)
    return chosen


def test_annexes_are_added_moved_and_removed_in_order(
    vault: Vault, journalist: PersonView, corpus_import: ImportReport
) -> None:
    case = cases.add_case(vault, journalist.id, "ccf-deletion")
    article, hrw, media = _three(vault, case.id, corpus_import)
    assert _refs(vault, case.id) == [article.ref, hrw.ref, media.ref]
    exhibits.move_exhibit(vault, case.id, media.id, 1)
    assert _refs(vault, case.id) == [media.ref, article.ref, hrw.ref]
    exhibits.remove_exhibit(vault, case.id, article.id)
    listed = exhibits.list_exhibits(vault, case.id)
    assert [(e.position, e.document_ref) for e in listed] == [(1, media.ref), (2, hrw.ref)]
    with pytest.raises(DossierError, match="is not an annex"):
        exhibits.remove_exhibit(vault, case.id, article.id)


def test_sections_keep_their_annexes_together(
    vault: Vault, journalist: PersonView, corpus_import: ImportReport
) -> None:
    case = cases.add_case(vault, journalist.id, "asylum-uk")
    article, hrw, media = _three(vault, case.id, corpus_import)
    exhibits.add_exhibit(vault, case.id, article.id, section="A. Appellant's documents")
    exhibits.add_exhibit(vault, case.id, hrw.id, section="B. Country evidence")
    exhibits.add_exhibit(vault, case.id, media.id, section="A. Appellant's documents")
    listed = exhibits.list_exhibits(vault, case.id)
    assert [(e.document_ref, e.section) for e in listed] == [
        (article.ref, "A. Appellant's documents"),
        (media.ref, "A. Appellant's documents"),
        (hrw.ref, "B. Country evidence"),
    ]


def test_an_annex_moved_across_a_section_edge_keeps_its_section_or_joins_the_one_it_lands_in(
    vault: Vault, journalist: PersonView, corpus_import: ImportReport
) -> None:
    case = cases.add_case(vault, journalist.id, "asylum-uk")
    article, hrw, media = _three(vault, case.id, corpus_import)
    exhibits.add_exhibit(vault, case.id, hrw.id, section="B. Country evidence")
    exhibits.add_exhibit(vault, case.id, media.id, section="B. Country evidence")

    def placed() -> list[tuple[str, str | None]]:
        return [(e.document_ref, e.section) for e in exhibits.list_exhibits(vault, case.id)]

    assert placed() == [(article.ref, None), (hrw.ref, "B. Country evidence"),
                        (media.ref, "B. Country evidence")]  # fmt: skip
    # Moved up one from the first place of B: at the edge of its own section, it stays in B
    # (it used to drop its section without a word).
    exhibits.move_exhibit(vault, case.id, hrw.id, 1)
    assert placed()[0] == (hrw.ref, "B. Country evidence")
    # Placed between two annexes of another section, it joins that section.
    exhibits.add_exhibit(vault, case.id, article.id, section="A. Appellant's documents")
    exhibits.add_exhibit(vault, case.id, hrw.id, section="A. Appellant's documents")
    exhibits.move_exhibit(vault, case.id, media.id, 1)  # at the top, before A's first
    assert placed() == [(media.ref, "A. Appellant's documents"),
                        (article.ref, "A. Appellant's documents"),
                        (hrw.ref, "A. Appellant's documents")]  # fmt: skip
    moved = vault.custody_log()[-1]
    assert moved.action == "annex moved" and "A. Appellant's documents" in str(moved.details)


def test_a_confidential_document_cannot_be_annexed(
    vault: Vault, journalist: PersonView, corpus_import: ImportReport
) -> None:
    from dossier.services import documents

    case = cases.add_case(vault, journalist.id, "ccf-deletion")
    article = by_name(corpus_import, ARTICLE)
    documents.update_document(vault, article.id, confidential=True)
    with pytest.raises(DossierError, match="confidential"):
        exhibits.add_exhibit(vault, case.id, article.id)


def test_a_translation_keeps_its_translator_particulars(
    vault: Vault, journalist: PersonView, corpus_import: ImportReport
) -> None:
    article = by_name(corpus_import, ARTICLE)
    added = translations.add_translation(
        vault, article.id, language="fr", text="Interpol a rejeté la demande.",
        translator="Anna Smith", translator_address="1 High Street, London",
        translator_phone="+44 20 7946 0000", qualifications="DipTrans IoLET",
        date="20 November 2025",
    )  # fmt: skip
    [listed] = translations.list_translations(vault, article.id)
    assert listed == added
    assert (listed.translator_address, listed.translator_phone, listed.date) == (
        "1 High Street, London", "+44 20 7946 0000", "2025-11-20",
    )  # fmt: skip
    with pytest.raises(DossierError, match="two-letter code"):
        translations.add_translation(vault, article.id, language="english", text="x")


def test_every_case_detail_can_be_changed_after_creation(
    vault: Vault, journalist: PersonView
) -> None:
    case = cases.add_case(vault, journalist.id, "ccf-deletion")  # no notice type at first
    changed = cases.update_case(
        vault, case.id, notice_type="red-notice", facts="The facts.", relief="Delete it.",
        signatory_name="Jane Doe", signed_place="London", signed_date="21 November 2025",
        working_language="en",
    )  # fmt: skip
    assert (changed.notice_type, changed.facts, changed.signed_date) == (
        "red-notice", "The facts.", "2025-11-21",
    )  # fmt: skip
    assert cases.update_case(vault, case.id, relief="").relief is None
    with pytest.raises(DossierError, match="red-notice"):
        cases.update_case(vault, case.id, notice_type="blue")
    ground = cases.grounds(vault, case.id)[0]
    assert cases.set_argument(vault, ground.id, "Argued [D1].").argument == "Argued [D1]."


def test_a_persons_native_name_and_particulars_are_set_after_creation(vault: Vault) -> None:
    person = people.add_person(vault, "Bolot Temirov")
    changed = people.update_person(
        vault, person.id, native_name="Болот Темиров", birth_place="Bishkek",
        birth_date="1979", identity_document="Passport AC1234567",
        correspondence_address="c/o Doe & Co, London",
    )  # fmt: skip
    assert changed.native_name == "Болот Темиров" and changed.aliases == []
    assert (changed.birth_place, changed.birth_date) == ("Bishkek", "1979")
    with pytest.raises(DossierError, match="needs a name"):
        people.update_person(vault, person.id, name=" ")


def test_another_clients_document_annexed_is_said_by_the_check(
    vault: Vault, tmp_path: Path
) -> None:
    from dossier.export import preflight, templates
    from dossier.services import documents

    ours = people.add_person(vault, "Rinat Tukhvatshin")
    theirs = people.add_person(vault, "Zhoomart Duulatov")
    files = []
    for name in ("his statement.txt", "her statement.txt", "country report.txt"):
        files.append(tmp_path / name)
        files[-1].write_text(f"The text of {name}.", encoding="utf-8")
    mine = documents.import_files(vault, [files[0]], person_ids=[ours.id]).imported[0]
    other = documents.import_files(vault, [files[1]], person_ids=[theirs.id]).imported[0]
    nobody = documents.import_files(vault, [files[2]]).imported[0]  # a country report
    case = cases.add_case(vault, ours.id, "general")
    for document in (mine, other, nobody):
        exhibits.add_exhibit(vault, case.id, document.id)
    report = preflight.check(vault, case.id, templates.for_case("general", None))
    (item,) = [i for i in report.items if i.what == "annexes that are this person's evidence"]
    assert item.status == preflight.WARN
    assert "Exhibit 2" in item.detail and "Exhibit 1" not in item.detail
    assert "Exhibit 3" not in item.detail and "Rinat Tukhvatshin" in item.detail


def test_an_event_of_another_client_cited_in_the_facts_is_said_by_the_check(
    vault: Vault,
) -> None:
    from dossier.export import preflight, templates

    ours = people.add_person(vault, "Rinat Tukhvatshin")
    theirs = people.add_person(vault, "Zhoomart Duulatov")
    event = events.add_event(vault, theirs.id, "30 October 2025", "Duulatov detained")
    case = cases.add_case(vault, ours.id, "general")
    cases.update_case(vault, case.id, facts=f"He was detained [{event.ref}].")
    report = preflight.check(vault, case.id, templates.for_case("general", None))
    (item,) = [i for i in report.items if i.what == "citations that point to exhibits"]
    assert f"not events of Rinat Tukhvatshin (another person's, or deleted): {event.ref}" in (
        item.detail
    )
    assert "not annexed" not in item.detail
