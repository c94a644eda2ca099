"""How far a vault's custody log reached when this computer last had it open, sealed under a
key of the vault's own, so that an older copy of the whole vault put back is noticed.

The database and its key file agree with each other when both were copied at the same
moment (a disk image taken at a border, a backup copied over the folder): only something
kept outside the folder can tell that the vault once held more. What is kept there says
nothing without the vault's key: a tag (which vault) and the sealed head (how far its log
reached, and when).
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.keys import keyed_tag
from storage.models import CustodyEntry

PURPOSE = "last-seen"


@dataclass(frozen=True)
class SeenHead:
    seq: int  # the newest custody entry then
    entry_hash: str
    at: str  # when it was seen (UTC, ISO)


def tag(key: bytes, folder: Path) -> str:
    """Which vault, in which folder, a sealed head belongs to (meaningless without the
    vault's key). Per folder: a backup restored elsewhere shares the vault's keys and goes
    its own way from then on; it is not an older copy of the original."""
    return keyed_tag(key, b"which vault|" + os.fsencode(folder.resolve()))[:32]


def seal(key: bytes, head: SeenHead) -> str:
    nonce = secrets.token_bytes(12)
    body = json.dumps({"seq": head.seq, "hash": head.entry_hash, "at": head.at}).encode()
    return base64.b64encode(nonce + AESGCM(key).encrypt(nonce, body, b"last-seen")).decode()


def unseal(key: bytes, sealed: str) -> SeenHead | None:
    """The head, or None for anything not sealed by this vault's key (never an error)."""
    try:
        raw = base64.b64decode(sealed, validate=True)
        body = json.loads(AESGCM(key).decrypt(raw[:12], raw[12:], b"last-seen"))
        return SeenHead(int(body["seq"]), str(body["hash"]), str(body["at"]))
    except (InvalidTag, ValueError, KeyError, TypeError):
        return None


def head(session: Session, at: str) -> SeenHead:
    last = session.scalars(select(CustodyEntry).order_by(CustodyEntry.seq.desc()).limit(1)).first()
    return SeenHead(last.seq, last.entry_hash, at) if last else SeenHead(0, "", at)


def holds(session: Session, seen: SeenHead) -> bool:
    """Whether the database still holds the entry seen (the same one, not a rewritten one)."""
    if seen.seq == 0:
        return True
    entry = session.get(CustodyEntry, seen.seq)
    return entry is not None and entry.entry_hash == seen.entry_hash
