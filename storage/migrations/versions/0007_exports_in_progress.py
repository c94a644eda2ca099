"""The folders exports are being written into, so that a part file left by a killed export
(a whole plaintext bundle) is removed when the vault is next opened.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "exports_in_progress",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("folder", sa.Text(), nullable=False),
        sa.Column("started_at", sa.String(32), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("exports_in_progress")
