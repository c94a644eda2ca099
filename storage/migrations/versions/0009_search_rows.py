"""Where each text of the search index is: a plain table keyed by (kind, ref_id, page) that
names its row in the full-text index.

The full-text index can only be filtered on its unindexed columns by reading all of it:
replacing a document's title or a page read again, once per import, scanned the whole index,
and importing grew quadratic with the vault (100 PDFs: 4.75 s into a fresh vault, 21.5 s into
one of 900). Through this table each such change reads only its own rows.

Revision ID: 0009
Revises: 0008
"""

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "CREATE TABLE search_rows (row INTEGER PRIMARY KEY, kind TEXT NOT NULL, "
        "ref_id INTEGER NOT NULL, page INTEGER)"
    )
    op.execute("CREATE INDEX ix_search_rows_item ON search_rows (kind, ref_id, page)")
    op.execute(
        "INSERT INTO search_rows (row, kind, ref_id, page) "
        "SELECT rowid, kind, ref_id, page FROM search_index"
    )


def downgrade() -> None:
    op.execute("DROP TABLE search_rows")
