"""Documents of a person: import (button or drag-and-drop), view, quote from a selection."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import file_dialogs
from desktop.edit_state import EditState
from desktop.fitted_picture import FittedPicture
from desktop.jobs import Jobs, Touched
from desktop.record_list import RecordList
from desktop.translation_dialog import TranslationDialog
from desktop.worker import Cancel, Progress, Task
from dossier import dates, refs, vocabulary
from dossier.errors import DossierError
from dossier.i18n import say
from dossier.services import documents, ocr, organisations, quotes, translations
from dossier.services.documents import DocumentView, ImportReport
from dossier.services.vault_access import Vault

# What the viewer is given: the document, its pages' text, its file, a PDF's password.
Loaded = tuple[DocumentView, list[ocr.PageText], bytes | None, str | None]


class DocumentsTab(QWidget):
    def __init__(self, vault: Vault, person_id: int, jobs: Jobs) -> None:
        super().__init__()
        self._vault, self._person_id, self._jobs = vault, person_id, jobs
        self._pages: list[str] = []
        self._page_origins: list[ocr.PageText] = []
        self._current: DocumentView | None = None
        self._wanted_page = 1  # the page to show once the chosen document arrives
        self.state = QLabel()
        self.edits = EditState(self.state, say_saved=False)
        self._pdf_buffer: QBuffer | None = None
        self.setAcceptDrops(True)
        self.list: RecordList[DocumentView] = RecordList(_document_line)
        self.list.setAccessibleName(self.tr("Documents"))
        self.list.chosen.connect(self._show)
        import_button = QPushButton(self.tr("Import files…"))
        import_button.clicked.connect(self.choose_files)
        hint = QLabel(self.tr("Or drag files and folders here."))
        self.report = QLabel()
        self.report.setWordWrap(True)
        self.report.setAccessibleName(self.tr("Import report"))
        # Scans are read in the background, after their import: the lawyer works on meanwhile.
        self.reading = QLabel()
        self.reading.setWordWrap(True)
        self.reading_bar = QProgressBar()
        self.reading_bar.setAccessibleName(self.tr("Reading scanned pages"))
        self.stop_reading = QPushButton(self.tr("Stop reading"))
        self.stop_reading.clicked.connect(self.cancel_reading)
        self._reading_task: Task | None = None
        self._resume_reading = True
        left = QVBoxLayout()
        left.addWidget(self.list)
        left.addWidget(import_button)
        left.addWidget(hint)
        left.addWidget(self.report)
        left.addWidget(self.reading)
        left.addWidget(self.reading_bar)
        left.addWidget(self.stop_reading)
        for hidden in (self.reading_bar, self.stop_reading):
            hidden.setVisible(False)
        left_widget = QWidget()
        left_widget.setLayout(left)

        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Document text"))
        self.pdf_document = QPdfDocument(self)
        self.pdf_view = QPdfView()
        self.pdf_view.setDocument(self.pdf_document)
        self.pdf_view.setAccessibleName(self.tr("Document page"))
        self.image = FittedPicture()
        self.viewer = QStackedWidget()
        for widget in (self.text, self.pdf_view, self.image):
            self.viewer.addWidget(widget)
        self.page = QSpinBox()
        self.page.setAccessibleName(self.tr("Page"))
        self.page.setMinimum(1)
        self.page.valueChanged.connect(self._show_page)
        self.add_quote_button = QPushButton(self.tr("Add quote from selection"))
        self.add_quote_button.clicked.connect(self.add_quote_from_selection)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Page")))
        controls.addWidget(self.page)
        controls.addStretch()
        controls.addWidget(self.add_quote_button)
        # PDFs show the page and, beside it, its text, where a passage is selected for a quote.
        self.page_text = QPlainTextEdit()
        self.page_text.setReadOnly(True)
        self.page_text.setAccessibleName(self.tr("Page text"))
        split = QSplitter()
        split.addWidget(self.viewer)
        split.addWidget(self.page_text)
        self.meta = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        for name, label in (
            ("title", self.tr("Title")),
            # For the list of annexes of a filing in another language than the document's.
            ("title_translated", self.tr("Title in the working language")),
            ("author", self.tr("Author")),
            ("outlet", self.tr("Outlet")),
            ("date_published", self.tr("Published")),
            ("url", self.tr("Address (URL)")),
        ):
            edit = QLineEdit()
            edit.setAccessibleName(label)
            edit.textEdited.connect(self._edited)
            self.fields[name] = edit
            self.meta.addRow(label, edit)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind"))
        kinds = {
            "identity-document": self.tr("identity document"),
            "power-of-attorney": self.tr("power of attorney"),
            "court-decision": self.tr("court decision"), "charge-sheet": self.tr("charge sheet"),
            "notice-extract": self.tr("notice extract"), "news-article": self.tr("news article"),
            "ngo-report": self.tr("NGO report"), "ngo-statement": self.tr("NGO statement"),
            "official-letter": self.tr("official letter"),
            "witness-statement": self.tr("witness statement"),
            "expert-report": self.tr("expert report"),
            "translation-certificate": self.tr("translation certificate"),
            "photo": self.tr("photograph"), "email": self.tr("email"), "other": self.tr("other"),
            "refusal-letter": self.tr("refusal letter (the decision appealed)"),
            "country-report": self.tr("country report"),
            "asylum-application": self.tr("asylum application (Form I-589…)"),
        }  # fmt: skip
        for kind in vocabulary.DOCUMENT_KINDS:
            self.kind.addItem(kinds.get(kind, kind), kind)
        self.kind.activated.connect(self._edited)
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem(self.tr("Not set"), "")
        languages = {
            "en": self.tr("English"), "fr": self.tr("French"), "es": self.tr("Spanish"),
            "ar": self.tr("Arabic"), "ru": self.tr("Russian"), "ky": self.tr("Kyrgyz"),
            "kk": self.tr("Kazakh"), "uz": self.tr("Uzbek"), "tg": self.tr("Tajik"),
            "de": self.tr("German"), "zxx": self.tr("No words (a picture)"),
        }  # fmt: skip
        for code in vocabulary.DOCUMENT_LANGUAGES:
            self.language.addItem(languages.get(code, code), code)
        self.language.activated.connect(self._edited)
        self.confidential = QCheckBox(self.tr("Confidential (never annexed, never exported)"))
        self.confidential.clicked.connect(self._edited)
        self.meta.addRow(self.tr("Kind"), self.kind)
        self.meta.addRow(self.tr("Language"), self.language)
        self.meta.addRow("", self.confidential)
        self.translations = QListWidget()
        self.translations.setAccessibleName(self.tr("Translations"))
        self.translations.setMaximumHeight(60)
        add_translation = QPushButton(self.tr("Add translation…"))
        add_translation.clicked.connect(self.add_translation)
        translation_row = QHBoxLayout()
        translation_row.addWidget(self.translations, 1)
        translation_row.addWidget(add_translation)
        self.meta.addRow(self.tr("Translations"), translation_row)
        # Which organisations (Kloop, a court, an NGO) the document concerns.
        self.concerns = QLabel()
        self.concerns.setWordWrap(True)
        self.organisation = QComboBox()
        self.organisation.setAccessibleName(self.tr("Organisation"))
        link = QPushButton(self.tr("Link to organisation"))
        link.clicked.connect(self.link_organisation)
        organisation_row = QHBoxLayout()
        organisation_row.addWidget(self.concerns, 1)
        organisation_row.addWidget(self.organisation)
        organisation_row.addWidget(link)
        self.meta.addRow(self.tr("Concerns"), organisation_row)
        # Text recognition (OCR) of scanned pages: its state, and reading again in a language.
        self.ocr_state = QLabel()
        self.ocr_state.setWordWrap(True)
        self.ocr_state.setAccessibleName(self.tr("Text recognition"))
        self.ocr_languages = QComboBox()
        self.ocr_languages.setAccessibleName(self.tr("Languages to read in"))
        # As narrow as the form allows: its longest choice must not widen the whole form.
        self.ocr_languages.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.ocr_languages.setMinimumContentsLength(14)
        self.ocr_languages.addItem(self.tr("The document's language (else detected)"), "")
        for models, name in (
            ("rus+eng", self.tr("Russian")), ("kir+eng", self.tr("Kyrgyz")),
            ("kaz+eng", self.tr("Kazakh")), ("eng", self.tr("English")),
            ("kir+rus+eng", self.tr("Kyrgyz and Russian")),
            ("kaz+rus+eng", self.tr("Kazakh and Russian")),
        ):  # fmt: skip
            self.ocr_languages.addItem(name, models)
        self.read_button = QPushButton(self.tr("Read scanned pages"))
        self.read_button.clicked.connect(self.read_current)
        # A PDF whose own text is poor (a scanner's reading the check did not catch): the
        # lawyer can have every page read again.
        self.every_page = QCheckBox(self.tr("Every page"))
        self.every_page.setToolTip(
            self.tr("Also the pages with text of their own, which what is read replaces")
        )
        ocr_row = QHBoxLayout()
        ocr_row.addWidget(self.ocr_languages, 1)
        ocr_row.addWidget(self.every_page)
        ocr_row.addWidget(self.read_button)
        self.meta.addRow(self.tr("Text recognition"), self.ocr_state)
        self.meta.addRow("", ocr_row)
        self.suggestions = QLabel()
        self.suggestions.setWordWrap(True)
        self.suggestions.setAccessibleName(self.tr("Found in the file"))
        save = QPushButton(self.tr("Save details"))
        save.clicked.connect(self.save_details)
        accept = QPushButton(self.tr("Use what was found in the file"))
        accept.clicked.connect(self.accept_suggestions)
        delete = QPushButton(self.tr("Delete document…"))
        delete.clicked.connect(self.delete_current)
        # Two rows: in Russian the four in one row were wider than the details pane.
        buttons = QHBoxLayout()
        buttons.addWidget(save)
        buttons.addWidget(accept)
        buttons.addStretch()
        last = QHBoxLayout()
        last.addWidget(self.state, 1)
        last.addWidget(delete)
        self.meta.addRow(self.tr("Found in the file"), self.suggestions)
        self.meta.addRow("", buttons)
        self.meta.addRow("", last)
        # The document above, its details below (scrolled): the page keeps most of the room.
        viewing = QWidget()
        top = QVBoxLayout(viewing)
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(split)
        top.addLayout(controls)
        details = QWidget()
        details.setLayout(self.meta)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(details)
        right_widget = QSplitter(Qt.Orientation.Vertical)
        right_widget.addWidget(viewing)
        right_widget.addWidget(scroll)
        right_widget.setStretchFactor(0, 3)
        right_widget.setStretchFactor(1, 2)
        outer = QSplitter()
        outer.addWidget(left_widget)
        outer.addWidget(right_widget)
        outer.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(outer)
        self.refresh()

    # -------------------------------------------------------------------------- listing
    def refresh(self) -> None:
        person_id = self._person_id
        self._jobs.query(self, lambda: documents.list_documents(self._vault, person_id), self._fill)

    def _fill(self, views: list[DocumentView]) -> None:
        # Refilled in place, the document shown stays selected and shown: clearing the list
        # used to move the selection, and the form with it, to a neighbour (the next quote or
        # translation then went to the wrong document).
        kept = self._current.id if self._current is not None else None
        self.list.set_records(views, lambda view: view.id == kept)
        if kept is not None and not any(view.id == kept for view in views):
            self._forget_current()  # deleted (or no longer this person's)
        if self._resume_reading:
            # Scans left unread when the vault was last locked (or the program closed) are
            # read now; once per opening of the person's page, so that Stop is respected.
            self._resume_reading = False
            waiting = [view.id for view in views if view.ocr_state == "pending"]
            if waiting and self._reading_task is None:
                self.read_scans(waiting, None)

    def _forget_current(self) -> None:
        """Nothing shown: a deleted document's details and text leave the form and viewer."""
        self._current, self._pages, self._page_origins = None, [], []
        with self.edits.filling():
            for edit in self.fields.values():
                edit.setText("")
        self.text.setPlainText("")
        self.page_text.setPlainText("")
        self.viewer.setCurrentWidget(self.text)

    # --------------------------------------------------------------------------- import
    def choose_files(self) -> None:
        names = file_dialogs.open_files(self, self.tr("Import files"))
        if names:
            self.import_paths([Path(n) for n in names])

    def dragEnterEvent(self, event: object) -> None:
        if event.mimeData().hasUrls():  # type: ignore[attr-defined]
            event.acceptProposedAction()  # type: ignore[attr-defined]

    def dropEvent(self, event: object) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls()]  # type: ignore[attr-defined]
        self.import_paths([p for p in paths if str(p)])

    def import_paths(self, paths: list[Path], password: str | None = None) -> None:
        vault, person_id = self._vault, self._person_id

        def job(progress: Progress, cancelled: Cancel) -> ImportReport:
            return documents.import_files(
                vault,
                paths,
                person_ids=[person_id],
                password=password,
                accept_suggestions=True,
                progress=lambda done, total, _name: progress(done, total),
                cancelled=cancelled,
            )

        self._jobs.work(
            self,
            job,
            self._imported,
            progress_text=self.tr("Importing…"),
            touches=Touched.DOCUMENTS,
        )

    def _imported(self, report: ImportReport) -> None:
        self.last_report = report
        self.refresh()
        lines = [self.tr("Imported: %n document(s).", "", len(report.imported))]
        lines += [already.sentence for already in report.already]
        lines += [f"{name}: {reason}" for name, reason in report.skipped]
        lines += [f"{d.ref}: {w}" for d in report.imported for w in d.warnings]
        # Shown in the tab, not in a modal box: the lawyer can read it while working on.
        self.report.setText("\n".join(lines))
        for path in report.needs_password:
            self._import_with_password(path, path in report.wrong_password)
        unlinked = [already for already in report.already if not already.linked]
        if unlinked and self.offer_links(unlinked):
            self._link_here([already.ref for already in unlinked])
        scans = [d for d in report.imported if d.ocr_state == "pending"]
        if scans:
            self.report.setText(
                self.report.text()
                + "\n"
                + self.tr("Scans and photos to be read by text recognition (OCR): %1.").replace(
                    "%1", ", ".join(d.ref for d in scans)
                )
            )
            self.read_scans([d.id for d in scans], None)

    # ------------------------------------------------------------------ reading scans
    def read_current(self) -> None:
        if self._current is not None:
            every_page = self.every_page.isChecked() and self.every_page.isEnabled()
            self.read_scans(
                [self._current.id], self.ocr_languages.currentData() or None, every_page
            )

    def read_scans(
        self, document_ids: list[int], languages: str | None, every_page: bool = False
    ) -> None:
        """Read the scanned pages of these documents, one after another, in the background."""
        if self._reading_task is not None:
            self.reading.setText(self.tr("Scanned pages are being read; wait for them to end."))
            return
        vault = self._vault
        count = len(document_ids)

        def job(progress: Progress, cancelled: Cancel) -> list[str]:
            said = []
            for index, document_id in enumerate(document_ids):
                if cancelled():  # stopped before this one began: said all the same, once
                    if ocr.cancelled_sentence() not in said:
                        said.append(ocr.cancelled_sentence())
                    break

                def pages(done: int, total: int, index: int = index) -> None:
                    progress(index * 100 + done * 100 // max(total, 1), count * 100)

                try:
                    report = ocr.read_scanned_pages(
                        vault,
                        document_id,
                        languages,
                        progress=pages,
                        cancelled=cancelled,
                        every_page=every_page,
                    )
                    said.append(report.sentence)
                except DossierError as error:  # this one is said; the others are read on
                    said.append(say(error))
            return said

        self.reading.setText(self.tr("Reading scanned pages…"))
        self.reading_bar.setRange(0, count * 100)
        self.reading_bar.setValue(0)
        for shown in (self.reading_bar, self.stop_reading):
            shown.setVisible(True)
        self.read_button.setEnabled(False)
        task = self._jobs.work(
            self, job, self._read, touches=Touched.DOCUMENTS, on_failed=self._reading_failed
        )
        task.signals.progress.connect(lambda done, _total: self.reading_bar.setValue(done))
        self._reading_task = task

    def cancel_reading(self) -> None:
        if self._reading_task is not None:
            self._reading_task.cancel()
            self.reading.setText(self.tr("Stopping…"))

    def _reading_ended(self) -> None:
        self._reading_task = None
        for hidden in (self.reading_bar, self.stop_reading):
            hidden.setVisible(False)
        self.read_button.setEnabled(True)

    def _read(self, said: list[str]) -> None:
        self._reading_ended()
        self.reading.setText("\n".join(said))
        if self._current is not None:  # its text may be what was just read
            self.show_document(self._current.ref, self.page.value())

    def _reading_failed(self, message: str) -> None:
        self._reading_ended()
        self.reading.setText(message)

    def offer_links(self, unlinked: list[documents.AlreadyStored]) -> bool:
        """Files already in the vault as another person's evidence: link them here too?"""
        answer = QMessageBox.question(
            self,
            self.tr("Already in the vault"),
            "\n".join(already.sentence for already in unlinked)
            + "\n\n"
            + self.tr("Make them evidence of this person too? Nothing is imported twice."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _link_here(self, document_refs: list[str]) -> None:
        vault, person_id = self._vault, self._person_id

        def job() -> list[str]:
            for ref in document_refs:
                documents.link_person(vault, refs.parse(ref, "D"), person_id)
            return document_refs

        def linked(done: list[str]) -> None:
            self.report.setText(
                self.report.text()
                + "\n"
                + self.tr("Linked to this person: %1.").replace("%1", ", ".join(done))
            )
            self.refresh()

        self._jobs.change(self, job, linked, touches=Touched.DOCUMENTS)

    def ask_password(self, name: str, wrong: bool = False) -> str | None:
        """The password of a protected PDF, asked in a small dialog (None: not given); asked
        again, saying so, after a wrong one."""
        if wrong:
            question = self.tr("That password is not correct for %1. Try again:")
        else:
            question = self.tr("%1 is protected by a password. Enter it to import the file (it "
                               "is kept in the vault, for the bundle):")  # fmt: skip
        echo = QLineEdit.EchoMode.Password
        text, given = QInputDialog.getText(
            self, self.tr("Protected PDF"), question.replace("%1", name), echo
        )
        return text if given and text else None

    def _import_with_password(self, path: Path, wrong: bool = False) -> None:
        password = self.ask_password(path.name, wrong)
        if password is not None:
            self.import_paths([path], password=password)

    # --------------------------------------------------------------------------- viewer
    def _show(self, view: DocumentView | None) -> None:
        if self.dirty:
            self.save_details()  # the details typed for the previous document are kept
        if view is None:
            return
        vault = self._vault

        def job() -> Loaded:
            fresh = documents.show_document(vault, view.id)  # its reading may have ended
            pages = ocr.document_text(vault, view.id)
            wants_bytes = view.mime_type == "application/pdf" or view.mime_type.startswith("image/")
            data = documents.preview(vault, view.id) if wants_bytes else None
            return fresh, pages, data, documents.pdf_passwords(vault, [view.id]).get(view.id)

        self._jobs.query(self, job, self._display)

    def _display(self, loaded: Loaded) -> None:
        view, origins, data, password = loaded
        pages = [page.text for page in origins]
        self._current, self._pages, self._page_origins = view, pages, origins
        self._show_details(view)
        self.page.setMaximum(max(1, len(pages)))
        if view.mime_type == "application/pdf" and data is not None:
            # Held in memory only: nothing of the exhibit is written outside the vault.
            self._pdf_buffer = QBuffer(self)
            self._pdf_buffer.setData(QByteArray(data))
            self._pdf_buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            # A protected PDF opens with the password it was imported with (else: a grey box).
            self.pdf_document.setPassword(password or "")
            self.pdf_document.load(self._pdf_buffer)
            self.viewer.setCurrentWidget(self.pdf_view)
        elif view.mime_type.startswith("image/") and data is not None:
            self._picture(data)
            self.viewer.setCurrentWidget(self.image)
        else:
            self.text.setPlainText("\n\n".join(pages))
            self.viewer.setCurrentWidget(self.text)
        # Text beside the page where the viewer cannot select it itself (PDF pages, photos).
        self.page_text.setVisible(view.mime_type == "application/pdf" or bool(view.ocr_state))
        wanted, self._wanted_page = min(self._wanted_page, max(1, len(pages))), 1
        self.page.setValue(wanted)
        self._show_page(wanted)

    def show_document(self, ref: str, page: int = 0) -> None:
        """Show the document with this reference (D3), at ``page`` when one is given."""
        for row, view in enumerate(self.list.records()):
            if view.ref == ref:
                self._wanted_page = max(page, 1)
                if self.list.currentRow() == row:
                    self._show(view)
                else:
                    self.list.setCurrentRow(row)
                return

    def _show_details(self, view: DocumentView) -> None:
        with self.edits.filling():
            for name, edit in self.fields.items():
                value = getattr(view, name) or ""
                edit.setText(dates.shown(value) if name == "date_published" and value else value)
            self.kind.setCurrentIndex(max(self.kind.findData(view.kind), 0))
            self.language.setCurrentIndex(max(self.language.findData(view.language or ""), 0))
            self.confidential.setChecked(view.confidential)
        self.edits.mark(False)
        self._load_translations(view.id)
        self._load_organisations(view.ref)
        self.suggestions.setText(
            "; ".join(f"{k}: {v}" for k, v in view.suggestions.items()) or self.tr("nothing")
        )
        readable = view.ocr_state is not None or view.mime_type == "application/pdf"
        self.read_button.setEnabled(readable and self._reading_task is None)
        self.ocr_languages.setEnabled(readable)
        self.every_page.setEnabled(view.mime_type == "application/pdf")
        self.every_page.setChecked(False)
        self.ocr_state.setText(self._ocr_sentence(view))

    def _ocr_sentence(self, view: DocumentView) -> str:
        if view.ocr_state is None:
            return self.tr("Not needed: the text comes from the file.")
        if view.ocr_state == "pending":
            return self.tr("Scanned pages not read yet.")
        if view.ocr_state == "failed":
            return self.tr("Could not be read: %1").replace("%1", view.ocr_problem or "")
        read = [p for p in self._page_origins if p.origin == "ocr"]
        if not read:
            return self.tr("Read.")
        confidence = sum(p.confidence or 0 for p in read) / len(read)
        return (
            self.tr("Read by OCR: %n page(s) (%1, %2), mean confidence %3%.", "", len(read))
            .replace("%1", read[0].engine or "")
            .replace("%2", ", ".join(sorted({p.languages or "" for p in read})))
            .replace("%3", f"{confidence:.0f}")
        )

    def save_details(self) -> None:
        if self._current is None:
            return
        vault, document_id = self._vault, self._current.id
        values: dict[str, str | bool | None] = {
            name: edit.text().strip() for name, edit in self.fields.items()
        }
        shown = self._current.date_display or ""
        if values["date_published"] == shown:
            values["date_published"] = None  # unchanged ("August (year unknown)" is display only)
        values["kind"] = str(self.kind.currentData())
        values["language"] = str(self.language.currentData() or "")
        values["confidential"] = self.confidential.isChecked()
        self.edits.mark(False)

        def job() -> DocumentView:
            return documents.update_document(vault, document_id, **values)

        self._jobs.change(
            self, job, self._details_saved, on_failed=self.edits.failed,
            touches=Touched.DOCUMENTS,
        )  # fmt: skip

    @property
    def dirty(self) -> bool:
        return self.edits.dirty

    def _edited(self, *_args: object) -> None:
        if self._current is not None:  # nothing to save before a document is shown
            self.edits.edited()

    # ---------------------------------------------------------------- translations
    def _load_translations(self, document_id: int) -> None:
        vault = self._vault
        self._jobs.query(
            self,
            lambda: translations.list_translations(vault, document_id),
            self._fill_translations,
        )

    def _fill_translations(self, listed: list[translations.TranslationView]) -> None:
        self.translations.clear()
        for item in listed:
            by = item.translator or self.tr("translator not named")
            self.translations.addItem(f"{item.ref}  {item.language_name} — {by}")

    def ask_translation(
        self, title: str, known: Sequence[translations.Translator] = ()
    ) -> dict[str, str | None] | None:
        dialog = TranslationDialog(title, self, known)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def add_translation(self) -> None:
        if self._current is None:
            return
        vault, title = self._vault, self._current.title
        self._jobs.query(
            self,
            lambda: translations.translators(vault),
            lambda known: self._add_translation(title, known),
        )

    def _add_translation(self, title: str, known: list[translations.Translator]) -> None:
        if self._current is None:
            return
        given = self.ask_translation(title, known)
        if given is None:
            return
        vault, document_id = self._vault, self._current.id
        language, text = str(given.pop("language")), str(given.pop("text"))

        def job() -> translations.TranslationView:
            return translations.add_translation(
                vault, document_id, language=language, text=text, **given
            )

        self._jobs.change(
            self, job, lambda _t: self._load_translations(document_id), touches=Touched.DOCUMENTS
        )

    # ---------------------------------------------------------------- organisations
    def refresh_organisations(self) -> None:
        """After any change (an organisation made on the Profile tab, say): the shown
        document's organisations again; the list and the details being typed stay."""
        if self._current is not None:
            self._load_organisations(self._current.ref)

    def _load_organisations(self, document_ref: str) -> None:
        vault = self._vault
        self._jobs.query(
            self,
            lambda: organisations.list_organisations(vault),
            lambda listed: self._fill_organisations(document_ref, listed),
        )

    def _fill_organisations(
        self, document_ref: str, listed: list[organisations.OrganisationView]
    ) -> None:
        if self._current is None or self._current.ref != document_ref:
            return  # another document is shown by now
        linked = [o.name for o in listed if document_ref in o.documents]
        self.concerns.setText(", ".join(linked) or self.tr("no organisation yet"))
        chosen = self.organisation.currentData()
        self.organisation.clear()
        for organisation in listed:
            if organisation.name not in linked:
                self.organisation.addItem(organisation.name, organisation.id)
        self.organisation.setCurrentIndex(max(self.organisation.findData(chosen), 0))

    def link_organisation(self) -> None:
        """Say the shown document concerns the chosen organisation (made on the Profile tab)."""
        if self._current is None or self.organisation.currentData() is None:
            return
        vault, document = self._vault, self._current
        organisation_id = int(self.organisation.currentData())
        self._jobs.change(
            self,
            lambda: organisations.link_document(vault, organisation_id, document.id),
            lambda _o: self._load_organisations(document.ref),
            touches=Touched.ORGANISATIONS,
        )

    # ------------------------------------------------------------------- deleting
    def confirm_delete(self, sentence: str) -> bool:
        """Deleting evidence is the user's act, after a confirmation that names it (No by
        default)."""
        answer = QMessageBox.question(
            self,
            self.tr("Delete this document?"),
            sentence + "\n\n" + self.tr("This cannot be undone."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def delete_current(self) -> None:
        if self._current is None:
            return
        vault, document_id = self._vault, self._current.id
        self._jobs.query(
            self, lambda: documents.deletion_plan(vault, document_id), self._ask_delete
        )

    def _ask_delete(self, plan: documents.DeletionPlan) -> None:
        if not self.confirm_delete(plan.sentence):
            return
        vault, document_id = self._vault, plan.document.id
        self.edits.mark(False)
        self._forget_current()

        def done(_plan: documents.DeletionPlan) -> None:
            self.report.setText(self.tr("%1 was deleted.").replace("%1", plan.document.ref))
            self.refresh()

        # A document's quotes, and the citations and annexes using it, go with it.
        self._jobs.change(self, lambda: documents.delete_document(vault, document_id), done)

    def accept_suggestions(self) -> None:
        if self._current is None:
            return
        vault, document_id = self._vault, self._current.id
        self._jobs.change(
            self,
            lambda: documents.accept_suggestions(vault, document_id),
            self._details_saved,
            touches=Touched.DOCUMENTS,
        )

    def _details_saved(self, view: DocumentView) -> None:
        self._current = view
        self._show_details(view)
        self.report.setText(self.tr("Details of %1 saved.").replace("%1", view.ref))
        self.refresh()

    def _picture(self, data: bytes) -> None:
        # Decoded and turned upright off the GUI thread (HEIC too): a PNG arrives here.
        self.image.show_image(QImage.fromData(data))

    def _show_page(self, number: int) -> None:
        if not (self._pages and 1 <= number <= len(self._pages)) or self._current is None:
            return
        self.page_text.setPlainText(self._pages[number - 1])
        if self.viewer.currentWidget() is self.text:
            return
        vault, document_id = self._vault, self._current.id
        if self._current.mime_type == "application/pdf":
            if self._page_origins[number - 1].rotation:
                # Read turned (a page filed sideways): shown as it was read, beside its text;
                # the PDF viewer shows pages only as filed.
                self._jobs.query(
                    self, lambda: documents.upright_page(vault, document_id, number), self._picture
                )
                self.viewer.setCurrentWidget(self.image)
            else:
                self.viewer.setCurrentWidget(self.pdf_view)
                self.pdf_view.pageNavigator().jump(number - 1, self.pdf_view.pos())
        elif len(self._pages) > 1:  # a scanner's TIFF: each page is its own picture
            self._jobs.query(
                self, lambda: documents.preview(vault, document_id, number), self._picture
            )

    def selected_text(self) -> str:
        for widget in (self.page_text, self.text):
            selected = widget.textCursor().selectedText().replace("\u2029", "\n")
            if selected.strip():
                return selected
        return ""

    def add_quote_from_selection(self) -> None:
        selected = self.selected_text()
        if self._current is None or not selected:
            self.report.setText(self.tr("Select the words of the quote first."))
            return
        speaker, ok = QInputDialog.getText(self, self.tr("Add quote"), self.tr("Speaker:"))
        if not ok:
            return
        self.add_quote(selected, speaker or None)

    def add_quote(self, text: str, speaker: str | None) -> None:
        assert self._current is not None
        vault, document_id, page = self._vault, self._current.id, self.page.value()
        self._jobs.change(
            self,
            lambda: quotes.add_quote(vault, document_id, text, speaker=speaker, page=page),
            self._quote_added,
            touches=Touched.QUOTES,
        )

    def _quote_added(self, quote: quotes.QuoteView) -> None:
        self.last_quote = quote
        self.report.setText(quote.warning or self.tr("Quote %1 added.").replace("%1", quote.ref))


def _document_line(view: DocumentView) -> str:
    return f"{view.ref}  {view.title}"
