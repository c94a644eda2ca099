"""A person's particulars, edited in the window: every field the filings print, saved through
the people service (with Save, and before the page closes or the vault locks)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.edit_state import EditState
from desktop.jobs import Jobs, Touched
from dossier.services import organisations, people
from dossier.services.vault_access import Vault

_LINES = ("name", "native_name", "birth_date", "birth_place", "nationality",
          "identity_document", "correspondence_address")  # fmt: skip


class ProfileTab(QWidget):
    changed = Signal(object)  # the person as saved

    def __init__(self, vault: Vault, person_id: int, jobs: Jobs) -> None:
        super().__init__()
        self._vault, self._person_id, self._jobs = vault, person_id, jobs
        self.state = QLabel()
        self.edits = EditState(self.state)
        labels = {
            "name": self.tr("Name (as in filings)"),
            "native_name": self.tr("Name in its own script"),
            "birth_date": self.tr("Date of birth"),
            "birth_place": self.tr("Place of birth"),
            "nationality": self.tr("Nationality"),
            "identity_document": self.tr("Identity document"),
            "correspondence_address": self.tr("Address for correspondence"),
        }
        self.lines: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for name in _LINES:
            line = QLineEdit()
            line.setAccessibleName(labels[name])
            line.textEdited.connect(self.edits.edited)
            self.lines[name] = line
            form.addRow(labels[name], line)
        self.role = QComboBox()
        self.role.setAccessibleName(self.tr("Role"))
        self.role.addItem(self.tr("Not said"), "")
        roles = {
            "journalist": self.tr("journalist"), "activist": self.tr("activist"),
            "lawyer": self.tr("lawyer"), "relative": self.tr("relative"),
            "witness": self.tr("witness"), "official": self.tr("official"),
            "other": self.tr("other"),
        }  # fmt: skip
        for role in people.ROLES:
            self.role.addItem(roles.get(role, role), role)
        self.role.activated.connect(self.edits.edited)
        form.addRow(self.tr("Role"), self.role)
        self.aliases = QLabel()
        self.aliases.setWordWrap(True)
        self.alias = QLineEdit()
        self.alias.setAccessibleName(self.tr("Another spelling"))
        self.alias.setPlaceholderText(self.tr("Another spelling of the name"))
        add_alias = QPushButton(self.tr("Add spelling"))
        add_alias.clicked.connect(self.add_alias)
        alias_row = QHBoxLayout()
        alias_row.addWidget(self.alias, 1)
        alias_row.addWidget(add_alias)
        form.addRow(self.tr("Other spellings"), self.aliases)
        form.addRow("", alias_row)
        self.organisations = QListWidget()
        self.organisations.setAccessibleName(self.tr("Organisations"))
        self.organisations.setMaximumHeight(80)
        self.organisation = QComboBox()
        self.organisation.setEditable(True)
        self.organisation.setAccessibleName(self.tr("Organisation"))
        self.organisation.setPlaceholderText(self.tr("Kloop, Temirov Live…"))
        self.member_role = QLineEdit()
        self.member_role.setAccessibleName(self.tr("Role in the organisation"))
        self.member_role.setPlaceholderText(self.tr("Role (journalist, co-founder…)"))
        join = QPushButton(self.tr("Add to organisation"))
        join.clicked.connect(self.join_organisation)
        join_row = QHBoxLayout()
        join_row.addWidget(self.organisation, 2)
        join_row.addWidget(self.member_role, 1)
        join_row.addWidget(join)
        form.addRow(self.tr("Organisations"), self.organisations)
        form.addRow("", join_row)
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.textChanged.connect(self.edits.edited)
        form.addRow(self.tr("Notes"), self.notes)
        save = QPushButton(self.tr("Save"))
        save.clicked.connect(self.save)
        bottom = QHBoxLayout()
        bottom.addWidget(self.state, 1)
        bottom.addWidget(save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(bottom)
        self.refresh()

    def refresh(self) -> None:
        vault, person_id = self._vault, self._person_id
        self._jobs.query(self, lambda: people.show_person(vault, person_id), self._fill)
        self._load_organisations()

    def _load_organisations(self) -> None:
        vault = self._vault

        def job() -> list[organisations.OrganisationView]:
            return organisations.list_organisations(vault)

        self._jobs.query(self, job, self._fill_organisations)

    def _fill_organisations(self, listed: list[organisations.OrganisationView]) -> None:
        me = f"P{self._person_id}"
        self.organisations.clear()
        typed = self.organisation.currentText()
        self.organisation.clear()
        for organisation in listed:
            self.organisation.addItem(organisation.name, organisation.id)
            for member in organisation.people:
                if member.person_ref == me:
                    role = f" — {member.role}" if member.role else ""
                    self.organisations.addItem(f"{organisation.name}{role}")
        self.organisation.setCurrentText(typed)

    def join_organisation(self) -> None:
        """Add the person to the organisation named (made if it is new), with a role."""
        name = self.organisation.currentText().strip()
        if not name:
            return
        index = self.organisation.findText(name)
        existing = self.organisation.itemData(index) if index >= 0 else None
        role = self.member_role.text().strip() or None
        vault, person_id = self._vault, self._person_id

        def job() -> organisations.OrganisationView:
            organisation_id = (
                int(existing)
                if existing is not None
                else organisations.add_organisation(vault, name).id
            )
            return organisations.add_member(vault, organisation_id, person_id, role)

        self.member_role.clear()
        self.organisation.setCurrentText("")
        self._jobs.change(
            self, job, lambda _o: self._load_organisations(), touches=Touched.ORGANISATIONS
        )

    def _fill(self, person: people.PersonView) -> None:
        with self.edits.filling():
            for name, line in self.lines.items():
                line.setText(getattr(person, name) or "")
            self.role.setCurrentIndex(max(self.role.findData(person.role or ""), 0))
            self.aliases.setText(", ".join(person.aliases) or self.tr("none yet"))
            self.notes.setPlainText(person.notes)
        self.edits.mark(False)

    @property
    def dirty(self) -> bool:
        return self.edits.dirty

    def save(self) -> None:
        if not self.dirty:
            return
        fields: dict[str, str | None] = {name: line.text() for name, line in self.lines.items()}
        fields["role"] = str(self.role.currentData() or "")
        fields["notes"] = self.notes.toPlainText()
        vault, person_id = self._vault, self._person_id
        self.edits.mark(False)
        self._jobs.change(
            self,
            lambda: people.update_person(vault, person_id, **fields),
            self._saved,
            on_failed=self.edits.failed,
            touches=Touched.PEOPLE,
        )

    def _saved(self, person: people.PersonView) -> None:
        self.edits.saved()
        self.changed.emit(person)

    def add_alias(self) -> None:
        spelling = self.alias.text().strip()
        if not spelling:
            return
        vault, person_id = self._vault, self._person_id

        def job() -> people.PersonView:
            return people.add_alias(vault, person_id, spelling)

        self.alias.clear()
        self._jobs.change(self, job, self._alias_added, touches=Touched.PEOPLE)

    def _alias_added(self, person: people.PersonView) -> None:
        self.aliases.setText(", ".join(person.aliases))
        self.changed.emit(person)
