"""The pleading of a case, written in the window: every field of the case, the statement of
facts, the relief sought, who signs, and each ground's argument.

Nothing typed is lost: edits are saved with Save, and also before another case or ground is
shown, before the page closes, and before an export reads the case.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.cite_picker import Citable, CitePicker
from desktop.edit_state import EditState
from desktop.jobs import Jobs, Touched
from dossier import dates, forums, i18n, vocabulary
from dossier.i18n import t
from dossier.legal_grounds import NOTICE_TYPES
from dossier.services import cases, documents, events, quotes
from dossier.services.vault_access import Vault

# One-line fields of a case, in the order of the form.
_LINES = (
    "requesting_country", "notice_reference", "notice_known_how", "representative_name",
    "representative_firm", "representative_address", "representative_phone",
    "representative_email", "representative_bar_number", "signatory_name",
    "signatory_capacity", "signed_place", "signed_date", "served_on",
)  # fmt: skip
_TEXTS = ("summary", "facts", "relief")


# A case as the tab shows it: its fields, grounds, the forum's particulars and the dates
# its rules set from them.
Shown = tuple[
    cases.CaseView, list[cases.GroundView], list[forums.Particular], list[forums.FollowingDate]
]


class CaseTab(QWidget):
    case_shown = Signal(int)  # the case the lawyer is working on: Export follows it

    def __init__(self, vault: Vault, person_id: int, jobs: Jobs) -> None:
        super().__init__()
        self._vault, self._person_id, self._jobs = vault, person_id, jobs
        self._case_id: int | None = None
        self._ground_id: int | None = None
        self.state = QLabel()
        self.edits = EditState(self.state)
        self.case = QComboBox()
        self.case.setAccessibleName(self.tr("Case"))
        self.case.currentIndexChanged.connect(self._case_chosen)
        self.lines: dict[str, QLineEdit] = {}
        labels = {
            "requesting_country": self.tr("Requesting country"),
            "notice_reference": self.tr("Notice reference"),
            "notice_known_how": self.tr("How the applicant knows of it"),
            "representative_name": self.tr("Representative"),
            "representative_firm": self.tr("Firm"),
            "representative_address": self.tr("Representative's address"),
            "representative_phone": self.tr("Telephone"),
            "representative_email": self.tr("Email"),
            "representative_bar_number": self.tr("Bar number or EOIR ID"),
            "signatory_name": self.tr("Signed by"),
            "signatory_capacity": self.tr("In the capacity of"),
            "signed_place": self.tr("Signed at (place)"),
            "signed_date": self.tr("Signed on (empty: the export day)"),
            "served_on": self.tr("Served on (US filings)"),
        }
        for name in _LINES:
            edit = QLineEdit()
            edit.setAccessibleName(labels[name])
            edit.textEdited.connect(self.edits.edited)
            self.lines[name] = edit
        # The forum's own particulars (declared as data by its rule file), rebuilt per case.
        self.particulars: dict[str, QLineEdit] = {}
        self.particulars_form = QFormLayout()
        self.particulars_box = QGroupBox(self.tr("The forum's own particulars"))
        self.particulars_box.setLayout(self.particulars_form)
        self.notice_type = QComboBox()
        self.notice_type.setAccessibleName(self.tr("Notice type"))
        self.notice_type.addItem(self.tr("Not known yet"), "")
        notices = {
            "red-notice": self.tr("Red Notice"),
            "diffusion": self.tr("Diffusion"),
            "other": self.tr("Other notice"),
            "none": self.tr("No notice known"),
        }
        for notice in NOTICE_TYPES:
            self.notice_type.addItem(notices.get(notice, notice), notice)
        self.notice_type.activated.connect(self.edits.edited)
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status"))
        statuses = {"draft": self.tr("draft"), "ready": self.tr("ready"),
                    "filed": self.tr("filed"), "closed": self.tr("closed")}  # fmt: skip
        for status in vocabulary.CASE_STATUSES:
            self.status.addItem(statuses.get(status, status), status)
        self.status.activated.connect(self.edits.edited)
        self.working_language = QComboBox()
        self.working_language.setAccessibleName(self.tr("Language of the request"))
        self.working_language.addItem(self.tr("The template's"), "")
        for code, name in (("en", self.tr("English")), ("fr", self.tr("French")),
                           ("es", self.tr("Spanish")), ("ar", self.tr("Arabic"))):  # fmt: skip
            self.working_language.addItem(name, code)
        self.working_language.activated.connect(self.edits.edited)
        self.texts: dict[str, QPlainTextEdit] = {}
        text_labels = {
            "summary": self.tr("Summary"),
            "facts": self.tr("Statement of facts"),
            "relief": self.tr("Relief sought (one per line; empty: the forum's usual words)"),
        }
        for name in _TEXTS:
            text = QPlainTextEdit()
            text.setAccessibleName(text_labels[name])
            text.setTabChangesFocus(True)
            text.textChanged.connect(self.edits.edited)
            self.texts[name] = text
        self.grounds = QListWidget()
        self.grounds.setAccessibleName(self.tr("Grounds of the case"))
        self.grounds.currentItemChanged.connect(self._ground_chosen)
        self.argument = QPlainTextEdit()
        self.argument.setAccessibleName(self.tr("Argument for the selected ground"))
        self.argument.setTabChangesFocus(True)
        self.argument.textChanged.connect(self.edits.edited)
        # Picks a document, quote or event and writes its reference where the lawyer types.
        self.cite = CitePicker()
        self.cite.watch(self.texts["facts"], self.argument, self.texts["summary"],
                        self.texts["relief"])  # fmt: skip
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        delete = QPushButton(self.tr("Delete case…"))
        delete.clicked.connect(self.delete_case)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.texts["facts"].setMinimumHeight(220)
        self.texts["summary"].setMinimumHeight(90)
        self.texts["relief"].setMinimumHeight(110)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Notice type"), self.notice_type)
        form.addRow(self.tr("Language of the request"), self.working_language)
        form.addRow(self.particulars_box)
        for name in _LINES:
            form.addRow(labels[name], self.lines[name])
        for name in _TEXTS:  # long texts get the form's whole width, their label above
            form.addRow(QLabel(text_labels[name]))
            form.addRow(self.texts[name])
            if name == "facts":
                form.addRow(self._hint(self.tr("Each line is a numbered paragraph.")))
        fields = QWidget()
        fields.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(fields)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its fields take focus; it follows them
        arguments = QWidget()
        side = QVBoxLayout(arguments)
        side.addWidget(QLabel(self.tr("Grounds")))
        side.addWidget(self.grounds, 1)
        side.addWidget(QLabel(self.tr("Argument for the selected ground")))
        side.addWidget(self.argument, 2)
        side.addWidget(
            self._hint(
                self.tr(
                    "Each line is a numbered paragraph. Cite evidence as [D3:2] (a document's "
                    "page), [D3], [Q4] (a quote) or [E5], or pick it below: it goes where you "
                    "were typing."
                )
            )
        )
        side.addWidget(self.cite)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(scroll)
        split.addWidget(arguments)
        split.setSizes([620, 380])
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Case")))
        top.addWidget(self.case, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.state, 1)
        bottom.addWidget(delete)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)
        # Tab reads the form as it is laid out (the fields were made in another order): the
        # left column down, then the grounds and their argument, then Save.
        order = [self.case, self.status, self.notice_type, self.working_language,
                 *self.lines.values(), *self.texts.values(), self.grounds, self.argument,
                 self.save_button]  # fmt: skip
        for before, after in itertools.pairwise(order):
            QWidget.setTabOrder(before, after)
        self.refresh()

    @staticmethod
    def _hint(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        return label

    # ----------------------------------------------------------------- loading
    def refresh(self) -> None:
        vault, person_id = self._vault, self._person_id
        self._jobs.query(self, lambda: cases.list_cases(vault, person_id), self._fill)
        self._jobs.query(self, lambda: citable(vault, person_id), self.cite.set_choices)

    def _fill(self, listed: list[cases.CaseView]) -> None:
        current = self._case_id
        self.case.blockSignals(True)
        self.case.clear()
        for case in listed:
            self.case.addItem(f"{case.ref}  {t(case.kind_title)}", case.id)
        index = self.case.findData(current) if current is not None else 0
        self.case.setCurrentIndex(max(index, 0))
        self.case.blockSignals(False)
        self._case_chosen()

    def _case_chosen(self) -> None:
        chosen = self.case.currentData()
        if self.dirty and self._case_id is not None:
            if chosen == self._case_id:
                return  # a refresh from elsewhere never replaces what is being typed
            self.save()  # switching cases never drops what was typed
        if chosen is None:
            return
        vault, case_id = self._vault, int(chosen)

        def job() -> Shown:
            case = cases.show_case(vault, case_id)
            # The forum's data is read here, off the window's thread.
            declared = cases.declared_particulars(case.kind)
            return case, cases.grounds(vault, case_id), declared, cases.dates_that_follow(case)

        self._jobs.query(self, job, self._show)

    def _show(self, loaded: Shown) -> None:
        case, grounds, declared, following = loaded
        with self.edits.filling():
            self._fill_case(case, grounds)
            self._fill_particulars(case, declared, following)
        self.edits.mark(False)

    def _fill_case(self, case: cases.CaseView, grounds: list[cases.GroundView]) -> None:
        self._case_id, self._ground_id = case.id, None
        self.case_shown.emit(case.id)
        for name, line in self.lines.items():
            value = getattr(case, name) or ""
            line.setText(dates.shown(value) if name == "signed_date" and value else value)
        self.notice_type.setCurrentIndex(max(self.notice_type.findData(case.notice_type or ""), 0))
        self.status.setCurrentIndex(max(self.status.findData(case.status), 0))
        self.working_language.setCurrentIndex(
            max(self.working_language.findData(case.working_language or ""), 0)
        )
        for name, text in self.texts.items():
            text.setPlainText(getattr(case, name) or "")
        self.grounds.clear()
        for ground in grounds:
            item = QListWidgetItem(t(ground.title))
            item.setData(Qt.ItemDataRole.UserRole, ground.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, ground.argument)
            self.grounds.addItem(item)
        self.argument.clear()
        self.argument.setEnabled(bool(grounds))
        if grounds:
            self.grounds.setCurrentRow(0)

    def _fill_particulars(
        self,
        case: cases.CaseView,
        declared: list[forums.Particular],
        following: list[forums.FollowingDate],
    ) -> None:
        while self.particulars_form.rowCount():
            self.particulars_form.removeRow(0)
        self.particulars.clear()
        language = i18n.language()
        for particular in declared:
            edit = QLineEdit(case.particulars.get(particular.name, ""))
            label = particular.label(language) + (" *" if particular.required else "")
            edit.setAccessibleName(particular.label(language))
            edit.textEdited.connect(self.edits.edited)
            self.particulars[particular.name] = edit
            self.particulars_form.addRow(label, edit)
        # The dates the forum's rules set from these (the CCF's time limits), said beneath.
        language = i18n.language()
        said = [f"{d.label(language)}: {dates.shown(d.on.isoformat())}" for d in following]
        if said:
            note = QLabel("\n".join(said))
            note.setWordWrap(True)
            note.setAccessibleName(self.tr("Dates that follow"))
            self.particulars_form.addRow(note)
        self.particulars_box.setVisible(bool(self.particulars))

    def _ground_chosen(
        self, current: QListWidgetItem | None, previous: QListWidgetItem | None
    ) -> None:
        if previous is not None and not self.edits.is_filling:
            previous.setData(Qt.ItemDataRole.UserRole + 1, self.argument.toPlainText())
        with self.edits.filling():  # showing another ground's argument is not typing
            self.argument.setPlainText(
                "" if current is None else str(current.data(Qt.ItemDataRole.UserRole + 1) or "")
            )
        self._ground_id = None if current is None else int(current.data(Qt.ItemDataRole.UserRole))

    # ------------------------------------------------------------------ saving
    @property
    def dirty(self) -> bool:
        return self.edits.dirty

    def save(self) -> None:
        """Write every field and every ground's argument through the services."""
        if self._case_id is None or not self.dirty:
            return
        item = self.grounds.currentItem()
        if item is not None:
            item.setData(Qt.ItemDataRole.UserRole + 1, self.argument.toPlainText())
        fields: dict[str, str | None] = {name: line.text() for name, line in self.lines.items()}
        fields["notice_type"] = str(self.notice_type.currentData() or "")
        fields["status"] = str(self.status.currentData())
        fields["working_language"] = str(self.working_language.currentData() or "")
        fields |= {name: text.toPlainText() for name, text in self.texts.items()}
        arguments = {
            int(self.grounds.item(row).data(Qt.ItemDataRole.UserRole)): str(
                self.grounds.item(row).data(Qt.ItemDataRole.UserRole + 1) or ""
            )
            for row in range(self.grounds.count())
        }
        particulars = {name: edit.text() for name, edit in self.particulars.items()}
        vault, case_id = self._vault, self._case_id

        def job() -> cases.CaseView:
            saved = cases.update_case(vault, case_id, **fields)
            if particulars and particulars != {
                name: saved.particulars.get(name, "") for name in particulars
            }:
                saved = cases.set_particulars(vault, case_id, particulars)
            current = {g.id: g.argument for g in cases.grounds(vault, case_id)}
            for ground_id, text in arguments.items():
                if current.get(ground_id, "") != text.strip():
                    cases.set_argument(vault, ground_id, text)
            return saved

        self.edits.mark(False)
        self._jobs.change(
            self, job, self._saved, on_failed=self.edits.failed, touches=Touched.CASES
        )

    def _saved(self, _case: cases.CaseView) -> None:
        self.edits.saved()

    # ---------------------------------------------------------------- deleting
    def confirm_delete(self, name: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Delete this case?"),
            self.tr(
                "Delete %1? Its grounds, arguments, pleading and list of annexes go; the "
                "documents, quotes and events stay in the vault. This cannot be undone."
            ).replace("%1", name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def delete_case(self) -> None:
        if self._case_id is None or not self.confirm_delete(self.case.currentText()):
            return
        vault, case_id = self._vault, self._case_id
        self.edits.mark(False)  # what was typed for it goes with it, as the user chose
        self._case_id = None

        def done(_case: cases.CaseView) -> None:
            self.refresh()

        self._jobs.change(
            self, lambda: cases.delete_case(vault, case_id), done, touches=Touched.CASES
        )


def citable(vault: Vault, person_id: int) -> list[Citable]:
    """What the person's pleading can cite: their documents, quotes and events."""
    found = [
        Citable(d.ref, f"{d.ref}  {d.title}", d.page_count)
        for d in documents.list_documents(vault, person_id)
        if not d.confidential
    ]
    found += [
        Citable(q.ref, f"{q.ref}  “{q.text[:60]}”")
        for q in quotes.list_quotes(vault, person_id=person_id)
    ]
    found += [
        Citable(e.ref, f"{e.ref}  {e.date_display} — {e.title}")
        for e in events.chronology(vault, person_id)
    ]
    return found
