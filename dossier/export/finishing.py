"""Between rendered and published: the steps that finish an export's files.

Rendering writes unpublished parts (``output.unpublished``); each step here is a function on a
part (OCRmyPDF's pipeline is the model: one job, one file in, the same file out), run in this
process — which holds the keys a child never gets; then the digest of each part, then the one
rename (``output.publish``). The custody entry records the digest of what was published.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from dossier.export.output import Unpublished, discard, publish

# A step rewrites one part in place; it gets the part and its place in the set (0: the
# submission, which a signature covers; later: parts and annex files).
Step = Callable[[Unpublished, int], None]


@dataclass(frozen=True)
class Published:
    path: Path
    sha256: str


def finish(parts: list[Unpublished], steps: Sequence[Step] = ()) -> list[Published]:
    """Run ``steps`` over every part, in order; returns what each will be once published.
    If anything fails, the parts are gone."""
    try:
        for step in steps:
            for index, item in enumerate(parts):
                step(item, index)
        return [Published(item.target, sha256_of(item.part)) for item in parts]
    except BaseException:
        discard(parts)
        raise


def finish_and_publish(parts: list[Unpublished], steps: Sequence[Step] = ()) -> list[Published]:
    """``finish``, then publish them all at once (nothing is published if anything fails)."""
    published = finish(parts, steps)
    publish(parts)
    return published


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
