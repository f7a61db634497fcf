"""The unit of each claim as its text writes it ("US$ per barrel", "heart transplants"), next to the
normalized unit. Claims stored before it have none (NULL); a re-ingest with the newer extractor adds them.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("claims", sa.Column("unit_text", sa.Text))


def downgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("unit_text")
