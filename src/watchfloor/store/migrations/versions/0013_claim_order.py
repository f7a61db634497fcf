"""The documents' order kept on each claim, so a newest-first page of claims walks one index and stops
after its page instead of sorting every match: the document's ingest time (the order's tie-break after the
date) and the claim's unit class (what `--unit` filters on), both backfilled; an index on the order alone and
one per owner and unit class. The index on the extractions' latest flag goes: nearly every extraction is the
latest, so it never narrows a read, yet SQLite (without statistics) started its joins from it and read every
event for one dyad.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("ingested_at", sa.DateTime(timezone=True)))
        batch.add_column(sa.Column("unit_class", sa.String(60)))
    bind = op.get_bind()
    bind.execute(
        sa.text(
            "UPDATE claims SET ingested_at = (SELECT d.ingested_at FROM extractions e"
            " JOIN documents d ON d.id = e.document_id WHERE e.id = claims.extraction_id)"
        )
    )
    from watchfloor.gazetteer import unit_class

    units = bind.execute(sa.text("SELECT DISTINCT unit FROM claims WHERE unit IS NOT NULL")).scalars().all()
    for unit in units:
        bind.execute(
            sa.text("UPDATE claims SET unit_class = :kind WHERE unit = :unit"), {"kind": unit_class(unit), "unit": unit}
        )
    from watchfloor.store.schema import claims

    for index in claims.indexes:
        if index.name in ORDER_INDEXES:
            index.create(bind)
    op.drop_index("extractions_latest", "extractions")


ORDER_INDEXES = ("claims_page", "claims_owner_page")


def downgrade() -> None:
    op.create_index("extractions_latest", "extractions", ["latest", "id"])
    for name in ORDER_INDEXES:
        op.drop_index(name, "claims")
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("unit_class")
        batch.drop_column("ingested_at")
