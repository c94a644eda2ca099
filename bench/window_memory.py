"""The window over an organisation's vault: 100,000 documents of 300 people, one client with
20,000 of them. The real window (offscreen) is unlocked, that client's page opened on its
documents, their quotes listed and the evidence searched; the process's memory is read at
each step, and the time each list takes to fill. Reference, in the same run: the same window
over a vault of 1,000 documents.

The records and encrypted files are written directly (a real import of 100,000 documents
takes hours); the window reads records, never the files' contents, for what is measured.
Usage: python bench/window_memory.py [documents, default 100000]
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert, select

PASSPHRASE = "bench"  # noqa: S105 (a throwaway vault of generated records)
CLIENT_SHARE = 0.2  # of the documents, the first person's
PEOPLE = 300
WORDS = ["court", "ruling", "appeal", "journalist", "detention", "Kloop", "суд", "решение",
         "Бишкек", "приговор", "Temirov", "Темиров", "newsroom", "search"]  # fmt: skip


def build(folder: Path, documents: int) -> None:
    from dossier import search
    from dossier.services import people
    from storage.blobs import BLOBS_DIR
    from storage.keys import KdfParams
    from storage.models import Document, DocumentPage, DocumentPerson, StoredFile
    from storage.vault import Vault

    with Vault.create(folder, PASSPHRASE, kdf=KdfParams.floor()) as vault:
        persons = [people.add_person(vault, f"Person {n}", native_name=f"Человек {n}").id
                   for n in range(PEOPLE)]  # fmt: skip
        blob = os.urandom(2_000)
        for start in range(0, documents, 10_000):
            batch = range(start, min(documents, start + 10_000))
            files = []
            for index in batch:
                name = secrets.token_hex(16)
                fan = folder / BLOBS_DIR / name[:2]
                fan.mkdir(mode=0o700, exist_ok=True)
                (fan / name).write_bytes(blob)
                (fan / name).chmod(0o600)
                digest = hashlib.sha256(name.encode()).hexdigest()
                files.append({
                    "file_name": name, "label": f"ruling-{index}.pdf",
                    "media_type": "application/pdf", "size": len(blob), "sha256": digest,
                    "dedup_tag": digest, "wrapped_key": os.urandom(40),
                    "created_at": "2025-11-20T10:00:00.000000Z",
                })  # fmt: skip
            with vault.transaction() as session:
                session.execute(insert(StoredFile), files)
                file_ids = list(
                    session.scalars(select(StoredFile.id).order_by(StoredFile.id.desc()).limit(
                        len(files)))
                )[::-1]  # fmt: skip
                rows = [{
                    "file_id": file_id, "kind": "court-decision",
                    "title": f"Ruling {index} of the Pervomaisky District Court", "language": "ru",
                    "mime_type": "application/pdf", "page_count": 1, "confidential": False,
                    "suggestions": "{}", "warnings": "[]",
                    "created_at": "2025-11-20T10:00:00.000000Z",
                } for index, file_id in zip(batch, file_ids, strict=True)]  # fmt: skip
                session.execute(insert(Document), rows)
                ids = list(
                    session.scalars(select(Document.id).order_by(Document.id.desc()).limit(
                        len(rows)))
                )[::-1]  # fmt: skip
                texts = {
                    document_id: " ".join(WORDS[(document_id * k) % len(WORDS)] for k in range(60))
                    for document_id in ids
                }
                session.execute(insert(DocumentPage), [
                    {"document_id": document_id, "page": 1, "text": body}
                    for document_id, body in texts.items()
                ])  # fmt: skip
                session.execute(insert(DocumentPerson), [
                    {"document_id": document_id, "person_id": _owner(index, documents, persons)}
                    for index, document_id in zip(batch, ids, strict=True)
                ])  # fmt: skip
                for document_id, body in texts.items():
                    search.index_texts(session, "document", document_id, [
                        (1, body, None), (None, "Ruling of the Pervomaisky District Court", None),
                    ])  # fmt: skip


def _owner(index: int, documents: int, persons: list[int]) -> int:
    if index < documents * CLIENT_SHARE:
        return persons[0]
    return persons[1 + index % (len(persons) - 1)]


def measure(folder: Path, documents: int) -> dict[str, float]:
    """In this (fresh) process: the window over ``folder`` (``documents`` in all), as a
    lawyer would open it."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.main_window import MainWindow
    from dossier.services.vault_access import Vault

    def wait_until(condition: object, seconds: float = 300) -> None:
        loop, beat = QEventLoop(), QTimer()
        beat.timeout.connect(lambda: loop.quit() if condition() else None)  # type: ignore[operator]
        beat.start(5)
        if not condition():  # type: ignore[operator]
            loop.exec()
        beat.stop()
        assert condition(), "timed out"  # type: ignore[operator]

    found: dict[str, float] = {}
    app = QApplication.instance() or QApplication([])
    found["started"] = _memory()
    vault = Vault.unlock(folder, PASSPHRASE)
    window = MainWindow(vault)
    window.resize(1400, 900)
    window.show()
    wait_until(lambda: window.people.count() == PEOPLE)
    found["unlocked"] = _memory()
    start = time.perf_counter()
    window.people.setCurrentRow(0)
    page = window.person_page
    assert page is not None
    page.setCurrentWidget(page.documents)
    total = sum(1 for index in range(documents) if index < documents * CLIENT_SHARE)
    wait_until(lambda: page.documents.list.count() == total)
    app.processEvents()
    found["documents_listed_s"] = time.perf_counter() - start
    found["documents"] = total
    found["documents_open"] = _memory()
    page.setCurrentWidget(page.search)
    page.search.query.setText("Pervomaisky")
    page.search.search()
    wait_until(lambda: page.search.results.count() > 0)
    found["searched"] = _memory()
    found["peak"] = _memory("VmHWM")
    window.close()
    vault.lock()
    return found


def _memory(field: str = "VmRSS") -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def in_fresh_process(folder: Path, documents: int) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--measure", str(folder), str(documents)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    rows = []
    for documents in (1_000, count):
        with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as scratch:
            folder = Path(scratch) / "vault"
            start = time.perf_counter()
            build(folder, documents)
            built = time.perf_counter() - start
            rows.append((documents, built, in_fresh_process(folder, documents)))
    for documents, built, found in rows:
        print(f"== {documents:,} documents of {PEOPLE} people (made in {built:.0f} s)")
        print(f"window started:            {found['started']:7.0f} MB")
        print(f"unlocked, people listed:   {found['unlocked']:7.0f} MB")
        listed = f"client's {found['documents']:,.0f} documents listed:"
        print(f"{listed:<27}{found['documents_open']:7.0f} MB "
              f"({found['documents_listed_s']:.2f} s from choosing the client)")  # fmt: skip
        print(f"searched:                  {found['searched']:7.0f} MB")
        print(f"peak:                      {found['peak']:7.0f} MB (target < 600 at 100,000)")
    (small, _, a), (large, _, b) = rows
    print(f"peak at {large:,} against {small:,} documents: {b['peak'] / a['peak']:.2f}×")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        print(json.dumps(measure(Path(sys.argv[2]), int(sys.argv[3]))))
    else:
        main()
