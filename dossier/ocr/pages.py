"""A scan's pages read, two at a time: rendered (or decoded) one by one, read by Tesseract.

Needs nothing from the vault: the scan's bytes come in, each page's reading goes out. The
program runs it in a child process of its own (``dossier.ocr.separate_process``).
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Generator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait

from PIL import Image

from dossier.ocr import engine
from dossier.vocabulary import IMAGE_TYPES

Progress = Callable[[int, int], None]

DPI = 300  # Tesseract reads best at 300 dpi; a PDF page is rendered at that


def read_pages(
    data: bytes,
    mime: str,
    password: str | None,
    wanted: list[int],
    languages: str | None,
    progress: Progress | None = None,
) -> dict[int, engine.PageReading]:
    """Each wanted page (1-based) read, in ``languages`` ("rus+eng"), else in the language
    detected on each page: a Russian ruling may come with an English covering letter in the
    same scan."""
    reader = engine.Reader()
    workers = max(1, min(2, os.cpu_count() or 1))
    readings: dict[int, engine.PageReading] = {}
    images = page_images(data, mime, password, wanted)
    try:
        with ThreadPoolExecutor(workers, thread_name_prefix="ocr") as pool:
            running: dict[Future[engine.PageReading], int] = {}
            for number, image in images:  # rendered here, read two at a time in the pool
                running[pool.submit(reader.read, image, languages)] = number
                del image  # the page's picture goes once it is read
                # The next page is rendered when a thread is free, not before: a page
                # waiting its turn held 9 MB more for a scanner's picture decoded in 0.01 s.
                while len(running) >= workers:
                    _collect(running, readings, progress, len(wanted))
            while running:
                _collect(running, readings, progress, len(wanted))
    finally:
        images.close()
        reader.close()
    return readings


def _collect(
    running: dict[Future[engine.PageReading], int],
    readings: dict[int, engine.PageReading],
    progress: Progress | None,
    total: int,
) -> None:
    """Waits for the next page read, whichever thread reads it."""
    done, _waiting = wait(running, return_when=FIRST_COMPLETED)
    for future in done:
        readings[running.pop(future)] = future.result()
        if progress is not None:
            progress(len(readings), total)


def page_images(
    data: bytes, mime: str, password: str | None, wanted: list[int]
) -> Generator[tuple[int, Image.Image], None, None]:
    """The pages to read as images, one at a time (a 50-page scan is never all in memory)."""
    if mime in IMAGE_TYPES:
        from dossier.images import upright

        for number in wanted:
            yield number, upright(data, number)
        return
    import pypdfium2 as pdfium

    from dossier.ocr.scanned_page import page_image

    def rendered(number: int) -> Image.Image:
        page = document[number - 1]
        try:
            return page_image(page, DPI)
        finally:
            page.close()

    document = pdfium.PdfDocument(io.BytesIO(data), password=password)
    try:
        for number in wanted:
            # Not kept in a name here: this generator waits at ``yield`` until the next page
            # is wanted, and would hold the picture (9 MB) all that time.
            yield number, rendered(number)
    finally:
        document.close()
