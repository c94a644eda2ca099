"""Finding, creating and unlocking the vault, the same way for the CLI and the GUI."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import platformdirs

from storage.errors import KeyringUnavailable, NotRemembered
from storage.header import VaultHeader
from storage.keys import KdfParams
from storage.keystore import DeviceKeyStore, best_available
from storage.vault import Vault

APP_NAME = "EvidenceDossier"
PASSPHRASE_ENV = "DOSSIER_PASSPHRASE"  # noqa: S105 - a variable name
VAULT_ENV = "DOSSIER_VAULT"
MIN_PASSPHRASE_CHARS = 10


def default_vault_folder() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "vault"


def locate_vault(explicit: str | Path | None) -> Path:
    """``--vault``, else ``DOSSIER_VAULT``, else the user data folder."""
    if explicit:
        return Path(explicit).expanduser()
    if os.environ.get(VAULT_ENV):
        return Path(os.environ[VAULT_ENV]).expanduser()
    return default_vault_folder()


def passphrase_problem(passphrase: str) -> str | None:
    """Why a new passphrase is too weak, or None."""
    if len(passphrase) < MIN_PASSPHRASE_CHARS:
        return f"Use at least {MIN_PASSPHRASE_CHARS} characters; a few unrelated words work well."
    if len(set(passphrase)) < 4:
        return "This passphrase repeats too few characters to be safe."
    return None


def create_vault(
    folder: Path,
    passphrase: str,
    *,
    remember: bool = False,
    keystore: DeviceKeyStore | None = None,
    kdf: KdfParams | None = None,
) -> Vault:
    vault = Vault.create(folder, passphrase, kdf=kdf)
    if remember:
        try:
            vault.remember_on_device(keystore or best_available())
        except BaseException:
            vault.lock()
            raise
    return vault


def unlock_vault(
    folder: Path,
    ask_passphrase: Callable[[], str],
    keystore: DeviceKeyStore | None = None,
) -> Vault:
    """Unlock with DOSSIER_PASSPHRASE, else the key remembered on this device, else by asking."""
    from_env = os.environ.get(PASSPHRASE_ENV)
    if from_env is not None:
        return Vault.unlock(folder, from_env)
    # The keyring is only asked when this vault was remembered on a device.
    if VaultHeader.read(folder).device_wrap is not None:
        try:
            return Vault.unlock_on_device(folder, keystore or best_available())
        except (NotRemembered, KeyringUnavailable):
            pass
    return Vault.unlock(folder, ask_passphrase())
