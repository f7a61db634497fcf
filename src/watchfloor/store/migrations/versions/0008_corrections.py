"""Analysts' corrections: a deleted document, a rejected fact, a field set by hand, each with who, when
and why, anchored on the document and the fact's span so that re-extraction keeps them.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("document_id", sa.String(80), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("span_start", sa.Integer()),
        sa.Column("span_end", sa.Integer()),
        sa.Column("field", sa.String(40)),
        sa.Column("value", sa.Text()),
        sa.Column("reject", sa.Boolean(), nullable=False, server_default="0"),
        sa.Column("author", sa.String(120), nullable=False),
        sa.Column("reason", sa.Text()),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("corrections_document", "corrections", ["document_id"])


def downgrade() -> None:
    op.drop_index("corrections_document", "corrections")
    op.drop_table("corrections")
