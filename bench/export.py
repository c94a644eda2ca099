"""Export a case with 100 exhibit PDFs and about 1,000 pages: seconds and peak RSS, and the
ratio to `qpdf --empty --pages …` merging the same exhibit PDFs in the same run.
Usage: python bench/export.py [number of exhibits, default 100]
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dossier.export.case_export import export_case, parse_time
from dossier.services import cases, events, exhibits, people
from dossier.services.documents import import_files
from storage.keys import KdfParams
from storage.vault import Vault

sys.path.insert(0, str(Path(__file__).parent))
from import_many import make_pdfs

SPLIT_MB = 2.0  # small, so that the benchmark's bundle needs several parts


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as scratch:
        folder = Path(scratch) / "exhibits"
        folder.mkdir()
        pages = make_pdfs(folder, count)
        files = sorted(folder.iterdir())
        with Vault.create(Path(scratch) / "vault", "bench", kdf=KdfParams.floor()) as vault:
            person = people.add_person(vault, "Rinat Tukhvatshin", native_name="Ринат Тухватшин")
            case = cases.add_case(vault, person.id, "general", summary="Benchmark case.")
            report = import_files(vault, [folder], person_ids=[person.id], kind="court-decision")
            for document in report.imported:
                exhibits.add_exhibit(vault, case.id, document.id)  # every one is an annex
            for document in report.imported[:50]:
                events.add_event(
                    vault, person.id, "2025", f"Ruling {document.ref}", cite=[f"{document.ref}:1"]
                )
            rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            start = time.perf_counter()
            result = export_case(
                vault, case.id, Path(scratch) / "bundle.pdf", at=parse_time("2025-11-20T10:00:00Z")
            )
            ours = time.perf_counter() - start
            (Path(scratch) / "parts").mkdir()
            start = time.perf_counter()
            split = export_case(
                vault, case.id, Path(scratch) / "parts" / "bundle.pdf",
                at=parse_time("2025-11-20T10:00:00Z"), split_mb=SPLIT_MB,
            )  # fmt: skip
            split_seconds = time.perf_counter() - start
            largest = max(path.stat().st_size for path in split.files) / 1_000_000
            whole = result.path.stat().st_size / 1_000_000
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        start = time.perf_counter()
        subprocess.run(
            ["qpdf", "--empty", "--pages", *map(str, files), "--", str(Path(scratch) / "qpdf.pdf")],
            check=True,
        )
        reference = time.perf_counter() - start
        print(f"exhibits:              {count} PDFs, {pages} exhibit pages")
        print(f"bundle:                {result.pages} pages")
        print(f"dossier export:        {ours:8.2f} s")
        print(f"qpdf merge only:       {reference:8.2f} s")
        print(f"ratio export/qpdf:     {ours / reference:8.2f} (target <= 3)")
        print(
            f"split into {SPLIT_MB:g} MB parts: {len(split.files)} parts of a {whole:.1f} MB "
            f"bundle, largest {largest:.2f} MB, {split_seconds:.2f} s "
            f"({split_seconds / ours:.2f}× the unsplit export)"
        )
        print(
            f"peak RSS:              {rss:8.1f} MB (before export {rss_before:.1f} MB; "
            "target < 400)"
        )


if __name__ == "__main__":
    main()
