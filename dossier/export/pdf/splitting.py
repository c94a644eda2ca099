"""Where a bundle is cut into files that each stay under a size (an e-filing system's limit).

Each page is given a weight — its share of the saved size of the PDF it comes from (the
submission, or an annex with its translations), and of the original file attached with it —
and files take pages while their weights fit. The files are then written and weighed for
real: one over the limit has its allowance lowered by what it was over and the cut is made
again (``Allowances``). Before, the cut was found by saving candidate files again and again
(a binary search): splitting a 10,673-page bundle took 7.5 times the unsplit export.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import BinaryIO, cast

import pikepdf

from dossier.errors import DossierError
from dossier.i18n import t

# What each bundle page gains once stamped: two small content streams (measured: 2,170,000
# bytes written for an estimate of 1,930,000 over 1,318 pages when this was 160).
_STAMP_BYTES = 350
# What every file has beside its pages: trailer, catalogue, page labels, the stamps' forms.
_FILE_BYTES = 6_000
# Room kept in each file for what is added after the cut and weighs more than guessed.
_MARGIN = 0.97

TOO_LARGE_SUBMISSION = (
    "The submission itself is larger than {limit} MB on its own, so the bundle cannot be "
    "split into parts that small."
)
TOO_LARGE_PAGE = (
    "Page {page} is larger than {limit} MB on its own, so the bundle cannot be split into "
    "parts that small."
)


class _Counted(io.RawIOBase):
    """A file that only counts what is written to it."""

    def __init__(self) -> None:
        super().__init__()
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self.size += len(data)
        return len(data)


def saved_size(pdf: pikepdf.Pdf) -> int:
    """About the bytes ``pdf`` takes when saved as the bundle's files are: no fewer for any
    PDF tried (tests/integration/test_split_weights.py); a file found heavier is cut again.

    Weighing each annex by a save like the bundle's cost as much as writing the bundle
    (1.6 s for 1,000 annexes: a split export came to 1.35 times the unsplit one), for that
    save decodes every stream wrapped in ASCII85 (as reportlab writes them) and compresses
    again what it held. Here a save copies the streams as they are (0.3 s), and what the
    bundle's save takes off is taken off the count: a fifth of each ASCII85 stream (four
    bytes for five), and two fifths of everything beside the streams, which the bundle's save
    compresses (PDF's dictionaries shrink to a third or less)."""
    counted = _Counted()
    pdf.save(
        cast(BinaryIO, counted),
        compress_streams=False,
        stream_decode_level=pikepdf.StreamDecodeLevel.none,
        object_stream_mode=pikepdf.ObjectStreamMode.generate,
    )
    streams, ascii85 = _stream_bytes(pdf)
    return streams - ascii85 // 5 + max(0, counted.size - streams) * 3 // 5


def _stream_bytes(pdf: pikepdf.Pdf) -> tuple[int, int]:
    """The bytes of the PDF's streams as stored, and of those among them wrapped in ASCII85."""
    total = ascii85 = 0
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Stream):
            continue
        size = len(obj.read_raw_bytes())
        total += size
        filters = obj.get("/Filter")
        first = filters[0] if isinstance(filters, pikepdf.Array) and len(filters) else filters
        if first == pikepdf.Name.ASCII85Decode:
            ascii85 += size
    return total, ascii85


def page_weights(groups: Sequence[tuple[pikepdf.Pdf, int]]) -> list[float]:
    """Each page's weight, in order: ``groups`` are the PDFs the bundle's pages come from,
    each with the bytes attached beside it (its original file, or 0)."""
    weights: list[float] = []
    for pdf, attached in groups:
        count = len(pdf.pages)
        if count == 0:
            continue
        share = saved_size(pdf) / count
        first = len(weights)
        weights += [share + _STAMP_BYTES] * count
        weights[first] += attached  # the original travels in the file that holds its first page
    return weights


@dataclass
class Allowances:
    """What each file may weigh: the limit, less what the first file carries beside its
    pages (the index's bookmarks and the manifest), lowered for a file found too heavy."""

    limit: int
    first_extra: int = 0
    lowered: list[tuple[int, float]] = field(default_factory=list)  # (from file, by)

    def of(self, index: int) -> float:
        base = self.limit * _MARGIN - _FILE_BYTES - (self.first_extra if index == 0 else 0)
        return base * math.prod(by for start, by in self.lowered if start <= index)

    def lower(self, index: int, weighed: int) -> None:
        """File ``index`` weighed ``weighed`` bytes, more than the limit: allow it and the
        files after it less (what made it heavier than its weights said, the next ones
        likely have as well)."""
        self.lowered.append((index, self.limit / weighed * _MARGIN))


def cut(
    weights: Sequence[float], least_first: int, allowances: Allowances
) -> list[tuple[int, int]]:
    """Page ranges [start, end) whose weights fit each file's allowance; the first file
    holds at least ``least_first`` pages (the whole submission: contents and index)."""
    spans: list[tuple[int, int]] = []
    start, total = 0, len(weights)
    while start < total:
        allowed = allowances.of(len(spans))
        end = max(start + 1, least_first if start == 0 else 0)
        if sum(weights[start:end]) > allowed:
            raise too_large(start, allowances.limit)
        load = sum(weights[start:end])
        while end < total and load + weights[end] <= allowed:
            load += weights[end]
            end += 1
        spans.append((start, end))
        start = end
    return spans


def too_large(start: int, limit: int) -> DossierError:
    """The lawyer's sentence for a file that cannot be made small enough: the submission
    (``start`` 0) or the page at ``start`` is over the limit on its own."""
    size = f"{limit / 1_000_000:g}"
    if start == 0:
        return DossierError(t(TOO_LARGE_SUBMISSION, limit=size))
    return DossierError(t(TOO_LARGE_PAGE, page=start + 1, limit=size))
