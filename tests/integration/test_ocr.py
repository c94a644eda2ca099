"""Scanned evidence read by the real Tesseract: searched, quoted, laid under the bundle's page."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path
from typing import Any

import pytest

from dossier.errors import DossierError
from dossier.export.case_export import export_case, parse_time
from dossier.search import Searcher
from dossier.services import cases, documents, exhibits, ocr, quotes
from dossier.services.documents import DocumentView
from storage.vault import Vault
from tests.helpers import imported_scan as _scan
from tests.helpers import one_imported as _import
from tests.integration.pdf_tools import text as pdf_text
from tests.integration.pdf_tools import tool
from tests.scans import TEXTS, character_error_rate, page_image, scanned_pdf


def test_a_scan_waits_to_be_read_and_a_text_pdf_does_not(vault: Vault, tmp_path: Path) -> None:
    scan = _scan(vault, tmp_path, "rus")
    assert scan.ocr_state == "pending" and scan.warnings == []  # the state says it, until read
    with pytest.raises(DossierError, match="no scanned pages"):
        typed = documents.import_files(vault, [_typed_pdf(tmp_path)]).imported[0]
        assert typed.ocr_state is None
        ocr.read_scanned_pages(vault, typed.id)


def _typed_pdf(folder: Path) -> Path:
    from reportlab.pdfgen.canvas import Canvas

    path = folder / "typed.pdf"
    canvas = Canvas(str(path))
    canvas.drawString(72, 720, "A typed letter with its own text.")
    canvas.save()
    return path


def test_a_scanned_russian_page_is_found_by_a_cyrillic_word_and_by_its_latin_spelling(
    vault: Vault, tmp_path: Path
) -> None:
    scan = _scan(vault, tmp_path, "rus")
    assert Searcher(vault).search("ходатайство") == []  # not searchable before it is read
    report = ocr.read_scanned_pages(vault, scan.id)
    assert report.pages == [1] and report.languages == "rus+eng" and report.confidence > 80
    searcher = Searcher(vault)
    for query in ("ходатайство", "hodataistvo", "Tukhvatshin"):
        hits = [(hit.ref, hit.page) for hit in searcher.search(query) if hit.kind == "document"]
        assert (scan.ref, 1) in hits, query
    (page,) = ocr.document_text(vault, scan.id)
    assert page.origin == "ocr" and page.engine and page.engine.startswith("Tesseract 5")
    assert page.languages == "rus+eng" and page.confidence and page.confidence > 80
    assert character_error_rate(TEXTS["rus"], page.text) < 0.02
    assert documents.show_document(vault, scan.id).ocr_state == "done"
    assert vault.custody_log()[-1].action == "text read by OCR"


def test_a_quote_from_a_scan_verifies_with_its_page_and_says_it_was_read_by_ocr(
    vault: Vault, tmp_path: Path
) -> None:
    scan = _scan(vault, tmp_path, "eng", "rus")
    ocr.read_scanned_pages(vault, scan.id)
    # As the lawyer types it from the paper; OCR may have misread a letter or two.
    quote = quotes.add_quote(
        vault, scan.id, "Следователь провёл обыск в редакции и изъял ноутбуки сотрудников."
    )
    assert quote.found_in_document and quote.page == 2 and quote.matched_ocr
    assert quote.warning is not None and "OCR" in quote.warning and "page 2" in quote.warning
    wrong = quotes.add_quote(vault, scan.id, "Суд удовлетворил ходатайство защиты полностью.")
    assert not wrong.found_in_document and not wrong.matched_ocr


def test_a_kyrgyz_page_keeps_its_own_letters(vault: Vault, tmp_path: Path) -> None:
    scan = _scan(vault, tmp_path, "kir")
    documents.update_document(vault, scan.id, language="ky")
    report = ocr.read_scanned_pages(vault, scan.id)
    assert report.languages == "kir+eng"
    (page,) = ocr.document_text(vault, scan.id)
    for letter in "ңөү":
        assert letter in page.text
    assert "өз укуктарын коргоо үчүн" in page.text
    assert character_error_rate(TEXTS["kir"], page.text) < 0.02


def test_kazakh_is_recognised_by_its_letters_when_no_language_is_recorded(
    vault: Vault, tmp_path: Path
) -> None:
    scan = _scan(vault, tmp_path, "kaz")
    report = ocr.read_scanned_pages(vault, scan.id)
    assert report.languages == "kaz+eng"
    (page,) = ocr.document_text(vault, scan.id)
    assert "Әділет министрлігі ұсыныс жасады" in page.text


def test_a_page_turned_a_quarter_is_read_upright_and_shown_upright_in_the_bundle(
    vault: Vault, tmp_path: Path
) -> None:
    scan = _scan(vault, tmp_path, "eng", turn=90)
    report = ocr.read_scanned_pages(vault, scan.id)
    assert report.turned == [1]
    (page,) = ocr.document_text(vault, scan.id)
    assert character_error_rate(TEXTS["eng"], page.text) < 0.02
    bundle = _export(vault, scan, tmp_path)
    last = _pages(bundle)
    info = subprocess.run(
        [tool("pdfinfo"), "-f", str(last), "-l", str(last), str(bundle)],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    size = next(line for line in info.splitlines() if "size:" in line)
    turn = next(line for line in info.splitlines() if "rot:" in line)
    width, height = (float(v) for v in size.split(":")[1].split("pts")[0].split(" x "))
    shown_portrait = (height > width) != (int(turn.split(":")[1]) % 180 == 90)
    assert shown_portrait  # the scan was landscape (turned); the court sees it upright


def test_the_bundle_page_of_a_scan_carries_its_words_where_they_are_seen(
    vault: Vault, tmp_path: Path
) -> None:
    scan = _scan(vault, tmp_path, "rus")
    ocr.read_scanned_pages(vault, scan.id)
    bundle = _export(vault, scan, tmp_path)
    last = _pages(bundle)
    words = pdf_text(bundle, last, last, mode="-raw")
    assert "Октябрьский районный суд города Бишкек" in words
    assert character_error_rate(TEXTS["rus"], _annex_text(words)) < 0.03
    # The first word lies where it is printed: one inch from the left and from the top.
    box = pdf_text(bundle, last, last, mode="-bbox")
    line = next(line for line in box.splitlines() if ">Октябрьский<" in line)
    x_min = float(line.split('xMin="')[1].split('"')[0])
    y_min = float(line.split('yMin="')[1].split('"')[0])
    assert 66 < x_min < 78 and 66 < y_min < 84
    subprocess.run([tool("qpdf"), "--check", str(bundle)], check=True, capture_output=True)


def _annex_text(words: str) -> str:
    lines = [line for line in words.splitlines() if "/" not in line and "Annex" not in line]
    lines = [line for line in lines if "Exhibit" not in line and "DRAFT" not in line]
    return " ".join(lines)


def test_a_photo_of_a_document_is_read_and_its_text_laid_on_the_bundle_page(
    vault: Vault, tmp_path: Path
) -> None:
    photo = page_image(TEXTS["eng"], 200).convert("RGB")
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG", quality=85)
    scan = _import(vault, tmp_path, "charge-sheet.jpg", buffer.getvalue())
    assert scan.ocr_state == "pending"
    ocr.read_scanned_pages(vault, scan.id)
    (page,) = ocr.document_text(vault, scan.id)
    assert character_error_rate(TEXTS["eng"], page.text) < 0.02
    bundle = _export(vault, scan, tmp_path)
    last = _pages(bundle)
    assert "seized the journalists' laptops" in " ".join(pdf_text(bundle, last, last).split())


def test_a_photo_taken_sideways_is_shown_upright_once_read(vault: Vault, tmp_path: Path) -> None:
    from PIL import Image

    photo = page_image(TEXTS["rus"], 200).rotate(270, expand=True).convert("RGB")  # clockwise
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG", quality=85)
    scan = _import(vault, tmp_path, "sideways.jpg", buffer.getvalue())
    before = Image.open(io.BytesIO(documents.preview(vault, scan.id)))
    assert before.width > before.height  # shown as it was shot: sideways
    report = ocr.read_scanned_pages(vault, scan.id)
    assert report.turned == [1]
    shown = Image.open(io.BytesIO(documents.preview(vault, scan.id)))
    assert shown.height > shown.width  # a portrait page again
    assert "ходатайство" in ocr.document_text(vault, scan.id)[0].text


def test_a_scanners_tiff_of_three_pages_is_read_and_bundled_whole(
    vault: Vault, tmp_path: Path
) -> None:
    from PIL import Image

    pages = [
        page_image(TEXTS["kir"], 200),
        page_image(TEXTS["rus"], 200),
        page_image(TEXTS["eng"], 200),
    ]
    pages[1] = pages[1].rotate(90, expand=True, fillcolor=255)
    buffer = io.BytesIO()
    pages[0].save(buffer, "TIFF", save_all=True, append_images=pages[1:], compression="tiff_lzw")
    scan = _import(vault, tmp_path, "scanner.tiff", buffer.getvalue())
    assert scan.page_count == 3 and scan.ocr_state == "pending"
    report = ocr.read_scanned_pages(vault, scan.id)
    assert report.pages == [1, 2, 3] and report.turned == [2]
    read = ocr.document_text(vault, scan.id)
    assert "көңүл" in read[0].text and "ходатайство" in read[1].text
    assert "seized the journalists" in " ".join(read[2].text.split())
    shown = Image.open(io.BytesIO(documents.preview(vault, scan.id, page=2)))
    assert shown.height > shown.width  # the turned page, upright
    bundle = _export(vault, scan, tmp_path)
    last = _pages(bundle)
    words = " ".join(pdf_text(bundle, last - 2, last).split())
    assert "көңүл" in words and "ходатайство" in words and "seized the journalists" in words


def test_cancelling_leaves_the_document_as_it_was_and_stops_the_reading_process(
    vault: Vault, tmp_path: Path
) -> None:
    from dossier.ocr import separate_process

    scan = _scan(vault, tmp_path, "rus", "eng", "kaz")
    before = (ocr.document_text(vault, scan.id), len(vault.custody_log()))
    read: list[int] = []
    reading: set[int] = set()

    def progress(done: int, _total: int) -> None:
        read.append(done)
        reading.update(separate_process.running_children())

    with pytest.raises(DossierError, match="cancelled; the document is as it was"):
        ocr.read_scanned_pages(
            vault, scan.id, progress=progress, cancelled=lambda: bool(read)
        )  # stopped once the first page is read
    assert read and len(reading) == 1  # it had begun, in a process of its own
    assert separate_process.running_children() == set()
    assert not Path(f"/proc/{reading.pop()}").exists()  # stopped, not left reading for no one
    assert (ocr.document_text(vault, scan.id), len(vault.custody_log())) == before
    assert documents.show_document(vault, scan.id).ocr_state == "pending"
    assert Searcher(vault).search("ходатайство") == []


def test_a_language_model_the_engine_cannot_load_is_said_and_recorded_and_nothing_is_lost(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dossier import diagnostics
    from dossier.ocr import engine

    scan = _scan(vault, tmp_path, "rus")
    damaged = tmp_path / "tessdata"
    damaged.mkdir()
    (damaged / "eng.traineddata").symlink_to(engine.tessdata() / "eng.traineddata")
    (damaged / "rus.traineddata").write_bytes(b"\x00" * 4096)  # as a broken install leaves it
    monkeypatch.setenv("DOSSIER_TESSDATA", str(damaged))
    seen = len(diagnostics.entries())
    with pytest.raises(DossierError, match="could not be read; the document is as it was"):
        ocr.read_scanned_pages(vault, scan.id, "rus")
    shown = documents.show_document(vault, scan.id)
    assert shown.ocr_state == "failed" and shown.ocr_problem and "clearer scan" in shown.ocr_problem
    assert "tessdata" not in shown.ocr_problem  # the lawyer's words, not the library's
    assert ocr.document_text(vault, scan.id)[0].origin == "file"
    (entry,) = diagnostics.entries()[seen:]  # its kind and place, told by the reading process
    assert entry.during == "reading a scan (its child)" and entry.kind == "RuntimeError"


def test_a_language_that_is_not_installed_is_refused_in_words(vault: Vault, tmp_path: Path) -> None:
    scan = _scan(vault, tmp_path, "rus")
    with pytest.raises(DossierError, match='knows these languages: eng, kaz, kir, rus; "deu"'):
        ocr.read_scanned_pages(vault, scan.id, "rus+deu")


def test_reading_again_in_another_language_replaces_the_text_read_before(
    vault: Vault, tmp_path: Path
) -> None:
    scan = _scan(vault, tmp_path, "kaz")
    ocr.read_scanned_pages(vault, scan.id, "rus")  # the wrong language: Kazakh letters lost
    assert "ұсыныс" not in ocr.document_text(vault, scan.id)[0].text
    ocr.read_scanned_pages(vault, scan.id, "kaz+eng")
    (page,) = ocr.document_text(vault, scan.id)
    assert "ұсыныс" in page.text and page.languages == "kaz+eng"
    assert [hit.page for hit in Searcher(vault).search("ұсыныс")] == [1]


def _export(vault: Vault, scan: DocumentView, folder: Path) -> Path:
    person_id = int(scan.people[0][1:])
    case = cases.add_case(vault, person_id, "general")
    exhibits.add_exhibit(vault, case.id, scan.id)
    out = folder / "bundle.pdf"
    export_case(vault, case.id, out, draft=True, at=parse_time("2026-11-23T10:00:00Z"))
    return out


def _pages(pdf: Path) -> int:
    import pikepdf

    with pikepdf.open(pdf) as opened:
        return len(opened.pages)


def test_the_words_of_a_tilted_scan_are_placed_where_they_are_on_the_scan() -> None:
    import math

    from dossier.ocr.engine import Reader

    reader = Reader()
    page = page_image(TEXTS["eng"])
    width, height = page.size
    level = reader.read(page, "eng").words[0]
    for tilt in (3.0, -2.0):
        tilted = reader.read(page.rotate(tilt, fillcolor=255), "eng")
        assert abs(tilted.skew + tilt) < 0.3  # measured, and undone for reading
        word = tilted.words[0]
        assert word.text == level.text == "The"
        # Where the scan shows it: the level page's word turned by the tilt about the centre.
        dx = (level.left + level.right) / 2 * width - width / 2
        dy = (level.top + level.bottom) / 2 * height - height / 2
        angle = math.radians(tilt)
        expected_x = width / 2 + dx * math.cos(angle) + dy * math.sin(angle)
        expected_y = height / 2 - dx * math.sin(angle) + dy * math.cos(angle)
        assert abs((word.left + word.right) / 2 * width - expected_x) < 12
        assert abs((word.top + word.bottom) / 2 * height - expected_y) < 12
    reader.close()


def test_finding_a_pages_orientation_lets_the_other_threads_run() -> None:
    """The window's thread must get Python's GIL while a page's orientation is found:
    Tesseract's DetectOrientationScript held it for half a second a page, and the window froze
    that long. Told without timing anything: with Python's own thread switching put off, the
    other thread can run only when the reading thread lets the GIL go, and each time it runs
    it looks at where the reading thread is. It must find it reading a sample of the page."""
    import linecache
    import sys
    import threading
    import time

    from dossier.ocr.engine import Reader

    reader = Reader()
    page = page_image(TEXTS["rus"]).rotate(90, expand=True, fillcolor=255)
    reader.upright(page, "rus+eng")  # the models are loaded once, before looking
    started, finished = threading.Event(), threading.Event()
    seen: list[str] = []

    def find_orientation() -> None:
        started.set()
        reader.upright(page, "rus+eng")
        finished.set()

    switching = sys.getswitchinterval()
    sys.setswitchinterval(100.0)  # no forced switch: only a released GIL lets the other run
    try:
        reading = threading.Thread(target=find_orientation)
        reading.start()
        started.wait()
        while not finished.is_set():
            frame = sys._current_frames().get(reading.ident or 0)
            if frame is not None:
                seen.append(linecache.getline(frame.f_code.co_filename, frame.f_lineno))
            time.sleep(0)  # lets the GIL go, so that the reading thread can go on
        reading.join()
    finally:
        sys.setswitchinterval(switching)
        reader.close()
    assert any("api.Recognize()" in line for line in seen), seen


def test_a_scanners_misreading_under_a_scan_is_left_out_read_again_and_replaced_in_the_bundle(
    vault: Vault, tmp_path: Path
) -> None:
    """A copier's OCR in the wrong language ("npu3Han" for "признал") was trusted: searched,
    quoted, filed, and `dossier ocr` refused to read the page again."""
    from tests.scans import misread, scanned_pdf_with_hidden_text

    data = scanned_pdf_with_hidden_text(page_image(TEXTS["rus"]), misread(TEXTS["rus"]))
    scan = _import(vault, tmp_path, "ruling-copier.pdf", data)
    assert scan.ocr_state == "pending"
    assert any("does not read as words on page(s) 1" in w for w in scan.warnings)
    assert documents.document_pages(vault, scan.id) == [""]
    report = ocr.read_scanned_pages(vault, scan.id)
    assert report.pages == [1] and report.languages == "rus+eng"
    (page,) = ocr.document_text(vault, scan.id)
    assert page.origin == "ocr" and "признал материалы" in page.text
    assert Searcher(vault).search("npu3Han") == []
    assert Searcher(vault).search("признал")
    bundle = _export(vault, scan, tmp_path)
    last = _pages(bundle)
    printed = " ".join(pdf_text(bundle, last, last).split())
    assert "признал материалы" in printed and "npu3Han" not in printed


def test_every_page_of_a_pdf_can_be_read_again_on_the_lawyers_word(
    vault: Vault, tmp_path: Path
) -> None:
    from tests.scans import scanned_pdf_with_hidden_text

    # Its own text passes for words, but the lawyer sees it is poor.
    poor = TEXTS["eng"].replace("Bishkek", "Bishkck").replace("laptops", "lapt0ps")
    data = scanned_pdf_with_hidden_text(page_image(TEXTS["eng"]), poor)
    scan = _import(vault, tmp_path, "statement.pdf", data)
    assert scan.ocr_state is None and "lapt0ps" in documents.document_pages(vault, scan.id)[0]
    with pytest.raises(DossierError, match="ask for every page"):
        ocr.read_scanned_pages(vault, scan.id)
    ocr.read_scanned_pages(vault, scan.id, every_page=True)
    (page,) = ocr.document_text(vault, scan.id)
    assert page.origin == "ocr" and "laptops" in page.text and "lapt0ps" not in page.text
    bundle = _export(vault, scan, tmp_path)
    last = _pages(bundle)
    assert "lapt0ps" not in pdf_text(bundle, last, last)


def test_only_the_hidden_text_goes_also_inside_the_forms_a_page_draws(tmp_path: Path) -> None:
    """OCRmyPDF and some copiers put their reading in a form the page draws; what a page
    shows visibly (a stamp, a number) stays."""
    import pikepdf
    from reportlab.pdfgen.canvas import Canvas

    from dossier.export.pdf.text_layer import drop_hidden_text

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(300, 300))
    canvas.drawString(20, 250, "VISIBLE stamp")
    canvas.beginForm("Reading")
    hidden = canvas.beginText(20, 100)
    hidden.setTextRenderMode(3)
    hidden.textLine("npu3Han MaTepuanbl")
    canvas.drawText(hidden)
    canvas.endForm()
    canvas.doForm("Reading")
    canvas.showPage()
    canvas.save()
    pdf = pikepdf.open(io.BytesIO(buffer.getvalue()))
    drop_hidden_text(pdf, pdf.pages[0])
    out = tmp_path / "page.pdf"
    pdf.save(out)
    printed = pdf_text(out)
    assert "VISIBLE stamp" in printed and "npu3Han" not in printed


def test_pages_are_turned_upright_by_the_models_that_read_them_and_no_other() -> None:
    """Tesseract's orientation model held 39 MB of its own on top of the two readers', for
    the few pages of a scan that do not stand upright: the reading models tell a page's
    orientation themselves. Two threads both read a page turned a quarter, upright."""
    from concurrent.futures import ThreadPoolExecutor

    from dossier.ocr.engine import Reader

    reader = Reader()
    page = page_image(TEXTS["rus"]).rotate(90, expand=True, fillcolor=255)
    try:
        with ThreadPoolExecutor(2) as pool:
            readings = list(pool.map(lambda image: reader.read(image, "rus+eng"), [page, page]))
        models = [api.GetInitLanguagesAsString() for api in reader._all]
    finally:
        reader.close()
    assert sorted(models) == ["rus+eng", "rus+eng"], models
    assert [reading.rotation for reading in readings] == [90, 90]
    assert all(character_error_rate(TEXTS["rus"], r.text) < 0.05 for r in readings)


@pytest.mark.parametrize(
    ("language", "models", "turn"),
    [("kaz", "kaz+eng", 90), ("kaz", "rus+eng", 270), ("eng", None, 180), ("kir", None, 90)],
)
def test_a_worn_copy_turned_over_or_a_quarter_is_found_turned(
    language: str, models: str | None, turn: int
) -> None:
    """A poor 200-dpi copy, tilted and speckled, turned on the copier's glass; read in its
    language's models, in Russian's (a Kazakh letter in a Russian file), or with none given.
    Its tilt, measured on the turned page, is nonsense: the page is turned as it was given."""
    from dossier.ocr.engine import Reader
    from tests.scans import worn

    copy = worn(page_image(TEXTS[language], 200), tilt=2.0)
    reader = Reader()
    try:
        read = reader.read(copy.rotate(turn, expand=True, fillcolor=255), models)
    finally:
        reader.close()
    assert read.rotation == turn
    if models != "rus+eng":  # Kazakh's own letters are misread in Russian's models
        assert character_error_rate(TEXTS[language], read.text) < 0.02


def _turnings_counted(reader: Any) -> list[int]:
    """A 1 noted each time ``reader`` looks at which way a page stands."""
    looked: list[int] = []
    upright = reader.upright

    def counted(image: Any, languages: str) -> Any:
        looked.append(1)
        return upright(image, languages)

    reader.upright = counted
    return looked


def test_an_upright_page_read_with_little_confidence_is_not_turned() -> None:
    """A worn 200-dpi copy of a Kazakh letter read in Russian's models reads at 72–74, under
    the confidence that says a page stands: it is looked at, and found to stand as it is."""
    from dossier.ocr.engine import Reader
    from tests.scans import worn

    reader = Reader()
    looked = _turnings_counted(reader)
    try:
        read = reader.read(worn(page_image(TEXTS["kaz"], 200), tilt=2.0), "rus+eng")
    finally:
        reader.close()
    assert looked == [1] and read.rotation == 0
    assert read.text and read.confidence < 80


@pytest.mark.parametrize("language", ["rus", "kir", "kaz", "eng"])
def test_the_tilt_of_a_page_is_measured_to_a_tenth_of_a_degree(language: str) -> None:
    from dossier.ocr.engine import skew_of

    page = page_image(TEXTS[language])
    for tilt in (-4.3, -2.2, -0.6, 0.4, 1.1, 2.7, 3.9):
        # PIL turns counter-clockwise; the tilt found is what turns the page back.
        assert abs(skew_of(page.rotate(tilt, fillcolor=255)) + tilt) <= 0.1, tilt


def test_a_page_standing_upright_is_read_once_and_a_turned_one_is_turned_first() -> None:
    """Turning every page upright first (Tesseract's layout analysis) took as long as
    reading it: a page whose reading shows it stands upright is not looked at for it; one
    turned a quarter, or over, is, and is read again upright."""
    from dossier.ocr.engine import Reader

    reader = Reader()
    analysed = _turnings_counted(reader)
    page = page_image(TEXTS["kir"])
    try:
        read = reader.read(page, "kir+eng")
        assert analysed == [] and read.rotation == 0
        assert character_error_rate(TEXTS["kir"], read.text) < 0.02
        for turn, rotation in ((90, 90), (180, 180), (270, 270)):
            read = reader.read(page.rotate(turn, expand=True, fillcolor=255), "kir+eng")
            assert read.rotation == rotation, turn
            assert character_error_rate(TEXTS["kir"], read.text) < 0.02, turn
        assert len(analysed) == 3
    finally:
        reader.close()


class _Seen:
    """A Tesseract instance that notes how each picture is given to it."""

    def __init__(self, api: object, given: list[tuple[object, ...]]) -> None:
        self._api, self._given = api, given

    def SetImage(self, image: object) -> None:  # Tesseract's names
        self._given.append(("a picture to decode", image.size))  # type: ignore[attr-defined]
        self._api.SetImage(image)  # type: ignore[attr-defined]

    def SetImageBytes(self, pixels: bytes, wide: int, high: int, size: int, line: int) -> None:
        self._given.append((wide, high, size, len(pixels) == line * high))
        self._api.SetImageBytes(pixels, wide, high, size, line)  # type: ignore[attr-defined]

    def __getattr__(self, name: str) -> object:
        return getattr(self._api, name)


def test_only_the_part_of_a_page_with_ink_is_read_and_its_words_keep_their_place() -> None:
    """Tesseract spends time on blank paper: a letter's few lines are read cut out of the
    page, and each word is still placed where it stands on the whole page; a blank page is
    not given to Tesseract at all."""
    from PIL import Image

    from dossier.ocr.engine import Reader

    written = page_image(TEXTS["kaz"])
    lines = written.crop(written.point(lambda value: 255 if value < 128 else 0).getbbox())
    page = Image.new("L", written.size, 255)
    page.paste(lines, (300, 2400))  # low on the page
    reader = Reader()
    given: list[tuple[object, ...]] = []
    models = reader._api
    reader._api = lambda languages: _Seen(models(languages), given)  # type: ignore[method-assign]
    try:
        read = reader.read(page, "kaz+eng")
        blank = reader.read(Image.new("L", written.size, 255), "kaz+eng")
    finally:
        reader.close()
    assert character_error_rate(TEXTS["kaz"], read.text) < 0.02
    ((wide, high, _size, _whole),) = given  # one picture given for the two pages: the written part
    assert isinstance(wide, int) and isinstance(high, int)
    assert wide * high < page.width * page.height / 4
    assert blank.text == "" and blank.words == []
    assert all(word.left >= 300 / page.width - 0.001 for word in read.words)
    assert all(word.top >= 2400 / page.height - 0.001 for word in read.words)
    assert max(word.right for word in read.words) > (300 + lines.width) / page.width - 0.05


def test_every_picture_reaches_tesseract_as_its_grey_pixels_not_as_a_file() -> None:
    """tesserocr's SetImage writes the picture as a BMP file for Leptonica to decode, with
    a palette and 96 dpi: two reading threads rose 324–330 MB above the program against
    223–227 given the pixels (bench/ocr_accuracy.py measures it). A colour photo, a page of
    unknown language and one turned over: every picture is given as one byte a pixel."""
    from dossier.ocr.engine import Reader

    colour = page_image(TEXTS["eng"]).convert("RGB")
    over = page_image(TEXTS["rus"]).rotate(180)
    reader = Reader()
    given: list[tuple[object, ...]] = []
    models = reader._api
    reader._api = lambda languages: _Seen(models(languages), given)  # type: ignore[method-assign]
    try:
        readings = [reader.read(colour, "eng"), reader.read(over, None)]
    finally:
        reader.close()
    assert [reading.rotation for reading in readings] == [0, 180]
    assert character_error_rate(TEXTS["rus"], readings[1].text) < 0.02
    assert len(given) >= 5  # the photo; the other: its language, read, two samples, read again
    assert all(size == 1 and whole for _wide, _high, size, whole in given), given


def test_a_page_is_rendered_only_when_a_reading_thread_is_free_for_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each page's picture is 9 MB at 300 dpi: one rendered ahead to wait its turn held that
    much more while two were read. Counted as pages are rendered: those not yet read (here,
    in this process: the reading process runs the same ``read_pages``)."""
    from dossier.ocr import engine, pages

    languages = ("rus", "kir", "kaz", "eng", "rus")
    scan = scanned_pdf([page_image(TEXTS[language]) for language in languages])
    unread: set[int] = set()
    counted: list[int] = []
    given = pages.page_images

    def rendered(*args: Any) -> Any:
        for number, image in given(*args):
            unread.add(id(image))
            counted.append(len(unread))
            yield number, image

    read = engine.Reader.read

    def reading(self: engine.Reader, image: Any, languages: str | None) -> Any:
        found = read(self, image, languages)
        unread.discard(id(image))
        return found

    monkeypatch.setattr(pages, "page_images", rendered)
    monkeypatch.setattr(engine.Reader, "read", reading)
    readings = pages.read_pages(scan, "application/pdf", None, [1, 2, 3, 4, 5], "rus+eng")
    assert sorted(readings) == [1, 2, 3, 4, 5]
    assert len(counted) == 5 and max(counted) <= 2, counted
