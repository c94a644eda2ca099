"""The main window: people (live search by any spelling) and the selected person's page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import file_dialogs
from desktop.about_dialog import AboutDialog
from desktop.case_tab import CaseTab
from desktop.change_passphrase_dialog import ChangePassphraseDialog
from desktop.custody_dialog import CustodyDialog
from desktop.diagnostics_dialog import DiagnosticsDialog
from desktop.documents_tab import DocumentsTab
from desktop.jobs import EVERYTHING, Jobs, Touched, notify
from desktop.person_tabs import ChronologyTab, ExportTab, GroundsTab, QuotesTab
from desktop.profile_tab import ProfileTab
from desktop.record_list import RecordList
from desktop.search_tab import SearchTab
from desktop.unrecorded_files import UnrecordedFiles
from desktop.worker import Cancel, Progress
from dossier import about
from dossier.export import verification
from dossier.services import people, signing_certificates, vault_access, vault_admin, vault_place
from dossier.services.people import PersonView
from dossier.services.vault_access import Vault


class PersonPage(QTabWidget):
    def save_edits(self) -> None:
        """Start saving what was typed in the tabs that edit (profile, documents, pleading)."""
        self.profile.save()
        if self.documents.dirty:
            self.documents.save_details()
        self.case.save()

    def __init__(self, vault: Vault, person_id: int, jobs: Jobs) -> None:
        super().__init__()
        self.person_id = person_id
        self.profile = ProfileTab(vault, person_id, jobs)
        self.documents = DocumentsTab(vault, person_id, jobs)
        self.quotes = QuotesTab(vault, person_id, jobs)
        self.chronology = ChronologyTab(vault, person_id, jobs)
        self.grounds = GroundsTab(vault, person_id, jobs)
        self.case = CaseTab(vault, person_id, jobs)
        self.export = ExportTab(vault, person_id, jobs)
        self.search = SearchTab(vault, person_id, jobs)
        self.search.document_chosen.connect(self.show_document)
        for widget, title in (
            (self.profile, self.tr("Profile")),
            (self.documents, self.tr("Documents")),
            (self.quotes, self.tr("Quotes")),
            (self.chronology, self.tr("Chronology")),
            (self.grounds, self.tr("Grounds")),
            (self.case, self.tr("Pleading")),
            (self.export, self.tr("Export")),
            (self.search, self.tr("Search")),
        ):
            self.addTab(widget, title)
        self.case.case_shown.connect(self.export.show_case)
        # Leaving the pleading (for Export, say) saves what was typed there.
        self.currentChanged.connect(lambda _index: self.save_edits())
        # One signal after any change to the vault, saying what it touched: a view showing
        # that refreshes now if it is the tab in front, else when it is next shown.
        evidence = Touched.DOCUMENTS | Touched.QUOTES | Touched.EVENTS
        self._concerns: dict[QWidget, Touched] = {
            self.quotes: Touched.QUOTES | Touched.DOCUMENTS,
            self.chronology: evidence,
            self.grounds: evidence | Touched.CASES,
            self.case: evidence | Touched.CASES | Touched.PEOPLE,
            self.export: EVERYTHING,  # its check reads the whole case
            self.search: evidence | Touched.PEOPLE,
        }
        self.stale: set[QWidget] = set()
        jobs.vault_changed.connect(self._vault_changed)
        self.currentChanged.connect(self._refresh_if_stale)

    def _vault_changed(self, touched: Touched) -> None:
        for view, concerns in self._concerns.items():
            if not touched & concerns:
                continue
            if view is self.currentWidget():
                view.refresh()  # type: ignore[attr-defined]
            else:
                self.stale.add(view)
        if touched & Touched.ORGANISATIONS:
            self.documents.refresh_organisations()

    def _refresh_if_stale(self, _index: int) -> None:
        view = self.currentWidget()
        if view in self.stale:
            self.stale.discard(view)
            view.refresh()  # type: ignore[attr-defined]

    def show_document(self, ref: str, page: int) -> None:
        """A document found by the search, on the Documents tab, at the page found."""
        self.setCurrentWidget(self.documents)
        self.documents.show_document(ref, page)


class MainWindow(QMainWindow):
    lock_requested = Signal()
    quit_requested = Signal()
    language_requested = Signal(str)
    idle_minutes_requested = Signal(float)

    def __init__(self, vault: Vault) -> None:
        super().__init__()
        self.vault = vault
        self.jobs = Jobs()
        # A neutral title: the OS task switcher must never show a client's name.
        self.setWindowTitle(self.tr("Evidence Dossier"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find a person by any spelling…"))
        self.search.setAccessibleName(self.tr("Find a person"))
        self.search.textChanged.connect(self.refresh_people)
        # A screen reader chooses by selecting (AT-SPI's Selection), which does not move the
        # current item: RecordList makes the selected person current, and so opened.
        self.people: RecordList[PersonView] = RecordList(_person_line)
        self.people.setAccessibleName(self.tr("People"))
        self.people.chosen.connect(self._open_person)
        add = QPushButton(self.tr("Add person…"))
        add.clicked.connect(self._ask_new_person)
        left = QVBoxLayout()
        left.addWidget(self.search)
        left.addWidget(self.people)
        left.addWidget(add)
        left_widget = QWidget()
        left_widget.setLayout(left)
        self.page_holder = QVBoxLayout()
        self.page_holder.addWidget(QLabel(self.tr("Choose or add a person.")))
        right_widget = QWidget()
        right_widget.setLayout(self.page_holder)
        split = QSplitter()
        split.addWidget(left_widget)
        split.addWidget(right_widget)
        split.setStretchFactor(1, 4)
        self.setCentralWidget(split)
        self.person_page: PersonPage | None = None
        self._menus()
        self.resize(1200, 780)
        self.refresh_people()
        self.unrecorded = UnrecordedFiles(self, vault, self.jobs, self._after_recovery)
        self.unrecorded.check()
        folder = vault.folder
        self.jobs.query(self, lambda: vault_place.warning(folder), self._warn_about_place)

    def _after_recovery(self) -> None:
        self.refresh_people()
        if self.person_page is not None:
            self.person_page.documents.refresh()

    def _menus(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Vault"))
        for text, slot, shortcut in (
            (self.tr("Verify"), self.verify, None),
            (self.tr("Custody log…"), self.show_custody_log, None),
            (self.tr("Back up…"), self.backup, None),
            (self.tr("Restore from a backup…"), self.restore, None),
            (self.tr("Change passphrase…"), self.change_passphrase, None),
            (self.tr("Rotate keys…"), self.rotate_keys, None),
            (self.tr("Signing certificate…"), self.signing_certificate, None),
            (self.tr("Forget on this device"), self.forget, None),
            (self.tr("Lock after idle minutes…"), self.ask_idle_minutes, None),
            (self.tr("Lock"), self.lock_requested.emit, QKeySequence("Ctrl+L")),
            # Ctrl+Q everywhere: Windows has no standard key for quitting.
            (self.tr("Quit"), self.quit_requested.emit, QKeySequence("Ctrl+Q")),
        ):
            action = QAction(text, self)
            action.triggered.connect(slot)
            if shortcut is not None:
                action.setShortcut(shortcut)
            menu.addAction(action)
        # Every action without the mouse: find a person, add one, import, the tabs, export.
        work = self.menuBar().addMenu(self.tr("&Work"))
        for text, slot, shortcut in (
            (self.tr("Find a person"), self.search.setFocus, QKeySequence("Ctrl+F")),
            (self.tr("Add a person…"), self._ask_new_person, QKeySequence("Ctrl+N")),
            (self.tr("Import files…"), self._import_files, QKeySequence("Ctrl+I")),
            (self.tr("Export…"), self._go_to_export, QKeySequence("Ctrl+E")),
            (self.tr("Verify a bundle…"), self.verify_a_bundle, QKeySequence("Ctrl+Shift+V")),
            (self.tr("Save what was typed"), self.save_edits, QKeySequence("Ctrl+S")),
        ):
            action = QAction(text, self)
            action.triggered.connect(slot)
            action.setShortcut(shortcut)
            work.addAction(action)
        languages = self.menuBar().addMenu(self.tr("&Language"))
        for code, name in (("en", "English"), ("ru", "Русский")):
            action = QAction(name, self)
            action.triggered.connect(lambda _checked=False, c=code: self.language_requested.emit(c))
            languages.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("About Evidence Dossier…"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)
        diagnostics = QAction(self.tr("Diagnostics…"), self)
        diagnostics.triggered.connect(self.show_diagnostics)
        help_menu.addAction(diagnostics)
        about_qt = QAction(self.tr("About Qt…"), self)
        about_qt.triggered.connect(lambda: QMessageBox.aboutQt(self))
        help_menu.addAction(about_qt)

    def ask_idle_minutes(self) -> None:
        minutes, given = QInputDialog.getInt(
            self,
            self.tr("Lock after idle minutes"),
            self.tr("Lock the vault after this many minutes without a key or mouse press:"),
            10,
            1,
            240,
        )
        if given:
            self.idle_minutes_requested.emit(float(minutes))

    def _import_files(self) -> None:
        if self.person_page is None:
            notify(self, self.tr("Import"), self.tr("Choose a person first."))
            return
        self.person_page.setCurrentWidget(self.person_page.documents)
        self.person_page.documents.choose_files()

    def _go_to_export(self) -> None:
        if self.person_page is not None:
            self.person_page.setCurrentWidget(self.person_page.export)
            self.person_page.export.case.setFocus()

    # --------------------------------------------------------------------------- people
    def refresh_people(self) -> None:
        query, vault = self.search.text().strip(), self.vault

        def job() -> list[PersonView]:
            if query:
                return [person for person, _ in people.find_people(vault, query)]
            return people.list_people(vault)

        self.jobs.query(self, job, self._fill_people)

    def _fill_people(self, listed: list[PersonView]) -> None:
        shown = self.person_page.person_id if self.person_page is not None else None
        # Refilling never opens or closes a person's page.
        self.people.set_records(listed, lambda person: person.id == shown)

    def _ask_new_person(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Add person"), self.tr("Name as in filings:"))
        if ok and name.strip():
            self.add_person(name.strip())

    def add_person(self, name: str, native: str | None = None) -> None:
        vault = self.vault
        self.jobs.change(
            self,
            lambda: people.add_person(vault, name, native_name=native),
            lambda _person: self.refresh_people(),
            touches=Touched.PEOPLE,
        )

    def _open_person(self, person: PersonView | None) -> None:
        if person is None:
            return
        self.show_person(person.id)

    def show_person(self, person_id: int) -> PersonPage:
        self.close_person()
        self.person_page = PersonPage(self.vault, person_id, self.jobs)
        self.person_page.profile.changed.connect(self._renamed)
        self.page_holder.addWidget(self.person_page)
        return self.person_page

    def _renamed(self, person: PersonView) -> None:
        """The list shows a changed name at once, without losing the selection."""
        for row, listed in enumerate(self.people.records()):
            if listed.id == person.id:
                self.people.replace(row, person)

    def save_edits(self) -> None:
        """Start saving whatever is typed and unsaved (before the page closes or the vault
        locks; locking waits for running jobs, so the save completes first)."""
        if self.person_page is not None:
            self.person_page.save_edits()

    def close_person(self) -> None:
        self.save_edits()
        while self.page_holder.count():
            item = self.page_holder.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.person_page = None

    # ---------------------------------------------------------------------- vault menu
    def verify(self) -> None:
        """Verify the vault; one stopped before its end is offered to be continued."""
        vault = self.vault
        self.jobs.work(
            self, lambda _p, _c: vault_admin.unfinished_verification(vault), self._verify_from
        )

    def _verify_from(self, stopped: vault_admin.Unfinished | None) -> None:
        if stopped is None:
            self._verify(resume=False)
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Verify"),
            self.tr(
                "A verification begun on {began} was stopped after {intact} of {files} files. "
                "Continue it (the files it found intact are not read again), or check every "
                "file again?"
            ).format(
                began=vault_admin.moment_shown(stopped.began),
                intact=stopped.intact,
                files=stopped.files,
            ),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        go_on = box.addButton(self.tr("Continue it"), QMessageBox.ButtonRole.AcceptRole)
        again = box.addButton(self.tr("Check every file"), QMessageBox.ButtonRole.ActionRole)
        box.setDefaultButton(go_on)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(button: QAbstractButton) -> None:
            if button is go_on or button is again:
                self._verify(resume=button is go_on)

        box.buttonClicked.connect(answered)
        self.verify_question = box
        box.open()

    def _verify(self, *, resume: bool) -> None:
        vault = self.vault

        def report(result: vault_admin.VerifyReport) -> None:
            problems, notes = vault_admin.verify_sentences(result)
            text = self.tr("Everything is intact.") if not problems else "\n".join(problems)
            self.verify_report = notify(self, self.tr("Verify"), "\n\n".join([text, *notes]))

        self.jobs.work(
            self,
            lambda progress, cancelled: vault_admin.verify(vault, progress, cancelled, resume),
            report,
            progress_text=self.tr("Verifying…"),
        )

    def signing_certificate(self) -> None:
        """The self-signed certificate the vault keeps for the lawyer: shown, or made."""
        vault = self.vault

        def shown(found: signing_certificates.CertificateView | None) -> None:
            if found is None:
                self._make_certificate()
                return
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Signing certificate"),
                self.tr(
                    "Exports are signed as %1 (certificate made %2, valid until %3).\n\n"
                    "It is self-signed: no authority vouches for it, and the signature says "
                    "so. Signatures are made offline, without a timestamp authority: the "
                    "signing time is this computer's."
                )
                .replace("%1", found.name)
                .replace("%2", found.created_at[:10])
                .replace("%3", found.valid_until),
                QMessageBox.StandardButton.Close,
                self,
            )
            again = box.addButton(self.tr("Make a new one…"), QMessageBox.ButtonRole.ActionRole)
            again.clicked.connect(self._make_certificate)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.certificate_message = box
            box.open()

        self.jobs.query(self, lambda: signing_certificates.current(vault), shown)

    def _make_certificate(self) -> None:
        name, given = QInputDialog.getText(
            self,
            self.tr("Signing certificate"),
            self.tr(
                "The name your signature shows (as you sign filings). The program makes a "
                "key and a self-signed certificate for it and keeps them in this vault:"
            ),
        )
        if not given or not name.strip():
            return
        vault = self.vault

        def made(found: signing_certificates.CertificateView) -> None:
            self.certificate_message = notify(
                self,
                self.tr("Signing certificate"),
                self.tr("Exports can now be signed as %1 (Export tab: Sign).").replace(
                    "%1", found.name
                ),
            )

        self.jobs.work(
            self, lambda _p, _c: signing_certificates.create(vault, name), made,
            progress_text=self.tr("Making the key…"), touches=Touched.SIGNING,
        )  # fmt: skip

    def verify_a_bundle(self) -> None:
        """Check an exported PDF: its signature and fingerprints (needs nothing of the vault)."""
        name = file_dialogs.open_file(self, self.tr("Verify a bundle"), "PDF (*.pdf)")
        if not name:
            return

        def said(check: verification.BundleCheck) -> None:
            self.verify_message = notify(
                self, self.tr("Verify a bundle"), verification.in_words(check)
            )

        self.jobs.query(self, lambda: verification.verify_bundle(Path(name)), said)

    def show_custody_log(self) -> None:
        vault = self.vault

        def show(records: list[vault_admin.CustodyRecord]) -> None:
            dialog = CustodyDialog(records, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.custody_dialog = dialog
            dialog.open()

        self.jobs.query(self, lambda: vault_admin.custody_log(vault), show)

    def _warn_about_place(self, said: str | None) -> None:
        """A vault on a network or synced folder: said once, at every unlock."""
        if said is not None:
            self.place_warning = notify(self, self.tr("Where this vault is kept"), said)

    def show_diagnostics(self) -> None:
        dialog = DiagnosticsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.diagnostics_dialog = dialog
        dialog.open()

    def show_about(self) -> None:
        def read() -> tuple[str, list[about.Component], str]:
            return about.version(), about.components(), about.notices()

        def show(found: tuple[str, list[about.Component], str]) -> None:
            dialog = AboutDialog(*found, parent=self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.about_dialog = dialog
            dialog.open()

        # Reading every package's metadata and licence files takes about a second.
        self.jobs.query(self, read, show)

    def backup(self) -> None:
        name = file_dialogs.save_file(self, self.tr("Back up to"), "*.edbackup")
        if name:
            self.back_up_to(Path(name))

    def back_up_to(self, target: Path) -> None:
        vault = self.vault
        self.jobs.work(
            self,
            lambda progress, cancelled: vault_admin.backup_to(vault, target, progress, cancelled),
            lambda summary: notify(
                self,
                self.tr("Back up"),
                self.tr("Backup written: %1").replace("%1", str(summary.path)),
            ),
            progress_text=self.tr("Backing up…"),
        )

    def restore(self) -> None:
        """Rebuild a vault from a backup into a new folder; this vault stays open."""
        archive = file_dialogs.open_file(self, self.tr("Backup file"), "*.edbackup")
        if not archive:
            return
        target = file_dialogs.existing_folder(self, self.tr("An empty folder for the copy"))
        if not target:
            return
        passphrase, ok = QInputDialog.getText(
            self,
            self.tr("Restore"),
            self.tr("Passphrase of the backup:"),
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            return
        self.restore_to(Path(archive), Path(target), passphrase)

    def restore_to(self, archive: Path, target: Path, passphrase: str) -> None:
        def job(progress: Progress, _cancelled: Cancel) -> str:
            restored = vault_admin.restore(archive, target, passphrase, progress)
            report, as_of = restored.report, restored.as_of
            restored.vault.lock()
            return (
                self.tr("Restored into %1; verification: %2")
                .replace("%1", str(target))
                .replace("%2", self.tr("passed") if report.ok else "; ".join(report.problems()))
                + "\n"
                + self.tr(
                    "This is the vault as it was on %1: anything recorded after that is not in "
                    "this copy."
                ).replace("%1", as_of)
            )

        self.jobs.work(
            self,
            job,
            lambda text: notify(self, self.tr("Restore"), text),
            progress_text=self.tr("Restoring…"),
        )

    def change_passphrase(self) -> None:
        vault = self.vault
        dialog = ChangePassphraseDialog(
            vault.change_passphrase, self.jobs, self.offer_rotation, self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.change_passphrase_dialog = dialog
        dialog.open()

    def offer_rotation(self, passphrase: str) -> None:
        """Right after a change, when the lawyer thinks of it: old copies of the key file and
        backups still open with the old passphrase until the keys are rotated."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Change passphrase"),
            self.tr(
                "The passphrase was changed. An old copy of the vault's key file, or a backup "
                "made before now, still opens with the old passphrase. Rotate the keys now to "
                "make such copies useless? (Later: Vault, then Rotate keys.)"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        rotate = box.button(QMessageBox.StandardButton.Yes)
        rotate.setText(self.tr("Rotate keys now"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Later"))
        # Rotating needs the new passphrase once more; whichever way the box is closed, it is
        # then overwritten.
        box.buttonClicked.connect(
            lambda button: self._rotate(passphrase) if button is rotate else None
        )
        box.finished.connect(lambda _code: self._forget_after_rotation(passphrase))
        self.rotation_offer = box
        box.open()

    def rotate_keys(self) -> None:
        passphrase, ok = QInputDialog.getText(
            self,
            self.tr("Rotate keys"),
            self.tr(
                "A new key for the vault: old copies of its key file will open nothing. Passphrase:"
            ),
            QLineEdit.EchoMode.Password,
        )
        if ok:
            self._rotate(passphrase)

    def _forget_after_rotation(self, passphrase: str) -> None:
        """Not rotated now: the passphrase is overwritten (a rotation overwrites it itself)."""
        if not self.jobs.running():
            vault_access.forget_secret_text(passphrase)

    def _rotate(self, passphrase: str) -> None:
        vault = self.vault

        def rotate(progress: Progress, _cancelled: Cancel) -> int:
            try:
                return vault_access.rotate_keys(vault, passphrase, progress)
            finally:
                vault_access.forget_secret_text(passphrase)

        self.jobs.work(
            self,
            rotate,
            lambda files: notify(
                self,
                self.tr("Rotate keys"),
                self.tr("The vault has a new key (%1 file keys rewrapped).").replace(
                    "%1", str(files)
                ),
            ),
            progress_text=self.tr("Rotating keys…"),
        )

    def forget(self) -> None:
        vault = self.vault
        self.jobs.change(
            self,
            lambda: vault_admin.forget_here(vault),
            lambda _r: notify(
                self, self.tr("Forget"), self.tr("This device no longer remembers the vault.")
            ),
            touches=Touched(0),  # the device's keyring, not the evidence
        )


def _person_line(person: PersonView) -> str:
    return f"{person.name} ({person.native_name})" if person.native_name else person.name
