"""A dyad counted off one index: each event keeps the day a dyad counts it on (its time, else its
document's date) and whether it is current (of its document's latest extraction, the document no wire copy),
both backfilled, and an index on its sides, current flag and what a dyad reads (``queries.dyad_days``), so that
a dyad of 20,000 events is counted without joining 20,000 extractions and documents. The index on the actors
of a dyad's sides takes their countries too; one more holds what the brief groups and counts events by.

Revision ID: 0016
Revises: 0015
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("day", sa.String(10)))
        batch.add_column(sa.Column("current", sa.Boolean, nullable=False, server_default=sa.true()))
    bind = op.get_bind()
    bind.execute(
        sa.text(
            "UPDATE events SET day = COALESCE(time_start, (SELECT COALESCE(d.published, d.latest_date)"
            " FROM extractions e JOIN documents d ON d.id = e.document_id WHERE e.id = events.extraction_id))"
        )
    )
    bind.execute(
        sa.text(
            "UPDATE events SET current = false WHERE extraction_id IN (SELECT e.id FROM extractions e"
            " WHERE NOT e.latest OR e.document_id IN (SELECT document_id FROM copies))"
        )
    )
    from watchfloor.store.schema import events

    op.drop_index("events_source", "events")
    for index in events.indexes:
        if index.name in ("events_dyad_days", "events_groups", "events_source"):
            index.create(bind)


def downgrade() -> None:
    op.drop_index("events_groups", "events")
    op.drop_index("events_dyad_days", "events")
    op.drop_index("events_source", "events")
    op.create_index("events_source", "events", ["source", "target"])
    with op.batch_alter_table("events") as batch:
        batch.drop_column("current")
        batch.drop_column("day")
