"""Writes PNGs of the main windows into the folder given (run by `make screenshots` on Xvfb).

Uses a throw-away vault in a temporary folder, filled from ../shared/corpus when present.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QWidget

from desktop import fonts
from desktop.app import DossierApp
from dossier.services import cases, events, people, quotes
from dossier.services.documents import import_files
from storage.keys import KdfParams

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def settle(app: QApplication, window: QWidget, rounds: int = 40) -> None:
    for _ in range(rounds):
        app.processEvents()
        window.repaint()
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(10_000)
    for _ in range(rounds):
        app.processEvents()


def about_shot(app: QApplication, window: Any, path: Path) -> None:
    """Help ▸ About, then its licence texts, each in a picture."""
    window.show_about()
    while not hasattr(window, "about_dialog"):
        app.processEvents()
    dialog = window.about_dialog
    settle(app, dialog)
    dialog.grab().save(str(path))
    dialog.texts_button.click()
    settle(app, dialog.texts)
    dialog.texts.grab().save(str(path.with_name(path.stem + "-licences.png")))
    dialog.texts.close()
    dialog.close()
    del window.about_dialog


def verify_shots(app: QApplication, window: Any, out: Path, prefix: str) -> None:
    """Vault ▸ Verify after a verification was stopped: the offer to continue it, the report
    once continued, and the custody log that records it."""
    import storage.verify
    from storage.errors import Cancelled

    vault = window.vault
    for number in range(6):
        vault.store_bytes(os.urandom(30_000), label=f"Annex {number}.pdf")
    storage.verify._GROUP_BYTES = 1  # a file at a time, so that the stop falls between two
    seen: list[int] = []
    with contextlib.suppress(Cancelled):
        vault.verify(progress=lambda done, _t: seen.append(done), cancelled=lambda: len(seen) >= 3)
    window.verify()
    while getattr(window, "verify_question", None) is None:
        app.processEvents()
    settle(app, window.verify_question)
    window.verify_question.grab().save(str(out / f"{prefix}-verify-continue.png"))
    window.verify_question.defaultButton().click()  # "Continue it"
    while getattr(window, "verify_report", None) is None:
        app.processEvents()
    settle(app, window.verify_report)
    window.verify_report.grab().save(str(out / f"{prefix}-verify-report.png"))
    window.verify_report.close()
    window.verify_question = window.verify_report = None
    window.show_custody_log()
    while getattr(window, "custody_dialog", None) is None:
        app.processEvents()
    settle(app, window.custody_dialog)
    window.custody_dialog.grab().save(str(out / f"{prefix}-custody-log.png"))
    window.custody_dialog.close()
    window.custody_dialog = None


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv)
    fonts.install(app)
    with tempfile.TemporaryDirectory() as scratch:
        controller = DossierApp(app, Path(scratch) / "vault", kdf=KdfParams.floor())
        dialog = controller.start()
        settle(app, dialog)
        dialog.grab().save(str(out / "01-create-vault.png"))
        dialog.passphrase.setText("correct horse battery staple")
        dialog.repeat.setText("correct horse battery staple")
        dialog.submit()
        QThreadPoolWait = __import__("PySide6.QtCore", fromlist=["QThreadPool"]).QThreadPool
        QThreadPoolWait.globalInstance().waitForDone(30_000)
        for _ in range(50):
            app.processEvents()
        assert controller.vault is not None and controller.window is not None
        vault, window = controller.vault, controller.window
        person = people.add_person(
            vault,
            "Rinat Tukhvatshin",
            native_name="Ринат Тухватшин",
            aliases=["Rinat Tuhvatshin"],
            role="journalist",
            notes="Кыргыз: ң ө ү — Қазақ: ә ғ қ ұ һ і",
        )
        case = cases.add_case(
            vault,
            person.id,
            "ccf-deletion",
            requesting_country="Kyrgyzstan",
            notice_type="red-notice",
        )
        if CORPUS.is_dir():
            report = import_files(
                vault,
                [
                    CORPUS / "articles",
                    CORPUS / "pdf" / "minimal-document.pdf",
                    CORPUS / "images" / "orientation-portrait_6.jpg",
                ],
                person_ids=[person.id],
                accept_suggestions=True,
            )
            article = next(d for d in report.imported if "interpol" in d.original_name)
            quote = quotes.add_quote(
                vault, article.id, "so we rejected this request", speaker="Samuel Heath"
            )
            events.add_event(
                vault,
                person.id,
                "30 October 2025",
                "Court declares Kloop extremist",
                kind="court-ruling",
                cite=[f"{article.ref}:1"],
            )
            events.add_event(
                vault,
                person.id,
                "27 October 2025",
                "Court rules Kloop extremist",
                kind="court-ruling",
                cite=[quote.ref],
            )
            events.add_event(vault, person.id, "Aug 2025", "Four former staff tried", kind="charge")
            cases.link_evidence(vault, cases.grounds(vault, case.id)[0].id, quote.ref)
            cases.update_case(
                vault, case.id, facts=f"Interpol refused the request [{article.ref}:1].",
                signatory_name="Jane Advocate", signed_place="London",
            )  # fmt: skip
            cases.set_argument(
                vault, cases.grounds(vault, case.id)[0].id, f"Political in character [{quote.ref}]."
            )
        window.refresh_people()
        settle(app, window)
        window.people.setCurrentRow(0)
        settle(app, window)
        page = window.person_page
        assert page is not None
        for index, name in enumerate(
            ["profile", "documents", "quotes", "chronology", "grounds", "pleading", "export"]
        ):
            page.setCurrentIndex(index)
            if name == "documents" and page.documents.list.count():
                page.documents.list.setCurrentRow(0)
            settle(app, window)
            window.grab().save(str(out / f"{index + 2:02d}-{name}.png"))
        # A scan, turned a quarter, imported in the window: read by OCR in the background.
        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
        from tests.scans import TEXTS, page_image, scanned_pdf

        scan = Path(scratch) / "protocol-scan.pdf"
        turned = page_image(TEXTS["kir"]).rotate(90, expand=True, fillcolor=255)
        scan.write_bytes(scanned_pdf([page_image(TEXTS["rus"]), turned]))
        page.setCurrentIndex(1)
        page.documents.import_paths([scan])
        while page.documents._reading_task is not None:
            app.processEvents()
        settle(app, window)
        last = page.documents.list.count() - 1
        page.documents.list.setCurrentRow(last)
        settle(app, window)
        page.documents.page.setValue(2)
        settle(app, window)
        window.grab().save(str(out / "10-scan-read.png"))
        about_shot(app, window, out / "11-about.png")
        page.setCurrentWidget(page.search)
        page.search.query.setText('"Kloop extremist"')
        page.search.search()
        while not page.search.summary.text():
            app.processEvents()
        settle(app, window)
        window.grab().save(str(out / "12-search-phrase.png"))
        verify_shots(app, window, out, "13")
        controller.set_language("ru")
        settle(app, controller.window)  # type: ignore[arg-type]
        controller.window.people.setCurrentRow(0)  # type: ignore[union-attr]
        settle(app, controller.window)  # type: ignore[arg-type]
        controller.window.grab().save(str(out / "20-russian.png"))  # type: ignore[union-attr]
        russian = controller.window.person_page  # type: ignore[union-attr]
        assert russian is not None
        russian.setCurrentIndex(1)
        russian.documents.list.setCurrentRow(russian.documents.list.count() - 1)
        settle(app, controller.window)  # type: ignore[arg-type]
        controller.window.grab().save(str(out / "21-russian-scan.png"))  # type: ignore[union-attr]
        about_shot(app, controller.window, out / "22-russian-about.png")  # type: ignore[arg-type]
        verify_shots(app, controller.window, out, "23-russian")
        controller.lock()
    print(f"screenshots written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("screenshots")))
