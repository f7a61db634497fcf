"""A claim's `change`: "increase" / "decrease" for a figure that says how much a count moved ("3,000 more",
"an additional 1,000"), not a new total. Claims stored before it have none (NULL); a re-ingest with the newer
extractor adds them.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("claims", sa.Column("change", sa.String(10)))


def downgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("change")
