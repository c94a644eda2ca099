"""First schema: stored files and the custody log.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stored_files",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("file_name", sa.String(32), nullable=False, unique=True),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("media_type", sa.String(255), nullable=True),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("dedup_tag", sa.String(64), nullable=False),
        sa.Column("wrapped_key", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_stored_files_dedup_tag", "stored_files", ["dedup_tag"])
    op.create_table(
        "custody_log",
        sa.Column("seq", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("entry_hash", sa.String(64), nullable=False),
    )
    # Append-only: the database itself refuses to change or remove a custody entry.
    op.execute(
        "CREATE TRIGGER custody_log_no_update BEFORE UPDATE ON custody_log "
        "BEGIN SELECT RAISE(ABORT, 'custody log is append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER custody_log_no_delete BEFORE DELETE ON custody_log "
        "BEGIN SELECT RAISE(ABORT, 'custody log is append-only'); END"
    )


def downgrade() -> None:
    op.drop_table("custody_log")
    op.drop_index("ix_stored_files_dedup_tag", "stored_files")
    op.drop_table("stored_files")
