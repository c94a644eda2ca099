"""Where exports are being written, kept in the vault: a killed export's part file (the whole
bundle, in plaintext, beside its target) is removed the next time the vault is opened, not
only at the next export into the same folder."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import delete, select

from dossier.export.output import parts_left, sweep_stale_parts
from storage.custody import utc_now
from storage.models import ExportInProgress
from storage.vault import Vault


@contextmanager
def exporting_into(vault: Vault, folder: Path) -> Iterator[None]:
    """Recorded while the body runs; forgotten when it ends, however it ends."""
    with vault.transaction() as session:
        row = ExportInProgress(folder=str(folder.resolve()), started_at=utc_now())
        session.add(row)
        session.flush()
        row_id = row.id
    try:
        yield
    finally:
        if not vault.is_locked:
            with vault.transaction() as session:
                session.execute(delete(ExportInProgress).where(ExportInProgress.id == row_id))


def sweep(vault: Vault) -> int:
    """Remove the part files killed exports left; returns how many. Never stops an unlock."""
    with vault.session() as session:
        rows = [(row.id, row.folder) for row in session.scalars(select(ExportInProgress))]
    swept = 0
    done = []
    for row_id, folder in rows:
        path = Path(folder)
        if not path.is_dir():
            continue  # a stick not plugged in: tried again next time
        with contextlib.suppress(OSError):
            swept += len(sweep_stale_parts(path))
            if not parts_left(path):  # else an export is writing there now and ends it
                done.append(row_id)
    if done:
        with vault.transaction() as session:
            session.execute(delete(ExportInProgress).where(ExportInProgress.id.in_(done)))
    return swept
