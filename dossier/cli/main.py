"""The ``dossier`` parser and entry point: exit 0 done, 1 failed with a message, 2 misuse."""

from __future__ import annotations

import argparse
import io
import signal
import sys
import threading
from collections.abc import Sequence

from dossier import crash_dumps, diagnostics
from dossier.cli import (
    about_command,
    evidence_commands,
    organisation_commands,
    recovery_commands,
    submission_commands,
    vault_commands,
)
from dossier.cli.common import UserError
from dossier.cli.text_input import read_text_files
from dossier.cli.types import Handler
from storage.errors import VaultError

UTF8 = ("utf-8", "utf8")
DESCRIPTION = """\
Evidence Dossier keeps documents, quotes and dated events about a persecuted person in an
encrypted vault on this computer, and exports court-ready dossiers.

The vault is the folder given by --vault, else $DOSSIER_VAULT, else your user data folder.
Its passphrase is read from $DOSSIER_PASSPHRASE (for scripts), else from this device's keyring
if you chose "remember", else asked for at the prompt. Records have short references that
never change: P1 (a person), C1 (a case), D3 (a document), Q2 (a quote), E5 (an event),
G1 (a legal ground).

A typical session:
  dossier init
  dossier person add "Rinat Tukhvatshin" --native "Ринат Тухватшин" --role journalist
  dossier case add P1 --kind ccf-deletion --country Kyrgyzstan --notice red-notice
  dossier import article.txt ruling.pdf photos/ --person P1 --kind news-article
  dossier quote add D3 "we rejected this request" --speaker "Samuel Heath"
  dossier event add P1 --date "30 October 2025" --title "Court rules" --cite D3:1
  dossier event list P1
  dossier search "Dulatov"
  dossier verify

Every command takes --json for scripts. Exit status: 0 done, 1 the operation failed (the
message says why), 2 the command was misused. An unexpected error is said in a sentence;
--debug adds where it arose, for a bug report (never what it was reading).
"""


def _common_options(default: object) -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--vault",
        default=default if default is argparse.SUPPRESS else None,
        help="the vault folder (default: $DOSSIER_VAULT or user data)",
    )
    common.add_argument(
        "--json",
        action="store_true",
        default=default if default is argparse.SUPPRESS else False,
        help="print machine-readable JSON",
    )
    common.add_argument(
        "--debug",
        action="store_true",
        default=default if default is argparse.SUPPRESS else False,
        help="on an unexpected error, also print where it arose (its kind, file and line; "
        "never its message, which can quote evidence)",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    # --vault and --json are accepted before and after the command. A subcommand's own default
    # would overwrite what was given before it (and run the command on another vault), so
    # subcommands leave an option they were not given untouched (SUPPRESS).
    common = _common_options(argparse.SUPPRESS)
    parser = argparse.ArgumentParser(
        prog="dossier",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[_common_options(None)],
    )
    top = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(
        name: str,
        handler: Handler,
        text: str,
        *,
        group: argparse._SubParsersAction | None = None,  # type: ignore[type-arg]
    ) -> argparse.ArgumentParser:
        sub = (group or top).add_parser(name, help=text, description=text, parents=[common])
        sub.set_defaults(handler=handler)
        return sub

    def add_group(name: str, text: str) -> argparse._SubParsersAction:  # type: ignore[type-arg]
        holder = top.add_parser(name, help=text, description=text, parents=[common])
        return holder.add_subparsers(dest="action", required=True, metavar="ACTION")

    vault_commands.register(add)
    evidence_commands.register(add, add_group)
    submission_commands.register(add, add_group)
    organisation_commands.register(add, add_group)
    evidence_commands.register_export(add)
    recovery_commands.register(add, add_group)
    about_command.register(add)
    return parser


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def _speak_utf8() -> None:
    """Names in Cyrillic reach a pipe or a file whatever the system's code page.

    On Windows, Python writes to a pipe in the ANSI code page (cp1252 in the West), which has
    no Cyrillic: `dossier person list > people.txt` failed on the first Russian name.
    """
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.encoding.lower() not in UTF8:
            stream.reconfigure(encoding="utf-8", errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    crash_dumps.turn_off()  # first: a crash on a hostile file must not write our memory out
    _speak_utf8()
    args = build_parser().parse_args(argv)
    # A terminated command unwinds like Ctrl+C, so that cleanup in `finally` runs (an export's
    # part file, a backup's temp file). Only kill -9 skips it; the next export sweeps that.
    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        read_text_files(args)
        return int(args.handler(args))
    except (VaultError, UserError) as error:
        print(f"dossier: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("dossier: interrupted; nothing half-done was kept.", file=sys.stderr)
        return 1
    except Exception as error:  # one policy for what nobody foresaw
        # Never the traceback or the message: either can quote the evidence being read.
        entry = diagnostics.record(error, f"dossier {args.command}")
        print(
            "dossier: something went wrong and the command was stopped; nothing half-done "
            "was kept. Please report it"
            + (f": {entry.kind} at {entry.where}" + (f", from {entry.ours}" if entry.ours else "")
               if getattr(args, "debug", False) else " (run the command again with --debug "
               "to see where it arose)")
            + ".",
            file=sys.stderr,
        )  # fmt: skip
        return 1
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
