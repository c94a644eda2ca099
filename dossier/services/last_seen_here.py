"""Noticing an older copy of a whole vault put back: how far each vault's custody log reached
when this computer last had it open is kept beside the settings, sealed under that vault's
own key (storage.last_seen), and compared at every unlock.

The file says nothing of a client: per vault, a keyed tag and an encrypted head. A vault not
seen here before, or a file lost, only means nothing to compare with.
"""

from __future__ import annotations

import contextlib
import json
import os

from dossier import settings
from storage import custody
from storage.errors import VaultOlderThanLastSeen
from storage.vault import Vault

_FILE = "vaults-seen.json"


def check_and_remember(vault: Vault, *, accept_older: bool = False) -> None:
    """Refuse a vault older than last seen here (unless accepted, which the custody log
    records); then remember how far it reaches now, and again just before it locks."""
    tag = vault.last_seen_tag()
    sealed = _load().get(tag)
    if sealed is not None and (seen := vault.older_than(sealed)) is not None:
        found = vault.custody_length()
        if not accept_older:
            raise VaultOlderThanLastSeen(seen.seq, found, seen.at[:16].replace("T", " ") + " UTC")
        with vault.transaction() as session:
            custody.append(
                session, "older copy of the vault accepted", "vault",
                {"seen_here": seen.seq, "found": found, "seen_at": seen.at},
            )  # fmt: skip
    remember(vault)
    vault.before_lock(lambda: remember(vault))


def remember(vault: Vault) -> None:
    with contextlib.suppress(OSError):  # a read-only config folder: nothing to compare later
        data = _load()
        data[vault.last_seen_tag()] = vault.sealed_head()
        _save(data)


def _path() -> os.PathLike[str]:
    return settings.path().with_name(_FILE)


def _load() -> dict[str, str]:
    try:
        with open(_path(), encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}


def _save(data: dict[str, str]) -> None:
    target = settings.path().with_name(_FILE)
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temp = target.with_name(f"{_FILE}.{os.getpid()}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(data, handle, indent=1)
        handle.flush()
        os.fsync(handle.fileno())
    temp.replace(target)
