"""The kinds of case each forum hears, and the legal grounds each kind argues — read from the
forums' files (resources/forums/<forum>/forum.json: "kinds" and "grounds"), so that a
forum, its kinds and its grounds are added as data, with no change here.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

from dossier import resources


@dataclass(frozen=True)
class GroundTemplate:
    code: str
    title: str
    explanation: str


Kinds = dict[str, tuple[str, tuple[GroundTemplate, ...]]]

NOTICE_TYPES = ("red-notice", "diffusion", "other", "none")


def case_kinds() -> Kinds:
    """Every kind of case, by forum (the general dossier last): its title and its grounds.
    A forum's folder added (or its file changed) is seen at once: the files are read again
    when any of them is new or changed."""
    paths = sorted(
        resources.FORUMS.glob(f"*/{resources.FORUM_FILE}"),
        key=lambda path: (path.parent.name == "general", path.parent.name),
    )
    return _read(tuple((path, path.stat().st_mtime_ns) for path in paths))


@functools.lru_cache(maxsize=8)
def _read(files: tuple[tuple[Path, int], ...]) -> Kinds:
    kinds: Kinds = {}
    for path, _changed in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        grounds = {
            code: GroundTemplate(code, str(item["title"]), str(item["explanation"]))
            for code, item in data.get("grounds", {}).items()
        }
        for kind, item in data.get("kinds", {}).items():
            kinds[kind] = (str(item["title"]), tuple(grounds[c] for c in item.get("grounds", ())))
    return kinds


def grounds_for(kind: str) -> tuple[GroundTemplate, ...]:
    return case_kinds()[kind][1]


# The kinds shipped with the program, read once (the command line's choices, the window's
# list); the services ask case_kinds() each time.
CASE_KINDS = case_kinds()
