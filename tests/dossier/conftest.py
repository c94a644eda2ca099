"""Fixtures for the evidence layer: a vault with a person, and the corpus imported into it."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.services import documents, people
from dossier.services.documents import ImportReport
from dossier.services.people import PersonView
from storage.vault import Vault


@pytest.fixture
def journalist(vault: Vault) -> PersonView:
    return people.add_person(
        vault,
        "Rinat Tukhvatshin",
        native_name="Ринат Тухватшин",
        aliases=["Rinat Tuhvatshin"],
        role="journalist",
    )


@pytest.fixture
def corpus_import(vault: Vault, journalist: PersonView, corpus: Path) -> ImportReport:
    return documents.import_files(
        vault,
        [corpus / "articles", corpus / "pdf", corpus / "images"],
        kind="news-article",
        person_ids=[journalist.id],
    )


def by_name(report: ImportReport, name: str) -> documents.DocumentView:
    return next(d for d in report.imported if d.original_name == name)
