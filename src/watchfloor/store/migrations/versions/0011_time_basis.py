"""Which time each claim's date is (`time_basis`): the time its clause states (`stated`), the time of the
statement reporting it (`statement`), or the publication date (`published`). Claims stored before it that
carry the publication date as their time (its text is the ISO date itself) are marked `published`; the
others stay NULL until a re-ingest with the newer extractor adds the basis.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("claims", sa.Column("time_basis", sa.String(10)))
    op.execute(
        "UPDATE claims SET time_basis = 'published'"
        " WHERE time_start IS NOT NULL AND time_text = time_start AND time_start = document_date"
    )


def downgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("time_basis")
