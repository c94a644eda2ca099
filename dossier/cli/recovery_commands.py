"""Files stored but never recorded: list, recover, discard; and opening an older database."""

from __future__ import annotations

import argparse
import sys

from dossier.cli.common import UserError, ask_passphrase, emit, open_vault
from dossier.cli.types import Adder, SubGroup
from dossier.errors import VaultError


def unrecorded_list(args: argparse.Namespace) -> int:
    from dossier.services import recovery

    with open_vault(args) as vault:
        found = recovery.unrecorded(vault)
    lines = [
        f"{f.name}  {f.label}" + ("" if f.recoverable else "  (cannot be recovered)") for f in found
    ]
    head = recovery.unrecorded_sentence(len(found)) if found else "No unrecorded files."
    emit(args, {"unrecorded": found}, "\n".join([head, *lines]))
    return 0


def unrecorded_recover(args: argparse.Namespace) -> int:
    from dossier.services import recovery

    recovered: list[str] = []
    already: list[dict[str, str]] = []
    failed: list[dict[str, str]] = []
    with open_vault(args) as vault:
        found = [f for f in recovery.unrecorded(vault) if args.all or f.name in args.names]
        if not found:
            raise UserError("There is no such unrecorded file; `dossier unrecorded` lists them.")
        for item in found:
            try:
                result = recovery.recover(vault, item.name)
            except VaultError as error:
                failed.append({"name": item.label, "reason": str(error)})
                continue
            if isinstance(result, str):  # the same file is in the vault already: said so
                already.append({"name": item.label, "document": result})
            else:
                recovered.append(result.ref)
    lines = [f"Recovered as {ref}." for ref in recovered]
    lines += [
        f'"{a["name"]}" is already in the vault as {a["document"]}; the set-aside copy stays '
        "until you discard it." for a in already
    ]  # fmt: skip
    lines += [f"{f['name']}: {f['reason']}" for f in failed]
    emit(
        args, {"recovered": recovered, "already_in_vault": already, "failed": failed},
        "\n".join(lines),
    )  # fmt: skip
    return 1 if failed else 0


def unrecorded_discard(args: argparse.Namespace) -> int:
    from dossier.services import recovery

    with open_vault(args) as vault:
        found = next((f for f in recovery.unrecorded(vault) if f.name == args.name), None)
        if found is None:
            raise UserError("There is no such unrecorded file; `dossier unrecorded` lists them.")
        if not args.yes:
            if not sys.stdin.isatty():
                raise UserError(f'Discarding "{found.label}" cannot be undone; add --yes.')
            answer = input(f'Discard "{found.label}" for good? It cannot be undone. [yes/no] ')
            if answer.strip().lower() != "yes":
                emit(args, {"discarded": None}, "Nothing was discarded.")
                return 0
        recovery.discard(vault, found.name)
    emit(args, {"discarded": found.label}, f'"{found.label}" was discarded.')
    return 0


def accept_older(args: argparse.Namespace) -> int:
    from dossier.services import vault_access

    if not args.yes:
        raise UserError(
            "Opening an older database gives up every change recorded after it. If you put "
            "back an older copy of vault.db on purpose, run this again with --yes."
        )
    folder = vault_access.locate_vault(args.vault)
    with vault_access.unlock_vault(folder, ask_passphrase, accept_older_database=True):
        pass
    emit(args, {"accepted": True}, "The older database is now this vault's; it was recorded.")
    return 0


def register(add: Adder, add_group: SubGroup) -> None:
    group = add_group(
        "unrecorded", "Files stored but never recorded (after a crash): list, recover, discard."
    )
    sub = add("list", unrecorded_list, "List them.", group=group)
    sub = add("recover", unrecorded_recover, "Recover them as documents.", group=group)
    sub.add_argument("names", nargs="*", help="the names `dossier unrecorded list` shows")
    sub.add_argument("--all", action="store_true", help="every recoverable one")
    sub = add("discard", unrecorded_discard, "Delete one for good.", group=group)
    sub.add_argument("name")
    sub.add_argument("--yes", action="store_true", help="do not ask to confirm")
    sub = add(
        "accept-older-database",
        accept_older,
        "Open a vault whose database was put back from an older copy, giving up later changes.",
    )
    sub.add_argument("--yes", action="store_true", help="confirm")
