"""Importing the real corpus: articles, PDFs and camera images; bad files reported, rest kept."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from dossier.services import documents
from dossier.services.documents import ImportReport
from dossier.services.people import PersonView
from storage.vault import Vault
from tests.dossier.conftest import by_name


def test_batch_imports_the_good_files_and_explains_the_bad_ones(
    corpus_import: ImportReport, corpus: Path
) -> None:
    skipped = dict(corpus_import.skipped)
    assert set(skipped) == {"libreoffice-writer-password.pdf", "corrupted.jpg"}
    assert "protected by a password" in skipped["libreoffice-writer-password.pdf"]
    assert "damaged JPEG" in skipped["corrupted.jpg"]
    expected = {
        path.name
        for folder in ("articles", "pdf", "images")
        for path in (corpus / folder).iterdir()
    } - set(skipped)
    assert {d.original_name for d in corpus_import.imported} == expected


def test_imported_bytes_are_unchanged_and_hashed(
    vault: Vault, corpus_import: ImportReport, corpus: Path
) -> None:
    for document in corpus_import.imported:
        original = next(corpus.rglob(document.original_name)).read_bytes()
        assert document.sha256 == hashlib.sha256(original).hexdigest()
        assert vault.read_bytes(document.file_id) == original


def test_pages_and_text_are_extracted_per_page(vault: Vault, corpus_import: ImportReport) -> None:
    four = by_name(corpus_import, "pdflatex-4-pages.pdf")
    assert four.page_count == 4 and four.mime_type == "application/pdf"
    pages = documents.document_pages(vault, four.id)
    assert len(pages) == 4 and all(page.strip() for page in pages)
    article = by_name(corpus_import, "interpol-rejects-kyrgyz-request-tukhvatshin.txt")
    assert "Samuel Heath" in documents.document_pages(vault, article.id)[0]


def test_images_report_capture_device_and_warn_about_gps(corpus_import: ImportReport) -> None:
    gps = by_name(corpus_import, "gps-DSCN0010.jpg")
    assert any("GPS position" in warning for warning in gps.warnings)
    assert gps.suggestions["device"] == "NIKON COOLPIX P6000"
    assert gps.suggestions["date_created"] == "2008-10-22"
    heic = by_name(corpus_import, "IMG_5195.HEIC")
    assert heic.mime_type == "image/heic" and "iPhone" in heic.suggestions["device"]
    assert not by_name(corpus_import, "orientation-portrait_6.jpg").warnings


def test_the_protected_pdf_imports_with_its_password(
    vault: Vault, journalist: PersonView, corpus: Path
) -> None:
    path = corpus / "pdf" / "libreoffice-writer-password.pdf"
    wrong = documents.import_files(vault, [path], password="guess")
    assert "not correct" in wrong.skipped[0][1]
    right = documents.import_files(vault, [path], password="openpassword")
    assert right.imported[0].page_count >= 1
    assert "Lorem ipsum" in documents.document_pages(vault, right.imported[0].id)[0]


def test_the_same_file_imported_twice_is_recognised(
    vault: Vault, corpus_import: ImportReport, corpus: Path, tmp_path: Path
) -> None:
    renamed = tmp_path / "copy-with-another-name.txt"
    shutil.copy(corpus / "articles" / "media-action-platform-kloop-2025-05-30.txt", renamed)
    again = documents.import_files(vault, [renamed])
    original = by_name(corpus_import, "media-action-platform-kloop-2025-05-30.txt")
    assert again.duplicates == [(renamed.name, original.ref)]
    assert len(documents.list_documents(vault)) == len(corpus_import.imported)


def test_type_is_detected_from_content_not_extension(
    vault: Vault, corpus: Path, tmp_path: Path
) -> None:
    disguised = tmp_path / "holiday.jpg"
    shutil.copy(corpus / "pdf" / "minimal-document.pdf", disguised)
    imported = documents.import_files(vault, [disguised]).imported[0]
    assert imported.mime_type == "application/pdf"


def test_the_title_and_date_come_from_the_source_and_other_details_wait(
    vault: Vault, tmp_path: Path, corpus: Path
) -> None:
    path = corpus / "articles" / "interpol-rejects-kyrgyz-request-tukhvatshin.txt"
    document = documents.import_files(vault, [path]).imported[0]
    assert document.title.startswith("Interpol Rejects Kyrgyzstan")  # not the file's name
    media = corpus / "articles" / "media-action-platform-kloop-2025-05-30.txt"
    assert documents.import_files(vault, [media]).imported[0].date_published == "2025-05-30"
    page = tmp_path / "saved.html"
    page.write_text(
        "<html><head><title>Kloop searched</title><meta name='author' content='Asel Reporter'>"
        "</head><body><article><h1>Kloop searched</h1><p>" + "Officers searched the office. " * 20
        + "</p></article></body></html>"
    )  # fmt: skip
    saved = documents.import_files(vault, [page]).imported[0]
    assert saved.title == "Kloop searched" and saved.author is None  # offered, not applied
    assert saved.suggestions["author"] == "Asel Reporter"
    assert documents.accept_suggestions(vault, saved.id).author == "Asel Reporter"
