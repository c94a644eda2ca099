"""Writing an export: a hidden part file beside the target, renamed into place when whole.

The part's name carries no client name, only ours and the writing process's id, so that a
part left by a killed export is recognised and swept at the next export into that folder.
"""

from __future__ import annotations

import os
import re
import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from storage.durable import create_private, fsync_dir

_PREFIX = ".evidence-dossier-export-"
_PART = re.compile(re.escape(_PREFIX) + r"(\d+)-[0-9a-f]{12}\.part")
_STALE_AFTER_SECONDS = 24 * 3600  # where a process cannot be asked whether it still runs


@contextmanager
def writing(out: Path) -> Iterator[Path]:
    """Yields the part file to write; on success it replaces ``out``, else it is removed.
    Both are readable by their owner only, as the vault is (the renderers write into the
    part made here, which keeps its mode)."""
    sweep_stale_parts(out.parent)
    part = out.parent / f"{_PREFIX}{os.getpid()}-{secrets.token_hex(6)}.part"
    try:
        create_private(part).close()
        yield part
        with open(part, "rb+") as handle:
            os.fsync(handle.fileno())
        if os.name == "posix":
            part.chmod(0o600)  # whatever a renderer did, the export is the owner's alone
        part.replace(out)
        fsync_dir(out.parent)
    finally:
        part.unlink(missing_ok=True)


def sweep_stale_parts(folder: Path) -> list[Path]:
    """Remove part files of ours whose export is no longer running; returns them."""
    swept = []
    for path in folder.glob(_PREFIX + "*.part"):
        match = _PART.fullmatch(path.name)
        if match is None or _still_writing(int(match.group(1)), path):
            continue
        path.unlink(missing_ok=True)
        swept.append(path)
    return swept


def parts_left(folder: Path) -> bool:
    """Whether any part file of ours is still in ``folder`` (an export writing now)."""
    return any(_PART.fullmatch(path.name) for path in folder.glob(_PREFIX + "*.part"))


def _still_writing(pid: int, path: Path) -> bool:
    if pid == os.getpid():
        return True  # another export of this very process may be writing it
    if os.name != "posix":
        return time.time() - path.stat().st_mtime < _STALE_AFTER_SECONDS
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
