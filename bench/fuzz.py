"""Fuzzing the import and export with mutated real files and hostile ones.

Every supported format is taken from real files (../shared/corpus, plus a DOCX, an e-mail,
a web page, a PNG and a TIFF made here), then mutated — bit flips, truncation, a spliced
header of another format, a repeated block — and joined by hostile files made for the job: a
zip bomb and an entity bomb in Word, a 30,000 × 30,000 image, a 10,000-page PDF and a deeply
nested one. Each case is imported into a real vault and, when it imports, exported in a bundle.

Counted: cases run, tracebacks (any exception that is not the app's own sentence), failures
the import caught but did not expect (logged as "unreadable"), hangs (a case over 20 s: its
worker is killed), and the workers' peak RSS. Targets: 0 tracebacks, 0 hangs, RSS < 1 GB.

Usage: python bench/fuzz.py [--cases N] [--seed S] [--workers W] [--json]
"""

from __future__ import annotations

import argparse
import faulthandler
import io
import json
import multiprocessing as mp
import os
import random
import resource
import sys
import tempfile
import time
import traceback
import zipfile
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the tests' hostile PDF and its checker, shared with them
CORPUS = Path(os.environ.get("DOSSIER_CORPUS", ROOT.parent / "shared" / "corpus"))
from tests.helpers import hostile_pdf  # noqa: E402

HANG_SECONDS = 20.0
# A worker may use at most this much address space: a bomb fails inside it, not the machine.
WORKER_MEMORY_LIMIT = 3 * 1024**3


# ------------------------------------------------------------------------- seed files
def _docx(text: str) -> bytes:
    from docx import Document

    document = Document()
    document.add_heading("Протокол обыска", 1)
    document.add_paragraph(text)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Kloop"
    table.cell(1, 1).text = "ң ө ү ә ғ қ ұ һ і"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _image(kind: str) -> bytes:
    from PIL import Image

    image = Image.new("RGB", (320, 200), (200, 180, 120))
    buffer = io.BytesIO()
    image.save(buffer, kind)
    return buffer.getvalue()


def seeds() -> dict[str, bytes]:
    """Name → bytes of one real file per format (corpus files when present)."""
    found: dict[str, bytes] = {}
    if CORPUS.is_dir():
        for path in sorted(CORPUS.rglob("*")):
            wanted = path.suffix.lower() in (".txt", ".pdf", ".jpg", ".heic")
            if (
                path.is_file()
                and wanted
                and not {"password", "corrupted"} & set(path.stem.split("-"))
            ):
                found[path.name] = path.read_bytes()
    text = "Суд в Бишкеке признал Kloop «экстремистским». " * 40
    found["made.docx"] = _docx(text)
    found["made.png"] = _image("PNG")
    found["made.tiff"] = _image("TIFF")
    found["made.html"] = (
        "<!doctype html><html><head><title>Kloop</title></head><body><article><h1>Суд</h1>"
        f"<p>{text}</p></article></body></html>"
    ).encode()
    found["made.eml"] = (
        "From: editor@example.org\nTo: lawyer@example.org\nSubject: =?utf-8?b?0KHRg9C0?=\n"
        f"Date: Thu, 30 Oct 2025 10:00:00 +0000\nMIME-Version: 1.0\n\n{text}\n"
    ).encode()
    found["made.txt"] = text.encode()
    with tempfile.TemporaryDirectory() as scratch:  # a PDF made to act when opened
        found["made-actions.pdf"] = hostile_pdf(Path(scratch) / "actions.pdf").read_bytes()
    return found


# ----------------------------------------------------------------------- hostile files
def _zip_bomb_docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        seed = zipfile.ZipFile(io.BytesIO(_docx("x")))
        for item in seed.infolist():
            if item.filename != "word/document.xml":
                archive.writestr(item, seed.read(item))
        with archive.open("word/document.xml", "w", force_zip64=True) as sink:
            block = b"<w:t>" + b"A" * (1024 * 1024 - 10) + b"</w:t>"
            for _ in range(1200):  # 1.2 GB unpacked, ~1 MB packed
                sink.write(block)
    return buffer.getvalue()


def _entity_bomb_docx() -> bytes:
    lol = '<!ENTITY a "lollollollollollollollollollol">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)
    )
    body = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [{lol}]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>"
    )
    buffer = io.BytesIO()
    seed = zipfile.ZipFile(io.BytesIO(_docx("x")))
    with zipfile.ZipFile(buffer, "w") as archive:
        for item in seed.infolist():
            data = body.encode() if item.filename == "word/document.xml" else seed.read(item)
            archive.writestr(item.filename, data)
    return buffer.getvalue()


def _huge_png() -> bytes:
    import struct
    import zlib

    width = height = 30000

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    compressor = zlib.compressobj(9)
    row = b"\x00" + b"\x00" * width
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


def _many_pages_pdf(pages: int = 10_000) -> bytes:
    import pikepdf

    pdf = pikepdf.new()
    for _ in range(pages):
        pdf.add_blank_page(page_size=(595, 842))
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


def _nested_pdf(depth: int = 5000) -> bytes:
    return (
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
        "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        f"/Foo {'[' * depth}{']' * depth} >> endobj\ntrailer << /Root 1 0 R /Size 4 >>\n%%EOF\n"
    ).encode()


HOSTILE = {
    "zip-bomb.docx": _zip_bomb_docx,
    "entity-bomb.docx": _entity_bomb_docx,
    "30000x30000.png": _huge_png,
    "10000-pages.pdf": _many_pages_pdf,
    "nested.pdf": _nested_pdf,
}


# --------------------------------------------------------------------------- mutations
def mutate(data: bytes, others: list[bytes], rng: random.Random) -> tuple[str, bytes]:
    kind = rng.choice(["flip", "flip", "truncate", "splice", "repeat"])
    buffer = bytearray(data)
    if kind == "flip" and buffer:
        for _ in range(rng.randint(1, 40)):
            buffer[rng.randrange(len(buffer))] ^= 1 << rng.randrange(8)
    elif kind == "truncate" and buffer:
        del buffer[rng.randrange(1, len(buffer) + 1) :]
    elif kind == "splice":
        other = rng.choice(others)
        cut = rng.randrange(1, min(len(other), 4096) + 1)
        buffer[:cut] = other[:cut]
    elif kind == "repeat" and buffer:
        start = rng.randrange(len(buffer))
        block = buffer[start : start + rng.randint(1, 4096)]
        buffer[start:start] = block * rng.randint(2, 50)
    return kind, bytes(buffer)


@dataclass
class Case:
    name: str  # the seed (or hostile file) it comes from, and the mutation
    data: bytes


def cases(count: int, seed: int) -> list[Case]:
    rng = random.Random(seed)
    found = seeds()
    names = sorted(found)
    made = [Case(f"hostile {name}", make()) for name, make in HOSTILE.items()][:count]
    made += [Case(f"original {name}", found[name]) for name in names][: count - len(made)]
    while len(made) < count:
        name = rng.choice(names)
        kind, data = mutate(found[name], list(found.values()), rng)
        made.append(Case(f"{kind} {name}", data))
    return made


# ----------------------------------------------------------------------------- worker
def _worker(conn: Connection, folder: str) -> None:
    import logging

    resource.setrlimit(resource.RLIMIT_AS, (WORKER_MEMORY_LIMIT, WORKER_MEMORY_LIMIT))
    from dossier.export.case_export import export_case
    from dossier.services import cases as case_service
    from dossier.services import documents, exhibits, people
    from storage.errors import VaultError
    from storage.keys import KdfParams
    from storage.vault import Vault
    from tests.helpers import active_content_in

    caught: list[str] = []

    class Counting(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            caught.append(record.getMessage())

    logging.getLogger("dossier").addHandler(Counting())
    logging.getLogger("dossier").setLevel(logging.WARNING)
    base = Path(folder)
    vault = Vault.create(base / f"vault-{os.getpid()}", "fuzz passphrase", kdf=KdfParams.floor())
    while True:
        message = conn.recv()
        if message is None:
            break
        index, suffix, data = message
        # A case still running just before the parent gives up: its stack goes to stderr.
        faulthandler.dump_traceback_later(HANG_SECONDS - 2, exit=False)
        source = base / f"case-{os.getpid()}-{index}{suffix}"
        source.write_bytes(data)
        outcome: dict[str, Any] = {"index": index}
        caught.clear()
        try:
            person = people.add_person(vault, f"Person {index}")
            report = documents.import_files(vault, [source], person_ids=[person.id])
            outcome["imported"] = bool(report.imported)
            if report.imported:
                case = case_service.add_case(vault, person.id, "general")
                exhibits.add_exhibit(vault, case.id, report.imported[0].id)
                out = base / f"out-{os.getpid()}.pdf"
                try:
                    export_case(vault, case.id, out, draft=True)
                    outcome["exported"] = True
                    # Whatever the file carried, nothing in the bundle may act when opened.
                    outcome["active"] = active_content_in(out)
                except VaultError as error:
                    outcome["refused_export"] = str(error)[:200]
        except VaultError as error:
            outcome["refused"] = str(error)[:200]
        except BaseException:
            outcome["traceback"] = traceback.format_exc(limit=6)
        finally:
            source.unlink(missing_ok=True)
        faulthandler.cancel_dump_traceback_later()
        outcome["unexpected"] = list(caught)
        outcome["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        conn.send(outcome)
    vault.lock()


@dataclass
class Results:
    run: int = 0
    imported: int = 0
    exported: int = 0
    tracebacks: list[str] = field(default_factory=list)
    active: list[str] = field(default_factory=list)  # bundles carrying active content
    unexpected: list[str] = field(default_factory=list)
    hangs: list[str] = field(default_factory=list)
    peak_rss_mb: float = 0.0
    seconds: float = 0.0


def run(count: int, seed: int, workers: int) -> Results:
    all_cases = cases(count, seed)
    results = Results()
    started = time.perf_counter()
    context = mp.get_context("spawn")
    with tempfile.TemporaryDirectory() as folder:
        queue = list(enumerate(all_cases))
        active: list[tuple[Any, Connection, tuple[int, Case] | None, float]] = []

        def start() -> tuple[Any, Connection, None, float]:
            parent, child = context.Pipe()
            process = context.Process(target=_worker, args=(child, folder), daemon=True)
            process.start()
            return process, parent, None, 0.0

        active = [start() for _ in range(workers)]
        while queue or any(job is not None for _, _, job, _ in active):
            for slot, (process, conn, job, since) in enumerate(active):
                if job is None:
                    if queue:
                        index, case = queue.pop(0)
                        suffix = Path(case.name.split(" ", 1)[1]).suffix
                        conn.send((index, suffix, case.data))
                        active[slot] = (process, conn, (index, case), time.perf_counter())
                    continue
                if conn.poll(0.05):
                    outcome = conn.recv()
                    results.run += 1
                    results.imported += bool(outcome.get("imported"))
                    results.exported += bool(outcome.get("exported"))
                    results.peak_rss_mb = max(results.peak_rss_mb, outcome["rss_mb"])
                    if "traceback" in outcome:
                        results.tracebacks.append(f"{job[1].name}: {outcome['traceback']}")
                    if outcome.get("active"):
                        results.active.append(f"{job[1].name}: {outcome['active'][:3]}")
                    results.unexpected += [f"{job[1].name}: {u}" for u in outcome["unexpected"]]
                    active[slot] = (process, conn, None, 0.0)
                elif time.perf_counter() - since > HANG_SECONDS or not process.is_alive():
                    what = "hang" if process.is_alive() else f"worker died ({process.exitcode})"
                    process.kill()
                    process.join()
                    results.run += 1
                    results.hangs.append(f"{job[1].name}: {what}")
                    active[slot] = start()
        for process, conn, _, _ in active:
            conn.send(None)
            process.join(timeout=30)
    results.seconds = time.perf_counter() - started
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = run(args.cases, args.seed, args.workers)
    if args.json:
        print(json.dumps(results.__dict__))
        return 0
    print(
        f"fuzz: {results.run} cases in {results.seconds:.0f} s ({results.imported} imported, "
        f"{results.exported} exported); tracebacks {len(results.tracebacks)}, bundles with "
        f"active content {len(results.active)}, hangs over "
        f"{HANG_SECONDS:.0f} s or deaths {len(results.hangs)}, unexpected failures caught "
        f"{len(results.unexpected)}, peak worker RSS {results.peak_rss_mb:.0f} MB"
    )
    shown = results.tracebacks[:10] + results.active[:10] + results.hangs[:10]
    for line in shown + results.unexpected[:10]:
        print("  " + line.strip().replace("\n", "\n    "))
    return 0


if __name__ == "__main__":
    sys.exit(main())
