"""The submission is laid out once per export: what depends on its own length (the annexes'
bundle pages, the contents' page numbers, the cover's fingerprint) is printed after the
layout, and the layout is done again only when a real number needs more room than its
stand-in had."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pikepdf
import pytest

from dossier.export.case_export import export_case, parse_time
from dossier.export.pdf import layout_aside, narrative
from dossier.services import cases, exhibits, people
from dossier.services.documents import import_files
from storage.vault import Vault
from tests.helpers import rulings_pdfs
from tests.integration.pdf_tools import manifest
from tests.integration.pdf_tools import text as pdf_text

AT = parse_time("2025-11-20T10:00:00Z")


@pytest.fixture(autouse=True)
def laid_out_in_turn(monkeypatch: pytest.MonkeyPatch) -> None:
    """The layouts counted here are this process's: a long submission is otherwise laid out
    in a copy of the process (tests/integration/test_layout_aside.py shows it is the same)."""
    monkeypatch.setattr(layout_aside, "possible", lambda content: False)


@pytest.fixture
def many_annexes(vault: Vault, tmp_path: Path) -> int:
    """A case of 60 one-page annexes: its index runs over several pages."""
    sources = tmp_path / "rulings"
    sources.mkdir()
    rulings_pdfs(sources, 60, 1)
    person = people.add_person(vault, "Bolot Temirov", native_name="Болот Темиров")
    case = cases.add_case(vault, person.id, "general", summary="Rulings against the journalist.")
    report = import_files(vault, [sources], person_ids=[person.id], kind="court-decision")
    for document in sorted(report.imported, key=lambda d: d.original_name):
        exhibits.add_exhibit(vault, case.id, document.id)
    return case.id


def _count_layouts(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Each reportlab pass over the submission (a build, or a pass of a multi-pass build)."""
    passes: list[int] = []
    start = narrative._NarrativeDoc._startBuild

    def counted(self: Any, *args: Any, **kwargs: Any) -> Any:
        passes.append(1)
        return start(self, *args, **kwargs)

    monkeypatch.setattr(narrative._NarrativeDoc, "_startBuild", counted)
    return passes


def test_an_export_lays_out_the_submission_once(
    vault: Vault, many_annexes: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    passes = _count_layouts(monkeypatch)
    export_case(vault, many_annexes, tmp_path / "bundle.pdf", at=AT)
    assert len(passes) == 1  # before: a measuring pass, then the filed one


def test_the_index_and_the_contents_print_the_pages_the_bundle_has(
    vault: Vault, many_annexes: int, tmp_path: Path
) -> None:
    result = export_case(vault, many_annexes, tmp_path / "bundle.pdf", at=AT)
    listed = manifest(result.path)["exhibits"]
    narrative_pages = listed[0]["first_page"] - 1
    assert narrative_pages > 2 and listed[-1]["first_page"] > 60
    printed = pdf_text(result.path, 1, narrative_pages)
    # From the index's heading (alone on its line: the contents give it a page) to the next.
    start = re.search(r"^\f?Index of exhibits$", printed, re.MULTILINE)
    end = re.search(r"^\f?Integrity of the annexes$", printed, re.MULTILINE)
    assert start and end
    index = printed[start.end() : end.start()]
    # Each annex's row ends with its bundle page (the rows of a table read line by line).
    pages_column = re.findall(r"^Exhibit\b.*?(\d+)$", index, re.MULTILINE)
    assert [int(page) for page in pages_column] == [e["first_page"] for e in listed]
    # The contents say where each part begins, and it begins there.
    with pikepdf.open(result.path) as pdf:
        outline = {item.title: item for item in pdf.open_outline().root}
        for title in ("Index of exhibits", "Integrity of the annexes"):
            said = re.search(re.escape(title) + r"\s+(\d+)", pdf_text(result.path, 2, 2))
            assert said is not None, title
            page = int(said.group(1))
            assert title in pdf_text(result.path, page, page)
            target = outline[title].destination[0]
            assert pdf.pages.index(pikepdf.Page(target)) + 1 == page
    # The cover's fingerprint is the one the export reports (of the pages as they fell).
    cover = " ".join(pdf_text(result.path, 1, 1).split())
    groups = [result.fingerprint[i : i + 16] for i in range(0, 64, 16)]
    assert " ".join(groups) in cover


def test_a_number_that_needs_more_room_than_its_stand_in_is_laid_out_again(
    vault: Vault, many_annexes: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As a page number that grows a digit can wrap its cell onto a second line: the first
    # annex's pages take three lines once it begins on page 10 or later. The first layout
    # guesses a narrative of one page (it begins on page 2); the narrative has more.
    passes = _count_layouts(monkeypatch)
    real = narrative.paginated
    longer = " (pages numbered again after a longer narrative, to wrap)"

    def growing(content: Any, key: str) -> str:
        text = real(content, key)
        grown = key == "annex-pages:0" and content.exhibits[0].first_page >= 10
        return text + longer if grown else text

    monkeypatch.setattr(narrative, "paginated", growing)
    monkeypatch.setattr("dossier.export.submission.paginated", growing)
    result = export_case(vault, many_annexes, tmp_path / "bundle.pdf", at=AT)
    assert len(passes) == 2
    listed = manifest(result.path)["exhibits"]
    printed = pdf_text(result.path, 1, listed[0]["first_page"] - 1)
    # The first annex's row holds all its words: none drawn over the next row.
    first_row = printed[printed.index("\nExhibit 1 ") : printed.index("\nExhibit 2 ")]
    assert re.search(rf"\b{listed[0]['first_page']} \(pages$", first_row.splitlines()[1])
    assert all(word in first_row.split() for word in longer.split())


def test_a_word_export_learns_its_page_numbers_from_one_layout_that_draws_no_table(
    vault: Vault, many_annexes: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The Word submission cites the pages of the PDF bundle filed with it: it needs where
    # the PDF's pages fall, not the PDF. (Before: two layouts, the last drawing every table.)
    passes = _count_layouts(monkeypatch)
    made: list[type] = []
    table = narrative._table

    def recorded(*args: Any) -> Any:
        laid = table(*args)
        made.append(type(laid))
        return laid

    monkeypatch.setattr(narrative, "_table", recorded)
    result = export_case(vault, many_annexes, tmp_path / "submission.docx", format="docx", at=AT)
    assert result.path.is_file()
    assert len(passes) == 1
    assert made and set(made) == {narrative._UndrawnTable}


def test_a_contents_number_after_a_title_that_fills_its_line_is_set_smaller_beside_it(
    vault: Vault, many_annexes: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A title ending a few points short of the margin leaves no room for its page number: set
    # smaller, it stands after the title (laying out again would leave the same room).
    import subprocess

    from reportlab.pdfbase.pdfmetrics import stringWidth

    from dossier.export import submission, templates
    from dossier.export.gathering import gather
    from dossier.export.pdf.bundle import PAPER, paginate
    from dossier.export.pdf.fonts import SERIF_NAME, register
    from tests.integration.pdf_tools import tool

    register()

    content = gather(vault, many_annexes, templates.for_case("general"), export_time=AT)
    paginate(content, 10)  # its length as laid out: the stand-ins are the real numbers
    built = submission.build(content)
    size = content.template.font_size
    room = PAPER["a4"][0] - 2 * narrative._MARGIN - 12  # the frame's own padding
    title = "Hearing"  # the longest title the contents sets on one line
    while stringWidth(title + " ll", SERIF_NAME, size) < room:
        title += " ll"
    assert room - stringWidth(title, SERIF_NAME, size) < stringWidth("10", SERIF_NAME, size)
    built.blocks.append(submission.Heading(title))
    laid = narrative.build(built, PAPER["a4"], lambda pages: paginate(content, pages))
    assert laid.fits
    path = tmp_path / "narrative.pdf"
    path.write_bytes(laid.body)
    boxes = subprocess.run(
        [tool("pdftotext"), "-bbox", "-f", "2", "-l", "2", str(path), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    words = [  # (left, foot, right, text): a word set smaller shares the line's foot
        (float(x0), float(y1), float(x1), text)
        for x0, x1, y1, text in re.findall(
            r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
            boxes,
        )
    ]
    line = [w for w in words if w[3] in ("Hearing", "ll") or w[3].isdigit()]
    top = next(y for _x0, y, _x1, text in line if text == "Hearing")
    on_line = sorted((w for w in line if abs(w[1] - top) < 3), key=lambda w: w[0])
    assert [w[3] for w in on_line[:-1]] == title.split()  # the title on one line, then…
    number = on_line[-1]
    assert number[3] == str(laid.headings[-1].page)  # …its page, after its last word
    assert number[0] >= on_line[-2][2] - 0.5
    assert number[2] <= PAPER["a4"][0] - narrative._MARGIN
