"""Each importer on small files made here: DOCX, HTML, e-mail, images; and the bad inputs."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from PIL import Image

from dossier.errors import ImportRefused
from dossier.importers import detect_mime, importer_for
from dossier.services import documents
from storage.vault import Vault

CYRILLIC = "Жоомарт Дуулатов: ң ө ү ә ғ қ ұ һ і"


def _extract(path: Path) -> tuple[str, dict[str, str], list[str]]:
    mime = detect_mime(path)
    importer = importer_for(mime)
    assert importer is not None, mime
    extracted = importer.extract(path)
    return "\n".join(extracted.pages), extracted.suggestions, extracted.warnings


def test_docx_text_tables_and_properties(tmp_path: Path) -> None:
    document = docx.Document()
    document.core_properties.title = "Witness statement"
    document.core_properties.author = "Advocate"
    document.add_paragraph(CYRILLIC)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Date"
    table.rows[0].cells[1].text = "28 May 2025"
    path = tmp_path / "statement.docx"
    document.save(str(path))
    text, suggestions, _ = _extract(path)
    assert CYRILLIC in text and "28 May 2025" in text
    assert suggestions["title"] == "Witness statement" and suggestions["author"] == "Advocate"


def test_saved_web_page_gives_article_text_and_metadata(tmp_path: Path) -> None:
    body = " ".join(["The court ruled that the outlet's materials were extremist."] * 8)
    html = f"""<!DOCTYPE html><html><head><title>Court rules against Kloop</title>
    <meta name="author" content="Dinara Bekbolayeva">
    <meta property="article:published_time" content="2025-10-31">
    <link rel="canonical" href="https://example.org/news/kloop-ruling">
    </head><body><nav>Home | News | Contact</nav>
    <article><h1>Court rules against Kloop</h1><p>{body}</p><p>{CYRILLIC}</p></article>
    <footer>Subscribe to our newsletter</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    text, suggestions, _ = _extract(path)
    assert "materials were extremist" in text and CYRILLIC in text
    assert "Subscribe" not in text
    assert suggestions["title"] == "Court rules against Kloop"
    assert suggestions["author"] == "Dinara Bekbolayeva"
    assert suggestions["date_published"] == "2025-10-31"
    assert suggestions["url"] == "https://example.org/news/kloop-ruling"


def test_email_message_with_attachment_noted(tmp_path: Path) -> None:
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = "Lawyer <lawyer@example.org>"
    message["To"] = "client@example.org"
    message["Subject"] = "Повестка на допрос"
    message["Date"] = "Thu, 29 May 2025 10:00:00 +0600"
    message.set_content("Вас вызывают на допрос 2 июня.\n" + CYRILLIC)
    message.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf", filename="p.pdf")
    path = tmp_path / "summons.eml"
    path.write_bytes(bytes(message))
    text, suggestions, warnings = _extract(path)
    assert "допрос" in text and CYRILLIC in text
    assert suggestions["title"] == "Повестка на допрос"
    assert suggestions["date_published"] == "2025-05-29"
    assert any("p.pdf" in warning for warning in warnings)


def test_png_and_tiff_import(tmp_path: Path) -> None:
    for fmt, name in (("PNG", "scan.png"), ("TIFF", "scan.tiff")):
        path = tmp_path / name
        Image.new("RGB", (40, 30), "white").save(path, fmt)
        _, suggestions, _ = _extract(path)
        assert suggestions["pixels"] == "40×30"


def test_truncated_image_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (300, 300), "red").save(buffer, "PNG")
    path = tmp_path / "truncated.png"
    path.write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])
    with pytest.raises(ImportRefused, match="damaged or incomplete image"):
        _extract(path)


def test_corrupt_pdf_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage")
    with pytest.raises(ImportRefused, match="damaged or not a real PDF"):
        _extract(path)


def test_unsupported_and_empty_files_are_refused_and_nothing_is_stored(
    vault: Vault, tmp_path: Path
) -> None:
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "program.bin").write_bytes(bytes(range(256)) * 10)
    (folder / "archive.zip").write_bytes(b"PK\x03\x04" + bytes(100))
    report = documents.import_files(vault, [folder])
    reasons = dict(report.skipped)
    assert "is empty" in reasons["empty.txt"]
    assert "cannot read" in reasons["program.bin"]
    assert "cannot read" in reasons["archive.zip"]
    assert report.imported == [] and vault.files() == []


def test_huge_text_file_is_refused_without_storing(vault: Vault, tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    line = ("Протокол допроса свидетеля. " * 40 + "\n").encode()
    with open(path, "wb") as handle:
        for _ in range(65 * 1024 * 1024 // len(line) + 1):
            handle.write(line)
    report = documents.import_files(vault, [path])
    assert "too large" in report.skipped[0][1]
    assert vault.files() == []


def test_the_vault_folder_itself_is_never_imported(vault: Vault) -> None:
    report = documents.import_files(vault, [vault.folder])
    assert report.imported == [] and vault.files() == []
    assert all(reason == "it is part of the vault itself" for _, reason in report.skipped)
