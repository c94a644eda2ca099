"""Where "remember on this device" keeps its secret: the OS keyring, or nowhere."""

from __future__ import annotations

import base64
import os
from typing import Protocol

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from storage.errors import KeyringUnavailable, NotRemembered

SERVICE = "Evidence Dossier"
_DEVICE_SECRET_BYTES = 32
# Backends that store secrets unencrypted or nowhere: remembering a vault there would defeat it.
_REFUSED_BACKEND_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")


class DeviceKeyStore(Protocol):
    """Keeps one random device secret per vault, named by the vault's random id (never a path),
    and beside it how far the vault's custody log reached when last open here (sealed under
    the vault's own key: see storage.last_seen), which a copy of the vault folder never carries."""

    def create_secret(self, vault_id: str) -> bytes: ...
    def get_secret(self, vault_id: str) -> bytes: ...
    def delete_secret(self, vault_id: str) -> None: ...
    def keep_seen_head(self, vault_id: str, sealed: str) -> None: ...
    def seen_head(self, vault_id: str) -> str | None: ...


def _seen_item(vault_id: str) -> str:
    return f"{vault_id}.last-seen"


class NoKeyStore:
    """Passphrase-only mode: nothing is ever remembered."""

    def create_secret(self, vault_id: str) -> bytes:
        raise KeyringUnavailable()

    def get_secret(self, vault_id: str) -> bytes:
        raise NotRemembered()

    def delete_secret(self, vault_id: str) -> None:
        return None

    def keep_seen_head(self, vault_id: str, sealed: str) -> None:
        return None

    def seen_head(self, vault_id: str) -> str | None:
        return None


class OsKeyStore:
    """The OS keyring: Secret Service, macOS Keychain or Windows Credential Locker."""

    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._backend = backend or keyring.get_keyring()
        if not self.usable(self._backend):
            raise KeyringUnavailable()

    @staticmethod
    def usable(backend: KeyringBackend) -> bool:
        backends = getattr(backend, "backends", None)
        candidates = list(backends) if backends is not None else [backend]
        return any(
            not type(candidate).__module__.startswith(_REFUSED_BACKEND_MODULES)
            and getattr(candidate, "priority", 0) > 0
            for candidate in candidates
        )

    def create_secret(self, vault_id: str) -> bytes:
        secret = os.urandom(_DEVICE_SECRET_BYTES)
        try:
            self._backend.set_password(SERVICE, vault_id, base64.b64encode(secret).decode())
        except keyring.errors.KeyringError as error:
            raise KeyringUnavailable() from error
        return secret

    def get_secret(self, vault_id: str) -> bytes:
        try:
            stored = self._backend.get_password(SERVICE, vault_id)
        except keyring.errors.KeyringError as error:
            raise KeyringUnavailable() from error
        if stored is None:
            raise NotRemembered()
        try:
            return base64.b64decode(stored, validate=True)
        except ValueError as error:
            raise NotRemembered() from error

    def delete_secret(self, vault_id: str) -> None:
        """The secret and the head seen beside it: a forgotten vault leaves nothing here."""
        for item in (vault_id, _seen_item(vault_id)):
            try:
                self._backend.delete_password(SERVICE, item)
            except keyring.errors.PasswordDeleteError:
                continue
            except keyring.errors.KeyringError as error:
                raise KeyringUnavailable() from error

    def keep_seen_head(self, vault_id: str, sealed: str) -> None:
        try:
            self._backend.set_password(SERVICE, _seen_item(vault_id), sealed)
        except keyring.errors.KeyringError as error:
            raise KeyringUnavailable() from error

    def seen_head(self, vault_id: str) -> str | None:
        try:
            return self._backend.get_password(SERVICE, _seen_item(vault_id))
        except keyring.errors.KeyringError as error:
            raise KeyringUnavailable() from error


def best_available() -> DeviceKeyStore:
    """The OS keyring when one works here, else passphrase-only mode."""
    try:
        return OsKeyStore()
    except KeyringUnavailable:
        return NoKeyStore()
