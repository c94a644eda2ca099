"""A document's language is found at import and after OCR, and the check never passes an
annex whose language nobody knows — a photograph included."""

from __future__ import annotations

import io
from pathlib import Path

from dossier.export import preflight, templates
from dossier.services import cases, documents, exhibits, ocr, people
from storage.vault import Vault
from tests.scans import TEXTS, page_image, scanned_pdf


def _translations_item(vault: Vault, case_id: int) -> preflight.Item:
    report = preflight.check(vault, case_id, templates.for_case("ccf-deletion"))
    return next(i for i in report.items if i.what == "translations into a working language")


def _case_with(vault: Vault, folder: Path, name: str, data: bytes) -> tuple[int, int]:
    person = people.add_person(vault, "Rinat Tukhvatshin", native_name="Ринат Тухватшин")
    path = folder / name
    path.write_bytes(data)
    (document,) = documents.import_files(vault, [path], person_ids=[person.id]).imported
    case = cases.add_case(vault, person.id, "ccf-deletion")
    exhibits.add_exhibit(vault, case.id, document.id)
    return document.id, case.id


def test_an_untranslated_russian_photo_is_never_passed_by_the_check(
    vault: Vault, tmp_path: Path
) -> None:
    photo = page_image(TEXTS["rus"], 200).convert("RGB")
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG", quality=85)
    document_id, case_id = _case_with(vault, tmp_path, "summons.jpg", buffer.getvalue())
    # Before it is read, nobody knows its language: the check asks.
    before = _translations_item(vault, case_id)
    assert before.status == preflight.MISSING
    assert "language not set: Annex 1." in before.detail
    report = ocr.read_scanned_pages(vault, document_id)
    assert report.languages == "rus+eng"
    assert documents.show_document(vault, document_id).language == "ru"
    after = _translations_item(vault, case_id)
    assert after.status == preflight.MISSING and "not translated: Annex 1." in after.detail
    # The lawyer may still say otherwise; a language the app does not know is refused.
    documents.update_document(vault, document_id, language="en")
    assert _translations_item(vault, case_id).status == preflight.MET


def test_a_photo_without_words_is_offered_no_words_and_passes_once_the_lawyer_says_so(
    vault: Vault, tmp_path: Path
) -> None:
    from PIL import Image, ImageDraw

    scene = Image.new("RGB", (900, 700), (120, 150, 110))
    ImageDraw.Draw(scene).ellipse((200, 150, 600, 500), fill=(60, 40, 30))
    buffer = io.BytesIO()
    scene.save(buffer, "JPEG", quality=85)
    document_id, case_id = _case_with(vault, tmp_path, "house.jpg", buffer.getvalue())
    ocr.read_scanned_pages(vault, document_id)
    view = documents.show_document(vault, document_id)
    assert view.language is None and view.suggestions["language"] == "zxx"
    assert _translations_item(vault, case_id).status == preflight.MISSING
    documents.accept_suggestions(vault, document_id, ["language"])
    assert _translations_item(vault, case_id).status == preflight.MET
    from datetime import UTC, datetime

    from dossier.export.gathering import gather
    from dossier.export.submission import Table, build

    content = gather(vault, case_id, templates.for_case("ccf-deletion"),
                     export_time=datetime.now(UTC), draft=True)  # fmt: skip
    index = next(b for b in build(content).blocks if isinstance(b, Table) and b.header
                 and "Language" in b.header)  # fmt: skip
    assert "".join(span.text for span in index.rows[0][4]) == "none (a picture)"  # not "zxx"


def test_a_russian_text_gets_its_language_at_import(vault: Vault, tmp_path: Path) -> None:
    document_id, case_id = _case_with(vault, tmp_path, "решение.txt", TEXTS["rus"].encode("utf-8"))
    assert documents.show_document(vault, document_id).language == "ru"
    assert "not translated: Annex 1." in _translations_item(vault, case_id).detail


def test_a_scanned_russian_ruling_naming_a_kazakh_is_read_in_russian(
    vault: Vault, tmp_path: Path
) -> None:
    ruling = TEXTS["rus"] + " Свидетель Нұрлан Әбдіқадыров на заседание не явился."
    document_id, _case_id = _case_with(
        vault, tmp_path, "ruling.pdf", scanned_pdf([page_image(ruling)])
    )
    assert ocr.read_scanned_pages(vault, document_id).languages == "rus+eng"


def test_a_language_the_app_does_not_know_is_refused_in_words(vault: Vault, tmp_path: Path) -> None:
    import pytest

    from dossier.errors import DossierError

    document_id, _case_id = _case_with(vault, tmp_path, "note.txt", TEXTS["eng"].encode())
    with pytest.raises(DossierError, match="is not a language this app knows"):
        documents.update_document(vault, document_id, language="Russian")
    assert documents.show_document(vault, document_id).language == "en"


def test_an_annex_in_another_language_is_named_in_the_filings_own_in_the_index(
    vault: Vault, tmp_path: Path
) -> None:
    from datetime import UTC, datetime

    from dossier.export.gathering import gather
    from dossier.export.submission import build

    document_id, case_id = _case_with(vault, tmp_path, "решение.txt", TEXTS["rus"].encode("utf-8"))
    documents.update_document(vault, document_id, title="Решение Октябрьского районного суда")
    report = preflight.check(vault, case_id, templates.for_case("ccf-deletion"))
    titles = next(i for i in report.items if i.what.startswith("titles of the annexes"))
    assert titles.status == preflight.MISSING
    assert "no title in the language of the filing (en): Annex 1." in titles.detail
    documents.update_document(
        vault, document_id, title_translated="Decision of the Oktyabrsky District Court"
    )
    report = preflight.check(vault, case_id, templates.for_case("ccf-deletion"))
    titles = next(i for i in report.items if i.what.startswith("titles of the annexes"))
    assert titles.status == preflight.MET
    content = gather(vault, case_id, templates.for_case("ccf-deletion"),
                     export_time=datetime.now(UTC), draft=True)  # fmt: skip
    cells = [
        "".join(span.text for span in cell)
        for block in build(content).blocks
        if hasattr(block, "rows")
        for row in block.rows  # type: ignore[union-attr]
        for cell in row
    ]
    assert (
        "Decision of the Oktyabrsky District Court (Решение Октябрьского районного суда)" in cells
    )
