"""Short, stable record references as printed to users: P1 (person), C1 (case), D3, Q2, E5…"""

from __future__ import annotations

import re

from dossier.errors import BadReference

KINDS = {
    "P": "person",
    "O": "organisation",
    "C": "case",
    "D": "document",
    "Q": "quote",
    "E": "event",
    "G": "ground",
    "T": "translation",
}
_REF = re.compile(r"^([A-Za-z])(\d+)$")


def make(prefix: str, record_id: int) -> str:
    return f"{prefix}{record_id}"


def parse(text: str, prefix: str) -> int:
    """The numeric id of a reference like "D3" (or a bare "3"); raises BadReference."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    match = _REF.match(text)
    if not match or match.group(1).upper() != prefix:
        raise BadReference(text, KINDS[prefix])
    return int(match.group(2))


def parse_citation(text: str) -> tuple[str, int, int | None]:
    """ "D3:2" → ("D", 3, 2); "Q4" → ("Q", 4, None); "D3" → ("D", 3, None)."""
    ref, _, page = text.strip().partition(":")
    match = _REF.match(ref)
    if not match or match.group(1).upper() not in ("D", "Q"):
        raise BadReference(text, "document or quote")
    if page and not page.isdigit():
        raise BadReference(text, "document page (like D3:2)")
    return match.group(1).upper(), int(match.group(2)), int(page) if page else None
