"""Evidence text from a file or standard input, so that it never enters the shell's history.

`dossier quote add D3 "…"` would leave the quote in ~/.bash_history, in plaintext, outside the
vault. Every option that takes evidence text therefore has a twin ending in -file:
`--text-file quote.txt`, or `--text-file -` to read it from standard input.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dossier.cli.common import UserError

# Each command keeps the (dest, required) of its text options under this name in its defaults.
_OPTIONS = "text_options__"
# ... and the dest of its repeatable options that also take a file of lines (names to redact).
_LISTS = "list_options__"


def add_text(
    sub: argparse.ArgumentParser,
    name: str,
    help: str = "",
    *,
    positional: bool = False,
    required: bool = False,
    dest: str | None = None,
) -> None:
    dest = dest or name.replace("-", "_")
    if positional:
        sub.add_argument(dest, nargs="?", help=f"{help} (or --{name}-file)".strip())
    else:
        sub.add_argument(f"--{name}", dest=dest, help=help or None)
    sub.add_argument(
        f"--{name}-file",
        dest=f"{dest}__file",
        metavar="FILE",
        help=f"read the {name.replace('-', ' ')} from FILE ('-': standard input), "
        "which keeps it out of the shell's history",
    )
    sub.set_defaults(**{_OPTIONS: [*(sub.get_default(_OPTIONS) or []), (dest, required)]})


def add_list(
    sub: argparse.ArgumentParser, name: str, help: str, *, dest: str | None = None
) -> None:
    """A repeatable option (``--redact NAME``) with a twin ``--redact-file FILE`` of one value
    a line: a client's name given on the command line stays in the shell's history."""
    dest = dest or name.replace("-", "_")
    sub.add_argument(f"--{name}", dest=dest, action="append", default=[], help=f"{help} (repeat)")
    sub.add_argument(
        f"--{name}-file",
        dest=f"{dest}__file",
        metavar="FILE",
        help="read them from FILE, one a line ('-': standard input), which keeps them out of "
        "the shell's history",
    )
    sub.set_defaults(**{_LISTS: [*(sub.get_default(_LISTS) or []), dest]})


def read_text_files(args: argparse.Namespace) -> None:
    """Put the text of each ``--…-file`` into its option; stdin is read at most once."""
    stdin_used = False
    for dest in getattr(args, _LISTS, []):
        source = getattr(args, f"{dest}__file", None)
        if source is not None:
            if source == "-":
                stdin_used = True
            lines = _read(source).splitlines()
            getattr(args, dest).extend(line.strip() for line in lines if line.strip())
    for dest, required in getattr(args, _OPTIONS, []):
        source = getattr(args, f"{dest}__file", None)
        if source is not None:
            if getattr(args, dest, None) is not None:
                raise UserError(f"Give the {_words(dest)} once: as text or from a file.")
            if source == "-":
                if stdin_used:
                    raise UserError("Only one text can be read from standard input.")
                stdin_used = True
            setattr(args, dest, _read(source).rstrip("\r\n"))
        elif required and getattr(args, dest, None) is None:
            raise UserError(f"Give the {_words(dest)}, or a file that holds it.")


def _words(dest: str) -> str:
    return dest.replace("_", " ")


def _read(source: str) -> str:
    if source == "-":
        return sys.stdin.read()
    try:
        return Path(source).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise UserError(f"The file {source} could not be read.") from error
