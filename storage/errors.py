"""Errors of the vault, each carrying the sentence a lawyer sees."""

from __future__ import annotations


class VaultError(Exception):
    """Base of every vault error; ``str(error)`` is the message shown to the user."""

    message = "The vault could not complete this operation."

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.message)


class WrongPassphrase(VaultError):
    message = "The passphrase is not correct for this vault. Nothing was changed."


class NotAVault(VaultError):
    message = "This folder is not an Evidence Dossier vault."


class VaultAlreadyExists(VaultError):
    message = "A vault already exists in this folder; choose an empty folder."


class VaultFromNewerVersion(VaultError):
    message = (
        "This vault was made by a newer version of Evidence Dossier. "
        "Update the application to open it; the vault was not changed."
    )


class HeaderDamaged(VaultError):
    message = (
        "The vault's key file (vault.header) is damaged or has been altered. "
        "Restore the vault from a backup; nothing was changed."
    )


class DatabaseDamaged(VaultError):
    message = (
        "The vault's database cannot be decrypted: it is damaged or was replaced. "
        "Restore the vault from a backup; nothing was changed."
    )


class VaultInUse(VaultError):
    message = (
        "This vault is open in another window or program. Close it there first; "
        "opening it twice could damage it."
    )


class VaultLocked(VaultError):
    message = "The vault is locked. Unlock it with its passphrase to continue."


class BlobTampered(VaultError):
    """An encrypted file failed authentication: it was altered, truncated or swapped."""

    def __init__(self, label: str, detail: str = "") -> None:
        text = (
            f'The stored file of "{label}" has been altered or damaged and cannot be trusted'
            + (f" ({detail})" if detail else "")
            + ". Restore it from a backup."
        )
        super().__init__(text)
        self.label = label


class BlobMissing(VaultError):
    def __init__(self, label: str) -> None:
        super().__init__(
            f'The stored file of "{label}" is missing from the vault. Restore it from a backup.'
        )
        self.label = label


class DiskFull(VaultError):
    message = (
        "The disk is full or refused the write: the file was not stored and nothing already "
        "in the vault was changed. Free some space (or check the disk) and try again."
    )


class SourceUnreadable(VaultError):
    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f'"{name}" could not be read: {reason}. Nothing was stored.')


class Cancelled(VaultError):
    message = "Cancelled. Nothing was stored."


class KeyringUnavailable(VaultError):
    message = (
        "This computer has no secure password store available, so the vault cannot be "
        "remembered here. Unlock it with the passphrase each time."
    )


class NotRemembered(VaultError):
    message = "This vault is not remembered on this device; unlock it with its passphrase."


class BackupDamaged(VaultError):
    message = (
        "The backup file is damaged, incomplete or was altered; it cannot be restored. "
        "Nothing was written."
    )


class NotABackup(VaultError):
    message = "This file is not an Evidence Dossier backup."


class CustodyChainBroken(VaultError):
    message = "The custody log has been altered: its chain of hashes is broken."
