"""Summary tables of the tracks (each track key x source's latest figure; each track key x speaker's count
and dates), backfilled from the stored claims, and indexes for claims by actor, source and date and for
events by actor: `contradictions`, `tracks` and the brief stop reading every claim.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

INDEXES = (
    ("claims_subject", "claims", ["subject"]),
    ("claims_source_actor", "claims", ["source"]),
    ("claims_date", "claims", ["document_date", "extraction_id"]),
    ("events_source", "events", ["source", "target"]),
)


def upgrade() -> None:
    op.create_table(
        "track_latest",
        sa.Column("track_key", sa.String(200), primary_key=True),
        sa.Column("source", sa.String(200), primary_key=True),
        sa.Column("extraction_id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.String(20), nullable=False),
        sa.Column("document_date", sa.String(10)),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("first_document_date", sa.String(10)),
        sa.Column("first_ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("first_extraction_id", sa.Integer(), nullable=False),
        sa.Column("first_span_start", sa.Integer(), nullable=False),
    )
    op.create_table(
        "track_speakers",
        sa.Column("track_key", sa.String(200), primary_key=True),
        sa.Column("speaker", sa.String(200), primary_key=True),
        sa.Column("figures", sa.Integer(), nullable=False),
        sa.Column("first", sa.String(10)),
        sa.Column("last", sa.String(10)),
    )
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)
    # the backfill is the same recomputation the tests compare the maintained tables with
    from watchfloor.store import summaries

    summaries.rebuild(op.get_bind())


def downgrade() -> None:
    for name, table, _columns in INDEXES:
        op.drop_index(name, table)
    op.drop_table("track_speakers")
    op.drop_table("track_latest")
