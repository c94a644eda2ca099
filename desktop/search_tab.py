"""Search a person's evidence — documents page by page, quotes, events — by any spelling."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.jobs import Jobs
from dossier.search import RANKED_AT_MOST, Found, Searcher, SearchHit
from dossier.services.vault_access import Vault


class SearchTab(QWidget):
    SHOWN = 50  # hits shown at most
    # A document hit chosen: its reference ("D3") and page (0: none), to be shown.
    document_chosen = Signal(str, int)

    def __init__(self, vault: Vault, person_id: int, jobs: Jobs) -> None:
        super().__init__()
        self._vault, self._person_id, self._jobs = vault, person_id, jobs
        self._searcher = Searcher(vault)
        self.query = QLineEdit()
        self.query.setPlaceholderText(
            self.tr(
                "Words from the evidence, in any script: Тухватшин, Tukhvatshin, Kloop… "
                '— a phrase in quotes: "Pervomaisky District Court"'
            )
        )
        self.query.setAccessibleName(self.tr("Search the evidence"))
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("What was found"))
        self.results.setWordWrap(True)
        self.results.setSpacing(4)
        self.results.setAlternatingRowColors(True)
        self.results.itemActivated.connect(self._open)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        # Searching as the user types, once typing pauses (not on every key).
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(250)
        self._pause.timeout.connect(self.search)
        self.query.textEdited.connect(lambda _text: self._pause.start())
        self.query.returnPressed.connect(self.search)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.summary)
        hint = QLabel(self.tr("Open a document found (double-click or Enter) at its page."))
        hint.setWordWrap(True)
        layout.addWidget(hint)

    def refresh(self) -> None:
        if self.query.text().strip():
            self.search()

    def search(self) -> None:
        words = self.query.text().strip()
        if not words:
            self.results.clear()
            self.summary.setText("")
            return
        searcher, person_id = self._searcher, self._person_id
        self._jobs.query(
            self,
            lambda: searcher.find(words, person_id=person_id, limit=self.SHOWN),
            lambda found: self._fill(words, found),
        )

    def _fill(self, words: str, found: Found) -> None:
        if words != self.query.text().strip():
            return  # the user typed on meanwhile; that search is on its way
        hits = found.hits
        self.results.clear()
        kinds = {"document": self.tr("Document"), "quote": self.tr("Quote"),
                 "event": self.tr("Event"), "person": self.tr("Person")}  # fmt: skip
        for hit in hits:
            where = (
                self.tr("%1, page %2").replace("%1", hit.ref).replace("%2", str(hit.page))
                if hit.page
                else hit.ref
            )
            item = QListWidgetItem(
                f"{kinds.get(hit.kind, hit.kind)} {where} — {hit.title}\n{hit.snippet}"
            )
            item.setData(Qt.ItemDataRole.UserRole, hit)
            self.results.addItem(item)
        if not hits:
            summary = self.tr("Nothing found.")
        elif found.many:
            summary = (
                self.tr(
                    "Over %1 texts match: the %2 most recently added are shown, newest first. Add "
                    "words, or put a phrase in quotes, to narrow the search."
                )
                .replace("%1", QLocale().toString(RANKED_AT_MOST))
                .replace("%2", str(len(hits)))
            )
        elif not found.ranked:
            summary = self.tr("%1 found, the most recently added first.").replace(
                "%1", str(len(hits))
            )
        else:
            summary = self.tr("%1 found.").replace("%1", str(len(hits)))
        self.summary.setText(summary)

    def _open(self, item: QListWidgetItem) -> None:
        hit: SearchHit = item.data(Qt.ItemDataRole.UserRole)
        if hit.kind == "document":
            self.document_chosen.emit(hit.ref, hit.page or 0)
