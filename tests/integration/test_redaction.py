"""A redacted name leaves every part of the export the program writes — the narrative, the
chronology's chart, sections' titles, bookmarks, the manifest, the file's properties — in
every spelling the program knows for the person and however the text disguises it."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pikepdf
import pytest

from dossier.export.case_export import export_case, parse_time
from dossier.services import cases, documents, events, exhibits, people
from storage.vault import Vault
from tests.integration.pdf_tools import manifest as pdf_manifest
from tests.integration.pdf_tools import text as pdf_text

AT = parse_time("2025-11-20T10:00:00Z")
SPELLINGS = ("Tukhvatshin", "Tuhvatshin", "Тухватшин", "TUKHVATSHIN", "Rinat", "Ринат")


@pytest.fixture
def case_id(vault: Vault, tmp_path: Path) -> int:
    person = people.add_person(
        vault, "Rinat Tukhvatshin", native_name="Ринат Тухватшин", aliases=["Rinat Tuhvatshin"]
    )
    case = cases.add_case(vault, person.id, "general")
    cases.update_case(
        vault, case.id,
        facts="Mr Tuhvatshin was detained. Р\u200bинат Тухватшина допросили. "
        "RINAT TUKHVATSHIN (typed with a Cyrillic а: Rinаt) was released.",
    )  # fmt: skip
    events.add_event(vault, person.id, "12 May 2019", "Rinat Tukhvatshin joins Kloop")
    events.add_event(vault, person.id, "30 October 2025", "Задержание Тухватшина")
    note = tmp_path / "statement.txt"
    note.write_text("A statement.", encoding="utf-8")
    (document,) = documents.import_files(vault, [note], person_ids=[person.id]).imported
    exhibits.add_exhibit(vault, case.id, document.id, section="Documents of Rinat Tukhvatshin")
    return case.id


def _leaks(text: str) -> list[str]:
    return [spelling for spelling in SPELLINGS if spelling in text]


def test_the_pdf_says_no_spelling_of_a_redacted_name(
    vault: Vault, case_id: int, tmp_path: Path
) -> None:
    out = export_case(vault, case_id, tmp_path / "r.pdf", at=AT, draft=True,
                      redact=["Rinat Tukhvatshin"]).path  # fmt: skip
    narrative = pdf_manifest(out)["exhibits"][0]["first_page"] - 1
    printed = pdf_text(out, 1, narrative)
    assert "[Person A]" in printed
    assert _leaks(printed) == []
    assert "joins Kloop" in printed  # the chart's label, still there, without the name
    with pikepdf.open(out) as pdf, pdf.open_outline() as outline:
        titles = []
        pending = list(outline.root)
        while pending:
            item = pending.pop()
            titles.append(item.title)
            pending += list(item.children)
        assert _leaks(" ".join(titles)) == [] and _leaks(str(pdf.docinfo.get("/Title"))) == []
    assert _leaks(json.dumps(pdf_manifest(out), ensure_ascii=False)) == []


def test_the_word_file_says_no_spelling_of_a_redacted_name(
    vault: Vault, case_id: int, tmp_path: Path
) -> None:
    out = export_case(vault, case_id, tmp_path / "r.docx", at=AT, draft=True, format="docx",
                      redact=["Ринат Тухватшин"]).path  # the native spelling given  # fmt: skip
    with zipfile.ZipFile(out) as docx:
        xml = " ".join(docx.read(n).decode("utf-8") for n in docx.namelist() if n.endswith(".xml"))
        charts = [docx.read(n) for n in docx.namelist() if n.startswith("word/media/")]
    assert "[Person A]" in xml and _leaks(xml) == []
    assert charts  # the chronology's chart, a picture: read it as a clerk's eyes would
    import tesserocr
    from PIL import Image

    from dossier.ocr.engine import tessdata

    picture = Image.open(io.BytesIO(charts[0]))
    seen = tesserocr.image_to_text(picture, lang="eng+rus", path=str(tessdata()))
    assert "Kloop" in seen and _leaks(seen) == [], seen
