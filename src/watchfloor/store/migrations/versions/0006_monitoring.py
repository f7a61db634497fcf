"""Close monitoring: the sources `watchfloor monitor` polls (with their validators and last error), the entries
each has given, watch rules and the alerts they raised (one per rule and triggering fact).

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    _sources()
    _rules_and_alerts()


def _sources() -> None:
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("url", sa.Text(), nullable=False, unique=True),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("every", sa.Integer(), nullable=False),
        sa.Column("outlet", sa.Text()),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("next_poll", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_poll", sa.DateTime(timezone=True)),
        sa.Column("etag", sa.Text()),
        sa.Column("last_modified", sa.Text()),
        sa.Column("status", sa.String(20)),
        sa.Column("error", sa.Text()),
        sa.Column("failures", sa.Integer(), nullable=False, server_default="0"),
    )
    op.create_table(
        "source_entries",
        sa.Column("source_id", sa.Integer(), sa.ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("entry", sa.String(500), primary_key=True),
        sa.Column("document_id", sa.String(80)),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
    )


def _rules_and_alerts() -> None:
    op.create_table(
        "rules",
        sa.Column("name", sa.String(120), primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("severity", sa.String(10), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "alerts",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("rule", sa.String(120), nullable=False),
        sa.Column("severity", sa.String(10), nullable=False),
        sa.Column("fact", sa.String(200), nullable=False),
        sa.Column("document_id", sa.String(80), nullable=False),
        sa.Column("spans", sa.JSON(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("raised_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("seen", sa.Boolean(), nullable=False, server_default="0"),
        sa.UniqueConstraint("rule", "fact"),
    )
    op.create_index("alerts_raised", "alerts", ["raised_at"])


def downgrade() -> None:
    op.drop_index("alerts_raised", "alerts")
    op.drop_table("alerts")
    op.drop_table("rules")
    op.drop_table("source_entries")
    op.drop_table("sources")
