"""The desktop application: unlock, work, lock (by shortcut or after idle time), repeat."""

from __future__ import annotations

import gc
import os
import sys
import threading
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from desktop import file_dialogs, fonts
from desktop.unlock_dialog import UnlockDialog
from dossier import crash_dumps, diagnostics, i18n
from dossier import settings as app_settings
from dossier.resources import ROOT
from dossier.services import vault_access

if TYPE_CHECKING:  # the main window (and the export code it needs) loads after unlocking,
    # and the database machinery with the unlock job (see vault_access)
    from desktop.main_window import MainWindow
    from dossier.services.vault_access import DeviceKeyStore, KdfParams, Vault

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
}


def settle_memory() -> None:
    """Set aside, for the collector, the ~200,000 objects the program holds for good once its
    window is up (Qt's, SQLAlchemy's, the modules'). Each full collection walked them all:
    measured 150–170 ms holding the GIL, in whichever thread it struck, so the window froze
    that long in the middle of an import or export. Frozen, they are never walked again; one
    collection first, now, so that no garbage is kept with them."""
    gc.collect()
    gc.freeze()


class DossierApp(QObject):
    """Owns the open vault (never a global) and the window that shows it."""

    def __init__(
        self,
        app: QApplication,
        folder: Path | None = None,
        *,
        idle_minutes: float | None = None,
        kdf: KdfParams | None = None,
        keystore: DeviceKeyStore | None = None,
    ) -> None:
        super().__init__()
        self.app = app
        self.keystore = keystore  # tests pass their own keyring; None: the system's
        self.folder = folder or vault_access.locate_vault(None)
        self._was_open = False  # set once a vault was open: its folder is shown after a lock
        self.kdf = kdf
        self.vault: Vault | None = None
        self.window: MainWindow | None = None
        self.dialog: UnlockDialog | None = None
        self.language = "en"
        self.translators: list[QTranslator] = []
        self.settings = app_settings.load()
        from_env = os.environ.get("DOSSIER_IDLE_MINUTES")
        minutes = (
            idle_minutes
            if idle_minutes is not None
            else float(from_env)
            if from_env
            else self.settings.idle_minutes
        )
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(int(minutes * 60_000))
        self.idle.timeout.connect(self.lock)
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # getattr: Python may clear this object's attributes (collecting it) before Qt has
        # destroyed it and stopped sending it events; shutdown() removes the filter first.
        if getattr(self, "vault", None) is not None and event.type() in _ACTIVITY:
            self.idle.start()
        return False

    def start(self, *, use_remembered: bool = False) -> UnlockDialog:
        """The unlock dialog. At program start (``use_remembered``) a vault remembered on this
        device opens by itself; after a lock it waits for the user."""
        self.dialog = UnlockDialog(
            self.folder, kdf=self.kdf, keystore=self.keystore, was_open=self._was_open
        )
        self.dialog.unlocked.connect(self._unlocked)
        self.dialog.show()
        if use_remembered:
            self.dialog.try_remembered()
        return self.dialog

    def _unlocked(self, vault: Vault) -> None:
        self.vault = vault
        # Locked, the window returns to this vault's own unlock screen (in memory only: a
        # vault's folder, which can name a client, is never written to the settings).
        self.folder, self._was_open = vault.folder, True
        self._show_window()
        self.app.installEventFilter(self)  # again, if the vault was locked during some work
        self.idle.start()
        settle_memory()

    def _show_window(self) -> None:
        assert self.vault is not None
        from desktop.main_window import MainWindow

        self.window = MainWindow(self.vault)
        self.window.lock_requested.connect(self.lock)
        self.window.quit_requested.connect(self.quit)
        self.window.language_requested.connect(self.choose_language)
        self.window.idle_minutes_requested.connect(self.set_idle_minutes)
        self.window.jobs.working.connect(self._working)
        self.window.show()

    def _working(self, running: bool) -> None:
        """While an import, export or check the user waits for runs, the idle clock stops
        (locking would cancel it) and this object stops watching every event of the
        application: a Python call per event, each waiting for the GIL the job holds, doubled
        the window's stalls (measured 38–40 ms → 19–20 ms beside a busy thread). The clock
        starts again, in full, when the work ends."""
        if self.vault is None:
            return
        if running:
            self.app.removeEventFilter(self)
            self.idle.stop()
        else:
            self.app.installEventFilter(self)
            self.idle.start()

    def set_idle_minutes(self, minutes: float) -> None:
        """Lock after this many idle minutes, from now on and at the next start."""
        self.settings = replace(self.settings, idle_minutes=minutes).checked()
        app_settings.save(self.settings)
        self.idle.setInterval(int(self.settings.idle_minutes * 60_000))
        if self.vault is not None:
            self.idle.start()

    def choose_language(self, language: str) -> None:
        """The user's choice (Language menu): used now and remembered for the next start."""
        self.settings = replace(self.settings, language=language)
        app_settings.save(self.settings)
        self.set_language(language)

    def set_language(self, language: str) -> None:
        """Switch between English and Russian; the window is rebuilt in the new language,
        on the person and the tab the lawyer was on (what was typed is saved first)."""
        for translator in self.translators:
            self.app.removeTranslator(translator)
        self.translators = install_translation(self.app, language)
        self.language = language
        i18n.use(language)  # what the core says (the forum's check, …) follows the window
        if self.window is not None:
            page = self.window.person_page
            where = (page.person_id, page.currentIndex()) if page is not None else None
            self._close_window()
            self._show_window()
            if where is not None:
                assert self.window is not None
                self.window.show_person(where[0]).setCurrentIndex(where[1])

    def quit(self) -> None:
        """Vault ▸ Quit (Ctrl+Q): what was typed is saved, the vault locked, the program ends."""
        self.shutdown()
        self.app.quit()

    def lock(self) -> None:
        """Close every view that shows evidence, then drop the keys."""
        self._close_vault()
        self.start()

    def _close_window(self) -> None:
        """Typed text is saved, then running jobs end (locking waits for them, so none is left
        writing into a locked vault), then the window closes."""
        assert self.window is not None
        self.window.jobs.working.disconnect(self._working)  # its work ends with the window
        self.window.save_edits()
        self.window.jobs.cancel_all()
        self.window.close_person()
        self.window.close()
        self.window.deleteLater()

    def _close_vault(self) -> None:
        self.idle.stop()
        if self.window is not None:
            self._close_window()
            self.window = None
            gc.unfreeze()  # the closed window's objects may be collected again
        if self.vault is not None:
            self.vault.lock()
            self.vault = None

    def shutdown(self) -> None:
        """Lock the vault and stop watching the application's events (the program ends)."""
        self.app.removeEventFilter(self)
        for translator in self.translators:
            self.app.removeTranslator(translator)
        self.translators = []
        i18n.use("en")
        self._close_vault()
        if self.dialog is not None:
            self.dialog.close()


def install_translation(app: QApplication, language: str) -> list[QTranslator]:
    """English is built in; Russian comes from resources/translations (compiled by make), and
    Qt's own words (Close, Cancel, Yes in its dialogs and buttons) from Qt's translations."""
    if language == "en":
        return []
    installed = []
    for name, folder in (
        (f"dossier_{language}.qm", str(ROOT / "translations")),
        (f"qtbase_{language}.qm", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def _unexpected(kind: type[BaseException], error: BaseException, _tb: object) -> None:
    """An error nobody caught on the window's thread: kept in memory (Help ▸ Diagnostics),
    never printed: a launcher may keep standard error in a file (~/.xsession-errors), and a
    traceback can quote the evidence being shown."""
    if issubclass(kind, KeyboardInterrupt):
        return
    diagnostics.record(error, "window")


def main() -> int:
    crash_dumps.turn_off()  # first: a crash on a hostile file must not write our memory out
    sys.excepthook = _unexpected
    threading.excepthook = lambda hook: _unexpected(
        hook.exc_type, hook.exc_value or hook.exc_type(), hook.exc_traceback
    )
    app = QApplication(sys.argv)
    app.setApplicationName("Evidence Dossier")
    file_dialogs.forbid_qt_settings_files()
    fonts.install(app)
    controller = DossierApp(app)
    wanted = (
        os.environ.get("DOSSIER_LANG")
        or controller.settings.language
        or QLocale.system().name()[:2]
    )
    if wanted == "ru":
        controller.set_language("ru")
    controller.start(use_remembered=True)
    code = app.exec()
    controller.shutdown()
    return code


if __name__ == "__main__":
    sys.exit(main())
