"""How strong a passphrase being chosen is: a bar and its verdict in words, judged off the
window's thread in a helper process (dossier.services.passphrase_judge) that ends when the
meter is hidden, and with it every copy the judging made."""

from __future__ import annotations

import threading

from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from desktop.jobs import Jobs
from dossier.services.passphrase_judge import PassphraseJudge
from dossier.services.vault_access import PassphraseStrength, forget_secret_text

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
        self._jobs = Jobs()
        self._judge = PassphraseJudge()
        self._asked = 0  # only the verdict on the latest text is shown

    def show_strength(self, passphrase: str) -> None:
        """Judge what was typed (off the window's thread) and show the verdict when it comes."""
        self._asked += 1
        asked, judge = self._asked, self._judge
        if not passphrase or not self.isVisibleTo(self.window()):
            self._show(None)
            return

        def judged() -> PassphraseStrength:
            try:
                return judge.judge(passphrase)
            finally:
                forget_secret_text(passphrase)

        self._jobs.query(self, judged, lambda v: self._show(v) if asked == self._asked else None)

    def judge_now(self, passphrase: str) -> PassphraseStrength:
        """The verdict, waited for: for a job that is off the window's thread already."""
        return self._judge.judge(passphrase)

    def _show(self, verdict: PassphraseStrength | None) -> None:
        score = verdict.score if verdict is not None else 0
        self.bar.setValue(10 + 22 * score if verdict is not None else 0)
        self.bar.setStyleSheet(f"QProgressBar::chunk {{ background: {_COLOURS[score]}; }}")
        self.words.setText(self.verdict(verdict) if verdict is not None else "")

    def verdict(self, found: PassphraseStrength) -> str:
        """The meter in words, in the interface's language: "weak: a common word with digits"."""
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

    def too_weak(self, found: PassphraseStrength) -> str | None:
        """Why the passphrase judged cannot be taken, in words, or None."""
        if found.acceptable:
            return None
        return self.tr("This passphrase is %1. Use four or more unrelated words.").replace(
            "%1", self.verdict(found)
        )

    def differ(self) -> str:
        return self.tr("The two passphrases differ.")

    def hideEvent(self, event: QHideEvent) -> None:
        """Hidden (the dialog done): the helper ends, off the window's thread."""
        ended, self._judge = self._judge, PassphraseJudge()
        threading.Thread(target=ended.close, daemon=True).start()
        super().hideEvent(event)
