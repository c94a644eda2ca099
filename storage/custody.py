"""The custody log: append-only entries, each holding the hash of the one before it."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import CustodyEntry

GENESIS = "0" * 64
# Where append() leaves (seq, hash) of the newest entry for the vault to note in its header.
HEAD = "custody_head"


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def entry_hash(prev_hash: str, seq: int, at: str, action: str, subject: str, details: str) -> str:
    payload = json.dumps([seq, at, action, subject, details], ensure_ascii=False)
    return hashlib.sha256(f"{prev_hash}\n{payload}".encode()).hexdigest()


def append(session: Session, action: str, subject: str, details: Mapping[str, Any]) -> CustodyEntry:
    """Add an entry in the caller's transaction, so it commits (or not) with the change."""
    # The newest entry, as this session last appended it (a change undone in a batch puts
    # its note back: Vault.transaction), else as the log holds it.
    head: tuple[int, str] | None = session.info.get(HEAD)
    if head is None:
        last = session.scalars(
            select(CustodyEntry).order_by(CustodyEntry.seq.desc()).limit(1)
        ).first()
        head = (0, GENESIS) if last is None else (last.seq, last.entry_hash)
    seq, prev = head[0] + 1, head[1]
    at = utc_now()
    details_text = json.dumps(details, ensure_ascii=False, sort_keys=True)
    entry = CustodyEntry(
        seq=seq,
        at=at,
        action=action,
        subject=subject,
        details=details_text,
        prev_hash=prev,
        entry_hash=entry_hash(prev, seq, at, action, subject, details_text),
    )
    # Not flushed here: it goes with the change's other rows at its next flush or commit
    # (an import's two entries a document in one statement; flushing each alone was a
    # tenth of recording a document).
    session.add(entry)
    session.info[HEAD] = (entry.seq, entry.entry_hash)
    return entry


def head_seq(session: Session) -> int:
    last = session.scalars(select(CustodyEntry.seq).order_by(CustodyEntry.seq.desc()).limit(1))
    return last.first() or 0


@dataclass(frozen=True)
class ChainCheck:
    entries: int
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


def check_chain(session: Session) -> ChainCheck:
    problems: list[str] = []
    prev = GENESIS
    expected_seq = 1
    count = 0
    for entry in session.scalars(select(CustodyEntry).order_by(CustodyEntry.seq)):
        count += 1
        if entry.seq != expected_seq:
            problems.append(f"custody entry {expected_seq} is missing")
        if entry.prev_hash != prev:
            problems.append(f"custody entry {entry.seq} does not follow the one before it")
        recomputed = entry_hash(
            entry.prev_hash, entry.seq, entry.at, entry.action, entry.subject, entry.details
        )
        if recomputed != entry.entry_hash:
            problems.append(f"custody entry {entry.seq} was altered")
        prev = entry.entry_hash
        expected_seq = entry.seq + 1
    return ChainCheck(entries=count, problems=problems)
