"""The tabs of a person page besides Documents: Profile, Quotes, Chronology, Grounds, Export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSignalBlocker, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import file_dialogs
from desktop.annexes_panel import AnnexesPanel
from desktop.chronology_model import ChronologyModel
from desktop.jobs import Jobs, Touched, notify
from desktop.record_list import RecordList
from desktop.worker import Cancel, Progress
from dossier import dates, refs
from dossier.errors import DossierError
from dossier.export import templates
from dossier.export.case_export import ExportResult, export_case, suggested_name
from dossier.export.pdf.timeline import chart, chart_png
from dossier.export.signing_key import SigningKey, from_token, load_pkcs12
from dossier.i18n import t
from dossier.legal_grounds import CASE_KINDS
from dossier.services import cases, documents, events, quotes, signing_certificates
from dossier.services.events import EVENT_KINDS, EventView
from dossier.services.vault_access import Vault


class QuotesTab(QWidget):
    """The person's quotes: each can be corrected (its words checked against the document
    again) or deleted after a confirmation that names it and where it is used."""

    def __init__(self, vault: Vault, person_id: int, jobs: Jobs) -> None:
        super().__init__()
        self._vault, self._person_id, self._jobs = vault, person_id, jobs
        self._shown: quotes.QuoteView | None = None
        self.list: RecordList[quotes.QuoteView] = RecordList(self._line)
        self.list.setAccessibleName(self.tr("Quotes"))
        self.list.chosen.connect(self._show)
        self.words = QPlainTextEdit()
        self.words.setAccessibleName(self.tr("The exact words"))
        self.words.setTabChangesFocus(True)
        self.speaker = QLineEdit()
        self.speaker.setAccessibleName(self.tr("Speaker"))
        self.said_on = QLineEdit()
        self.said_on.setAccessibleName(self.tr("When it was said"))
        self.translation = QPlainTextEdit()
        self.translation.setAccessibleName(self.tr("Translation"))
        self.translation.setTabChangesFocus(True)
        self.translation.setMaximumHeight(80)
        self.words.setMaximumHeight(80)
        self.report = QLabel()
        self.report.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save quote"))
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton(self.tr("Delete quote…"))
        self.delete_button.clicked.connect(self.delete_current)
        form = QFormLayout()
        form.addRow(self.tr("The exact words"), self.words)
        form.addRow(self.tr("Speaker"), self.speaker)
        form.addRow(self.tr("When it was said"), self.said_on)
        form.addRow(self.tr("Translation"), self.translation)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.report)
        self._enable(False)
        self.refresh()

    def _enable(self, enabled: bool) -> None:
        for widget in (self.words, self.speaker, self.said_on, self.translation,
                       self.save_button, self.delete_button):  # fmt: skip
            widget.setEnabled(enabled)

    def refresh(self) -> None:
        vault, person_id = self._vault, self._person_id
        self._jobs.query(self, lambda: quotes.list_quotes(vault, person_id=person_id), self._fill)

    def _fill(self, views: list[quotes.QuoteView]) -> None:
        kept = self._shown.id if self._shown is not None else None
        self.list.set_records(views, lambda quote: quote.id == kept)
        if kept is not None and not any(quote.id == kept for quote in views):
            self._show(None)

    def _line(self, quote: quotes.QuoteView) -> str:
        where = f"{quote.document_ref}" + (f", p. {quote.page}" if quote.page else "")
        flag = "" if quote.found_in_document else self.tr(" (not found in the document)")
        return f"{quote.ref}  “{quote.text}” — {quote.speaker or '?'}, {where}{flag}"

    def _show(self, quote: quotes.QuoteView | None) -> None:
        self._shown = quote
        self.words.setPlainText(quote.text if quote else "")
        self.speaker.setText((quote.speaker or "") if quote else "")
        self.said_on.setText(dates.shown(quote.date_said) if quote and quote.date_said else "")
        self.translation.setPlainText((quote.translation or "") if quote else "")
        self._enable(quote is not None)

    def save(self) -> None:
        if self._shown is None:
            return
        vault, quote_id = self._vault, self._shown.id
        said = self.said_on.text().strip()
        shown = dates.shown(self._shown.date_said) if self._shown.date_said else ""
        text, speaker = self.words.toPlainText(), self.speaker.text()
        date_said = None if said == shown else said
        translation = self.translation.toPlainText()

        def saved(quote: quotes.QuoteView) -> None:
            self._shown = quote
            self.report.setText(
                self.tr("%1 saved.").replace("%1", quote.ref)
                + (f" {quote.warning}" if quote.warning else "")
            )
            self.refresh()

        self._jobs.change(
            self,
            lambda: quotes.update_quote(
                vault,
                quote_id,
                text=text,
                speaker=speaker,
                date_said=date_said,
                translation=translation,
            ),
            saved,
            touches=Touched.QUOTES,
        )

    def confirm_delete(self, sentence: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Delete this quote?"),
            sentence,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def delete_current(self) -> None:
        if self._shown is None:
            return
        vault, quote_id = self._vault, self._shown.id

        def ask(uses: quotes.QuoteUses) -> None:
            if not self.confirm_delete(uses.sentence):
                return

            def deleted(_uses: quotes.QuoteUses) -> None:
                self.report.setText(self.tr("%1 was deleted.").replace("%1", uses.quote.ref))
                self._show(None)
                self.refresh()

            # Its citations in the chronology and the grounds go with it.
            self._jobs.change(
                self, lambda: quotes.delete_quote(vault, quote_id), deleted,
                touches=Touched.QUOTES | Touched.EVENTS | Touched.CASES,
            )  # fmt: skip

        self._jobs.query(self, lambda: quotes.quote_uses(vault, quote_id), ask)


class ChronologyTab(QWidget):
    def __init__(self, vault: Vault, person_id: int, jobs: Jobs) -> None:
        super().__init__()
        self._vault, self._person_id, self._jobs = vault, person_id, jobs
        self.model = ChronologyModel([self.tr("Date"), self.tr("Event"), self.tr("Sources")])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Chronology"))
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
        self._events: list[EventView] = []
        self.editing: int | None = None  # the event whose details are in the form
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(200)  # sized by the first rows, not all of them
        self.conflicts = QLabel()
        self.conflicts.setWordWrap(True)
        self.timeline = QLabel()
        self.timeline.setAccessibleName(self.tr("Timeline"))
        self.timeline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.date = QLineEdit()
        self.date.setPlaceholderText(self.tr('As the source says: "Aug 2025", "c. 2021"'))
        self.date.setAccessibleName(self.tr("Date"))
        self.date_preview = QLabel()
        self.date.textChanged.connect(self._preview)
        self.title = QLineEdit()
        self.title.setAccessibleName(self.tr("Event"))
        self.kind = QComboBox()
        kinds = {
            "arrest": self.tr("arrest"), "search": self.tr("search"),
            "detention": self.tr("detention"), "charge": self.tr("charge"),
            "court-ruling": self.tr("court ruling"), "sentence": self.tr("sentence"),
            "notice-requested": self.tr("notice requested"),
            "notice-refused": self.tr("notice refused"),
            "notice-deleted": self.tr("notice deleted"),
            "extradition-request": self.tr("extradition request"),
            "asylum-decision": self.tr("asylum decision"),
            "international-statement": self.tr("international statement"),
            "threat": self.tr("threat"), "other": self.tr("other"),
        }  # fmt: skip
        for kind in EVENT_KINDS:  # said in the window's language, stored as the kind's code
            self.kind.addItem(kinds.get(kind, kind), kind)
        self.kind.setAccessibleName(self.tr("Kind of event"))
        self.cite = QLineEdit()
        self.cite.setPlaceholderText("D3:2 Q4")
        self.cite.setAccessibleName(self.tr("Sources"))
        # Pick a document (with a page) or a quote instead of typing its reference.
        self.source_picker = QComboBox()
        self.source_picker.setAccessibleName(self.tr("Pick a source"))
        self.source_page = QSpinBox()
        self.source_page.setRange(0, 9999)
        self.source_page.setSpecialValueText(self.tr("no page"))
        self.source_page.setAccessibleName(self.tr("Page of the source"))
        pick = QPushButton(self.tr("Cite"))
        pick.clicked.connect(self.cite_picked)
        picker_row = QHBoxLayout()
        picker_row.addWidget(self.source_picker, 1)
        picker_row.addWidget(self.source_page)
        picker_row.addWidget(pick)
        add = self.add_button = QPushButton(self.tr("Add event"))
        add.clicked.connect(self.add_event)
        edit = QPushButton(self.tr("Edit selected"))
        edit.clicked.connect(self.edit_selected)
        delete = QPushButton(self.tr("Delete selected…"))
        delete.clicked.connect(self.delete_selected)
        merge = QPushButton(self.tr("Merge the two selected…"))
        merge.setToolTip(self.tr("Two accounts of one event: keep one, with the date that stands"))
        merge.clicked.connect(self.merge_selected)
        self.cancel_edit = QPushButton(self.tr("Cancel editing"))
        self.cancel_edit.clicked.connect(self._stop_editing)
        self.cancel_edit.setVisible(False)
        table_buttons = QHBoxLayout()
        for button in (edit, delete, merge):
            table_buttons.addWidget(button)
        table_buttons.addStretch()
        form = QFormLayout()
        form.addRow(self.tr("Date"), self.date)
        form.addRow("", self.date_preview)
        form.addRow(self.tr("Event"), self.title)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Sources"), self.cite)
        form.addRow("", picker_row)
        add_row = QHBoxLayout()
        add_row.addWidget(add)
        add_row.addWidget(self.cancel_edit)
        add_row.addStretch()
        form.addRow("", add_row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.timeline)
        layout.addWidget(self.table)
        layout.addLayout(table_buttons)
        layout.addWidget(self.conflicts)
        layout.addLayout(form)
        self.refresh()

    def _fill_sources(self, listed: list[tuple[str, str]]) -> None:
        self.source_picker.clear()
        for ref, label in listed:
            self.source_picker.addItem(label, ref)

    def cite_picked(self) -> None:
        ref = self.source_picker.currentData()
        if ref is None:
            return
        page = self.source_page.value()
        citation = f"{ref}:{page}" if page and str(ref).startswith("D") else str(ref)
        self.cite.setText((self.cite.text() + " " + citation).strip())

    def _preview(self, text: str) -> None:
        try:
            self.date_preview.setText(dates.shown(dates.to_edtf(text)) if text.strip() else "")
        except DossierError:
            self.date_preview.setText(self.tr("Not a date yet"))

    def refresh(self) -> None:
        vault, person_id = self._vault, self._person_id

        def sources() -> list[tuple[str, str]]:
            theirs = documents.list_documents(vault, person_id)
            listed = [(d.ref, f"{d.ref}  {d.title}") for d in theirs]
            listed += [
                (q.ref, f"{q.ref}  “{q.text[:60]}”")
                for q in quotes.list_quotes(vault, person_id=person_id)
            ]
            return listed

        self._jobs.query(self, sources, self._fill_sources)

        def job() -> tuple[list[EventView], list[str], bytes | None]:
            chronology = events.chronology(vault, person_id)
            drawing = chart(chronology, 640)
            png = chart_png(drawing, scale=1.5).getvalue() if drawing is not None else None
            return chronology, [c.message for c in events.date_conflicts(vault, person_id)], png

        self._jobs.query(self, job, self._fill)

    def _fill(self, loaded: tuple[list[EventView], list[str], bytes | None]) -> None:
        chronology, conflicts, png = loaded
        self._events = chronology
        self.timeline.setPixmap(QPixmap.fromImage(QImage.fromData(png)) if png else QPixmap())
        self.model.set_events(chronology)
        hint = self.tr(
            "Select both rows and choose Merge: the account you choose stands, with its own "
            "words and date; the other's sources join it."
        )
        self.conflicts.setText("\n".join(conflicts) + ("\n" + hint if conflicts else ""))

    def add_event(self) -> None:
        """Add the event in the form, or save the changes to the one being edited."""
        vault, person_id, editing = self._vault, self._person_id, self.editing
        date_text, title = self.date.text(), self.title.text()
        kind, cite = str(self.kind.currentData()), self.cite.text().split()
        if not title.strip():
            notify(self, self.tr("Add event"), self.tr("Give the event a title."))
            return

        def job() -> EventView:
            if editing is not None:
                return events.update_event(
                    vault, editing, date_text=date_text, title=title, kind=kind, cite=cite
                )
            return events.add_event(vault, person_id, date_text, title, kind=kind, cite=cite)

        self._jobs.change(self, job, self._added, touches=Touched.EVENTS)

    def _added(self, _event: EventView) -> None:
        self._stop_editing()
        self.refresh()

    def _stop_editing(self) -> None:
        self.editing = None
        self.date.clear()
        self.title.clear()
        self.cite.clear()
        self.add_button.setText(self.tr("Add event"))
        self.cancel_edit.setVisible(False)

    def selected_events(self) -> list[EventView]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self._events[row] for row in rows if row < len(self._events)]

    def edit_selected(self) -> None:
        chosen = self.selected_events()
        if len(chosen) != 1:
            notify(self, self.tr("Edit"), self.tr("Select one event to edit."))
            return
        event = chosen[0]
        self.editing = event.id
        self.date.setText(event.date_display)
        self.title.setText(event.title)
        self.kind.setCurrentIndex(max(self.kind.findData(event.kind), 0))
        self.cite.setText(" ".join(
            c.quote_ref or (c.document_ref + (f":{c.page}" if c.page else ""))
            for c in event.citations
        ))  # fmt: skip
        self.add_button.setText(self.tr("Save changes"))
        self.cancel_edit.setVisible(True)
        self.title.setFocus()

    def confirm_delete(self, event: EventView) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Delete this event?"),
            self.tr("Delete the event “%1” of %2 from the chronology? Its sources stay.")
            .replace("%1", event.title)
            .replace("%2", event.date_display),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def delete_selected(self) -> None:
        chosen = self.selected_events()
        if len(chosen) != 1:
            notify(self, self.tr("Delete"), self.tr("Select one event to delete."))
            return
        if not self.confirm_delete(chosen[0]):
            return
        vault, event_id = self._vault, chosen[0].id
        self._jobs.change(
            self, lambda: events.delete_event(vault, event_id), self._added,
            touches=Touched.EVENTS | Touched.CASES,  # a ground may have cited it
        )  # fmt: skip

    def ask_merge(self, first: EventView, second: EventView) -> tuple[int, str] | None:
        """Which account stands (its words, date and sources; the other's sources join it),
        and why its date stands (None: not merged)."""
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Merge two accounts of one event"))
        which = QComboBox()
        which.setAccessibleName(self.tr("The account that stands"))
        for event in (first, second):
            which.addItem(f"{event.date_display} — {event.title}", event.id)
        note = QPlainTextEdit()
        note.setAccessibleName(self.tr("Why this date stands"))
        note.setTabChangesFocus(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form = QFormLayout(dialog)
        form.addRow(self.tr("The account that stands"), which)
        form.addRow(self.tr("Why (printed as a footnote)"), note)
        form.addRow(buttons)
        if dialog.exec() != QDialog.DialogCode.Accepted or not note.toPlainText().strip():
            return None
        return int(which.currentData()), note.toPlainText().strip()

    def merge_selected(self) -> None:
        chosen = self.selected_events()
        if len(chosen) != 2:
            notify(self, self.tr("Merge"), self.tr("Select the two accounts of the event."))
            return
        answer = self.ask_merge(chosen[0], chosen[1])
        if answer is None:
            return
        standing, note = answer
        vault = self._vault
        other = next(event.id for event in chosen if event.id != standing)
        self._jobs.change(
            self, lambda: events.merge_events(vault, standing, other, note=note), self._added,
            touches=Touched.EVENTS | Touched.CASES,
        )  # fmt: skip


class GroundsTab(QWidget):
    def __init__(self, vault: Vault, person_id: int, jobs: Jobs) -> None:
        super().__init__()
        self._vault, self._person_id, self._jobs = vault, person_id, jobs
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Grounds"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind of case"))
        for kind, (title, _grounds) in CASE_KINDS.items():
            self.kind.addItem(t(title), kind)
        self.country = QLineEdit()
        self.country.setPlaceholderText(self.tr("Requesting country"))
        self.country.setAccessibleName(self.tr("Requesting country"))
        self.evidence = QLineEdit()
        self.evidence.setPlaceholderText(self.tr("D3, Q2 or E5 for the selected ground"))
        self.evidence.setAccessibleName(self.tr("Evidence to link"))
        link = QPushButton(self.tr("Link evidence"))
        link.clicked.connect(self.link_evidence)
        link_row = QHBoxLayout()
        link_row.addWidget(self.evidence)
        link_row.addWidget(link)
        # A new case may start as a copy of another of the person's (another forum): its
        # facts, particulars, the arguments of the grounds both share, and its annexes.
        self.start_from = QComboBox()
        self.start_from.setAccessibleName(self.tr("Start from"))
        self.start_from.addItem(self.tr("Empty"), None)
        open_case = QPushButton(self.tr("Open a case"))
        open_case.clicked.connect(self.open_case)
        row = QHBoxLayout()
        row.addWidget(self.kind)
        row.addWidget(self.country)
        row.addWidget(QLabel(self.tr("Start from")))
        row.addWidget(self.start_from)
        row.addWidget(open_case)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(link_row)
        layout.addLayout(row)
        self.refresh()

    def link_evidence(self) -> None:
        item = self.list.currentItem()
        if item is None or not self.evidence.text().strip():
            notify(
                self, self.tr("Link evidence"), self.tr("Select a ground, then type D3, Q2 or E5.")
            )
            return
        vault, ground_id = self._vault, int(item.data(Qt.ItemDataRole.UserRole))
        targets = self.evidence.text().replace(",", " ").split()

        def job() -> cases.GroundView:
            ground = None
            for target in targets:
                ground = cases.link_evidence(vault, ground_id, target)
            assert ground is not None
            return ground

        self._jobs.change(self, job, self._linked, touches=Touched.CASES)

    def _linked(self, _ground: cases.GroundView) -> None:
        self.evidence.clear()
        self.refresh()

    def open_case(self) -> None:
        vault, person_id = self._vault, self._person_id
        kind, country = str(self.kind.currentData()), self.country.text().strip() or None
        source = self.start_from.currentData()

        def job() -> cases.CaseView:
            if source is not None:
                copy = cases.copy_case(vault, int(source), kind)
                if country:
                    copy = cases.update_case(vault, copy.id, requesting_country=country)
                return copy
            return cases.add_case(vault, person_id, kind, requesting_country=country)

        self._jobs.change(self, job, self._opened, touches=Touched.CASES)

    def _opened(self, _case: cases.CaseView) -> None:
        self.refresh()

    def refresh(self) -> None:
        vault, person_id = self._vault, self._person_id

        def job() -> tuple[list[cases.CaseView], list[tuple[str, cases.GroundView]]]:
            listed = cases.list_cases(vault, person_id)
            return listed, [
                (case.ref, ground) for case in listed for ground in cases.grounds(vault, case.id)
            ]

        self._jobs.query(self, job, self._fill)

    def _fill(
        self, loaded: tuple[list[cases.CaseView], list[tuple[str, cases.GroundView]]]
    ) -> None:
        listed, grounds = loaded
        kept = self.start_from.currentData()
        self.start_from.clear()
        self.start_from.addItem(self.tr("Empty"), None)
        for case in listed:
            self.start_from.addItem(f"{case.ref}  {t(case.kind_title)}", case.id)
        self.start_from.setCurrentIndex(max(self.start_from.findData(kept), 0))
        self.list.clear()
        for case_ref, ground in grounds:
            evidence = ", ".join(ground.evidence) or self.tr("MISSING: no evidence yet")
            item = QListWidgetItem(f"{case_ref} {ground.ref}  {t(ground.title)}\n    {evidence}")
            item.setData(Qt.ItemDataRole.UserRole, ground.id)
            self.list.addItem(item)


class ExportTab(QWidget):
    exported = Signal(object)

    def __init__(self, vault: Vault, person_id: int, jobs: Jobs) -> None:
        super().__init__()
        self._vault, self._person_id, self._jobs = vault, person_id, jobs
        self.last_message: QMessageBox | None = None
        self.case = QComboBox()
        self.case.setAccessibleName(self.tr("Case"))
        self.template = QComboBox()
        self.template.addItem(self.tr("Suited to the case"), None)
        for template_id in templates.available():
            self.template.addItem(template_id, template_id)
        self.format = QComboBox()
        self.format.addItem(self.tr("PDF bundle (submission and annexes)"), "pdf")
        self.format.addItem(self.tr("Word document (the submission, to edit)"), "docx")
        # The CCF takes requests only through its online portal (since 26 March 2026).
        self.format.addItem(self.tr("Files for the forum's online portal (a new folder)"), "portal")
        self.format.addItem(
            self.tr("Evidence package (ZIP: originals, translations, bundle, manifest)"), "package"
        )
        self.format.currentIndexChanged.connect(self._format_changed)
        self.paper = QComboBox()
        self.paper.addItem(self.tr("The forum's paper"), None)
        self.paper.addItem("A4", "a4")
        self.paper.addItem("US Letter", "letter")
        self.annexes = AnnexesPanel(vault, person_id, jobs)
        for combo in (self.case, self.template, self.paper):
            combo.currentIndexChanged.connect(self._show_annexes)
        # Each case keeps its own file name: the US case was once about to be saved under the
        # UK case's "uk-duulatov.docx".
        self._names: dict[int, str] = {}
        # The name each case's forum expects ("Duulatov_Brief" for ECAS), else "C2-asylum-us".
        self._suggested: dict[int, str] = {}
        self._case_shown: int | None = None
        self.case.currentIndexChanged.connect(self._case_changed)
        self.redact = QLineEdit()
        self.redact.setPlaceholderText(self.tr("Names to hide, separated by ;"))
        self.draft = QCheckBox(self.tr("Draft (marked DRAFT on every page)"))
        self.split = QSpinBox()
        self.split.setRange(0, 500)
        self.split.setSuffix(" MB")
        # 0: one file, unless the forum's e-filing takes files up to a size (ECAS: 25 MB).
        self.split.setSpecialValueText(self.tr("As the forum takes them"))
        self.split.setAccessibleName(self.tr("Split into parts of at most"))
        self.sign = QComboBox()
        self.sign.setAccessibleName(self.tr("Sign"))
        self.sign.addItem(self.tr("Not signed"), None)
        self.sign.addItem(self.tr("With this vault's certificate (self-signed)"), "vault")
        self.sign.addItem(self.tr("With a certificate file (.p12, .pfx)…"), "file")
        self.sign.addItem(self.tr("With a smart card or token…"), "token")
        self.attach = QCheckBox(self.tr("Put each annex's original file inside the PDF"))
        self.pdfa = QCheckBox(self.tr("PDF/A (archival: renders the same for decades)"))
        for widget, name in (
            (self.template, self.tr("Template")),
            (self.format, self.tr("Format")),
            (self.paper, self.tr("Paper")),
            (self.redact, self.tr("Redact")),
        ):
            widget.setAccessibleName(name)
        self.out = QLineEdit()
        self.out.setAccessibleName(self.tr("Save as"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.out)
        row.addWidget(browse)
        go = QPushButton(self.tr("Export"))
        go.clicked.connect(self.export)
        form = QFormLayout(self)
        form.addRow(self.tr("Case"), self.case)
        form.addRow(self.annexes)
        form.addRow(self.tr("Template"), self.template)
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Paper"), self.paper)
        form.addRow(self.tr("Redact"), self.redact)
        redact_note = QLabel(
            self.tr(
                "Hidden in the narrative, bookmarks, index and file names; not inside the "
                "exhibits themselves (a PDF or photo is filed as it is)."
            )
        )
        redact_note.setWordWrap(True)
        form.addRow("", redact_note)
        form.addRow("", self.draft)
        form.addRow(self.tr("Split into parts of at most"), self.split)
        form.addRow(self.tr("Sign"), self.sign)
        sign_note = QLabel(
            self.tr(
                "Signed offline, without a timestamp authority: the signing time is this "
                "computer's. Vault ▸ Signing certificate makes a certificate for you."
            )
        )
        sign_note.setWordWrap(True)
        form.addRow("", sign_note)
        form.addRow("", self.attach)
        form.addRow("", self.pdfa)
        form.addRow(self.tr("Save as"), row)
        form.addRow("", go)
        self.refresh()

    def refresh(self) -> None:
        vault, person_id = self._vault, self._person_id

        def job() -> tuple[list[cases.CaseView], dict[int, str]]:
            listed = cases.list_cases(vault, person_id)
            return listed, {case.id: suggested_name(vault, case.id) for case in listed}

        self._jobs.query(self, job, self._fill)

    def _fill(self, found: tuple[list[cases.CaseView], dict[int, str]]) -> None:
        listed, self._suggested = found
        kept = self.case.currentData()
        with QSignalBlocker(self.case):
            self.case.clear()
            for case in listed:
                self.case.addItem(f"{case.ref}  {t(case.kind_title)}", case.id)
            self.case.setCurrentIndex(max(self.case.findData(kept), 0) if kept is not None else 0)
        self._case_changed()
        self._show_annexes()

    def show_case(self, case_id: int) -> None:
        """The case the lawyer is working on (the Pleading tab's) is the one exported."""
        index = self.case.findData(case_id)
        if index >= 0 and index != self.case.currentIndex():
            self.case.setCurrentIndex(index)

    def _case_changed(self) -> None:
        chosen = self.case.currentData()
        if chosen == self._case_shown:
            return
        if self._case_shown is not None and self.out.text().strip():
            self._names[self._case_shown] = self.out.text()
        previous, self._case_shown = self.out.text().strip(), chosen
        if chosen is None:
            return
        if int(chosen) in self._names:
            self.out.setText(self._names[int(chosen)])
        elif previous:  # the same folder, a name of this case's own
            name = self._suggested.get(int(chosen), refs.make("C", int(chosen)))
            self.out.setText(str(self.target(str(Path(previous).parent / name))))

    def _show_annexes(self) -> None:
        case = self.case.currentData()
        self.annexes.show_case(
            None if case is None else int(case),
            self.template.currentData(),
            self.paper.currentData(),
        )

    def _browse(self) -> None:
        name = file_dialogs.save_file(self, self.tr("Save as"))
        if name:
            self.out.setText(str(self.target(name)))

    def _format_changed(self) -> None:
        # The name follows the format: a Word file is never written under a .pdf name.
        if self.out.text().strip():
            self.out.setText(str(self.target(self.out.text())))

    def target(self, text: str) -> Path:
        """The file to write: ``text`` with the extension of the chosen format (a folder,
        for the portal's files, has none)."""
        path = Path(text.strip())
        if self.format.currentData() == "portal":
            return (
                path.with_suffix("") if path.suffix.lower() in (".pdf", ".docx", ".zip") else path
            )
        wanted = {"pdf": ".pdf", "docx": ".docx", "package": ".zip"}[str(self.format.currentData())]
        if path.suffix.lower() == wanted:
            return path
        if path.suffix.lower() in (".pdf", ".docx", ".zip"):
            return path.with_suffix(wanted)
        return path.with_name(path.name + wanted)

    def _existing(self, out: Path, split: bool) -> list[Path]:
        if self.format.currentData() == "portal":
            return []  # the core writes the portal's files into a new or empty folder only
        parts = sorted(out.parent.glob(f"{out.stem}_Part*{out.suffix}")) if split else []
        # A bundle under the size of a part is written whole, under its own name.
        return ([out] if out.exists() else []) + parts

    def ask_overwrite(self, existing: list[Path]) -> bool:
        """Asked before any file is replaced; No is the default."""
        names = "\n".join(path.name for path in existing[:10])
        answer = QMessageBox.question(
            self,
            self.tr("Replace?"),
            self.tr("These files already exist in %1:\n%2\n\nReplace them?")
            .replace("%1", str(existing[0].parent))
            .replace("%2", names),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def export(self) -> None:
        if self.case.currentData() is None or not self.out.text():
            notify(self, self.tr("Export"), self.tr("Choose a case and where to save."))
            return
        out = self.target(self.out.text())
        self.out.setText(str(out))
        vault, case_id = self._vault, int(self.case.currentData())
        fmt, paper = str(self.format.currentData()), self.paper.currentData()
        template, draft = self.template.currentData(), self.draft.isChecked()
        split_mb = (float(self.split.value()) or None) if fmt == "pdf" else None
        existing = self._existing(out, fmt == "pdf")  # the forum may split it (ECAS)
        if existing and not self.ask_overwrite(existing):
            return
        redact = [name.strip() for name in self.redact.text().split(";") if name.strip()]
        signing = self.sign.currentData()
        certificate: tuple[bytes, bytes | None] | None = None
        token: tuple[str, str, str] | None = None
        if signing == "file":
            certificate = self._ask_certificate()
            if certificate is None:
                return
        if signing == "token":
            token = self._ask_token()
            if token is None:
                return
        attach = self.attach.isChecked() and fmt != "docx"
        pdfa = self.pdfa.isChecked() and fmt != "docx"

        def key() -> SigningKey | None:
            if signing == "vault":
                return signing_certificates.signing_key(vault)
            if certificate is not None:
                return load_pkcs12(*certificate)
            if token is not None:
                module, label, pin = token
                return from_token(module, None, label, pin)
            return None

        def job(progress: Progress, cancelled: Cancel) -> ExportResult:
            signer = key() if fmt != "docx" else None
            try:
                return export(progress, cancelled, signer)
            finally:
                if signer is not None:
                    signer.close()  # a token's session ends with the export

        def export(
            progress: Progress, cancelled: Cancel, signer: SigningKey | None
        ) -> ExportResult:
            return export_case(
                vault,
                case_id,
                out,
                format=fmt,
                template=template,
                paper=paper,
                draft=draft,
                redact=redact,
                progress=progress,
                cancelled=cancelled,
                split_mb=split_mb,
                separate_process=True,
                sign=signer,
                attach_originals=attach,
                pdfa=pdfa,
            )

        self._jobs.work(self, job, self._done, progress_text=self.tr("Exporting…"))

    def _ask_token(self) -> tuple[str, str, str] | None:
        """The token's driver library, the label of its key, and its PIN (asked, never
        kept)."""
        module = file_dialogs.open_file(
            self,
            self.tr("The token's driver (PKCS#11 library)"),
            self.tr("Libraries (*.so *.dylib *.dll)"),
        )
        if not module:
            return None
        label, given = QInputDialog.getText(
            self, self.tr("Smart card or token"), self.tr("The label of the key to sign with:")
        )
        if not given or not label.strip():
            return None
        pin, given = QInputDialog.getText(
            self, self.tr("Smart card or token"), self.tr("The token's PIN:"),
            QLineEdit.EchoMode.Password,
        )  # fmt: skip
        if not given:
            return None
        return module, label.strip(), pin

    def _ask_certificate(self) -> tuple[bytes, bytes | None] | None:
        """The lawyer's certificate file and its password (asked, never kept)."""
        name = file_dialogs.open_file(
            self, self.tr("Certificate to sign with"), self.tr("Certificates (*.p12 *.pfx)")
        )
        if not name:
            return None
        try:
            data = Path(name).read_bytes()
        except OSError:
            notify(self, self.tr("Export"), self.tr("That certificate file could not be read."))
            return None
        password, given = QInputDialog.getText(
            self,
            self.tr("Certificate to sign with"),
            self.tr("The certificate's password (empty if it has none):"),
            QLineEdit.EchoMode.Password,
        )
        if not given:
            return None
        return data, password.encode("utf-8") if password else None

    def _done(self, result: ExportResult) -> None:
        self.exported.emit(result)
        self.annexes.refresh()
        # Say where the file went: opening a folder can fail (or open the wrong program).
        names = ", ".join(path.name for path in result.files)
        annexes = (
            self.tr("1 annex")
            if result.exhibits == 1
            else self.tr("%1 annexes").replace("%1", str(result.exhibits))
        )
        counts = (
            self.tr("%1 pages, %2").replace("%1", str(result.pages)).replace("%2", annexes)
            if result.pages
            else annexes
        )
        if result.format == "portal":
            text = (
                self.tr("Wrote %1 files for the portal in %2 (%3): upload them in the order "
                        "of their numbers; the answers to the portal's form are in %4.")
                .replace("%1", str(len(result.files) - 1))
                .replace("%2", str(result.path))
                .replace("%3", counts)
                .replace("%4", result.files[-1].name)
            )  # fmt: skip
        else:
            text = (
                self.tr("Wrote %1 in %2 (%3).")
                .replace("%1", names)
                .replace("%2", str(result.path.parent))
                .replace("%3", counts)
            )
        if result.notes:
            text += "\n\n" + "\n".join(result.notes)
        if result.problems:
            text += "\n\n" + self.tr("Draft — still missing:") + "\n" + "\n".join(result.problems)
        box = notify(self, self.tr("Export"), text)
        show = box.addButton(self.tr("Show in folder"), QMessageBox.ButtonRole.ActionRole)
        shown = result.path if result.format == "portal" else result.path.parent
        folder = QUrl.fromLocalFile(str(shown))
        show.clicked.connect(lambda: QDesktopServices.openUrl(folder))
        self.last_message = box
