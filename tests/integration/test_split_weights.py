"""A split bundle is cut by each annex's weight: the bytes it will take in the bundle's
files. The weight is found by a quick save that copies the streams as they are, and is
never less than what the bundle's own save writes (a file would then be over the limit and
cut again), for PDFs as reportlab, LibreOffice, pdfLaTeX or a browser write them."""

from __future__ import annotations

import io
from typing import BinaryIO, cast

import pikepdf
import pytest
from reportlab.pdfgen.canvas import Canvas

from dossier.export.pdf.splitting import _Counted, saved_size
from tests.conftest import CORPUS


def _as_the_bundle_saves(pdf: pikepdf.Pdf) -> int:
    counted = _Counted()
    pdf.save(
        cast(BinaryIO, counted),
        compress_streams=True,
        object_stream_mode=pikepdf.ObjectStreamMode.generate,
    )
    return counted.size


def _reportlab_pdf(compressed: bool) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pageCompression=int(compressed))
    for page in range(30):
        for line in range(40):
            canvas.drawString(50, 800 - 18 * line, f"Page {page}, line {line}: Октябрьский суд")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _samples() -> list[tuple[str, bytes]]:
    found = [("reportlab", _reportlab_pdf(True)), ("uncompressed", _reportlab_pdf(False))]
    folder = CORPUS / "pdf"
    if folder.is_dir():
        found += [(path.name, path.read_bytes()) for path in sorted(folder.glob("*.pdf"))
                  if "password" not in path.name]  # fmt: skip
    return found


@pytest.mark.parametrize(("name", "data"), _samples(), ids=[name for name, _ in _samples()])
def test_an_annex_weighs_no_less_than_the_bundle_writes_of_it(name: str, data: bytes) -> None:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        weight = saved_size(pdf)
        written = _as_the_bundle_saves(pdf)
    assert weight >= written, (name, weight, written)
    if name == "reportlab":  # ASCII85 around Flate: counted at what the save leaves of it
        assert weight < written * 1.25, (weight, written)


def test_the_corpus_is_among_the_samples() -> None:
    if not (CORPUS / "pdf").is_dir():
        pytest.skip("../shared/corpus is not present")
    assert len(_samples()) > 4
