"""How much work SQLite does, counted by SQLite itself (a progress handler called at each
virtual-machine instruction, the full-text index's own statements included): tests compare
the work of one action at two sizes of vault, never its time."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event

from storage.vault import Vault


@contextmanager
def counting(vault: Vault) -> Iterator[list[int]]:
    """How many virtual-machine instructions SQLite runs meanwhile."""
    steps = [0]

    def count() -> int:
        steps[0] += 1
        return 0  # 0: go on

    def checkout(dbapi_connection: object, _record: object, _proxy: object) -> None:
        dbapi_connection.set_progress_handler(count, 1)  # type: ignore[attr-defined]

    engine = vault._engine  # the test counts what this vault's own SQLite does
    event.listen(engine, "checkout", checkout)
    try:
        yield steps
    finally:
        event.remove(engine, "checkout", checkout)
        engine.dispose()  # the handler leaves with the connections that had it
