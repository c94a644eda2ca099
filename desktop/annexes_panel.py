"""A case's annexes (chosen, ordered, in sections) and the forum's check, in the Export tab."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.jobs import Jobs, Touched
from desktop.record_list import RecordList, RecordModel
from dossier import refs
from dossier.export import preflight, templates
from dossier.services import cases, documents, exhibits
from dossier.services.exhibits import ExhibitEntry
from dossier.services.vault_access import Vault

_MARKS = {preflight.MET: "✓", preflight.MISSING: "✗", preflight.WARN: "!"}
_COLOURS = {preflight.MET: "#1b6e20", preflight.MISSING: "#b00020", preflight.WARN: "#8a5a00"}


class AnnexesPanel(QWidget):
    """Shows one case's annexes; every change goes through the exhibits service at once."""

    def __init__(self, vault: Vault, person_id: int, jobs: Jobs) -> None:
        super().__init__()
        self._vault, self._person_id, self._jobs = vault, person_id, jobs
        self.case_id: int | None = None
        self.template_id: str | None = None
        self.paper: str | None = None
        self.list: RecordList[ExhibitEntry] = RecordList(_annex_line, movable=True)
        self.list.setAccessibleName(self.tr("Annexes of the case, in order"))
        # Drag an annex to its place (or use Move up / Move down): saved at once.
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.model().rowsMoved.connect(self._dragged)
        # The person's documents not yet annexed (an organisation's client may have
        # thousands): a model the list reads line by line, not an item per document.
        self._offered: RecordModel[tuple[int, str]] = RecordModel(lambda offered: offered[1])
        self.document = QComboBox()
        self.document.setModel(self._offered)
        # Sized by a typical title, not by reading every line of the model.
        self.document.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.document.setMinimumContentsLength(30)
        self.document.setAccessibleName(self.tr("Document to annex"))
        self.section = QLineEdit()
        self.section.setPlaceholderText(self.tr("Section (optional), e.g. B. Country evidence"))
        self.section.setAccessibleName(self.tr("Section"))
        add = QPushButton(self.tr("Annex"))
        add.clicked.connect(self.add_selected)
        up = QPushButton(self.tr("Move up"))
        up.clicked.connect(lambda: self.move_selected(-1))
        down = QPushButton(self.tr("Move down"))
        down.clicked.connect(lambda: self.move_selected(1))
        remove = QPushButton(self.tr("Remove from annexes"))
        remove.clicked.connect(self.remove_selected)
        self.checks = QListWidget()
        self.checks.setAccessibleName(self.tr("Check before filing"))
        # Each requirement read whole: a sentence cut at the edge hid what to do.
        self.checks.setWordWrap(True)
        self.checks.setResizeMode(QListView.ResizeMode.Adjust)
        self.checks.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        # A move that changed an annex's section says so (it once happened without a word).
        self.moved_note = QLabel()
        self.moved_note.setWordWrap(True)
        self.moved_note.setAccessibleName(self.tr("What the last move did"))
        self._sections: dict[int, str | None] = {}
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(120)
        self._settle.timeout.connect(self.refresh)

        adding = QHBoxLayout()
        adding.addWidget(self.document, 2)
        adding.addWidget(self.section, 1)
        adding.addWidget(add)
        moving = QHBoxLayout()
        for button in (up, down, remove):
            moving.addWidget(button)
        moving.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Annexes (only these go into the bundle)")))
        layout.addWidget(self.list)
        layout.addWidget(self.moved_note)
        layout.addLayout(moving)
        layout.addLayout(adding)
        layout.addWidget(QLabel(self.tr("Check before filing")))
        layout.addWidget(self.checks)
        layout.addWidget(self.verdict)

    def show_case(self, case_id: int | None, template_id: str | None, paper: str | None) -> None:
        self.case_id, self.template_id, self.paper = case_id, template_id, paper
        # Filling the combo boxes changes them several times in a row: check once, after.
        self._settle.start()

    def refresh(self) -> None:
        if self.case_id is None:
            self.list.set_records([], lambda _entry: False)
            self.checks.clear()
            return
        vault, person_id, case_id = self._vault, self._person_id, self.case_id
        template_id, paper = self.template_id, self.paper

        def job() -> tuple[list[ExhibitEntry], list[tuple[int, str]], preflight.Report]:
            annexed = exhibits.list_exhibits(vault, case_id)
            taken = {entry.document_ref for entry in annexed}
            offered = [
                (d.id, f"{d.ref}  {d.title}")
                for d in documents.list_documents(vault, person_id)
                if d.ref not in taken and not d.confidential
            ]
            template = templates.for_case(cases.show_case(vault, case_id).kind, template_id)
            return annexed, offered, preflight.check(vault, case_id, template, paper=paper)

        self._jobs.query(self, job, self._fill)

    def _fill(
        self, loaded: tuple[list[ExhibitEntry], list[tuple[int, str]], preflight.Report]
    ) -> None:
        annexed, offered, report = loaded
        current = self.list.currentRow()
        self._sections = {refs.parse(e.document_ref, "D"): e.section for e in annexed}
        # The same place stays chosen (an annex moved with Move up/down: its new place).
        self.list.set_records(annexed, lambda entry: entry.position == current + 1)
        self._offered.set_records(offered)
        self.checks.clear()
        # What is missing first, then what is worth a look, then what is done.
        order = {preflight.MISSING: 0, preflight.WARN: 1, preflight.MET: 2}
        for check in sorted(report.items, key=lambda item: order[item.status]):
            item = QListWidgetItem(f"{_MARKS[check.status]} {check.message}")
            item.setForeground(QBrush(QColor(_COLOURS[check.status])))
            self.checks.addItem(item)
        self.verdict.setText(
            self.tr("Ready to file.")
            if report.ready
            else self.tr("Not ready: %n requirement(s) missing.", "", len(report.blocking))
        )

    def _dragged(self, _parent: object, start: int, _end: int, _dest: object, row: int) -> None:
        """An annex dragged from ``start`` to before ``row``: its new position is saved."""
        if self.case_id is None:
            return
        target = row if row <= start else row - 1
        if not 0 <= target < self.list.count():
            return
        self._move(refs.parse(self.list.record(target).document_ref, "D"), target + 1)

    def _move(self, document_id: int, position: int) -> None:
        if self.case_id is None:
            return
        vault, case_id = self._vault, self.case_id
        before = self._sections.get(document_id)

        def moved(entries: list[ExhibitEntry]) -> None:
            ref = refs.make("D", document_id)
            entry = next((e for e in entries if e.document_ref == ref), None)
            if entry is not None and entry.section != before:
                self.moved_note.setText(
                    self.tr("%1 is now in the section “%2”.")
                    .replace("%1", ref)
                    .replace("%2", entry.section or self.tr("no section"))
                )
            else:
                self.moved_note.clear()
            self.refresh()

        self._jobs.change(
            self,
            lambda: exhibits.move_exhibit(vault, case_id, document_id, position),
            moved,
            touches=Touched.CASES,
        )

    def _selected(self) -> int | None:
        entry = self.list.current()
        return None if entry is None else refs.parse(entry.document_ref, "D")

    def _change(self, write: Callable[[], object]) -> None:
        self._jobs.change(self, write, lambda _result: self.refresh(), touches=Touched.CASES)

    def add_selected(self) -> None:
        chosen = self.document.currentData()
        if self.case_id is None or chosen is None:
            return
        vault, case_id = self._vault, self.case_id
        document_id = int(chosen[0])
        section = self.section.text().strip() or None
        self._change(lambda: exhibits.add_exhibit(vault, case_id, document_id, section=section))

    def remove_selected(self) -> None:
        document_id = self._selected()
        if self.case_id is None or document_id is None:
            return
        vault, case_id = self._vault, self.case_id
        self._change(lambda: exhibits.remove_exhibit(vault, case_id, document_id))

    def move_selected(self, step: int) -> None:
        document_id = self._selected()
        if self.case_id is None or document_id is None:
            return
        target = self.list.currentRow() + 1 + step
        if not 1 <= target <= self.list.count():
            return
        self.list.setCurrentRow(target - 1)
        self._move(document_id, target)


def _annex_line(entry: ExhibitEntry) -> str:
    section = f"[{entry.section}]  " if entry.section else ""
    return f"{entry.position}. {section}{entry.document_ref}  {entry.title}"
