"""A signed export (PAdES, made and checked offline): the signature sits in the signature
block, validates with pyHanko and poppler, covers the whole file; one byte changed after
signing is reported in words; the same --at gives the same file; split parts are covered by
the signed first part's fingerprints."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pytest

from dossier.cli.main import main
from dossier.errors import DossierError
from dossier.export.case_export import export_case, parse_time
from dossier.export.signing_key import SigningKey, load_pkcs12, make_certificate
from dossier.export.verification import verify_bundle
from dossier.services import cases, documents, exhibits, people
from storage.keys import KdfParams
from storage.vault import Vault
from tests.conftest import PASSPHRASE
from tests.integration.pdf_tools import text as pdf_text
from tests.integration.pdf_tools import tool

AT = parse_time("2026-11-25T10:00:00Z")
SIGNER = "Jane Advocate — Джейн Адвокат"


@dataclass
class Signed:
    vault: Vault
    folder: Path
    case_id: int
    key: SigningKey
    p12: bytes


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory) -> Signed:
    from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12

    folder = tmp_path_factory.mktemp("signed")
    vault = Vault.create(folder / "vault", PASSPHRASE, kdf=KdfParams.floor())
    person = people.add_person(vault, "Rinat Tukhvatshin", native_name="Ринат Тухватшин")
    case = cases.add_case(vault, person.id, "ccf-deletion")
    for number in range(4):
        path = folder / f"exhibit{number}.txt"
        path.write_text(f"Exhibit {number}. " + "Evidence of the persecution. " * 400)
        document = documents.import_files(vault, [path], person_ids=[person.id]).imported[0]
        exhibits.add_exhibit(vault, case.id, document.id)
    cases.update_case(
        vault, case.id, facts="The applicant is a journalist.", signatory_name="Jane Advocate",
        signed_place="London",
    )  # fmt: skip
    plain = make_certificate(SIGNER, AT)
    key = load_pkcs12(plain, None)
    # The same key in a password-protected file, as a lawyer's certificate comes.
    private, certificate, _ = pkcs12.load_key_and_certificates(plain, None)
    protected = pkcs12.serialize_key_and_certificates(
        b"lawyer",
        private,
        certificate,
        None,
        BestAvailableEncryption(b"correct horse"),  # type: ignore[arg-type]
    )
    return Signed(vault, folder, case.id, key, protected)


def _export(signed: Signed, name: str, **options: object) -> Path:
    out = signed.folder / name
    out.parent.mkdir(parents=True, exist_ok=True)
    result = export_case(signed.vault, signed.case_id, out, at=AT, draft=True, **options)  # type: ignore[arg-type]
    return result.files[0]


def test_a_signed_export_validates_offline_and_is_signed_in_its_signature_block(
    signed: Signed,
) -> None:
    path = _export(signed, "signed.pdf", sign=signed.key)
    check = verify_bundle(path)
    assert check.sound, check.problems
    [found] = check.signatures
    assert found.signer == SIGNER and found.signed_at == AT
    assert found.intact and found.whole_file and found.self_signed
    poppler = subprocess.run([tool("pdfsig"), str(path)], capture_output=True, text=True,
                             check=False).stdout  # fmt: skip
    assert "Signature is Valid." in poppler and "Total document signed" in poppler
    # The visible signature is in the signature block: on the page with "Signature:", above
    # the signature line, with the signer's name in the shipped (embedded) font.
    with pikepdf.open(path) as pdf:
        widgets = [
            (number, annotation)
            for number, page in enumerate(pdf.pages, 1)
            for annotation in page.obj.get("/Annots", [])
            if annotation.get("/FT") == "/Sig"
        ]
    [(page, widget)] = widgets
    assert "Submitted on behalf of the applicant by:" in pdf_text(path, page, page)
    x1, y1, x2, y2 = (float(v) for v in widget.Rect)
    assert x2 - x1 > 150 and y2 - y1 > 40
    fonts = subprocess.run([tool("pdffonts"), str(path)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]  # fmt: skip
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts  # all embedded


def test_one_byte_changed_after_signing_is_reported_in_words(signed: Signed) -> None:
    path = _export(signed, "changed/signed.pdf", sign=signed.key)
    data = bytearray(path.read_bytes())
    where = data.index(b"/Producer")  # inside the bytes the signature covers
    data[where + 3] ^= 0x01
    path.write_bytes(bytes(data))
    check = verify_bundle(path)
    assert not check.sound
    assert any("was changed after" in said or "damaged or was changed" in said
               for said in check.problems), check.problems  # fmt: skip
    appended = _export(signed, "appended/signed.pdf", sign=signed.key)
    with open(appended, "ab") as handle:
        handle.write(b"\n% a line added after signing\n")
    said = " ".join(verify_bundle(appended).problems)
    assert "does not cover the whole file" in said or "was changed after" in said, said


def test_the_same_export_signed_twice_at_the_same_time_is_the_same_file(signed: Signed) -> None:
    first = _export(signed, "one/signed.pdf", sign=signed.key)
    second = _export(signed, "two/signed.pdf", sign=signed.key)
    assert first.read_bytes() == second.read_bytes()


def test_split_parts_are_covered_by_the_signed_first_part(signed: Signed) -> None:
    whole = _export(signed, "whole/bundle.pdf")
    limit = whole.stat().st_size * 0.6 / 1_000_000
    out = signed.folder / "parts" / "bundle.pdf"
    out.parent.mkdir()
    result = export_case(signed.vault, signed.case_id, out, at=AT, draft=True,
                         sign=signed.key, split_mb=limit)  # fmt: skip
    assert len(result.files) >= 2
    check = verify_bundle(result.files[0])
    assert check.sound and f"{result.files[1].name} matches its fingerprint." in check.checked
    data = bytearray(result.files[1].read_bytes())
    data[len(data) // 2] ^= 0x01
    result.files[1].write_bytes(bytes(data))
    said = verify_bundle(result.files[0]).problems
    assert said == [
        f"{result.files[1].name} was changed: it does not match the fingerprint the manifest "
        "records."
    ]


def test_the_command_line_signs_with_a_certificate_file_and_verifies_without_a_vault(
    signed: Signed, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    certificate = signed.folder / "lawyer.p12"
    certificate.write_bytes(signed.p12)
    wrong, right = signed.folder / "wrong.txt", signed.folder / "password.txt"
    wrong.write_text("battery staple\n")
    right.write_text("correct horse\n")
    out = signed.folder / "cli" / "signed.pdf"
    out.parent.mkdir()
    monkeypatch.setenv("DOSSIER_VAULT", str(signed.folder / "vault"))
    monkeypatch.setenv("DOSSIER_PASSPHRASE", PASSPHRASE)
    signed.vault.lock()  # the command line opens the vault itself
    try:
        args = ["export", "C1", "--out", str(out), "--draft", "--at", "2026-11-25T10:00:00Z",
                "--sign", str(certificate), "--sign-password-file"]  # fmt: skip
        assert main([*args, str(wrong)]) != 0
        said = capsys.readouterr()
        assert "check its password" in said.err and "Traceback" not in said.err
        assert not out.exists()
        assert main([*args, str(right)]) == 0
    finally:
        signed.vault = Vault.unlock(signed.folder / "vault", PASSPHRASE)
    capsys.readouterr()
    monkeypatch.delenv("DOSSIER_VAULT")
    monkeypatch.delenv("DOSSIER_PASSPHRASE")  # verifying needs no vault
    assert main(["verify-bundle", str(out)]) == 0
    shown = capsys.readouterr().out
    assert f"Signed by {SIGNER}" in shown and "Intact" in shown
    data = bytearray(out.read_bytes())
    data[data.index(b"/Producer") + 3] ^= 0x01
    out.write_bytes(bytes(data))
    assert main(["verify-bundle", str(out)]) == 1
    assert "The file is NOT as it was made." in capsys.readouterr().out


def test_a_word_file_is_not_signed_and_says_so(signed: Signed) -> None:
    with pytest.raises(DossierError, match="Only a PDF can be signed"):
        _export(signed, "word/sub.docx", format="docx", sign=signed.key)


def test_attached_originals_extract_with_the_fingerprints_the_bundle_prints(
    signed: Signed, tmp_path: Path
) -> None:
    import hashlib

    from tests.integration.pdf_tools import manifest

    path = _export(signed, "attached/bundle.pdf", sign=signed.key, attach_originals=True)
    listed = {e["attached_as"]: e["sha256"] for e in manifest(path)["exhibits"]}
    assert len(listed) == 4
    subprocess.run([tool("pdfdetach"), "-saveall", "-o", str(tmp_path), str(path)], check=True)
    extracted = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in tmp_path.iterdir()}
    extracted.pop("manifest.json")
    extracted.pop("annexes.json")
    assert extracted == listed
    printed = " ".join(pdf_text(path).split())
    for digest in listed.values():  # the integrity annex prints each, in groups of 16
        assert digest[:16] in printed and digest[48:] in printed
    with pikepdf.open(path) as pdf:
        relations = {str(spec.UF): str(spec.AFRelationship) for spec in pdf.Root.AF}
    assert relations.pop("manifest.json") == relations.pop("annexes.json") == "/Supplement"
    assert set(relations) == set(listed) and set(relations.values()) == {"/Source"}
    check = verify_bundle(path)
    assert check.sound, check.problems
    assert sum("original file inside matches" in said for said in check.checked) == 4


def test_the_vaults_own_certificate_signs_and_says_it_is_self_signed(
    signed: Signed, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from dossier.services import signing_certificates

    with pytest.raises(DossierError, match="no signing certificate yet"):
        signing_certificates.signing_key(signed.vault)
    made = signing_certificates.create(signed.vault, "Айгуль Адвокатова")
    assert made.name == "Айгуль Адвокатова" and made.valid_until > "2030"
    out = signed.folder / "vault-cert" / "signed.pdf"
    out.parent.mkdir()
    monkeypatch.setenv("DOSSIER_VAULT", str(signed.folder / "vault"))
    monkeypatch.setenv("DOSSIER_PASSPHRASE", PASSPHRASE)
    signed.vault.lock()
    try:
        assert main(["certificate"]) == 0
        assert "self-signed" in capsys.readouterr().out
        assert main(["export", "C1", "--out", str(out), "--draft",
                     "--sign-with-vault-certificate"]) == 0  # fmt: skip
    finally:
        signed.vault = Vault.unlock(signed.folder / "vault", PASSPHRASE)
    [found] = verify_bundle(out).signatures
    assert found.signer == "Айгуль Адвокатова" and found.self_signed and found.intact


def test_the_bundles_fingerprint_on_its_cover_is_the_sha256_of_annexes_json(
    signed: Signed, tmp_path: Path
) -> None:
    import hashlib

    out = signed.folder / "fingerprint" / "bundle.pdf"
    out.parent.mkdir()
    result = export_case(signed.vault, signed.case_id, out, at=AT, draft=True)
    subprocess.run([tool("pdfdetach"), "-savefile", "annexes.json", "-o",
                    str(tmp_path / "annexes.json"), str(out)], check=True)  # fmt: skip
    digest = hashlib.sha256((tmp_path / "annexes.json").read_bytes()).hexdigest()
    assert result.fingerprint == digest == verify_bundle(out).fingerprint
    cover = " ".join(pdf_text(out, 1, 1).split())
    assert "Bundle fingerprint (SHA-256)" in cover
    assert all(digest[i : i + 16] in cover for i in range(0, 64, 16))
    pages = [" ".join(page.split()) for page in pdf_text(out).split("\f")]
    [how] = [page for page in pages if "How to check this file" in page and "pdfdetach" in page]
    assert "sha256sum annexes.json" in how and "verify-bundle" in how
    # The same annexes paginated the same give the same fingerprint; a changed annex list
    # another.
    again = signed.folder / "fingerprint" / "again.pdf"
    assert export_case(signed.vault, signed.case_id, again, at=AT, draft=True).fingerprint == digest
    first = int(exhibits.list_exhibits(signed.vault, signed.case_id)[0].document_ref[1:])
    exhibits.move_exhibit(signed.vault, signed.case_id, first, 2)
    moved = signed.folder / "fingerprint" / "moved.pdf"
    try:
        changed = export_case(signed.vault, signed.case_id, moved, at=AT, draft=True)
        assert changed.fingerprint != digest
    finally:
        exhibits.move_exhibit(signed.vault, signed.case_id, first, 1)


def test_the_evidence_package_holds_the_originals_its_manifest_describes(
    signed: Signed, tmp_path: Path
) -> None:
    import csv
    import hashlib
    import io
    import json
    import zipfile

    from cryptography.hazmat.primitives.serialization import pkcs7

    out = signed.folder / "package" / "case.zip"
    out.parent.mkdir()
    result = export_case(signed.vault, signed.case_id, out, format="package", at=AT,
                         draft=True, sign=signed.key)  # fmt: skip
    assert [p.name for p in out.parent.iterdir()] == ["case.zip"]  # the bundle is inside only
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        manifest = json.loads(archive.read("manifest.json"))
        rows = list(csv.DictReader(io.StringIO(archive.read("manifest.csv").decode())))
        for item in manifest["items"]:
            assert hashlib.sha256(archive.read(item["file"])).hexdigest() == item["sha256"]
            assert item["imported_at"] and item["custody"][0]["action"] == "document imported"
        bundle = archive.read("case.pdf")
        signature = archive.read("manifest.json.p7s")
        manifest_bytes = archive.read("manifest.json")
    assert len(manifest["items"]) == 4 and [r["sha256"] for r in rows] == [
        item["sha256"] for item in manifest["items"]
    ]
    assert manifest["bundle"]["fingerprint"] == result.fingerprint
    assert "annexes/Annex 1/exhibit0.txt" in names
    (tmp_path / "case.pdf").write_bytes(bundle)
    assert verify_bundle(tmp_path / "case.pdf").sound  # the signed bundle inside
    # The detached signature is of the manifest, by the signer's certificate.
    [certificate] = pkcs7.load_der_pkcs7_certificates(signature)
    assert SIGNER in certificate.subject.rfc4514_string()
    (tmp_path / "manifest.json").write_bytes(manifest_bytes)
    (tmp_path / "manifest.json.p7s").write_bytes(signature)
    checked = subprocess.run(
        [tool("openssl"), "cms", "-verify", "-binary", "-inform", "DER", "-noverify",
         "-in", str(tmp_path / "manifest.json.p7s"), "-content", str(tmp_path / "manifest.json"),
         "-out", "/dev/null"],
        capture_output=True, check=False,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stderr
    again = signed.folder / "package-again" / "case.zip"
    again.parent.mkdir()
    export_case(signed.vault, signed.case_id, again, format="package", at=AT, draft=True,
                sign=signed.key)  # fmt: skip
    assert again.read_bytes() == out.read_bytes()  # the same --at, the same package


def test_a_pdfa_export_meets_the_clauses_and_is_signed_after(signed: Signed) -> None:
    from dossier.export.pdf.pdfa import conforms

    path = _export(signed, "pdfa/bundle.pdf", pdfa=True, attach_originals=True, sign=signed.key)
    with pikepdf.open(path) as pdf:
        assert conforms(pdf) == []
        meta = pdf.open_metadata()
        assert (meta["pdfaid:part"], meta["pdfaid:conformance"]) == ("3", "B")
        [intent] = pdf.Root.OutputIntents
        assert intent.S == "/GTS_PDFA1" and int(intent.DestOutputProfile.N) == 3
        assert all("/AFRelationship" in spec.obj for spec in pdf.attachments.values())
    assert subprocess.run([tool("qpdf"), "--check", str(path)], capture_output=True,
                          check=False).returncode == 0  # fmt: skip
    check = verify_bundle(path)
    assert check.sound and check.signatures[0].whole_file  # PDF/A first, then signed


def test_an_exhibit_that_prevents_pdfa_is_named_and_nothing_is_written(
    signed: Signed, tmp_path: Path
) -> None:
    from reportlab.pdfgen import canvas

    scan = tmp_path / "charge-sheet.pdf"
    page = canvas.Canvas(str(scan))
    page.setFont("Helvetica", 12)  # one of the 14 fonts a PDF may leave to the reader
    page.drawString(72, 720, "Charge sheet of the Prosecutor General")
    page.save()
    vault = signed.vault
    document = documents.import_files(vault, [scan]).imported[0]
    documents.update_document(vault, document.id, title="Charge sheet")
    exhibits.add_exhibit(vault, signed.case_id, document.id)
    out = signed.folder / "pdfa-refused" / "bundle.pdf"
    out.parent.mkdir()
    try:
        with pytest.raises(DossierError) as refused:
            export_case(vault, signed.case_id, out, at=AT, draft=True, pdfa=True)
        said = str(refused.value)
        assert "Annex 5 (Charge sheet) uses fonts that are not inside the file (Helvetica)" in said
        assert list(out.parent.iterdir()) == []
        export_case(vault, signed.case_id, out, at=AT, draft=True)  # without PDF/A it goes
    finally:
        exhibits.remove_exhibit(vault, signed.case_id, document.id)


def test_a_scan_with_invisible_words_in_an_unembedded_font_is_pdfa(
    signed: Signed, tmp_path: Path
) -> None:
    """PDF/A asks the fonts of visible text to be embedded: a scan whose scanner hid its
    reading under the image in Helvetica (render mode 3) is filed as PDF/A."""
    from dossier.export.pdf.pdfa import conforms
    from tests.scans import TEXTS, page_image, scanned_pdf_with_hidden_text

    scan = tmp_path / "protocol-scan.pdf"
    scan.write_bytes(scanned_pdf_with_hidden_text(page_image(TEXTS["kir"]), TEXTS["kir"]))
    document = documents.import_files(signed.vault, [scan]).imported[0]
    exhibits.add_exhibit(signed.vault, signed.case_id, document.id)
    try:
        path = _export(signed, "pdfa-scan/bundle.pdf", pdfa=True)
        with pikepdf.open(path) as pdf:
            assert conforms(pdf) == []
    finally:
        exhibits.remove_exhibit(signed.vault, signed.case_id, document.id)
