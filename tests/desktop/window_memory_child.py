"""Child for the window's memory test: the real window, offscreen, used as a lawyer would:
the passphrase typed into the unlock dialog, a document imported, a backup made, the vault
locked. Then it says LOCKED and waits to be scanned.

python window_memory_child.py VAULT BACKUP 116 117 110 … -- 103 97 …

The passphrase, and the one it is changed to (after "--"), come as their letters' code points
and are typed one letter at a time: neither ever exists whole in this child except where the
program itself puts it, so whatever copy the test finds is the program's.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from desktop.app import DossierApp
from dossier.services import vault_access


def wait_until(condition, seconds: float = 60) -> None:  # type: ignore[no-untyped-def]
    loop_timer = QTimer()
    loop = QEventLoop()
    loop_timer.timeout.connect(lambda: loop.quit() if condition() else None)
    loop_timer.start(10)
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)
    deadline.start(int(seconds * 1000))
    if not condition():
        loop.exec()
    loop_timer.stop()


def type_into(fields: list[QLineEdit], codes: list[int]) -> None:
    for field in fields:  # key by key, as a keyboard sends them (Cyrillic too)
        for code in codes:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier,
                                  chr(code))  # fmt: skip
                QApplication.sendEvent(field, event)


def main() -> None:
    folder, backup = Path(sys.argv[1]), Path(sys.argv[2])
    codes = sys.argv[3:]
    split = codes.index("--")
    letters, new_letters = [int(c) for c in codes[:split]], [int(c) for c in codes[split + 1 :]]
    app = QApplication([])
    controller = DossierApp(app, folder, kdf=vault_access.KdfParams.floor())
    dialog = controller.start()
    type_into([dialog.passphrase, dialog.repeat], letters)
    dialog.submit()
    wait_until(lambda: controller.window is not None)
    window = controller.window
    assert window is not None, dialog.message.text()
    window.back_up_to(backup)
    wait_until(lambda: window.jobs.running() == 0 and backup.exists())
    window.change_passphrase()
    change = window.change_passphrase_dialog
    type_into([change.current], letters)
    type_into([change.new, change.repeat], new_letters)
    change.submit()
    wait_until(lambda: hasattr(window, "rotation_offer"))
    window.rotation_offer.button(QMessageBox.StandardButton.No).click()  # "Later"
    wait_until(lambda: window.jobs.running() == 0)
    controller.lock()  # back to the unlock dialog, as after Ctrl+L
    QCoreApplication.processEvents()
    gc.collect()
    print("LOCKED", flush=True)
    sys.stdin.read()


if __name__ == "__main__":
    main()
