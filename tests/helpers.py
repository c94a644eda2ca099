"""Helpers shared by tests of several folders (no test module imports another)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from dossier.export.separate_process import PreloadedOriginals
from dossier.services.documents import DocumentView


def plaintext_found(folder: Path, texts: list[str]) -> list[str]:
    """Where any of ``texts`` lies readable in the files under ``folder`` (UTF-8 or UTF-16)."""
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            raw = path.read_bytes()
            for text in texts:
                encodings = (
                    text.encode("utf-8"),
                    text.encode("utf-16-le"),
                    text.encode("utf-16-be"),
                )
                if any(encoded in raw for encoded in encodings):
                    found.append(f"{text!r} in {path.relative_to(folder)}")
    return found


@dataclass
class Gate:
    """A moment a test controls across processes: the other side says it has arrived, then
    waits until the test opens the gate. Files, because a spawned child shares nothing else."""

    folder: Path

    @property
    def reached(self) -> bool:
        return (self.folder / "reached").exists()

    def open(self) -> None:
        (self.folder / "open").touch()

    def arrive_and_wait(self, limit_seconds: float = 120) -> None:
        (self.folder / "reached").touch()
        # Waiting for an event, not for a time: the limit only keeps a broken test from hanging.
        deadline = time.monotonic() + limit_seconds
        while not (self.folder / "open").exists() and time.monotonic() < deadline:
            time.sleep(0.01)


@dataclass
class GatedOriginals(PreloadedOriginals):
    """Preloaded annexes that stop at the first one the renderer reads until the gate opens."""

    gate_folder: str = ""

    def _wait_once(self) -> None:
        gate = Gate(Path(self.gate_folder))
        if not gate.reached:
            gate.arrive_and_wait()

    def file_bytes(self, document: DocumentView) -> bytes:
        self._wait_once()
        return super().file_bytes(document)

    def page_texts(self, document: DocumentView) -> list[str]:
        self._wait_once()
        return super().page_texts(document)
