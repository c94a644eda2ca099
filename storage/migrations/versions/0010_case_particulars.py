"""The particulars a forum declares for its filings (an appeal number, an A-number, the
Immigration Judge…), kept per case by name as JSON: a forum gains one by data, not by a
migration of its own.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("cases", sa.Column("particulars", sa.Text(), nullable=False, server_default="{}"))


def downgrade() -> None:
    with op.batch_alter_table("cases") as table:
        table.drop_column("particulars")
