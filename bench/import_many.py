"""Import many generated PDFs (1–20 pages): documents/s and peak RSS.

The reference is PDFium text extraction alone over the same files in the same run: if our
import is close to it, import is bounded by extraction, not by the store.
Usage: python bench/import_many.py [number of PDFs, default 1000] [texts the vault's index
already holds, default 0: e.g. 10000 or 100000, to see the per-document cost stay flat]
[ru: the PDFs' words in Russian, in an embedded font; default: in English]
"""

from __future__ import annotations

import os
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pypdfium2 as pdfium
from in_turns import listed
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from dossier import search
from dossier.services.documents import import_files
from storage.keys import KdfParams
from storage.vault import Vault

ROUNDS = 3
# A Russian batch (third argument "ru"): the same rulings' words, set in an embedded font.
RUSSIAN_WORDS = [
    "суд",
    "решение",
    "экстремистский",
    "журналист",
    "Клооп",
    "Бишкек",
    "прокурор",
    "апелляция",
    "заседание",
    "свидетель",
    "обыск",
    "задержан",
    "обвинение",
    "беспорядки",
    "Интерпол",
    "уведомление",
    "запрос",
    "отклонён",
    "заявление",
    "организация",
    "права",
]
WORDS = [
    "court",
    "ruling",
    "extremist",
    "journalist",
    "Kloop",
    "Bishkek",
    "prosecutor",
    "appeal",
    "hearing",
    "witness",
    "search",
    "detained",
    "charges",
    "unrest",
    "Interpol",
    "notice",
    "request",
    "rejected",
    "statement",
    "organisation",
    "rights",
]


def make_pdfs(
    folder: Path, count: int, font: str | None = None, words_from: list[str] = WORDS
) -> int:
    """``count`` PDFs of 1–20 pages of words; ``font``: a registered TrueType font to embed
    (default: Helvetica, which a PDF leaves to the reader, as many real ones do)."""
    rng = random.Random(7)
    pages_total = 0
    for index in range(count):
        pdf = canvas.Canvas(str(folder / f"doc-{index:05d}.pdf"), pagesize=A4, initialFontName=font)
        pages = rng.randint(1, 20)
        pages_total += pages
        for page in range(pages):
            for line in range(40):
                words = " ".join(rng.choice(words_from) for _ in range(12))
                pdf.drawString(56, 800 - line * 18, f"{index}-{page}-{line} {words}")
            pdf.showPage()
        pdf.save()
    return pages_total


def extraction_only(files: list[Path]) -> float:
    start = time.perf_counter()
    for path in files:
        document = pdfium.PdfDocument(str(path))
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            textpage.get_text_bounded()
            textpage.close()
            page.close()
        document.close()
    return time.perf_counter() - start


def fill_index(vault: Vault, texts: int) -> None:
    """An index as large as a vault holding ``texts`` pages of other documents."""
    rng = random.Random(3)
    for start in range(0, texts, 5_000):
        with vault.transaction() as session:
            for number in range(start, min(texts, start + 5_000)):
                body = " ".join(rng.choice(WORDS) for _ in range(300))
                search.index_text(session, "document", 1_000_000 + number, 1, body)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    held = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    russian = len(sys.argv) > 3 and sys.argv[3] == "ru"
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as scratch:
        folder = Path(scratch) / "pdfs"
        folder.mkdir()
        started = time.perf_counter()
        if russian:
            from dossier.export.pdf.fonts import SERIF_NAME, register

            register()
            pages = make_pdfs(folder, count, SERIF_NAME, RUSSIAN_WORDS)
        else:
            pages = make_pdfs(folder, count)
        print(f"generated {count} PDFs, {pages} pages in {time.perf_counter() - started:.1f} s")
        files = sorted(folder.iterdir())
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        template = Path(scratch) / "vault-held"
        with Vault.create(template, "bench", kdf=KdfParams.floor()) as vault:
            fill_index(vault, held)
        # Extraction and the import in turns, three times (each import into a copy of the
        # same vault): this machine's speed drifts by a fifth within a minute (two shared
        # cores), so one run of each compares moments rather than programs. The median of
        # the three ratios is the figure.
        references, ours, ratios = [], [], []
        for round_ in range(ROUNDS):
            references.append(extraction_only(files))
            copy = Path(scratch) / f"vault-{round_}"
            shutil.copytree(template, copy)
            with Vault.unlock(copy, "bench") as vault:
                start = time.perf_counter()
                report = import_files(vault, [folder], kind="court-decision")
                ours.append(time.perf_counter() - start)
            assert len(report.imported) == count, report.skipped[:3]
            shutil.rmtree(copy)
            ratios.append(references[-1] / ours[-1])
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"vault's index held:    {held} texts before the import")
        rates = listed((count / seconds for seconds in references), ".1f")
        print(f"text extraction only:  {rates} documents/s")
        rates = listed((count / seconds for seconds in ours), ".1f")
        median_run = pages / statistics.median(ours)
        print(f"dossier import:        {rates} documents/s ({median_run:.0f} pages/s, median run)")
        print(
            f"import against extraction, in turn: {listed(ratios)}; "
            f"median {statistics.median(ratios):.2f} (target >= 1.0)"
        )
        print(f"peak RSS:              {rss:8.1f} MB (before import {rss_before:.1f} MB)")


if __name__ == "__main__":
    main()
