"""Whether where a vault is kept can let two programs use it at once unseen: a network folder
(whose locks another computer does not see) or a folder a sync service copies elsewhere."""

from __future__ import annotations

from pathlib import Path

from dossier.i18n import t
from storage.lockfile import locks_may_not_be_shared

# Folder names the common sync services give their folders, and the marks they leave.
_SYNCED_NAMES = {
    "dropbox": "Dropbox", "google drive": "Google Drive", "googledrive": "Google Drive",
    "my drive": "Google Drive", "onedrive": "OneDrive", "icloud drive": "iCloud",
    "mobile documents": "iCloud", "nextcloud": "Nextcloud", "owncloud": "ownCloud",
    "pcloud drive": "pCloud", "mega": "MEGA", "yandex.disk": "Yandex Disk",
    "yandexdisk": "Yandex Disk",
}  # fmt: skip
_SYNC_MARKS = {".stfolder": "Syncthing", ".dropbox": "Dropbox", ".sync": "Resilio Sync"}


def synced_by(folder: Path) -> str | None:
    """The sync service whose folder holds ``folder``, as far as its name or marks tell."""
    resolved = folder.resolve()
    for place in (resolved, *resolved.parents):
        if (name := _SYNCED_NAMES.get(place.name.casefold())) is not None:
            return name
        if place.name.casefold().startswith("onedrive"):  # "OneDrive - Firm Name"
            return "OneDrive"
        for mark, service in _SYNC_MARKS.items():
            if (place / mark).exists():
                return service
    return None


def warning(folder: Path) -> str | None:
    """A sentence for the lawyer when the vault's place is unsafe for it, else None."""
    if locks_may_not_be_shared(folder):
        return t(
            "This vault is on a network folder: another computer could open it at the same "
            "time without either program knowing, and damage it. Keep the vault on this "
            "computer's own disk; to move it, make a backup and restore it there."
        )
    if (service := synced_by(folder)) is not None:
        return t(
            "This vault is in a folder {service} copies to other computers. Opened on two of "
            "them at once, or copied half-written, it can lose changes or be damaged. Keep "
            "the vault outside synced folders; to move it, make a backup and restore it "
            "there.",
            service=service,
        )
    return None
