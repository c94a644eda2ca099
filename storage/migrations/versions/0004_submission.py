"""A fileable submission: a case's own annexes, translations with their translator, the
pleading's fields (facts, relief, signature, each ground's argument), the applicant's
particulars, a protected PDF's password, and how a date conflict was resolved.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_CASE_TEXT = (
    "facts", "relief", "notice_known_how", "representative_phone", "representative_email",
    "signatory_name", "signatory_capacity", "signed_place", "signed_date", "served_on",
    "working_language",
)  # fmt: skip
_PERSON_TEXT = ("birth_place", "identity_document", "correspondence_address")
_TRANSLATION_TEXT = ("translator_address", "translator_phone", "qualifications")


def upgrade() -> None:
    op.create_table(
        "case_exhibits",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("section", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("case_id", "document_id"),
    )
    with op.batch_alter_table("cases") as batch:
        for name in _CASE_TEXT:
            batch.add_column(sa.Column(name, sa.Text(), nullable=True))
    with op.batch_alter_table("people") as batch:
        for name in _PERSON_TEXT:
            batch.add_column(sa.Column(name, sa.Text(), nullable=True))
    with op.batch_alter_table("translations") as batch:
        for name in _TRANSLATION_TEXT:
            batch.add_column(sa.Column(name, sa.Text(), nullable=True))
    with op.batch_alter_table("grounds") as batch:
        batch.add_column(sa.Column("argument", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("documents") as batch:
        # Kept in the encrypted database only: the bundle needs the pages of a protected PDF.
        batch.add_column(sa.Column("pdf_password", sa.Text(), nullable=True))
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("date_note", sa.Text(), nullable=False, server_default=""))

    # Existing cases keep the evidence their grounds and chronology already use, in the order
    # the old export gave it (by date) — not every document of the person.
    op.execute(
        """
        INSERT INTO case_exhibits (case_id, document_id, position, section)
        SELECT case_id, document_id,
               ROW_NUMBER() OVER (PARTITION BY case_id
                                  ORDER BY COALESCE(date_published, '9'), document_id),
               NULL
        FROM (
            SELECT DISTINCT c.id AS case_id, d.id AS document_id, d.date_published
            FROM cases c
            JOIN documents d ON d.confidential = 0 AND (
                d.id IN (SELECT gl.target_id FROM grounds g JOIN ground_links gl
                         ON gl.ground_id = g.id
                         WHERE g.case_id = c.id AND gl.target_kind = 'document')
                OR d.id IN (SELECT q.document_id FROM grounds g JOIN ground_links gl
                            ON gl.ground_id = g.id JOIN quotes q ON q.id = gl.target_id
                            WHERE g.case_id = c.id AND gl.target_kind = 'quote')
                OR d.id IN (SELECT ci.document_id FROM citations ci JOIN events e
                            ON e.id = ci.event_id WHERE e.person_id = c.person_id)
            )
        )
        """
    )


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("date_note")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("pdf_password")
    with op.batch_alter_table("grounds") as batch:
        batch.drop_column("argument")
    for table, names in (
        ("translations", _TRANSLATION_TEXT),
        ("people", _PERSON_TEXT),
        ("cases", _CASE_TEXT),
    ):
        with op.batch_alter_table(table) as batch:
            for name in names:
                batch.drop_column(name)
    op.drop_table("case_exhibits")
