"""The document's date on each claim, indexed with owner and unit, for newest-first reads without a sort.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("claims", sa.Column("document_date", sa.String(10)))
    op.execute(
        "UPDATE claims SET document_date = (SELECT coalesce(d.published, d.latest_date) FROM extractions e"
        " JOIN documents d ON d.id = e.document_id WHERE e.id = claims.extraction_id)"
    )
    op.create_index("claims_owner_date", "claims", ["subject_country", "unit", "document_date", "extraction_id"])


def downgrade() -> None:
    op.drop_index("claims_owner_date", "claims")
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("document_date")
