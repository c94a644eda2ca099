"""The vault's tables (SQLAlchemy 2 ORM). Changes to them go through an Alembic migration."""

from __future__ import annotations

from sqlalchemy import LargeBinary, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class StoredFile(Base):
    """One encrypted file under ``blobs/``. Deleting the row crypto-shreds the file."""

    __tablename__ = "stored_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(String(32), unique=True)
    label: Mapped[str] = mapped_column(Text)
    media_type: Mapped[str | None] = mapped_column(String(255))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    # HMAC of the SHA-256 under a vault subkey: finds duplicates without a plain hash index.
    dedup_tag: Mapped[str] = mapped_column(String(64), index=True)
    # The file's own random key, wrapped by the vault's blob-wrap key, bound to file_name.
    wrapped_key: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[str] = mapped_column(String(32))
    last_verified_at: Mapped[str | None] = mapped_column(String(32))
    last_verify_ok: Mapped[bool | None]


class CustodyEntry(Base):
    """One entry of the append-only, hash-chained custody log (triggers forbid edits)."""

    __tablename__ = "custody_log"

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(64))
    subject: Mapped[str] = mapped_column(Text)
    details: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64))
