"""Export cases of 100, 500 and 1,000 exhibit PDFs (about 1,000, 5,000 and 10,000 pages):
seconds, the ratio to `qpdf --keep-files-open=y --empty --pages …` merging the same exhibit
PDFs in the same run, a split export's time against the unsplit one, and the peak memory of
the process that renders (the window's export child).
Usage: python bench/export.py [numbers of exhibits, default 100 500 1000]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dossier.export import separate_process, templates
from dossier.export.case_export import export_case, parse_time
from dossier.export.gathering import VaultOriginals, gather
from dossier.export.output import new_owner
from dossier.services import cases, events, exhibits, people
from dossier.services.documents import import_files
from storage.keys import KdfParams
from storage.vault import Vault

sys.path.insert(0, str(Path(__file__).parent))
from import_many import make_pdfs
from in_turns import listed

ROUNDS = 3
SPLIT_MB = 2.0  # small, so that the benchmark's bundle needs several parts
AT = "2025-11-20T10:00:00Z"
PASSPHRASE = "bench"  # noqa: S105 (a throwaway vault of generated files)


def build(scratch: Path, count: int) -> tuple[list[Path], int]:
    folder = scratch / "exhibits"
    folder.mkdir()
    pages = make_pdfs(folder, count)
    with Vault.create(scratch / "vault", PASSPHRASE, kdf=KdfParams.floor()) as vault:
        person = people.add_person(vault, "Rinat Tukhvatshin", native_name="Ринат Тухватшин")
        case = cases.add_case(vault, person.id, "general", summary="Benchmark case.")
        report = import_files(vault, [folder], person_ids=[person.id], kind="court-decision")
        for document in report.imported:
            exhibits.add_exhibit(vault, case.id, document.id)  # every one is an annex
        for document in report.imported[:50]:
            events.add_event(
                vault, person.id, "2025", f"Ruling {document.ref}", cite=[f"{document.ref}:1"]
            )
    return sorted(folder.iterdir()), pages


def measure(scratch: Path, how: str) -> dict[str, float]:
    """In a fresh process: one export, ``how`` ("whole" or "split"; "-child": rendered in
    the export's child process, as the window does, with the child's peak memory)."""
    split_mb = SPLIT_MB if how.startswith("split") else None
    with Vault.unlock(scratch / "vault", PASSPHRASE) as vault:
        case_id = cases.list_cases(vault)[0].id
        out = scratch / how
        out.mkdir()
        start = time.perf_counter()
        if how.endswith("child"):
            return _in_child(vault, case_id, out / "bundle.pdf", split_mb, start)
        result = export_case(
            vault, case_id, out / "bundle.pdf", at=parse_time(AT), split_mb=split_mb
        )
        seconds = time.perf_counter() - start
    sizes = [path.stat().st_size / 1_000_000 for path in result.files]
    return {
        "seconds": seconds, "pages": result.pages or 0, "parts": len(result.files),
        "largest": max(sizes), "whole": sum(sizes),
    }  # fmt: skip


def _in_child(
    vault: Vault, case_id: int, out: Path, split_mb: float | None, start: float
) -> dict[str, float]:
    """What export_case does for the window, up to the files rendered by the child (the
    annexes read out of the vault as they are sent)."""
    chosen = templates.for_case(cases.show_case(vault, case_id).kind, None)
    content = gather(vault, case_id, chosen, export_time=parse_time(AT))
    source = VaultOriginals(vault)
    loaded = separate_process.preload(source, content, lazily=True)
    job = separate_process.RenderJob(content, out, "pdf", "a4", split_mb, owner=new_owner())
    rendered = separate_process.render_in_child(loaded, job, source=source)
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds, "child_rss": rendered.peak_memory_mb,
        "layout_rss": rendered.layout_memory_mb,
    }  # fmt: skip


def in_fresh_process(scratch: Path, how: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--measure", str(scratch), how],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def qpdf_merge(files: list[Path], out: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        ["qpdf", "--keep-files-open=y", "--empty", "--pages", *map(str, files), "--", str(out)],
        check=True,
    )
    return time.perf_counter() - start


def main() -> None:
    counts = [int(arg) for arg in sys.argv[1:]] or [100, 500, 1000]
    rows = []
    for count in counts:
        with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as folder:
            scratch = Path(folder)
            files, pages = build(scratch, count)
            # qpdf and the export in turns, three times: this machine's speed drifts by a
            # fifth within a minute (two shared cores), so one run of each compares moments
            # rather than programs. The median of the three ratios is the figure.
            wholes, references, ratios = [], [], []
            for round_ in range(ROUNDS):
                references.append(qpdf_merge(files, scratch / f"qpdf-{round_}.pdf"))
                wholes.append(in_fresh_process(scratch, f"whole-{round_}"))
                ratios.append(wholes[-1]["seconds"] / references[-1])
            middle = sorted(range(ROUNDS), key=lambda index: ratios[index])[ROUNDS // 2]
            whole, reference = wholes[middle], references[middle]
            split = in_fresh_process(scratch, "split")
            child = in_fresh_process(scratch, "whole-child")
            split_child = in_fresh_process(scratch, "split-child")
        rows.append((count, pages, whole, split, child, split_child, reference))
        per_page = whole["seconds"] / whole["pages"] * 1000
        print(f"== {count} exhibits, {pages} exhibit pages: a bundle of {whole['pages']} pages")
        seconds = listed(run["seconds"] for run in wholes)
        print(f"dossier export:        {seconds} s (median run: {per_page:.2f} ms a page)")
        print(f"qpdf --keep-files-open=y merge only: {listed(references)} s")
        print(
            f"ratio export/qpdf, in turn: {listed(ratios)}; median {ratios[middle]:.2f} "
            "(target <= 2)"
        )
        print(
            f"split into {SPLIT_MB:g} MB parts: {split['parts']:.0f} parts of a "
            f"{split['whole']:.1f} MB bundle, largest {split['largest']:.2f} MB, "
            f"{split['seconds']:.2f} s ({split['seconds'] / whole['seconds']:.2f}× the "
            "unsplit export; target <= 1.3)"
        )
        print(
            f"peak RSS of the export's child process: {child['child_rss']:.1f} MB unsplit, "
            f"{split_child['child_rss']:.1f} MB split (target < 400 at 10,000 pages); "
            f"{child['seconds']:.2f} s to render through the child"
        )
        if child["layout_rss"]:
            print(
                "  + the copy laying the submission out meanwhile added "
                f"{child['layout_rss']:.1f} MB; both at once: at most "
                f"{child['child_rss'] + child['layout_rss']:.1f} MB"
            )
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        growth = (last[2]["seconds"] / last[1]) / (first[2]["seconds"] / first[1])
        print(f"time per exhibit page, {last[0]} against {first[0]} exhibits: {growth:.2f}× "
              "(1.0: linear)")  # fmt: skip


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        print(json.dumps(measure(Path(sys.argv[2]), sys.argv[3])))
    else:
        main()
