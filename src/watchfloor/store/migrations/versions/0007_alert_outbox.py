"""The alert outbox: one row per alert and sink (stdout, a JSONL file, a webhook URL) with a delivered flag,
so an alert a sink failed to take is retried at the next poll or run (delivery at least once).

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "deliveries",
        sa.Column("alert_id", sa.Integer(), sa.ForeignKey("alerts.id"), primary_key=True),
        sa.Column("sink", sa.String(500), primary_key=True),
        sa.Column("delivered", sa.Boolean(), nullable=False, server_default="0"),
        sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("error", sa.Text()),
        sa.Column("delivered_at", sa.DateTime(timezone=True)),
    )
    op.create_index("deliveries_pending", "deliveries", ["sink", "delivered"])


def downgrade() -> None:
    op.drop_index("deliveries_pending", "deliveries")
    op.drop_table("deliveries")
