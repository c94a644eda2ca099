"""Finding, creating and unlocking the vault, the same way for the CLI and the GUI."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs
from zxcvbn import zxcvbn

from dossier.vocabulary import PASSPHRASE_ENV as PASSPHRASE_ENV
from storage.errors import DatabaseRolledBack as DatabaseRolledBack
from storage.errors import KeyringUnavailable, NotRemembered
from storage.errors import VaultError as VaultError
from storage.errors import VaultOlderThanLastSeen as VaultOlderThanLastSeen
from storage.header import HEADER_NAME, VaultHeader
from storage.keys import KdfParams as KdfParams
from storage.wipe import wipe_str

if TYPE_CHECKING:
    from storage.keystore import DeviceKeyStore as DeviceKeyStore
    from storage.vault import Vault as Vault

# The window names these through this module (it never imports `storage`): the open vault it
# hands to services, Argon2id settings (tests), a device keyring, and the errors it tells apart.
#
# The database machinery (SQLAlchemy, Alembic, SQLCipher: half a second of imports) and the
# keyring's are loaded when a vault is opened, not before the unlock dialog is drawn: this
# module names them on first use (PEP 562), and the functions below import them where they
# run — in the unlock job, off the window's thread.
_LOADED_ON_FIRST_USE = {
    "Vault": "storage.vault",
    "DeviceKeyStore": "storage.keystore",
}


def __getattr__(name: str) -> object:
    if name in _LOADED_ON_FIRST_USE:
        import importlib

        return getattr(importlib.import_module(_LOADED_ON_FIRST_USE[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _vault_class() -> type[Vault]:
    from storage.vault import Vault

    return Vault


def best_available() -> DeviceKeyStore:
    from storage.keystore import best_available as system_keystore

    return system_keystore()


APP_NAME = "EvidenceDossier"

VAULT_ENV = "DOSSIER_VAULT"
MIN_PASSPHRASE_CHARS = 10


def is_vault(folder: Path) -> bool:
    """Whether ``folder`` holds a vault (else the window offers to create one there)."""
    return (Path(folder) / HEADER_NAME).exists()


def default_vault_folder() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "vault"


def locate_vault(explicit: str | Path | None) -> Path:
    """``--vault``, else ``DOSSIER_VAULT``, else the user data folder."""
    if explicit:
        return Path(explicit).expanduser()
    if os.environ.get(VAULT_ENV):
        return Path(os.environ[VAULT_ENV]).expanduser()
    return default_vault_folder()


# Strength levels, zxcvbn's score 0–4, in words.
LEVELS = ("very weak", "weak", "fair", "strong", "very strong")
# Why a passphrase is weak, from the patterns zxcvbn found, in words a person understands.
REASONS = {
    "short": "too short",
    "common": "one of the most common passwords",
    "word-digits": "a common word with digits",
    "l33t": "a common word with letters swapped for symbols",
    "word": "a common word or name",
    "repeat": "repeated characters",
    "sequence": "a sequence like abc or 123",
    "keyboard": "a row of keys on the keyboard",
    "date": "a date or a year",
}
MIN_SCORE = 3


@dataclass(frozen=True)
class PassphraseStrength:
    score: int  # 0–4 (zxcvbn)
    reason: str | None  # a key of REASONS, or None when nothing stands out

    @property
    def acceptable(self) -> bool:
        return self.score >= MIN_SCORE and self.reason != "short"

    @property
    def words(self) -> str:
        """ "weak: a common word with digits" """
        level = LEVELS[self.score]
        return f"{level}: {REASONS[self.reason]}" if self.reason else level


def forget_secret_text(text: str) -> bool:
    """Overwrite a passphrase read from a field once nothing needs it any more (storage.wipe):
    its closures and signal arguments may still refer to it, and are done with it."""
    return wipe_str(text, shared=True)


def passphrase_strength(passphrase: str) -> PassphraseStrength:
    """How hard the passphrase is to guess, estimated by zxcvbn (offline, its own word lists)."""
    if not passphrase:
        return PassphraseStrength(0, "short")
    # zxcvbn refuses more than 72 characters (a ValueError, which crashed "init" and "passwd"
    # and left "Create vault" doing nothing); what lies beyond only adds to the strength.
    result = zxcvbn(passphrase[:72])
    score = int(result["score"])
    if len(passphrase) < MIN_PASSPHRASE_CHARS:
        return PassphraseStrength(min(score, 1), "short")
    return PassphraseStrength(score, None if score >= MIN_SCORE else _reason(result))


def _reason(result: dict[str, Any]) -> str | None:
    if "common password" in result["feedback"].get("warning", ""):
        return "common"
    patterns = [match["pattern"] for match in result["sequence"]]
    words = [m for m in result["sequence"] if m["pattern"] == "dictionary"]
    if any(m.get("l33t") for m in words):
        return "l33t"
    if words and any(m["token"].isdigit() for m in result["sequence"] if m not in words):
        return "word-digits"
    for pattern, reason in (
        ("repeat", "repeat"),
        ("sequence", "sequence"),
        ("spatial", "keyboard"),
        ("date", "date"),
        ("regex", "date"),
    ):
        if pattern in patterns:
            return reason
    return "word" if words else None


def passphrase_problem(passphrase: str) -> str | None:
    """Why a new passphrase is too weak to accept, or None (judged in this process: the
    faces judge in a helper process, see passphrase_judge.problem_with)."""
    return problem_for(passphrase_strength(passphrase))


def problem_for(strength: PassphraseStrength) -> str | None:
    if strength.acceptable:
        return None
    return (
        f"This passphrase is {strength.words}. Use at least {MIN_PASSPHRASE_CHARS} characters: "
        "four or more unrelated words make a strong one."
    )


def create_vault(
    folder: Path,
    passphrase: str,
    *,
    remember: bool = False,
    keystore: DeviceKeyStore | None = None,
    kdf: KdfParams | None = None,
) -> Vault:
    vault = _opened(_vault_class().create(folder, passphrase, kdf=kdf), keystore=keystore)
    if remember:
        _remember(vault, keystore)
    return vault


def _remember(vault: Vault, keystore: DeviceKeyStore | None) -> None:
    """Keep the key on this device, and how far the vault reaches beside it."""
    from dossier.services import last_seen_here

    try:
        vault.remember_on_device(keystore or best_available())
        last_seen_here.remember(vault, keystore)
    except BaseException:
        vault.lock()
        raise


def unlock_vault(
    folder: Path,
    ask_passphrase: Callable[[], str],
    keystore: DeviceKeyStore | None = None,
    *,
    accept_older_database: bool = False,
) -> Vault:
    """Unlock with DOSSIER_PASSPHRASE, else the key remembered on this device, else by asking."""
    from_env = os.environ.get(PASSPHRASE_ENV)
    if from_env is not None:
        return _opened(
            _vault_class().unlock(folder, from_env, accept_older_database=accept_older_database),
            accept_older_database,
            keystore,
        )
    # The keyring is only asked when this vault was remembered on a device.
    if VaultHeader.read(folder).device_wrap is not None:
        try:
            return _opened(
                _vault_class().unlock_on_device(
                    folder,
                    keystore or best_available(),
                    accept_older_database=accept_older_database,
                ),
                accept_older_database,
                keystore,
            )
        except (NotRemembered, KeyringUnavailable):
            pass
    return _opened(
        _vault_class().unlock(
            folder, ask_passphrase(), accept_older_database=accept_older_database
        ),
        accept_older_database,
        keystore,
    )


def _opened(
    vault: Vault, accept_older_database: bool = False, keystore: DeviceKeyStore | None = None
) -> Vault:
    """What every way of opening a vault does once it is open: an older copy of the whole
    vault put back is refused (unless accepted), and a part file a killed export left (the
    whole bundle, in plaintext) is removed."""
    from dossier.services import exports_in_progress, last_seen_here

    try:
        last_seen_here.check_and_remember(
            vault, accept_older=accept_older_database, keystore=keystore
        )
        exports_in_progress.sweep(vault)
    except BaseException:
        vault.lock()
        raise
    return vault


def remembered_here(folder: Path) -> bool:
    """Whether this vault's key was remembered on a device (its key file says so)."""
    try:
        return VaultHeader.read(folder).device_wrap is not None
    except VaultError:
        return False


def unlock_remembered(
    folder: Path, keystore: DeviceKeyStore | None = None, *, accept_older_database: bool = False
) -> Vault:
    """Unlock with the key remembered on this device (no passphrase)."""
    return _opened(
        _vault_class().unlock_on_device(
            folder, keystore or best_available(), accept_older_database=accept_older_database
        ),
        accept_older_database,
        keystore,
    )


def unlock_with_passphrase(
    folder: Path,
    passphrase: str,
    *,
    remember: bool = False,
    keystore: DeviceKeyStore | None = None,
    accept_older_database: bool = False,
) -> Vault:
    """Unlock with the passphrase; ``remember`` keeps the key on this device from now on."""
    vault = _opened(
        _vault_class().unlock(folder, passphrase, accept_older_database=accept_older_database),
        accept_older_database,
        keystore,
    )
    if remember and not vault.remembered_on_device:
        _remember(vault, keystore)
    return vault


# A sentence, not a password (ruff's S105 reads the name).
CHANGED_NOTE = (
    "The passphrase was changed. An old copy of the vault's key file, or a backup made before "
    "now, still opens with the old passphrase. To make such copies useless, rotate the keys."
)


def rotate_keys(
    vault: Vault, passphrase: str, progress: Callable[[int, int], None] | None = None
) -> int:
    """Give the vault a new key (see ``Vault.rotate_keys``); stays remembered if it was."""
    keystore = None
    if vault.remembered_on_device:
        try:
            keystore = best_available()
        except KeyringUnavailable:
            keystore = None  # it is then forgotten on this device; the passphrase still works
    return vault.rotate_keys(passphrase, keystore=keystore, progress=progress)
