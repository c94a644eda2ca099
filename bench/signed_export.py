"""Signing and PDF/A: their time and size overhead on a bundle of about 1,000 pages, as ratios
to the plain export of the same case in the same run.
Usage: python bench/signed_export.py [number of exhibits, default 100]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from dossier.export.case_export import export_case, parse_time
from dossier.export.signing_key import load_pkcs12, make_certificate
from dossier.services import cases, exhibits, people
from dossier.services.documents import import_files
from storage.keys import KdfParams
from storage.vault import Vault

sys.path.insert(0, str(Path(__file__).parent))
from import_many import make_pdfs

AT = parse_time("2026-11-25T10:00:00Z")


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as scratch:
        folder = Path(scratch) / "exhibits"
        folder.mkdir()
        # Exhibits whose font is embedded: PDF/A refuses (by name) those that leave it out.
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        from dossier.resources import SANS

        pdfmetrics.registerFont(TTFont("BenchSans", str(SANS["regular"])))
        make_pdfs(folder, count, font="BenchSans")
        with Vault.create(Path(scratch) / "vault", "bench", kdf=KdfParams.floor()) as vault:
            person = people.add_person(vault, "Rinat Tukhvatshin", native_name="Ринат Тухватшин")
            case = cases.add_case(vault, person.id, "ccf-deletion")
            cases.update_case(vault, case.id, signatory_name="Jane Advocate", facts="Facts.")
            report = import_files(vault, [folder], person_ids=[person.id], kind="court-decision")
            for document in report.imported:
                exhibits.add_exhibit(vault, case.id, document.id)
            key = load_pkcs12(make_certificate("Jane Advocate", AT), None)
            runs = {
                "plain": {},
                "signed": {"sign": key},
                "PDF/A": {"pdfa": True},
                "PDF/A + signed": {"pdfa": True, "sign": key},
                "PDF/A + originals + signed": {"pdfa": True, "sign": key, "attach_originals": True},
            }
            figures: dict[str, tuple[float, int, int | None]] = {}
            # Each twice, the faster kept: the first signing also loads pyHanko and its font.
            for number, (name, options) in enumerate([*runs.items(), *runs.items()]):
                out = Path(scratch) / f"run{number}" / "bundle.pdf"
                out.parent.mkdir()
                start = time.perf_counter()
                result = export_case(vault, case.id, out, at=AT, draft=True, **options)  # type: ignore[arg-type]
                taken = time.perf_counter() - start
                if name not in figures or taken < figures[name][0]:
                    figures[name] = (taken, out.stat().st_size, result.pages)
    seconds, size, pages = figures["plain"]
    print(f"bundle: {pages} pages, {count} annexes; plain export {seconds:.2f} s, "
          f"{size / 1e6:.1f} MB")  # fmt: skip
    for name, (taken, written, _pages) in figures.items():
        print(f"{name:28s} {taken:6.2f} s  ×{taken / seconds:4.2f} time   "
              f"{written / 1e6:6.2f} MB  ×{written / size:5.3f} size")  # fmt: skip


if __name__ == "__main__":
    main()
