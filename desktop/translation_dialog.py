"""Adding a translation of a document: the language, the text (typed or from a file) and the
translator's particulars that the forums require on the certificate."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import file_dialogs
from dossier.services.translations import Translator
from dossier.vocabulary import LANGUAGES


class TranslationDialog(QDialog):
    def __init__(
        self, title: str, parent: QWidget | None = None, translators: Sequence[Translator] = ()
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a translation"))
        # A translator used before is picked, their particulars filled in, not typed again.
        self.earlier = QComboBox()
        self.earlier.setAccessibleName(self.tr("A translator used before"))
        self.earlier.addItem(self.tr("Someone new"), None)
        for known in translators:
            self.earlier.addItem(known.translator, known)
        self.earlier.activated.connect(self._pick)
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language of the translation"))
        names = {
            "en": self.tr("English"), "fr": self.tr("French"), "es": self.tr("Spanish"),
            "ar": self.tr("Arabic"), "ru": self.tr("Russian"), "ky": self.tr("Kyrgyz"),
            "kk": self.tr("Kazakh"), "uz": self.tr("Uzbek"), "tg": self.tr("Tajik"),
            "de": self.tr("German"),
        }  # fmt: skip
        for code in LANGUAGES:
            self.language.addItem(names.get(code, code), code)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(self.tr("Text of the translation"))
        self.text.setTabChangesFocus(True)
        from_file = QPushButton(self.tr("Take the text from a file…"))
        from_file.clicked.connect(self._from_file)
        self.lines: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.addRow(QLabel(self.tr("Translation of: %1").replace("%1", title)))
        form.addRow(self.tr("Language"), self.language)
        if translators:
            form.addRow(self.tr("A translator used before"), self.earlier)
        for name, label in (
            ("translator", self.tr("Translator's full name")),
            ("translator_address", self.tr("Translator's address")),
            ("translator_phone", self.tr("Translator's telephone")),
            ("qualifications", self.tr("Qualifications")),
            ("date", self.tr("Date of the translation")),
            ("certification", self.tr("Signature line, if certified")),
        ):
            line = QLineEdit()
            line.setAccessibleName(label)
            self.lines[name] = line
            form.addRow(label, line)
        form.addRow(self.tr("Text"), self.text)
        form.addRow("", from_file)
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(640, 560)

    def _pick(self) -> None:
        known: Translator | None = self.earlier.currentData()
        if known is None:
            return
        for name in ("translator", "translator_address", "translator_phone", "qualifications",
                     "certification"):  # fmt: skip
            self.lines[name].setText(getattr(known, name) or "")

    def _from_file(self) -> None:
        name = file_dialogs.open_file(self, self.tr("Translation text"), "*.txt")
        if not name:
            return
        try:
            self.text.setPlainText(Path(name).read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError):
            self.message.setText(self.tr("That file could not be read as text (UTF-8)."))

    def _accept(self) -> None:
        if not self.text.toPlainText().strip():
            self.message.setText(self.tr("The translation has no text yet."))
            return
        self.accept()

    def values(self) -> dict[str, str | None]:
        """The translation as the translations service takes it."""
        found: dict[str, str | None] = {
            name: line.text().strip() or None for name, line in self.lines.items()
        }
        found["language"] = str(self.language.currentData())
        found["text"] = self.text.toPlainText()
        return found
