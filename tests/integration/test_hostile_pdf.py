"""A PDF from the persecuting state may be made to act when opened (a beacon telling its
sender when and where the bundle was read, a program to launch): import says so, and nothing
of it reaches the filing."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from reportlab.pdfgen.canvas import Canvas

from dossier.export.case_export import export_case, parse_time
from dossier.services import cases, documents, exhibits, people
from storage.vault import Vault
from tests.helpers import active_content_in, hostile_pdf
from tests.integration.pdf_tools import text as pdf_text
from tests.integration.pdf_tools import tool

AT = parse_time("2025-11-20T10:00:00Z")


@pytest.fixture
def imported(vault: Vault, tmp_path: Path) -> tuple[int, documents.DocumentView]:
    person = people.add_person(vault, "Rinat Tukhvatshin")
    case = cases.add_case(vault, person.id, "general")
    report = documents.import_files(
        vault, [hostile_pdf(tmp_path / "charge-sheet.pdf")], person_ids=[person.id]
    )
    (document,) = report.imported
    exhibits.add_exhibit(vault, case.id, document.id)
    return case.id, document


def _bundle_of(vault: Vault, path: Path, tmp_path: Path) -> Path:
    """The file imported for a person, annexed to their case, exported as a draft bundle."""
    person = people.add_person(vault, "Rinat Tukhvatshin")
    case = cases.add_case(vault, person.id, "general")
    (document,) = documents.import_files(vault, [path], person_ids=[person.id]).imported
    exhibits.add_exhibit(vault, case.id, document.id)
    return export_case(vault, case.id, tmp_path / "bundle.pdf", at=AT, draft=True).path


def test_the_fixture_does_carry_everything_a_hostile_pdf_can(tmp_path: Path) -> None:
    found = active_content_in(hostile_pdf(tmp_path / "charge-sheet.pdf"))
    for kind in ("/JavaScript", "/SubmitForm", "/URI", "/Launch", "FileAttachment", "invoice"):
        assert any(kind in item for item in found), kind


def test_import_says_the_pdf_carries_active_content_and_what_the_bundle_drops(
    imported: tuple[int, documents.DocumentView],
) -> None:
    _case_id, document = imported
    (warning,) = document.warnings
    assert "active content" in warning and "leaves it out" in warning
    for said in ("JavaScript", "starts a program", "web address", "sends data out", "invoice"):
        assert said in warning, said


def test_nothing_active_reaches_the_bundle(
    vault: Vault, imported: tuple[int, documents.DocumentView], tmp_path: Path
) -> None:
    case_id, _document = imported
    result = export_case(vault, case_id, tmp_path / "bundle.pdf", at=AT, draft=True)
    assert active_content_in(result.path) == []
    assert "Charge sheet of the Prosecutor General" in pdf_text(result.path)  # the page stays
    with pikepdf.open(result.path) as pdf:
        assert list(pdf.attachments) == ["annexes.json", "manifest.json"]  # our own only
        assert "/OpenAction" not in pdf.Root
    import subprocess

    checked = subprocess.run([tool("qpdf"), "--check", str(result.path)], capture_output=True)
    assert checked.returncode == 0, checked.stdout


def test_a_word_export_of_the_same_case_goes_through(
    vault: Vault, imported: tuple[int, documents.DocumentView], tmp_path: Path
) -> None:
    case_id, _document = imported
    result = export_case(vault, case_id, tmp_path / "bundle.docx", at=AT, draft=True, format="docx")
    assert result.path.stat().st_size > 0


def test_a_filled_form_is_filed_as_it_was_filled_in_not_fillable(
    vault: Vault, tmp_path: Path
) -> None:
    from reportlab.pdfgen.canvas import Canvas

    form = tmp_path / "form.pdf"
    canvas = Canvas(str(form))
    canvas.drawString(72, 760, "Application form")
    canvas.acroForm.textfield(name="surname", value="Ivanov", x=72, y=700, width=200, height=20)
    canvas.save()
    bundle = _bundle_of(vault, form, tmp_path)
    assert "Ivanov" in pdf_text(bundle)  # the value typed into the form is on the page
    with pikepdf.open(bundle) as pdf:
        subtypes = [str(a.get("/Subtype")) for p in pdf.pages for a in p.obj.get("/Annots", [])]
        assert "/Widget" not in subtypes and "/AcroForm" not in pdf.Root


def test_an_action_hidden_where_no_reader_looks_is_made_inert(vault: Vault, tmp_path: Path) -> None:
    # Found by the fuzzer: a spliced file whose page's graphics state was a form field with
    # a SubmitForm trigger. Whatever a page reaches is cleaned, not only its annotations.
    path = tmp_path / "odd.pdf"
    canvas = Canvas(str(path))
    canvas.drawString(72, 720, "A page whose resources hide an action")
    canvas.save()
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        beacon = pdf.make_indirect(
            pikepdf.Dictionary(S=pikepdf.Name.SubmitForm, F=pikepdf.String("https://x.example"))
        )
        odd = pdf.make_indirect(
            pikepdf.Dictionary(FT=pikepdf.Name.Tx, AA=pikepdf.Dictionary(K=beacon))
        )
        resources = pdf.pages[0].obj.Resources
        resources.ExtGState = pikepdf.Dictionary(G4=odd, G10=beacon)
        pdf.save(path)
    bundle = _bundle_of(vault, path, tmp_path)
    assert active_content_in(bundle) == []


def test_a_link_whose_action_is_not_a_dictionary_does_not_stop_the_export(
    vault: Vault, tmp_path: Path
) -> None:
    # Found by the fuzzer: one flipped byte made a link's action the number 5 (a traceback).
    path = tmp_path / "flipped.pdf"
    canvas = Canvas(str(path))
    canvas.drawString(72, 720, "A page with a damaged link")
    canvas.save()
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        link = pikepdf.Dictionary(
            Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[72, 700, 300, 730], A=5
        )
        pdf.pages[0].obj.Annots = pdf.make_indirect(pikepdf.Array([link]))
        pdf.save(path)
    bundle = _bundle_of(vault, path, tmp_path)
    assert "A page with a damaged link" in pdf_text(bundle)


def test_a_name_that_is_not_even_utf8_is_imported_and_said(vault: Vault, tmp_path: Path) -> None:
    # Found by the fuzzer: one flipped bit in an annotation's type (an UnicodeDecodeError).
    path = tmp_path / "odd-name.pdf"
    canvas = Canvas(str(path))
    canvas.drawString(72, 720, "A page with an odd annotation")
    canvas.save()
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        odd = pikepdf.Dictionary(
            Type=pikepdf.Name.Annot, Subtype=pikepdf.Name("/Linkx"), Rect=[72, 700, 300, 730],
            A=pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)")),
        )  # fmt: skip
        pdf.pages[0].obj.Annots = pdf.make_indirect(pikepdf.Array([odd]))
        pdf.save(path, compress_streams=False, object_stream_mode=pikepdf.ObjectStreamMode.disable)
    path.write_bytes(path.read_bytes().replace(b"/Linkx", b"/L#A0k"))  # not UTF-8
    report = documents.import_files(vault, [path])
    (document,) = report.imported
    assert "JavaScript" in document.warnings[0]
