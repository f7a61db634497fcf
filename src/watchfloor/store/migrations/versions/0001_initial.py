"""The first ledger schema: documents, extractions (append-only versions), actors, places, claims, events,
and full-text search over documents (SQLite FTS5 or a PostgreSQL tsvector index).

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    # the tables in the order the first schema created them (extractions refer to documents, facts to both)
    _create_documents_and_extractions()
    _create_actors()
    _create_claims()
    _create_events()
    _create_places()
    _create_text_search()


def _create_documents_and_extractions() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(80), primary_key=True),
        sa.Column("title", sa.Text()),
        sa.Column("published", sa.String(10)),
        sa.Column("url", sa.Text()),
        sa.Column("outlet", sa.Text()),
        sa.Column("source", sa.Text()),
        sa.Column("latest_date", sa.String(10)),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "extractions",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("document_id", sa.String(80), sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("extractor", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_count", sa.Integer(), nullable=False),
        sa.Column("claim_count", sa.Integer(), nullable=False),
        sa.Column("event_count", sa.Integer(), nullable=False),
        sa.UniqueConstraint("document_id", "extractor"),
        sa.UniqueConstraint("document_id", "version"),
    )


def _create_actors() -> None:
    op.create_table(
        "actors",
        sa.Column("extraction_id", sa.Integer(), sa.ForeignKey("extractions.id"), nullable=False),
        sa.Column("actor_id", sa.String(120), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("country", sa.String(3)),
        sa.Column("sector", sa.String(40)),
        sa.Column("affiliation", sa.String(120)),
        sa.Column("mentions", sa.JSON(), nullable=False),
    )
    op.create_index("ix_actors_extraction_id", "actors", ["extraction_id"])


def _create_claims() -> None:
    op.create_table(
        "claims",
        sa.Column("extraction_id", sa.Integer(), sa.ForeignKey("extractions.id"), nullable=False),
        sa.Column("claim_id", sa.String(20), nullable=False),
        sa.Column("value", sa.Float()),
        sa.Column("low", sa.Float()),
        sa.Column("high", sa.Float()),
        sa.Column("bound", sa.String(2), nullable=False),
        sa.Column("approximate", sa.Boolean(), nullable=False),
        sa.Column("unit", sa.String(60)),
        sa.Column("per", sa.String(60)),
        sa.Column("measure", sa.Text()),
        sa.Column("subject", sa.String(120)),
        sa.Column("subject_country", sa.String(3)),
        sa.Column("place", sa.Text()),
        sa.Column("time_start", sa.String(10)),
        sa.Column("time_end", sa.String(10)),
        sa.Column("time_text", sa.Text()),
        sa.Column("speaker", sa.Text()),
        sa.Column("source", sa.String(120)),
        sa.Column("source_country", sa.String(3)),
        sa.Column("cue", sa.String(60)),
        sa.Column("chain", sa.JSON()),
        sa.Column("certainty", sa.String(10), nullable=False),
        sa.Column("polarity", sa.String(10), nullable=False),
        sa.Column("cues", sa.JSON()),
        sa.Column("context", sa.String(20)),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.Column("sentence_start", sa.Integer(), nullable=False),
        sa.Column("sentence_end", sa.Integer(), nullable=False),
    )
    op.create_index("claims_extraction", "claims", ["extraction_id"])
    op.create_index("claims_time", "claims", ["time_start"])
    op.create_index("claims_unit_subject", "claims", ["unit", "subject_country"])
    op.create_index("claims_source", "claims", ["source_country"])


def _create_events() -> None:
    op.create_table(
        "events",
        sa.Column("extraction_id", sa.Integer(), sa.ForeignKey("extractions.id"), nullable=False),
        sa.Column("event_id", sa.String(20), nullable=False),
        sa.Column("type", sa.String(20), nullable=False),
        sa.Column("mode", sa.String(20)),
        sa.Column("trigger", sa.Text(), nullable=False),
        sa.Column("trigger_start", sa.Integer(), nullable=False),
        sa.Column("trigger_end", sa.Integer(), nullable=False),
        sa.Column("sentence_start", sa.Integer(), nullable=False),
        sa.Column("sentence_end", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(120), nullable=False),
        sa.Column("source_country", sa.String(3)),
        sa.Column("target", sa.String(120)),
        sa.Column("target_country", sa.String(3)),
        sa.Column("place", sa.Text()),
        sa.Column("time_start", sa.String(10)),
        sa.Column("time_end", sa.String(10)),
        sa.Column("speaker", sa.Text()),
        sa.Column("attributed", sa.String(120)),
        sa.Column("certainty", sa.String(10), nullable=False),
        sa.Column("polarity", sa.String(10), nullable=False),
        sa.Column("context", sa.String(20)),
    )
    op.create_index("events_extraction", "events", ["extraction_id"])
    op.create_index("events_dyad", "events", ["source_country", "target_country", "time_start"])


def _create_places() -> None:
    op.create_table(
        "places",
        sa.Column("extraction_id", sa.Integer(), sa.ForeignKey("extractions.id"), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("country", sa.String(3)),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("geonameid", sa.Integer()),
        sa.Column("precision", sa.String(20), nullable=False),
        sa.Column("mentions", sa.JSON(), nullable=False),
    )
    op.create_index("ix_places_extraction_id", "places", ["extraction_id"])


def _create_text_search() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE documents_fts USING fts5(id UNINDEXED, title, text)")
    else:
        op.execute(
            "CREATE INDEX documents_text_search ON documents"
            " USING gin (to_tsvector('english', coalesce(title, '') || ' ' || text))"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE documents_fts")
    op.drop_table("places")
    op.drop_table("events")
    op.drop_table("claims")
    op.drop_table("actors")
    op.drop_table("extractions")
    op.drop_table("documents")
