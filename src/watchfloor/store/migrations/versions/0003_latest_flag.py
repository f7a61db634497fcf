"""A "latest" flag on extractions, so that queries of the current facts need no GROUP BY.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a plain ADD COLUMN: SQLite's batch mode would copy the table, which its foreign keys forbid with data
    op.add_column("extractions", sa.Column("latest", sa.Boolean(), nullable=False, server_default=sa.true()))
    op.execute(
        "UPDATE extractions SET latest = (version = (SELECT max(e.version) FROM extractions e"
        " WHERE e.document_id = extractions.document_id))"
    )
    op.create_index("extractions_latest", "extractions", ["latest", "id"])


def downgrade() -> None:
    op.drop_index("extractions_latest", "extractions")
    with op.batch_alter_table("extractions") as batch:
        batch.drop_column("latest")
