"""Links, broken and hostile files in a folder: each is skipped with a reason, the rest go on."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from dossier.errors import ImportRefused
from dossier.services import documents
from storage.vault import Vault


def test_links_inside_a_folder_are_never_followed(vault: Vault, tmp_path: Path) -> None:
    secret = tmp_path / "home" / ".ssh" / "id_ed25519"
    secret.parent.mkdir(parents=True)
    secret.write_text("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEA\n")
    other_client = tmp_path / "other client"
    other_client.mkdir()
    (other_client / "statement.txt").write_text("Another client's statement.")
    folder = tmp_path / "evidence"
    folder.mkdir()
    (folder / "article.txt").write_text("Kloop reported on the court hearing.")
    (folder / "key.txt").symlink_to(secret)
    (folder / "their folder").symlink_to(other_client, target_is_directory=True)
    report = documents.import_files(vault, [folder])
    assert [d.original_name for d in report.imported] == ["article.txt"]
    reasons = dict(report.skipped)
    assert "links inside a folder are not followed" in reasons["key.txt"]
    assert "links inside a folder are not followed" in reasons["their folder"]
    assert len(vault.files()) == 1


def test_a_file_swapped_for_a_link_after_listing_is_not_followed(
    vault: Vault, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("private")
    folder = tmp_path / "evidence"
    folder.mkdir()
    listed = folder / "notes.txt"
    listed.write_text("notes")
    plan = documents.plan_import([folder])
    listed.unlink()
    listed.symlink_to(secret)  # swapped between listing and reading
    with pytest.raises(ImportRefused, match="not followed"):
        documents.import_one(vault, plan.files[0], follow_links=False)
    assert vault.files() == []


def _broken_docx(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/'
            'document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="word/document.xml"/></Relationships>',
        )
        archive.writestr("word/document.xml", "<w:document><w:body><w:p>broken <<< xml")


def test_a_docx_with_broken_xml_is_skipped_and_the_batch_goes_on(
    vault: Vault, tmp_path: Path
) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a first.txt").write_text("First statement.")
    _broken_docx(folder / "b broken.docx")
    (folder / "c last.txt").write_text("Last statement.")
    report = documents.import_files(vault, [folder])
    assert [d.original_name for d in report.imported] == ["a first.txt", "c last.txt"]
    [(name, reason)] = report.skipped
    assert name == "b broken.docx"
    assert "Traceback" not in reason and "XMLSyntaxError" not in reason
    assert reason.endswith("Nothing was stored.") or "damaged" in reason


def test_a_deeply_nested_pdf_is_refused_at_import_not_at_export(
    vault: Vault, tmp_path: Path
) -> None:
    depth = 5000
    path = tmp_path / "nested.pdf"
    path.write_bytes(
        (
            "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
            "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Foo {'[' * depth}{']' * depth} >> endobj\n"
            "trailer << /Root 1 0 R /Size 4 >>\n%%EOF\n"
        ).encode()
    )
    report = documents.import_files(vault, [path])
    assert report.imported == []
    assert "would stop it from going into a bundle" in report.skipped[0][1]
    assert vault.files() == []


def test_a_pdf_whose_page_resources_are_broken_is_refused_at_import(
    vault: Vault, tmp_path: Path
) -> None:
    import pikepdf

    path = tmp_path / "broken-resources.pdf"
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.pages[0].obj["/Resources"] = pikepdf.Dictionary(XObject=pikepdf.String("not a dict"))
    pdf.save(path)
    report = documents.import_files(vault, [path])
    assert report.imported == []
    assert "would stop it from going into a bundle" in report.skipped[0][1]


def test_a_cut_off_heic_photo_is_refused_not_imported_half_grey(
    vault: Vault, tmp_path: Path, corpus: Path
) -> None:
    # libheif decodes the first half of an iPhone photo without a word, the rest grey.
    whole = (corpus / "images" / "IMG_5195.HEIC").read_bytes()
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a cut off.heic").write_bytes(whole[: len(whole) // 2])
    (folder / "b whole.heic").write_bytes(whole)
    report = documents.import_files(vault, [folder])
    assert [d.original_name for d in report.imported] == ["b whole.heic"]
    [(name, reason)] = report.skipped
    assert name == "a cut off.heic" and "damaged HEIC photo" in reason
    assert vault.files() and len(vault.files()) == 1  # nothing of the cut-off file stored
