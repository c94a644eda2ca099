"""How strong a passphrase being chosen is: a bar and its verdict in words."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from dossier.services import vault_access

_COLOURS = ("#c0392b", "#c0392b", "#d68910", "#1e8449", "#1e8449")


class StrengthMeter(QWidget):
    """Shown wherever a new passphrase is typed (a new vault, a changed passphrase)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName(self.tr("Passphrase strength"))
        self.words = QLabel()
        self.words.setAccessibleName(self.tr("Passphrase strength in words"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.words)

    def show_strength(self, passphrase: str) -> None:
        score = vault_access.passphrase_strength(passphrase).score if passphrase else 0
        self.bar.setValue(10 + 22 * score if passphrase else 0)
        self.bar.setStyleSheet(f"QProgressBar::chunk {{ background: {_COLOURS[score]}; }}")
        self.words.setText(self.verdict(passphrase) if passphrase else "")

    def verdict(self, passphrase: str) -> str:
        """The meter in words, in the interface's language: "weak: a common word with digits"."""
        found = vault_access.passphrase_strength(passphrase)
        levels = (self.tr("very weak"), self.tr("weak"), self.tr("fair"), self.tr("strong"),
                  self.tr("very strong"))  # fmt: skip
        reasons = {
            "short": self.tr("too short"),
            "common": self.tr("one of the most common passwords"),
            "word-digits": self.tr("a common word with digits"),
            "l33t": self.tr("a common word with letters swapped for symbols"),
            "word": self.tr("a common word or name"),
            "repeat": self.tr("repeated characters"),
            "sequence": self.tr("a sequence like abc or 123"),
            "keyboard": self.tr("a row of keys on the keyboard"),
            "date": self.tr("a date or a year"),
        }
        level = levels[found.score]
        return f"{level}: {reasons[found.reason]}" if found.reason else level

    def problem(self, passphrase: str, repeated: str) -> str | None:
        """Why the new passphrase cannot be taken yet, in words, or None."""
        if passphrase != repeated:
            return self.tr("The two passphrases differ.")
        if not vault_access.passphrase_strength(passphrase).acceptable:
            return self.tr("This passphrase is %1. Use four or more unrelated words.").replace(
                "%1", self.verdict(passphrase)
            )
        return None
