"""Looking after the vault: verify, back up, restore, passphrase, keys, this device, the log.

The one place both faces (the `dossier` command and the window) do this from, so that the
window never reaches into `storage` itself.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dossier.i18n import said, t
from dossier.services import last_seen_here
from dossier.services.vault_access import is_vault
from storage import backup
from storage.keystore import best_available
from storage.vault import CustodyRecord, Unfinished, Vault, VerifyReport

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

__all__ = [
    "CustodyRecord", "Restored", "Unfinished", "VerifyReport", "backup_to", "check_backup",
    "custody_log", "forget_here", "is_vault", "moment_shown", "remember_here", "restore",
    "unfinished_verification", "verify",
]  # fmt: skip


def verify(
    vault: Vault,
    progress: Progress | None = None,
    cancelled: Cancel | None = None,
    resume: bool = False,
) -> VerifyReport:
    """Every file decrypted and checked (``resume``: continuing one stopped before its end,
    without reading again the files it found intact)."""
    return vault.verify(progress, cancelled, resume=resume)


def unfinished_verification(vault: Vault) -> Unfinished | None:
    """A verification stopped before its end (cancelled, or the program closed), if any."""
    return vault.unfinished_verification()


def moment_shown(moment: str) -> str:
    """A stored UTC time ("2025-11-20T10:00:00.123Z") as a person reads it."""
    return moment[:16].replace("T", " ") + " UTC"


def verify_sentences(report: VerifyReport) -> tuple[list[str], list[str]]:
    """The report's problems and notes in the interface's language (storage speaks English)."""
    problems = []
    for check in report.files:
        if check.ok:
            continue
        template, values = check.said or (check.problem or "", {})
        problem = said(template, values, fallback=check.problem)
        problems.append(t('"{label}": {problem}', label=check.label, problem=problem))
    if report.unrecorded:
        problems.append(
            t(
                "Files stored but never recorded (the program stopped in between, or an older "
                "copy of the database was put back): {count}. "
                "They are kept, encrypted, until you recover or discard them.",
                count=len(report.unrecorded),
            )
        )
    problems += report.database_problems + report.custody_problems
    notes = []
    if report.continued:
        notes.append(
            t(
                "This continued a verification stopped before its end: {count} files it had "
                "found intact were not read again.",
                count=report.continued,
            )
        )
    if report.foreign:
        notes.append(
            t(
                "Found in the vault's folder but not written by the program, and left as they "
                "are: {paths}. Another program (a file manager, say) put them there; they do "
                "no harm.",
                paths=", ".join(report.foreign[:5])
                + (f" (+{len(report.foreign) - 5})" if len(report.foreign) > 5 else ""),
            )
        )
    return problems, notes


def backup_to(
    vault: Vault, target: Path, progress: Progress | None = None, cancelled: Cancel | None = None
) -> backup.BackupSummary:
    return backup.create_backup(vault, target, progress, cancelled)


def check_backup(archive: Path, passphrase: str) -> int:
    return backup.check_backup(archive, passphrase)


@dataclass
class Restored:
    vault: Vault  # open: the caller locks it (or keeps working in it)
    report: VerifyReport
    as_of: str  # "2025-11-20 10:00 UTC": the moment the backup holds, said plainly


def restore(
    archive: Path, target: Path, passphrase: str, progress: Progress | None = None
) -> Restored:
    vault, report = backup.restore_backup(archive, target, passphrase, progress)
    last_seen_here.remember(vault)  # how far the restored copy reaches, from now on
    vault.before_lock(lambda: last_seen_here.remember(vault))
    return Restored(vault, report, backup.restored_as_of(vault))


def remember_here(vault: Vault) -> None:
    keystore = best_available()
    vault.remember_on_device(keystore)
    last_seen_here.remember(vault, keystore)  # how far it reaches, beside its key


def forget_here(vault: Vault) -> None:
    vault.forget_on_device(best_available())


def custody_log(vault: Vault) -> list[CustodyRecord]:
    return list(vault.custody_log())


def details_in_words(details: str) -> str:
    """A custody entry's details as a person reads them — "document: D3 · found: yes" —
    not as the JSON they are kept in (which stays, hashed, in the log)."""
    try:
        data = json.loads(details)
    except ValueError:
        return details
    return _in_words(data)


def _in_words(value: object) -> str:
    if isinstance(value, dict):
        return " · ".join(
            f"{str(key).replace('_', ' ')}: {_in_words(item)}"
            for key, item in value.items()
            if item not in (None, "", [], {})
        )
    if isinstance(value, list):
        return ", ".join(_in_words(item) for item in value)
    if isinstance(value, bool):
        return t("yes") if value else t("no")
    return str(value)
