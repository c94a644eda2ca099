"""Vault commands: init, verify, backup, restore, passwd, remember, forget, log."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from dataclasses import asdict
from pathlib import Path

from dossier.cli.common import (
    UserError,
    ask_passphrase,
    emit,
    open_vault,
    prompt_new_passphrase,
)
from dossier.cli.types import Adder


# --------------------------------------------------------------------------- commands
def cmd_init(args: argparse.Namespace) -> int:
    from dossier.services import vault_access

    folder = vault_access.locate_vault(args.vault)
    passphrase = prompt_new_passphrase()
    with vault_access.create_vault(folder, passphrase, remember=args.remember) as vault:
        emit(
            args,
            {"vault": str(folder), "id": vault.vault_id, "remembered": vault.remembered_on_device},
            f"Created an encrypted vault in {folder}."
            + (" It is remembered on this device." if vault.remembered_on_device else ""),
        )
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from dossier.services import vault_admin

    with open_vault(args) as vault:
        stopped = vault_admin.unfinished_verification(vault)
        report = vault_admin.verify(vault, resume=args.resume)
    data = {
        "ok": report.ok,
        "files": [asdict(check) for check in report.files],
        "database_problems": report.database_problems,
        "custody_problems": report.custody_problems,
        "custody_entries": report.custody_entries,
        "unrecorded": [asdict(found) for found in report.unrecorded],
        "foreign_files": report.foreign,
        "continued": report.continued,
    }
    lines = [
        f"Checked {len(report.files)} stored files and {report.custody_entries} custody "
        "log entries."
    ]
    if stopped is not None and not args.resume:
        lines.append(
            f"A verification begun on {vault_admin.moment_shown(stopped.began)} had been "
            f"stopped after {stopped.intact} of {stopped.files} files; this one read every file "
            "again (dossier verify --resume continues such a verification instead)."
        )
    lines += [f"PROBLEM: {problem}" for problem in report.problems()]
    lines += [f"NOTE: {note}" for note in report.notes()]
    lines.append("Everything is intact." if report.ok else "The vault has problems (see above).")
    emit(args, data, "\n".join(lines))
    return 0 if report.ok else 1


def cmd_backup(args: argparse.Namespace) -> int:
    from dossier.services import vault_admin

    out = Path(args.out)
    if out.exists():
        raise UserError(f"{out} already exists; choose a new file name.")
    with open_vault(args) as vault:
        summary = vault_admin.backup_to(vault, out)
    emit(
        args,
        {"path": str(summary.path), "files": summary.files, "bytes": summary.bytes_written},
        f"Backup written to {summary.path} ({summary.files} files, "
        f"{summary.bytes_written / 1e6:.1f} MB).",
    )
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from dossier.services import vault_access, vault_admin

    passphrase = os.environ.get(vault_access.PASSPHRASE_ENV) or ask_passphrase()
    if args.check_only:
        count = vault_admin.check_backup(Path(args.archive), passphrase)
        emit(args, {"ok": True, "files": count}, f"The backup is intact ({count} files).")
        return 0
    target = vault_access.locate_vault(args.vault)
    restored = vault_admin.restore(Path(args.archive), target, passphrase)
    report, as_of = restored.report, restored.as_of
    with restored.vault:
        emit(
            args,
            {"vault": str(target), "ok": report.ok, "files": len(report.files), "as_of": as_of},
            f"Restored {len(report.files)} files into {target}; verification "
            + ("passed." if report.ok else "found problems: " + "; ".join(report.problems()))
            + f"\nThis is the vault as it was on {as_of}: anything recorded after that is not "
            "in this copy.",
        )
    return 0 if report.ok else 1


def cmd_passwd(args: argparse.Namespace) -> int:
    from dossier.services import passphrase_judge, vault_access
    from storage.vault import Vault

    folder = vault_access.locate_vault(args.vault)
    old = os.environ.get("DOSSIER_OLD_PASSPHRASE") or getpass.getpass("Current passphrase: ")
    new = os.environ.get("DOSSIER_NEW_PASSPHRASE")
    if new is None:
        new = prompt_new_passphrase()
    elif problem := passphrase_judge.problem_with(new):
        raise UserError(problem)
    with Vault.unlock(folder, old) as vault:
        vault.change_passphrase(old, new)
    emit(
        args,
        {"ok": True, "note": vault_access.CHANGED_NOTE},
        vault_access.CHANGED_NOTE + " (dossier rotate-keys)",
    )
    return 0


def cmd_rotate_keys(args: argparse.Namespace) -> int:
    from dossier.services import vault_access
    from storage.vault import Vault

    folder = vault_access.locate_vault(args.vault)
    passphrase = os.environ.get(vault_access.PASSPHRASE_ENV) or ask_passphrase()

    def progress(done: int, total: int) -> None:
        if not args.json and sys.stderr.isatty():
            print(f"\rRewrapping file keys: {done}/{total}", end="", file=sys.stderr)

    with Vault.unlock(folder, passphrase) as vault:
        files = vault_access.rotate_keys(vault, passphrase, progress)
    emit(
        args,
        {"ok": True, "files": files},
        f"The vault has a new key ({files} file keys rewrapped). Old copies of its key file "
        "no longer open it; backups made before now still open with the passphrase of their "
        "time, and hold only what they held.",
    )
    return 0


def cmd_remember(args: argparse.Namespace) -> int:
    from dossier.services import vault_admin

    with open_vault(args) as vault:
        vault_admin.remember_here(vault)
    emit(args, {"remembered": True}, "This vault is now remembered on this device.")
    return 0


def cmd_forget(args: argparse.Namespace) -> int:
    from dossier.services import vault_admin

    with open_vault(args) as vault:
        vault_admin.forget_here(vault)
    emit(args, {"remembered": False}, "This device no longer remembers the vault.")
    return 0


def cmd_log(args: argparse.Namespace) -> int:
    from dossier.services import vault_admin

    with open_vault(args) as vault:
        entries = vault.custody_log()
    emit(
        args,
        {"entries": [asdict(entry) for entry in entries]},
        "\n".join(
            f"{e.seq:>5}  {e.at}  {e.action}: {e.subject}  "
            + vault_admin.details_in_words(e.details)
            for e in entries
        ),
    )
    return 0


def register(add: Adder) -> None:
    init = add("init", cmd_init, "Create a new encrypted vault (asks for a passphrase twice).")
    init.add_argument(
        "--remember", action="store_true", help="remember the vault in this device's keyring"
    )
    verify = add(
        "verify", cmd_verify, "Decrypt and check every stored file, the database and the log."
    )
    verify.add_argument(
        "--resume",
        action="store_true",
        help="continue a verification stopped before its end (cancelled, or interrupted): "
        "the files it found intact are not read again",
    )
    backup = add("backup", cmd_backup, "Write the whole vault to one encrypted backup file.")
    backup.add_argument("out", help="the backup file to create")
    restore = add("restore", cmd_restore, "Rebuild a vault from a backup file, then verify it.")
    restore.add_argument("archive", help="the backup file")
    restore.add_argument(
        "--check-only", action="store_true", help="only check the backup; write nothing"
    )
    add("passwd", cmd_passwd, "Change the vault's passphrase (instant, whatever its size).")
    add(
        "rotate-keys",
        cmd_rotate_keys,
        "Give the vault a new key, so old copies of its key file open nothing.",
    )
    add("remember", cmd_remember, "Remember the vault in this device's keyring.")
    add("forget", cmd_forget, "Forget the vault on this device (keyring and key file).")
    add("log", cmd_log, "Show the custody log: who did what to the evidence, and when.")
