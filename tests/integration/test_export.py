"""Export of a case built from the real corpus, checked with poppler, qpdf and LibreOffice."""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from dossier.export.case_export import ExportResult, export_case, parse_time
from dossier.export.preflight import NotReady
from dossier.services import cases, documents, events, exhibits, people, quotes, translations
from storage.errors import VaultError
from storage.keys import KdfParams
from storage.vault import Vault
from tests.conftest import CORPUS, PASSPHRASE
from tests.helpers import Gate, GatedOriginals
from tests.integration.pdf_tools import manifest as _manifest
from tests.integration.pdf_tools import text as _text
from tests.integration.pdf_tools import tool as _tool

AT = parse_time("2025-11-20T10:00:00Z")
KAZAKH = "Қазақ ңөүәғқұһі"
RULING = "Октябрьский районный суд города Бишкек признал материалы Kloop экстремистскими."
RULING_EN = "The Oktyabrsky District Court of Bishkek declared Kloop's materials extremist."


@dataclass
class Exported:
    vault: Vault
    case_id: int
    pdf: ExportResult
    folder: Path


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Exported:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    folder = tmp_path_factory.mktemp("export")
    vault = Vault.create(folder / "vault", PASSPHRASE, kdf=KdfParams.floor())
    person = people.add_person(
        vault, "Rinat Tukhvatshin", native_name="Ринат Тухватшин", role="journalist",
        aliases=["Rinat Tuhvatshin"], nationality="Kyrgyz Republic", birth_date="1990",
    )  # fmt: skip
    people.update_person(vault, person.id, identity_document="Passport of the Kyrgyz Republic")
    case = cases.add_case(
        vault, person.id, "ccf-deletion", requesting_country="Kyrgyzstan",
        notice_type="red-notice", representative_name="Jane Advocate",
        representative_address="1 Chancery Lane, London",
        summary="The applicant, co-founder of Kloop, asks for the deletion of all data.",
    )  # fmt: skip
    ruling = folder / "решение суда.txt"
    ruling.write_text(RULING, encoding="utf-8")
    report = documents.import_files(
        vault, [CORPUS / "articles", CORPUS / "pdf", CORPUS / "images", ruling],
        person_ids=[person.id], kind="news-article", accept_suggestions=True,
    )  # fmt: skip
    kinds = {"Canon_40D.jpg": "identity-document", "minimal-document.pdf": "power-of-attorney"}
    for document in report.imported:
        exhibits.add_exhibit(vault, case.id, document.id)  # the lawyer chooses every annex
        language = "ru" if document.original_name == ruling.name else "en"
        documents.update_document(
            vault, document.id, language=language, kind=kinds.get(document.original_name)
        )
    russian = next(d for d in report.imported if d.original_name == ruling.name)
    documents.update_document(
        vault, russian.id, title_translated="Decision of the Oktyabrsky District Court"
    )
    translations.add_translation(
        vault, russian.id, language="en", text=RULING_EN, translator="Anna Translator",
        translator_address="2 Fleet Street, London", translator_phone="+44 20 7946 0000",
        qualifications="DipTrans IoLET", date="19 November 2025",
    )  # fmt: skip
    article = next(d for d in report.imported if d.original_name.startswith("interpol-rejects"))
    cases.update_case(
        vault, case.id, signatory_name="Jane Advocate", signatory_capacity="Counsel",
        signed_place="London",
        facts=f"The applicant is a journalist [{article.ref}:1].\n\n{KAZAKH}",
    )  # fmt: skip
    quote = quotes.add_quote(vault, article.id, "so we rejected this request",
                             speaker="Samuel Heath")  # fmt: skip
    events.add_event(vault, person.id, "30 October 2025", "Court declares Kloop extremist",
                     kind="court-ruling", cite=[f"{article.ref}:1"])  # fmt: skip
    events.add_event(vault, person.id, "In August 2025", "Four former Kloop staff tried",
                     kind="charge", cite=[quote.ref])  # fmt: skip
    ground = cases.grounds(vault, case.id)[0]
    cases.link_evidence(vault, ground.id, quote.ref)
    result = export_case(vault, case.id, folder / "bundle.pdf", at=AT)
    return Exported(vault, case.id, result, folder)


def test_names_in_latin_and_cyrillic_are_extractable(exported: Exported) -> None:
    text = _text(exported.pdf.path)
    for expected in ("Rinat Tukhvatshin", "Ринат Тухватшин", KAZAKH, "so we rejected this request"):
        assert expected in text


def test_page_count_is_narrative_plus_every_exhibit_page(exported: Exported) -> None:
    info = subprocess.run([_tool("pdfinfo"), str(exported.pdf.path)], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    manifest = _manifest(exported.pdf.path)
    exhibit_pages = sum(e["last_page"] - e["first_page"] + 1 for e in manifest["exhibits"])
    narrative = manifest["exhibits"][0]["first_page"] - 1
    assert pages == exported.pdf.pages == narrative + exhibit_pages
    # The exhibit PDFs keep every page: the 4-page sample fills 4 bundle pages.
    four = next(e for e in manifest["exhibits"] if e["original_file"] == "pdflatex-4-pages.pdf")
    assert four["last_page"] - four["first_page"] == 3


def test_qpdf_finds_no_error(exported: Exported) -> None:
    result = subprocess.run([_tool("qpdf"), "--check", str(exported.pdf.path)],
                            capture_output=True, text=True, check=False)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_font_is_embedded(exported: Exported) -> None:
    listing = subprocess.run([_tool("pdffonts"), str(exported.pdf.path)], capture_output=True,
                             text=True, check=True).stdout.splitlines()[2:]  # fmt: skip
    assert listing
    for line in listing:
        # Columns: name type encoding emb sub uni object ID; "emb" is the 4th from the end.
        assert line.split()[-5] == "yes", line


def test_every_exhibit_and_section_has_a_bookmark(exported: Exported) -> None:
    manifest = _manifest(exported.pdf.path)
    with pikepdf.open(exported.pdf.path) as pdf, pdf.open_outline() as outline:
        titles = [item.title for item in outline.root]
        annexes = next(item for item in outline.root if item.title == "Annexes")
        children = [child.title for child in annexes.children]
    assert "Chronology of events" in titles and "List of annexes" in titles
    assert [c.split(":")[0] for c in children] == [e["label"] for e in manifest["exhibits"]]


def test_manifest_hashes_equal_the_original_files(exported: Exported) -> None:
    manifest = _manifest(exported.pdf.path)
    assert manifest["exported_at"] == "2025-11-20T10:00:00Z"
    for exhibit in manifest["exhibits"]:
        found = [
            *CORPUS.rglob(exhibit["original_file"]),
            *exported.folder.glob(exhibit["original_file"]),
        ]
        original = found[0].read_bytes()
        assert exhibit["sha256"] == hashlib.sha256(original).hexdigest()
    assert "corrupted.jpg" not in {e["original_file"] for e in manifest["exhibits"]}


def _page_image(path: Path, page_number: int) -> Image.Image:
    """The image drawn on a bundle page, as the file embedded in the PDF (e.g. a JPEG)."""
    with pikepdf.open(path) as pdf:
        page = pdf.pages[page_number - 1]
        forms = [x for x in page.Resources.XObject.values() if x.Subtype == "/Form"]
        images = {}
        for holder in [page.Resources, *[f.Resources for f in forms if "/Resources" in f]]:
            for name, obj in holder.get("/XObject", {}).items():
                if obj.get("/Subtype") == "/Image":
                    images[name] = obj
        assert len(images) == 1, images.keys()
        buffer = io.BytesIO()
        pikepdf.PdfImage(next(iter(images.values()))).extract_to(stream=buffer)
        return Image.open(io.BytesIO(buffer.getvalue()))


def test_rotated_photo_is_upright_and_photos_carry_no_gps(exported: Exported) -> None:
    manifest = _manifest(exported.pdf.path)
    by_name = {e["original_file"]: e for e in manifest["exhibits"]}
    rotated = _page_image(exported.pdf.path, by_name["orientation-portrait_6.jpg"]["first_page"])
    with Image.open(CORPUS / "images" / "orientation-portrait_6.jpg") as original:
        assert original.getexif().get(0x0112) == 6 and original.width > original.height
    assert rotated.height > rotated.width  # EXIF orientation 6 applied: upright portrait
    for photo in ("gps-DSCN0010.jpg", "IMG_5195.HEIC", "Canon_40D.jpg"):
        image = _page_image(exported.pdf.path, by_name[photo]["first_page"])
        assert not image.getexif(), photo  # no EXIF at all, so no GPS position
        assert "exif" not in image.info and "xmp" not in image.info


def test_same_case_and_time_give_byte_identical_files(exported: Exported) -> None:
    again = export_case(exported.vault, exported.case_id, exported.folder / "again.pdf", at=AT)
    assert again.sha256 == exported.pdf.sha256
    assert (exported.folder / "again.pdf").read_bytes() == exported.pdf.path.read_bytes()


def test_docx_opens_in_libreoffice_with_every_section(exported: Exported) -> None:
    docx = exported.folder / "narrative.docx"
    export_case(exported.vault, exported.case_id, docx, format="docx", at=AT)
    result = subprocess.run(
        [_tool("soffice"), "--headless", "--convert-to", "pdf", "--outdir",
         str(exported.folder), str(docx)],
        capture_output=True, text=True, timeout=240, check=False,
    )  # fmt: skip
    converted = exported.folder / "narrative.pdf"
    assert converted.is_file(), result.stdout + result.stderr
    text = _text(converted)
    for heading in ("Summary", "The applicant", "Chronology of events", "Statement of facts",
                    "Grounds", "List of annexes", "Ринат Тухватшин", KAZAKH,
                    "so we rejected this request", "Relief sought"):  # fmt: skip
        assert heading in text, heading
    # A real contents list (no field left for Word to update), and fingerprints in groups.
    assert "Update Field" not in text and "Right-click" not in text
    manifest = _manifest(exported.pdf.path)
    first = manifest["exhibits"][0]
    assert first["sha256"][:16] + " " + first["sha256"][16:32] in text
    # The Word list of annexes gives the pages the same annexes have in the PDF bundle.
    pages = f"{first['first_page']}–{first['last_page']}"
    assert pages in text or str(first["first_page"]) in text
    # Read alone: the contents give pages, every column header is whole, and the manifest is
    # said to be attached to the PDF bundle (not to "this PDF", which the Word file is not).
    assert re.search(r"Statement of facts\s*\.{4,}\s*\d+", text), text[:1500]
    assert re.search(r"\bLanguage\b", text) and "attached to this PDF" not in text
    assert "attached to the PDF bundle filed with this submission" in " ".join(text.split())


def test_missing_requirements_stop_the_export_or_mark_a_draft(exported: Exported) -> None:
    person = people.add_person(exported.vault, "Witness Without Case Details")
    case = cases.add_case(exported.vault, person.id, "ccf-deletion")
    target = exported.folder / "incomplete.pdf"
    with pytest.raises(NotReady, match="country that asked for the notice") as caught:
        export_case(exported.vault, case.id, target, at=AT)
    assert "identity document" in str(caught.value) and not target.exists()
    draft = export_case(exported.vault, case.id, target, at=AT, draft=True)
    assert draft.problems
    for number in range(1, draft.pages + 1 if draft.pages else 1):
        assert "DRAFT — NOT FOR FILING" in _text(target, number, number), number


def test_redacted_names_leave_the_narrative(exported: Exported) -> None:
    out = exported.folder / "redacted.pdf"
    result = export_case(exported.vault, exported.case_id, out, at=AT, redact=["Samuel Heath"])
    narrative_pages = _manifest(out)["exhibits"][0]["first_page"] - 1
    text = _text(out, 1, narrative_pages)
    assert "Samuel Heath" not in text and "[Person A]" in text
    assert result.pages == exported.pdf.pages


def test_letter_paper(exported: Exported) -> None:
    out = exported.folder / "letter.pdf"
    export_case(exported.vault, exported.case_id, out, at=AT, paper="letter")
    with pikepdf.open(out) as pdf:
        assert [float(v) for v in pdf.pages[0].mediabox] == [0, 0, 612, 792]


def test_a_password_protected_pdf_goes_into_the_bundle_with_its_password(
    exported: Exported,
) -> None:
    person = people.add_person(exported.vault, "Second Client")
    case = cases.add_case(exported.vault, person.id, "general")
    report = documents.import_files(
        exported.vault, [CORPUS / "pdf" / "libreoffice-writer-password.pdf"],
        person_ids=[person.id], password="openpassword",
    )  # fmt: skip
    exhibits.add_exhibit(exported.vault, case.id, report.imported[0].id)
    target = exported.folder / "protected.pdf"
    export_case(exported.vault, case.id, target, at=AT)
    manifest = _manifest(target)
    [entry] = manifest["exhibits"]
    original = (CORPUS / "pdf" / "libreoffice-writer-password.pdf").read_bytes()
    assert entry["sha256"] == hashlib.sha256(original).hexdigest()
    assert _text(target, entry["first_page"], entry["last_page"]).strip()
    assert subprocess.run([_tool("qpdf"), "--check", str(target)], capture_output=True,
                          check=False).returncode == 0  # fmt: skip


def test_an_unwritable_destination_is_explained(exported: Exported) -> None:
    from dossier.errors import DossierError

    with pytest.raises(DossierError, match="does not exist"):
        export_case(exported.vault, exported.case_id, Path("/no/such/folder/out.pdf"), at=AT)


def test_redaction_reaches_the_manifest_and_text_exhibit_headings(exported: Exported) -> None:
    person = people.add_person(exported.vault, "Redaction Client")
    case = cases.add_case(exported.vault, person.id, "general")
    statement = exported.folder / "Samuel Heath interview.txt"
    statement.write_text("What was said in the interview, as the source recorded it.")
    imported = documents.import_files(exported.vault, [statement], person_ids=[person.id])
    exhibits.add_exhibit(exported.vault, case.id, imported.imported[0].id)
    out = exported.folder / "redacted-exhibits.pdf"
    export_case(exported.vault, case.id, out, at=AT, draft=True, redact=["Samuel Heath"])
    manifest = json.dumps(_manifest(out), ensure_ascii=False)
    assert "Samuel Heath" not in manifest and "[Person A] interview.txt" in manifest
    assert "Samuel Heath" not in _text(out, 1, _manifest(out)["bundle_pages"])


def test_a_part_left_by_a_killed_export_is_swept_at_the_next_one(exported: Exported) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    stale = exported.folder / f".evidence-dossier-export-{dead.stdout.strip()}-0123456789ab.part"
    stale.write_bytes(b"%PDF- half of a client's bundle")
    running = exported.folder / f".evidence-dossier-export-{os.getppid()}-ba9876543210.part"
    running.write_bytes(b"%PDF- another export, still being written")
    export_case(exported.vault, exported.case_id, exported.folder / "next.pdf", at=AT)
    assert not stale.exists()
    assert running.exists()  # its process is alive: not ours to touch
    running.unlink()
    assert not list(exported.folder.glob(".*.part"))


def test_a_cancelled_export_leaves_no_part_behind(exported: Exported) -> None:
    target = exported.folder / "cancelled.pdf"
    calls = 0

    def cancel_late() -> bool:
        nonlocal calls
        calls += 1
        return calls > 3

    with pytest.raises(VaultError):
        export_case(exported.vault, exported.case_id, target, at=AT, cancelled=cancel_late)
    assert not target.exists()
    assert not list(exported.folder.glob(".*.part"))


def test_check_says_what_is_missing_until_the_power_of_attorney_is_annexed(
    exported: Exported, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from dossier.cli.main import main

    monkeypatch.setenv("DOSSIER_VAULT", str(exported.folder / "vault"))
    monkeypatch.setenv("DOSSIER_PASSPHRASE", PASSPHRASE)
    case = f"C{exported.case_id}"
    power = next(
        d.ref for d in documents.list_documents(exported.vault)
        if d.original_name == "minimal-document.pdf"
    )  # fmt: skip
    exported.vault.lock()  # the command opens the vault itself
    try:
        assert main(["check", case]) == 0
        assert "Ready to file." in capsys.readouterr().out
        assert main(["exhibit", "remove", case, power]) == 0
        capsys.readouterr()
        assert main(["check", case]) == 1
        out = capsys.readouterr().out
        assert "✗ A power of attorney signed by the applicant: no annex of this kind." in out
        assert main(["check", case, "--json"]) == 1
        report = json.loads(capsys.readouterr().out)
        assert report["ready"] is False
        assert main(["exhibit", "add", case, power, "--position", "7"]) == 0
        assert main(["check", case]) == 0
    finally:
        exported.vault = Vault.unlock(exported.folder / "vault", PASSPHRASE)


def test_a_page_turned_by_rotate_gets_its_stamps_upright(exported: Exported) -> None:
    from reportlab.pdfgen.canvas import Canvas

    source = exported.folder / "turned-scan.pdf"
    canvas = Canvas(str(source), pagesize=(595, 842))
    canvas.drawString(100, 700, "A scan stored sideways")
    canvas.save()
    with pikepdf.open(source, allow_overwriting_input=True) as pdf:
        pdf.pages[0].Rotate = 90
        pdf.save(source)
    person = people.add_person(exported.vault, "Rotated Scan Client")
    case = cases.add_case(exported.vault, person.id, "general")
    report = documents.import_files(exported.vault, [source], person_ids=[person.id])
    exhibits.add_exhibit(exported.vault, case.id, report.imported[0].id)
    out = exported.folder / "turned.pdf"
    export_case(exported.vault, case.id, out, at=AT)
    page = _manifest(out)["exhibits"][0]["first_page"]
    boxes = subprocess.run(
        [_tool("pdftotext"), "-bbox", "-f", str(page), "-l", str(page), str(out), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    word = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">Exhibit<',
                     boxes)  # fmt: skip
    assert word
    # poppler gives word boxes in the page as shown: turned, it is 842 wide and 595 high.
    x_min, y_min, x_max, y_max = (float(v) for v in word.groups())
    assert x_max - x_min > y_max - y_min  # the label reads across, not down
    assert y_max < 60 and 842 / 2 < x_min < x_max < 842  # at the top right, as the reader sees it
    assert re.search(rf"\b{page} ?/ ?{page}\b", _text(out, page, page))


def test_a_split_bundle_has_parts_under_the_limit_paginated_as_one(exported: Exported) -> None:
    out = exported.folder / "split" / "bundle.pdf"
    out.parent.mkdir()
    whole = _manifest(exported.pdf.path)
    result = export_case(exported.vault, exported.case_id, out, at=AT, split_mb=1.5)
    names = [path.name for path in result.files]
    assert len(names) > 1 and names == [f"bundle_Part{i}.pdf" for i in range(1, len(names) + 1)]
    assert sorted(p.name for p in out.parent.iterdir()) == sorted(names)  # no stray part files
    first_manifest = _manifest(result.files[0])
    assert first_manifest["exhibits"] == whole["exhibits"]  # the index covers every part
    listed = first_manifest["parts"]
    assert [p["file"] for p in listed] == names[1:]
    page = 1
    for index, path in enumerate(result.files):
        assert path.stat().st_size <= 1_500_000, path.name
        assert subprocess.run([_tool("qpdf"), "--check", str(path)], capture_output=True,
                              check=False).returncode == 0  # fmt: skip
        with pikepdf.open(path) as pdf:
            count = len(pdf.pages)
        if index:
            assert listed[index - 1]["first_page"] == page
            assert listed[index - 1]["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
        # Pagination runs on across parts: the first page of each part carries its bundle number.
        assert re.search(rf"\b{page} ?/ ?{result.pages}\b", _text(path, 1, 1)), (path, page)
        page += count
    assert page - 1 == result.pages == exported.pdf.pages
    with pikepdf.open(result.files[0]) as pdf:
        remote = [
            annotation.A for p in pdf.pages for annotation in p.obj.get("/Annots", [])
            if "/A" in annotation and annotation.A.S == "/GoToR"
        ]  # fmt: skip
    assert remote and {str(a.F) for a in remote} <= set(names[1:])


def test_an_export_rendered_in_a_separate_process_is_the_same_file(exported: Exported) -> None:
    # The window renders in a child process (pikepdf holds the GIL while saving); the file
    # must not depend on where it was rendered.
    seen: list[tuple[int, int]] = []
    apart = export_case(
        exported.vault, exported.case_id, exported.folder / "apart.pdf", at=AT,
        separate_process=True, progress=lambda done, total: seen.append((done, total)),
    )  # fmt: skip
    assert apart.path.read_bytes() == exported.pdf.path.read_bytes()
    assert apart.pages == exported.pdf.pages and apart.sha256 == exported.pdf.sha256
    assert seen and seen[-1][0] == seen[-1][1]  # progress came back from the child
    word = export_case(
        exported.vault, exported.case_id, exported.folder / "apart.docx", at=AT,
        format="docx", separate_process=True,
    )  # fmt: skip
    assert word.path.stat().st_size > 0
    assert "exported" in [entry.action for entry in exported.vault.custody_log()[-2:]]


def test_the_window_sends_annexes_to_the_export_child_one_at_a_time(
    exported: Exported, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The window read every annex into memory before starting the child (which then held
    # them too): a bundle of scans was held twice. Now each file is read as it is sent.
    from dossier.export import case_export, separate_process

    reads: list[str] = []
    real_send = separate_process._send_payload
    preloaded: list[separate_process.PreloadedOriginals] = []

    def watched_preload(*args: object, **kwargs: object) -> separate_process.PreloadedOriginals:
        loaded = separate_process.preload(*args, **kwargs)  # type: ignore[arg-type]
        preloaded.append(loaded)
        return loaded

    def watched_send(connection, originals, job, source, cancelled):  # type: ignore[no-untyped-def]
        class Watched:
            def file_bytes(self, document):  # type: ignore[no-untyped-def]
                reads.append(document.ref)  # as it is sent: after the child started
                return source.file_bytes(document)

            def page_texts(self, document):  # type: ignore[no-untyped-def]
                return source.page_texts(document)

        real_send(connection, originals, job, Watched(), cancelled)

    monkeypatch.setattr(case_export, "preload", watched_preload)
    monkeypatch.setattr(separate_process, "_send_payload", watched_send)
    apart = export_case(
        exported.vault, exported.case_id, exported.folder / "streamed.pdf", at=AT,
        separate_process=True,
    )  # fmt: skip
    (loaded,) = preloaded
    # The window read no annex before the child started; each was read as it was sent.
    assert loaded.files == {} and len(loaded.unread) == len(reads) >= 2
    assert apart.path.read_bytes() == exported.pdf.path.read_bytes()


def test_a_cancelled_export_in_a_separate_process_leaves_nothing(
    exported: Exported, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The child stops at its first annex until the test has asked it to cancel: the moment
    # is the test's, however fast the machine (a count of polls failed where the export
    # finished in 45 of them).
    from dataclasses import asdict

    from dossier.export import case_export

    gate = Gate(tmp_path)
    real_preload = case_export.preload

    def gated_preload(*args: object, **kwargs: object) -> GatedOriginals:
        loaded = real_preload(*args, **kwargs)  # type: ignore[arg-type]
        return GatedOriginals(**asdict(loaded), gate_folder=str(tmp_path))

    monkeypatch.setattr(case_export, "preload", gated_preload)
    asked_to_stop = False

    def cancel_while_the_child_waits() -> bool:
        nonlocal asked_to_stop
        if asked_to_stop:
            gate.open()  # the parent sent "cancel" after the previous call: let the child on
        asked_to_stop = asked_to_stop or gate.reached
        return asked_to_stop

    target = exported.folder / "cancelled-apart.pdf"
    before = len(exported.vault.custody_log())
    with pytest.raises(VaultError, match="cancelled"):
        export_case(
            exported.vault, exported.case_id, target, at=AT, separate_process=True,
            cancelled=cancel_while_the_child_waits,
        )  # fmt: skip
    assert gate.reached  # it was the child that stopped, not the preloading before it
    assert not target.exists()
    assert not list(exported.folder.glob(".*.part"))
    assert len(exported.vault.custody_log()) == before  # no export recorded


@pytest.mark.skipif(not Path("/proc/self/limits").exists(), reason="reads /proc")
def test_the_export_child_can_leave_no_core_file(
    exported: Exported, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # It holds every annex and parses hostile files: looked at while it waits at the gate.
    from dataclasses import asdict

    from dossier.export import case_export, separate_process

    gate = Gate(tmp_path)
    real_preload = case_export.preload
    monkeypatch.setattr(
        case_export, "preload",
        lambda *a, **k: GatedOriginals(**asdict(real_preload(*a, **k)), gate_folder=str(tmp_path)),
    )  # fmt: skip
    limits: list[str] = []

    def look_then_let_it_finish() -> bool:
        if gate.reached and not limits:
            (child,) = separate_process.running_children()
            limits.append(Path(f"/proc/{child}/limits").read_text())
            gate.open()
        return False

    export_case(
        exported.vault, exported.case_id, tmp_path / "looked-at.pdf", at=AT,
        separate_process=True, cancelled=look_then_let_it_finish,
    )  # fmt: skip
    (core,) = [line.split() for line in limits[0].splitlines() if line.startswith("Max core")]
    assert core[4:6] == ["0", "0"], core


def test_a_problem_found_in_the_separate_process_is_told_in_words(exported: Exported) -> None:
    from dossier.export import separate_process, templates
    from dossier.export.gathering import VaultOriginals, gather

    chosen = templates.for_case(cases.show_case(exported.vault, exported.case_id).kind, None)
    content = gather(exported.vault, exported.case_id, chosen, export_time=AT)
    loaded = separate_process.preload(VaultOriginals(exported.vault), content)
    pdf_annex = next(e for e in content.exhibits if e.document.mime_type == "application/pdf")
    loaded.files[pdf_annex.document.id] = b"%PDF-1.7 not a whole PDF"
    target = exported.folder / "damaged.pdf"
    job = separate_process.RenderJob(content, target, "pdf", "a4")
    with pytest.raises(VaultError) as raised:
        separate_process.render_in_child(loaded, job)
    assert f"{pdf_annex.label} ({pdf_annex.document.title})" in str(raised.value)
    assert "Traceback" not in str(raised.value)
    assert not target.exists() and not list(exported.folder.glob(".*.part"))
    from dossier import i18n

    i18n.use("ru")  # the window's language travels to the child
    try:
        with pytest.raises(VaultError, match="PDF повреждён"):
            separate_process.render_in_child(loaded, job)
    finally:
        i18n.use("en")
