"""Errors of the vault, each carrying the sentence a lawyer sees."""

from __future__ import annotations


class VaultError(Exception):
    """Base of every vault error; ``str(error)`` is the message shown to the user.

    Storage speaks English only: ``template`` (with {placeholders}) and ``values`` let a face
    say the same sentence in the user's language (``dossier.i18n.say``).
    """

    message = "The vault could not complete this operation."

    def __init__(self, message: str | None = None, **values: object) -> None:
        self.template = message or self.message
        self.values = values
        super().__init__(self.template.format(**values) if values else self.template)


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

    message = (
        'The stored file of "{label}" has been altered or damaged and cannot be trusted. '
        "Restore it from a backup."
    )

    with_detail = (
        'The stored file of "{label}" has been altered or damaged and cannot be trusted '
        "({detail}). Restore it from a backup."
    )

    def __init__(self, label: str, detail: str = "") -> None:
        if detail:
            super().__init__(self.with_detail, label=label, detail=detail)
        else:
            super().__init__(None, label=label)
        self.label, self.detail = label, detail


class BlobMissing(VaultError):
    message = 'The stored file of "{label}" is missing from the vault. Restore it from a backup.'

    def __init__(self, label: str) -> None:
        super().__init__(None, label=label)
        self.label = label


class DiskFull(VaultError):
    message = (
        "The disk is full or refused the write: the file was not stored and nothing already "
        "in the vault was changed. Free some space (or check the disk) and try again."
    )


class SourceUnreadable(VaultError):
    message = '"{name}" could not be read ({reason}). Nothing was stored.'

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(None, name=name, reason=reason)


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


class DatabaseMissing(VaultError):
    """The key file is there but the database is gone, empty or holds no vault.

    Opening it as new would make every stored file look unrecorded; nothing is touched instead.
    """

    message = (
        "The vault's database (vault.db) is missing, empty or not this vault's, although its "
        "key file is here. A sync tool, an interrupted copy or a disk error may have removed "
        "it. The vault still holds {files} encrypted files. Nothing was changed and no file "
        "was touched: restore the vault from a backup into a new folder."
    )

    def __init__(self, stored_files: int) -> None:
        super().__init__(None, files=stored_files)


class DatabaseRolledBack(VaultError):
    """The database is older than the header says it was last time (or not its successor)."""

    message = (
        "The vault's database is older than its key file: it ends at change {found}, but "
        "{recorded} changes had been recorded. An older copy of vault.db may have been put "
        "back, or the most recent changes were lost. Nothing was changed. Restore your latest "
        "backup; if you put back an older copy on purpose, open it as it is (everything "
        "recorded after it is then given up)."
    )

    def __init__(self, recorded: int, found: int) -> None:
        self.recorded, self.found = recorded, found
        super().__init__(None, found=found, recorded=recorded)


class VaultOlderThanLastSeen(DatabaseRolledBack):
    """The whole vault (database and key file alike) is older than this computer last saw."""

    message = (
        "This vault is older than the one this computer last opened: on {seen_at} its "
        "custody log had reached change {recorded}, which this copy does not hold. An older "
        "copy of the whole vault (a disk image, a backup copied over the folder) may have "
        "been put back: whatever was recorded after that copy was made is not in it. Nothing "
        "was changed. Restore your latest backup; if you put back this copy on purpose, open "
        "it as it is."
    )

    def __init__(self, recorded: int, found: int, seen_at: str) -> None:
        self.recorded, self.found, self.seen_at = recorded, found, seen_at
        VaultError.__init__(self, None, recorded=recorded, seen_at=seen_at)


class FileAlreadyRecorded(VaultError):
    message = (
        '"{label}" was recorded in the vault after it had been set aside: its file was put '
        "back in place. Nothing was recovered, because nothing was missing."
    )

    def __init__(self, label: str) -> None:
        super().__init__(None, label=label)


class UnrecordedFileUnrecoverable(VaultError):
    message = (
        '"{label}" cannot be recovered: its key was never written down (it was stored by an '
        "older version of this app). It stays encrypted in the quarantine folder; you may "
        "discard it."
    )

    def __init__(self, label: str) -> None:
        super().__init__(None, label=label)
