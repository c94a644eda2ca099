"""Writing an export: hidden part files beside their targets, renamed into place when whole.

Rendering writes *unpublished* parts; the steps that finish them (see ``finishing``) work on
the parts; ``publish`` is the one rename. A part's name carries no client name, only ours and
the id of the process that will publish it (the export's parent, when a child renders), so
that a part left by a killed export is recognised and swept at the next export there.
"""

from __future__ import annotations

import os
import re
import secrets
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from storage.durable import create_private, fsync_dir

_PREFIX = ".evidence-dossier-export-"
_PART = re.compile(re.escape(_PREFIX) + r"(\d+)-[0-9a-f]{12}\.part")
_STALE_AFTER_SECONDS = 24 * 3600  # where a process cannot be asked whether it still runs


@dataclass(frozen=True)
class Unpublished:
    """A rendered file not yet in place: ``part`` is written, ``target`` is where it goes."""

    part: Path
    target: Path


def new_owner() -> str:
    """Who the parts of one export belong to: this process's id and a token of the export
    (a child renders for its parent, which removes them all if the child dies)."""
    return f"{os.getpid()}-{secrets.token_hex(3)}"


def unpublished(target: Path, owner: str | None = None) -> Unpublished:
    """A new, empty part file beside ``target``, readable by its owner only. ``owner``: see
    ``new_owner`` (default: a new one of this process)."""
    sweep_stale_parts(target.parent)
    part = target.parent / f"{_PREFIX}{owner or new_owner()}{secrets.token_hex(3)}.part"
    create_private(part).close()
    return Unpublished(part, target)


def sibling_part(part: Path) -> Path:
    """A new part of the same owner beside ``part`` (a step's own output, before it takes the
    part's place): a kill leaves it to be swept like any other part. A file that is not a
    part gets a plain neighbour."""
    match = _PART.fullmatch(part.name)
    if match is None:
        return part.with_name(part.name + ".next")
    return part.with_name(part.name[: -len("000000.part")] + secrets.token_hex(3) + ".part")


def discard_owned(folder: Path, owner: str) -> None:
    """Remove every part of one export (what a child that stopped had written)."""
    for path in folder.glob(f"{_PREFIX}{owner}*.part"):
        path.unlink(missing_ok=True)


def write_unpublished(
    target: Path, owner: str | None, write: Callable[[Path], object], failed: str
) -> Unpublished:
    """A part beside ``target`` written by ``write``; if it fails, no part is left and the
    lawyer reads ``failed`` (a sentence with {folder} and {reason}), never the exception."""
    item: Unpublished | None = None
    try:
        item = unpublished(target, owner)
        write(item.part)
        return item
    except BaseException as error:
        if item is not None:
            discard([item])
        if not isinstance(error, OSError):
            raise
        from dossier.errors import DossierError
        from dossier.i18n import said

        reason = error.strerror or str(error)
        raise DossierError(said(failed, {"folder": target.parent, "reason": reason})) from error


def discard(items: Iterable[Unpublished]) -> None:
    """Remove parts that will not be published (a failure, a cancel)."""
    for item in items:
        item.part.unlink(missing_ok=True)


def publish(items: list[Unpublished]) -> None:
    """The one rename of an export: each part made durable and its owner's alone, then
    renamed onto its target. On failure nothing left half-written: the parts are removed."""
    try:
        for item in items:
            with open(item.part, "rb+") as handle:
                os.fsync(handle.fileno())
            if os.name == "posix":
                item.part.chmod(0o600)  # whatever a step did, the export is the owner's alone
        for item in items:
            item.part.replace(item.target)
        for folder in {item.target.parent for item in items}:
            fsync_dir(folder)
    finally:
        discard(items)


@contextmanager
def writing(out: Path) -> Iterator[Path]:
    """Yields the part file to write; on success it replaces ``out``, else it is removed."""
    item = unpublished(out)
    try:
        yield item.part
        publish([item])
    finally:
        discard([item])


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
