"""Bundles of many annexes: every part under the size asked for, pages that take their size
and fonts from the page tree, an annex cut between two parts still found by its bookmarks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest

from dossier import refs
from dossier.errors import DossierError
from dossier.export.case_export import export_case, parse_time
from dossier.export.pdf import stamps
from dossier.export.pdf.stamps import CHARACTERS
from dossier.services import cases, exhibits, people, translations
from dossier.services.documents import import_files
from storage.vault import Vault
from tests.helpers import rulings_pdfs
from tests.integration.pdf_tools import manifest
from tests.integration.pdf_tools import text as pdf_text

AT = parse_time("2025-11-20T10:00:00Z")


def _case_of(vault: Vault, folder: Path) -> int:
    person = people.add_person(vault, "Bolot Temirov", native_name="Болот Темиров")
    case = cases.add_case(vault, person.id, "general", summary="Rulings against the journalist.")
    report = import_files(vault, [folder], person_ids=[person.id], kind="court-decision")
    for document in sorted(report.imported, key=lambda d: d.original_name):
        exhibits.add_exhibit(vault, case.id, document.id)
    return case.id


def test_every_part_of_a_bundle_of_many_annexes_is_under_the_limit(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The first part carries the bookmarks and manifests of every annex: with 120 annexes
    # they came to more than the room kept for them, and part 1 went over the limit.
    sources = tmp_path / "rulings"
    sources.mkdir()
    rulings_pdfs(sources, 120, 1)
    case_id = _case_of(vault, sources)
    (tmp_path / "out").mkdir()
    limit = 250_000
    drawn: list[object] = []
    monkeypatch.setattr(stamps.StampForms, "_make", _counted(stamps.StampForms._make, drawn))
    result = export_case(
        vault, case_id, tmp_path / "out" / "bundle.pdf", at=AT, split_mb=limit / 1_000_000
    )
    assert len(result.files) > 1
    # The stamps' pieces are drawn once for the export (they were drawn again for each
    # part), and each part holds only the pieces its pages show: the page numbers' eleven
    # characters and the labels of its own annexes.
    assert len(drawn) == 1
    listed = manifest(result.files[0])
    first = 1
    for path in result.files:
        with pikepdf.open(path) as pdf:
            pieces = {
                form.objgen
                for page in pdf.pages
                for name, form in page.Resources.get("/XObject", {}).items()
                if name.startswith("/EDs")
            }
            last = first + len(pdf.pages) - 1
        labels = [
            e for e in listed["exhibits"] if e["first_page"] <= last and e["last_page"] >= first
        ]
        assert len(pieces) <= len(CHARACTERS) + len(labels), path.name
        first = last + 1
    sizes = {path.name: path.stat().st_size for path in result.files}
    assert max(sizes.values()) <= limit, sizes
    assert len(listed["exhibits"]) == 120
    assert [part["file"] for part in listed["parts"]] == [p.name for p in result.files[1:]]
    pages = 0
    for path in result.files:
        with pikepdf.open(path) as pdf:
            pages += len(pdf.pages)
    assert pages == result.pages


def _counted(method: Callable[..., None], calls: list[object]) -> Callable[..., None]:
    def counting(*args: object, **kwargs: object) -> None:
        calls.append(args)
        method(*args, **kwargs)

    return counting


def _inheriting_pdf(path: Path) -> None:
    """A PDF whose pages take their size and their font from the /Pages node above them,
    as some scanners and older producers write them (written by hand: qpdf writes the
    inherited values onto each page when it saves)."""
    text = [b"BT /F1 12 Tf 20 100 Td (Inherited page %d) Tj ET" % n for n in (1, 2)]
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 /MediaBox [0 0 300 200]"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Type /Page /Parent 2 0 R /Contents 6 0 R >>",
        b"<< /Type /Page /Parent 2 0 R /Contents 7 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        *(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(t), t) for t in text),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(bytes(out))


def test_a_page_that_inherits_its_size_and_fonts_keeps_them_in_the_bundle(
    vault: Vault, tmp_path: Path
) -> None:
    sources = tmp_path / "inherits"
    sources.mkdir()
    _inheriting_pdf(sources / "scanner.pdf")
    case_id = _case_of(vault, sources)
    result = export_case(vault, case_id, tmp_path / "bundle.pdf", at=AT)
    last = result.pages
    with pikepdf.open(result.path) as pdf:
        annex = pdf.pages[last - 1]
        assert [float(v) for v in annex.mediabox] == [0, 0, 300, 200]
        assert "/Font" in annex.obj.Resources
    assert "Inherited page 2" in pdf_text(result.path, last, last)


def test_an_annex_cut_between_two_parts_has_its_bookmarks_in_both(
    vault: Vault, tmp_path: Path
) -> None:
    sources = tmp_path / "long"
    sources.mkdir()
    rulings_pdfs(sources, 1, 60)
    case_id = _case_of(vault, sources)
    document_id = refs.parse(exhibits.list_exhibits(vault, case_id)[0].document_ref, "D")
    translations.add_translation(
        vault, document_id, language="en", text="The court ruled. " * 400,
        translator="Anna Translator", translator_address="2 Fleet Street, London",
        translator_phone="+44 20 7946 0000", qualifications="DipTrans IoLET",
        date="19 November 2025",
    )  # fmt: skip
    (tmp_path / "out").mkdir()
    result = export_case(vault, case_id, tmp_path / "out" / "bundle.pdf", at=AT, split_mb=0.15)
    assert len(result.files) > 1
    with pikepdf.open(result.files[-1]) as pdf, pdf.open_outline() as outline:
        (annexes,) = outline.root  # "Exhibits": the part holds no heading of the submission
        (annex,) = annexes.children
        # The part holding the translation lists the annex, and the translation under it.
        assert annex.title.startswith("Exhibit 1")
        assert [child.title for child in annex.children] == ["Exhibit 1: translation into English"]


@pytest.fixture(autouse=True)
def _english() -> None:
    from dossier import i18n

    i18n.use("en")


def test_parts_smaller_than_the_submission_are_refused_in_words_and_nothing_is_written(
    vault: Vault, tmp_path: Path
) -> None:
    sources = tmp_path / "one"
    sources.mkdir()
    rulings_pdfs(sources, 1, 2)
    case_id = _case_of(vault, sources)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(DossierError, match=r"The submission itself is larger than 0\.01 MB"):
        export_case(vault, case_id, out / "bundle.pdf", at=AT, split_mb=0.01)
    assert list(out.iterdir()) == []
