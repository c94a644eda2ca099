"""The SQLCipher database: keyed connections, safe pragmas, schema migrations."""

from __future__ import annotations

import ctypes
import os
import platform
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlcipher3
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from storage.errors import DatabaseDamaged, VaultFromNewerVersion

DB_NAME = "vault.db"
_MIGRATIONS = Path(__file__).parent / "migrations"

# WAL for crash safety and concurrent readers; FULL so a reported commit survives power loss;
# temp_store=MEMORY so SQLite never writes a plaintext temp file; secure_delete so a deleted row
# (and the wrapped file key in it) is overwritten, not left in a free page.
_PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA secure_delete = ON",
    "PRAGMA foreign_keys = ON",
    "PRAGMA busy_timeout = 10000",
)


def _keyed_connection(path: Path, raw_key: bytes | bytearray) -> Any:
    """One raw connection to an encrypted file (a snapshot copy); the caller closes it."""
    return _keyed_connector(path, raw_key)()


def snapshot(engine: Engine, target: Path, raw_key: bytes | bytearray) -> None:
    """Copy the database, as committed now, into a new encrypted file with the same key.

    SQLite's online backup API reads through the WAL, so the copy has every committed change
    even when a reader holds an old snapshot and a checkpoint could not fold the WAL in.
    """
    from storage.durable import create_private

    create_private(target).close()
    copy = _keyed_connection(target, raw_key)
    raw = engine.raw_connection()
    try:
        raw.driver_connection.backup(copy)  # type: ignore[union-attr]
        copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        copy.commit()
    finally:
        raw.close()
        copy.close()
    with open(target, "rb+") as handle:
        os.fsync(handle.fileno())


def export_rekeyed(engine: Engine, target: Path, new_key: bytes | bytearray) -> None:
    """Write the whole database into a new file encrypted with another key (sqlcipher_export)."""
    from storage.durable import create_private

    create_private(target).close()
    raw = engine.raw_connection()
    try:
        connection: Any = raw.driver_connection
        hex_key = new_key.hex()
        key_text = f"x'{hex_key}'"  # a raw key, as in PRAGMA key
        try:
            connection.execute("ATTACH DATABASE ? AS rotated KEY ?", (str(target), key_text))
        finally:
            _wipe_text(key_text)
            _wipe_text(hex_key)
        try:
            connection.execute("SELECT sqlcipher_export('rotated')").fetchall()
        finally:
            connection.execute("DETACH DATABASE rotated")
    finally:
        raw.close()


def change_copy(
    path: Path, raw_key: bytes | bytearray, sql: str, rows: list[tuple[Any, ...]]
) -> None:
    """Run one statement for many rows on an encrypted copy, in one transaction, then fsync."""
    connection = _keyed_connection(path, raw_key)
    try:
        connection.execute("BEGIN")
        connection.executemany(sql, rows)
        connection.execute("COMMIT")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode = DELETE")
    finally:
        connection.close()
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def query_copy(path: Path, raw_key: bytes | bytearray, sql: str) -> list[tuple[Any, ...]]:
    connection = _keyed_connection(path, raw_key)
    try:
        return [tuple(row) for row in connection.execute(sql).fetchall()]
    finally:
        connection.close()


# SQLCipher's cipher_memory_security would zero every buffer SQLite frees. Measured
# (bench/memory_security.py, bench/search.py): search 4× slower (p50 16 → 63 ms over 3,000
# documents, 181 ms over 10,000), far past the 50 ms a live search may take. So it is off:
# SQLCipher still zeroes its own key material, the key is handed over from the vault's wiped
# buffer and its PRAGMA text is overwritten, and a memory scan after locking finds no key
# (tests/integration/test_memory_after_lock.py). Freed page-cache memory is not zeroed.
MEMORY_SECURITY = "PRAGMA cipher_memory_security = OFF"


def _keyed_connector(path: Path, raw_key: bytes | bytearray) -> Callable[[], Any]:
    # A raw 256-bit key: SQLCipher skips its own PBKDF2, the key already came from Argon2id+HKDF.
    # ``raw_key`` may be the vault's own key buffer, which locking overwrites.

    def connect() -> Any:
        connection = sqlcipher3.connect(str(path), check_same_thread=False, timeout=10)
        try:
            # SQLCipher would otherwise log page errors to stderr; verify reports them instead.
            connection.execute("PRAGMA cipher_log_level = NONE")
            connection.execute(MEMORY_SECURITY)
            _execute_and_wipe(connection, raw_key)
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            for pragma in _PRAGMAS:
                connection.execute(pragma)
        except sqlcipher3.DatabaseError as error:
            connection.close()
            raise DatabaseDamaged() from error
        return connection

    return connect


def _execute_and_wipe(connection: Any, raw_key: bytes | bytearray) -> None:
    """Run PRAGMA key, then overwrite the Python strings that spelled the key in hex."""
    hex_key = raw_key.hex()
    statement = f"PRAGMA key = \"x'{hex_key}'\";"
    try:
        # executescript, not execute: execute would keep the statement's text (the key in hex)
        # in the connection's statement cache for as long as the connection lives.
        connection.executescript(statement)
    finally:
        _wipe_text(statement)
        _wipe_text(hex_key)


def _wipe_text(text: str) -> None:
    # CPython keeps an ASCII str's characters in one block at the end of the object; nothing
    # else refers to these two strings, so overwriting them in place is safe. Other Pythons
    # keep the copy until it is freed (the README says so).
    if platform.python_implementation() != "CPython" or not text.isascii():
        return
    start = id(text) + sys.getsizeof(text) - len(text) - 1
    ctypes.memset(start, 0x2A, len(text))


def open_engine(path: Path, raw_key: bytes | bytearray) -> Engine:
    engine = create_engine(
        f"sqlite+pysqlite:///{path}",
        creator=_keyed_connector(path, raw_key),
        module=sqlcipher3,
        poolclass=QueuePool,
        # Error messages must never carry evidence (names, quotes) into logs or tracebacks.
        hide_parameters=True,
        pool_size=4,
        max_overflow=4,
    )

    # pysqlite's own implicit transactions are replaced by an explicit BEGIN, so that every
    # SQLAlchemy transaction is a real SQLite one (SQLAlchemy's documented recipe for SQLite).
    @event.listens_for(engine, "connect")
    def _no_implicit_begin(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine


def _alembic_config(connection: Any) -> Config:
    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_alembic_config(None)).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def needs_upgrade(engine: Engine) -> bool:
    """True when the schema is older than this version; refuses one from a newer version."""
    current = current_revision(engine)
    script = ScriptDirectory.from_config(_alembic_config(None))
    known = {revision.revision for revision in script.walk_revisions()}
    if current is not None and current not in known:
        raise VaultFromNewerVersion()
    return current != script.get_current_head()


def upgrade(engine: Engine, target: str = "head") -> None:
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), target)


def _pragma_rows(engine: Engine, pragma: str) -> list[Any]:
    # Outside any transaction: a checkpoint cannot complete inside one.
    raw = engine.raw_connection()
    try:
        return list(raw.driver_connection.execute(pragma).fetchall())  # type: ignore[union-attr]
    finally:
        raw.close()


def checkpoint(engine: Engine) -> bool:
    """Fold the WAL into the main file; False when a reader kept part of it out (busy)."""
    rows = _pragma_rows(engine, "PRAGMA wal_checkpoint(TRUNCATE)")
    busy, log_frames, done_frames = rows[0]
    return not busy and log_frames == done_frames


def is_damage(error: BaseException) -> bool:
    """True for SQLite errors that mean the file is damaged, not that a statement was wrong."""
    text = str(error).lower()
    return "malformed" in text or "not a database" in text or "hmac" in text


def integrity_problems(engine: Engine) -> list[str]:
    """SQLCipher's page HMAC check and SQLite's structural check; empty when all is well."""
    problems: list[str] = []
    try:
        rows = _pragma_rows(engine, "PRAGMA cipher_integrity_check")
        problems += [f"database page check: {row[0]}" for row in rows]
        rows = _pragma_rows(engine, "PRAGMA integrity_check")
        problems += [f"database structure: {row[0]}" for row in rows if row[0] != "ok"]
    except sqlcipher3.DatabaseError as error:
        problems.append(f"database structure: {error}")
    return problems


def engine_versions() -> tuple[str, str, str]:
    """SQLCipher's, SQLite's and its own OpenSSL's versions, as built in (for About notices)."""
    connection = sqlcipher3.connect(":memory:")
    try:
        (cipher,) = connection.execute("PRAGMA cipher_version").fetchone()
        # The crypto provider is loaded with the first key (a throwaway one, on nothing).
        connection.execute("PRAGMA key = 'versions only'")
        (crypto,) = connection.execute("PRAGMA cipher_provider_version").fetchone()
        return str(cipher).split()[0], str(sqlcipher3.sqlite_version), str(crypto).split()[1]
    finally:
        connection.close()
