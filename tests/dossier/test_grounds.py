"""Cases bring their legal grounds; evidence is linked to each; what is missing shows."""

from __future__ import annotations

import pytest

from dossier.errors import DossierError
from dossier.services import cases, quotes
from dossier.services.documents import ImportReport
from dossier.services.people import PersonView
from storage.vault import Vault
from tests.dossier.conftest import by_name


def test_ccf_case_has_article_3_and_evidence_links(
    vault: Vault, journalist: PersonView, corpus_import: ImportReport
) -> None:
    case = cases.add_case(
        vault, journalist.id, "ccf-deletion", requesting_country="Kyrgyzstan",
        notice_type="red-notice",
    )  # fmt: skip
    grounds = cases.grounds(vault, case.id)
    assert [g.code for g in grounds][:2] == ["ccf-art3", "ccf-art2"]
    assert all(g.missing_evidence for g in grounds)
    document = by_name(corpus_import, "interpol-rejects-kyrgyz-request-tukhvatshin.txt")
    quote = quotes.add_quote(vault, document.id, "so we rejected this request")
    linked = cases.link_evidence(vault, grounds[0].id, document.ref)
    linked = cases.link_evidence(vault, grounds[0].id, quote.ref)
    linked = cases.link_evidence(vault, grounds[0].id, quote.ref)  # twice is once
    assert linked.evidence == [document.ref, quote.ref]
    assert [g.missing_evidence for g in cases.grounds(vault, case.id)] == [False, True, True, True]


def test_asylum_case_has_its_own_grounds(vault: Vault, journalist: PersonView) -> None:
    case = cases.add_case(vault, journalist.id, "asylum-uk")
    assert "asylum-persecution" in [g.code for g in cases.grounds(vault, case.id)]


def test_unknown_case_kind_lists_the_valid_ones(vault: Vault, journalist: PersonView) -> None:
    with pytest.raises(DossierError, match="ccf-deletion"):
        cases.add_case(vault, journalist.id, "ccf-delete")
