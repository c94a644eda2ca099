"""The unlock dialog is drawn before the database machinery is loaded (issue 23: window start).

SQLAlchemy, Alembic, SQLCipher and the keyring took half a second of imports before the
dialog could appear; they are needed only once a passphrase is typed. Counted by what a fresh
interpreter has loaded when the dialog is on screen, not by a clock.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SHOW_THE_DIALOG = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from desktop import file_dialogs, fonts
from desktop.app import DossierApp
app = QApplication(sys.argv)
file_dialogs.forbid_qt_settings_files()
fonts.install(app)
dialog = DossierApp(app, Path(sys.argv[1])).start()
app.processEvents()
heavy = ("sqlalchemy", "alembic", "sqlcipher3", "keyring", "storage.vault", "storage.database")
print(json.dumps({"visible": dialog.isVisible(),
                  "loaded": sorted(name for name in heavy if name in sys.modules)}))
"""


def _loaded_when_shown(folder: Path) -> dict[str, object]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", SHOW_THE_DIALOG, str(folder)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_the_create_dialog_is_shown_without_the_database_machinery(tmp_path: Path) -> None:
    shown = _loaded_when_shown(tmp_path / "new vault")
    assert shown == {"visible": True, "loaded": []}


def test_the_unlock_dialog_of_a_vault_is_shown_without_the_database_machinery(
    tmp_path: Path,
) -> None:
    from dossier.services.vault_access import KdfParams, create_vault

    folder = tmp_path / "vault"
    create_vault(folder, "correct horse battery staple", kdf=KdfParams.floor()).lock()
    shown = _loaded_when_shown(folder)
    assert shown == {"visible": True, "loaded": []}
