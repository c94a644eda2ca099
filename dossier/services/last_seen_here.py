"""Noticing an older copy of a whole vault put back: how far each vault's custody log reached
when this computer last had it open is kept where a copy of the vault folder cannot reach —
beside the settings, and in the keyring item too when the vault is remembered on this device —
sealed under that vault's own key (storage.last_seen), and compared at every unlock.

Neither place says anything of a client: per vault, a keyed tag and an encrypted head. A vault
not seen here before, or both places lost, only means nothing to compare with. The keyring
item outlives a settings folder wiped or replaced (a new user account, a restored home
folder); the settings file covers a vault opened only by passphrase.
"""

from __future__ import annotations

import contextlib
import json
import os

from dossier import settings
from storage import custody
from storage.errors import KeyringUnavailable, VaultOlderThanLastSeen
from storage.keystore import DeviceKeyStore, best_available
from storage.last_seen import SeenHead
from storage.vault import Vault

_FILE = "vaults-seen.json"


def check_and_remember(
    vault: Vault, *, accept_older: bool = False, keystore: DeviceKeyStore | None = None
) -> None:
    """Refuse a vault older than last seen here (unless accepted, which the custody log
    records); then remember how far it reaches now, and again just before it locks."""
    seen = _furthest_missing(vault, keystore)
    if seen is not None:
        found = vault.custody_length()
        if not accept_older:
            raise VaultOlderThanLastSeen(seen.seq, found, seen.at[:16].replace("T", " ") + " UTC")
        with vault.transaction() as session:
            custody.append(
                session, "older copy of the vault accepted", "vault",
                {"seen_here": seen.seq, "found": found, "seen_at": seen.at},
            )  # fmt: skip
    remember(vault, keystore)
    vault.before_lock(lambda: remember(vault, keystore))


def remember(vault: Vault, keystore: DeviceKeyStore | None = None) -> None:
    sealed = vault.sealed_head()
    with contextlib.suppress(OSError):  # a read-only config folder: nothing to compare later
        data = _load()
        data[vault.last_seen_tag()] = sealed
        _save(data)
    if vault.remembered_on_device:  # asked at lock time: it may have been remembered since
        with contextlib.suppress(KeyringUnavailable):
            (keystore or best_available()).keep_seen_head(vault.vault_id, sealed)


def _furthest_missing(vault: Vault, keystore: DeviceKeyStore | None) -> SeenHead | None:
    """Of the heads kept here, the furthest one this database no longer holds."""
    kept = [_load().get(vault.last_seen_tag())]
    if vault.remembered_on_device:
        with contextlib.suppress(KeyringUnavailable):
            kept.append((keystore or best_available()).seen_head(vault.vault_id))
    missing = [seen for sealed in kept if sealed and (seen := vault.older_than(sealed))]
    return max(missing, key=lambda seen: seen.seq, default=None)


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
