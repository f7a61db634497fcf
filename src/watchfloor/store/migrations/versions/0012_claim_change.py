"""A claim's `change`: "increase" / "decrease" for a figure that says how much a count moved ("3,000 more",
"an additional 1,000"), not a new total. Claims stored before it have none (NULL); a re-ingest with the newer
extractor adds them.

Revision ID: 0012
Revises: 0011 where that revision exists (a migration written alongside this one), else 0010
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = "0012"
# 0011 was reserved for a migration written at the same time as this one; chaining onto it when present keeps
# the history one line whichever branch is merged first
down_revision = "0011" if any(Path(__file__).parent.glob("0011_*.py")) else "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("claims", sa.Column("change", sa.String(10)))


def downgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("change")
