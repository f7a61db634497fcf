"""Wire copies (MinHash signatures and copy links) and claim tracks (target, chain countries, track key).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("claims", sa.Column("target", sa.String(120)))
    op.add_column("claims", sa.Column("track_key", sa.String(200)))
    op.add_column("claims", sa.Column("chain_countries", sa.JSON()))
    op.create_index("claims_track", "claims", ["track_key"])
    op.create_table(
        "signatures",
        sa.Column("document_id", sa.String(80), sa.ForeignKey("documents.id"), primary_key=True),
        sa.Column("minhash", sa.LargeBinary(), nullable=False),
    )
    op.create_table(
        "copies",
        sa.Column("document_id", sa.String(80), sa.ForeignKey("documents.id"), primary_key=True),
        sa.Column("original_id", sa.String(80), sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("similarity", sa.Float(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("copies")
    op.drop_table("signatures")
    op.drop_index("claims_track", "claims")
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("chain_countries")
        batch.drop_column("track_key")
        batch.drop_column("target")
