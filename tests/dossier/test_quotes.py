"""Quotes are found in their document despite line breaks, hyphenation and quote marks."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.services import quotes
from dossier.services.documents import ImportReport
from storage.vault import Vault
from tests.dossier.conftest import by_name

# One quote from each corpus article, typed the way a lawyer would copy it.
ARTICLE_QUOTES = [
    (
        "interpol-rejects-kyrgyz-request-tukhvatshin.txt",
        "Interpol's constitution contains strict rules that prevent our system from being used "
        "for political purposes, so we rejected this request",
        "Samuel Heath",
    ),
    (
        "hrw-joint-statement-kloop-liquidation-2024-09-05.txt",
        # Runs over a line break in the source, with a straight apostrophe.
        "not only silences a crucial voice in Kyrgyzstani society but also signals a continued "
        "decline in Kyrgyzstan’s respect for civil and political rights",
        "Hugh Williamson",
    ),
    (
        "media-action-platform-kloop-2025-05-30.txt",
        # The source uses «guillemets»; the lawyer types “curly quotes”.
        "Official charges have not yet been brought, but unconfirmed statements about alleged "
        "“calls for mass unrest” by journalists are being spread in the public space",
        None,
    ),
]


@pytest.mark.parametrize(("name", "text", "speaker"), ARTICLE_QUOTES)
def test_a_quote_from_each_article_is_verified_and_paged(
    vault: Vault, corpus_import: ImportReport, name: str, text: str, speaker: str | None
) -> None:
    document = by_name(corpus_import, name)
    quote = quotes.add_quote(vault, document.id, text, speaker=speaker)
    assert quote.found_in_document and quote.page == 1 and quote.warning is None


def test_quote_on_a_later_pdf_page_gets_that_page(vault: Vault, tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    from dossier.services.documents import import_files

    path = tmp_path / "ruling.pdf"
    pdf = canvas.Canvas(str(path))
    for line in ("Page one: the hearing opened.", "Page two: the prosecutor spoke.",
                 "Page three: the court declared the outlet extremist."):  # fmt: skip
        pdf.drawString(72, 720, line)
        pdf.showPage()
    pdf.save()
    document = import_files(vault, [path]).imported[0]
    assert document.page_count == 3
    quote = quotes.add_quote(vault, document.id, "the court declared the outlet extremist")
    assert quote.page == 3


def test_a_quote_not_in_the_document_is_kept_with_a_warning(
    vault: Vault, corpus_import: ImportReport
) -> None:
    document = by_name(corpus_import, "interpol-rejects-kyrgyz-request-tukhvatshin.txt")
    quote = quotes.add_quote(vault, document.id, "We approved this request", page=1)
    assert not quote.found_in_document
    assert quote.warning is not None and "not found" in quote.warning
    assert quotes.show_quote(vault, quote.id).page == 1


def test_line_break_hyphenation_is_undone() -> None:
    page = "the authorities initi-\nated a pre-trial investi-\n  gation in 2021"
    assert quotes.locate("initiated a pre-trial investigation", [page]) == 1
    assert quotes.locate("a pre-trial", ["", page]) == 2


def test_a_quote_is_corrected_checked_again_and_recorded(
    vault: Vault, corpus_import: ImportReport
) -> None:
    article = by_name(corpus_import, "interpol-rejects-kyrgyz-request-tukhvatshin.txt")
    typo = quotes.add_quote(vault, article.id, "so we rejected this requst")
    assert not typo.found_in_document
    fixed = quotes.update_quote(
        vault, typo.id, text="so we rejected this request", speaker="Samuel Heath"
    )
    assert fixed.ref == typo.ref and fixed.found_in_document and fixed.page == 1
    assert (fixed.speaker, fixed.translation) == ("Samuel Heath", None)
    changed = vault.custody_log()[-1]
    assert changed.action == "quote changed" and "requst" in str(changed.details)
    with pytest.raises(Exception, match="needs its words"):
        quotes.update_quote(vault, typo.id, text="  ")
    assert quotes.show_quote(vault, typo.id).text == "so we rejected this request"


def test_a_quote_is_deleted_with_its_links_and_the_confirmation_names_its_uses(
    vault: Vault, corpus_import: ImportReport
) -> None:
    from dossier.services import cases, events, people

    article = by_name(corpus_import, "interpol-rejects-kyrgyz-request-tukhvatshin.txt")
    quote = quotes.add_quote(vault, article.id, "so we rejected this request")
    person = people.list_people(vault)[0]
    case = cases.add_case(vault, person.id, "ccf-deletion")
    ground = cases.grounds(vault, case.id)[0]
    cases.link_evidence(vault, ground.id, quote.ref)
    event = events.add_event(vault, person.id, "2025", "Request refused", cite=[quote.ref])
    cases.update_case(vault, case.id, facts=f"INTERPOL refused [{quote.ref}].")
    uses = quotes.quote_uses(vault, quote.id)
    assert uses.sentence == (
        f"Delete the quote {quote.ref} from {article.ref}: “so we rejected this request”? "
        f"Grounds and events that rely on it lose it: {ground.ref}, {event.ref}. "
        f"The texts of {case.ref} cite it: the check will name it there. The document stays."
    )
    quotes.delete_quote(vault, quote.id)
    assert quotes.list_quotes(vault) == []
    assert cases.grounds(vault, case.id)[0].evidence == []
    (kept,) = events.chronology(vault, person.id)
    assert [c.document_ref for c in kept.citations] == [article.ref]  # the page still cited
    deleted = vault.custody_log()[-1]
    assert deleted.action == "quote deleted" and "so we rejected" in str(deleted.details)
