"""The CCF takes requests only through its online portal (since 26 March 2026): the export
writes the request and each supporting document as its own file, named for what it is and
checked against the portal's size limit (data), and the answers to the portal's form."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pytest

from dossier import resources
from dossier.cli.main import main
from dossier.errors import DossierError
from dossier.export.case_export import ExportResult, export_case, parse_time
from dossier.services import cases, documents, exhibits, people, translations
from storage.keys import KdfParams
from storage.vault import Vault
from tests.conftest import CORPUS, PASSPHRASE
from tests.helpers import active_content_in, hostile_pdf
from tests.integration.pdf_tools import manifest as _manifest
from tests.integration.pdf_tools import text as _text
from tests.integration.pdf_tools import tool as _tool

AT = parse_time("2026-11-20T10:00:00Z")
RULING = "Октябрьский районный суд города Бишкек признал материалы Kloop экстремистскими."
RULING_EN = "The Oktyabrsky District Court of Bishkek declared Kloop's materials extremist."


@dataclass
class Request:
    vault: Vault
    case_id: int
    folder: Path
    bundle: ExportResult  # the same case as one PDF bundle


@pytest.fixture(scope="module")
def request_case(tmp_path_factory: pytest.TempPathFactory) -> Request:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    folder = tmp_path_factory.mktemp("portal")
    vault = Vault.create(folder / "vault", PASSPHRASE, kdf=KdfParams.floor())
    person = people.add_person(
        vault, "Rinat Tukhvatshin", native_name="Ринат Тухватшин", birth_date="1990",
        nationality="Kyrgyz Republic", aliases=["Rinat Tuhvatshin"],
    )  # fmt: skip
    people.update_person(vault, person.id, identity_document="Passport AC1234567")
    case = cases.add_case(
        vault, person.id, "ccf-deletion", requesting_country="Kyrgyzstan",
        notice_type="red-notice", notice_reference="A-1234/5-2024",
        representative_name="Jane Advocate", representative_address="1 Chancery Lane, London",
        summary="The applicant, a journalist, asks for the deletion of all data.",
    )  # fmt: skip
    ruling = folder / "решение суда.txt"
    ruling.write_text(RULING, encoding="utf-8")
    hostile = hostile_pdf(folder / "charge-sheet.pdf")
    report = documents.import_files(
        vault,
        [CORPUS / "images" / "Canon_40D.jpg", CORPUS / "pdf" / "minimal-document.pdf",
         CORPUS / "articles" / "interpol-rejects-kyrgyz-request-tukhvatshin.txt", ruling,
         hostile],
        person_ids=[person.id], kind="news-article",
    )  # fmt: skip
    by_name = {d.original_name: d for d in report.imported}
    kinds = {"Canon_40D.jpg": "identity-document", "minimal-document.pdf": "power-of-attorney"}
    for name, document in by_name.items():
        exhibits.add_exhibit(vault, case.id, document.id)
        documents.update_document(
            vault, document.id, kind=kinds.get(name, "news-article"),
            language="ru" if name == ruling.name else "en",
        )  # fmt: skip
    documents.update_document(
        vault, by_name[ruling.name].id, title_translated="Decision of the Oktyabrsky District Court"
    )
    translations.add_translation(
        vault, by_name[ruling.name].id, language="en", text=RULING_EN, translator="Anna Translator",
        translator_address="2 Fleet Street, London", qualifications="DipTrans IoLET",
        date="19 November 2026",
    )  # fmt: skip
    documents.update_document(vault, by_name[hostile.name].id, title="Charge sheet")
    article = by_name["interpol-rejects-kyrgyz-request-tukhvatshin.txt"]
    cases.update_case(
        vault, case.id, signatory_name="Jane Advocate", signed_place="London",
        facts=f"The applicant is a journalist [{article.ref}:1].",
    )  # fmt: skip
    ground = cases.grounds(vault, case.id)[0]
    cases.link_evidence(vault, ground.id, article.ref)
    bundle = export_case(vault, case.id, folder / "bundle.pdf", at=AT)
    return Request(vault, case.id, folder, bundle)


def test_the_portal_set_is_the_request_then_each_annex_in_a_file_named_for_what_it_is(
    request_case: Request,
) -> None:
    folder = request_case.folder / "portal"
    result = export_case(request_case.vault, request_case.case_id, folder, format="portal", at=AT)
    names = [path.name for path in result.files]
    assert names == [
        "01_Request.pdf",
        "02_Identity_document_Annex_1.pdf",
        "03_Power_of_attorney_Annex_2.pdf",
        "04_Annex_3_Interpol_Rejects_Kyrgyzstans_Request_to_Add_Kloop_Co.pdf",
        "05_Annex_4_Decision_of_the_Oktyabrsky_District_Court.pdf",
        "06_Annex_5_Charge_sheet.pdf",
        "portal-answers.txt",
    ]
    assert sorted(p.name for p in folder.iterdir()) == sorted(names)  # nothing else left
    pdfs = result.files[:-1]
    counts = []
    for path in pdfs:
        assert subprocess.run([_tool("qpdf"), "--check", str(path)], capture_output=True,
                              check=False).returncode == 0, path.name  # fmt: skip
        assert active_content_in(path) == [], path.name  # the hostile annex came clean
        with pikepdf.open(path) as pdf:
            counts.append(len(pdf.pages))
            remote = [a for p in pdf.pages for a in p.obj.get("/Annots", [])
                      if "/A" in a and a.A.get("/S") == "/GoToR"]  # fmt: skip
        assert remote == [], path.name  # a portal renames files: no link between them
    # The set is the bundle cut at its annexes, paginated as one.
    assert sum(counts) == result.pages == request_case.bundle.pages
    request_text = _text(pdfs[0])
    assert "List of annexes" in request_text and "Integrity of the annexes" in request_text
    assert "Annex 1" not in _text(pdfs[0], 1, 1)  # the request's cover, no annex stamp
    translated = _text(pdfs[4])
    assert "Октябрьский районный суд" in translated and "declared Kloop's" in translated
    # The request carries the manifest: every other file with its fingerprint.
    listed = _manifest(pdfs[0])["parts"]
    assert [item["file"] for item in listed] == names[1:-1]
    for item, path in zip(listed, pdfs[1:], strict=True):
        assert item["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert result.notes == []  # every file under the portal's limit


def test_the_answers_are_ready_to_paste_field_by_field(request_case: Request) -> None:
    folder = request_case.folder / "answers"
    result = export_case(request_case.vault, request_case.case_id, folder, format="portal", at=AT)
    answers = (folder / "portal-answers.txt").read_text(encoding="utf-8")
    fields = dict(re.findall(r"^\[(.+)\]\n((?:.+\n?)+?)(?:\n|$)", answers, flags=re.MULTILINE))
    assert fields["Type of request"].strip() == "Request for deletion of data"
    assert fields["Applicant's name (as in the identity document)"].strip() == "Rinat Tukhvatshin"
    assert fields["Name in its own script"].strip() == "Ринат Тухватшин"
    assert fields["Notice or diffusion (type and reference)"].strip() == "Red Notice, A-1234/5-2024"
    assert fields["Place of birth"].strip() == "(not entered)"
    assert "Jane Advocate\n1 Chancery Lane, London" in fields["Representative"]
    uploads = fields["Files to upload, in this order"].strip().splitlines()
    assert len(uploads) == len(result.files) - 1
    for line, path in zip(uploads, result.files, strict=False):
        assert path.name in line and hashlib.sha256(path.read_bytes()).hexdigest() in line
    assert "not published" in answers  # the size limit is said to be assumed


def test_a_file_over_the_portals_limit_is_named_in_words_and_the_limit_is_data(
    request_case: Request, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    forums = tmp_path / "forums"
    shutil.copytree(resources.FORUMS, forums)
    rules = forums / "ccf" / "forum.json"
    rules.write_text(
        rules.read_text(encoding="utf-8").replace('"file_limit_mb": 10,', '"file_limit_mb": 0.05,'),
        encoding="utf-8",
    )
    monkeypatch.setattr(resources, "FORUMS", forums)
    folder = request_case.folder / "small-limit"
    result = export_case(request_case.vault, request_case.case_id, folder, format="portal", at=AT)
    too_large = {path.name for path in result.files[:-1] if path.stat().st_size > 50_000}
    assert too_large and len(result.notes) == len(too_large)
    said = "\n".join(result.notes)
    assert "Annex 2 (minimal-document) is 0.06 MB, over the 0.05 MB a file" in said
    request = (folder / "01_Request.pdf").stat().st_size / 1_000_000
    assert f"The request is {request:.2f} MB" in said and "Check the portal's own limit" in said
    assert "02_Identity_document_Annex_1.pdf" not in said  # 47 kB: within the limit
    assert all(name in said for name in too_large)


def test_the_portals_files_go_only_into_a_new_or_empty_folder(request_case: Request) -> None:
    folder = request_case.folder / "used"
    folder.mkdir()
    (folder / "01_Request.pdf").write_bytes(b"an earlier export")
    (folder / ".DS_Store").write_bytes(b"\0")  # a hidden file is no upload
    with pytest.raises(DossierError, match=r"already holds files \(01_Request\.pdf\)"):
        export_case(request_case.vault, request_case.case_id, folder, format="portal", at=AT)
    assert (folder / "01_Request.pdf").read_bytes() == b"an earlier export"
    assert sorted(p.name for p in folder.iterdir()) == [".DS_Store", "01_Request.pdf"]
    (folder / "01_Request.pdf").unlink()
    export_case(request_case.vault, request_case.case_id, folder, format="portal", at=AT)
    assert (folder / "portal-answers.txt").is_file()


def test_a_forum_without_a_portal_says_so_and_writes_nothing(request_case: Request) -> None:
    folder = request_case.folder / "uk"
    with pytest.raises(DossierError, match="takes no filing through an online portal"):
        export_case(
            request_case.vault, request_case.case_id, folder, format="portal",
            template="asylum-uk", at=AT, draft=True,
        )  # fmt: skip
    assert not folder.exists()


def test_the_command_line_writes_the_portal_set_and_lists_it(
    request_case: Request, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = request_case.folder / "cli"
    monkeypatch.setenv("DOSSIER_VAULT", str(request_case.folder / "vault"))
    monkeypatch.setenv("DOSSIER_PASSPHRASE", PASSPHRASE)
    request_case.vault.lock()  # the command line opens the vault itself
    try:
        code = main(
            ["export", "C1", "--format", "portal",
             "--out", str(folder), "--at", "2026-11-20T10:00:00Z"]
        )  # fmt: skip
    finally:
        request_case.vault = Vault.unlock(request_case.folder / "vault", PASSPHRASE)
    out = capsys.readouterr().out
    assert code == 0
    assert "Wrote 6 files for the portal" in out and "05_Annex_4_Decision_of_the" in out
    assert (folder / "portal-answers.txt").is_file()
