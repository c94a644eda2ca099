"""The ``dossier`` command line: every vault operation the desktop app offers."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from dossier.services import vault_access
from storage.backup import check_backup, create_backup, restore_backup
from storage.errors import VaultError
from storage.keystore import best_available
from storage.vault import Vault

DESCRIPTION = """\
Evidence Dossier keeps documents, quotes and dated events about a persecuted person in an
encrypted vault on this computer, and exports court-ready dossiers.

The vault is the folder given by --vault, else $DOSSIER_VAULT, else your user data folder.
Its passphrase is read from $DOSSIER_PASSPHRASE (for scripts), else from this device's keyring
if you chose "remember", else asked for at the prompt.

Exit status: 0 done, 1 the operation failed (the message says why), 2 the command was misused.
"""


class UserError(Exception):
    """A problem the user can fix; printed without a traceback (exit status 1)."""


def _prompt_new_passphrase() -> str:
    from_env = os.environ.get(vault_access.PASSPHRASE_ENV)
    if from_env is not None:
        passphrase = from_env
    else:
        passphrase = getpass.getpass("New passphrase: ")
        if getpass.getpass("Repeat the passphrase: ") != passphrase:
            raise UserError("The two passphrases differ. Nothing was changed.")
    problem = vault_access.passphrase_problem(passphrase)
    if problem:
        raise UserError(problem)
    return passphrase


def _ask_passphrase() -> str:
    if not sys.stdin.isatty():
        raise UserError(f"No passphrase: set {vault_access.PASSPHRASE_ENV} or run in a terminal.")
    return getpass.getpass("Vault passphrase: ")


def _open(args: argparse.Namespace) -> Vault:
    return vault_access.unlock_vault(vault_access.locate_vault(args.vault), _ask_passphrase)


def _emit(args: argparse.Namespace, data: dict[str, Any], text: str) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2) if args.json else text)


# --------------------------------------------------------------------------- commands
def cmd_init(args: argparse.Namespace) -> int:
    folder = vault_access.locate_vault(args.vault)
    passphrase = _prompt_new_passphrase()
    with vault_access.create_vault(folder, passphrase, remember=args.remember) as vault:
        _emit(
            args,
            {"vault": str(folder), "id": vault.vault_id, "remembered": vault.remembered_on_device},
            f"Created an encrypted vault in {folder}."
            + (" It is remembered on this device." if vault.remembered_on_device else ""),
        )
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    with _open(args) as vault:
        report = vault.verify()
    data = {
        "ok": report.ok,
        "files": [asdict(check) for check in report.files],
        "database_problems": report.database_problems,
        "custody_problems": report.custody_problems,
        "custody_entries": report.custody_entries,
    }
    lines = [
        f"Checked {len(report.files)} stored files and {report.custody_entries} custody "
        "log entries."
    ]
    lines += [f"PROBLEM: {problem}" for problem in report.problems()]
    lines.append("Everything is intact." if report.ok else "The vault has problems (see above).")
    _emit(args, data, "\n".join(lines))
    return 0 if report.ok else 1


def cmd_backup(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.exists():
        raise UserError(f"{out} already exists; choose a new file name.")
    with _open(args) as vault:
        summary = create_backup(vault, out)
    _emit(
        args,
        {"path": str(summary.path), "files": summary.files, "bytes": summary.bytes_written},
        f"Backup written to {summary.path} ({summary.files} files, "
        f"{summary.bytes_written / 1e6:.1f} MB).",
    )
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    passphrase = os.environ.get(vault_access.PASSPHRASE_ENV) or _ask_passphrase()
    if args.check_only:
        count = check_backup(Path(args.archive), passphrase)
        _emit(args, {"ok": True, "files": count}, f"The backup is intact ({count} files).")
        return 0
    target = vault_access.locate_vault(args.vault)
    vault, report = restore_backup(Path(args.archive), target, passphrase)
    with vault:
        _emit(
            args,
            {"vault": str(target), "ok": report.ok, "files": len(report.files)},
            f"Restored {len(report.files)} files into {target}; verification "
            + ("passed." if report.ok else "found problems: " + "; ".join(report.problems())),
        )
    return 0 if report.ok else 1


def cmd_passwd(args: argparse.Namespace) -> int:
    folder = vault_access.locate_vault(args.vault)
    old = os.environ.get("DOSSIER_OLD_PASSPHRASE") or getpass.getpass("Current passphrase: ")
    new = os.environ.get("DOSSIER_NEW_PASSPHRASE")
    if new is None:
        new = _prompt_new_passphrase()
    elif problem := vault_access.passphrase_problem(new):
        raise UserError(problem)
    with Vault.unlock(folder, old) as vault:
        vault.change_passphrase(old, new)
    _emit(args, {"ok": True}, "The passphrase was changed.")
    return 0


def cmd_remember(args: argparse.Namespace) -> int:
    with _open(args) as vault:
        vault.remember_on_device(best_available())
    _emit(args, {"remembered": True}, "This vault is now remembered on this device.")
    return 0


def cmd_forget(args: argparse.Namespace) -> int:
    with _open(args) as vault:
        vault.forget_on_device(best_available())
    _emit(args, {"remembered": False}, "This device no longer remembers the vault.")
    return 0


def cmd_log(args: argparse.Namespace) -> int:
    with _open(args) as vault:
        entries = vault.custody_log()
    _emit(
        args,
        {"entries": [asdict(entry) for entry in entries]},
        "\n".join(f"{e.seq:>5}  {e.at}  {e.action}: {e.subject} {e.details}" for e in entries),
    )
    return 0


# ----------------------------------------------------------------------------- parser
def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--vault", help="the vault folder (default: $DOSSIER_VAULT or user data)")
    common.add_argument("--json", action="store_true", help="print machine-readable JSON")

    parser = argparse.ArgumentParser(
        prog="dossier",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[common],
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, handler: Callable[[argparse.Namespace], int], text: str) -> Any:
        sub = commands.add_parser(name, help=text, description=text, parents=[common])
        sub.set_defaults(handler=handler)
        return sub

    init = add("init", cmd_init, "Create a new encrypted vault (asks for a passphrase twice).")
    init.add_argument(
        "--remember", action="store_true", help="remember the vault in this device's keyring"
    )
    add("verify", cmd_verify, "Decrypt and check every stored file, the database and the log.")
    backup = add("backup", cmd_backup, "Write the whole vault to one encrypted backup file.")
    backup.add_argument("out", help="the backup file to create")
    restore = add("restore", cmd_restore, "Rebuild a vault from a backup file, then verify it.")
    restore.add_argument("archive", help="the backup file")
    restore.add_argument(
        "--check-only", action="store_true", help="only check the backup; write nothing"
    )
    add("passwd", cmd_passwd, "Change the vault's passphrase (instant, whatever its size).")
    add("remember", cmd_remember, "Remember the vault in this device's keyring.")
    add("forget", cmd_forget, "Forget the vault on this device (keyring and key file).")
    add("log", cmd_log, "Show the custody log: who did what to the evidence, and when.")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args))
    except (VaultError, UserError) as error:
        print(f"dossier: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("dossier: interrupted; nothing half-done was kept.", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
