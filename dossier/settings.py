"""The app's own settings, with declared defaults, in the user's config folder.

Only what is declared here is ever written (the interface's language, the idle minutes before
locking): never a client's name, a folder, a file or a history. A damaged or foreign file is
ignored, never a reason not to start. Beside it, ``vaults-seen.json`` (see
``dossier.services.last_seen_here``) holds per vault a keyed tag and a sealed custody head,
which mean nothing without the vault's key.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

import platformdirs

APP_NAME = "EvidenceDossier"
SETTINGS_ENV = "DOSSIER_SETTINGS"  # a file to use instead (tests, portable installs)
LANGUAGES = ("en", "ru")


@dataclass(frozen=True)
class Settings:
    language: str = ""  # "": the system's language
    idle_minutes: float = 10.0

    def checked(self) -> Settings:
        language = self.language if self.language in LANGUAGES else ""
        try:
            minutes = float(self.idle_minutes)
        except (TypeError, ValueError):
            minutes = Settings.idle_minutes
        return Settings(language, min(max(minutes, 1.0), 240.0))


def path() -> Path:
    explicit = os.environ.get(SETTINGS_ENV)
    if explicit:
        return Path(explicit)
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "settings.json"


def load() -> Settings:
    try:
        data = json.loads(path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(data, dict):
        return Settings()
    known = {f.name for f in fields(Settings)}
    return Settings(**{k: v for k, v in data.items() if k in known}).checked()


def save(settings: Settings) -> None:
    """Written whole (temp file, then rename), readable by the user only."""
    target = path()
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temp = target.with_name(target.name + ".tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(asdict(settings.checked()), handle, indent=2)
        handle.flush()
        os.fsync(handle.fileno())
    temp.replace(target)
