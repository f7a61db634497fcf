"""An event's source may be NULL: an act the text reports without naming who did it ("the port was struck
overnight") is stored with no source; tracks and dyads skip it.

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # batch mode copies the events table on SQLite; no table refers to events, so its foreign key allows it
    with op.batch_alter_table("events") as batch:
        batch.alter_column("source", existing_type=sa.String(120), nullable=True)


def downgrade() -> None:
    op.execute("DELETE FROM events WHERE source IS NULL")
    with op.batch_alter_table("events") as batch:
        batch.alter_column("source", existing_type=sa.String(120), nullable=False)
