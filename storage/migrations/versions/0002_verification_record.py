"""Record when each stored file was last verified, and the result.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("stored_files") as batch:
        batch.add_column(sa.Column("last_verified_at", sa.String(32), nullable=True))
        batch.add_column(sa.Column("last_verify_ok", sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("stored_files") as batch:
        batch.drop_column("last_verify_ok")
        batch.drop_column("last_verified_at")
