"""A batch's files are read in worker processes (issue 23): in order, in the program's language,
and a file that crashes its reader costs that file only."""

from __future__ import annotations

import os
from pathlib import Path

from dossier import i18n
from dossier.services import documents, reading
from dossier.services.reading import NotRead, Read, Readers
from storage.vault import Vault


def crashing_reader(path: Path, password: str | None, follow_links: bool) -> Read | NotRead:
    """Reads as the program does, but dies (as a reader crashing in C does) on "crash" files."""
    if path.stem.startswith("crash"):
        os._exit(11)
    return reading._read_in_worker(path, password, follow_links)


def _texts(folder: Path, names: list[str]) -> list[Path]:
    paths = []
    for name in names:
        path = folder / f"{name}.txt"
        path.write_text(f"Statement {name}: the newsroom was searched at dawn.", encoding="utf-8")
        paths.append(path)
    return paths


def test_a_file_that_crashes_its_reader_is_named_and_the_rest_are_read_in_order(
    tmp_path: Path,
) -> None:
    names = [f"statement-{n:02d}" for n in range(12)]
    names[3] = "crash-one"
    names[9] = "crash-two"
    paths = _texts(tmp_path, names)
    with Readers(paths, None, lambda _path: True, workers=2, reader=crashing_reader) as readers:
        results = list(readers)
    assert [path for path, _ in results] == paths
    for path, read in results:
        if path.stem.startswith("crash"):
            assert isinstance(read, reading.Unreadable)
        else:
            assert isinstance(read, Read) and path.stem in read.extracted.pages[0]
            assert read.folded_pages and read.extracted.suggestions.get("language") == "en"


def test_a_batch_read_in_workers_refuses_in_the_programs_language(
    vault: Vault, tmp_path: Path
) -> None:
    paths = _texts(tmp_path, [f"statement-{n:02d}" for n in range(reading.IN_WORKERS_FROM)])
    odd = tmp_path / "program.bin"
    odd.write_bytes(b"\x7fELF\x02\x01\x01" + bytes(200))
    i18n.use("ru")
    try:
        report = documents.import_files(vault, [*paths, odd])
    finally:
        i18n.use("en")
    assert len(report.imported) == len(paths)
    [(name, reason)] = report.skipped
    assert name == "program.bin" and "Поддерживаются" in reason, reason
