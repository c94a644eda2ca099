"""A document made to break the export (a 5,000-character title, crossed emphasis marks, control
characters in a subject line) never stops the case's export, and nothing it says is printed."""

from __future__ import annotations

import xml.dom.minidom
from pathlib import Path

import pikepdf
import pytest
from hypothesis import given
from hypothesis import strategies as st
from reportlab.pdfgen.canvas import Canvas

from dossier.clean_text import TITLE_LIMIT, one_line, without_controls
from dossier.errors import DossierError
from dossier.export.article_text import markup
from dossier.export.case_export import export_case, parse_time
from dossier.services import cases, documents, exhibits, people
from storage.models import Document
from storage.vault import Vault

AT = parse_time("2025-11-20T10:00:00Z")


def _exported(vault: Vault, path: Path, tmp_path: Path) -> list[Path]:
    person = people.add_person(vault, "Rinat Tukhvatshin")
    case = cases.add_case(vault, person.id, "general")
    report = documents.import_files(vault, [path], person_ids=[person.id], accept_suggestions=True)
    (document,) = report.imported
    exhibits.add_exhibit(vault, case.id, document.id)
    return [
        export_case(
            vault, case.id, tmp_path / f"bundle.{kind}", at=AT, draft=True, format=kind
        ).path
        for kind in ("pdf", "docx")
    ]


def test_a_pdf_whose_title_fills_pages_still_exports(vault: Vault, tmp_path: Path) -> None:
    path = tmp_path / "long.pdf"
    canvas = Canvas(str(path))
    canvas.drawString(72, 720, "The ruling")
    canvas.save()
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        pdf.docinfo["/Title"] = "Secret Street " * 400
        pdf.save(path)
    pdf_file, word = _exported(vault, path, tmp_path)
    title = documents.list_documents(vault)[0].title
    assert len(title) <= TITLE_LIMIT and title.endswith("…")
    assert pdf_file.stat().st_size and word.stat().st_size


def test_crossed_emphasis_in_an_article_still_exports(vault: Vault, tmp_path: Path) -> None:
    path = tmp_path / "article.md"
    path.write_text("**a *b** c* at Secret Street\n\n*x **y* z**", encoding="utf-8")
    pdf_file, word = _exported(vault, path, tmp_path)
    assert pdf_file.stat().st_size and word.stat().st_size


def test_control_characters_in_an_email_subject_still_export(vault: Vault, tmp_path: Path) -> None:
    path = tmp_path / "mail.eml"
    path.write_bytes(
        b"From: a@b.c\r\nTo: d@e.f\r\nSubject: Hello\x07\x1b[31m red \x0b world\r\n"
        b"Date: Mon, 1 Jan 2024 10:00:00 +0000\r\n\r\nBody text\x0c at Secret Street\r\n"
    )
    pdf_file, word = _exported(vault, path, tmp_path)
    (document,) = documents.list_documents(vault)
    assert "\x1b" not in document.title and "\x07" not in document.title
    assert pdf_file.stat().st_size and word.stat().st_size


def test_an_old_title_with_controls_does_not_break_the_word_file(
    vault: Vault, tmp_path: Path
) -> None:
    # Imported before titles were cleaned: the submission itself cleans what it writes.
    path = tmp_path / "ruling.txt"
    path.write_text("The ruling.", encoding="utf-8")
    person = people.add_person(vault, "Rinat Tukhvatshin")
    case = cases.add_case(vault, person.id, "general")
    (document,) = documents.import_files(vault, [path], person_ids=[person.id]).imported
    exhibits.add_exhibit(vault, case.id, document.id)
    with vault.transaction() as session:
        row = session.get(Document, document.id)
        assert row is not None
        row.title = "Ruling\x00\x1b[2J of the court"
    word = export_case(vault, case.id, tmp_path / "b.docx", at=AT, draft=True, format="docx")
    assert word.path.stat().st_size


def test_a_title_too_long_for_a_page_is_named_not_quoted(vault: Vault, tmp_path: Path) -> None:
    path = tmp_path / "ruling.txt"
    path.write_text("The ruling.", encoding="utf-8")
    person = people.add_person(vault, "Rinat Tukhvatshin")
    case = cases.add_case(vault, person.id, "general")
    (document,) = documents.import_files(vault, [path], person_ids=[person.id]).imported
    exhibits.add_exhibit(vault, case.id, document.id)
    with vault.transaction() as session:  # as an older version let in
        row = session.get(Document, document.id)
        assert row is not None
        row.title = "Secret Street " * 400
    with pytest.raises(DossierError) as raised:
        export_case(vault, case.id, tmp_path / "b.pdf", at=AT, draft=True)
    assert "Exhibit 1" in str(raised.value) and "Secret Street" not in str(raised.value)
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob(".*.part"))


def test_a_title_typed_too_long_is_refused_in_words(vault: Vault, tmp_path: Path) -> None:
    path = tmp_path / "ruling.txt"
    path.write_text("The ruling.", encoding="utf-8")
    (document,) = documents.import_files(vault, [path]).imported
    with pytest.raises(DossierError, match="at most 300 characters"):
        documents.update_document(vault, document.id, title="x" * 301)
    assert documents.show_document(vault, document.id).title == "ruling"


@given(st.text(alphabet="*_ab \n<&", max_size=40))
def test_emphasis_marks_always_make_balanced_markup(text: str) -> None:
    xml.dom.minidom.parseString(f"<p>{markup(text)}</p>")  # noqa: S318 - our own markup


def test_one_line_cuts_at_a_word_and_drops_controls() -> None:
    assert one_line("a\x1b[31m\nb\tc") == "a[31m b c"
    assert one_line("word " * 100, 30) == "word word word word word…"
    assert without_controls("keeps\ttabs\nand lines\x00") == "keeps\ttabs\nand lines"


def test_a_very_long_paragraph_of_facts_is_set_whole(vault: Vault, tmp_path: Path) -> None:
    # Set in pieces (reportlab re-wraps the rest of a paragraph at every page it splits it
    # across: quadratic); no word may be lost or doubled at a cut.
    from tests.integration.pdf_tools import text as pdf_text

    person = people.add_person(vault, "Rinat Tukhvatshin")
    case = cases.add_case(vault, person.id, "general")
    facts = " ".join(f"Fact{number:05d} was recorded at the border post." for number in range(3000))
    cases.update_case(vault, case.id, facts=facts)
    result = export_case(vault, case.id, tmp_path / "facts.pdf", at=AT, draft=True)
    printed = pdf_text(result.path, mode="-raw")
    found = [int(word[4:9]) for word in printed.split() if word.startswith("Fact")]
    assert found == list(range(3000))
