"""Where a page's text came from (the file's own text, or OCR with its engine, languages and
confidence, and the words' places for the bundle's text layer), and a document's OCR state.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("document_pages") as table:
        table.add_column(sa.Column("origin", sa.String(16), nullable=False, server_default="file"))
        table.add_column(sa.Column("ocr_engine", sa.String(64), nullable=True))
        table.add_column(sa.Column("ocr_languages", sa.String(64), nullable=True))
        table.add_column(sa.Column("ocr_confidence", sa.Float(), nullable=True))
        table.add_column(sa.Column("ocr_rotation", sa.Integer(), nullable=True))
        table.add_column(sa.Column("ocr_words", sa.Text(), nullable=True))
    with op.batch_alter_table("documents") as table:
        table.add_column(sa.Column("ocr_state", sa.String(16), nullable=True))
        table.add_column(sa.Column("ocr_problem", sa.Text(), nullable=True))
    with op.batch_alter_table("quotes") as table:
        table.add_column(
            sa.Column("matched_ocr", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("quotes") as table:
        table.drop_column("matched_ocr")
    with op.batch_alter_table("documents") as table:
        table.drop_column("ocr_problem")
        table.drop_column("ocr_state")
    with op.batch_alter_table("document_pages") as table:
        for column in (
            "ocr_words",
            "ocr_rotation",
            "ocr_confidence",
            "ocr_languages",
            "ocr_engine",
            "origin",
        ):
            table.drop_column(column)
