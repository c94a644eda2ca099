"""A forwarded e-mail or saved page is filed as it reads: its tracking links as the address
they lead to (said in a note), and a footer of addresses as one paragraph, not pages."""

from __future__ import annotations

from pathlib import Path

from dossier.export.case_export import export_case, parse_time
from dossier.services import cases, documents, exhibits, people
from storage.vault import Vault
from tests.integration.pdf_tools import text as pdf_text

SAFE = (
    "https://eur02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fkloop.kg%2Fblog%2F2025"
    "%2F10%2F30%2Fruling%2F&data=05%7C02%7Csomeone%40ngo.org%7C9f&sdata=abc%3D&reserved=0"
)


def test_safe_links_are_unwrapped_and_an_address_footer_folded_in_the_bundle(
    vault: Vault, tmp_path: Path
) -> None:
    person = people.add_person(vault, "Rinat Tukhvatshin")
    footer = "\n".join(f"{SAFE}&n={n}" for n in range(60))
    mail = tmp_path / "forwarded.txt"
    mail.write_text(
        "The court published its ruling on the same day, as the article reports:\n"
        f"{SAFE}\n\nThe journalists were not heard by the court at all.\n\n{footer}\n"
    )
    (document,) = documents.import_files(vault, [mail], person_ids=[person.id]).imported
    case = cases.add_case(vault, person.id, "general")
    exhibits.add_exhibit(vault, case.id, document.id)
    out = tmp_path / "bundle.pdf"
    export_case(vault, case.id, out, draft=True, at=parse_time("2026-11-23T10:00:00Z"))
    printed = " ".join(pdf_text(out).split())
    assert "https://kloop.kg/blog/2025/10/30/ruling/" in printed
    assert "safelinks" not in printed
    assert "61 tracking link(s) of the mail service" in printed
    import pikepdf

    with pikepdf.open(out) as pdf:
        assert len(pdf.pages) < 8  # 60 lines of addresses once took pages of their own
