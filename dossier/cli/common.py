"""What every command shares: opening the vault, printing text or JSON, user errors."""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import json
import os
import sys
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from dossier import vocabulary
from dossier.clean_text import without_controls

if TYPE_CHECKING:  # loaded when a command runs, so that --help stays fast
    from storage.vault import Vault


class UserError(Exception):
    """A problem the user can fix; printed without a traceback (exit status 1)."""


def ask_passphrase() -> str:
    if not sys.stdin.isatty():
        raise UserError(f"No passphrase: set {vocabulary.PASSPHRASE_ENV} or run in a terminal.")
    return getpass.getpass("Vault passphrase: ")


def prompt_new_passphrase() -> str:
    from_env = os.environ.get(vocabulary.PASSPHRASE_ENV)
    if from_env is not None:
        passphrase = from_env
    else:
        passphrase = getpass.getpass("New passphrase: ")
        if getpass.getpass("Repeat the passphrase: ") != passphrase:
            raise UserError("The two passphrases differ. Nothing was changed.")
    from dossier.services import passphrase_judge

    problem = passphrase_judge.problem_with(passphrase)
    if problem:
        raise UserError(problem)
    return passphrase


def open_vault(args: argparse.Namespace) -> Vault:
    from dossier.services import vault_access, vault_place

    folder = vault_access.locate_vault(args.vault)
    vault = vault_access.unlock_vault(folder, ask_passphrase)
    if (said := vault_place.warning(folder)) is not None:
        print(f"dossier: warning: {said}", file=sys.stderr)
    return vault


def to_jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        data = {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
        if "ref" in data:
            data["id"] = data["ref"]  # scripts see the same short, stable ids people do
        return data
    if isinstance(value, list | tuple):
        return [to_jsonable(item) for item in value]
    if isinstance(value, dict):
        return {str(key): to_jsonable(item) for key, item in value.items()}
    if isinstance(value, PurePath):
        return str(value)
    return value


def emit(args: argparse.Namespace, data: Any, text: str) -> None:
    """JSON for scripts with --json, else the sentence for people."""
    if args.json:
        print(json.dumps(to_jsonable(data), ensure_ascii=False, indent=2))
    elif text:
        # A title or file name from a hostile file may hold ESC sequences a terminal obeys.
        print(without_controls(text))
