"""Writes sample exports for an outside PDF/A validator (veraPDF, in the GitHub workflow
"archival"): a PDF/A-3b bundle with its originals attached and signed, of a case made here
from text and a photo-like image, into the folder given.

    python packaging/pdfa_sample.py build/pdfa
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from PIL import Image

from dossier.export.case_export import export_case
from dossier.export.signing_key import load_pkcs12, make_certificate
from dossier.services import cases, documents, exhibits, people
from storage.keys import KdfParams
from storage.vault import Vault


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    at = datetime(2026, 11, 25, 10, tzinfo=UTC)
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        vault = Vault.create(folder / "vault", "a sample passphrase only", kdf=KdfParams.floor())
        person = people.add_person(vault, "Rinat Tukhvatshin", native_name="Ринат Тухватшин")
        case = cases.add_case(vault, person.id, "ccf-deletion", requesting_country="Kyrgyzstan")
        text = folder / "ruling.txt"
        text.write_text("Октябрьский районный суд города Бишкек. Қазақ ңөүәғқұһі.\n" * 40)
        photo = folder / "photo.jpg"
        Image.new("RGB", (1200, 800), (120, 140, 160)).save(photo, quality=90)
        for path in (text, photo):
            document = documents.import_files(vault, [path], person_ids=[person.id]).imported[0]
            exhibits.add_exhibit(vault, case.id, document.id)
        cases.update_case(vault, case.id, facts="The applicant is a journalist.",
                          signatory_name="Jane Advocate", signed_place="London")  # fmt: skip
        key = load_pkcs12(make_certificate("Jane Advocate", at), None)
        for name, options in (
            ("pdfa.pdf", {}),
            ("pdfa-attached-signed.pdf", {"attach_originals": True, "sign": key}),
        ):
            export_case(vault, case.id, out / name, at=at, draft=True, pdfa=True, **options)  # type: ignore[arg-type]
            print(out / name)
        vault.lock()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "build/pdfa")))
