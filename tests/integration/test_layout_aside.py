"""A long submission is laid out in a copy of the process while the annexes are prepared
(dossier.export.pdf.layout_aside), and the bundle is the very file the layout in turn
makes: with the annexes' pages guessed right, guessed wrong, or the copy dying on the way.

Each export runs in a fresh interpreter: a copy is made only from a process with a single
thread, which the test process (Qt's threads among others) may not be."""

from __future__ import annotations

import hashlib
import json
import os
import select
import subprocess
import sys
from pathlib import Path

import pytest

from dossier.services import cases, exhibits, people
from dossier.services.documents import import_files
from storage.vault import Vault
from tests.conftest import PASSPHRASE
from tests.helpers import rulings_pdfs
from tests.integration.pdf_tools import manifest
from tests.integration.pdf_tools import text as pdf_text

CHILD = r"""
import json, os, sys, threading
from pathlib import Path
from reportlab.platypus.doctemplate import LayoutError
from dossier.errors import DossierError
from dossier.export.case_export import export_case, parse_time
from dossier.export.pdf import bundle, layout_aside
from dossier.services import cases
from storage.vault import Vault

folder, out, mode, passphrase = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4]
copies, in_turn = [], []
real_start, real_lay_out = layout_aside.start, bundle._lay_out

def start(*args):
    aside = real_start(*args)
    copies.append(aside.pid)
    return aside

def lay_out(*args, **kwargs):
    in_turn.append(1)
    return real_lay_out(*args, **kwargs)

layout_aside.start, bundle._lay_out = start, lay_out
# When the copy is told the annexes' pages, and when the stamps are drawn here.
order = []
real_counts, real_stamps = layout_aside.counts, bundle.stamp_forms
def noted_counts(content):
    order.append("told")
    return real_counts(content)
def noted_stamps(*args):
    order.append("stamps")
    return real_stamps(*args)
layout_aside.counts, bundle.stamp_forms = noted_counts, noted_stamps
real_copied, real_laid = bundle._annexes_copied, bundle._laid_aside
def noted_copied(*args):
    order.append("annexes copied")
    return real_copied(*args)
def noted_laid(*args):
    order.append("laid")
    return real_laid(*args)
bundle._annexes_copied, bundle._laid_aside = noted_copied, noted_laid
# Every reportlab pass over the submission, in this process or its copy, noted in a file.
from dossier.export.pdf import narrative
passes = str(out) + ".passes"
real_build = narrative._NarrativeDoc._startBuild
def counted_build(self, *args, **kwargs):
    with open(passes, "ab") as noted:
        noted.write(b".")
    return real_build(self, *args, **kwargs)
narrative._NarrativeDoc._startBuild = counted_build
if mode == "in-turn":
    layout_aside.possible = lambda content: False
elif mode == "guessed-wrong":
    def one_page(exhibit):
        exhibit.original_pages = exhibit.page_count = 1
        exhibit.translation_offsets = []
    layout_aside._guess = one_page
elif mode == "copy-dies":
    layout_aside._lay_out_here = lambda *args: os._exit(3)
elif mode == "parent-dies":
    import signal, time
    def lays_out_for_ever(*args):
        time.sleep(300)
    layout_aside._lay_out_here = lays_out_for_ever
    def noted(*args):
        aside = start(*args)
        Path(str(out) + ".copy").write_text(str(aside.pid))
        os.kill(os.getpid(), signal.SIGKILL)  # the window may kill an export's child outright
    layout_aside.start = noted
elif mode == "cannot-be-laid-out":
    def fails(*args, **kwargs):
        raise LayoutError("Flowable <Table@0x0 1000 rows> too large on page 5")
    bundle.lay_out_narrative = fails
single = threading.active_count() == 1
said = ""
with Vault.unlock(folder, passphrase) as vault:
    try:
        case_id = cases.list_cases(vault)[0].id
        export_case(vault, case_id, out, at=parse_time("2025-11-20T10:00:00Z"))
    except DossierError as error:
        said = str(error)
children = Path(f"/proc/self/task/{os.getpid()}/children").read_text().split()
layouts = len(Path(passes).read_bytes()) if Path(passes).exists() else 0
print(json.dumps({"single": single, "copies": len(copies), "in_turn": len(in_turn),
                  "said": said, "children": children, "layouts": layouts, "order": order}))
"""


@pytest.fixture(scope="module")
def long_case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A vault holding a case of 60 annexes, 40 of one page and 20 of twelve (so that the
    bundle pages of the later ones run to three digits)."""
    from storage.keys import KdfParams

    folder = tmp_path_factory.mktemp("aside")
    with Vault.create(folder / "vault", PASSPHRASE, kdf=KdfParams.floor()) as vault:
        person = people.add_person(vault, "Bolot Temirov", native_name="Болот Темиров")
        case = cases.add_case(vault, person.id, "general", summary="Rulings against him.")
        for name, count, pages in (("short", 40, 1), ("long", 20, 12)):
            (folder / name).mkdir()
            rulings_pdfs(folder / name, count, pages)
            report = import_files(vault, [folder / name], person_ids=[person.id])
            for document in sorted(report.imported, key=lambda d: d.original_name):
                exhibits.add_exhibit(vault, case.id, document.id)
    return folder


def _export(folder: Path, mode: str) -> tuple[dict[str, object], Path]:
    out = folder / f"{mode}.pdf"
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder / "vault"), str(out), mode, PASSPHRASE],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    report: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["single"] and report["children"] == []  # no copy is left behind
    return report, out


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_long_submission_laid_out_aside_is_the_file_laid_out_in_turn(long_case: Path) -> None:
    aside, aside_pdf = _export(long_case, "aside")
    in_turn, in_turn_pdf = _export(long_case, "in-turn")
    assert (aside["copies"], aside["in_turn"]) == (1, 0)  # the copy laid it out, once
    assert aside["layouts"] == 1
    assert (in_turn["copies"], in_turn["in_turn"], in_turn["layouts"]) == (0, 1, 1)
    assert _digest(aside_pdf) == _digest(in_turn_pdf)
    # The index lists each annex at the pages the bundle gives it.
    annexes = manifest(aside_pdf)["exhibits"]
    last = annexes[-1]
    index = pdf_text(aside_pdf, 1, 12)
    assert f"{last['first_page']}–{last['last_page']}" in index
    assert last["last_page"] > 100


def test_while_the_copy_prints_the_stamps_are_drawn_and_the_annexes_copied(
    long_case: Path,
) -> None:
    """The copy lays the submission out, then waits for the annexes' real pages before it
    prints: it is told them first (told after the stamps were drawn, it waited meanwhile),
    and the stamps are drawn and the annexes' pages copied into the bundle's file before
    the export waits for what it printed (they were copied after)."""
    report, _ = _export(long_case, "aside")
    assert report["order"] == ["told", "stamps", "annexes copied", "laid"]


def test_annex_pages_guessed_wrong_are_still_printed_right(long_case: Path) -> None:
    # Every annex guessed at one page: the stand-ins are narrower than the real numbers.
    wrong, wrong_pdf = _export(long_case, "guessed-wrong")
    _, in_turn_pdf = _export(long_case, "in-turn")
    assert (wrong["copies"], wrong["in_turn"]) == (1, 0)
    assert _digest(wrong_pdf) == _digest(in_turn_pdf)


def test_a_copy_that_dies_leaves_the_layout_to_the_export(long_case: Path) -> None:
    died, died_pdf = _export(long_case, "copy-dies")
    _, in_turn_pdf = _export(long_case, "in-turn")
    assert (died["copies"], died["in_turn"]) == (1, 1) and died["said"] == ""
    assert _digest(died_pdf) == _digest(in_turn_pdf)


def test_a_submission_the_copy_cannot_lay_out_is_explained_in_words(long_case: Path) -> None:
    report, out = _export(long_case, "cannot-be-laid-out")
    assert report["copies"] == 1
    assert str(report["said"]).startswith("The submission cannot be laid out")
    assert "Flowable" not in str(report["said"]) and not out.exists()


def test_a_copy_whose_parent_is_killed_ends_too(long_case: Path) -> None:
    out = long_case / "parent-dies.pdf"
    # Its output to nowhere: a copy left running would hold a pipe open, and the run wait.
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(long_case / "vault"), str(out), "parent-dies",
         PASSPHRASE], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300,
        check=False,
    )  # fmt: skip
    assert done.returncode == -9  # killed, as asked
    copy = int(Path(str(out) + ".copy").read_text())
    # The copy would lay out for five minutes; it is killed with its parent. Its end is
    # waited for as an event (a pidfd is readable once the process has ended), not polled;
    # the minute is only a limit for the test, never reached when it passes.
    assert _ended_within(copy, 60)


def _ended_within(pid: int, seconds: float) -> bool:
    try:
        handle = os.pidfd_open(pid)
    except ProcessLookupError:
        return True  # gone already
    try:
        readable, _, _ = select.select([handle], [], [], seconds)
        return bool(readable)
    finally:
        os.close(handle)
